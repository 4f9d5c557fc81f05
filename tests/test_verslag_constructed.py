"""Verslagen in the questions-first and unlabelled layouts, made here as PDFs with WeasyPrint and
read back as a real PDF is (read_pdf -> build_text -> build_document).

Each document varies one thing the family does in the wild: replies numbered "Antwoord op vraag
N" or "Ad N.", replies with nothing but their order, a fractie whose reply holds one answer too
many (a warning, and a failure with --strict), italic words and an indented quotation inside a
question (not answers), and a reply part that starts on a new page.
"""

from __future__ import annotations

import html
from pathlib import Path

import pytest

from documents import build
from kamervragen import model
from kamervragen.cli import main

STYLE = """
@page { size: A4; margin: 2.5cm 2.5cm 3cm;
  @top-center { content: "Verslag schriftelijk overleg (99 999)"; font-size: 8pt }
  @bottom-center { content: counter(page); font-size: 9pt } }
body { font-family: DejaVu Serif; font-size: 10pt; line-height: 1.3 }
p { margin: 0 0 9pt 0 }
.b { font-weight: bold }
.i { font-style: italic }
.answer { margin-left: 1cm }
.quote { margin-left: 1cm }
.new-page { break-before: page }
"""

TITLE = [
    '<p class="b">99 999 Toekomst van de Noordzee</p>',
    '<p class="b">VERSLAG VAN EEN SCHRIFTELIJK OVERLEG</p>',
    "<p>Vastgesteld 3 maart 2023</p>",
    "<p>Binnen de vaste commissie voor Infrastructuur en Waterstaat hebben enkele fracties de "
    "behoefte vragen en opmerkingen voor te leggen aan de minister van Infrastructuur en "
    "Waterstaat over de brief van 1 februari 2023.</p>",
]

# Paragraphs run over more than one line, as they do in real verslagen (the text step measures the
# line spacing from them).
MORE = (
    " Zij verwijzen daarbij naar de brief van de minister over de toekomst van de Noordzee en naar"
    " de plannen van het kabinet voor de komende jaren."
)

ANSWER_MORE = (
    " Het kabinet informeert de Kamer hierover ook in de voortgangsbrief die voor de zomer van dit"
    " jaar verschijnt."
)

# Two fracties; the VVD asks three questions, GroenLinks two (topic, text).
QUESTIONS = {
    "VVD": [
        (
            "Windparken",
            "De leden van de VVD-fractie vragen hoeveel windparken er komen. Wanneer?" + MORE,
        ),
        ("Windparken", "De leden van de VVD-fractie vragen wat de parken kosten?" + MORE),
        (
            "Visserij",
            "De leden van de VVD-fractie vragen hoe de vissers worden gecompenseerd?" + MORE,
        ),
    ],
    "GroenLinks": [
        (
            "Natuur",
            "De leden van de GroenLinks-fractie vragen hoe de natuur wordt beschermd?" + MORE,
        ),
        (
            "Natuur",
            "De leden van de GroenLinks-fractie vragen of er nieuwe reservaten komen?" + MORE,
        ),
    ],
}
ANSWERS = {
    "VVD": [
        ["Er komen elf windparken." + ANSWER_MORE, "De eerste is in 2026 gereed."],
        ["De parken kosten samen twaalf miljard euro." + ANSWER_MORE],
        ["De vissers krijgen een regeling." + ANSWER_MORE],
    ],
    "GroenLinks": [
        ["Met een natuurinclusief ontwerp van elk park." + ANSWER_MORE],
        ["Ja, twee nieuwe reservaten." + ANSWER_MORE],
    ],
}
INTRO = (
    "De leden van de {party}-fractie hebben met belangstelling kennisgenomen van de brief over de"
    " toekomst van de Noordzee. Zij hebben nog enkele vragen."
)


def para(text: str, cls: str | None = None) -> str:
    attribute = f' class="{cls}"' if cls else ""
    return f"<p{attribute}>{html.escape(text)}</p>"


def render(body: list[str], path: Path) -> Path:
    weasyprint = pytest.importorskip("weasyprint")
    document = (
        f'<html lang="nl"><head><style>{STYLE}</style></head><body>{"".join(body)}</body></html>'
    )
    weasyprint.HTML(string=document).write_pdf(path)
    return path


