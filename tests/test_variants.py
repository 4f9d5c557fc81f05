"""Real published layouts that the public corpus does not show, in documents made here.

Each test renders a document in one of the conventions the Tweede and Eerste Kamer have printed
over the years (with WeasyPrint, :mod:`documents`) and reads it through every stage a real PDF goes
through: line-end hyphens as a typesetter sets them, Aanhangsel and verslag variants.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from documents import build, p, read, render, texts
from kamervragen import model
from kamervragen.errors import StructureError
from kamervragen.exports import qa_records
from kamervragen.text import join_lines

# --- Line-end hyphens ---------------------------------------------------------------------------

# Words a hyphenator breaks (milieu, financieel, informatie) beside words with a hyphen of their
# own, after a prefix Dutch writes with one (non-, ex-, oud-, niet-, adjunct-, loco-, interim-),
# before a capital, and between clashing vowels.
HYPHENATED = [
    "Het milieu en de non-proliferatie van kernwapens staan op de agenda van de ex-minister en de "
    "oud-premier.",
    "De financiële en ideële steun aan het museum, de NAVO-top en de niet-rokers zijn besproken "
    "met de adjunct-directeur.",
    "Het kabinet zet in op informatie-uitwisseling, zee-egels en de loco-burgemeester; de "
    "interim-manager evalueert het milieubeleid.",
]


@pytest.mark.parametrize("width", ["4.2cm", "6cm"])
def test_line_end_hyphens_of_the_producer_and_of_the_text(tmp_path: Path, width: str) -> None:
    """WeasyPrint breaks words with U+2010 ("mili‐" / "eu") and keeps the text's own hyphens as
    HYPHEN-MINUS ("non-" / "proliferatie"): the first go, the second stay, in every paragraph
    whatever the column width puts at the line ends."""
    pdf = render(
        [p(sentence) for sentence in HYPHENATED * 2],
        tmp_path / "hyphens.pdf",
        running="Aanhangsel, nr. 1",
        style=f"p {{ width: {width} }}",
    )
    text, layout = read(pdf)
    ends = [line.text.rstrip()[-1] for line in layout.lines if line.text.rstrip()[-1:] in "-\u2010"]
    assert "\u2010" in ends and "-" in ends, ends  # both kinds stand at line ends
    body = [paragraph.text for paragraph in text.paragraphs if "Tweede Kamer" not in paragraph.text]
    assert body == HYPHENATED * 2


@pytest.mark.parametrize(
    ("left", "right", "joined"),
    [
        # A hyphen-taking prefix before a word part of its own keeps its hyphen...
        ("de non-", "proliferatie van", "de non-proliferatie van"),
        ("de ex-", "minister", "de ex-minister"),
        ("de oud-", "premier", "de oud-premier"),
        # ... a short tail is a word broken after its first syllable.
        ("de oud-", "ste zoon", "de oudste zoon"),
        ("de ex-", "port van", "de export van"),
        # The producer's own break character goes; another hyphen then is the text's.
        ("het mili\u2010", "eu", "het milieu"),
        ("de financi\u2010", "ele steun", "de financiele steun"),
        ("het huis-", "artsenbezoek", "het huis-artsenbezoek"),
    ],
)
def test_join_lines_prefixes_and_the_producers_hyphen(left: str, right: str, joined: str) -> None:
    inserted = "\u2010" if "\u2010" in left or left.endswith("huis-") else None
    assert join_lines(left, right, Counter(), inserted) == joined


def test_without_a_producers_hyphen_the_words_decide() -> None:
    # "bijeen-" / "komst": an ordinary break when no other hyphen marks the producer's breaks.
    assert join_lines("de bijeen-", "komst", Counter()) == "de bijeenkomst"
    assert join_lines("de bijeen-", "komst", Counter(), "\u2010") == "de bijeen-komst"


# --- Aanhangsel variants ------------------------------------------------------------------------

QUESTIONS = [
    "Bent u bekend met het bericht dat het lerarentekort in de grote steden verder oploopt?",
    "Hoeveel vacatures voor leraren stonden er op 1 januari open in het primair onderwijs?",
    "Welke maatregelen gaat u nemen om het tekort terug te dringen? Zo nee, waarom niet?",
]
ANSWERS = [
    "Ja, ik ben bekend met dit bericht.",
    "Op 1 januari stonden er 1.240 vacatures open in het primair onderwijs.",
    "Ik heb met de schoolbesturen afspraken gemaakt over extra opleidingsplaatsen.",
]
ANSWER_HEADER = (
    "Antwoord van Minister Plasterk (Onderwijs, Cultuur en Wetenschap) (ontvangen 11 maart 2008)."
)


def aanhangsel_pdf(path: Path, chamber: str, header: str, body: list[str]) -> Path:
    identifier = "ah-ek-20072008-12" if chamber == "Eerste" else "ah-tk-20072008-1234"
    front = [
        p(f"{chamber} Kamer der Staten-Generaal"),
        p("Vergaderjaar 2007–2008"),
        p(identifier),
        p("Aanhangsel van de Handelingen", "title"),
        p(header),
    ]
    return render([*front, *body], path, running="Aanhangsel, nr. 12")


def labelled() -> list[str]:
    body = [p(ANSWER_HEADER)]
    for number, (question, answer) in enumerate(zip(QUESTIONS, ANSWERS, strict=True), start=1):
        body += [p(f"Vraag {number}"), p(question), p(f"Antwoord {number}"), p(answer)]
    return body


def test_an_eerste_kamer_document_vragen_gesteld_door(tmp_path: Path) -> None:
    """Eerste Kamer documents open "Vragen gesteld door het lid …": the questioner and addressee
    are read as from "Vragen van het lid …"."""
    pdf = aanhangsel_pdf(
        tmp_path / "ah-ek.pdf",
        "Eerste",
        "Vragen gesteld door het lid Nicolaï (PvdD) aan de Minister van Justitie over de "
        "rechtspraak (ingezonden 12 februari 2008).",
        labelled(),
    )
    doc = build(pdf)
    assert doc.metadata.questioners == (model.Person("Nicolaï", "PvdD"),)
    assert doc.metadata.addressees == ("Minister van Justitie",)
    assert doc.metadata.title == "de rechtspraak"
    assert doc.metadata.identifier == "ah-ek-20072008-12"
    assert [q.numbers for q in doc.questions()] == [(1,), (2,), (3,)]
    assert not doc.anomalies


def test_questions_first_then_antwoord_then_numbered_answers(tmp_path: Path) -> None:
    """The older layout: every question numbered "1", "2" … on its own line, the answer header,
    a bare "Antwoord", then the answers numbered again."""
    body: list[str] = []
    for number, question in enumerate(QUESTIONS, start=1):
        body += [p(str(number)), p(question)]
    body += [p(ANSWER_HEADER), p("Antwoord")]
    for number, answer in enumerate(ANSWERS, start=1):
        body += [p(str(number)), p(answer)]
    pdf = aanhangsel_pdf(
        tmp_path / "old.pdf",
        "Tweede",
        "Vragen van het lid Jansen (SP) aan de Minister van Onderwijs, Cultuur en Wetenschap over "
        "het lerarentekort. (Ingezonden 12 februari 2008)",
        body,
    )
    doc = build(pdf)
    questions, answers = doc.questions(), doc.answers()
    assert [texts(q.blocks) for q in questions] == [[q] for q in QUESTIONS]
    assert [texts(a.blocks) for a in answers] == [[a] for a in ANSWERS]
    assert [a.questions for a in answers] == [(q.id,) for q in questions]
    assert doc.metadata.answered_by == "Minister Plasterk (Onderwijs, Cultuur en Wetenschap)"
    assert not doc.anomalies


def test_one_line_paragraphs_keep_their_breaks(tmp_path: Path) -> None:
    """A document of short answers ("Ja.") and label lines: the step between paragraphs is the
    common one, yet the questions header and the answer header stay two paragraphs (the header
    ends where its line ends by chance, with no room left for the next word)."""
    body = [p(ANSWER_HEADER)]
    for number in range(1, 9):
        body += [
            p(f"Vraag {number}"),
            p(f"Is dit vraag {number}?"),
            p(f"Antwoord {number}"),
            p("Ja."),
        ]
    header = (
        "Vragen van het lid Omtzigt (Partij voor de Dieren) aan de Minister van Onderwijs, "
        "Cultuur en Wetenschap over het lerarentekort (ingezonden 12 februari 2024)."
    )
    pdf = aanhangsel_pdf(tmp_path / "short.pdf", "Tweede", header, body)
    text, _ = read(pdf)
    assert header in [paragraph.text for paragraph in text.paragraphs]
    doc = build(pdf)
    assert doc.metadata.questioners == (model.Person("Omtzigt", "Partij voor de Dieren"),)
    assert len(doc.questions()) == len(doc.answers()) == 8
    assert not doc.anomalies


# --- Verslag variants ---------------------------------------------------------------------------

VERSLAG_STYLE = ".answer { margin-left: 1cm }"


def verslag_front() -> list[str]:
    return [
        p("Tweede Kamer der Staten-Generaal"),
        p("Vergaderjaar 2020–2021"),
        p("kst-28676-360"),
        p("28 676 NAVO", "title"),
        p("Nr. 360 VERSLAG VAN EEN SCHRIFTELIJK OVERLEG", "title"),
        p("Vastgesteld 1 april 2021"),
        p(
            "Binnen de vaste commissie voor Buitenlandse Zaken hebben enkele fracties de behoefte "
            "vragen en opmerkingen voor te leggen aan de minister van Buitenlandse Zaken over de NAVO."
        ),
    ]


def fractie(heading: str, who: str, numbers: list[int]) -> list[str]:
    """A fractie heading, its intro ("``who`` hebben kennisgenomen …") and numbered questions."""
    body = [
        p(heading, "title"),
        p(f"{who} heeft kennisgenomen van de stukken en heeft nog vragen."),
    ]
    for number in numbers:
        body += [
            p(f"{who} vraagt de minister hoe regeling {number} uitpakt. Welke landen dragen bij?"),
            p(f"{number}. Antwoord van het kabinet", "title"),
            p(f"Regeling {number} is in 2020 ingevoerd; alle bondgenoten dragen bij.", "answer"),
        ]
    return body


def test_a_verslag_fractie_of_one_member(tmp_path: Path) -> None:
    """ "Vragen en opmerkingen van het lid Omtzigt", "Het lid Omtzigt vraagt …": a member who
    forms a fractie alone is a fractie ("Lid Omtzigt", as the Aanhangsel names it), not a topic
    of the fractie before."""
    body = [
        *verslag_front(),
        *fractie("Vragen en opmerkingen van de leden van de VVD-fractie", "De VVD-fractie", [1, 2]),
        *fractie("Vragen en opmerkingen van het lid Omtzigt", "Het lid Omtzigt", [3, 4]),
    ]
    pdf = render(body, tmp_path / "lid.pdf", running="28 676, nr. 360", style=VERSLAG_STYLE)
    doc = build(pdf)
    parties = [section.party for section in doc.body if isinstance(section, model.Section)]
    assert parties == ["VVD", "Lid Omtzigt"]
    questions = doc.questions()
    assert [(q.numbers, q.party) for q in questions] == [
        ((1,), "VVD"),
        ((2,), "VVD"),
        ((3,), "Lid Omtzigt"),
        ((4,), "Lid Omtzigt"),
    ]
    assert texts(questions[2].blocks) == [
        "Het lid Omtzigt vraagt de minister hoe regeling 3 uitpakt. Welke landen dragen bij?"
    ]
    assert not doc.anomalies


def test_verslag_questions_numbered_per_fractie(tmp_path: Path) -> None:
    """Each fractie's questions numbered from 1 ("1. Antwoord van het kabinet" under every
    fractie heading): each answer answers its own fractie's question, with no warning."""
    body = [
        *verslag_front(),
        *fractie("Vragen en opmerkingen van de leden van de VVD-fractie", "De VVD-fractie", [1, 2]),
        *fractie(
            "Vragen en opmerkingen van de leden van de D66-fractie", "De D66-fractie", [1, 2, 3]
        ),
    ]
    pdf = render(body, tmp_path / "per-fractie.pdf", running="28 676, nr. 360", style=VERSLAG_STYLE)
    doc = build(pdf)
    questions = {question.id: question for question in doc.questions()}
    assert [(q.numbers, q.party) for q in questions.values()] == [
        ((1,), "VVD"), ((2,), "VVD"), ((1,), "D66"), ((2,), "D66"), ((3,), "D66"),
    ]  # fmt: skip
    for answer in doc.answers():
        (asked,) = answer.questions
        question = questions[asked]
        assert question.numbers == answer.numbers
        assert texts(answer.blocks)[0].startswith(f"Regeling {answer.numbers[0]} ")
        party = "VVD" if "VVD" in texts(question.blocks)[0] else "D66"
        assert question.party == party
    assert len({answer.questions for answer in doc.answers()}) == 5
    assert not doc.anomalies


