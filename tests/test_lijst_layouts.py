"""Lijsten van vragen en antwoorden in the layouts found in the wild, made here with WeasyPrint.

Each document is read back through every stage a real PDF goes through. The layouts: a covering
letter of the Algemene Rekenkamer with "N." and the question in bold, the answer unlabelled; the
number alone in a margin column; label variants ("Vraag N", "Antwoord", "Antwoord N", "Antwoord
op vraag N:"); page breaks inside and between items; answers that refer to another answer;
questions without a question mark.
"""

from __future__ import annotations

import html

import pytest

from documents import build, render, text_of
from kamervragen import model
from kamervragen.errors import StrictModeError, report
from kamervragen.semantic_xml import from_xml, to_xml
from kamervragen.structure import build_document
from kamervragen.text import restore_spaced_capitals
from kamervragen.writers import write_akn
from kamervragen.writers.html import write_html

# Question and answer texts; some questions do not end in "?" (a request), one answer only refers
# to another.
ITEMS = [
    (
        "Wat vindt u van de positie van het Inlichtingenbureau in het stelsel van de uitvoering "
        "van werk en inkomen?",
        "Het Inlichtingenbureau is een zelfstandig rechtspersoon met een wettelijke taak. Het "
        "verwerkt persoonsgegevens voor gemeenten die daarmee hun wettelijke taken uitvoeren.",
    ),
    (
        "Kunt u toelichten welke risico's het ministerie elk kwartaal in kaart brengt.",
        "Het ministerie brengt de strategische risico's elk kwartaal in kaart; de rapportage "
        "daarover gaat naar de secretaris-generaal.",
    ),
    (
        "Welke lessen uit de invoering van de overbruggingsregeling worden gebruikt om het "
        "vangnet voor zelfstandigen te verbeteren?",
        "Zie het antwoord op vraag 1.",
    ),
    (
        "Graag een overzicht van de bedragen die in 2021 zijn terugbetaald",
        "In 2021 is in totaal € 12,4 miljoen terugbetaald, waarvan € 3,1 miljoen door "
        "gemeenten en de rest door uitvoeringsorganisaties.",
    ),
]

LETTER_STYLE = """
@page { @top-center { content: none } @bottom-center { content: none }
  @top-right { content: counter(page) "/" counter(pages); font-size: 7.5pt } }
body { font-family: DejaVu Sans; text-align: left; hyphens: manual }
.sender { margin-left: 10cm; font-size: 7.5pt }
.q { font-weight: bold; margin: 12pt 0 0 0; padding-left: 18pt; text-indent: -18pt }
.a { margin: 0 0 0 18pt }
h1 { font-size: 11pt; break-before: page; margin-bottom: 20pt }
"""


def letter(items: list[tuple[str, str]], *, breaks: tuple[int, ...] = ()) -> list[str]:
    """A Rekenkamer letter: page 1 the covering letter, then the list, "N." plus the bold
    question (hanging indent) and the unlabelled answer; a page break before the items in
    ``breaks``."""
    body = [
        '<p class="sender">Lange Voorhout 8<br>Postbus 20015<br>2500 EA Den Haag</p>',
        "<p>Aan de Voorzitter van de Tweede Kamer der Staten-Generaal<br>Postbus 20018<br>"
        "2500 EA Den Haag</p>",
        "<p>DATUM 7 juni 2022</p>",
        "<p>BETREFT Beantwoording vragen Tweede Kamer over de Resultaten "
        "verantwoordingsonderzoek 2021</p>",
        "<p>BIJLAGE(N)</p><p>1</p>",
        "<p>Geachte voorzitter,</p>",
        "<p>Hierbij zenden wij u de antwoorden op de vragen die de vaste commissie voor Sociale "
        "Zaken en Werkgelegenheid ons heeft voorgelegd over het rapport Resultaten "
        "verantwoordingsonderzoek 2021 bij het Ministerie van Sociale Zaken en "
        "Werkgelegenheid.</p>",
        "<p>Algemene Rekenkamer</p>",
        "<h1>Antwoorden Algemene Rekenkamer bij vragen van de Tweede Kamer over het rapport "
        "Resultaten verantwoordingsonderzoek 2021</h1>",
    ]
    for number, (question, answer) in enumerate(items, start=1):
        style = ' style="break-before: page"' if number in breaks else ""
        body.append(f'<p class="q"{style}>{number}. {html.escape(question)}</p>')
        body.append(f'<p class="a">{html.escape(answer)}</p>')
    return body


def texts(node: model.Question | model.Answer) -> list[str]:
    return [block.text for block in node.blocks]  # type: ignore[union-attr]


@pytest.fixture(scope="module")
def rekenkamer(tmp_path_factory: pytest.TempPathFactory) -> model.Document:
    path = tmp_path_factory.mktemp("lijst") / "rekenkamer.pdf"
    return build(render(letter(ITEMS, breaks=(3,)), path, running="", style=LETTER_STYLE))


def test_rekenkamer_letter_unlabelled_answers(rekenkamer: model.Document) -> None:
    assert rekenkamer.metadata.family == "lijst"
    questions, answers = rekenkamer.questions(), rekenkamer.answers()
    assert [q.numbers for q in questions] == [(1,), (2,), (3,), (4,)]
    assert [q.label.text for q in questions if q.label] == ["1.", "2.", "3.", "4."]
    assert [texts(q) for q in questions] == [[question] for question, _ in ITEMS]
    assert [texts(a) for a in answers] == [[answer] for _, answer in ITEMS]
    assert [a.label for a in answers] == [None] * 4
    assert [a.questions for a in answers] == [
        ("vraag-1",),
        ("vraag-2",),
        ("vraag-3",),
        ("vraag-4",),
    ]
    assert rekenkamer.anomalies == ()


