"""Shared test fixtures: repository paths and the reference corpus in ../shared."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
# The reference corpus lives beside the repository and is never committed into it (only the
# sample in corpus/verslag/ may be copied); tests that need it skip when it is absent.
SHARED = REPO.parent / "shared"
CORPUS = SHARED / "corpus"
SAMPLE_PDF = REPO / "input" / "28676-navo-verslag.pdf"


def shared_path(*parts: str) -> Path:
    """A path in ../shared, or skip the test with the reason when it is not there."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"reference corpus not available: {path} is absent (see ../shared/README.md)")
    return path


def aanhangsel_pdfs() -> list[Path]:
    """The real Aanhangsel PDFs (for parametrize); empty when ../shared is absent."""
    return sorted((CORPUS / "aanhangsel").glob("*.pdf"))


@pytest.fixture
def sample_pdf() -> Path:
    return SAMPLE_PDF
