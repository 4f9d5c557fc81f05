"""Lijsten van vragen en antwoorden as the Tweede Kamer prints its budget and annual-report lists,
and documents that only look like them, made here with WeasyPrint.

Each document is read back through every stage a real PDF goes through. What the public samples
do not show: a question withdrawn (a gap in the numbering), a question the committee added
("12a"), answers that hold their own numbered lists, a table in an answer, an answer that refers
to another, a question answered elsewhere ("Deze vraag wordt beantwoord in …"), and a page break
between a question and its answer.
"""

from __future__ import annotations

import html

import pytest

from documents import build, masthead, p, read, render
from kamervragen import model
from kamervragen.errors import StructureError
from kamervragen.families import lijst
from kamervragen.semantic_xml import from_xml, to_xml
from kamervragen.writers import write_akn
from kamervragen.writers.html import write_html

TITLE_BLOCK = [
    *masthead("kst-36600-XV-8"),
    p(
        "36 600 XV Vaststelling van de begrotingsstaten van het Ministerie van Sociale Zaken en "
        "Werkgelegenheid (XV) voor het jaar 2025",
        "title",
    ),
    p("Nr. 8 LIJST VAN VRAGEN EN ANTWOORDEN", "title"),
    p("Vastgesteld 7 november 2024"),
    p(
        "De vaste commissie voor Sociale Zaken en Werkgelegenheid heeft een aantal vragen "
        "voorgelegd aan de Minister van Sociale Zaken en Werkgelegenheid over de Vaststelling van "
        "de begrotingsstaten van het Ministerie van Sociale Zaken en Werkgelegenheid (XV) voor het "
        "jaar 2025 (Kamerstuk 36 600 XV, nr. 1)."
    ),
    p("De vragen zijn op 4 november 2024 beantwoord. Vragen en antwoorden zijn hierna afgedrukt."),
    p("De voorzitter van de commissie,"),
    p("Léon de Jong"),
    p("De griffier van de commissie,"),
    p("Esmeijer"),
]

# (printed number, question, answer paragraphs); an answer paragraph is text or a table's rows.
# Question 6 was withdrawn; 8a was added after 8. Answer 2 holds a numbered list that runs up to
# the next question's number, answer 7 one that runs past it.
ITEMS: list[tuple[str, str, list[str | list[list[str]]]]] = [
    (
        "1",
        "Hoeveel mensen ontvingen in 2023 een bijstandsuitkering?",
        [
            "In 2023 ontvingen gemiddeld 410.000 huishoudens een bijstandsuitkering. Dat zijn er "
            "ongeveer 5.000 minder dan in 2022, vooral doordat meer mensen werk vonden."
        ],
    ),
    (
        "2",
        "Welke maatregelen neemt het kabinet om de armoede onder kinderen te verminderen?",
        [
            "Het kabinet neemt de volgende maatregelen:",
            "1. Het kindgebonden budget wordt verhoogd met € 500 miljoen.",
            "2. Gemeenten krijgen extra middelen voor de bijzondere bijstand.",
            "3. De toeslagen worden vereenvoudigd.",
            "Met deze maatregelen daalt de kinderarmoede naar verwachting met een derde, zo blijkt "
            "uit de doorrekening van het Centraal Planbureau.",
        ],
    ),
    (
        "3",
        "Kunt u per jaar aangeven hoeveel is uitgegeven aan re-integratie?",
        [
            "In de onderstaande tabel staan de uitgaven per jaar.",
            [["Jaar", "Uitgaven (mln)"], ["2021", "412"], ["2022", "437"], ["2023", "455"]],
            "De stijging komt vooral door de extra middelen voor de banenafspraak.",
        ],
    ),
    (
        "4",
        "Hoeveel van deze uitgaven gingen naar jongeren?",
        ["Zie het antwoord op vraag 3."],
    ),
    (
        "5",
        "Wanneer verschijnt de evaluatie van de Participatiewet?",
        [
            "Deze vraag wordt beantwoord in de brief over de Participatiewet in balans die voor de "
            "zomer naar uw Kamer gaat."
        ],
    ),
    (
        "7",
        "Welke gevolgen heeft de verhoging van het minimumloon voor de uitgaven aan de AOW?",
        [
            "De AOW is gekoppeld aan het minimumloon. De verhoging leidt tot hogere uitgaven:",
            "1. in 2025 ongeveer € 1,2 miljard;",
            "2. in 2026 ongeveer € 1,3 miljard;",
            "3. in 2027 ongeveer € 1,4 miljard;",
            "8. In 2028 en later ongeveer € 1,5 miljard per jaar.",
            "Deze bedragen zijn verwerkt in de begroting die nu voorligt.",
        ],
    ),
    (
        "8",
        "Hoeveel mensen maken gebruik van de regeling voor langdurig werklozen, en hoe heeft dat "
        "aantal zich de laatste jaren ontwikkeld?",
        [
            "Ongeveer 12.000 mensen maakten in 2023 gebruik van de regeling, van wie de meesten "
            "langer dan een jaar. Het aantal is sinds de invoering stabiel gebleven."
        ],
    ),
    (
        "8a",
        "En hoeveel daarvan zijn ouder dan 60 jaar?",
        [
            "Ongeveer 3.000 van hen zijn ouder dan 60 jaar. Voor deze groep is de kans op werk "
            "kleiner, zoals ook uit de evaluatie van de regeling bleek."
        ],
    ),
    (
        "9",
        "Wat kost de regeling in 2025?",
        ["De regeling kost in 2025 € 42 miljoen, evenveel als in 2024."],
    ),
]

