"""The Aanhangsel family: real documents against their gold files, and constructed texts."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from conftest import aanhangsel_pdfs
from kamervragen import model
from kamervragen.families import aanhangsel
from kamervragen.layout import Source
from kamervragen.readers.pdfium import read_pdf
from kamervragen.structure import build_document
from kamervragen.text import NoteMarker, Text, TextParagraph, build_text

PDFS = aanhangsel_pdfs()
needs_corpus = pytest.mark.skipif(not PDFS, reason="reference corpus ../shared is absent")


# --- Helpers --------------------------------------------------------------------------------------


@cache
def document(pdf: Path) -> model.Document:
    layout = read_pdf(pdf)
    return build_document(build_text(layout), layout=layout)


def gold(pdf: Path) -> dict[str, Any]:
    path = pdf.with_suffix(".gold.json")
    if not path.exists():
        pytest.skip(f"no gold file beside {pdf.name}")
    return json.loads(path.read_text(encoding="utf-8"))


def squeeze(value: str) -> str:
    return " ".join(value.split())


def paragraphs(node: model.Question | model.Answer | model.Announcement) -> list[str]:
    """A node's text as the gold writes it: one entry per paragraph, list item and table row."""
    result: list[str] = []
    for block in node.blocks:
        if isinstance(block, model.ItemList):
            result += [f"{item.marker} {item.text}" for item in block.items]
        elif isinstance(block, model.Table):
            result += [" | ".join(model.plain_text(cell) for cell in row) for row in block.rows]
        else:
            result.append(block.text)
    return [squeeze(text) for text in result]


def gold_paragraphs(text: str) -> list[str]:
    return [squeeze(part) for part in text.split("\n\n")]


def contents(node: model.Question | model.Answer) -> list[tuple[model.Inline, ...]]:
    found: list[tuple[model.Inline, ...]] = []
    for block in node.blocks:
        if isinstance(block, model.ItemList):
            found += [item.content for item in block.items]
        elif isinstance(block, model.Table):
            found += [cell for row in block.rows for cell in row]
        else:
            found.append(block.content)
    return found


def where_referenced(doc: model.Document) -> dict[int, str]:
    """Footnote number -> "question 3" / "answer 2" (the first number of the block's label)."""
    places: dict[int, str] = {}
    for node in doc.walk():
        if isinstance(node, model.Question | model.Answer):
            kind = "question" if isinstance(node, model.Question) else "answer"
            for content in contents(node):
                for ref in model.note_refs(content):
                    places.setdefault(ref.number, f"{kind} {node.numbers[0]}")
    return places


# --- Real documents -------------------------------------------------------------------------------


@needs_corpus
@pytest.mark.parametrize("pdf", PDFS, ids=lambda path: path.stem)
def test_questions_match_the_gold(pdf: Path) -> None:
    expected = gold(pdf)["questions"]
    questions = document(pdf).questions()
    assert [(q.label.text if q.label else None, list(q.numbers)) for q in questions] == [
        (item["label"], item["numbers"]) for item in expected
    ]
    for question, item in zip(questions, expected, strict=True):
        assert paragraphs(question) == gold_paragraphs(item["text"]), item["label"]


@needs_corpus
@pytest.mark.parametrize("pdf", PDFS, ids=lambda path: path.stem)
def test_answers_match_the_gold(pdf: Path) -> None:
    expected = gold(pdf)["answers"]
    answers = document(pdf).answers()
    assert [(a.label.text if a.label else None, list(a.numbers)) for a in answers] == [
        (item["label"], item["numbers"]) for item in expected
    ]
    for answer, item in zip(answers, expected, strict=True):
        assert paragraphs(answer) == gold_paragraphs(item["text"]), item["label"]


@needs_corpus
@pytest.mark.parametrize("pdf", PDFS, ids=lambda path: path.stem)
def test_every_answer_links_to_the_questions_it_answers(pdf: Path) -> None:
    doc = document(pdf)
    questions = doc.questions()
    for answer in doc.answers():
        wanted = tuple(q.id for q in questions if set(q.numbers) & set(answer.numbers))
        assert answer.questions == wanted and wanted, answer.id
    assert not [
        a for a in doc.anomalies if a.code in ("question-without-answer", "answer-without-question")
    ]