def test_questions_first_numbered_per_fractie(tmp_path: Path) -> None:
    """Part I the questions ("Vraag 1", "Vraag 2" under each fractie), part II the reply per
    fractie ("Antwoord op vraag 1" again for each): each answer answers its own fractie's question,
    found through the fractie's reply heading."""
    parties = {"VVD": [1, 2], "D66": [1, 2, 3]}
    body = [*verslag_front(), p("I. Inbreng van de fracties", "title")]
    for party, numbers in parties.items():
        body += [
            p(f"Vragen en opmerkingen van de leden van de {party}-fractie", "title"),
            p(f"De leden van de {party}-fractie hebben kennisgenomen van de stukken. Zij hebben "
              "nog enkele vragen."),
        ]  # fmt: skip
        for number in numbers:
            body += [
                p(f"Vraag {number}", "title"),
                p(f"De leden van de {party}-fractie vragen hoe regeling {number} uitpakt?"),
            ]
    body.append(p("II. Reactie van de minister", "title"))
    for party, numbers in parties.items():
        body.append(p(f"Reactie op de inbreng van de leden van de {party}-fractie", "title"))
        for number in numbers:
            body += [
                p(f"Antwoord op vraag {number}", "title"),
                p(f"Regeling {number} pakt goed uit voor de {party}."),
            ]
    pdf = render(body, tmp_path / "questions-first.pdf", running="28 676, nr. 360")
    doc = build(pdf)
    questions = {question.id: question for question in doc.questions()}
    assert len(questions) == len(doc.answers()) == 5
    for answer in doc.answers():
        (asked,) = answer.questions
        question = questions[asked]
        assert question.numbers == answer.numbers
        assert texts(answer.blocks)[0].endswith(f"de {question.party}.")
        assert f"regeling {answer.numbers[0]} " in texts(question.blocks)[0]
    assert not doc.anomalies


