"""Structure step: running text (hand-made kamervragen.text.Text) -> document model."""

from __future__ import annotations

import pytest

from kamervragen import model
from kamervragen.layout import Source
from kamervragen.semantic_xml import from_xml, to_xml
from kamervragen.structure import build_document, detect_family, detect_identifier
from kamervragen.text import Footnote, NoteRef, Paragraph, Text, WebLink

SOURCE = Source(file="28676-navo-verslag.pdf", sha256="a" * 64, pages=12, title=None)


def paragraph(
    text: str,
    *,
    bold: bool = False,
    page: int = 1,
    lines: tuple[int, ...] = (0,),
    note_refs: tuple[NoteRef, ...] = (),
    links: tuple[WebLink, ...] = (),
) -> Paragraph:
    return Paragraph(
        text=text,
        page=page,
        lines=lines,
        bold=bold,
        italic=False,
        indent=0.0,
        size=10.0,
        note_refs=note_refs,
        links=links,
    )


def text_of(*paragraphs: Paragraph, footnotes: tuple[Footnote, ...] = ()) -> Text:
    return Text(source=SOURCE, paragraphs=paragraphs, footnotes=footnotes, furniture=())


# The sample's real sentences (gold: 28676-navo-verslag.gold.json, footnote 1 after "motie?").
MOTIE = "Hoe staat het met de uitvoering van de motie? Graag een reactie."
URL = "https://www.tweedekamer.nl/kamerstukken/moties"

INLINE = {
    "plain": (paragraph("Ja."), ("Ja.",)),
    "marker mid-text": (
        paragraph(MOTIE, note_refs=(NoteRef(45, 1),)),
        (MOTIE[:45], model.NoteRef(1), MOTIE[45:]),
    ),
    "marker at the end": (
        paragraph("Zie de brief.", note_refs=(NoteRef(13, 2),)),
        ("Zie de brief.", model.NoteRef(2)),
    ),
    "two markers together keep their order": (
        paragraph("Kent u de berichten?", note_refs=(NoteRef(20, 1), NoteRef(20, 2))),
        ("Kent u de berichten?", model.NoteRef(1), model.NoteRef(2)),
    ),
    "link": (
        paragraph("Zie website nu.", links=(WebLink(4, 11, URL),)),
        ("Zie ", model.WebLink(URL, "website"), " nu."),
    ),
    "marker inside a link splits it": (
        paragraph("Zie web site.", note_refs=(NoteRef(7, 1),), links=(WebLink(4, 12, URL),)),
        ("Zie ", model.WebLink(URL, "web"), model.NoteRef(1), model.WebLink(URL, " site"), "."),
    ),
}


@pytest.mark.parametrize(("source", "content"), INLINE.values(), ids=INLINE.keys())
def test_inline_content_keeps_positions(
    source: Paragraph, content: tuple[model.Inline, ...]
) -> None:
    footnotes = tuple(Footnote(n, f"noot {n}", page=1, lines=(9 + n,)) for n in (1, 2))
    doc = build_document(text_of(source, footnotes=footnotes))
    assert doc.blocks[0].content == content
    assert doc.blocks[0].text == source.text


def test_blocks_headings_provenance_and_round_trip() -> None:
    doc = build_document(
        text_of(
            paragraph("China", bold=True, page=2, lines=(40,)),
            paragraph(MOTIE, page=2, lines=(41, 42), note_refs=(NoteRef(45, 1),)),
            footnotes=(Footnote(1, "Kamerstuk 28676, nr. 352", page=2, lines=(60,), links=()),),
        )
    )
    assert doc.blocks[0] == model.Heading(("China",), page=2, line=40)
    assert isinstance(doc.blocks[1], model.Paragraph)
    assert (doc.blocks[1].page, doc.blocks[1].line) == (2, 41)
    assert doc.footnotes == (model.Footnote(1, ("Kamerstuk 28676, nr. 352",), page=2, line=60),)
    assert doc.anomalies == ()
    assert from_xml(to_xml(doc)) == doc


def test_footnote_links_are_carried_over() -> None:
    note = Footnote(1, f"Zie {URL}", page=1, lines=(5,), links=(WebLink(4, 4 + len(URL), URL),))
    doc = build_document(
        text_of(paragraph("Tekst.", note_refs=(NoteRef(6, 1),)), footnotes=(note,))
    )
    assert doc.footnotes[0].content == ("Zie ", model.WebLink(URL, URL))


