"""The table of outputs against the workflow, the manifest and the command line; the pipeline."""

from __future__ import annotations

import ast
import inspect
import re

import pytest

from conftest import REPO, SAMPLE_PDF
from kamervragen import cli, manifest, pipeline, structure
from kamervragen.limits import DEFAULT_LIMITS
from kamervragen.outputs import OUTPUTS, WriteOptions, names


def smk_list(path: str, variable: str) -> list[str]:
    """The value of ``VARIABLE = [...]`` (a list of string literals) in a rule file."""
    source = (REPO / path).read_text(encoding="utf-8")
    match = re.search(rf"^{variable} = (\[.*?\])$", source, re.MULTILINE | re.DOTALL)
    assert match, f"{variable} not found in {path}"
    return list(ast.literal_eval(match.group(1)))


def test_the_workflow_makes_every_output_of_the_table() -> None:
    suffixes = smk_list("rules/common.smk", "DOCUMENT_SUFFIXES")
    manifest_suffix = re.search(
        r'^MANIFEST_SUFFIX = "(.*)"$', (REPO / "rules/common.smk").read_text(), re.MULTILINE
    )
    assert manifest_suffix is not None
    assert sorted([*suffixes, manifest_suffix.group(1)]) == sorted(
        output.suffix for output in OUTPUTS.values()
    )


def test_chunked_mode_converts_to_every_format_of_the_table() -> None:
    rule = (REPO / "rules/chunked.smk").read_text(encoding="utf-8")
    match = re.search(r"--formats (\S+)", rule)
    assert match is not None
    assert match.group(1).split(",") == cli.CONVERT_FORMATS
    assert cli.CONVERT_FORMATS == [name for name in OUTPUTS if name != "xml"]


def test_the_manifest_knows_every_output() -> None:
    for output in OUTPUTS.values():
        media_type = manifest.media_type_of(f"x{output.suffix}")
        assert media_type == (output.media_type, output.description)


def test_the_command_line_renders_the_table_s_writers() -> None:
    parser = cli.build_parser()
    with pytest.raises(SystemExit):
        parser.parse_args(["render", "docx", "x.xml", "--output", "x.docx"])
    assert names("render") == ["html", "pdf", "akn"]
    for name in names("render"):
        args = parser.parse_args(["render", name, "x.xml", "--output", "x.out"])
        assert args.format == name


def test_every_writer_takes_a_document_and_options() -> None:
    for output in OUTPUTS.values():
        if output.writer is None:
            assert output.step in ("read", "structure", "manifest")
            continue
        parameters = list(inspect.signature(output.write()).parameters.values())
        assert [p.name for p in parameters] == ["doc", "options"]
        assert parameters[1].default == WriteOptions()


def test_the_read_step_finds_the_questions_without_building_the_document(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def build_document(*args: object, **kwargs: object) -> None:
        raise AssertionError("the read step built the whole document")

    monkeypatch.setattr(structure, "build_document", build_document)
    read = pipeline.read(SAMPLE_PDF, DEFAULT_LIMITS, require_qa=True)
    assert read.layout.source.file == SAMPLE_PDF.name
    assert read.text.paragraphs