def test_fracties_asking_jointly(tmp_path: Path) -> None:
    """ "Vragen en opmerkingen van de leden van de fracties van GroenLinks en PvdA": one section,
    whose questions the data export gives both parties."""
    body = [
        *verslag_front(),
        *fractie("Vragen en opmerkingen van de leden van de VVD-fractie", "Het lid Jansen", [1]),
        *fractie(
            "Vragen en opmerkingen van de leden van de fracties van GroenLinks en PvdA",
            "De leden van de fracties van GroenLinks en PvdA",
            [2, 3],
        ),
    ]
    pdf = render(body, tmp_path / "joint.pdf", running="28 676, nr. 360", style=VERSLAG_STYLE)
    doc = build(pdf)
    assert [q.party for q in doc.questions()] == ["VVD", "GroenLinks en PvdA", "GroenLinks en PvdA"]
    records = qa_records(doc, "joint")
    assert [record["parties"] for record in records] == [
        ["VVD"], ["GroenLinks", "PvdA"], ["GroenLinks", "PvdA"],
    ]  # fmt: skip
    assert not doc.anomalies


# --- Not questions and answers --------------------------------------------------------------------


def test_a_kamerbrief_with_numbered_paragraphs_is_rejected(tmp_path: Path) -> None:
    """A letter to the Kamer numbers its paragraphs "1.", "2." …, answers the Kamer's request
    ("In antwoord op …") and asks a rhetorical question: it is not questions and answers."""
    body = [
        p("Tweede Kamer der Staten-Generaal"),
        p("Vergaderjaar 2023–2024"),
        p("kst-31293-712"),
        p("31 293 Primair Onderwijs", "title"),
        p("Nr. 712 BRIEF VAN DE MINISTER VAN ONDERWIJS, CULTUUR EN WETENSCHAP", "title"),
        p("Aan de Voorzitter van de Tweede Kamer der Staten-Generaal"),
        p("Den Haag, 12 maart 2024"),
        p("In antwoord op het verzoek van de vaste commissie informeer ik u over het tekort."),
        p("1. Het tekort aan leraren is in de grote steden het grootst. Hoe komt dat? Vooral door"),
        p("2. Ik heb met de besturen afspraken gemaakt over extra opleidingsplaatsen."),
        p("3. Ik informeer uw Kamer voor de zomer over de voortgang."),
        p("Antwoord"),
        p("De Minister van Onderwijs, Cultuur en Wetenschap,"),
        p("R.H.A. Bruins"),
    ]
    pdf = render(body, tmp_path / "brief.pdf", running="31 293, nr. 712")
    with pytest.raises(StructureError, match="no question/answer structure found"):
        build(pdf)


