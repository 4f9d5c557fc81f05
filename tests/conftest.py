"""Shared test fixtures: repository paths and the reference corpus in ../shared."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
# The reference corpus lives beside the repository and is never committed into it (only the
# sample in corpus/verslag/ may be copied); tests that need it skip when it is absent.
SHARED = REPO.parent / "shared"
CORPUS = SHARED / "corpus"
SAMPLE_PDF = REPO / "input" / "28676-navo-verslag.pdf"
# The test's own environment: its snakemake, and its `kamervragen` for the rules' shell commands.
BIN = Path(sys.executable).parent
SNAKEMAKE = BIN / "snakemake"


def snakemake(
    *args: str | Path, cwd: Path = REPO, snakefile: Path = REPO / "Snakefile"
) -> subprocess.CompletedProcess[str]:
    """Run a workflow (this checkout's by default); stdout and stderr together, as a user sees
    them. The venv's bin comes first on PATH, so the rules call this checkout's package."""
    env = {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}"}
    command = [SNAKEMAKE, "--snakefile", snakefile, "--nocolor", *args]
    return subprocess.run(
        [str(part) for part in command],
        cwd=cwd,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        timeout=900,
    )


def folder_config(folder: Path) -> list[str]:
    """--config for a run on ``folder``: input/, output/ and logs/ all inside it."""
    return [
        "--config",
        f"input_dir={folder / 'input'}",
        f"output_dir={folder / 'output'}",
        f"log_dir={folder / 'logs'}",
    ]


def shared_path(*parts: str) -> Path:
    """A path in ../shared, or skip the test with the reason when it is not there."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"reference corpus not available: {path} is absent (see ../shared/README.md)")
    return path


def aanhangsel_pdfs() -> list[Path]:
    """The real Aanhangsel PDFs (for parametrize); empty when ../shared is absent."""
    return sorted((CORPUS / "aanhangsel").glob("*.pdf"))


def lijst_pdfs() -> list[Path]:
    """The lijst samples (each with its gold file, for parametrize); empty when ../shared is
    absent."""
    return sorted((CORPUS / "lijst").glob("*.pdf"))


@pytest.fixture
def sample_pdf() -> Path:
    return SAMPLE_PDF