@needs_corpus
@pytest.mark.parametrize("pdf", PDFS, ids=lambda path: path.stem)
def test_footnotes_and_where_they_are_referenced(pdf: Path) -> None:
    expected = gold(pdf)["footnotes"]
    doc = document(pdf)
    assert [(note.number, squeeze(note.text)) for note in doc.footnotes] == [
        (item["number"], squeeze(item["text"])) for item in expected
    ]
    places = where_referenced(doc)
    assert {number: places.get(number) for number in places} == {
        item["number"]: item["referenced_in"] for item in expected
    }


@needs_corpus
@pytest.mark.parametrize("pdf", PDFS, ids=lambda path: path.stem)
def test_metadata_matches_the_gold(pdf: Path) -> None:
    expected = gold(pdf)["metadata"]
    metadata = document(pdf).metadata
    assert metadata.family == "aanhangsel"
    found = {
        "identifier": metadata.identifier,
        "vergaderjaar": metadata.vergaderjaar,
        "number": metadata.document_number,
        "questioners": [{"name": p.name, "party": p.party} for p in metadata.questioners],
        "addressees": list(metadata.addressees),
        "subject": metadata.title,
        "submitted": metadata.submitted.iso() if metadata.submitted else None,
        "answered_by": metadata.answered_by,
        "on_behalf_of": list(metadata.on_behalf_of),
        "received": metadata.date.iso() if metadata.date else None,
        "see_also": [ref.text for ref in metadata.see_also],
    }
    assert found == expected
    assert metadata.document_type == (
        "Mededeling" if expected["answered_by"] is None else "Antwoord"
    )


@needs_corpus
@pytest.mark.parametrize("pdf", PDFS, ids=lambda path: path.stem)
def test_headers_are_the_front_matter(pdf: Path) -> None:
    front = document(pdf).front
    assert [type(block) for block in front] == [model.Paragraph, model.Paragraph]
    assert front[0].text.startswith("Vragen van ")
    assert front[1].text.startswith(("Antwoord van ", "Mededeling van "))


def corpus_pdf(stem: str) -> Path:
    pdf = next((path for path in PDFS if path.stem == stem), None)
    if pdf is None:
        pytest.skip(f"{stem}.pdf is not in the reference corpus")
    return pdf


def test_a_combined_answer_after_separate_questions() -> None:
    doc = document(corpus_pdf("ah-tk-20232024-1481"))
    last = doc.answers()[-1]
    assert last.label is not None and last.label.text == "Antwoord 5 en 6"
    assert (last.id, last.questions) == ("antwoord-5-6", ("vraag-5", "vraag-6"))
    assert [type(node).__name__ for node in doc.body[-3:]] == ["Question", "Question", "Answer"]


def test_a_combined_question_printed_as_one_paragraph_is_divided() -> None:
    doc = document(corpus_pdf("ah-tk-20142015-698"))
    question = next(q for q in doc.questions() if q.numbers == (2, 3))
    first, second = question.blocks
    assert isinstance(first, model.Paragraph) and first.text.endswith("Zo nee, waarom niet?")
    assert isinstance(second, model.Paragraph) and second.text.startswith(
        "Herinnert u zich de eerdere"
    )
    assert list(model.note_refs(first.content)) == [model.NoteRef(3)]
    assert list(model.note_refs(second.content)) == [model.NoteRef(4)]
    assert not [a for a in doc.anomalies if a.code == "combined-question-not-divided"]


def test_the_mededeling_variant() -> None:
    doc = document(corpus_pdf("ah-tk-20232024-1999"))
    assert len(doc.questions()) == 3 and not doc.answers()
    announcements = [node for node in doc.body if isinstance(node, model.Announcement)]
    assert len(announcements) == 1 and doc.body[-1] is announcements[0]
    assert announcements[0].label is not None and announcements[0].label.text == "Mededeling"
    assert (
        announcements[0].blocks[0].text.startswith("De schriftelijke vragen van de leden Sneller")
    )
    assert not [a for a in doc.anomalies if a.code == "question-without-answer"]
    assert doc.metadata.document_type == "Mededeling" and doc.metadata.answered_by is None


