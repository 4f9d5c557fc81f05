"""Lijsten van vragen en antwoorden in the layouts found in the wild, made here with WeasyPrint.

Each document is read back through every stage a real PDF goes through. The layouts: a covering
letter of the Algemene Rekenkamer with "N." and the question in bold, the answer unlabelled; the
number alone in a margin column; label variants ("Vraag N", "Antwoord", "Antwoord N", "Antwoord
op vraag N:"); page breaks inside and between items; answers that refer to another answer;
questions without a question mark.
"""

from __future__ import annotations

import html
import re

import pytest

from documents import build, p, paragraph, render, text_of
from kamervragen import model
from kamervragen.errors import StrictModeError, report
from kamervragen.families import lijst
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


# --- Labelled layouts, margin numbers, page breaks -----------------------------------------------

LIST_STYLE = """
body { font-family: DejaVu Serif }
.label { font-weight: bold; margin-bottom: 2pt }
.q { font-style: italic }
.m { margin-left: 2cm }
.m .num { float: left; width: 1.5cm; margin-left: -2cm; font-style: normal }
.top { break-before: page }
"""
# A long answer, so that it crosses a page break.
LONG = " ".join(
    f"In {year} bedroegen de uitgaven aan dit onderdeel € {year - 1990},4 miljoen, zoals het "
    f"jaarverslag over {year} laat zien en de toelichting daarop nader uitwerkt."
    for year in range(2001, 2031)
)


def kamerstuk(items: list[tuple[str, str]], layout: str) -> list[str]:
    """A Kamerstuk lijst with the title block, then each item in ``layout``: the question label
    and answer label as printed, or "margin" (the number alone in the left margin, the question in
    italics beside it, "Antwoord" above the answer). Answer 2 is long and crosses a page; answer
    4 starts at the top of a page."""
    body = [
        p("33 930 VI Resultaten verantwoordingsonderzoek 2013 bij het Ministerie van", "title"),
        p("Veiligheid en Justitie", "title"),
        p("Nr. 1 LIJST VAN VRAGEN EN ANTWOORDEN", "title"),
        p("Vastgesteld 13 juni 2014"),
        p(
            "De vaste commissie voor Veiligheid en Justitie heeft een aantal vragen voorgelegd "
            "aan de Algemene Rekenkamer over het rapport Resultaten verantwoordingsonderzoek 2013 "
            "(Kamerstuk 33 930 VI, nr. 1). De Algemene Rekenkamer heeft deze vragen beantwoord "
            "bij brief van 13 juni 2014. Vragen en antwoorden zijn hierna afgedrukt."
        ),
        p("De voorzitter van de commissie, Postma"),
        p("De griffier van de commissie, Brouwer"),
    ]
    for number, (question, answer) in enumerate(items, start=1):
        answer = LONG if number == 2 else answer
        top = ' class="top"' if number == 4 else ""
        if layout == "margin":
            body.append(
                f'<p class="m q"><span class="num">{number}</span>{html.escape(question)}</p>'
            )
            body.append(f'<p class="m label{" top" if top else ""}">Antwoord</p>')
            body.append(f'<p class="m">{html.escape(answer)}</p>')
            continue
        question_label, answer_label = (part.format(n=number) for part in layout.split("|"))
        body.append(f'<p class="label">{question_label}</p>')
        body.append(p(question))
        body.append(f'<p class="label{" top" if top else ""}">{answer_label}</p>')
        body.append(p(answer))
    return body


LAYOUTS = {
    "vraag-antwoord-op-vraag": "Vraag {n}|Antwoord op vraag {n}:",
    "vraag-antwoord-n": "Vraag {n}|Antwoord {n}",
    "number-antwoord": "{n}.|Antwoord:",
    "vraag-colon-antwoord": "Vraag {n}:|Antwoord",
    "margin": "margin",
}