def part_one(*, labels: bool) -> list[str]:
    """Part I: every fractie's questions under its topics, with "Vraag N" labels or none."""
    body = [para("I. INBRENG VAN DE FRACTIES", "b")]
    number = 0
    for party, questions in QUESTIONS.items():
        body.append(para(f"Vragen en opmerkingen van de leden van de {party}-fractie", "b"))
        body.append(para(INTRO.format(party=party)))
        topic = None
        for heading, question in questions:
            number += 1
            if heading != topic:
                body.append(para(heading, "i"))
                topic = heading
            if labels:
                body.append(para(f"Vraag {number}", "b"))
            body.append(para(question))
    return body


def reply_heading(party: str, *, new_page: bool = False) -> str:
    classes = "b new-page" if new_page else "b"
    return para(f"Reactie op de vragen van de {party}-fractie", classes)


def pairs(document: model.Document) -> list[tuple[int, str | None, list[str], list[str]]]:
    """(number, party, question texts, answer texts) per question, joined by the answer's link."""
    answers = {qid: answer for answer in document.answers() for qid in answer.questions}
    result = []
    for question in document.questions():
        answer = answers.get(question.id)
        result.append(
            (
                question.numbers[0],
                question.party,
                [block.text for block in question.blocks],  # type: ignore[union-attr]
                [block.text for block in answer.blocks] if answer else [],  # type: ignore[union-attr]
            )
        )
    return result


def expected_pairs() -> list[tuple[int, str, list[str], list[str]]]:
    result = []
    for party, questions in QUESTIONS.items():
        for (_, question), answer in zip(questions, ANSWERS[party], strict=True):
            result.append((len(result) + 1, party, [question], answer))
    return result


# --- Questions first ------------------------------------------------------------------------------


def test_numbered_replies_on_a_new_page(tmp_path: Path) -> None:
    """ "Vraag N" / "Antwoord op vraag N", and the reply part starting on a page of its own."""
    body = [*TITLE, *part_one(labels=True), para("II. REACTIE VAN DE MINISTER", "b new-page")]
    number = 0
    for party, answers in ANSWERS.items():
        body.append(reply_heading(party))
        for answer in answers:
            number += 1
            body.append(para(f"Antwoord op vraag {number}", "b"))
            body += [para(text) for text in answer]
    document = build(render(body, tmp_path / "numbered.pdf"))
    assert pairs(document) == expected_pairs()
    assert document.anomalies == ()
    asked, replied = document.body
    assert isinstance(asked, model.Section) and isinstance(replied, model.Section)
    assert (asked.kind, asked.title) == ("part", "I. INBRENG VAN DE FRACTIES")
    assert (replied.kind, replied.title) == ("part", "II. REACTIE VAN DE MINISTER")
    assert replied.heading is not None and replied.heading.page == 2
    # The reply's fractie headings belong to the fracties of part I: no new fractie, no question.
    assert [s.party for s in replied.content] == ["VVD", "GroenLinks"]  # type: ignore[union-attr]
    assert all(
        isinstance(node, model.Answer)
        for section in replied.content
        for node in section.content  # type: ignore[union-attr]
    )
    labels = [answer.label.text for answer in document.answers()]  # type: ignore[union-attr]
    assert labels == [f"Antwoord op vraag {n}" for n in range(1, 6)]
    assert {q.numbering for q in document.questions()} == {"printed"}
    assert {a.numbering for a in document.answers()} == {"printed"}


def test_ad_labels_pair_by_number_not_by_place(tmp_path: Path) -> None:
    """ "Ad N." on its own line or run into the answer; the reply takes GroenLinks' questions in
    the other order, so only the printed number pairs them right. The questions print no number:
    theirs is their position."""
    body = [*TITLE, *part_one(labels=False), para("II. Reactie van het kabinet", "b")]
    body += [reply_heading("VVD"), para("Ad 1.", "b"), *map(para, ANSWERS["VVD"][0])]
    body += [para(f"Ad 2. {ANSWERS['VVD'][1][0]}"), para(f"Ad 3. {ANSWERS['VVD'][2][0]}")]
    body += [reply_heading("GroenLinks")]
    body += [para(f"Ad 5. {ANSWERS['GroenLinks'][1][0]}")]
    body += [para(f"Ad 4. {ANSWERS['GroenLinks'][0][0]}")]
    document = build(render(body, tmp_path / "ad.pdf"))
    assert pairs(document) == expected_pairs()
    assert {q.numbering for q in document.questions()} == {"inferred"}
    assert {a.numbering for a in document.answers()} == {"printed"}
    labels = [answer.label.text for answer in document.answers()]  # type: ignore[union-attr]
    assert labels == ["Ad 1.", "Ad 2.", "Ad 3.", "Ad 5.", "Ad 4."]
    assert document.anomalies == ()