def test_questions_mark_their_direct_questions() -> None:
    doc = document(corpus_pdf("ah-tk-20232024-1481"))
    asks = [
        item.text for item in doc.questions()[5].blocks[0].content if isinstance(item, model.Ask)
    ]
    assert asks[1:] == [
        "Zo ja, kunt u toelichten hoe dit wordt vormgegeven?",
        "Zo nee, kunt u inzage geven hoe tot deze keuze is gekomen?",
    ]


# --- Constructed texts ----------------------------------------------------------------------------

HEADER = (
    "Vragen van het lid Jansen (CDA) aan de Minister van Financiën over de belastingdienst "
    "(ingezonden 2 maart 2020)."
)
ANSWER_HEADER = "Antwoord van Minister Hoekstra (Financiën) (ontvangen 23 maart 2020)."


def text_of(*paragraphs: str | tuple[str, int]) -> Text:
    """A Text of paragraphs, each on its own layout line; ``(text, page)`` sets the page."""
    built = []
    for index, item in enumerate(paragraphs):
        value, page = item if isinstance(item, tuple) else (item, 1)
        built.append(TextParagraph(value, page, (index,), False, False, 0.0, 10.0))
    return Text(Source("constructed.pdf", "0" * 64, 2), tuple(built), (), ())


def test_a_label_with_a_missing_comma() -> None:
    doc = build_document(
        text_of(
            HEADER,
            ANSWER_HEADER,
            "Vraag 7, 8, 9 10 en 11",
            "Klopt dit?",
            "Antwoord 7, 8, 9 10 en 11",
            "Ja.",
        )
    )
    (question,) = doc.questions()
    assert question.numbers == (7, 8, 9, 10, 11) and question.id == "vraag-7-8-9-10-11"
    assert doc.answers()[0].questions == ("vraag-7-8-9-10-11",)


def test_antwoord_op_vraag() -> None:
    doc = build_document(
        text_of(HEADER, ANSWER_HEADER, "Vraag 1", "Kent u het bericht?", "Antwoord op vraag 1", "Ja.",
                "Vraag 2", "Wat vindt u ervan?", "Antwoord op vraag 2", "Niets.")
    )  # fmt: skip
    answers = doc.answers()
    assert [(a.numbers, a.questions) for a in answers] == [
        ((1,), ("vraag-1",)),
        ((2,), ("vraag-2",)),
    ]
    assert answers[1].label is not None and answers[1].label.text == "Antwoord op vraag 2"
    assert not doc.anomalies


def test_a_question_without_an_answer_is_an_anomaly_with_its_page() -> None:
    doc = build_document(
        text_of(HEADER, ANSWER_HEADER, "Vraag 1", "Kent u het bericht?", "Antwoord 1", "Ja.",
                ("Vraag 2", 2), ("Wanneer treedt de regeling in werking?", 2))
    )  # fmt: skip
    (anomaly,) = doc.anomalies
    assert (anomaly.code, anomaly.message, anomaly.page) == (
        "question-without-answer",
        "question 2 has no answer",
        2,
    )
    assert anomaly.line == 7  # layout line 6, without a layout numbered from 1


def test_a_label_sharing_its_line_with_the_text() -> None:
    doc = build_document(
        text_of(
            HEADER, ANSWER_HEADER, "Vraag 1: Kent u het bericht?", "Antwoord 1: Ja, dat ken ik."
        )
    )
    question, answer = doc.body
    assert isinstance(question, model.Question) and isinstance(answer, model.Answer)
    assert question.label is not None and question.label.text == "Vraag 1:"
    assert question.blocks[0].content == (model.Ask(("Kent u het bericht?",)),)
    assert answer.blocks[0].text == "Ja, dat ken ik." and answer.questions == ("vraag-1",)


