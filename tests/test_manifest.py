"""Provenance and fixity: manifests and SHA256SUMS, checked against the files they describe."""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import SAMPLE_PDF, folder_config, snakemake
from kamervragen import __version__
from kamervragen.cli import main
from kamervragen.manifest import sha256sums
from kamervragen.semantic_xml import from_xml

SAMPLE = SAMPLE_PDF.stem


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def check_sums(folder: Path) -> None:
    """What `cd folder && sha256sum -c SHA256SUMS` checks, with sha256sum itself when present."""
    if shutil.which("sha256sum"):
        result = subprocess.run(
            ["sha256sum", "--check", "--strict", "SHA256SUMS"],
            cwd=folder,
            capture_output=True,
            text=True,
        )
        assert result.returncode == 0, result.stdout + result.stderr
    for line in (folder / "SHA256SUMS").read_text(encoding="utf-8").splitlines():
        expected, name = line.split("  ", 1)
        assert digest(folder / name) == expected, name


def check_manifest(path: Path, source: Path) -> dict:
    """The manifest says what the files say: names, sizes, checksums, versions, identifiers."""
    manifest = json.loads(path.read_text(encoding="utf-8"))
    folder = path.parent
    assert manifest["format"] == "kamervragen-manifest" and manifest["version"] == 1
    assert manifest["document"] == SAMPLE
    assert manifest["source"] == {
        "file": source.name,
        "size": source.stat().st_size,
        "sha256": digest(source),
        "media_type": "application/pdf",
    }
    listed = {entry["file"]: entry for entry in manifest["outputs"]}
    on_disk = sorted(p.name for p in folder.iterdir() if p != path)
    assert sorted(listed) == on_disk
    for name, entry in listed.items():
        assert entry["sha256"] == digest(folder / name), name
        assert entry["size"] == (folder / name).stat().st_size
    types = {name.removeprefix(SAMPLE): entry["media_type"] for name, entry in listed.items()}
    assert types[".pdf"] == "application/pdf"
    assert types[".akn.xml"] == "application/akn+xml"
    assert types[".html"] == "text/html; charset=utf-8"
    assert types[".xml"] == "application/xml"
    doc = from_xml((folder / f"{SAMPLE}.xml").read_bytes())
    assert manifest["tools"]["kamervragen"] == __version__
    assert manifest["tools"]["semantic_xml"] == "1"
    assert len(manifest["tools"]["templates_sha256"]) == 64
    assert manifest["tools"]["weasyprint"] == "70.0"
    assert manifest["identifiers"]["dossier"] == doc.metadata.dossier == "28676"
    assert manifest["identifiers"]["akn_work"].startswith("/akn/nl/debate/vso/tk/2021-03/")
    assert manifest["statistics"] == {
        "pages": 12,
        "questions": 18,
        "answers": 18,
        "footnotes": 2,
        "warnings": len(doc.anomalies),
    }
    layout = json.loads((folder / f"{SAMPLE}.layout.json").read_text(encoding="utf-8"))
    assert manifest["furniture"] == layout["furniture"]
    assert manifest["tools"]["layout"] == layout["version"] == 2
    assert manifest["warnings"] == [
        {"code": a.code, "message": a.message, "page": a.page, "line": a.line}
        for a in doc.anomalies
    ]
    return manifest


