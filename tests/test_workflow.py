"""The Snakemake workflow: lint, the planned jobs, one real run, and a batch with bad inputs.

Snakemake runs as a subprocess from the same venv as pytest, with that venv's bin first on PATH so
that the rules' ``kamervragen`` command is this checkout's package.
"""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import lxml.html
import pytest
from pypdf import PdfReader

from conftest import CORPUS, REPO, SAMPLE_PDF, folder_config, shared_path, snakemake
from kamervragen.corpus import CORPUS_FILES

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
# Over all documents, in output/: made when every document is converted or rejected.
AGGREGATES = [*CORPUS_FILES, "SHA256SUMS"]
# Beside them, hidden: the read step's verdict on each document (what Snakemake tracks).
OUTCOMES = ".outcomes"


def job_counts(output: str) -> dict[str, int]:
    """The 'Job stats' table of a dry run: rule name -> number of jobs."""
    table = output.split("Job stats:", 1)[1]
    return {rule: int(count) for rule, count in re.findall(r"^(\w+)\s+(\d+)$", table, re.M)}


def executed(output: str) -> dict[str, int]:
    """The jobs a run executed: rule name -> number of jobs (a checkpoint adds jobs to the plan
    after the 'Job stats' table is printed, so count the jobs themselves, as each finished; the
    quiet profile still prints that line)."""
    counts: dict[str, int] = {}
    for rule in re.findall(r"^Finished jobid: \d+ \(Rule: (\w+)\)$", output, re.M):
        counts[rule] = counts.get(rule, 0) + 1
    return counts


def files_under(folder: Path) -> list[str]:
    return sorted(str(path.relative_to(folder)) for path in folder.rglob("*"))


def test_lint_is_clean() -> None:
    result = snakemake("--lint")
    assert result.returncode == 0, result.stdout
    assert "Lints for" not in result.stdout
    assert "Congratulations, your workflow is in a good condition!" in result.stdout


def test_dry_run_plans_the_read_step_for_each_pdf_then_the_corpus(tmp_path: Path) -> None:
    """Which later steps a document needs is known once its read step has run (a checkpoint: a
    rejected PDF needs none), so a dry run of a new batch plans the reads and the corpus files."""
    (tmp_path / "input").mkdir()
    shutil.copy(SAMPLE_PDF, tmp_path / "input")
    shutil.copy(SAMPLE_PDF, tmp_path / "input" / "tweede document.pdf")
    (tmp_path / "input" / "sub").mkdir()  # only PDFs directly in input_dir are documents
    shutil.copy(SAMPLE_PDF, tmp_path / "input" / "sub" / "elders.pdf")

    # The profile is quiet; every job with its command is shown on request (README).
    verbose = ["--printshellcmds", "--quiet", "host"]
    result = snakemake("--dry-run", *verbose, *folder_config(tmp_path), "strict=True")

    assert result.returncode == 0, result.stdout
    assert job_counts(result.stdout) == {"read_pdf": 2, "write_corpus": 1, "all": 1, "total": 4}
    assert "The run involves checkpoint jobs" in result.stdout
    output = tmp_path / "output"
    for name in [SAMPLE, "tweede document"]:
        assert str(output / OUTCOMES / f"{name}.json") in result.stdout
    assert "elders" not in result.stdout
    # Names with spaces reach the shell quoted; strict mode reaches 'kamervragen read', which
    # rejects a document with warnings before writing anything.
    assert f"'{output}/tweede document/tweede document.layout.json'" in result.stdout
    assert re.search(r"--require-qa\s+--strict\s+--outcome", result.stdout)
    assert not (tmp_path / "output").exists()  # a dry run writes nothing
    assert not (tmp_path / "logs").exists()


