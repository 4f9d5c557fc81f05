"""The public Python API: the README's example runs, and gives what the command line gives."""

from __future__ import annotations

import contextlib
import io
import os
import re
import shutil
from pathlib import Path

import pytest

import kamervragen
from conftest import REPO, SAMPLE_PDF
from kamervragen import cli, pipeline, readers
from kamervragen.errors import NoTextLayerError
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


@pytest.mark.skipif(
    shutil.which("tesseract") is None, reason="Tesseract is not installed (make test installs it)"
)
def test_the_api_reads_a_scan_as_the_command_line_does(tmp_path: Path) -> None:
    """``ocr`` as ``--ocr``: the default recognises a page without a text layer, "off" refuses it
    with the command line's error (exit code 5)."""
    from test_ocr import aanhangsel_pdf, scan_of

    scan = scan_of(aanhangsel_pdf(tmp_path / "ah-tk-20232024-2001.pdf"), tmp_path / "scan.pdf")
    with pytest.raises(NoTextLayerError):
        kamervragen.convert(scan, ocr="off")
    doc = kamervragen.convert(scan, threads=2)
    assert doc.metadata.ocr is not None
    assert [q.numbers for q in doc.questions()] == [(1,), (2,), (3,)]
    assert [a.numbers for a in doc.answers()] == [(1,), (2,), (3,)]


def test_the_ocr_setting_has_one_set_of_values() -> None:
    assert cli.OCR_MODES == readers.OCR_MODES
    assert readers.choose("off") == ("pdfium", {})
    assert readers.choose("force", threads=2) == ("ocr", {"mode": "force", "threads": 2})
    with pytest.raises(ValueError, match="ocr must be one of auto, off, force"):
        readers.choose("of")
