"""`kamervragen convert` and `kamervragen validate`: one process for one-off use, clear exit codes."""

from __future__ import annotations

import dataclasses
import io
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from conftest import DATA, SAMPLE_PDF
from kamervragen import model, structure
from kamervragen.cli import _Progress, main
from kamervragen.corpus import CORPUS_FILES
from kamervragen.errors import Anomaly
from kamervragen.outputs import NO_OPTIONS, WriteOptions
from kamervragen.writers import templating

SAMPLE = SAMPLE_PDF.stem
FAST = "txt,html,akn,qa"  # no PDF: WeasyPrint is tested elsewhere


def test_convert_writes_every_chosen_format(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["convert", str(SAMPLE_PDF), "--out", str(tmp_path), "--formats", FAST]) == 0
    folder = tmp_path / SAMPLE
    assert sorted(path.name for path in folder.iterdir()) == sorted(
        f"{SAMPLE}{suffix}" for suffix in [".txt", ".xml", ".html", ".akn.xml", ".qa.jsonl"]
    )
    # Not a terminal: one plain line per file, then the summary.
    assert capsys.readouterr().err == (
        f"kamervragen: converted {SAMPLE_PDF} (1/1)\n"
        "kamervragen: 1 converted (0 with warnings), 0 rejected\n"
    )


def test_convert_matches_the_workflow_steps(tmp_path: Path) -> None:
    """The same bytes as read -> structure -> render, which the workflow runs one by one."""
    steps = tmp_path / "steps"
    layout, text, xml = (steps / f"{SAMPLE}{s}" for s in (".layout.json", ".txt", ".xml"))
    assert main(["read", str(SAMPLE_PDF), "--layout", str(layout), "--text", str(text)]) == 0
    assert main(["structure", str(layout), "--output", str(xml)]) == 0
    assert main(["render", "akn", str(xml), "--output", str(steps / "x.akn.xml")]) == 0
    formats = "layout,txt,akn"
    assert main(["convert", str(SAMPLE_PDF), "--out", str(tmp_path), "--formats", formats]) == 0
    converted = tmp_path / SAMPLE
    for path in (layout, text, xml):
        assert (converted / path.name).read_bytes() == path.read_bytes(), path.name
    assert (converted / f"{SAMPLE}.akn.xml").read_bytes() == (steps / "x.akn.xml").read_bytes()