def test_unnumbered_replies_pair_by_order_within_the_fractie(tmp_path: Path) -> None:
    """No label at all in the reply: the fractie's n-th paragraph answers its n-th question (the
    words of thanks before them are not an answer)."""
    body = [*TITLE, *part_one(labels=True), para("II. REACTIE VAN DE MINISTER", "b")]
    for party, answers in ANSWERS.items():
        body.append(reply_heading(party))
        body.append(para(f"De minister dankt de leden van de {party}-fractie voor hun vragen."))
        body += [para(" ".join(answer)) for answer in answers]
    document = build(render(body, tmp_path / "order.pdf"))
    expected = [(n, party, q, [" ".join(a)]) for n, party, q, a in expected_pairs()]
    assert pairs(document) == expected
    assert document.anomalies == ()
    # The answers' numbers come from their order, not from print: they say so.
    assert {a.numbering for a in document.answers()} == {"inferred"}
    assert all(answer.label is None for answer in document.answers())
    _, replied = document.body
    thanks = replied.content[0].content[0]  # type: ignore[union-attr]
    assert isinstance(thanks, model.Paragraph) and thanks.text.startswith("De minister dankt")


def test_counts_that_disagree_warn_and_never_shift(tmp_path: Path) -> None:
    """GroenLinks asked two questions; its reply holds three paragraphs. That is a warning with
    the page and line of the reply's heading, its answers stay unpaired, and --strict fails."""
    body = [*TITLE, *part_one(labels=True), para("II. REACTIE VAN DE MINISTER", "b new-page")]
    for party, answers in ANSWERS.items():
        body.append(reply_heading(party))
        body += [para(" ".join(answer)) for answer in answers]
    body.append(para("Daarnaast wordt de Kamer voor de zomer geïnformeerd over de reservaten."))
    pdf = render(body, tmp_path / "mismatch.pdf")
    document = build(pdf)
    (anomaly,) = [a for a in document.anomalies if a.code == "answer-count-mismatch"]
    assert anomaly.page == 2 and anomaly.line is not None
    assert "GroenLinks" in anomaly.message and "asked 2 question(s)" in anomaly.message
    # The VVD's reply still pairs; GroenLinks' questions have no answer rather than a wrong one.
    found = {number: answer for number, _, _, answer in pairs(document)}
    assert found[1] == [" ".join(ANSWERS["VVD"][0])]
    assert found[4] == found[5] == []
    layout_json = tmp_path / "mismatch.layout.json"
    text_file = tmp_path / "mismatch.txt"
    assert main(["read", str(pdf), "--layout", str(layout_json), "--text", str(text_file)]) == 0
    assert main(["structure", str(layout_json), "--output", str(tmp_path / "m.xml")]) == 0
    code = main(["structure", str(layout_json), "--output", str(tmp_path / "s.xml"), "--strict"])
    assert code == 9
    assert not (tmp_path / "s.xml").exists()


# --- Unlabelled answers ---------------------------------------------------------------------------


def unlabelled(
    question_html: dict[int, str] | None = None, *, numbered_topics: bool = False
) -> list[str]:
    """Interleaved, no answer label: questions regular and full width, answers italic and
    indented; ``question_html`` replaces a question's paragraph(s) by raw HTML; topics numbered
    "I. Windparken", "II. Visserij" when ``numbered_topics``."""
    body = list(TITLE)
    number = 0
    for party, questions in QUESTIONS.items():
        body.append(para(f"Vragen en opmerkingen van de leden van de {party}-fractie", "b"))
        body.append(para(INTRO.format(party=party)))
        topic = None
        topics = 0
        for (heading, question), answer in zip(questions, ANSWERS[party], strict=True):
            number += 1
            if heading != topic:
                topics += 1
                numeral = ["I", "II", "III"][topics - 1]
                body.append(para(f"{numeral}. {heading}" if numbered_topics else heading, "b"))
                topic = heading
            body.append((question_html or {}).get(number) or para(question))
            body += [para(text, "i answer") for text in answer]
    return body


