"""What a new user does: `make run` in a fresh copy of the repository, then every command the README
documents for after a run, in the environment `make run` made (from requirements.lock only).

The other tests run in the development environment (requirements-dev.lock), which has packages
the runtime lock may lack: `snakemake --report` once failed after `make run` because Pygments was
only in the dev lock. This test would have caught that.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import REPO, SAMPLE_PDF

SAMPLE = SAMPLE_PDF.stem


def repository_copy(target: Path) -> Path:
    """The files of the repository as a clone has them (tracked files, as they are now)."""
    listed = subprocess.run(
        ["git", "ls-files", "-z"], cwd=REPO, capture_output=True, check=True
    ).stdout.decode()
    for name in filter(None, listed.split("\0")):
        source = REPO / name
        if source.is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)
    return target


def run(command: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """A command as a user types it in bash, the venv activated as the README says."""
    env = {key: value for key, value in os.environ.items() if key != "VIRTUAL_ENV"}
    env["PATH"] = os.pathsep.join(
        part for part in env["PATH"].split(os.pathsep) if "/.venv/" not in part + "/"
    )
    return subprocess.run(
        ["bash", "-c", f". .venv/bin/activate && {command}"],
        cwd=cwd,
        env=env,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=1200,
    )


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")
def test_make_run_then_every_documented_command(tmp_path: Path) -> None:
    repo = repository_copy(tmp_path / "kamervragen")
    env = {key: value for key, value in os.environ.items() if key != "VIRTUAL_ENV"}
    made = subprocess.run(
        ["make", "run"],
        cwd=repo,
        env=env,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=1800,
    )
    assert made.returncode == 0, made.stdout[-3000:] + made.stderr[-3000:]
    # The environment is the runtime lock and nothing else (plus kamervragen itself).
    frozen = run("pip freeze --exclude kamervragen", repo).stdout.split()
    locked = [
        line
        for line in (repo / "requirements.lock").read_text(encoding="utf-8").splitlines()
        if line and not line.startswith("#")
    ]
    assert sorted(frozen, key=str.lower) == sorted(locked, key=str.lower)
    # The run ends with its summary line.
    assert "kamervragen: 1 converted (0 with warnings), 0 rejected" in made.stderr + made.stdout

    # README "Run report".
    report = run("snakemake --report report.html", repo)
    assert report.returncode == 0, report.stdout + report.stderr
    page = (repo / "report.html").read_text(encoding="utf-8")
    assert SAMPLE in page and "questions.csv" in page
    # README "What you get": the checksums check.
    check = run("cd output && sha256sum -c SHA256SUMS", repo)
    assert check.returncode == 0, check.stdout + check.stderr
    assert f"{SAMPLE}/{SAMPLE}.pdf: OK" in check.stdout
    # README "convert and validate".
    folder = f"output/{SAMPLE}/{SAMPLE}"
    validated = run(f"kamervragen validate {folder}.xml {folder}.akn.xml", repo)
    assert validated.returncode == 0, validated.stderr
    assert validated.stdout.splitlines() == [
        f"{folder}.xml: valid semantic XML version 1",
        f"{folder}.akn.xml: valid Akoma Ntoso 3.0 (OASIS akomantoso30.xsd)",
    ]