ANOMALIES = {
    "unreferenced footnote": (
        text_of(paragraph("Tekst."), footnotes=(Footnote(4, "Los.", page=3, lines=(80,)),)),
        [("unreferenced-footnote", 3, 'footnote 4 is never referenced: "Los."')],
    ),
    "missing footnote": (
        text_of(paragraph("Zie de brief.", page=2, note_refs=(NoteRef(13, 5),))),
        [("missing-footnote", 2, 'footnote 5 is referenced but does not exist: "Zie de brief."')],
    ),
    "marker outside the text": (
        text_of(paragraph("Kort.", note_refs=(NoteRef(99, 1),))),
        [
            (
                "note-ref-out-of-range",
                1,
                'footnote marker 1 at offset 99 lies outside its paragraph (5 characters): "Kort."',
            ),
            ("missing-footnote", 1, 'footnote 1 is referenced but does not exist: "Kort."'),
        ],
    ),
    "overlapping links": (
        text_of(paragraph("abcdef", links=(WebLink(0, 4, URL), WebLink(2, 6, URL + "/2")))),
        [("link-out-of-range", 1, f'link to {URL}/2 overlaps the link to {URL}: "abcdef"')],
    ),
}


@pytest.mark.parametrize(("text", "expected"), ANOMALIES.values(), ids=ANOMALIES.keys())
def test_anomalies(text: Text, expected: list[tuple[str, int, str]]) -> None:
    doc = build_document(text)
    assert [(a.code, a.page, a.message) for a in doc.anomalies] == expected


FAMILIES = {
    "verslag type line": (["28676 NAVO", "Nr. VERSLAG", "Vastgesteld, … maart 2021"], "verslag"),
    "verslag title": (["Verslag van een schriftelijk overleg over de NAVO-top"], "verslag"),
    "aanhangsel masthead": (["Vergaderjaar 2023–2024 Aanhangsel van de Handelingen"], "aanhangsel"),
    "first label wins": (
        ["Aanhangsel van de Handelingen", "zie het Verslag van een schriftelijk overleg"],
        "aanhangsel",
    ),
    "lower-case verslag is running text": (["Het verslag van de Raad."], "unknown"),
    "motion": (["De Kamer, gehoord de beraadslaging, verzoekt de regering"], "unknown"),
}


@pytest.mark.parametrize(("strings", "family"), FAMILIES.values(), ids=FAMILIES.keys())
def test_detect_family(strings: list[str], family: str) -> None:
    assert detect_family(strings) == family


IDENTIFIERS = {
    "aanhangsel footer": (
        "aanhangsel",
        ["…", "ah-tk-20232024-1481 ISSN 0921 - 7398"],
        "ah-tk-20232024-1481",
    ),
    "kamerstuk footer": ("verslag", ["Tekst", "kst-28676-353 ISSN 0921 - 7371"], "28676"),
    "dossier masthead": ("verslag", ["28676 NAVO", "Nr. VERSLAG"], "28676"),
    "dossier with space": ("verslag", ["36 200 IV Vaststelling van de begroting"], "36200"),
    "later number is a citation": ("verslag", ["Nr. VERSLAG", "28676 is het dossier"], None),
    "none visible": ("aanhangsel", ["Vraag 1", "Antwoord 1"], None),
    "unknown family": ("unknown", ["ah-tk-20232024-1481"], None),
}


@pytest.mark.parametrize(
    ("family", "strings", "identifier"), IDENTIFIERS.values(), ids=IDENTIFIERS.keys()
)
def test_detect_identifier(
    family: model.Family, strings: list[str], identifier: str | None
) -> None:
    assert detect_identifier(family, strings) == identifier


def test_metadata_from_source_and_text() -> None:
    doc = build_document(
        text_of(paragraph("28676 NAVO", bold=True), paragraph("Nr. VERSLAG", bold=True))
    )
    assert doc.metadata == model.Metadata(
        source_file="28676-navo-verslag.pdf",
        sha256="a" * 64,
        pages=12,
        title=None,
        family="verslag",
        identifier="28676",
    )


def test_furniture_lines_are_searched_when_the_layout_is_given() -> None:
    from kamervragen.layout import Layout, Line, Span

    def line(index: int, words: str) -> Line:
        span = Span(text=words, size=9.0, bold=False, italic=False, raised=False)
        return Line(1, 70.0, 100.0 + index, 300.0, 9.0, False, False, (span,))

    furniture = ["Vergaderjaar 2023–2024 Aanhangsel van de Handelingen", "ah-tk-20232024-1481"]
    layout = Layout(
        source=SOURCE,
        pages=(),
        lines=(line(0, furniture[0]), line(1, "Vraag 1"), line(2, furniture[1])),
        links=(),
    )
    text = Text(
        source=SOURCE,
        paragraphs=(paragraph("Vraag 1", lines=(1,)),),
        footnotes=(),
        furniture=(2, 0),
    )
    assert build_document(text).metadata.family == "unknown"
    metadata = build_document(text, layout=layout).metadata
    assert (metadata.family, metadata.identifier) == ("aanhangsel", "ah-tk-20232024-1481")
