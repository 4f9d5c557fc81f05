"""The workflow as a Snakemake module of another workflow, with that workflow's own folders."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from conftest import REPO, SAMPLE_PDF, snakemake
from kamervragen.corpus import CORPUS_FILES

SAMPLE = SAMPLE_PDF.stem


def readme_example() -> str:
    """The host Snakefile of README "Use as a Snakemake module", as printed there."""
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Use as a Snakemake module", 1)[1].split("\n## ", 1)[0]
    return section.split("```python\n", 1)[1].split("```", 1)[0]


@pytest.mark.slow
def test_host_workflow_uses_the_module(tmp_path: Path) -> None:
    host = tmp_path / "host"
    (host / "pdfs").mkdir(parents=True)
    shutil.copy(SAMPLE_PDF, host / "pdfs")
    (host / "pdfs" / "leeg.pdf").write_bytes(b"")  # a bad PDF must not stop the good one
    example = readme_example()
    assert '"/path/to/kamervragen/Snakefile"' in example and "default_target: True" in example
    snakefile = example.replace("/path/to/kamervragen/Snakefile", str(REPO / "Snakefile"))
    (host / "Snakefile").write_text(snakefile, encoding="utf-8")
    elsewhere = tmp_path / "elsewhere"  # templates, schemas and fonts do not depend on the cwd
    elsewhere.mkdir()

    plan = snakemake("--directory", host, "-n", cwd=elsewhere, snakefile=host / "Snakefile")
    assert plan.returncode == 0, plan.stdout
    # The read step is a checkpoint: the rest of a document's steps are planned once it has run.
    assert "kv_read_pdf" in plan.stdout and "kv_write_corpus" in plan.stdout
    # A bare run builds the host's own target (default_target), not the module's kv_all.
    assert re.search(r"^all\s+1$", plan.stdout, re.M) and not re.search(r"^kv_all\s", plan.stdout)

    # What README says the host must set: --keep-going (and cores).
    options = ["--directory", host, "--cores", "2", "--keep-going"]
    result = snakemake(*options, cwd=elsewhere, snakefile=host / "Snakefile")
    assert "kamervragen: leeg.pdf: empty file (0 bytes); expected a PDF" in result.stdout
    assert (host / "results" / "kamervragen" / SAMPLE / f"{SAMPLE}.manifest.json").exists()
    (host / "pdfs" / "leeg.pdf").unlink()
    result = snakemake(*options, cwd=elsewhere, snakefile=host / "Snakefile")
    assert result.returncode == 0, result.stdout
    plan = snakemake(
        "--directory",
        host,
        "-n",
        "--forcerun",
        "kv_render_pdf",
        cwd=elsewhere,
        snakefile=host / "Snakefile",
    )
    assert "kv_render_pdf" in plan.stdout
    assert f"{REPO}/templates/document.html" in plan.stdout  # the module's templates are inputs
    assert f"{REPO}/kamervragen/fonts/" in plan.stdout
    out = host / "results" / "kamervragen"
    suffixes = [".layout.json", ".txt", ".xml", ".html", ".pdf", ".akn.xml", ".qa.jsonl"]
    assert sorted(p.name for p in (out / SAMPLE).iterdir()) == sorted(
        f"{SAMPLE}{s}" for s in [*suffixes, ".manifest.json"]
    )
    assert sorted(p.name for p in out.iterdir() if not p.name.startswith(".")) == sorted(
        [SAMPLE, *CORPUS_FILES, "SHA256SUMS"]
    )
    manifest = json.loads((out / SAMPLE / f"{SAMPLE}.manifest.json").read_text(encoding="utf-8"))
    assert manifest["statistics"]["questions"] == 18
    assert (host / "logs" / "kamervragen" / "render_pdf" / f"{SAMPLE}.log").is_file()
    assert not (elsewhere / "output").exists() and not (host / "output").exists()
