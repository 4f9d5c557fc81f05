"""The workflow as a Snakemake module of another workflow, with that workflow's own folders."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from conftest import REPO, SAMPLE_PDF, snakemake
from kamervragen.corpus import CORPUS_FILES

SAMPLE = SAMPLE_PDF.stem

HOST = """\
module kamervragen:
    snakefile:
        "{snakefile}"
    config:
        {{"input_dir": "pdfs", "output_dir": "results/kamervragen", "log_dir": "results/logs"}}


use rule * from kamervragen as kv_*


rule all:
    default_target: True
    input:
        rules.kv_all.input,
"""


@pytest.mark.slow
def test_host_workflow_uses_the_module(tmp_path: Path) -> None:
    host = tmp_path / "host"
    (host / "pdfs").mkdir(parents=True)
    shutil.copy(SAMPLE_PDF, host / "pdfs")
    (host / "Snakefile").write_text(HOST.format(snakefile=REPO / "Snakefile"), encoding="utf-8")
    elsewhere = tmp_path / "elsewhere"  # templates, schemas and fonts do not depend on the cwd
    elsewhere.mkdir()

    plan = snakemake("--directory", host, "-n", cwd=elsewhere, snakefile=host / "Snakefile")
    assert plan.returncode == 0, plan.stdout
    # The read step is a checkpoint: the rest of a document's steps are planned once it has run.
    assert "kv_read_pdf" in plan.stdout and "kv_write_corpus" in plan.stdout

    result = snakemake(
        "--directory", host, "--cores", "2", cwd=elsewhere, snakefile=host / "Snakefile"
    )
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
    assert (host / "results" / "logs" / "render_pdf" / f"{SAMPLE}.log").is_file()
    assert not (elsewhere / "output").exists() and not (host / "output").exists()