def test_unlabelled_answers_by_typography_with_italic_words_in_a_question(
    tmp_path: Path,
) -> None:
    words = (
        "<p>De leden van de VVD-fractie vragen wat de parken kosten, en wat de "
        "<em>Rekenkamer</em> in haar rapport <em>Wind op zee</em> daarover schrijft?</p>"
    )
    document = build(render(unlabelled({2: words}), tmp_path / "italic.pdf"))
    found = pairs(document)
    expected = expected_pairs()
    expected[1] = (
        2,
        "VVD",
        [html.unescape(words[3:-4]).replace("<em>", "").replace("</em>", "")],
        expected[1][3],
    )
    assert found == expected
    assert {q.numbering for q in document.questions()} == {"inferred"}
    assert {a.numbering for a in document.answers()} == {"inferred"}
    assert all(answer.label is None for answer in document.answers())
    assert document.anomalies == ()


def test_an_indented_quotation_inside_a_question_is_not_an_answer(tmp_path: Path) -> None:
    """Answers regular and indented (the only cue); a question quotes a passage, indented too,
    after a colon, and goes on after it: the quotation stays in the question."""
    body = list(TITLE)
    body.append(para("Vragen en opmerkingen van de leden van de VVD-fractie", "b"))
    body.append(para(INTRO.format(party="VVD")))
    body.append(para("Windparken", "b"))
    body.append(para("De leden van de VVD-fractie lezen in de brief het volgende:"))
    body.append(para("“Er komen elf windparken op zee, de eerste in 2026.”", "quote"))
    body.append(para("Deze leden vragen of die planning haalbaar is?"))
    body.append(para("Het kabinet acht de planning haalbaar.", "answer"))
    body.append(para("De leden van de VVD-fractie vragen wat de parken kosten?"))
    body.append(para("De parken kosten samen twaalf miljard euro.", "answer"))
    body.append(para("Visserij", "b"))
    body.append(para("De leden van de VVD-fractie vragen hoe de vissers worden gecompenseerd?"))
    body.append(para("De vissers krijgen een regeling.", "answer"))
    document = build(render(body, tmp_path / "quote.pdf"))
    first, second, third = pairs(document)
    assert first[2] == [
        "De leden van de VVD-fractie lezen in de brief het volgende:",
        "“Er komen elf windparken op zee, de eerste in 2026.”",
        "Deze leden vragen of die planning haalbaar is?",
    ]
    assert first[3] == ["Het kabinet acht de planning haalbaar."]
    assert second[3] == ["De parken kosten samen twaalf miljard euro."]
    assert third[3] == ["De vissers krijgen een regeling."]
    assert document.anomalies == ()


def test_reply_with_its_own_topic_headings(tmp_path: Path) -> None:
    """A reply part that repeats the topic headings, under an unnumbered part heading ("Reactie
    van de minister", which reads as an answer heading) and answers paired by "Ad N."."""
    body = [*TITLE, *part_one(labels=True), para("Reactie van de minister", "b new-page")]
    number = 0
    for party, answers in ANSWERS.items():
        body.append(reply_heading(party))
        topic = None
        for (heading, _), answer in zip(QUESTIONS[party], answers, strict=True):
            number += 1
            if heading != topic:
                body.append(para(heading, "i"))
                topic = heading
            body.append(para(f"Ad {number}.", "b"))
            body += [para(text) for text in answer]
    document = build(render(body, tmp_path / "reply-topics.pdf"))
    assert pairs(document) == expected_pairs()
    assert document.anomalies == ()
    _, replied = document.body
    assert isinstance(replied, model.Section) and replied.kind == "part"
    assert replied.title == "Reactie van de minister"
    vvd = replied.content[0]
    assert isinstance(vvd, model.Section) and vvd.party == "VVD"
    assert [s.title for s in vvd.content if isinstance(s, model.Section)] == [
        "Windparken",
        "Visserij",
    ]


def test_interleaved_question_and_answer_labels(tmp_path: Path) -> None:
    """ "Vraag N" and "Antwoord op vraag N" right after each other, no parts."""
    body = list(TITLE)
    number = 0
    for party, questions in QUESTIONS.items():
        body.append(para(f"Vragen en opmerkingen van de leden van de {party}-fractie", "b"))
        body.append(para(INTRO.format(party=party)))
        topic = None
        for (heading, question), answer in zip(questions, ANSWERS[party], strict=True):
            number += 1
            if heading != topic:
                body.append(para(heading, "i"))
                topic = heading
            body += [para(f"Vraag {number}", "b"), para(question)]
            body += [para(f"Antwoord op vraag {number}", "b"), *map(para, answer)]
    document = build(render(body, tmp_path / "interleaved.pdf"))
    assert pairs(document) == expected_pairs()
    assert document.anomalies == ()
    assert [q.label.text for q in document.questions()] == [  # type: ignore[union-attr]
        f"Vraag {n}" for n in range(1, 6)
    ]