def test_a_memorie_van_toelichting_is_rejected(tmp_path: Path) -> None:
    body = [
        p("Tweede Kamer der Staten-Generaal"),
        p("Vergaderjaar 2023–2024"),
        p("kst-36500-3"),
        p("36 500 Wijziging van de Wet op het primair onderwijs", "title"),
        p("Nr. 3 MEMORIE VAN TOELICHTING", "title"),
        p("I. ALGEMEEN", "title"),
        p("1. Inleiding", "title"),
        p("Dit wetsvoorstel regelt de bekostiging van scholen. Waarom is dat nodig? Omdat …"),
        p("2. Hoofdlijnen van het voorstel", "title"),
        p("Het voorstel kent twee onderdelen: de bekostiging en het toezicht."),
        p("II. ARTIKELSGEWIJS", "title"),
        p("Artikel I"),
        p("Dit artikel wijzigt artikel 3 van de wet."),
        p("De Minister van Onderwijs, Cultuur en Wetenschap,"),
    ]
    pdf = render(body, tmp_path / "mvt.pdf", running="36 500, nr. 3")
    with pytest.raises(StructureError, match="no question/answer structure found"):
        build(pdf)


# --- Pages in two columns -----------------------------------------------------------------------

COLUMN_QUESTIONS = [
    "Bent u bekend met het bericht dat het lerarentekort in de grote steden verder oploopt en dat "
    "scholen vaker onbevoegde leraren voor de klas zetten?",
    "Hoeveel vacatures voor leraren stonden er op 1 januari 2008 open in het primair onderwijs, "
    "uitgesplitst naar de vier grote steden?",
    "Welke maatregelen gaat u nemen om het tekort in de grote steden terug te dringen, en wanneer "
    "verwacht u daarvan effect? Zo nee, waarom niet?",
    "Bent u bereid de Kamer voor de begrotingsbehandeling te informeren over de voortgang van "
    "deze maatregelen?",
]
COLUMN_ANSWERS = [
    "Ja, ik ben bekend met dit bericht. Het beeld dat daarin wordt geschetst, herken ik: in de "
    "grote steden is het tekort groter dan elders in het land.",
    "Op 1 januari 2008 stonden er in totaal 1.240 vacatures open in het primair onderwijs. "
    "Daarvan stonden er 610 in de vier grote steden: 240 in Amsterdam, 180 in Rotterdam, 110 in "
    "Den Haag en 80 in Utrecht.",
    "Ik heb met de besturen in de grote steden afspraken gemaakt over extra opleidingsplaatsen en "
    "over een toelage voor leraren die in een achterstandswijk gaan werken. Ik verwacht de eerste "
    "effecten in het schooljaar 2009–2010, wanneer de eerste leraren van de extra "
    "opleidingsplaatsen hun diploma halen en in de grote steden aan het werk gaan.",
    "Ja. Ik zal de Kamer voor de begrotingsbehandeling per brief informeren.",
]
TWO_COLUMNS = ".columns { columns: 2; column-gap: 0.6cm } .columns p { text-align: justify }"


