"""The workflow as a Snakemake module of another workflow, with that workflow's own folders."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from test_workflow import BIN, SNAKEMAKE

from conftest import REPO, SAMPLE_PDF

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


def run_command(command: list[str | Path], cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}"}
    return subprocess.run(
        [str(part) for part in [*command, "--nocolor"]],
        cwd=cwd,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        timeout=900,
    )


@pytest.mark.slow
def test_host_workflow_uses_the_module(tmp_path: Path) -> None:
    host = tmp_path / "host"
    (host / "pdfs").mkdir(parents=True)
    shutil.copy(SAMPLE_PDF, host / "pdfs")
    (host / "Snakefile").write_text(HOST.format(snakefile=REPO / "Snakefile"), encoding="utf-8")
    elsewhere = tmp_path / "elsewhere"  # templates, schemas and fonts do not depend on the cwd
    elsewhere.mkdir()

    plan = run_command(
        [SNAKEMAKE, "--snakefile", host / "Snakefile", "--directory", host, "-n"], cwd=elsewhere
    )
    assert plan.returncode == 0, plan.stdout
    assert "kv_render_pdf" in plan.stdout and "kv_write_checksums" in plan.stdout
    assert f"{REPO}/templates/document.html" in plan.stdout  # the module's templates are inputs
    assert f"{REPO}/kamervragen/fonts/" in plan.stdout

    result = run_command(
        [SNAKEMAKE, "--snakefile", host / "Snakefile", "--directory", host, "--cores", "2"],
        cwd=elsewhere,
    )
    assert result.returncode == 0, result.stdout
    out = host / "results" / "kamervragen"
    suffixes = [".layout.json", ".txt", ".xml", ".html", ".pdf", ".akn.xml", ".qa.jsonl"]
    assert sorted(p.name for p in (out / SAMPLE).iterdir()) == sorted(
        f"{SAMPLE}{s}" for s in [*suffixes, ".manifest.json"]
    )
    assert sorted(p.name for p in out.iterdir()) == sorted([SAMPLE, "questions.csv", "SHA256SUMS"])
    manifest = json.loads((out / SAMPLE / f"{SAMPLE}.manifest.json").read_text(encoding="utf-8"))
    assert manifest["statistics"]["questions"] == 18
    assert (host / "results" / "logs" / "render_pdf" / f"{SAMPLE}.log").is_file()
    assert not (elsewhere / "output").exists() and not (host / "output").exists()
