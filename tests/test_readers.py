"""The readers table, and the text and structure steps from a recorded layout (no PDF library).

``tests/data/layout/28676-navo-verslag.layout.json`` is what the PDFium reader makes of the sample;
``tests/golden/28676-navo-verslag.txt`` and ``.xml`` are what the text and structure steps make of
that layout. After a deliberate change to the reader or to those steps, regenerate them with
``UPDATE_GOLDEN=1 pytest tests/test_readers.py``, review the diff, and commit it with the change.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from test_robustness import one_page
from test_writers import c14n

from conftest import DATA, REPO, SAMPLE_PDF
from kamervragen import readers
from kamervragen.errors import NoTextLayerError
from kamervragen.furniture import find_furniture
from kamervragen.layout import Layout
from kamervragen.readers.pdfium import read_pdf
from kamervragen.semantic_xml import to_xml
from kamervragen.structure import build_document
from kamervragen.text import build_text, render_txt

UPDATE_GOLDEN = os.environ.get("UPDATE_GOLDEN") == "1"
LAYOUT = DATA / "layout" / "28676-navo-verslag.layout.json"
GOLDEN = REPO / "tests" / "golden"


def check(path: Path, actual: str, *, xml: bool = False) -> None:
    if UPDATE_GOLDEN:
        path.write_text(actual, encoding="utf-8")
    expected = path.read_text(encoding="utf-8")
    if xml:
        assert c14n(actual.encode("utf-8")) == c14n(expected.encode("utf-8"))
    else:
        assert actual == expected


def recorded_layout() -> Layout:
    return Layout.from_json(LAYOUT.read_text(encoding="utf-8"), document=LAYOUT.name)


def test_the_pdfium_reader_reads_the_sample_as_recorded() -> None:
    # A layout file holds the reader's lines with the page furniture found (the read step's work).
    check(LAYOUT, find_furniture(read_pdf(SAMPLE_PDF)).to_json())


def test_text_and_structure_of_the_recorded_layout() -> None:
    layout = recorded_layout()
    text = build_text(layout)
    check(GOLDEN / "28676-navo-verslag.txt", render_txt(text))
    document = build_document(text, layout=layout)
    check(GOLDEN / "28676-navo-verslag.xml", to_xml(document).decode("utf-8"), xml=True)
    # the sample's 18 questions, each with its answer
    assert (len(document.questions()), len(document.answers())) == (18, 18)


def test_text_and_structure_need_no_pdf_library() -> None:
    """The steps after the reader run on the layout JSON alone: PDFium is never loaded."""
    code = (
        "import sys\n"
        "from kamervragen.layout import Layout\n"
        "from kamervragen.structure import build_document\n"
        "from kamervragen.text import build_text\n"
        f"layout = Layout.from_json(open({str(LAYOUT)!r}, encoding='utf-8').read())\n"
        "build_document(build_text(layout), layout=layout)\n"
        "print(sorted(m for m in sys.modules if m.startswith(('pypdfium2', 'pypdf'))))\n"
    )
    run = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=REPO
    )
    assert run.stdout.strip() == "[]"


def test_the_readers_table() -> None:
    assert all(name == reader.name for name, reader in readers.READERS.items())
    assert readers.DEFAULT_READER in readers.READERS
    pdfium = readers.READERS["pdfium"]
    assert (pdfium.engine, pdfium.read, pdfium.needs_text_layer) == ("PDFium", read_pdf, True)


def test_read_runs_the_chosen_reader_in_the_sandbox() -> None:
    assert readers.read(SAMPLE_PDF, reader="pdfium") == recorded_layout()
    with pytest.raises(KeyError):
        readers.read(SAMPLE_PDF, reader="no-such-reader")


def test_a_reader_that_needs_a_text_layer_refuses_a_pdf_without_one(tmp_path: Path) -> None:
    pdf = tmp_path / "blank.pdf"
    pdf.write_bytes(one_page(b""))
    for reader in readers.READERS.values():
        if reader.needs_text_layer:
            with pytest.raises(NoTextLayerError):
                readers.read(pdf, reader=reader.name)
