"""The Snakemake workflow: lint, the planned jobs, one real run, and a batch with bad inputs.

Snakemake runs as a subprocess from the same venv as pytest, with that venv's bin first on PATH so
that the rules' ``kamervragen`` command is this checkout's package.
"""

from __future__ import annotations

import io
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from conftest import CORPUS, SAMPLE_PDF, folder_config, snakemake

SAMPLE = SAMPLE_PDF.stem  # 28676-navo-verslag
RULES = [
    "read_pdf",
    "build_semantic_xml",
    "render_html",
    "render_pdf",
    "render_akn",
    "export_qa",
    "write_manifest",
]
SUFFIXES = [
    ".layout.json",
    ".txt",
    ".xml",
    ".html",
    ".pdf",
    ".akn.xml",
    ".qa.jsonl",
    ".manifest.json",
]
# Over all documents, in output/: made when every document is complete.
AGGREGATES = ["questions.csv", "SHA256SUMS"]


def job_counts(output: str) -> dict[str, int]:
    """The 'Job stats' table of a dry run: rule name -> number of jobs."""
    table = output.split("Job stats:", 1)[1]
    return {rule: int(count) for rule, count in re.findall(r"^(\w+)\s+(\d+)$", table, re.M)}


def files_under(folder: Path) -> list[str]:
    return sorted(str(path.relative_to(folder)) for path in folder.rglob("*"))


def test_lint_is_clean() -> None:
    result = snakemake("--lint")
    assert result.returncode == 0, result.stdout
    assert "Lints for" not in result.stdout
    assert "Congratulations, your workflow is in a good condition!" in result.stdout


def test_dry_run_plans_every_step_for_each_pdf(tmp_path: Path) -> None:
    (tmp_path / "input").mkdir()
    shutil.copy(SAMPLE_PDF, tmp_path / "input")
    shutil.copy(SAMPLE_PDF, tmp_path / "input" / "tweede document.pdf")
    (tmp_path / "input" / "sub").mkdir()  # only PDFs directly in input_dir are documents
    shutil.copy(SAMPLE_PDF, tmp_path / "input" / "sub" / "elders.pdf")

    result = snakemake("--dry-run", *folder_config(tmp_path), "strict=True")

    assert result.returncode == 0, result.stdout
    assert job_counts(result.stdout) == {
        **{rule: 2 for rule in RULES},
        "export_questions_csv": 1,
        "write_checksums": 1,
        "all": 1,
        "total": 17,
    }
    output = tmp_path / "output"
    for name in [SAMPLE, "tweede document"]:
        for suffix in SUFFIXES:
            assert str(output / name / f"{name}{suffix}") in result.stdout
    assert "elders" not in result.stdout
    # Names with spaces reach the shell quoted; strict mode reaches 'kamervragen structure'.
    assert f"'{output}/tweede document/tweede document.xml'" in result.stdout
    assert re.search(r"kamervragen structure \S+\s+--output \S+\s+--strict\s+--log", result.stdout)
    assert not (tmp_path / "output").exists()  # a dry run writes nothing
    assert not (tmp_path / "logs").exists()


@pytest.mark.parametrize(
    ("documents", "chunk_size", "expected"),
    [
        (20, "auto", {"read_pdf": 20, "render_pdf": 20}),  # up to one chunk: one job per step
        (41, "auto", {"convert_chunk": 3}),  # beyond: chunks of 20 (20, 20 and 1)
        (41, "0", {"read_pdf": 41, "render_pdf": 41}),
        (5, "2", {"convert_chunk": 3}),
    ],
)
def test_chunk_size_auto_chunks_large_batches_only(
    tmp_path: Path, documents: int, chunk_size: str, expected: dict[str, int]
) -> None:
    inputs = tmp_path / "input"
    inputs.mkdir()
    for index in range(documents):
        (inputs / f"d{index:03d}.pdf").symlink_to(SAMPLE_PDF)

    result = snakemake("--dry-run", *folder_config(tmp_path), f"chunk_size={chunk_size}")

    assert result.returncode == 0, result.stdout
    counts = job_counts(result.stdout)
    assert {rule: counts.get(rule, 0) for rule in expected} == expected
    assert ("convert_chunk" in counts) == ("convert_chunk" in expected)


def test_config_is_validated_before_any_rule(tmp_path: Path) -> None:
    result = snakemake("--dry-run", *folder_config(tmp_path), "strict=maybe", "colour=blue")

    assert result.returncode != 0
    assert "Error validating config file" in result.stdout
    assert not (tmp_path / "output").exists()


@pytest.mark.slow
def test_real_run_writes_every_output(tmp_path: Path) -> None:
    (tmp_path / "input").mkdir()
    shutil.copy(SAMPLE_PDF, tmp_path / "input")

    result = snakemake("--cores", "2", "--directory", tmp_path, *folder_config(tmp_path))

    assert result.returncode == 0, result.stdout
    stem = tmp_path / "output" / SAMPLE / SAMPLE
    assert files_under(tmp_path / "output") == sorted(
        [SAMPLE, *AGGREGATES, *(f"{SAMPLE}/{SAMPLE}{suffix}" for suffix in SUFFIXES)]
    )
    text = Path(f"{stem}.txt").read_text(encoding="utf-8")
    assert "Antwoord van het kabinet" in text
    assert "NAVO" in text
    layout = json.loads(Path(f"{stem}.layout.json").read_text(encoding="utf-8"))
    assert "NAVO" in json.dumps(layout, ensure_ascii=False)
    xml = Path(f"{stem}.xml").read_bytes()
    assert xml.lstrip().startswith(b"<")
    assert b"NAVO" in xml
    html = Path(f"{stem}.html").read_text(encoding="utf-8")
    assert "<html" in html.lower()
    assert "NAVO" in html
    pdf = Path(f"{stem}.pdf").read_bytes()
    assert pdf.startswith(b"%PDF")
    rendered = PdfReader(io.BytesIO(pdf))
    assert len(rendered.pages) > 1
    assert "Antwoord van het kabinet" in " ".join(page.extract_text() for page in rendered.pages)
    akn = Path(f"{stem}.akn.xml").read_bytes()
    assert b"akomaNtoso" in akn
    assert b"NAVO" in akn
    for rule in RULES:
        assert (tmp_path / "logs" / rule / f"{SAMPLE}.log").is_file()
    assert "12 pages" in (tmp_path / "logs" / "read_pdf" / f"{SAMPLE}.log").read_text()


