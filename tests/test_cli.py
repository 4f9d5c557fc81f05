"""The command line: one clear line per bad input, a documented exit code, nothing left behind."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pypdf
import pytest

from conftest import SAMPLE_PDF, shared_path
from kamervragen.cli import main


def run_read(
    pdf: Path, out: Path, capsys: pytest.CaptureFixture[str], *options: str
) -> tuple[int, str]:
    # Snakemake creates the output folder before the job runs; the CLI must remove it on failure.
    out.mkdir(parents=True, exist_ok=True)
    code = main(
        [
            "read",
            str(pdf),
            "--layout",
            str(out / "doc.layout.json"),
            "--text",
            str(out / "doc.txt"),
            *options,
        ]
    )
    return code, capsys.readouterr().err


def encrypted(tmp_path: Path, *, user_password: str) -> Path:
    writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(SAMPLE_PDF))
    writer.encrypt(user_password=user_password, owner_password="owner", algorithm="AES-256")
    path = tmp_path / "encrypted.pdf"
    writer.write(path)
    return path


def make_bad(kind: str, tmp_path: Path) -> Path:
    data = SAMPLE_PDF.read_bytes()
    path = tmp_path / f"{kind}.pdf"
    if kind == "empty":
        path.write_bytes(b"")
    elif kind == "not-a-pdf":
        path.write_text("Vraag 1\nIs dit een PDF?\n", encoding="utf-8")
    elif kind == "truncated":
        path.write_bytes(data[: len(data) // 2])
    elif kind == "jpeg":
        path.write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(200))
    elif kind == "password":
        return encrypted(tmp_path, user_password="geheim")
    return path


@pytest.mark.parametrize(
    ("kind", "code", "message"),
    [
        ("empty", 3, "empty.pdf: empty file (0 bytes); expected a PDF"),
        ("not-a-pdf", 3, "not-a-pdf.pdf: not a PDF (starts with 'Vraag 1\\nIs dit e')"),
        ("truncated", 3, "truncated.pdf: truncated PDF: no end-of-file marker"),
        ("jpeg", 3, "jpeg.pdf: not a PDF (starts with"),
        ("password", 4, "encrypted.pdf: password-protected PDF"),
    ],
)
def test_bad_input_one_line_exit_code_nothing_left(
    kind: str, code: int, message: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pdf = make_bad(kind, tmp_path)
    out = tmp_path / "output" / "doc"
    exit_code, stderr = run_read(pdf, out, capsys)
    assert exit_code == code
    lines = stderr.strip().splitlines()
    assert len(lines) == 1, stderr
    assert lines[0].startswith("kamervragen: ")
    assert message in lines[0]
    assert not out.exists(), "the output folder (left empty) must be removed"
    assert list((tmp_path / "output").iterdir()) == []


def test_scanned_pdf_is_rejected_with_ocr_off(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """With OCR switched off a scan is refused exactly as before OCR existed."""
    scan = shared_path("corpus", "verslag", "28676-navo-verslag-scan.pdf")
    exit_code, stderr = run_read(scan, tmp_path / "output" / "scan", capsys, "--ocr", "off")
    assert exit_code == 5
    assert stderr.strip() == (
        "kamervragen: 28676-navo-verslag-scan.pdf: no text layer (scanned PDF?): none of its 12 "
        "page(s) has extractable text; expected a PDF with a text layer; OCR is not part of this tool"
    )
    assert not (tmp_path / "output" / "scan").exists()


def test_pdf_with_only_an_owner_password_is_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Permissions-only encryption (no user password) opens without a password: read it."""
    pdf = encrypted(tmp_path, user_password="")
    out = tmp_path / "out"
    exit_code, stderr = run_read(pdf, out, capsys)
    assert exit_code == 0, stderr
    assert "1. Antwoord van het kabinet" in (out / "doc.txt").read_text(encoding="utf-8")