@pytest.mark.parametrize(
    ("documents", "chunk_size", "expected"),
    [
        (20, "auto", {"read_pdf": 20}),  # up to one chunk: one job per step
        (41, "auto", {"convert_chunk": 4}),  # beyond: chunks of 0.75 to 1.25 MiB (11 to 17 copies)
        (41, "0", {"read_pdf": 41}),
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


def planned_chunks(output: str) -> dict[str, list[str]]:
    """The convert_chunk jobs of a dry run: chunk name -> the names of its documents."""
    chunks = {}
    for block in re.split(r"^\S*rule ", output, flags=re.M)[1:]:
        if block.startswith("convert_chunk:"):
            inputs = re.search(r"^\s*input: (.*)$", block, re.M).group(1).split(", ")
            marker = re.search(r"^\s*output: (.*)$", block, re.M).group(1)
            chunks[Path(marker).stem] = [Path(f).stem for f in inputs if f.endswith(".pdf")]
    return chunks


def balanced_batch(folder: Path, sizes: dict[str, int]) -> dict[str, list[str]]:
    """The chunks chunk_size auto plans for PDFs of these sizes (a dry run reads no PDF)."""
    inputs = folder / "input"
    inputs.mkdir(parents=True, exist_ok=True)
    for name, size in sizes.items():
        (inputs / f"{name}.pdf").write_bytes(b"%" * size)
    result = snakemake("--dry-run", "--quiet", "host", *folder_config(folder), "chunk_size=auto")
    assert result.returncode == 0, result.stdout
    return planned_chunks(result.stdout)


# 40 documents as the benchmark makes them: one long (12 pages, 74 kB) per five short (1 to 5
# pages, 17 to 31 kB), in name order; so that the long ones gather in no chunk.
BATCH = {
    f"doc{index:03d}": [73822, 28182, 30650, 22319, 24177, 16770][index % 6] for index in range(40)
}


def test_auto_chunks_balance_work_not_document_counts(tmp_path: Path) -> None:
    chunks = balanced_batch(tmp_path, BATCH)

    assert sorted(doc for docs in chunks.values() for doc in docs) == sorted(BATCH)  # each once
    work = sorted((sum(BATCH[doc] for doc in docs) for docs in chunks.values()), reverse=True)
    assert len(work) >= 4  # several chunks per core on two cores
    # Every chunk but the batch's remainder (the last in name order) within 3/4 to 5/4 of the
    # target: the largest no more than 5/3 of the smallest.
    remainder = sum(BATCH[doc] for doc in chunks[max(chunks, key=lambda c: chunks[c][0])])
    work.remove(remainder)
    assert work[0] <= 5 / 3 * work[-1], work
    # chunks are cut from the name order, and named after their first document
    assert all(docs == sorted(docs) and name == f"chunk-{docs[0]}" for name, docs in chunks.items())


def test_auto_chunks_a_new_pdf_changes_only_its_neighbourhood(tmp_path: Path) -> None:
    before = balanced_batch(tmp_path / "before", BATCH)
    after = balanced_batch(tmp_path / "after", {**BATCH, "doc017b": 50_000})

    changed = [name for name, docs in after.items() if before.get(name) != docs]
    assert any("doc017b" in after[name] for name in changed)
    assert len(changed) <= 2, changed  # its own chunk, at most one after it
    assert len(after) - len(changed) >= len(before) - 2  # the others: the same names and PDFs


def test_config_is_validated_before_any_rule(tmp_path: Path) -> None:
    result = snakemake("--dry-run", *folder_config(tmp_path), "strict=maybe", "colour=blue")

    assert result.returncode != 0
    assert "Error validating config file" in result.stdout
    assert not (tmp_path / "output").exists()


@pytest.mark.parametrize(
    ("make_input", "message"),
    [
        (lambda folder: None, "input_dir {input} does not exist; expected a folder holding"),
        (lambda folder: folder.write_text("x"), "input_dir {input} is not a folder; expected"),
        (lambda folder: folder.mkdir(), "input_dir {input} holds no PDF (no file named *.pdf"),
        (
            lambda folder: [folder.mkdir(), (folder / "x.pdf").write_bytes(b""),
                            (folder / "x.PDF").write_bytes(b"")],
            "x.PDF and x.pdf in {input} would both write {output}/x/; expected one PDF per name",
        ),
    ],
    ids=["mistyped", "a-file", "empty", "one-name-twice"],
)  # fmt: skip
def test_input_dir_is_checked_before_any_rule(
    tmp_path: Path, make_input: Callable[[Path], object], message: str
) -> None:
    """Beside the schema check: a mistyped or empty input_dir stops the run in one line, before
    any job (it once planned the default folder's files and failed late, in another step)."""
    make_input(tmp_path / "input")
    for arguments in (["--dry-run"], ["--cores", "1"]):
        result = snakemake(*arguments, *folder_config(tmp_path), cwd=tmp_path)
        assert result.returncode == 1
        lines = [line for line in result.stdout.splitlines() if line.startswith("kamervragen:")]
        expected = message.format(input=tmp_path / "input", output=tmp_path / "output")
        assert lines == [lines[0]] and lines[0].startswith(f"kamervragen: {expected}"), lines
        assert "Traceback" not in result.stdout and "Exception" not in result.stdout
        assert not (tmp_path / "output").exists() and not (tmp_path / "logs").exists()


def test_pdfs_with_an_upper_case_extension_are_documents(tmp_path: Path) -> None:
    (tmp_path / "input").mkdir()
    shutil.copy(SAMPLE_PDF, tmp_path / "input" / "NOTA.PDF")
    shutil.copy(SAMPLE_PDF, tmp_path / "input" / "Scan.Pdf")
    verbose = ["--printshellcmds", "--quiet", "host"]
    result = snakemake("--dry-run", *verbose, *folder_config(tmp_path), cwd=tmp_path)
    assert result.returncode == 0, result.stdout
    assert job_counts(result.stdout)["read_pdf"] == 2
    assert f"kamervragen read {tmp_path}/input/NOTA.PDF " in result.stdout
    assert f"kamervragen read {tmp_path}/input/Scan.Pdf " in result.stdout
    assert f"--layout {tmp_path}/output/Scan/Scan.layout.json " in result.stdout


@pytest.mark.slow
def test_real_run_writes_every_output(tmp_path: Path) -> None:
    (tmp_path / "input").mkdir()
    shutil.copy(SAMPLE_PDF, tmp_path / "input")

    result = snakemake("--cores", "2", "--directory", tmp_path, *folder_config(tmp_path))

    assert result.returncode == 0, result.stdout
    stem = tmp_path / "output" / SAMPLE / SAMPLE
    assert files_under(tmp_path / "output") == sorted(
        [
            SAMPLE,
            *AGGREGATES,
            *(f"{SAMPLE}/{SAMPLE}{suffix}" for suffix in SUFFIXES),
            OUTCOMES,
            f"{OUTCOMES}/{SAMPLE}.json",
        ]
    )
    assert result.stdout.rstrip().splitlines()[-1] == (
        "kamervragen: 1 converted (0 with warnings), 0 rejected"
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
        [
            *AGGREGATES,
            *(f"{SAMPLE}/{SAMPLE}{suffix}" for suffix in SUFFIXES),
            f"{OUTCOMES}/{SAMPLE}.json",
        ]
    )
    for name, data in digests[0].items():
        assert digests[1][name] == data, f"{name} differs between two runs"


# --- A batch with bad inputs: rejection is an outcome ------------------------------------------

#: The public corpus's PDFs that convert (the scans need OCR, and are left out).
GOOD = sorted(
    path
    for family in ("verslag", "aanhangsel", "lijst")
    for path in (CORPUS / family).glob("*.pdf")
    if not path.stem.endswith("-scan")
)
MOTIE = CORPUS / "not-qa" / "kst-21501-02-3121-motie.pdf"


def make_batch(input_dir: Path, good: list[Path]) -> list[str]:
    """Copy ``good`` and the bad inputs into ``input_dir``; return the bad ones' file names."""
    input_dir.mkdir(parents=True)
    for pdf in good:
        shutil.copy(pdf, input_dir)
    sample = SAMPLE_PDF.read_bytes()
    (input_dir / "truncated.pdf").write_bytes(sample[: len(sample) // 3])
    (input_dir / "notes.pdf").write_text("Dit is geen PDF maar platte tekst.\n", encoding="utf-8")
    bad = ["notes.pdf", "truncated.pdf"]
    if MOTIE.exists():  # a real PDF that is not a Q&A document
        shutil.copy(MOTIE, input_dir / "motie.pdf")
        bad.append("motie.pdf")
    return sorted(bad)


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as stream:
        return list(csv.DictReader(stream))


def assert_batch(output: Path, good: list[str], bad: list[str]) -> None:
    """Every good document converted, the bad ones listed and nothing else, the corpus checked."""
    assert sorted(p.name for p in output.iterdir() if not p.name.startswith(".")) == sorted(
        [*good, *AGGREGATES]
    )
    for name in good:
        assert sorted(path.name for path in (output / name).iterdir()) == sorted(
            f"{name}{suffix}" for suffix in SUFFIXES
        )
    rejected = read_csv(output / "rejected.csv")
    assert [row["file"] for row in rejected] == bad
    for row in rejected:
        assert row["exit_code"] in {"3", "7"} and row["reason"] and len(row["sha256"]) == 64
    assert {row["document"] for row in read_csv(output / "questions.csv")} == set(good)
    check = subprocess.run(
        ["sha256sum", "-c", "--strict", "SHA256SUMS"], cwd=output, capture_output=True, text=True
    )
    assert check.returncode == 0, check.stdout + check.stderr
    listed = {line.split(": ")[0] for line in check.stdout.splitlines()}
    assert {"rejected.csv", "questions.csv", "warnings.csv"} <= listed
    assert {f"{name}/{name}.manifest.json" for name in good} <= listed
    # The index lists every document, linked to its page, and every rejected file with its reason.
    page = lxml.html.document_fromstring((output / "index.html").read_bytes())
    assert page.xpath("//tbody[@id='documenten-rijen']/tr/@data-name") == sorted(good)
    for name in good:
        assert page.xpath(f"//a[@href='{name}/{name}.html']"), name
    assert page.xpath("//table[@id='afgewezen']/tbody/tr/td[1]/text()") == bad
    assert "index.html" in listed


@pytest.mark.slow
def test_a_batch_with_bad_inputs_converts_the_rest_and_lists_the_rejected(tmp_path: Path) -> None:
    shared_path("corpus")
    good = [SAMPLE_PDF, CORPUS / "aanhangsel" / "ah-tk-20232024-1481.pdf"]
    good.append(CORPUS / "lijst" / "lijst-ar-2013-eu-trendrapport-2013-s1.pdf")
    bad = make_batch(tmp_path / "input", good)
    names = sorted(pdf.stem for pdf in good)

    result = snakemake("--cores", "2", *folder_config(tmp_path), cwd=tmp_path)

    # Rejections are not expected (allow_rejected false): the run ends non-zero, and says why.
    assert result.returncode != 0
    output = tmp_path / "output"
    assert result.stdout.rstrip().splitlines()[-1] == (
        f"kamervragen: {len(good)} converted (0 with warnings), {len(bad)} rejected: "
        f"see {output}/rejected.csv"
    )
    assert_batch(output, names, bad)
    for file in bad:  # each said what is wrong in one line, in the log and on the terminal
        log = (tmp_path / "logs" / "read_pdf" / file.replace(".pdf", ".log")).read_text()
        (error,) = [line for line in log.splitlines() if line.startswith("ERROR ")]
        assert file in error and "expected" in error
        assert f"kamervragen: {error.removeprefix('ERROR ')}" in result.stdout
    assert "Traceback" not in result.stdout
    assert "did not finish" not in result.stdout

    # The truncated PDF is replaced by the whole one: only that document is converted, and the
    # corpus files are made again. Rejections are expected this time: exit status 0.
    before = {path: path.stat().st_mtime_ns for path in output.glob("[!.]*/*")}
    shutil.copy(
        CORPUS / "aanhangsel" / "ah-tk-20232024-1314.pdf", tmp_path / "input" / "truncated.pdf"
    )
    result = snakemake(
        "--cores", "2", *folder_config(tmp_path), "allow_rejected=True", cwd=tmp_path
    )
    assert result.returncode == 0, result.stdout
    assert executed(result.stdout) == {**{rule: 1 for rule in RULES}, "write_corpus": 1, "all": 1}
    assert [path for path, mtime in before.items() if path.stat().st_mtime_ns != mtime] == []
    assert_batch(
        output, sorted([*names, "truncated"]), [file for file in bad if file != "truncated.pdf"]
    )
    assert (
        result.stdout.rstrip()
        .splitlines()[-1]
        .startswith(
            f"kamervragen: {len(good) + 1} converted (0 with warnings), {len(bad) - 1} rejected: see"
        )
    )


@pytest.mark.slow
def test_chunked_mode_converts_the_public_corpus_and_lists_the_rejected(tmp_path: Path) -> None:
    shared_path("corpus")
    bad = make_batch(tmp_path / "input", GOOD)
    config = [*folder_config(tmp_path), "chunk_size=6", "allow_rejected=True"]

    result = snakemake("--cores", "2", *config, cwd=tmp_path)

    assert result.returncode == 0, result.stdout
    assert re.search(rf"convert_chunk\s+{-(-(len(GOOD) + len(bad)) // 6)}\b", result.stdout)
    output = tmp_path / "output"
    assert_batch(output, [pdf.stem for pdf in GOOD], bad)
    assert re.search(
        rf"^kamervragen: {len(GOOD)} converted \(\d+ with warnings(, listed in \S+)?\), "
        rf"{len(bad)} rejected: see {output}/rejected.csv$",
        result.stdout.rstrip().splitlines()[-1],
    )


@pytest.mark.slow
def test_an_internal_error_is_not_a_rejection_and_blocks_the_corpus_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A writer that crashes (here: a template naming a field that does not exist) is a failure
    of the tool, not a verdict on the PDF: no corpus files, and the run says so."""
    templates = tmp_path / "templates"
    shutil.copytree(REPO / "templates", templates)
    page = templates / "base.html"  # document.html extends it
    page.write_text(page.read_text(encoding="utf-8") + "{{ doc.no_such_field }}", encoding="utf-8")
    monkeypatch.setenv("KAMERVRAGEN_TEMPLATES", str(templates))
    (tmp_path / "input").mkdir()
    shutil.copy(SAMPLE_PDF, tmp_path / "input")
    (tmp_path / "input" / "empty.pdf").write_bytes(b"")

    result = snakemake("--cores", "2", *folder_config(tmp_path), cwd=tmp_path)

    assert result.returncode != 0
    output = tmp_path / "output"
    assert not any((output / name).exists() for name in AGGREGATES)
    assert "kamervragen: 1 of 2 document(s) did not finish: 28676-navo-verslag" in result.stdout
    assert "failure of the tool, not a rejection" in result.stdout
    assert (
        json.loads((output / OUTCOMES / "empty.json").read_text())["documents"][0]["verdict"]
        == "rejected"
    )


@pytest.mark.slow
def test_chunked_mode_converts_per_chunk_and_isolates_a_bad_document(tmp_path: Path) -> None:
    """chunk_size=2: one job per two documents; a bad PDF is rejected and costs only itself."""
    input_dir = tmp_path / "input"
    input_dir.mkdir()
    for name in ("a", "b", "c"):
        shutil.copy(SAMPLE_PDF, input_dir / f"{name}.pdf")
    (input_dir / "d.pdf").write_bytes(b"")  # chunk 2 is c and d
    config = [*folder_config(tmp_path), "chunk_size=2"]

    result = snakemake("--cores", "2", *config, cwd=tmp_path)

    assert result.returncode != 0  # a rejection, not expected
    assert "Job stats" in result.stdout and re.search(r"convert_chunk\s+2", result.stdout)
    output = tmp_path / "output"
    for name in ("a", "b", "c"):  # c shares its chunk with d, and is complete all the same
        assert sorted(path.name for path in (output / name).iterdir()) == sorted(
            f"{name}{suffix}" for suffix in SUFFIXES
        )
    assert not (output / "d").exists()
    chunk = json.loads((output / ".chunks" / "chunk-00002.json").read_text(encoding="utf-8"))
    assert [(entry["document"], entry["verdict"]) for entry in chunk["documents"]] == [
        ("c", "accepted"),
        ("d", "rejected"),
    ]
    assert [row["file"] for row in read_csv(output / "rejected.csv")] == ["d.pdf"]

    # d is replaced by a good PDF: its chunk (c and d) is converted again, chunk 1 is not.
    shutil.copy(SAMPLE_PDF, input_dir / "d.pdf")
    result = snakemake("--cores", "2", *config, cwd=tmp_path)
    assert result.returncode == 0, result.stdout
    assert re.search(r"convert_chunk\s+1\b", result.stdout)
    check = subprocess.run(
        ["sha256sum", "-c", "SHA256SUMS"], cwd=output, capture_output=True, text=True
    )
    assert check.returncode == 0, check.stdout + check.stderr
    assert "d/d.pdf: OK" in check.stdout
    assert read_csv(output / "rejected.csv") == []
