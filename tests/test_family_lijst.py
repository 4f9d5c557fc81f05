"""The lijst family parser: lijsten van vragen en antwoorden, nota's naar aanleiding van het
verslag, unlabelled Q&A, and documents that are no Q&A at all.

Most documents are made here with WeasyPrint (see ``documents.py``) and read back through every
stage a real PDF goes through; edge cases use hand-built running text.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from documents import build, masthead, p, paragraph, render, text_of, texts
from kamervragen import model
from kamervragen.errors import StructureError
from kamervragen.semantic_xml import from_xml, to_xml
from kamervragen.structure import build_document

# --- A lijst with the question number on its own line --------------------------------------------

DOSSIER_TITLE = (
    "Vaststelling van de begrotingsstaten van het Ministerie van Onderwijs, Cultuur en "
    "Wetenschap (VIII) voor het jaar 2024"
)
INTRODUCTION = (
    "De vaste commissie voor Onderwijs, Cultuur en Wetenschap heeft een aantal vragen voorgelegd "
    "aan de Minister van Onderwijs, Cultuur en Wetenschap en de Minister voor Primair en "
    "Voortgezet Onderwijs over de Vaststelling van de begrotingsstaten van het Ministerie van "
    "Onderwijs, Cultuur en Wetenschap (VIII) voor het jaar 2024 (Kamerstuk 36 410 VIII, nr. 1)."
)
PRINTED = (
    "De vragen zijn op 3 november 2023 beantwoord. Vragen en antwoorden zijn hierna afgedrukt."
)
LIJST_QA = [
    (
        "Hoeveel leraren hebben in 2023 een zij-instroomtraject afgerond, en hoeveel van hen "
        "werken twee jaar later nog in het onderwijs?",
        [
            "In 2023 hebben 2.830 zij-instromers hun traject afgerond. Van de zij-instromers die "
            "in 2021 begonnen, werkt twee jaar later 81 procent nog in het onderwijs; dat is "
            "vergelijkbaar met leraren die via de reguliere lerarenopleiding instromen.",
        ],
    ),
    (
        "Welk bedrag is in de begroting gereserveerd voor het terugdringen van het lerarentekort "
        "in de grote steden?",
        [
            "Voor de aanpak van het lerarentekort in de vijf grote steden is in 2024 "
            "€ 60 miljoen beschikbaar.",
            "Daarnaast ontvangen de scholen in deze steden een toeslag uit de middelen voor "
            "onderwijsachterstanden.",
        ],
    ),
    (
        "Kan de minister aangeven hoeveel scholen in 2023 een onvoldoende kregen van de "
        "Inspectie van het Onderwijs?",
        [
            "In 2023 beoordeelde de inspectie 64 scholen als zeer zwak of onvoldoende.",
        ],
    ),
]


@pytest.fixture(scope="module")
def bare_numbers(tmp_path_factory: pytest.TempPathFactory) -> model.Document:
    body = masthead("kst-36410-VIII-12")
    body += [
        p(f"36 410 VIII {DOSSIER_TITLE}", "title"),
        p("Nr. 12 LIJST VAN VRAGEN EN ANTWOORDEN", "title"),
        p("Vastgesteld 10 november 2023"),
        p(INTRODUCTION),
        p(PRINTED),
        p("De voorzitter van de commissie,"),
        p("Michon-Derkzen"),
        p("De griffier van de commissie,"),
        p("Bosnjakovic"),
    ]
    for number, (question, answer) in enumerate(LIJST_QA, start=1):
        body += [p(str(number)), p(question), p("Antwoord:")]
        body += [p(text) for text in answer]
    path = tmp_path_factory.mktemp("lijst") / "kst-36410-VIII-12.pdf"
    return build(render(body, path, running="36 410 VIII, nr. 12"))


def test_bare_numbers_metadata(bare_numbers: model.Document) -> None:
    meta = bare_numbers.metadata
    assert meta.family == "lijst"
    assert meta.document_type == "LIJST VAN VRAGEN EN ANTWOORDEN"
    assert meta.dossier == "36410-VIII"
    assert meta.document_number == "12"
    assert meta.title == DOSSIER_TITLE
    assert meta.date == model.PartialDate(2023, 11, 10)
    assert meta.committee == "vaste commissie voor Onderwijs, Cultuur en Wetenschap"
    assert meta.addressees == (
        "Minister van Onderwijs, Cultuur en Wetenschap",
        "Minister voor Primair en Voortgezet Onderwijs",
    )
    assert meta.identifier == "kst-36410-VIII-12"
    assert meta.vergaderjaar == "2023-2024"


def test_bare_numbers_front_is_title_and_introduction(bare_numbers: model.Document) -> None:
    front = texts(bare_numbers.front)
    assert front == [
        f"36 410 VIII {DOSSIER_TITLE}",
        "Nr. 12 LIJST VAN VRAGEN EN ANTWOORDEN",
        "Vastgesteld 10 november 2023",
        INTRODUCTION,
        PRINTED,
        "De voorzitter van de commissie,",
        "Michon-Derkzen",
        "De griffier van de commissie,",
        "Bosnjakovic",
    ]
    assert isinstance(bare_numbers.front[0], model.Heading)  # bold title lines


def test_bare_numbers_questions_and_answers(bare_numbers: model.Document) -> None:
    questions, answers = bare_numbers.questions(), bare_numbers.answers()
    assert [q.numbers for q in questions] == [(1,), (2,), (3,)]
    assert [q.label.text for q in questions if q.label] == ["1", "2", "3"]
    assert [texts(q.blocks) for q in questions] == [[question] for question, _ in LIJST_QA]
    assert [texts(a.blocks) for a in answers] == [answer for _, answer in LIJST_QA]
    assert [a.label.text for a in answers if a.label] == ["Antwoord:"] * 3
    assert [a.questions for a in answers] == [("vraag-1",), ("vraag-2",), ("vraag-3",)]
    # The flat layout: no sections, questions and answers alternate.
    assert [type(node).__name__ for node in bare_numbers.body] == ["Question", "Answer"] * 3
    assert bare_numbers.anomalies == ()


def test_bare_numbers_questions_mark_their_asks(bare_numbers: model.Document) -> None:
    first = bare_numbers.questions()[0].blocks[0]
    assert isinstance(first, model.Paragraph)
    asks = [item for item in first.content if isinstance(item, model.Ask)]
    assert [ask.text for ask in asks] == [LIJST_QA[0][0]]


def test_bare_numbers_round_trip_through_semantic_xml(bare_numbers: model.Document) -> None:
    assert from_xml(to_xml(bare_numbers)) == bare_numbers


# --- A lijst with "Vraag 1" and "Antwoord op vraag 1:", in sections -----------------------------

VRAAG_QA = [
    (
        "Algemeen",
        [
            (
                [1],
                "Wat is de totale omvang van de subsidies die het ministerie in 2024 "
                "verstrekt aan maatschappelijke organisaties?[[Zie bijlage 3 bij de begroting.]]",
                "Antwoord op vraag 1:",
                ["In 2024 verstrekt het ministerie in totaal € 412 miljoen aan subsidies."],
            ),
            (
                [2],
                "Hoeveel van deze subsidies zijn meerjarig toegekend?",
                "Antwoord op vraag 2:",
                ["Ruim de helft van de subsidies, 57 procent, is meerjarig toegekend."],
            ),
        ],
    ),
    (
        "Artikel 3 Cultuur",
        [
            (
                [3, 4],
                "Hoeveel musea ontvangen een rijksbijdrage? Welke criteria gelden daarbij?",
                "Antwoord op vraag 3 en 4:",
                [
                    "Dertig musea ontvangen een rijksbijdrage.",
                    "De criteria staan in de Erfgoedwet.",
                ],
            ),
        ],
    ),
]


@pytest.fixture(scope="module")
def vraag_labels(tmp_path_factory: pytest.TempPathFactory) -> model.Document:
    body = masthead("kst-36410-XIV-9")
    body += [
        p(
            "36 410 XIV Vaststelling van de begrotingsstaten van het Ministerie van Landbouw, "
            "Natuur en Voedselkwaliteit (XIV) voor het jaar 2024",
            "title",
        ),
        p("Nr. 9 LIJST VAN VRAGEN EN ANTWOORDEN", "title"),
        p("Vastgesteld 17 november 2023"),
        p(
            "De vaste commissie voor Landbouw, Natuur en Voedselkwaliteit heeft een aantal vragen "
            "voorgelegd aan de Minister van Landbouw, Natuur en Voedselkwaliteit over de begroting. "
            "De vragen zijn op 14 november 2023 beantwoord. Vragen en antwoorden zijn hierna "
            "afgedrukt."
        ),
    ]
    for title, pairs in VRAAG_QA:
        body.append(f"<h3>{title}</h3>")
        for numbers, question, label, answer in pairs:
            printed = " en ".join(map(str, numbers))
            body += [p(f"Vraag {printed}"), p(question), p(label)]
            body += [p(text) for text in answer]
    path = tmp_path_factory.mktemp("lijst") / "kst-36410-XIV-9.pdf"
    return build(render(body, path, running="36 410 XIV, nr. 9"))


def test_vraag_labels_in_sections(vraag_labels: model.Document) -> None:
    sections = [node for node in vraag_labels.body if isinstance(node, model.Section)]
    assert [section.title for section in sections] == ["Algemeen", "Artikel 3 Cultuur"]
    assert all(section.kind == "section" for section in sections)
    assert len(sections) == len(vraag_labels.body)  # nothing outside the sections
    first, second = sections
    assert [type(node).__name__ for node in first.content] == ["Question", "Answer"] * 2
    assert [type(node).__name__ for node in second.content] == ["Question", "Answer"]


def test_vraag_labels_numbers_labels_and_links(vraag_labels: model.Document) -> None:
    questions, answers = vraag_labels.questions(), vraag_labels.answers()
    assert [q.numbers for q in questions] == [(1,), (2,), (3, 4)]
    assert [q.label.text for q in questions if q.label] == ["Vraag 1", "Vraag 2", "Vraag 3 en 4"]
    assert [q.id for q in questions] == ["vraag-1", "vraag-2", "vraag-3-4"]
    assert [a.label.text for a in answers if a.label] == [
        "Antwoord op vraag 1:",
        "Antwoord op vraag 2:",
        "Antwoord op vraag 3 en 4:",
    ]
    assert [a.questions for a in answers] == [("vraag-1",), ("vraag-2",), ("vraag-3-4",)]
    assert texts(answers[2].blocks) == [
        "Dertig musea ontvangen een rijksbijdrage.",
        "De criteria staan in de Erfgoedwet.",
    ]
    assert vraag_labels.anomalies == ()


def test_vraag_labels_keep_the_footnote_in_the_question(vraag_labels: model.Document) -> None:
    question = vraag_labels.questions()[0]
    content = question.blocks[0].content  # type: ignore[union-attr]
    assert model.NoteRef(1) in model.note_refs(content)
    assert question.blocks[0].text == VRAAG_QA[0][1][0][1].split("[[")[0]  # type: ignore[union-attr]
    assert vraag_labels.footnotes[0].text == "Zie bijlage 3 bij de begroting."


def test_vraag_labels_metadata(vraag_labels: model.Document) -> None:
    meta = vraag_labels.metadata
    assert (meta.dossier, meta.document_number, meta.date) == (
        "36410-XIV",
        "9",
        model.PartialDate(2023, 11, 17),
    )
    assert meta.committee == "vaste commissie voor Landbouw, Natuur en Voedselkwaliteit"
    assert meta.addressees == ("Minister van Landbouw, Natuur en Voedselkwaliteit",)


# --- A nota naar aanleiding van het verslag -------------------------------------------------------

NOTA_THANKS = (
    "De regering dankt de leden van de vaste commissie voor Justitie en Veiligheid voor hun "
    "inbreng bij het wetsvoorstel. Hieronder worden de vragen beantwoord in de volgorde van het "
    "verslag."
)
NOTA = [
    (
        "1. Inleiding",
        [
            (
                [
                    "De leden van de VVD-fractie hebben met belangstelling kennisgenomen van het "
                    "wetsvoorstel. Zij hebben nog enkele vragen over de verantwoordelijkheidsverdeling "
                    "tussen het Rijk en de gemeenten."
                ],
                [
                    "De regering waardeert de steun van deze leden. De verantwoordelijkheid voor de "
                    "uitvoering ligt bij de gemeenten; het Rijk stelt de kaders."
                ],
            ),
        ],
    ),
    (
        "2. Doel van het wetsvoorstel",
        [
            (
                [
                    "De leden van de D66-fractie vragen hoe het wetsvoorstel zich verhoudt tot de "
                    "Algemene verordening gegevensbescherming. Kan de regering dat toelichten?"
                ],
                [
                    "Het wetsvoorstel geeft uitvoering aan artikel 6 van de verordening.",
                    "De Autoriteit Persoonsgegevens houdt toezicht op de naleving.",
                ],
            ),
            (
                ["Deze leden vragen voorts welke kosten de gemeenten maken."],
                ["De structurele kosten voor gemeenten worden geraamd op € 4 miljoen per jaar."],
            ),
        ],
    ),
]


@pytest.fixture(scope="module")
def nota(tmp_path_factory: pytest.TempPathFactory) -> model.Document:
    body = masthead("kst-36123-7")
    body += [
        p("36 123 Wijziging van de Wet gegevensuitwisseling gemeenten", "title"),
        p("Nr. 7 NOTA NAAR AANLEIDING VAN HET VERSLAG", "title"),
        p("Ontvangen 12 maart 2024"),
        p(NOTA_THANKS),
    ]
    for title, pairs in NOTA:
        body.append(f"<h2>{title}</h2>")
        for questions, answers in pairs:
            body += [f"<p><i>{text}</i></p>" for text in questions]
            body += [p(text) for text in answers]
    body += [p("De Minister van Justitie en Veiligheid,"), p("D. Yeşilgöz-Zegerius")]
    path = tmp_path_factory.mktemp("nota") / "kst-36123-7.pdf"
    return build(render(body, path, running="36 123, nr. 7"))


def test_nota_sections_questions_and_answers(nota: model.Document) -> None:
    sections = [node for node in nota.body if isinstance(node, model.Section)]
    assert [section.title for section in sections] == [title for title, _ in NOTA]
    for section, (_, pairs) in zip(sections, NOTA, strict=True):
        nodes = [
            node for node in section.content if isinstance(node, model.Question | model.Answer)
        ]
        assert len(nodes) == 2 * len(pairs)
        for (question, answer), (asked, answered) in zip(
            zip(nodes[::2], nodes[1::2], strict=True), pairs, strict=True
        ):
            assert isinstance(question, model.Question) and isinstance(answer, model.Answer)
            assert texts(question.blocks) == asked
            assert texts(answer.blocks) == answered
            assert answer.questions == (question.id,)
            assert question.label is None and answer.label is None


def test_nota_numbers_parties_and_closing(nota: model.Document) -> None:
    questions = nota.questions()
    assert [q.numbers for q in questions] == [(1,), (2,), (3,)]
    assert [q.party for q in questions] == ["VVD", "D66", "D66"]  # "Deze leden": still D66
    # The signature closes the document, outside the last section.
    assert texts(tuple(n for n in nota.body if isinstance(n, model.Paragraph))) == [
        "De Minister van Justitie en Veiligheid,",
        "D. Yeşilgöz-Zegerius",
    ]
    assert nota.anomalies == ()


def test_nota_front_and_metadata(nota: model.Document) -> None:
    assert texts(nota.front) == [
        "36 123 Wijziging van de Wet gegevensuitwisseling gemeenten",
        "Nr. 7 NOTA NAAR AANLEIDING VAN HET VERSLAG",
        "Ontvangen 12 maart 2024",
        NOTA_THANKS,
    ]
    meta = nota.metadata
    assert meta.family == "nota"
    assert meta.document_type == "NOTA NAAR AANLEIDING VAN HET VERSLAG"
    assert (meta.dossier, meta.document_number) == ("36123", "7")
    assert meta.title == "Wijziging van de Wet gegevensuitwisseling gemeenten"
    assert meta.date == model.PartialDate(2024, 3, 12)
    assert meta.committee == "vaste commissie voor Justitie en Veiligheid"


# --- Not a Q&A document ---------------------------------------------------------------------------


def test_motion_has_no_question_answer_structure(tmp_path: Path) -> None:
    body = masthead("kst-21501-02-3121")
    body += [
        p("21 501-02 Raad Algemene Zaken en Raad Buitenlandse Zaken", "title"),
        p("Nr. 3121 MOTIE VAN HET LID CEDER", "title"),
        p("Voorgesteld 10 april 2025"),
        p("De Kamer,"),
        p("gehoord de beraadslaging,"),
        p(
            "constaterende dat de humanitaire situatie in Gaza ernstig is verslechterd en dat "
            "hulpgoederen de bevolking nauwelijks bereiken;"
        ),
        p(
            "verzoekt de regering, in EU-verband aan te dringen op onmiddellijke toelating van "
            "humanitaire hulp,"
        ),
        p("en gaat over tot de orde van de dag."),
        p("Ceder"),
    ]
    path = render(body, tmp_path / "motie.pdf", running="21 501-02, nr. 3121")
    with pytest.raises(StructureError, match="no question/answer structure found"):
        build(path)


# --- Hand-built running text: labels, anomalies, edge cases ---------------------------------------


def codes(document: model.Document) -> list[str]:
    return [anomaly.code for anomaly in document.anomalies]


def test_unknown_family_with_vraag_and_antwoord_labels() -> None:
    doc = build_document(
        text_of(
            "Onderwerp: de bereikbaarheid van het station",
            "Vraag 1",
            "Is het station vanaf maandag weer bereikbaar?",
            "Antwoord 1",
            "Ja.",
            "Vraag 2: Welke omleiding geldt tot die tijd?",
            "Antwoord 2: Die via de Stationsweg.",
        )
    )
    assert doc.metadata.family == "unknown"
    assert texts(doc.front) == ["Onderwerp: de bereikbaarheid van het station"]
    questions, answers = doc.questions(), doc.answers()
    # A label before the text on one line is split off it, character for character.
    assert [q.label.text for q in questions if q.label] == ["Vraag 1", "Vraag 2:"]
    assert [texts(q.blocks) for q in questions] == [
        ["Is het station vanaf maandag weer bereikbaar?"],
        ["Welke omleiding geldt tot die tijd?"],
    ]
    assert [a.label.text for a in answers if a.label] == ["Antwoord 1", "Antwoord 2:"]
    assert [texts(a.blocks) for a in answers] == [["Ja."], ["Die via de Stationsweg."]]
    assert [a.questions for a in answers] == [("vraag-1",), ("vraag-2",)]


def test_answer_without_its_question_is_an_anomaly() -> None:
    doc = build_document(
        text_of(
            "Nr. 4 LIJST VAN VRAGEN EN ANTWOORDEN",
            "Vraag 1",
            "Wat kost het project?",
            "Antwoord 1",
            "€ 3 miljoen.",
            "Antwoord 2",
            "Het project is in 2025 klaar.",
        )
    )
    assert [a.numbers for a in doc.answers()] == [(1,), (2,)]
    assert doc.answers()[1].questions == ()
    (anomaly,) = [a for a in doc.anomalies if a.code == "answer-without-question"]
    assert (anomaly.page, anomaly.line) == (1, 6)  # the "Antwoord 2" label (layout line 5)


def test_answer_label_before_any_question_is_an_anomaly() -> None:
    doc = build_document(
        text_of(
            "Nr. 4 LIJST VAN VRAGEN EN ANTWOORDEN",
            "Antwoord:",
            "Zie de brief van 3 maart.",
            "1",
            "Wanneer komt de brief?",
            "Antwoord:",
            "Volgende week.",
        )
    )
    assert codes(doc) == ["answer-without-question"]
    assert doc.anomalies[0].line == 2
    first = doc.body[0]
    assert isinstance(first, model.Answer) and first.numbers == () and first.questions == ()
    assert doc.answers()[1].questions == ("vraag-1",)


def test_numbering_gap_is_an_anomaly_with_its_position() -> None:
    doc = build_document(
        text_of(
            "Nr. 4 LIJST VAN VRAGEN EN ANTWOORDEN",
            "1",
            "Eerste vraag?",
            "Antwoord:",
            "Eerste antwoord.",
            "2",
            "Tweede vraag?",
            "Antwoord:",
            "Tweede antwoord.",
            "4",
            "Vierde vraag?",
            "Antwoord:",
            "Vierde antwoord.",
        )
    )
    assert [q.numbers for q in doc.questions()] == [(1,), (2,), (4,)]
    jump = next(a for a in doc.anomalies if a.code == "numbering-jump")
    assert jump.message == "question 4 follows question 2"
    assert (jump.page, jump.line) == (1, 10)
    gap = next(a for a in doc.anomalies if a.code == "numbering-gap")
    assert "3" in gap.message


def test_second_answer_label_is_an_anomaly() -> None:
    doc = build_document(
        text_of(
            "Nr. 4 LIJST VAN VRAGEN EN ANTWOORDEN",
            "Vraag 1",
            "Wat is de planning?",
            "Antwoord:",
            "Eind 2024.",
            "Antwoord:",
            "Of begin 2025.",
        )
    )
    assert codes(doc) == ["duplicate-answer"]
    assert [a.questions for a in doc.answers()] == [("vraag-1",), ("vraag-1",)]


def test_numbered_list_in_an_answer_is_not_a_question() -> None:
    doc = build_document(
        text_of(
            "Nr. 4 LIJST VAN VRAGEN EN ANTWOORDEN",
            "1. Welke maatregelen neemt de minister?",
            "Antwoord:",
            "De minister neemt twee maatregelen:",
            "1. een hogere subsidie;",
            "2. een kortere procedure.",
            "2. Wanneer treden zij in werking?",
            "Antwoord:",
            "Op 1 januari.",
        )
    )
    questions, answers = doc.questions(), doc.answers()
    assert [q.numbers for q in questions] == [(1,), (2,)]
    assert [q.label.text for q in questions if q.label] == ["1.", "2."]
    assert texts(answers[0].blocks) == [
        "De minister neemt twee maatregelen:",
        "1. een hogere subsidie;",
        "2. een kortere procedure.",
    ]
    assert isinstance(answers[0].blocks[1], model.ItemList)
    assert doc.anomalies == ()


def test_unlabelled_answers_follow_the_question_mark_or_a_change_of_style() -> None:
    doc = build_document(
        text_of(
            "Nr. 4 LIJST VAN VRAGEN EN ANTWOORDEN",
            "1",
            "Hoeveel aanvragen kwamen binnen?",
            "Er kwamen 412 aanvragen binnen.",
            "Dat is veel.",
            "2",
            paragraph("Hoe worden zij beoordeeld. Graag een toelichting.", 6, bold=True),
            "Door een onafhankelijke commissie.",
        )
    )
    questions, answers = doc.questions(), doc.answers()
    assert [texts(q.blocks) for q in questions] == [
        ["Hoeveel aanvragen kwamen binnen?"],
        ["Hoe worden zij beoordeeld. Graag een toelichting."],
    ]
    assert [texts(a.blocks) for a in answers] == [
        ["Er kwamen 412 aanvragen binnen.", "Dat is veel."],
        ["Door een onafhankelijke commissie."],
    ]
    assert [a.label for a in answers] == [None, None]


def test_nota_without_italics_uses_the_fractie_phrase() -> None:
    doc = build_document(
        text_of(
            "Nr. 7 NOTA NAAR AANLEIDING VAN HET VERSLAG",
            "De leden van de VVD-fractie hebben kennisgenomen van het wetsvoorstel.",
            "De leden van de fractie van GroenLinks-PvdA hebben kennisgenomen van het wetsvoorstel.",
            "De regering dankt deze leden voor hun inbreng.",
            "Het lid van de BBB-fractie vraagt naar de gevolgen voor boeren.",
            "Kan de regering die gevolgen in kaart brengen?",
            "De gevolgen voor boeren zijn beperkt.",
        )
    )
    questions, answers = doc.questions(), doc.answers()
    assert [q.party for q in questions] == ["VVD", "GroenLinks-PvdA", "BBB"]
    # One answer to two fracties at once answers both.
    assert [a.questions for a in answers] == [("vraag-1", "vraag-2"), ("vraag-3",)]
    assert texts(questions[2].blocks) == [
        "Het lid van de BBB-fractie vraagt naar de gevolgen voor boeren.",
        "Kan de regering die gevolgen in kaart brengen?",
    ]
    assert doc.anomalies == ()


def test_nota_table_of_contents_stays_in_front() -> None:
    doc = build_document(
        text_of(
            "Nr. 7 NOTA NAAR AANLEIDING VAN HET VERSLAG",
            paragraph("Inhoudsopgave", 1, bold=True),
            "1. Inleiding 1",
            "2. Kosten 2",
            paragraph("1. Inleiding", 4, bold=True),
            "De leden van de SP-fractie vragen naar het doel.",
            "Het doel is eenvoud.",
            paragraph("2. Kosten", 7, bold=True),
            paragraph("2.1 Gemeenten", 8, bold=True),
            "De leden van de CDA-fractie vragen naar de kosten.",
            "Die zijn laag voor:",
            "1. Gemeenten",
            "2. Provincies",
        )
    )
    assert texts(doc.front)[-3:] == ["Inhoudsopgave", "1. Inleiding 1", "2. Kosten 2"]
    first, second = doc.body
    assert isinstance(first, model.Section) and isinstance(second, model.Section)
    assert (first.title, second.title) == ("1. Inleiding", "2. Kosten")
    (sub,) = second.content
    assert isinstance(sub, model.Section) and sub.title == "2.1 Gemeenten"
    assert [type(node).__name__ for node in sub.content] == ["Question", "Answer"]
    # Where headings are bold, a roman numbered line is a list item of the answer.
    assert texts(doc.answers()[-1].blocks) == [
        "Die zijn laag voor:",
        "1. Gemeenten",
        "2. Provincies",
    ]


def test_nota_without_committee_passages_has_no_structure() -> None:
    with pytest.raises(StructureError, match="no question/answer structure found"):
        build_document(
            text_of(
                "Nr. 7 NOTA NAAR AANLEIDING VAN HET VERSLAG", "De regering heeft geen opmerkingen."
            )
        )


def test_mededeling_is_an_announcement_not_an_answer() -> None:
    doc = build_document(
        text_of(
            "Onderwerp: stalbranden",
            "Vraag 1",
            "Kent u het bericht over de stalbrand in Erp?",
            "Vraag 2",
            "Hoeveel dieren kwamen om?",
            "Mededeling",
            "De vragen kunnen niet binnen de gebruikelijke termijn worden beantwoord.",
        )
    )
    assert doc.metadata.family == "unknown"
    assert [q.numbers for q in doc.questions()] == [(1,), (2,)]
    assert doc.answers() == []
    announcement = doc.body[-1]
    assert isinstance(announcement, model.Announcement)
    assert announcement.label is not None and announcement.label.text == "Mededeling"
    assert texts(announcement.blocks) == [
        "De vragen kunnen niet binnen de gebruikelijke termijn worden beantwoord."
    ]
    assert doc.anomalies == ()  # a Mededeling explains the missing answers