def test_numbered_topics_are_topics_not_parts(tmp_path: Path) -> None:
    """ "I. Windparken" inside a fractie reads as a part heading would; it is a topic."""
    document = build(render(unlabelled(numbered_topics=True), tmp_path / "topics.pdf"))
    assert pairs(document) == expected_pairs()
    assert document.anomalies == ()
    assert [s.kind for s in document.body] == ["party", "party"]  # type: ignore[union-attr]
    vvd = document.body[0]
    assert [s.title for s in vvd.content if isinstance(s, model.Section)] == [  # type: ignore[union-attr]
        "I. Windparken",
        "II. Visserij",
    ]


def test_lettered_parts_and_fractie_headings_repeated_in_the_reply(tmp_path: Path) -> None:
    """Parts "A." and "B."; the reply repeats each fractie's own heading ("Vragen en opmerkingen
    van de leden van de VVD-fractie"), which there heads the reply to that fractie."""
    body = [*TITLE, para("A. Inbreng van de fracties", "b"), *part_one(labels=True)[1:]]
    body.append(para("B. Reactie van het kabinet", "b new-page"))
    number = 0
    for party, answers in ANSWERS.items():
        body.append(para(f"Vragen en opmerkingen van de leden van de {party}-fractie", "b"))
        for answer in answers:
            number += 1
            body += [para(f"Antwoord op vraag {number}", "b"), *map(para, answer)]
    document = build(render(body, tmp_path / "lettered.pdf"))
    assert pairs(document) == expected_pairs()
    assert document.anomalies == ()
    asked, replied = document.body
    assert [asked.kind, replied.kind] == ["part", "part"]  # type: ignore[union-attr]
    assert [s.party for s in replied.content] == ["VVD", "GroenLinks"]  # type: ignore[union-attr]


def test_labels_run_into_the_text(tmp_path: Path) -> None:
    """ "Vraag 2: De leden …" and "Antwoord: Het kabinet …" run into their first sentence,
    interleaved: the label is split off, the numbers are printed."""
    body = list(TITLE)
    number = 0
    for party, questions in QUESTIONS.items():
        body.append(para(f"Vragen en opmerkingen van de leden van de {party}-fractie", "b"))
        body.append(para(INTRO.format(party=party)))
        topic = None
        for (heading, question), answer in zip(questions, ANSWERS[party], strict=True):
            number += 1
            if heading != topic:
                body.append(para(heading, "i"))
                topic = heading
            body.append(para(f"Vraag {number}: {question}"))
            body.append(para(f"Antwoord: {answer[0]}"))
            body += [para(text) for text in answer[1:]]
    document = build(render(body, tmp_path / "inline.pdf"))
    assert pairs(document) == expected_pairs()
    assert document.anomalies == ()
    labels = [
        (q.label.text, a.label.text)
        for q, a in zip(document.questions(), document.answers(), strict=False)
    ]  # type: ignore[union-attr]
    assert labels == [(f"Vraag {n}:", "Antwoord:") for n in range(1, 6)]
    assert {q.numbering for q in document.questions()} == {"printed"}


def test_numbered_questions_and_short_fractie_names_in_the_reply(tmp_path: Path) -> None:
    """Part I numbers its questions "1. De leden …"; the reply names each fractie alone ("VVD",
    "GroenLinks-fractie") and runs "Ad N." into the answers."""
    body = [*TITLE, para("I. INBRENG VAN DE FRACTIES", "b")]
    number = 0
    for party, questions in QUESTIONS.items():
        body.append(para(f"Vragen en opmerkingen van de leden van de {party}-fractie", "b"))
        body.append(para(INTRO.format(party=party)))
        topic = None
        for heading, question in questions:
            number += 1
            if heading != topic:
                body.append(para(heading, "i"))
                topic = heading
            body.append(para(f"{number}. {question}"))
    body.append(para("II. ANTWOORDEN VAN DE MINISTER", "b new-page"))
    number = 0
    for party, name in (("VVD", "VVD"), ("GroenLinks", "GroenLinks-fractie")):
        body.append(para(name, "b"))
        for answer in ANSWERS[party]:
            number += 1
            body += [para(f"Ad {number}. {answer[0]}"), *map(para, answer[1:])]
    document = build(render(body, tmp_path / "numbered-questions.pdf"))
    assert pairs(document) == expected_pairs()
    assert document.anomalies == ()
    assert {q.numbering for q in document.questions()} == {"printed"}
    assert [q.label.text for q in document.questions()] == [f"{n}." for n in range(1, 6)]  # type: ignore[union-attr]
    _, replied = document.body
    assert [s.party for s in replied.content] == ["VVD", "GroenLinks"]  # type: ignore[union-attr]


