"""The public Python API: the README's example runs, and gives what the command line gives."""

from __future__ import annotations

import contextlib
import io
import os
import re

import kamervragen
from conftest import REPO, SAMPLE_PDF
from kamervragen import pipeline
from kamervragen.limits import DEFAULT_LIMITS


def readme_example() -> str:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Use from Python", 1)[1]
    match = re.search(r"```python\n(.*?)```", section, re.DOTALL)
    assert match is not None
    return match.group(1)


def test_the_readme_example_runs() -> None:
    namespace: dict[str, object] = {}
    out = io.StringIO()
    cwd = os.getcwd()
    os.chdir(REPO)
    try:
        with contextlib.redirect_stdout(out):
            exec(compile(readme_example(), "README.md", "exec"), namespace)
    finally:
        os.chdir(cwd)
    lines = out.getvalue().splitlines()
    assert lines[0] == "verslag 28676 18 questions"
    assert lines[1].startswith("VVD (1,) ")
    assert lines[2].startswith("answered by kabinet : ")
    assert isinstance(namespace["html"], bytes) and b"<html" in namespace["html"]
    records = namespace["records"]
    assert isinstance(records, list) and len(records) == 18


def test_the_api_gives_what_the_pipeline_gives() -> None:
    doc = kamervragen.convert(SAMPLE_PDF)
    converted = pipeline.convert(
        SAMPLE_PDF, SAMPLE_PDF.stem, ["html", "qa"], strict=False, limits=DEFAULT_LIMITS
    )
    assert doc == converted.document
    assert kamervragen.write("html", doc) == converted.files[".html"]
    assert kamervragen.write("qa", doc) == converted.files[".qa.jsonl"]


def test_everything_public_is_listed() -> None:
    for name in kamervragen.__all__:
        assert getattr(kamervragen, name) is not None
    assert set(kamervragen.OUTPUTS) >= {"html", "pdf", "akn", "qa"}