STYLE = """
.label { font-weight: bold; margin-bottom: 2pt }
.q-bold { font-weight: bold }
.q-italic { font-style: italic }
td { padding: 1pt 40pt 1pt 0 }
.top { break-before: page }
"""


def answer_block(part: str | list[list[str]]) -> str:
    if isinstance(part, str):
        return p(part)
    rows = "".join(
        "<tr>" + "".join(f"<td>{html.escape(cell)}</td>" for cell in row) + "</tr>" for row in part
    )
    return f"<table>{rows}</table>"


def budget_list(question: str, answer: str, style: str = "", alone: bool = False) -> list[str]:
    """The list in one layout: ``question`` is the question label as printed ("Vraag {n}" on its
    own line, "{n}." before the question's text), ``answer`` the answer label ("" for none);
    ``style`` the class of the question's paragraph. The answer to question 7 starts on a new
    page. ``alone``: the question label stands on its own line even when it does not end in
    the number."""
    body = list(TITLE_BLOCK)
    for number, text, answer_parts in ITEMS:
        label = html.escape(question.format(n=number))
        if question.endswith("}") or alone:
            body.append(f'<p class="label">{label}</p>')
            body.append(f'<p class="{style}">{html.escape(text)}</p>')
        else:
            body.append(f'<p class="{style}">{label} {html.escape(text)}</p>')
        top = " top" if number == "7" else ""
        if answer:
            body.append(f'<p class="label{top}">{html.escape(answer.format(n=number))}</p>')
        elif top:
            body.append('<div class="top"></div>')
        body += [answer_block(part) for part in answer_parts]
    return body


def paragraphs(blocks: tuple[model.Block, ...]) -> list[str]:
    result: list[str] = []
    for block in blocks:
        if isinstance(block, model.ItemList):
            result.extend(f"{item.marker} {item.text}" for item in block.items)
        elif isinstance(block, model.Table):
            result.append(" | ".join(model.plain_text(cell) for row in block.rows for cell in row))
        else:
            result.append(block.text)  # type: ignore[union-attr]
    return result


def expected_answer(parts: list[str | list[list[str]]]) -> list[str]:
    return [
        part if isinstance(part, str) else " | ".join(cell for row in part for cell in row)
        for part in parts
    ]


LAYOUTS = {
    "vraag-antwoord": ("Vraag {n}", "Antwoord", ""),
    "vraag-nr-antwoord-colon": ("Vraag nr. {n}", "Antwoord:", ""),
    "vraag-colon-inline": ("Vraag {n}:", "Antwoord op vraag {n}", ""),
    "number-antwoord": ("{n}.", "Antwoord:", ""),
    "number-bold-unlabelled": ("{n}.", "", "q-bold"),
    "number-italic-unlabelled": ("{n}.", "", "q-italic"),
    "vraag-bold-unlabelled": ("Vraag {n}", "", "q-bold"),
    "vraag-parenthesis": ("Vraag {n})", "Antwoord {n})", "", True),
    "antwoord-van-de-minister": ("Vraag {n}", "Antwoord van de minister", ""),
    "antwoord-kabinet": ("{n}.", "Antwoord kabinet:", ""),
}