def test_read_writes_layout_and_text(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    exit_code, stderr = run_read(SAMPLE_PDF, tmp_path, capsys)
    assert exit_code == 0, stderr
    text = (tmp_path / "doc.txt").read_text(encoding="utf-8")
    assert text.startswith(
        "28676 NAVO\n\nNr. VERSLAG\n\nVastgesteld, … maart 2021\n\nBinnen de vaste"
    )
    assert "\n\n[1] Bloomberg, 15 maart 2021" in text
    layout = (tmp_path / "doc.layout.json").read_text(encoding="utf-8")
    assert '"format": "kamervragen-layout"' in layout
    # No temporary files are left beside the outputs.
    assert sorted(path.name for path in tmp_path.iterdir()) == ["doc.layout.json", "doc.txt"]


def test_missing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    exit_code, stderr = run_read(tmp_path / "absent.pdf", tmp_path / "out", capsys)
    assert exit_code == 3
    assert "absent.pdf: file not found" in stderr


def test_malformed_layout_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    layout = tmp_path / "doc.layout.json"
    layout.write_text('{"format": "something-else", "version": 7}', encoding="utf-8")
    code = main(["structure", str(layout), "--output", str(tmp_path / "doc.xml")])
    assert code == 6
    assert "doc.layout.json: not a layout file of version 2" in capsys.readouterr().err
    assert not (tmp_path / "doc.xml").exists()


def test_python_dash_m_and_help_lists_exit_codes() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "kamervragen", "--help"], capture_output=True, text=True, check=True
    )
    assert "read" in result.stdout and "structure" in result.stdout and "render" in result.stdout
    assert "5  PDF has no text layer (scanned?)" in result.stdout


def test_outputs_are_ordinary_readable_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    previous = os.umask(0o022)
    try:
        exit_code, _ = run_read(SAMPLE_PDF, tmp_path, capsys)
    finally:
        os.umask(previous)
    assert exit_code == 0
    # mkstemp's owner-only mode is not kept: the umask decides, as for any other file.
    assert (tmp_path / "doc.txt").stat().st_mode & 0o777 == 0o644


def test_stale_temporary_files_of_a_killed_run_are_removed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A SIGKILLed job leaves '.<name>.*.tmp' behind; the next write of that output removes it."""
    stale = tmp_path / ".doc.txt.abc123.tmp"
    stale.write_text("half", encoding="utf-8")
    other = tmp_path / ".other.txt.abc123.tmp"  # another output's: left alone
    other.write_text("half", encoding="utf-8")
    exit_code, _ = run_read(SAMPLE_PDF, tmp_path, capsys)
    assert exit_code == 0
    assert not stale.exists()
    assert other.exists()


def test_read_with_outcome_records_a_rejection_and_removes_earlier_outputs(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The workflow's read step: a rejected PDF is an outcome (exit 0), not a failed job."""
    folder = tmp_path / "x"
    layout, text, outcome = folder / "x.layout.json", folder / "x.txt", tmp_path / "x.json"
    pdf = tmp_path / "x.pdf"
    pdf.write_bytes(SAMPLE_PDF.read_bytes())
    args = ["read", str(pdf), "--layout", str(layout), "--text", str(text), "--require-qa"]
    assert main([*args, "--outcome", str(outcome)]) == 0
    assert json.loads(outcome.read_text())["documents"][0]["verdict"] == "accepted"
    (folder / "x.html").write_text("from an earlier run", encoding="utf-8")

    pdf.write_bytes(b"")  # the PDF is replaced by an empty file: rejected
    assert main([*args, "--outcome", str(outcome)]) == 0
    (entry,) = json.loads(outcome.read_text())["documents"]
    assert entry == {
        "document": "x",
        "file": "x.pdf",
        "size": 0,
        "sha256": "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        "verdict": "rejected",
        "exit_code": 3,
        "reason": "empty file (0 bytes); expected a PDF",
    }
    assert not folder.exists()  # nothing of the document is left
    assert "kamervragen: x.pdf: empty file (0 bytes); expected a PDF" in capsys.readouterr().err
    # Without --outcome a rejection is an error, as before.
    assert main(args) == 3