def test_convert_goes_on_after_a_bad_file_and_lists_it_as_rejected(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    empty = tmp_path / "empty.pdf"
    empty.write_bytes(b"")
    out = tmp_path / "out"
    code = main(["convert", str(empty), str(SAMPLE_PDF), "--out", str(out), "--formats", "txt"])
    assert code == 3  # the exit code of the first file rejected
    err = capsys.readouterr().err.splitlines()
    assert err == [
        "kamervragen: empty.pdf: empty file (0 bytes); expected a PDF",
        f"kamervragen: converted {SAMPLE_PDF} (2/2)",
        f"kamervragen: 1 converted (0 with warnings), 1 rejected: see {out}/rejected.csv",
    ]
    # Nothing of empty.pdf; the corpus files over the sample, and the rejection listed.
    assert sorted(path.name for path in out.iterdir()) == sorted(
        [SAMPLE, *CORPUS_FILES, "SHA256SUMS"]
    )
    assert (out / "rejected.csv").read_text(encoding="utf-8").splitlines() == [
        "file,sha256,size,exit_code,reason",
        "empty.pdf,e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855,0,3,"
        "empty file (0 bytes); expected a PDF",
    ]
    check = subprocess.run(["sha256sum", "-c", "SHA256SUMS"], cwd=out, capture_output=True)
    assert check.returncode == 0, check.stdout
    assert f"{SAMPLE}/{SAMPLE}.txt: OK".encode() in check.stdout
    assert b"rejected.csv: OK" in check.stdout

    # Rejections expected: exit 0, the same files.
    again = tmp_path / "again"
    args = [str(empty), str(SAMPLE_PDF), "--out", str(again), "--formats", "txt"]
    assert main(["convert", *args, "--allow-rejected"]) == 0
    for name in [*CORPUS_FILES, "SHA256SUMS"]:
        assert (again / name).read_bytes() == (out / name).read_bytes(), name


def test_convert_takes_a_folder_and_writes_the_workflow_s_corpus_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "input"
    (folder / "sub").mkdir(parents=True)
    (folder / "b.pdf").write_bytes(SAMPLE_PDF.read_bytes())
    (folder / "a.pdf").write_text("Dit is geen PDF.", encoding="utf-8")
    (folder / "sub" / "c.pdf").write_bytes(SAMPLE_PDF.read_bytes())  # sub-folders: not read
    (folder / "notes.txt").write_text("no PDF", encoding="utf-8")
    out = tmp_path / "out"
    assert main(["convert", str(folder), "--out", str(out), "--formats", FAST]) == 3
    assert sorted(path.name for path in out.iterdir()) == sorted(["b", *CORPUS_FILES, "SHA256SUMS"])
    rows = (out / "rejected.csv").read_text(encoding="utf-8").splitlines()
    assert [row.split(",")[0] for row in rows] == ["file", "a.pdf"]
    questions = (out / "questions.csv").read_text(encoding="utf-8").splitlines()
    assert sum(1 for row in questions if row.startswith("b,")) == 18
    assert capsys.readouterr().err.endswith(
        f"kamervragen: 1 converted (0 with warnings), 1 rejected: see {out}/rejected.csv\n"
    )


def test_convert_removes_the_outputs_of_a_pdf_that_is_now_rejected(tmp_path: Path) -> None:
    pdf = tmp_path / "x.pdf"
    pdf.write_bytes(SAMPLE_PDF.read_bytes())
    out = tmp_path / "out"
    assert main(["convert", str(pdf), "--out", str(out), "--formats", "txt"]) == 0
    assert (out / "x" / "x.txt").exists()
    pdf.write_bytes(b"%PDF-1.7\n")  # replaced by a broken one
    assert main(["convert", str(pdf), "--out", str(out), "--formats", "txt"]) == 3
    assert not (out / "x").exists()
    assert "x.pdf" in (out / "rejected.csv").read_text(encoding="utf-8")
    assert "x/x.txt" not in (out / "SHA256SUMS").read_text(encoding="utf-8")


def test_convert_refuses_two_files_of_one_name(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    other = tmp_path / "elders" / SAMPLE_PDF.name
    other.parent.mkdir()
    other.write_bytes(SAMPLE_PDF.read_bytes())
    out = tmp_path / "out"
    code = main(["convert", str(SAMPLE_PDF), str(other), "--out", str(out), "--formats", "txt"])
    assert code == 3
    assert "converted before" in capsys.readouterr().err


def test_convert_strict_fails_on_a_warning(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    original = structure.build_document

    def with_a_warning(*args: Any, **kwargs: Any) -> model.Document:
        doc = original(*args, **kwargs)
        anomaly = Anomaly("numbering-gap", "question 3 is missing", page=2, line=7)
        return dataclasses.replace(doc, anomalies=(anomaly,))

    monkeypatch.setattr(structure, "build_document", with_a_warning)
    out = tmp_path / "out"
    assert main(["convert", str(SAMPLE_PDF), "--out", str(out), "--formats", "txt"]) == 0
    assert "page 2, line 7: warning [numbering-gap]" in capsys.readouterr().err
    code = main(["convert", str(SAMPLE_PDF), "--out", str(tmp_path / "strict"), "--strict"])
    assert code == 9
    assert "question 3 is missing [numbering-gap] (strict mode" in capsys.readouterr().err
    assert not (tmp_path / "strict" / SAMPLE).exists()
    rejected = (tmp_path / "strict" / "rejected.csv").read_text(encoding="utf-8")
    assert f"{SAMPLE}.pdf," in rejected and ',9,"page 2, line 7: question 3 is missing' in rejected


def test_convert_logs_its_start_up_and_each_document_s_time(tmp_path: Path) -> None:
    """The log separates a batch's start-up ("ready") from each document's own time, which is
    how bench/bench.py tells Snakemake and start-up from work."""
    log_file = tmp_path / "convert.log"
    args = ["convert", str(SAMPLE_PDF), "--out", str(tmp_path), "--formats", FAST]
    assert main([*args, "--log", str(log_file)]) == 0
    lines = log_file.read_text(encoding="utf-8").splitlines()
    ready = [line for line in lines if "ready in" in line]
    assert len(ready) == 1 and ready[0].endswith(f"(formats: {FAST})")
    (done,) = [line for line in lines if "(1/1)" in line]
    assert re.search(rf"converted {re.escape(str(SAMPLE_PDF))} \(1/1\) in \d+ ms$", done)


def test_convert_with_a_broken_template_fails_before_any_document(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "document.html").write_text("{% if doc %}never closed\n", encoding="utf-8")
    monkeypatch.setenv(templating.TEMPLATES_ENV, str(templates))
    templating.environment.cache_clear()
    out = tmp_path / "out"
    try:
        code = main(["convert", str(SAMPLE_PDF), "--out", str(out), "--formats", "html"])
    finally:
        templating.environment.cache_clear()
    assert code == 8
    (line,) = capsys.readouterr().err.splitlines()
    assert line.startswith("kamervragen: cannot load the writers (TemplateSyntaxError: ")
    assert not out.exists()


@pytest.mark.parametrize("formats", ["html,docx", ",", "pdf;html"])
def test_convert_unknown_format_is_a_usage_error(
    formats: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["convert", str(SAMPLE_PDF), "--out", str(tmp_path), "--formats", formats])
    assert exit_info.value.code == 2
    assert "unknown format" in capsys.readouterr().err


def test_progress_bar_only_on_a_terminal() -> None:
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    terminal = Terminal()
    progress = _Progress(terminal, 2)
    progress.done(1, Path("a.pdf"), ok=True)
    progress.done(2, Path("b.pdf"), ok=False)
    shown = terminal.getvalue()
    assert "[###############---------------] 1/2 a.pdf" in shown
    assert shown.endswith("[" + "#" * 30 + "] 2/2 b.pdf\n")
    assert "converted" not in shown
    plain = io.StringIO()
    _Progress(plain, 2).done(1, Path("a.pdf"), ok=True)
    assert plain.getvalue() == "kamervragen: converted a.pdf (1/2)\n"


def test_validate_semantic_xml_and_akn(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    xml = DATA / "xml" / "minimal.xml"
    akn = Path(__file__).parent / "golden" / "minimal.akn.xml"
    assert main(["validate", str(xml), str(akn)]) == 0
    assert capsys.readouterr().out.splitlines() == [
        f"{xml}: valid semantic XML version 1",
        f"{akn}: valid Akoma Ntoso 3.0 (OASIS akomantoso30.xsd)",
    ]


@pytest.mark.parametrize(
    ("content", "code", "message"),
    [
        (b"<x/>", 8, "unknown kind of XML: root element 'x'"),
        (b"<document", 8, "not well-formed XML"),
        (
            b'<document xmlns="urn:kamervragen:semantic:1" version="1" xml:lang="nl"><bogus/>'
            b"</document>",
            8,
            "invalid semantic XML: line 1: Element 'bogus'",
        ),
        (
            b'<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"><debate/>'
            b"</akomaNtoso>",
            8,
            "Akoma Ntoso file is invalid: line 1",  # a user's file, not kamervragen's output
        ),
    ],
)
def test_validate_an_invalid_file_is_one_line_exit_8(
    content: bytes, code: int, message: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "file.xml"
    path.write_bytes(content)
    assert main(["validate", str(path)]) == code
    lines = capsys.readouterr().err.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith(f"kamervragen: {path}: ")
    assert message in lines[0]


def test_validate_a_missing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(tmp_path / "absent.xml")]) == 3
    assert "absent.xml: cannot read file" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("command", "example"),
    [
        ("convert", "kamervragen convert input/*.pdf --out converted"),
        ("validate", "kamervragen validate output/x/x.xml"),
        ("export", "kamervragen export qa output/x/x.xml"),
        ("manifest", "kamervragen manifest --source input/x.pdf"),
        ("checksums", "kamervragen checksums output/*/* --base output"),
    ],
)
def test_help_has_an_example_and_the_exit_codes(command: str, example: str) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "kamervragen", command, "--help"],
        capture_output=True,
        text=True,
        check=True,
    )
    text = " ".join(result.stdout.split())
    assert example in text
    assert "exit codes:" in result.stdout
    assert "8 rendering or output validation failed" in text