def test_rekenkamer_letter_is_front_matter(rekenkamer: model.Document) -> None:
    front = " ".join(block.text for block in rekenkamer.front)  # type: ignore[union-attr]
    assert front.startswith("Lange Voorhout 8")
    assert "Geachte voorzitter," in front
    assert "BIJLAGE(N) 1" in front or "1" in front.split()


# --- Never silently wrong ------------------------------------------------------------------------


def test_far_more_question_like_paragraphs_than_questions_is_a_warning() -> None:
    doc = build_document(
        text_of(
            "Vraag 1",
            "Hoeveel scholen zijn er?",
            "Antwoord",
            "Er zijn 6.000 scholen.",
            "Hoeveel leraren werken er?",
            "Er werken 250.000 leraren.",
            "Hoeveel leerlingen zijn er?",
            "Er zijn 2,5 miljoen leerlingen.",
            "Hoeveel klassen zijn er?",
            "Dat weten wij niet.",
        )
    )
    assert len(doc.questions()) == 1
    warning = next(a for a in doc.anomalies if a.code == "unrecognised-questions")
    assert warning.page == 1
    assert warning.line == 5  # the first missed question, "Hoeveel leraren werken er?"
    assert "3 paragraphs outside the 1 recognised question end in a question mark" in (
        warning.message
    )


def test_strict_mode_fails_a_list_read_wrong() -> None:
    doc = build_document(text_of("Vraag 1", "Wat?", "Antwoord", "Ja.", "Wie?", "Wat nog?", "Hoe?"))
    with pytest.raises(StrictModeError, match="unrecognised-questions"):
        report(list(doc.anomalies), document="x.pdf", strict=True)


def test_rekenkamer_letter_metadata(rekenkamer: model.Document) -> None:
    meta = rekenkamer.metadata
    assert meta.letter is not None
    assert meta.letter.date == model.PartialDate(2022, 6, 7)
    assert meta.letter.subject == (
        "Beantwoording vragen Tweede Kamer over de Resultaten verantwoordingsonderzoek 2021"
    )
    assert meta.letter.recipient == "de Voorzitter van de Tweede Kamer der Staten-Generaal"
    assert meta.letter.enclosures == "1"
    assert meta.letter.signatories == ("Algemene Rekenkamer",)
    assert meta.answered_by == "Algemene Rekenkamer"
    assert meta.committee == "vaste commissie voor Sociale Zaken en Werkgelegenheid"
    assert meta.report == (
        "Resultaten verantwoordingsonderzoek 2021 bij het Ministerie van Sociale Zaken en "
        "Werkgelegenheid"
    )
    assert meta.title == (
        "Antwoorden Algemene Rekenkamer bij vragen van de Tweede Kamer over het rapport "
        "Resultaten verantwoordingsonderzoek 2021"
    )
    assert from_xml(to_xml(rekenkamer)) == rekenkamer


def test_rekenkamer_letter_in_akoma_ntoso_and_html(rekenkamer: model.Document) -> None:
    akn = write_akn(rekenkamer).decode()
    assert '<FRBRdate date="2022-06-07" name="brief"/>' in akn
    assert '<FRBRauthor href="#algemene-rekenkamer' in akn
    page = write_html(rekenkamer).decode()
    assert "<dt>Betreft</dt><dd>Beantwoording vragen Tweede Kamer" in page
    assert "<dt>Antwoord van</dt><dd>Algemene Rekenkamer</dd>" in page


@pytest.mark.parametrize(
    ("printed", "restored"),
    [
        ("D A T U M 7 juni 2022", "DATUM 7 juni 2022"),
        ("DAT UM", "DATUM"),
        ("O N S K E N M E R K", "ONS KENMERK"),
        ("BET RE FT Beantwoording", "BETREFT Beantwoording"),
        ("BI JLA GE( N )", "BIJLAGE(N)"),
        ("B E Z O R G E N", "BEZORGEN"),
        ("EU VS NL", "EU VS NL"),
        ("Datum van de brief", "Datum van de brief"),
    ],
)
def test_letter_spaced_capitals_are_restored(printed: str, restored: str) -> None:
    assert restore_spaced_capitals(printed) == restored


def test_letter_spaced_labels_from_a_pdf(tmp_path) -> None:  # type: ignore[no-untyped-def]
    spaced = [
        '<p class="sender">Lange Voorhout 8</p>',
        "<p>Aan de Voorzitter van de Tweede Kamer der Staten-Generaal</p>",
        '<p style="letter-spacing: 4pt">DATUM <span style="letter-spacing: 0">'
        "13 juni 2017</span></p>",
        '<p style="letter-spacing: 4pt">KENMERK <span style="letter-spacing: 0">'
        "17003850 R</span></p>",
        "<p>Geachte voorzitter,</p>",
        "<p>Hierbij zenden wij u de antwoorden op de vragen die de vaste commissie voor "
        "Financiën ons heeft voorgelegd over het rapport Resultaten verantwoordingsonderzoek "
        "2016.</p>",
        "<p>Algemene Rekenkamer</p>",
        "<h1>Antwoorden Algemene Rekenkamer bij vragen van de Tweede Kamer</h1>",
    ]
    body = spaced + letter(ITEMS)[9:]
    doc = build(render(body, tmp_path / "spaced.pdf", running="", style=LETTER_STYLE))
    assert doc.metadata.letter is not None
    assert doc.metadata.letter.date == model.PartialDate(2017, 6, 13)
    assert doc.metadata.letter.reference == "17003850 R"
    assert len(doc.questions()) == len(ITEMS)