def test_a_combined_question_is_divided_only_where_unambiguous() -> None:
    one = "Kent u het bericht? Zo nee, waarom niet? Deelt u de zorgen? Zo nee, waarom niet?"
    doc = build_document(
        text_of(HEADER, ANSWER_HEADER, "Vraag 1 en 2", one, "Antwoord 1 en 2", "Ja.")
    )
    assert [block.text for block in doc.questions()[0].blocks] == [
        "Kent u het bericht? Zo nee, waarom niet?",
        "Deelt u de zorgen? Zo nee, waarom niet?",
    ]
    vague = "Kent u het bericht? Deelt u de zorgen?"
    doc = build_document(
        text_of(HEADER, ANSWER_HEADER, "Vraag 1 en 2", vague, "Antwoord 1 en 2", "Ja.")
    )
    assert [block.text for block in doc.questions()[0].blocks] == [vague]
    assert [(a.code, a.page) for a in doc.anomalies] == [("combined-question-not-divided", 1)]


def test_a_divided_paragraph_keeps_its_footnote_references() -> None:
    paragraph = TextParagraph(
        "Klopt dit? Zo nee, waarom niet? Hoe staat het met de motie? Zo niet, waarom?", 1, (3, 4, 5),
        False, False, 0.0, 10.0, note_refs=(NoteMarker(31, 1), NoteMarker(59, 2)),
    )  # fmt: skip
    first, second = aanhangsel.split_combined([paragraph], 2, paragraph, [])
    assert (first.text, first.note_refs) == (
        "Klopt dit? Zo nee, waarom niet?",
        (NoteMarker(31, 1),),
    )
    assert (second.text, second.note_refs) == (
        "Hoe staat het met de motie? Zo niet, waarom?",
        (NoteMarker(27, 2),),
    )


def test_each_divided_question_starts_on_the_line_its_offset_falls_on() -> None:
    # Six lines of about 16 characters: the second question starts at offset 41 (line 2), the third
    # at offset 81 (line 5), estimated in the whole paragraph.
    text = "Kent u het bericht? Zo nee, waarom niet? Deelt u de zorgen? Zo nee, waarom niet? Wat gaat u doen?"
    paragraph = TextParagraph(text, 1, (10, 11, 12, 13, 14, 15), False, False, 0.0, 10.0)
    parts = aanhangsel.split_combined([paragraph], 3, paragraph, [])
    assert [(part.text[:5], part.lines[0]) for part in parts] == [
        ("Kent ", 10), ("Deelt", 12), ("Wat g", 15)
    ]  # fmt: skip


def test_an_older_document_numbered_without_labels() -> None:
    doc = build_document(
        text_of(
            HEADER,
            "1",
            "Kent u het bericht?",
            "2. Wat vindt u ervan?",
            ANSWER_HEADER,
            "1",
            "Ja.",
            "2. Niets.",
        )
    )
    assert [(type(n).__name__, getattr(n, "numbers", None)) for n in doc.body] == [
        ("Question", (1,)), ("Question", (2,)), ("Paragraph", None), ("Answer", (1,)), ("Answer", (2,)),
    ]  # fmt: skip
    assert doc.questions()[1].label is not None and doc.questions()[1].label.text == "2."
    assert doc.metadata.answered_by == "Minister Hoekstra (Financiën)"
    assert not doc.anomalies


def test_a_mededeling_without_a_label() -> None:
    doc = build_document(
        text_of(HEADER, "Mededeling van Minister Hoekstra (Financiën) (ontvangen 23 maart 2020).",
                "De vragen kunnen niet binnen drie weken worden beantwoord.",
                "Vraag 1", "Kent u het bericht?")
    )  # fmt: skip
    assert isinstance(doc.body[0], model.Announcement) and doc.body[0].label is None
    assert doc.metadata.document_type == "Mededeling" and not doc.anomalies