@pytest.mark.slow
def test_bad_inputs_fail_alone_and_leave_nothing_in_output(tmp_path: Path) -> None:
    input_dir = tmp_path / "input"
    input_dir.mkdir()
    shutil.copy(SAMPLE_PDF, input_dir)
    (input_dir / "empty.pdf").write_bytes(b"")
    (input_dir / "notapdf.pdf").write_text("Dit is geen PDF maar platte tekst.\n", encoding="utf-8")
    sample = SAMPLE_PDF.read_bytes()
    (input_dir / "truncated.pdf").write_bytes(sample[: len(sample) // 3])
    bad = ["empty", "notapdf", "truncated"]
    motie = CORPUS / "not-qa" / "kst-21501-02-3121-motie.pdf"
    if motie.exists():  # a real PDF that is not a Q&A document: refused, no output either
        shutil.copy(motie, input_dir / "motie.pdf")
        bad.append("motie")

    result = snakemake("--cores", "2", "--keep-going", *folder_config(tmp_path), cwd=tmp_path)

    assert result.returncode != 0, result.stdout
    # The good document is complete ...
    good = tmp_path / "output" / SAMPLE
    assert sorted(path.name for path in good.iterdir()) == sorted(
        f"{SAMPLE}{suffix}" for suffix in SUFFIXES
    )
    # ... and the bad ones left nothing at all in output/, not even an empty folder.
    assert sorted(path.name for path in (tmp_path / "output").iterdir()) == [SAMPLE]
    for name in bad:
        log = (tmp_path / "logs" / "read_pdf" / f"{name}.log").read_text(encoding="utf-8")
        errors = [line for line in log.splitlines() if line.startswith("ERROR ")]
        assert len(errors) == 1, log
        assert f"{name}.pdf" in errors[0]
        assert "expected" in errors[0]
        # The same one line reached the terminal.
        assert f"kamervragen: {errors[0].removeprefix('ERROR ')}" in result.stdout
        assert "Traceback" not in log
    assert "Traceback" not in result.stdout


@pytest.mark.slow
def test_two_runs_give_byte_identical_outputs(tmp_path: Path) -> None:
    """Archives compare checksums: the same input must always give the same bytes."""
    digests = []
    for run in ("first", "second"):
        folder = tmp_path / run
        (folder / "input").mkdir(parents=True)
        shutil.copy(SAMPLE_PDF, folder / "input")
        result = snakemake("--cores", "2", *folder_config(folder), cwd=folder)
        assert result.returncode == 0, result.stdout
        output = folder / "output"
        digests.append(
            {
                str(path.relative_to(output)): path.read_bytes()
                for path in sorted(output.rglob("*"))
                if path.is_file()
            }
        )
    assert sorted(digests[0]) == sorted(
        [*AGGREGATES, *(f"{SAMPLE}/{SAMPLE}{suffix}" for suffix in SUFFIXES)]
    )
    for name, data in digests[0].items():
        assert digests[1][name] == data, f"{name} differs between two runs"


@pytest.mark.slow
def test_chunked_mode_converts_per_chunk_and_isolates_a_bad_document(tmp_path: Path) -> None:
    """chunk_size=2: one job per two documents; a bad PDF fails its chunk but costs only itself."""
    input_dir = tmp_path / "input"
    input_dir.mkdir()
    for name in ("a", "b", "c"):
        shutil.copy(SAMPLE_PDF, input_dir / f"{name}.pdf")
    (input_dir / "d.pdf").write_bytes(b"")  # chunk 2 is c and d
    config = [*folder_config(tmp_path), "chunk_size=2"]

    result = snakemake("--cores", "2", "--keep-going", *config, cwd=tmp_path)

    assert result.returncode != 0
    assert "Job stats" in result.stdout and re.search(r"convert_chunk\s+2", result.stdout)
    output = tmp_path / "output"
    for name in ("a", "b", "c"):  # c shares the failed chunk with d, and is complete all the same
        assert sorted(path.name for path in (output / name).iterdir()) == sorted(
            f"{name}{suffix}" for suffix in SUFFIXES
        )
    assert not (output / "d").exists()
    assert (output / ".chunks" / "chunk-00001.done").exists()
    assert not (output / ".chunks" / "chunk-00002.done").exists()
    assert not (output / "SHA256SUMS").exists()

    (input_dir / "d.pdf").unlink()
    result = snakemake("--cores", "2", *config, cwd=tmp_path)
    assert result.returncode == 0, result.stdout
    check = subprocess.run(
        ["sha256sum", "-c", "SHA256SUMS"], cwd=output, capture_output=True, text=True
    )
    assert check.returncode == 0, check.stdout + check.stderr
    assert "c/c.pdf: OK" in check.stdout