def two_column_aanhangsel(path: Path, rounds: int) -> Path:
    """An Aanhangsel as printed before about 2010: the masthead across the page, the rest in two
    justified columns with Dutch hyphenation, over ``rounds`` times four questions."""
    body = [
        p("Vragen van het lid Jansen (SP) aan de Minister van Onderwijs, Cultuur en Wetenschap "
          "over het lerarentekort. (Ingezonden 12 februari 2008)"),
        p("Antwoord van Minister Plasterk (Onderwijs, Cultuur en Wetenschap). (Ontvangen 11 maart "
          "2008)"),
    ]  # fmt: skip
    number = 0
    for _ in range(rounds):
        for question, answer in zip(COLUMN_QUESTIONS, COLUMN_ANSWERS, strict=True):
            number += 1
            body += [p(f"Vraag {number}"), p(question), p(f"Antwoord {number}"), p(answer)]
    front = [
        p("Tweede Kamer der Staten-Generaal"),
        p("Vergaderjaar 2007–2008"),
        p("ah-tk-20072008-1234"),
        p("Aanhangsel van de Handelingen", "title"),
    ]
    html = [*front, '<div class="columns">', *body, "</div>"]
    return render(html, path, running="Aanhangsel, nr. 1234", style=TWO_COLUMNS)