@pytest.mark.parametrize(
    ("printed", "addressees"),
    [
        ("de Minister van Financiën", ("Minister van Financiën",)),
        ("de Staatssecretarissen van Volksgezondheid, Welzijn en Sport en van Binnenlandse Zaken en "
         "Koninkrijksrelaties", ("Staatssecretaris van Volksgezondheid, Welzijn en Sport",
                                 "Staatssecretaris van Binnenlandse Zaken en Koninkrijksrelaties")),
        ("de Staatssecretaris van Binnenlandse Zaken en Koninkrijksrelaties en de Minister van Justitie en "
         "Veiligheid", ("Staatssecretaris van Binnenlandse Zaken en Koninkrijksrelaties",
                        "Minister van Justitie en Veiligheid")),
        ("de Minister en de Staatssecretaris van Financiën",
         ("Minister van Financiën", "Staatssecretaris van Financiën")),
        ("de Ministers van Buitenlandse Zaken, van Defensie en voor Buitenlandse Handel en "
         "Ontwikkelingssamenwerking", ("Minister van Buitenlandse Zaken", "Minister van Defensie",
                                      "Minister voor Buitenlandse Handel en Ontwikkelingssamenwerking")),
        ("de Minister-President, Minister van Algemene Zaken",
         ("Minister-President, Minister van Algemene Zaken",)),
    ],
)  # fmt: skip
def test_addressees_one_office_each(printed: str, addressees: tuple[str, ...]) -> None:
    assert aanhangsel.split_addressees(printed) == addressees


def test_members_and_a_shared_party() -> None:
    assert aanhangsel.read_members(
        "Sneller (D66), Chakor (GroenLinks-PvdA) en Van Nispen (SP)"
    ) == (
        model.Person("Sneller", "D66"),
        model.Person("Chakor", "GroenLinks-PvdA"),
        model.Person("Van Nispen", "SP"),
    )
    assert aanhangsel.read_members("Agema en Fritsma (beiden PVV)") == (
        model.Person("Agema", "PVV"),
        model.Person("Fritsma", "PVV"),
    )


@pytest.mark.parametrize(
    ("label", "numbers"),
    [
        ("Vraag 1", (1,)),
        ("Vragen 2 en 3", (2, 3)),
        ("Vraag 3, 4 en 5", (3, 4, 5)),
        ("Vraag 7, 8, 9 10 en 11", (7, 8, 9, 10, 11)),
        ("Vraag 3 t/m 5", (3, 4, 5)),
        ("Antwoord op vraag 2", (2,)),
        ("Antwoord op de vragen 4 en 5", (4, 5)),
    ],
)
def test_label_numbers(label: str, numbers: tuple[int, ...]) -> None:
    found = aanhangsel.read_label(label)
    assert found is not None and found.numbers == numbers and found.length == len(label)


def test_a_bare_antwoord_answers_the_question_before_it() -> None:
    doc = build_document(
        text_of(HEADER, ANSWER_HEADER, "Vraag 1 en 2", "Kent u het bericht?", "Wat vindt u ervan?",
                "Antwoord", "Ja, en niets.")
    )  # fmt: skip
    (answer,) = doc.answers()
    assert (answer.numbers, answer.questions) == ((1, 2), ("vraag-1-2",))


def test_an_answer_header_between_the_questions_and_the_answers() -> None:
    doc = build_document(
        text_of(HEADER, "Vraag 1", "Kent u het bericht?", "Vraag 2 Wat vindt u ervan?",
                "Antwoord van Minister Hoekstra (Financiën) mede namens de Minister van Defensie "
                "(ontvangen 23 maart 2020).",
                "Antwoord 1", "Ja.", "Antwoord 2", "Niets.")
    )  # fmt: skip
    kinds = [type(node).__name__ for node in doc.body]
    assert kinds == ["Question", "Question", "Paragraph", "Answer", "Answer"]
    assert doc.questions()[1].blocks[0].text == "Wat vindt u ervan?"
    assert doc.metadata.answered_by == "Minister Hoekstra (Financiën)"
    assert doc.metadata.on_behalf_of == ("Minister van Defensie",)
    assert doc.metadata.date == model.PartialDate(2020, 3, 23)
    assert not doc.anomalies
