"""Block and inline content built from running-text paragraphs (kamervragen.blocks)."""

from __future__ import annotations

import pytest

from kamervragen import model
from kamervragen.blocks import build_blocks, inline, question_sentences
from kamervragen.text import LinkSpan, NoteMarker, TextParagraph


def paragraph(
    text: str,
    *,
    note_refs: tuple[NoteMarker, ...] = (),
    links: tuple[LinkSpan, ...] = (),
    table: bool = False,
    line: int = 0,
) -> TextParagraph:
    return TextParagraph(
        text=text, page=1, lines=(line,), bold=False, italic=False, indent=0.0, size=10.0,
        note_refs=note_refs, links=links, table=table,
    )  # fmt: skip


MOTIE = "Hoe staat het met de uitvoering van de motie? Graag een reactie."
URL = "https://www.tweedekamer.nl/kamerstukken/moties"
REF = model.DocumentRef("Kamerstuk 28676, nr. 352", "kamerstuk", dossier="28676", number="352")

INLINE = {
    "plain": (paragraph("Ja."), False, ("Ja.",)),
    "marker mid-text": (
        paragraph(MOTIE, note_refs=(NoteMarker(45, 1),)),
        False,
        (MOTIE[:45], model.NoteRef(1), MOTIE[45:]),
    ),
    "two markers together keep their order": (
        paragraph("Kent u de berichten?", note_refs=(NoteMarker(20, 1), NoteMarker(20, 2))),
        False,
        ("Kent u de berichten?", model.NoteRef(1), model.NoteRef(2)),
    ),
    "link annotation": (
        paragraph(f"Zie {URL}.", links=(LinkSpan(4, 4 + len(URL), URL),)),
        False,
        ("Zie ", model.WebLink(URL, URL), "."),
    ),
    "URL printed without annotation": (
        paragraph("(www.volkskrant.nl/nieuws-achtergrond/ambtenaren~bc49ab66/)"),
        False,
        (
            "(",
            model.WebLink(
                "https://www.volkskrant.nl/nieuws-achtergrond/ambtenaren~bc49ab66/",
                "www.volkskrant.nl/nieuws-achtergrond/ambtenaren~bc49ab66/",
            ),
            ")",
        ),
    ),
    "document reference": (
        paragraph("het verslag (Kamerstuk 28676, nr. 352)."),
        False,
        ("het verslag (", model.DocLink(REF), ")."),
    ),
    "asks, with the marker after the question mark outside": (
        paragraph(
            "Zij delen de zorgen. Kent u het bericht? Zo ja, wat vindt u ervan?",
            note_refs=(NoteMarker(len("Zij delen de zorgen. Kent u het bericht?"), 1),),
        ),
        True,
        (
            "Zij delen de zorgen. ",
            model.Ask(("Kent u het bericht?",)),
            model.NoteRef(1),
            " ",
            model.Ask(("Zo ja, wat vindt u ervan?",)),
        ),
    ),
}


@pytest.mark.parametrize(("source", "asks", "expected"), INLINE.values(), ids=INLINE.keys())
def test_inline_content(
    source: TextParagraph, asks: bool, expected: tuple[model.Inline, ...]
) -> None:
    content = inline(source, asks=asks)
    assert content == expected
    assert model.plain_text(content) == source.text  # nothing added, nothing lost


@pytest.mark.parametrize(
    ("text", "questions"),
    [
        (
            "Kan de minister dit toelichten? Zo ja, wanneer?",
            ["Kan de minister dit toelichten?", "Zo ja, wanneer?"],
        ),
        (
            "Deelt u, o.a. gezien de motie-Simons c.s. (Kamerstuk 36 200 IV, nr. 25), die mening?",
            [
                "Deelt u, o.a. gezien de motie-Simons c.s. (Kamerstuk 36 200 IV, nr. 25), die mening?"
            ],
        ),
        ("Wat is de stand van zaken? (graag per provincie)", ["Wat is de stand van zaken?"]),
        ("Dit is geen vraag. Dit ook niet.", []),
        ("Heeft u het artikel «Waarom?» gelezen?", ["Heeft u het artikel «Waarom?» gelezen?"]),
    ],
)
def test_question_sentences(text: str, questions: list[str]) -> None:
    assert [text[a:b] for a, b in question_sentences(text)] == questions


def test_lists_and_tables_become_blocks() -> None:
    paragraphs = [
        paragraph("De volgende maatregelen:", line=0),
        paragraph("• Weten waar welke cryptografie gebruikt wordt;", line=1),
        paragraph("• Eisen toevoegen in aanbestedingen.", line=2),
        paragraph("Grond | Meldingen in 2021 | Meldingen in 2022", table=True, line=3),
        paragraph("TOTAAL | 12 | 17", table=True, line=4),
        paragraph("1. Een genummerde alinea alleen is geen lijst.", line=5),
    ]
    blocks = build_blocks(paragraphs)
    assert [type(block).__name__ for block in blocks] == [
        "Paragraph",
        "ItemList",
        "Table",
        "Paragraph",
    ]
    items = blocks[1]
    assert isinstance(items, model.ItemList) and items.kind == "bullet"
    assert [(item.marker, item.text) for item in items.items] == [
        ("•", "Weten waar welke cryptografie gebruikt wordt;"),
        ("•", "Eisen toevoegen in aanbestedingen."),
    ]
    table = blocks[2]
    assert isinstance(table, model.Table)
    assert table.rows == (
        (("Grond",), ("Meldingen in 2021",), ("Meldingen in 2022",)),
        (("TOTAAL",), ("12",), ("17",)),
    )
    assert table.line == 3