@pytest.fixture(scope="module", params=sorted(LAYOUTS))
def budget(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> model.Document:
    path = tmp_path_factory.mktemp("wild") / f"{request.param}.pdf"
    body = budget_list(*LAYOUTS[request.param])
    return build(render(body, path, running="36 600 XV, nr. 8", style=STYLE))


def test_gaps_letters_and_lists_in_answers(budget: model.Document) -> None:
    questions, answers = budget.questions(), budget.answers()
    assert [q.numbers for q in questions] == [(int(n.rstrip("a")),) for n, _, _ in ITEMS]
    assert [q.id for q in questions][-3:] == ["vraag-8", "vraag-8a", "vraag-9"]
    assert [paragraphs(q.blocks) for q in questions] == [[text] for _, text, _ in ITEMS]
    assert [paragraphs(a.blocks) for a in answers] == [expected_answer(a) for _, _, a in ITEMS]
    # every answer answers its own question, "8a" too
    assert [a.questions for a in answers] == [(q.id,) for q in questions]
    # the withdrawn question is reported, the added one is not a duplicate
    assert sorted(a.code for a in budget.anomalies) == ["numbering-gap", "numbering-jump"]
    assert [a.message for a in budget.anomalies if a.code == "numbering-jump"] == [
        "question 7 follows question 5"
    ]


def test_a_lettered_question_in_every_output(budget: model.Document) -> None:
    assert from_xml(to_xml(budget)) == budget
    akn = write_akn(budget).decode()  # validated against the OASIS schema
    assert 'eId="questions_1__question_8a"' in akn and 'eId="questions_1__answer_8a"' in akn
    page = write_html(budget).decode()
    assert 'id="vraag-8a"' in page and 'href="#vraag-8a"' in page


# --- Documents that only look like lists ----------------------------------------------------------

# A Kamerbrief, a memorie van toelichting and a report number their section headings (bold,
# short, before roman text: printed as the Algemene Rekenkamer prints its questions) and their
# lists and articles, and they ask rhetorical questions; none of them is a list of questions.
NOT_LISTS = {
    "kamerbrief": [
        *masthead("kst-29544-1234"),
        p("29 544 Arbeidsmarktbeleid", "title"),
        p("Nr. 1234 BRIEF VAN DE MINISTER VAN SOCIALE ZAKEN EN WERKGELEGENHEID", "title"),
        p("Aan de Voorzitter van de Tweede Kamer der Staten-Generaal"),
        p("Den Haag, 12 maart 2024"),
        p(
            "Hierbij informeer ik uw Kamer over de voortgang van het arbeidsmarktbeleid. Ik ga "
            "daarbij in op de volgende punten."
        ),
        p("1. De krapte op de arbeidsmarkt", "title"),
        p(
            "De krapte op de arbeidsmarkt houdt aan. Hoe kunnen we ervoor zorgen dat meer mensen "
            "aan het werk gaan? Het kabinet zet daarvoor in op scholing en begeleiding."
        ),
        p("2. Scholing", "title"),
        p(
            "Het budget voor scholing wordt verhoogd. Wat betekent dat voor werkgevers? Zij "
            "kunnen vanaf 2025 subsidie aanvragen voor de scholing van hun werknemers."
        ),
        p("3. Begeleiding naar werk", "title"),
        p(
            "Gemeenten krijgen middelen om mensen te begeleiden naar werk. Zij zijn "
            "verantwoordelijk voor de uitvoering."
        ),
        p("4. Tot slot", "title"),
        p("Ik zal uw Kamer voor de zomer opnieuw informeren over de voortgang."),
        p("De Minister van Sociale Zaken en Werkgelegenheid,"),
        p("C.E.G. van Gennip"),
    ],
    "memorie-van-toelichting": [
        *masthead("kst-36123-3"),
        p("36 123 Wijziging van de Wet gegevensuitwisseling gemeenten", "title"),
        p("Nr. 3 MEMORIE VAN TOELICHTING", "title"),
        p("I. ALGEMEEN DEEL", "title"),
        p("1. Inleiding", "title"),
        p(
            "Dit wetsvoorstel regelt de uitwisseling van gegevens tussen gemeenten. Waarom is dat "
            "nodig? Gemeenten hebben gegevens nodig om hun taken goed uit te voeren."
        ),
        p("2. Hoofdlijnen van het voorstel", "title"),
        p(
            "Het voorstel bevat drie onderdelen. Wat regelt het voorstel precies? Het regelt de "
            "grondslag, de waarborgen en het toezicht."
        ),
        p("II. ARTIKELSGEWIJS", "title"),
        p("Artikel 1", "title"),
        p("1. In deze wet wordt verstaan onder gemeente: een gemeente als bedoeld in de wet."),
        p("2. Onder gegevens worden verstaan: persoonsgegevens als bedoeld in de verordening."),
        p("Artikel 2", "title"),
        p("1. Een gemeente kan gegevens verstrekken aan een andere gemeente."),
        p(
            "2. Welke gegevens worden verstrekt? Dat wordt bij algemene maatregel van bestuur "
            "bepaald."
        ),
        p("De Minister van Binnenlandse Zaken en Koninkrijksrelaties,"),
        p("H.G.J. Bruins Slot"),
    ],
    "report-with-contents": [
        p("Evaluatie van de Participatiewet", "title"),
        p("Eindrapport", "title"),
        p("Inhoud", "title"),
        p("1. Inleiding 3"),
        p("2. Onderzoeksvragen 5"),
        p("3. Bevindingen 9"),
        p("4. Conclusies 14"),
        p("1. Inleiding", "title"),
        p(
            "Dit rapport beschrijft de evaluatie van de Participatiewet. Het onderzoek is "
            "uitgevoerd in opdracht van het ministerie."
        ),
        p("2. Onderzoeksvragen", "title"),
        p("De centrale vraag is: in hoeverre heeft de wet haar doelen bereikt?"),
        p("1. Hoeveel mensen zijn aan het werk gegaan?"),
        p("2. Hoe hebben gemeenten de wet uitgevoerd?"),
        p("3. Wat waren de kosten?"),
        p("3. Bevindingen", "title"),
        p(
            "Het aantal mensen met werk is licht gestegen. Gemeenten voerden de wet verschillend "
            "uit."
        ),
        p("4. Conclusies", "title"),
        p("De wet heeft haar doelen deels bereikt."),
    ],
}


@pytest.mark.parametrize("name", sorted(NOT_LISTS))
def test_numbered_headings_are_not_questions(name: str, tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = render(NOT_LISTS[name], tmp_path / f"{name}.pdf", running="")
    with pytest.raises(StructureError, match="no question/answer structure found"):
        build(path)


# --- A Rekenkamer letter with its questions under headings, "Vraag N" in bold ---------------------

REKENKAMER_ITEMS = [
    (
        "Financieel beheer",
        "Wat vindt u van de positie van het Inlichtingenbureau in het stelsel van de uitvoering "
        "van werk en inkomen?",
        "Het Inlichtingenbureau is een zelfstandig rechtspersoon met een wettelijke taak.",
    ),
    (
        None,
        "Kunt u toelichten welke risico's het ministerie elk kwartaal in kaart brengt.",
        "Het ministerie brengt de strategische risico's elk kwartaal in kaart; de rapportage "
        "daarover gaat naar de secretaris-generaal.",
    ),
    (
        "Uitvoering van regelingen",
        "Graag een overzicht van de bedragen die in 2021 zijn terugbetaald",
        "In 2021 is in totaal € 12,4 miljoen terugbetaald, waarvan € 3,1 miljoen door gemeenten.",
    ),
    (None, "Hoe verhoudt dit bedrag zich tot 2020?", "Zie het antwoord op vraag 3."),
]
REKENKAMER_STYLE = """
@page { @top-center { content: none } @bottom-center { content: none }
  @top-right { content: counter(page) "/" counter(pages); font-size: 7.5pt } }
body { font-family: DejaVu Sans; text-align: left; hyphens: manual }
.sender { margin-left: 10cm; font-size: 7.5pt }
h1 { font-size: 11pt; break-before: page }
h2 { font-size: 10pt; margin-top: 14pt }
.label { font-weight: bold; margin: 12pt 0 2pt 0 }
.bold { font-weight: bold }
.italic { font-style: italic }
"""


def rekenkamer_letter(
    question_style: str,
    items: list[tuple[str | None, str, str | list[str]]] = REKENKAMER_ITEMS,  # type: ignore[assignment]
    number: str = "Vraag {n}",
) -> list[str]:
    """A Rekenkamer letter, then each item: its heading (if any), the question number as a bold
    label on its own line ("Vraag {n}") or before the question ("{n}."), the question in
    ``question_style``, the answer's paragraphs unlabelled."""
    body = [
        '<p class="sender">Lange Voorhout 8<br>Postbus 20015<br>2500 EA Den Haag</p>',
        "<p>Aan de Voorzitter van de Tweede Kamer der Staten-Generaal</p>",
        "<p>DATUM 7 juni 2022</p>",
        "<p>BETREFT Beantwoording vragen Tweede Kamer over de Resultaten "
        "verantwoordingsonderzoek 2021</p>",
        "<p>Geachte voorzitter,</p>",
        "<p>Hierbij zenden wij u de antwoorden op de vragen die de vaste commissie voor Sociale "
        "Zaken en Werkgelegenheid ons heeft voorgelegd over het rapport Resultaten "
        "verantwoordingsonderzoek 2021.</p>",
        "<p>Algemene Rekenkamer</p>",
        "<p>drs. A.P. Visser, president</p>",
        "<h1>Antwoorden Algemene Rekenkamer bij vragen van de Tweede Kamer</h1>",
    ]
    for n, (heading, question, answer) in enumerate(items, start=1):
        if heading:
            body.append(f"<h2>{heading}</h2>")
        if number.startswith("Vraag"):
            body.append(f'<p class="label">{number.format(n=n)}</p>')
            body.append(f'<p class="{question_style}">{html.escape(question)}</p>')
        else:
            printed = f"{number.format(n=n)} {question}"
            body.append(f'<p class="{question_style}">{html.escape(printed)}</p>')
        for part in [answer] if isinstance(answer, str) else answer:
            body.append(f"<p>{html.escape(part)}</p>")
    return body


@pytest.mark.parametrize("question_style", ["bold", "italic", "roman"])
def test_rekenkamer_letter_with_vraag_labels_under_headings(question_style: str, tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / f"rekenkamer-{question_style}.pdf"
    doc = build(render(rekenkamer_letter(question_style), path, running="", style=REKENKAMER_STYLE))
    assert doc.metadata.family == "lijst"
    questions, answers = doc.questions(), doc.answers()
    assert [q.label.text for q in questions if q.label] == [f"Vraag {n}" for n in (1, 2, 3, 4)]
    assert [paragraphs(q.blocks) for q in questions] == [[q] for _, q, _ in REKENKAMER_ITEMS]
    assert [paragraphs(a.blocks) for a in answers] == [[a] for _, _, a in REKENKAMER_ITEMS]
    assert [a.questions for a in answers] == [(q.id,) for q in questions]
    titles = [node.title for node in model.walk(doc.body) if isinstance(node, model.Section)]
    assert titles[-2:] == ["Financieel beheer", "Uitvoering van regelingen"]
    assert doc.metadata.answered_by == "Algemene Rekenkamer"
    assert doc.anomalies == ()


# An answer that lists questions of its own, numbered in running text and asking: they run up to
# the next question's number, and the list starts at 1 as the questions do.
LISTING_ITEMS: list[tuple[str | None, str, str | list[str]]] = [
    (
        None,
        "Welke risico's ziet u bij de uitvoering van de regeling?",
        [
            "Wij zien drie risico's, die elk een eigen vraag oproepen:",
            "1. Is de regeling uitvoerbaar voor kleine gemeenten?",
            "2. Zijn de kosten goed geraamd?",
            "3. Wat is het effect op de doelgroep?",
            "Deze vragen komen terug in ons vervolgonderzoek naar de regeling.",
        ],
    ),
    (None, "Hoeveel gemeenten voeren de regeling uit?", "Alle 342 gemeenten voeren haar uit."),
    (None, "Wat kost de uitvoering per gemeente?", "Gemiddeld € 120.000 per jaar."),
    (None, "Wanneer wordt de regeling geëvalueerd?", "De regeling wordt in 2026 geëvalueerd."),
]


@pytest.mark.parametrize(
    ("number", "question_style"),
    [("{n}.", "bold"), ("{n}.", "italic"), ("Vraag {n}", "bold"), ("Vraag {n}", "roman")],
)
def test_questions_asked_in_an_answer_are_not_questions_of_the_list(
    number: str,
    question_style: str,
    tmp_path,  # type: ignore[no-untyped-def]
) -> None:
    body = rekenkamer_letter(question_style, LISTING_ITEMS, number)
    doc = build(render(body, tmp_path / "listing.pdf", running="", style=REKENKAMER_STYLE))
    questions, answers = doc.questions(), doc.answers()
    assert [q.numbers for q in questions] == [(1,), (2,), (3,), (4,)]
    assert [paragraphs(q.blocks) for q in questions] == [[q] for _, q, _ in LISTING_ITEMS]
    assert paragraphs(answers[0].blocks) == LISTING_ITEMS[0][2]
    assert [a.questions for a in answers] == [(q.id,) for q in questions]
    assert doc.anomalies == ()


# --- Cross-references as ministries write them ----------------------------------------------------


@pytest.mark.parametrize(
    ("printed", "numbers", "linked"),
    [
        ("Zie antwoord vraag 3.", (3,), "antwoord vraag 3"),
        ("Zie de beantwoording van vraag 2.", (2,), "de beantwoording van vraag 2"),
        ("Zie beantwoording vraag 4.", (4,), "beantwoording vraag 4"),
        ("Deze vraag is beantwoord bij vraag 2.", (2,), "vraag 2"),
        ("Voor het antwoord verwijs ik naar vraag 3.", (3,), "vraag 3"),
        (
            "Zie het antwoord op de vragen 2 tot en met 4.",
            (2, 3, 4),
            "het antwoord op de vragen 2 tot en met 4",
        ),
        ("Zie het antwoord op vraag 2a.", None, None),  # not question 2
        ("Het antwoord 2024 staat in de tabel.", None, None),
    ],
)
def test_cross_reference_forms_of_budget_lists(
    printed: str, numbers: tuple[int, ...] | None, linked: str | None
) -> None:
    nodes: tuple[model.Node, ...] = tuple(
        model.Question(id="", numbers=(n,), blocks=(model.Paragraph(("Hoe?",)),))
        for n in (1, 2, 3, 4)
    )
    answer = model.Answer(id="", numbers=(1,), questions=(), blocks=(model.Paragraph((printed,)),))
    linked_nodes = lijst.link_cross_references((*nodes, answer))
    content = linked_nodes[-1].blocks[0].content  # type: ignore[union-attr]
    refs = [item for item in content if isinstance(item, model.CrossRef)]
    assert refs == ([] if numbers is None else [model.CrossRef(numbers, linked)])  # type: ignore[arg-type]
    assert model.plain_text(content) == printed


# --- Nota naar aanleiding van het verslag: passages of more than one paragraph ---------------------

NOTA_ITEMS = [
    (
        [
            "De leden van de VVD-fractie hebben met belangstelling kennisgenomen van het "
            "wetsvoorstel.",
            "Het wetsvoorstel regelt de uitwisseling van gegevens. Deze leden willen weten welke "
            "gegevens dat zijn en hoe lang zij worden bewaard.",
        ],
        [
            "De regering waardeert de steun van deze leden. Het gaat om naam, adres en BSN. De "
            "gegevens worden niet langer dan twee jaar bewaard."
        ],
    ),
    (
        [
            "De leden van de D66-fractie lezen in de memorie van toelichting dat de Autoriteit "
            "Persoonsgegevens is geraadpleegd.",
            "Kan de regering aangeven wat het advies inhield?",
        ],
        [
            "De Autoriteit Persoonsgegevens heeft geadviseerd de bewaartermijn te beperken.",
            "Dat advies is overgenomen in artikel 4 van het wetsvoorstel.",
        ],
    ),
]


@pytest.mark.parametrize("passage", ["bold", "italic", "roman"])
def test_nota_passages_of_several_paragraphs(passage: str, tmp_path) -> None:  # type: ignore[no-untyped-def]
    body = [
        *masthead("kst-36123-7"),
        p("36 123 Wijziging van de Wet gegevensuitwisseling gemeenten", "title"),
        p("Nr. 7 NOTA NAAR AANLEIDING VAN HET VERSLAG", "title"),
        p("Ontvangen 12 maart 2024"),
        p(
            "De regering dankt de leden van de vaste commissie voor hun inbreng. Hieronder worden "
            "de vragen beantwoord in de volgorde van het verslag."
        ),
        "<h2>1. Inleiding</h2>",
    ]
    for asked, answered in NOTA_ITEMS:
        body += [f'<p class="{passage}">{html.escape(text)}</p>' for text in asked]
        body += [p(text) for text in answered]
    body += [
        p("De Minister van Binnenlandse Zaken en Koninkrijksrelaties,"),
        p("H.G.J. Bruins Slot"),
    ]
    style = ".bold { font-weight: bold } .italic { font-style: italic }"
    doc = build(render(body, tmp_path / "nota.pdf", running="36 123, nr. 7", style=style))
    assert doc.metadata.family == "nota"
    questions, answers = doc.questions(), doc.answers()
    assert [paragraphs(q.blocks) for q in questions] == [asked for asked, _ in NOTA_ITEMS]
    assert [paragraphs(a.blocks) for a in answers] == [answered for _, answered in NOTA_ITEMS]
    assert [q.party for q in questions] == ["VVD", "D66"]
    assert [a.questions for a in answers] == [("vraag-1",), ("vraag-2",)]


# Budget lists as ministries send them: each question a row of a table, "Nr | Vraag | Bijlage |
# Blz. (van) | (t/m)", the table's head over every row or only the first, and the answer under
# the row (labelled "Antwoord:" or not). The question wraps inside its cell (question 8 over three
# lines), and the answer to 8a starts on the next page.
TABLE_STYLE = """
.label { font-weight: bold; margin-bottom: 2pt }
td { padding: 1pt 40pt 1pt 0 }
table.q { border-collapse: collapse; width: 100%; margin-top: 8pt }
table.q td, table.q th { border: 0.5pt solid #000; padding: 2pt; vertical-align: top;
  text-align: left; font-size: 9pt }
body { hyphens: manual }
"""
TABLE_HEAD = "<tr><th>Nr</th><th>Vraag</th><th>Bijlage</th><th>Blz. (van)</th><th>(t/m)</th></tr>"
TABLE_LAYOUTS = {"head-every-row": (True, "Antwoord:"), "head-once": (False, "Antwoord:")}
TABLE_LAYOUTS["unlabelled"] = (True, "")


def budget_table(head_every_row: bool, answer: str) -> list[str]:
    body = list(TITLE_BLOCK)
    for position, (number, text, answer_parts) in enumerate(ITEMS):
        head = TABLE_HEAD if head_every_row or position == 0 else ""
        body.append(
            f'<table class="q">{head}<tr><td style="width:1cm">{number}</td>'
            f'<td style="width:70%">{html.escape(text)}</td><td></td>'
            f"<td>{11 + position}</td><td>{12 + position}</td></tr></table>"
        )
        if answer:
            body.append(f'<p class="label">{answer}</p>')
        body += [answer_block(part) for part in answer_parts]
    return body


@pytest.mark.parametrize("layout", sorted(TABLE_LAYOUTS))
def test_questions_printed_as_table_rows(layout: str, tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = render(
        budget_table(*TABLE_LAYOUTS[layout]),
        tmp_path / f"{layout}.pdf",
        running="36 600 XV, nr. 8",
        style=TABLE_STYLE,
    )
    text, _ = read(path)
    # The document is what it claims: question 8 wraps over three lines of its cell.
    row = next(p for p in text.paragraphs if p.text.startswith("8 | "))
    assert row.table and len(row.lines) == 3
    document = build(path)
    questions, answers = document.questions(), document.answers()
    assert [q.numbers for q in questions] == [(int(n.rstrip("a")),) for n, _, _ in ITEMS]
    assert [q.label.text for q in questions] == [n for n, _, _ in ITEMS]  # type: ignore[union-attr]
    # the "Vraag" cell is the question; the pages it is about stay with it, as a row
    assert [paragraphs(q.blocks) for q in questions] == [
        [text, f"{11 + i} | {12 + i}"] for i, (_, text, _) in enumerate(ITEMS)
    ]
    assert [paragraphs(a.blocks) for a in answers] == [expected_answer(a) for _, _, a in ITEMS]
    assert [a.questions for a in answers] == [(q.id,) for q in questions]
    if layout == "head-every-row":  # a page break between a row and its answer
        pairs = zip(questions, answers, strict=True)
        pages = [(q.blocks[0].page, a.blocks[0].page) for q, a in pairs]  # type: ignore[union-attr]
        assert (2, 3) in pages
    # the table's head is no part of a question or an answer
    heads = [n for n in document.walk() if isinstance(n, model.Table)]
    head = "Nr | Vraag | Bijlage Blz. | (t/(van) m)"
    assert [paragraphs((n,)) for n in heads] == [[head]] * (len(ITEMS) - 1) * TABLE_LAYOUTS[layout][
        0
    ]
    assert from_xml(to_xml(document)) == document
