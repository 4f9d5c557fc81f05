"""One bad document costs only itself, in both modes of the workflow (one job per step, and chunks
converted in one process), over a generated batch: good PDFs (one with an upper-case .PDF), good
PDFs with warnings (a number used twice, an answer without its question), broken and hostile files,
and a good PDF that meets a bug (a house-style template that fails on it: an unexpected exception,
not an error of the input). Every good document converts, every bad one fails alone with one line
per failing step, nothing is left half-written, and the run ends with one summary.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from test_robustness import (
    ANSWERER,
    QUESTIONER,
    aanhangsel,
    checked,
    cut,
    encrypted,
    jpeg,
)

from conftest import CORPUS, SAMPLE_PDF, folder_config, snakemake
from documents import masthead, p, render
from kamervragen.writers import templating

SUFFIXES = [".layout.json", ".txt", ".xml", ".html", ".pdf", ".akn.xml", ".qa.jsonl"]
FINAL = [*SUFFIXES, ".manifest.json"]


def numbered_twice(path: Path) -> Path:
    """An Aanhangsel that numbers question 2 twice (as a real one numbered "16" twice)."""
    body = masthead("ah-tk-20232024-9998")
    body += [p("Aanhangsel van de Handelingen", "title"), p(QUESTIONER), p(ANSWERER)]
    for number, text in [(1, "Kent u het bericht?"), (2, "Klopt het?"), (2, "Waarom niet?")]:
        body += [p(f"Vraag {number}"), p(text)]
    for number, text in [(1, "Ja."), (2, "Ja, het klopt; zie ook het vorige antwoord.")]:
        body += [p(f"Antwoord {number}"), p(text)]
    return render(body, path, running="Aanhangsel, nr. 9998")


def buggy_templates(folder: Path) -> Path:
    """The templates, with a bug that only the document from bug.pdf meets."""
    shutil.copytree(templating.DEFAULT_TEMPLATES, folder)
    page = folder / "document.html"
    bug = '{% if doc.metadata.source_file == "bug.pdf" %}{{ 1 // (doc.metadata.pages * 0) }}{% endif %}\n'
    source = page.read_text(encoding="utf-8")
    page.write_text(source.replace("{% block content %}\n", "{% block content %}\n" + bug, 1))
    return folder


def batch(folder: Path) -> tuple[list[str], dict[str, int], dict[str, str]]:
    """The input folder: good names, good names with their number of warnings, bad names with
    the message their one line must hold."""
    folder.mkdir()
    shutil.copy(SAMPLE_PDF, folder / "goed.pdf")
    shutil.copy(SAMPLE_PDF, folder / "SCANNER.PDF")  # upper-case extension, from a scanner
    numbered_twice(folder / "dubbel.pdf")
    aanhangsel(folder / "los-antwoord.pdf", [("Klopt het?", "Ja."), (None, "Een los antwoord.")])
    shutil.copy(SAMPLE_PDF, folder / "bug.pdf")
    (folder / "leeg.pdf").write_bytes(b"")
    (folder / "tekst.pdf").write_text("Geen PDF maar platte tekst.\n", encoding="utf-8")
    shutil.copy(cut(folder.parent, 0.5), folder / "afgebroken.pdf")
    shutil.copy(jpeg(folder.parent), folder / "foto.pdf")
    shutil.copy(encrypted(folder.parent, user_password="geheim"), folder / "versleuteld.pdf")
    # After "kamervragen: <name>.pdf: " (or, for a step that reads the semantic XML, "<name>.xml").
    bad = {
        "leeg": "empty file (0 bytes); expected a PDF",
        "tekst": "not a PDF",
        "afgebroken": "truncated PDF",
        "foto": "not a PDF",
        "versleuteld": "password-protected PDF",
        "bug": "internal error: ZeroDivisionError: integer division or modulo by zero "
        "(at huisstijl/document.html:",  # the template's own line
    }
    motie = CORPUS / "not-qa" / "kst-21501-02-3121-motie.pdf"
    if motie.exists():
        shutil.copy(motie, folder / "motie.pdf")
        bad["motie"] = "no question/answer structure found"
    warned = {"dubbel": 1, "los-antwoord": 1}
    return ["goed", "SCANNER", *warned], warned, bad


@pytest.mark.slow
@pytest.mark.parametrize("chunk_size", [0, 4], ids=["per-step", "chunked"])
def test_a_batch_of_good_bad_and_buggy_documents(
    chunk_size: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    good, warned, bad = batch(tmp_path / "input")
    monkeypatch.setenv(templating.TEMPLATES_ENV, str(buggy_templates(tmp_path / "huisstijl")))
    config = [*folder_config(tmp_path), f"chunk_size={chunk_size}"]

    result = snakemake("--cores", "2", "--keep-going", *config, cwd=tmp_path)

    assert result.returncode != 0
    output, terminal = tmp_path / "output", result.stdout
    for name in good:  # every good document converts, whatever shares its chunk
        assert sorted(path.name for path in (output / name).iterdir()) == sorted(
            f"{name}{suffix}" for suffix in FINAL
        ), name
    assert (output / "SCANNER" / "SCANNER.manifest.json").read_text().count('"SCANNER.PDF"') == 1
    # Nothing half-written: every file there parses whole, and no temporary file is left.
    for path in output.rglob("*"):
        assert not path.name.endswith(".tmp"), path
        if path.is_file():
            checked(path)
    for name, message in bad.items():
        # Fails alone: no manifest; a PDF that could not be read left nothing at all.
        assert not (output / name / f"{name}.manifest.json").exists(), name
        if name != "bug" or chunk_size:
            assert not (output / name).exists(), name
        # One line per failing step, on the terminal (two jobs may write at once, so a line is
        # looked for anywhere) and, exactly, in the step's log.
        shown = [line for line in terminal.splitlines() if f"{name}." in line and message in line]
        assert len(shown) >= 1, (name, message)
        steps = ["render_html", "render_pdf"] if name == "bug" else ["read_pdf"]
        for log in [tmp_path / "logs" / step / f"{name}.log" for step in steps]:
            if chunk_size:
                break  # a chunk's log holds its documents' lines
            errors = [
                line
                for line in log.read_text(encoding="utf-8").splitlines()
                if line.startswith("ERROR ")
            ]
            assert len(errors) == 1 and message in errors[0], (log, errors)
    if not chunk_size:  # the steps before the failing one keep their (complete) files
        assert sorted(path.name for path in (output / "bug").iterdir()) == sorted(
            f"bug{suffix}" for suffix in [".layout.json", ".txt", ".xml", ".akn.xml", ".qa.jsonl"]
        )
    logs = tmp_path / "logs" / ("convert_chunk" if chunk_size else "render_html")
    logged = "".join(path.read_text(encoding="utf-8") for path in logs.iterdir())
    assert "Traceback (most recent call last)" in logged and "ZeroDivisionError" in logged
    assert "Traceback" not in terminal
    assert not (output / "questions.csv").exists() and not (output / "SHA256SUMS").exists()

    # The end of the run, said once: who did not finish (a bug, not a rejected input), then the
    # summary naming the documents with warnings.
    unfinished = [line for line in terminal.splitlines() if "did not finish" in line]
    total = len(good) + len(bad)
    assert len(unfinished) == 1
    # (In chunked mode a rejected PDF in the bug's chunk is not recorded either: its chunk failed.)
    listed = unfinished[0].split(" did not finish: ", 1)[1].split(" (see ", 1)[0].split(", ")
    assert "bug" in listed and set(listed) <= set(bad), listed
    summaries = [line for line in terminal.splitlines() if "document(s) complete" in line]
    assert summaries == [
        f"kamervragen: {len(good)} of {total} document(s) complete, 2 with warnings: "
        "dubbel (1 warning), los-antwoord (1 warning)"
    ]
    assert re.search(r"warning \[duplicate-question-number\] question number 2 is used", terminal)