@pytest.mark.parametrize("rounds", [2, 4])
def test_an_aanhangsel_in_two_columns_is_read_column_by_column(tmp_path: Path, rounds: int) -> None:
    """Each column is read down before the next, a paragraph goes on from the foot of one column
    to the head of the next (and onto the next page), and the columns' lines are not joined."""
    pdf = two_column_aanhangsel(tmp_path / "columns.pdf", rounds)
    text, layout = read(pdf)
    middle = layout.pages[0].width / 2
    assert sum(1 for line in layout.lines if line.x > middle) > 10  # really two columns
    assert not any("\t" in line.text for line in layout.lines)
    doc = build(pdf)
    assert doc.metadata.questioners == (model.Person("Jansen", "SP"),)
    assert doc.metadata.answered_by == "Minister Plasterk (Onderwijs, Cultuur en Wetenschap)"
    assert [texts(q.blocks) for q in doc.questions()] == [[q] for q in COLUMN_QUESTIONS] * rounds
    assert [texts(a.blocks) for a in doc.answers()] == [[a] for a in COLUMN_ANSWERS] * rounds
    assert not doc.anomalies
    assert layout.source.pages > 1  # the text flows on over a page break too


def test_a_verslag_in_two_columns_ending_in_short_columns(tmp_path: Path) -> None:
    """A verslag in two columns whose last page holds a line or two in each column (balanced
    columns): the gutter of the pages before tells the reading order there too."""
    body = [
        *verslag_front(),
        '<div class="columns">',
        *fractie("Vragen en opmerkingen van de leden van de VVD-fractie", "Het lid Jansen", [1, 2, 3]),
        *fractie("Vragen en opmerkingen van de leden van de D66-fractie", "Het lid Paternotte",
                 [4, 5, 6, 7, 8]),
        "</div>",
    ]  # fmt: skip
    style = TWO_COLUMNS + " .answer { margin-left: 0.5cm }"
    pdf = render(body, tmp_path / "verslag.pdf", running="28 676, nr. 360", style=style)
    text, layout = read(pdf)
    last = [line for line in layout.lines if line.page == layout.source.pages]
    assert len(last) <= 5  # the running header, two or three lines of the columns, the number
    doc = build(pdf)
    answers = doc.answers()
    assert [texts(answer.blocks) for answer in answers] == [
        [f"Regeling {number} is in 2020 ingevoerd; alle bondgenoten dragen bij."]
        for number in range(1, 9)
    ]
    assert [answer.questions for answer in answers] == [(q.id,) for q in doc.questions()]
    assert not doc.anomalies