# --- A bug costs only its own document -----------------------------------------------------------


def html_writer_with_a_bug(monkeypatch: pytest.MonkeyPatch, victim: str) -> None:
    """Make the HTML writer fail with an unexpected exception (an IndexError, as a template filter
    once did) for the document from the PDF named ``victim``, and work for every other."""
    from kamervragen.writers import html

    original = html.write_html

    def write_html(doc: model.Document, options: WriteOptions = NO_OPTIONS) -> bytes:
        if doc.metadata.source_file == victim:
            return [b""][len(doc.body)]  # IndexError: list index out of range
        return original(doc, options)

    monkeypatch.setattr(html, "write_html", write_html)


def test_convert_an_internal_error_costs_only_its_document(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    pdfs = []
    for name in ("a", "bug", "c"):
        pdfs.append(tmp_path / f"{name}.pdf")
        pdfs[-1].write_bytes(SAMPLE_PDF.read_bytes())
    out, log_file = tmp_path / "out", tmp_path / "convert.log"
    stale = out / "bug" / "bug.txt"  # from an earlier run: it must not pass for this run's output
    stale.parent.mkdir(parents=True)
    stale.write_text("oud\n", encoding="utf-8")
    html_writer_with_a_bug(monkeypatch, "bug.pdf")
    args = ["convert", *map(str, pdfs), "--out", str(out), "--formats", "txt,html"]
    assert main([*args, "--log", str(log_file)]) == 11
    err = capsys.readouterr().err.splitlines()
    assert err[0] == f"kamervragen: converted {pdfs[0]} (1/3)"
    # "at": the innermost frame in kamervragen's own code (the injected bug is outside it).
    assert re.fullmatch(
        rf"kamervragen: bug\.pdf: internal error: IndexError: list index out of "
        rf"range \(at kamervragen/pipeline\.py:\d+\); this is a bug in kamervragen, not in the "
        rf"file: please report it; the traceback is in {re.escape(str(log_file))}",
        err[1],
    ), err[1]
    assert err[2:] == [
        f"kamervragen: converted {pdfs[2]} (3/3)",
        f"kamervragen: 1 of 3 file(s) failed: {pdfs[1]}; the corpus files are made only when "
        "no file fails other than by being rejected",
    ]
    # Nothing of bug.pdf, and no corpus files: a bug is not a verdict on the input.
    assert sorted(path.name for path in out.iterdir()) == ["a", "c"]
    assert sorted(path.name for path in (out / "c").iterdir()) == ["c.html", "c.txt", "c.xml"]
    logged = log_file.read_text(encoding="utf-8")
    assert "Traceback (most recent call last):" in logged
    assert 'return [b""][len(doc.body)]' in logged  # the failing line, for the bug report


def test_a_step_with_an_internal_error_leaves_no_output(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    xml = DATA / "xml" / "minimal.xml"
    html_writer_with_a_bug(monkeypatch, "ah-tk-20232024-1481.pdf")
    output = tmp_path / "minimal.html"
    output.write_text("oud", encoding="utf-8")  # an earlier run's: removed, as on any failure
    assert main(["render", "html", str(xml), "--output", str(output)]) == 11
    (line,) = capsys.readouterr().err.splitlines()
    assert line.startswith("kamervragen: minimal.xml: internal error: IndexError: list index out")
    assert line.endswith("run it again with --log FILE to keep the traceback")
    assert not output.exists()


def test_a_bug_in_the_corpus_files_is_one_line_naming_the_output_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A bug outside any one document (here: writing the corpus files) still ends in one line
    with exit code 11, naming the folder the command writes, not in a traceback."""
    from kamervragen import corpus

    def broken(*args: object, **kwargs: object) -> dict[str, bytes]:
        raise KeyError("questions")

    monkeypatch.setattr(corpus, "corpus_files", broken)
    out = tmp_path / "out"
    assert main(["convert", str(SAMPLE_PDF), "--out", str(out), "--formats", "txt"]) == 11
    err = capsys.readouterr().err.splitlines()
    assert err[-1].startswith(f"kamervragen: {out.name}: internal error: KeyError: 'questions'")