@pytest.fixture(scope="module")
def converted(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("converted")
    assert main(["convert", str(SAMPLE_PDF), "--out", str(out), "--formats", "txt,html,akn"]) == 0
    return out / SAMPLE


def test_manifest_command(converted: Path, tmp_path: Path) -> None:
    folder = tmp_path / SAMPLE
    shutil.copytree(converted, folder)
    manifest = folder / f"{SAMPLE}.manifest.json"
    outputs = sorted(str(path) for path in folder.iterdir())
    argv = [
        "manifest",
        *outputs,
        "--source",
        str(SAMPLE_PDF),
        "--xml",
        str(folder / f"{SAMPLE}.xml"),
    ]
    assert main([*argv, "--output", str(manifest)]) == 0
    first = manifest.read_bytes()
    # The same files give the same bytes (no timestamp), and the manifest never lists itself.
    again = ["manifest", str(manifest), *argv[1:]]
    assert main([*again, "--output", str(manifest)]) == 0
    assert manifest.read_bytes() == first
    # Every output's type is known; no .pdf here (not converted), so check the rest by hand.
    data = json.loads(first)
    assert [entry["file"] for entry in data["outputs"]] == sorted(
        f"{SAMPLE}{s}" for s in [".akn.xml", ".html", ".txt", ".xml"]
    )
    for entry in data["outputs"]:
        assert entry["sha256"] == digest(folder / entry["file"])
        assert entry["media_type"] != "application/octet-stream"


def test_manifest_refuses_the_xml_of_another_pdf(
    converted: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    other = tmp_path / "other.pdf"
    other.write_bytes(SAMPLE_PDF.read_bytes() + b"\n")
    manifest = tmp_path / "x.manifest.json"
    xml = converted / f"{SAMPLE}.xml"
    code = main(
        ["manifest", str(xml), "--source", str(other), "--xml", str(xml), "--output", str(manifest)]
    )
    assert code == 6
    assert "was made from another PDF" in capsys.readouterr().err
    assert not manifest.exists()


def test_checksums_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    base = tmp_path / "out"
    (base / "a b").mkdir(parents=True)
    files = {"a b/x.txt": b"x\n", "a b/y.pdf": b"%PDF-", "z.csv": b"a,b\r\n"}
    for name, data in files.items():
        (base / name).write_bytes(data)
    sums = base / "SHA256SUMS"
    assert main(["checksums", *(str(base / name) for name in files), "--output", str(sums)]) == 0
    assert sums.read_text(encoding="utf-8") == "".join(
        f"{hashlib.sha256(data).hexdigest()}  {name}\n" for name, data in sorted(files.items())
    )
    check_sums(base)
    # A file outside the base folder cannot be listed relative to it.
    code = main(["checksums", str(SAMPLE_PDF), "--base", str(base), "--output", str(sums)])
    assert code == 3
    assert "not inside the base folder" in capsys.readouterr().err
    assert not sums.exists()


def test_checksum_lines_for_awkward_names() -> None:
    assert sha256sums([("a\\b", "00"), ("c\nd", "11")]) == "\\00  a\\\\b\n\\11  c\\nd\n"


@pytest.mark.slow
def test_workflow_manifest_checksums_and_report(tmp_path: Path) -> None:
    (tmp_path / "input").mkdir()
    shutil.copy(SAMPLE_PDF, tmp_path / "input")
    result = snakemake("--cores", "2", *folder_config(tmp_path), cwd=tmp_path)
    assert result.returncode == 0, result.stdout
    output = tmp_path / "output"
    check_manifest(
        output / SAMPLE / f"{SAMPLE}.manifest.json", tmp_path / "input" / SAMPLE_PDF.name
    )
    # SHA256SUMS lists every file in output/ but itself, and they check.
    listed = [
        line.split("  ", 1)[1]
        for line in (output / "SHA256SUMS").read_text(encoding="utf-8").splitlines()
    ]
    everything = sorted(
        str(p.relative_to(output))
        for p in output.rglob("*")
        if p.is_file() and p.name != "SHA256SUMS" and not str(p.relative_to(output)).startswith(".")
    )  # the outcome files (.outcomes/) are the workflow's records, not outputs
    assert listed == everything
    assert "questions.csv" in listed
    check_sums(output)

    # After a run with --config input_dir=…, the report takes the same --config (README).
    report = tmp_path / "report.html"
    result = snakemake("--report", report, *folder_config(tmp_path), cwd=tmp_path)
    assert result.returncode == 0, result.stdout
    html = report.read_text(encoding="utf-8")
    assert html.lstrip().lower().startswith("<!doctype html")
    # Self-contained: no script, style sheet or image is fetched from elsewhere.
    assert "<script src=" not in html and '<link rel="stylesheet" href="http' not in html
    labels = (
        '"labels": {"document": "28676-navo-verslag", "identifier": "", "family": "verslag", '
        '"pages": 12, "questions": 18, "answers": 18, "footnotes": 2, "warnings": 0}'
    )
    assert labels in html
    # The caption links to every output of the document.
    for suffix in [".pdf", ".html", ".akn.xml", ".qa.jsonl", ".xml"]:
        assert f"{output}/{SAMPLE}/{SAMPLE}{suffix}" in html


@pytest.mark.slow
def test_corpus_files_leave_out_a_rejected_document_and_follow_the_input_folder(
    tmp_path: Path,
) -> None:
    input_dir = tmp_path / "input"
    input_dir.mkdir()
    shutil.copy(SAMPLE_PDF, input_dir)
    (input_dir / "empty.pdf").write_bytes(b"")
    result = snakemake("--cores", "2", *folder_config(tmp_path), cwd=tmp_path)
    assert result.returncode != 0  # a rejection, not expected (config allow_rejected)
    output = tmp_path / "output"
    # The good document is complete, manifest included; the corpus files are made over it ...
    check_manifest(output / SAMPLE / f"{SAMPLE}.manifest.json", input_dir / SAMPLE_PDF.name)
    check_sums(output)
    assert "empty" not in (output / "questions.csv").read_text(encoding="utf-8")
    assert "empty.pdf,e3b0c442" in (output / "rejected.csv").read_text(encoding="utf-8")
    # ... and the run says what became of each.
    assert "did not finish" not in result.stdout
    assert (
        result.stdout.rstrip().splitlines()[-1].endswith(f"1 rejected: see {output}/rejected.csv")
    )
    # Moved into a sub-folder (not read), the rejected file leaves the corpus files too.
    (input_dir / "failed").mkdir()
    (input_dir / "empty.pdf").rename(input_dir / "failed" / "empty.pdf")
    result = snakemake("--cores", "2", *folder_config(tmp_path), cwd=tmp_path)
    assert result.returncode == 0, result.stdout
    check_sums(output)
    assert (output / "rejected.csv").read_text(encoding="utf-8").splitlines() == [
        "file,sha256,size,exit_code,reason"
    ]