def test_unlabelled_answers_after_numbered_questions(tmp_path: Path) -> None:
    """Questions numbered "1. De leden …", answers told by typography: the pair takes the
    question's printed number."""
    questions = {n: para(f"{n}. {q}") for n, (_, _, [q], _) in enumerate(expected_pairs(), start=1)}
    document = build(render(unlabelled(questions), tmp_path / "numbered-unlabelled.pdf"))
    assert pairs(document) == expected_pairs()
    assert {q.numbering for q in document.questions()} == {"printed"}
    assert {a.numbering for a in document.answers()} == {"printed"}
    assert document.anomalies == ()


def test_unlabelled_reply_whose_answers_restate_their_question(tmp_path: Path) -> None:
    """No labels in the reply, answers of several paragraphs, each opening by restating its
    question ("De leden van de VVD-fractie vragen …"): the restatement starts the next answer."""
    body = [*TITLE, *part_one(labels=True), para("II. REACTIE VAN DE MINISTER", "b new-page")]
    restated: dict[str, list[list[str]]] = {}
    for party, answers in ANSWERS.items():
        body.append(reply_heading(party))
        restated[party] = []
        for answer in answers:
            paragraphs = [
                f"De leden van de {party}-fractie vragen hiernaar. {answer[0]}",
                *answer[1:],
                "Het kabinet komt hier in de voortgangsbrief op terug.",
            ]
            restated[party].append(paragraphs)
            body += [para(text) for text in paragraphs]
    document = build(render(body, tmp_path / "restated.pdf"))
    expected = [
        (n, party, q, restated[party][index])
        for n, party, q, _ in expected_pairs()
        for index in [(n - 1) if party == "VVD" else (n - 4)]
    ]
    assert pairs(document) == expected
    assert document.anomalies == ()
    assert {a.numbering for a in document.answers()} == {"inferred"}


def test_unlabelled_answers_told_by_a_smaller_size(tmp_path: Path) -> None:
    """Same face, same margin: the answers are set a point smaller than the questions."""
    body = list(TITLE)
    for party, questions in QUESTIONS.items():
        body.append(para(f"Vragen en opmerkingen van de leden van de {party}-fractie", "b"))
        body.append(para(INTRO.format(party=party)))
        topic = None
        for (heading, question), answer in zip(questions, ANSWERS[party], strict=True):
            if heading != topic:
                body.append(para(heading, "b"))
                topic = heading
            body.append(para(question))
            body += [para(text, "small") for text in answer]
    body.insert(0, "<style>.small { font-size: 9pt }</style>")
    document = build(render(body, tmp_path / "smaller.pdf"))
    assert pairs(document) == expected_pairs()
    assert document.anomalies == ()


def test_reply_that_repeats_each_question(tmp_path: Path) -> None:
    """The reply repeats each question ("Vraag N" and its text, in italics) above an unnumbered
    "Antwoord": the answer takes the repeated question's number, and the repeated text is reply
    text, not a second question and not part of the answer."""
    body = [*TITLE, *part_one(labels=True), para("II. REACTIE VAN DE MINISTER", "b new-page")]
    number = 0
    for party, answers in ANSWERS.items():
        body.append(reply_heading(party))
        for (_, question), answer in zip(QUESTIONS[party], answers, strict=True):
            number += 1
            body += [para(f"Vraag {number}", "b"), para(question, "i")]
            body += [para("Antwoord", "b"), *map(para, answer)]
    document = build(render(body, tmp_path / "repeated.pdf"))
    assert pairs(document) == expected_pairs()
    assert document.anomalies == ()
    assert len(document.questions()) == 5
    _, replied = document.body
    vvd = replied.content[0]  # type: ignore[union-attr]
    assert [type(node).__name__ for node in vvd.content[:3]] == ["Heading", "Paragraph", "Answer"]