@pytest.fixture(scope="module", params=sorted(LAYOUTS))
def labelled(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> model.Document:
    path = tmp_path_factory.mktemp("lijst") / f"{request.param}.pdf"
    body = kamerstuk(ITEMS, LAYOUTS[request.param])
    return build(render(body, path, running="33 930 VI, nr. 1", style=LIST_STYLE))


def test_labelled_layouts_questions_and_answers(labelled: model.Document) -> None:
    assert labelled.metadata.family == "lijst"
    questions, answers = labelled.questions(), labelled.answers()
    assert [q.numbers for q in questions] == [(1,), (2,), (3,), (4,)]
    assert [texts(q) for q in questions] == [[question] for question, _ in ITEMS]
    expected = [[LONG if n == 2 else answer] for n, (_, answer) in enumerate(ITEMS, start=1)]
    assert [texts(a) for a in answers] == expected
    assert [a.questions for a in answers] == [
        ("vraag-1",),
        ("vraag-2",),
        ("vraag-3",),
        ("vraag-4",),
    ]
    assert len({block.page for a in answers for block in a.blocks}) >= 2  # breaks were made
    assert labelled.anomalies == ()


def test_labelled_layouts_metadata(labelled: model.Document) -> None:
    meta = labelled.metadata
    assert meta.title == (
        "Resultaten verantwoordingsonderzoek 2013 bij het Ministerie van Veiligheid en Justitie"
    )
    assert meta.committee == "vaste commissie voor Veiligheid en Justitie"
    assert meta.addressees == ("Algemene Rekenkamer",)
    assert meta.answered_by == "Algemene Rekenkamer"
    assert meta.report == "Resultaten verantwoordingsonderzoek 2013"
    assert meta.report_ref is not None and meta.report_ref.text == "Kamerstuk 33 930 VI, nr. 1"
    assert meta.letter == model.Letter(date=model.PartialDate(2014, 6, 13))
    assert meta.date == model.PartialDate(2014, 6, 13)


# --- Cross-references ----------------------------------------------------------------------------


def test_a_cross_reference_is_linked_everywhere(labelled: model.Document) -> None:
    answer = labelled.answers()[2]
    (paragraph,) = answer.blocks
    assert isinstance(paragraph, model.Paragraph)
    assert paragraph.content == ("Zie ", model.CrossRef((1,), "het antwoord op vraag 1"), ".")
    assert from_xml(to_xml(labelled)) == labelled
    assert '<crossRef numbers="1">het antwoord op vraag 1</crossRef>' in to_xml(labelled).decode()
    page = write_html(labelled).decode()
    assert 'Zie <a class="crossref" href="#antwoord-1">het antwoord op vraag 1</a>.' in page
    akn = write_akn(labelled).decode()
    assert re.search(r'Zie <ref href="#questions_1__answer_1">het antwoord op vraag 1</ref>\.', akn)


@pytest.mark.parametrize(
    ("printed", "numbers", "linked"),
    [
        ("Zie het antwoord op vraag 3.", (3,), "het antwoord op vraag 3"),
        ("Zie antwoord op vraag 2.", (2,), "antwoord op vraag 2"),
        ("verwijzen we u naar ons antwoord op vraag 4.", (4,), "ons antwoord op vraag 4"),
        ("(zie vraag en antwoord 1)", (1,), "vraag en antwoord 1"),
        ("Zie de antwoorden op de vragen 3 en 4.", (3, 4), "de antwoorden op de vragen 3 en 4"),
        ("Zie vraag 2.", (2,), "vraag 2"),
        ("Zie het antwoord op vraag 9.", None, None),  # no question 9: text stays text
        ("Vraag 3 van het rapport", None, None),
    ],
)
def test_cross_reference_forms(
    printed: str, numbers: tuple[int, ...] | None, linked: str | None
) -> None:
    question = model.Question(id="", numbers=(1,), blocks=(model.Paragraph(("Wat?",)),))
    others = tuple(
        model.Question(id="", numbers=(n,), blocks=(model.Paragraph(("Hoe?",)),)) for n in (2, 3, 4)
    )
    answer = model.Answer(id="", numbers=(1,), questions=(), blocks=(model.Paragraph((printed,)),))
    nodes = lijst.link_cross_references((question, *others, answer))
    content = nodes[-1].blocks[0].content  # type: ignore[union-attr]
    refs = [item for item in content if isinstance(item, model.CrossRef)]
    if numbers is None:
        assert refs == []
    else:
        assert refs == [model.CrossRef(numbers, linked)]  # type: ignore[arg-type]
    assert model.plain_text(content) == printed


def test_a_question_set_apart_by_type_may_start_with_any_text() -> None:
    """ "4. in hoeverre …", "5. «Zo is …»": numbered, bold, before a roman answer."""
    doc = build_document(
        text_of(
            paragraph(
                "1. «Zo is de maatregel in strijd met de wet», kunt u dat toelichten", 0, bold=True
            ),
            paragraph("Dat lichten wij graag toe.", 1),
            paragraph("2. in hoeverre is de regeling geëvalueerd", 2, bold=True),
            paragraph("De regeling is in 2021 geëvalueerd.", 3),
        )
    )
    assert [q.numbers for q in doc.questions()] == [(1,), (2,)]
    assert [texts(a) for a in doc.answers()] == [
        ["Dat lichten wij graag toe."],
        ["De regeling is in 2021 geëvalueerd."],
    ]
    assert doc.anomalies == ()
