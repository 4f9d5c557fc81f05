"""The verslag family: the sample (both renditions) against the gold, and constructed variants."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterator
from functools import cache
from pathlib import Path

import pytest

from conftest import SAMPLE_PDF, shared_path
from kamervragen import model
from kamervragen.families import FamilyParse, verslag
from kamervragen.layout import Source
from kamervragen.readers.pdfium import read_pdf
from kamervragen.structure import build_document, check_conservation, link_questions
from kamervragen.text import NoteMarker, Text, TextParagraph, build_text

GOLD = ("corpus", "verslag", "28676-navo-verslag.gold.json")
REFLOWED = ("corpus", "verslag", "28676-navo-verslag-reflowed.pdf")


def normalise(text: str) -> str:
    return " ".join(text.split())


@cache
def _document(path: Path) -> model.Document:
    layout = read_pdf(path)
    return build_document(build_text(layout), layout=layout)


@pytest.fixture(params=["replica", "reflowed"])
def document(request: pytest.FixtureRequest) -> model.Document:
    path = SAMPLE_PDF if request.param == "replica" else shared_path(*REFLOWED)
    return _document(path)


@pytest.fixture(scope="module")
def gold() -> dict:
    return json.loads(shared_path(*GOLD).read_text(encoding="utf-8"))


def block_texts(blocks: tuple[model.Block, ...]) -> list[str]:
    texts = []
    for block in blocks:
        assert isinstance(block, model.Paragraph), block
        texts.append(normalise(block.text))
    return texts


def pairs(document: model.Document) -> Iterator[tuple[str, str, model.Question, model.Answer]]:
    """(party, topic, question, answer) for every pair, in reading order."""
    for party in document.body:
        assert isinstance(party, model.Section) and party.kind == "party"
        for topic in party.content:
            if not isinstance(topic, model.Section):
                continue
            assert topic.kind == "topic"
            nodes = list(topic.content)
            assert len(nodes) % 2 == 0
            for question, answer in zip(nodes[::2], nodes[1::2], strict=True):
                assert isinstance(question, model.Question)
                assert isinstance(answer, model.Answer)
                assert party.party is not None
                yield party.party, topic.title, question, answer


def asks(question: model.Question) -> list[model.Ask]:
    return [
        item
        for block in question.blocks
        if isinstance(block, model.Paragraph)
        for item in block.content
        if isinstance(item, model.Ask)
    ]


def text_before_notes(content: tuple[model.Inline, ...]) -> dict[int, str]:
    """For each footnote reference: the visible text before it in its paragraph."""
    result: dict[int, str] = {}
    seen: list[str] = []

    def walk(items: tuple[model.Inline, ...]) -> None:
        for item in items:
            if isinstance(item, model.NoteRef):
                result[item.number] = "".join(seen)
            elif isinstance(item, model.Ask):
                walk(item.content)
            elif isinstance(item, str):
                seen.append(item)
            else:
                seen.append(item.text)

    walk(content)
    return result


# --- The sample against the gold ------------------------------------------------------------------


def test_pairs_numbers_parties_topics(document: model.Document, gold: dict) -> None:
    found = [(q.numbers, a.numbers, party, topic) for party, topic, q, a in pairs(document)]
    expected = [((p["number"],), (p["number"],), p["party"], p["topic"]) for p in gold["pairs"]]
    assert len(found) == 18
    assert found == expected
    for _, _, question, answer in pairs(document):
        assert answer.questions == (question.id,)
        assert question.id == f"vraag-{question.numbers[0]}"


def test_question_and_answer_paragraphs(document: model.Document, gold: dict) -> None:
    for (party, _, question, answer), expected in zip(pairs(document), gold["pairs"], strict=True):
        assert question.party == party == expected["party"]
        assert block_texts(question.blocks) == expected["question"]["paragraphs"]
        assert block_texts(answer.blocks) == expected["answer"]["paragraphs"]
        assert answer.label is not None
        assert normalise(answer.label.text) == expected["answer"]["heading"]
        assert answer.by == expected["answer"]["by"]


def test_direct_questions(document: model.Document, gold: dict) -> None:
    found = [len(asks(question)) for _, _, question, _ in pairs(document)]
    assert found == [pair["question"]["direct_questions"] for pair in gold["pairs"]]
    # Each Ask is one sentence that ends in "?".
    for _, _, question, _ in pairs(document):
        for ask in asks(question):
            assert ask.text.endswith("?") and "? " not in ask.text


def test_footnote_references_and_texts(document: model.Document, gold: dict) -> None:
    positions = {}
    for (_, _, question, _), expected in zip(pairs(document), gold["pairs"], strict=True):
        paragraphs = expected["question"]["paragraphs"]
        for block in question.blocks:
            for number, before in text_before_notes(block.content).items():
                positions[number] = (expected["number"], normalise(before))
        for ref in expected["question"].get("note_refs", []):
            # The gold names the text the marker follows; the marker stands right after it, in
            # this question, and the paragraph text runs on unchanged around it.
            number, before = positions[ref["note"]]
            assert number == expected["number"]
            assert before.endswith(ref["after"])
            assert paragraphs[0].startswith(before)
    assert sorted(positions) == [1, 2]
    # "Noord-Syrië." occurs twice before the marker's sentence ends; the seed prints the marker
    # after the second ("… steun te verlenen aan Turkije in Noord-Syrië.1").
    assert positions[1][1].endswith("steun te verlenen aan Turkije in Noord-Syrië.")
    assert positions[2][1].endswith("om een eskader naar de Zuid-Chinese Zee te sturen.")
    assert [note.number for note in document.footnotes] == [1, 2]
    for note, expected in zip(document.footnotes, gold["footnotes"], strict=True):
        gold_text = normalise(expected["text"]).removeprefix(f"{expected['number']} ")
        # The replica prints the URL once more under the footnote (so does the seed text); the
        # gold leaves that repeat out.
        assert normalise(note.text).startswith(gold_text)
        urls = [item.url for item in note.content if isinstance(item, model.WebLink)]
        assert expected["url"] in urls


def test_metadata(document: model.Document, gold: dict) -> None:
    expected = gold["metadata"]
    metadata = document.metadata
    assert metadata.family == "verslag"
    assert metadata.dossier == expected["dossier_number"]
    assert metadata.title == expected["dossier_title"]
    assert metadata.document_number == expected["document_number"] is None
    assert metadata.document_type == expected["document_type_label"]
    assert metadata.date == model.PartialDate(expected["date_year"], expected["date_month"], None)
    assert metadata.date.iso() == "2021-03"
    assert metadata.committee == expected["committee"]
    assert metadata.addressees == (expected["addressee"],)
    assert metadata.answered_by == expected["answered_by"]
    cited = {
        ref.number if ref.kind == "zaak" else f"{ref.dossier}, nr. {ref.number}"
        for ref in metadata.references
    }
    assert cited >= set(expected["referenced_documents"])


def test_front_preamble_and_intros(document: model.Document, gold: dict) -> None:
    front = [normalise(block.text) for block in document.front]  # type: ignore[union-attr]
    assert front[:3] == ["28676 NAVO", "Nr. VERSLAG", gold["metadata"]["date_text"]]
    assert all(isinstance(block, model.Heading) for block in document.front[:3])
    assert front[3:] == gold["preamble"]
    parties = [node for node in document.body if isinstance(node, model.Section)]
    assert len(parties) == len(document.body) == len(gold["parties"])
    for section, expected in zip(parties, gold["parties"], strict=True):
        assert section.kind == "party"
        assert section.party == expected["party"]
        assert section.title == expected["heading"]
        intro = [node for node in section.content if not isinstance(node, model.Section)]
        assert block_texts(tuple(intro)) == expected["intro"]  # type: ignore[arg-type]
        # The intro comes first; the topics follow.
        assert section.content[: len(intro)] == tuple(intro)
    topics = [
        {"party": party.party, "topic": topic.title}
        for party in parties
        for topic in party.content
        if isinstance(topic, model.Section)
    ]
    assert topics == gold["topic_headings_in_order"]


def test_no_anomalies_on_the_sample(document: model.Document) -> None:
    assert document.anomalies == ()


def test_the_sample_without_indentation_reads_the_same() -> None:
    """Answers are told from questions by more than their 1 cm indentation."""
    layout = read_pdf(SAMPLE_PDF)
    text = build_text(layout)
    flat = dataclasses.replace(
        text, paragraphs=tuple(dataclasses.replace(p, indent=0.0) for p in text.paragraphs)
    )
    assert build_document(flat, layout=layout).body == _document(SAMPLE_PDF).body


# --- Constructed documents ------------------------------------------------------------------------


TK_FURNITURE = ["Tweede Kamer der Staten-Generaal", "Vergaderjaar 2020–2021", "kst-28676-359"]


def make_text(*paragraphs: TextParagraph) -> Text:
    return Text(Source("constructed.pdf", "0" * 64, 2), tuple(paragraphs), (), ())


class Lines:
    """Makes paragraphs with increasing line numbers, like the text step does."""

    def __init__(self) -> None:
        self.line = 0

    def __call__(
        self,
        text: str,
        *,
        bold: bool = False,
        indent: float = 0.0,
        page: int = 1,
        note_refs: tuple[NoteMarker, ...] = (),
    ) -> TextParagraph:
        paragraph = TextParagraph(
            text, page, (self.line,), bold, False, indent, 9.5, note_refs=note_refs
        )
        self.line += 1
        return paragraph


def parse(text: Text, furniture: list[str] | None = None) -> tuple[model.Document, FamilyParse]:
    """Parse with the verslag family, link as the structure step does, and check conservation."""
    parsed = verslag.parse(text, furniture or [])
    body, _ = link_questions(parsed.body)
    document = model.Document(parsed.metadata, parsed.front, body)
    check_conservation(document, text)
    return document, parsed


PREAMBLE = (
    "Binnen de vaste commissie voor Defensie hebben enkele fracties de behoefte vragen en "
    "opmerkingen voor te leggen aan de minister van Defensie over de brief van 1 maart 2021."
)


def test_real_tk_title_block_and_unnumbered_reactions() -> None:
    p = Lines()
    text = make_text(
        p("28 676 NAVO", bold=True),
        p("Nr. 359 VERSLAG VAN EEN SCHRIFTELIJK OVERLEG", bold=True),
        p("Vastgesteld 1 april 2021", bold=True),
        p(PREAMBLE),
        p("Vragen en opmerkingen van de leden van de fractie van GroenLinks", bold=True),
        p("De leden van de fractie van GroenLinks hebben kennisgenomen van de brief. Zij hebben "
          "hierover de volgende vragen."),
        p("Missies", bold=True),
        p("De leden van de fractie van GroenLinks vragen wanneer de missie eindigt. Klopt het?"),
        p("Reactie van het kabinet", bold=True),
        p("De missie eindigt in juni."),
        p("Deze leden vragen ook wat de missie kost. Is dat bekend? Zo nee, waarom niet?"),
        p("Reactie van het kabinet", bold=True),
        p("De kosten staan in de begroting."),
        p("Dat is sinds 2020 zo."),
    )  # fmt: skip
    document, parsed = parse(text, TK_FURNITURE)
    metadata = document.metadata
    assert metadata.dossier == "28676"
    assert metadata.title == "NAVO"
    assert metadata.document_number == "359"
    assert metadata.document_type == "VERSLAG VAN EEN SCHRIFTELIJK OVERLEG"
    assert metadata.date == model.PartialDate(2021, 4, 1)
    assert metadata.date.iso() == "2021-04-01"
    assert metadata.identifier == "kst-28676-359"
    assert metadata.vergaderjaar == "2020-2021"
    assert metadata.committee == "vaste commissie voor Defensie"
    assert metadata.addressees == ("minister van Defensie",)
    assert metadata.answered_by == "kabinet"
    assert [block.text for block in document.front] == [  # type: ignore[union-attr]
        "28 676 NAVO",
        "Nr. 359 VERSLAG VAN EEN SCHRIFTELIJK OVERLEG",
        "Vastgesteld 1 april 2021",
        PREAMBLE,
    ]
    (party,) = document.body
    assert isinstance(party, model.Section) and party.party == "GroenLinks"
    intro, topic = party.content
    assert isinstance(intro, model.Paragraph) and intro.text.endswith("de volgende vragen.")
    assert isinstance(topic, model.Section) and topic.title == "Missies"
    q1, a1, q2, a2 = topic.content
    assert isinstance(q1, model.Question) and isinstance(q2, model.Question)
    assert isinstance(a1, model.Answer) and isinstance(a2, model.Answer)
    # Answers without a printed number are numbered in order; answers are not indented here, so
    # "Deze leden vragen …" starts the next question.
    assert (q1.numbers, a1.numbers, q2.numbers, a2.numbers) == ((1,), (1,), (2,), (2,))
    assert (a1.questions, a2.questions) == (("vraag-1",), ("vraag-2",))
    assert (q1.party, q2.party) == ("GroenLinks", "GroenLinks")
    assert (a1.by, a2.by) == ("kabinet", "kabinet")
    assert a1.label is not None and a1.label.text == "Reactie van het kabinet"
    assert [b.text for b in a2.blocks] == [  # type: ignore[union-attr]
        "De kosten staan in de begroting.",
        "Dat is sinds 2020 zo.",
    ]
    assert [len(asks(q)) for q in (q1, q2)] == [1, 2]
    assert parsed.anomalies == ()


def test_fractie_without_topics_follows_the_gold_intro_convention() -> None:
    p = Lines()
    text = make_text(
        p("28676 NAVO", bold=True),
        p("Nr. VERSLAG", bold=True),
        p("Vastgesteld, … maart 2021", bold=True),
        p(PREAMBLE),
        p("Vragen en opmerkingen van de leden van de GroenLinks-PvdA-fractie", bold=True),
        p("De leden van de GroenLinks-PvdA-fractie hebben met interesse kennisgenomen van de "
          "brief. Zij hebben nog enkele vragen."),
        p("De leden van de GroenLinks-PvdA-fractie hebben kennisgenomen van het besluit. Wat is "
          "de planning?", indent=0),
        p("Zij vragen ook naar de kosten."),
        p("1. Antwoord van de minister", bold=True, indent=28),
        p("De planning volgt.", indent=28),
        p("Kan de minister de kosten noemen?"),  # set back from the answer: the next question
        p("2. Antwoord van de minister", bold=True, indent=28),
        p("Nee.", indent=28),
    )  # fmt: skip
    document, parsed = parse(text)
    assert document.metadata.document_number is None
    assert document.metadata.date == model.PartialDate(2021, 3, None)
    assert document.metadata.answered_by == "minister"
    (party,) = document.body
    assert isinstance(party, model.Section) and party.party == "GroenLinks-PvdA"
    intro, q1, a1, q2, a2 = party.content
    assert isinstance(intro, model.Paragraph) and intro.text.endswith("nog enkele vragen.")
    assert isinstance(q1, model.Question) and isinstance(q2, model.Question)
    assert [b.text for b in q1.blocks] == [  # type: ignore[union-attr]
        "De leden van de GroenLinks-PvdA-fractie hebben kennisgenomen van het besluit. Wat is de "
        "planning?",
        "Zij vragen ook naar de kosten.",
    ]
    assert [b.text for b in q2.blocks] == ["Kan de minister de kosten noemen?"]  # type: ignore[union-attr]
    assert isinstance(a1, model.Answer) and a1.by == "minister" and a1.numbers == (1,)
    assert isinstance(a2, model.Answer) and [b.text for b in a2.blocks] == ["Nee."]  # type: ignore[union-attr]
    assert parsed.anomalies == ()


def test_anomalies_name_page_and_line() -> None:
    p = Lines()
    text = make_text(
        p("28676 NAVO", bold=True),
        p("Nr. VERSLAG", bold=True),
        p("Vastgesteld, … maart 2021", bold=True),
        p(PREAMBLE),
        p("Vragen en opmerkingen van de leden van de PVV-fractie", bold=True),
        p("De leden van de PVV-fractie hebben kennisgenomen van de brief en hebben geen vragen."),
        p("Vragen en opmerkingen van de leden van de VVD-fractie", bold=True, page=2),
        p("Algemeen", bold=True, page=2),
        p("De leden van de VVD-fractie vragen of de minister dit deelt?", page=2),
        p("1. Antwoord van het kabinet", bold=True, indent=28, page=2),
        p("Ja.", indent=28, page=2),
        p("Deze leden vragen voorts hoe het zit?", page=2),
        p("3. Antwoord van het kabinet", bold=True, indent=28, page=2),
        p("Goed.", indent=28, page=2),
    )  # fmt: skip
    document, parsed = parse(text)
    assert [(a.code, a.page, a.line) for a in parsed.anomalies] == [
        ("party-without-questions", 1, 4),
        ("unexpected-answer-number", 2, 12),
    ]
    assert "numbered 3, expected 2" in parsed.anomalies[1].message
    pvv, vvd = document.body
    assert isinstance(pvv, model.Section) and pvv.party == "PVV"
    assert [type(node) for node in pvv.content] == [model.Paragraph]
    assert [q.numbers for q in document.questions()] == [(1,), (3,)]


def test_signature_after_the_last_answer_stays_out_of_the_answer() -> None:
    p = Lines()
    text = make_text(
        p("28 676 NAVO", bold=True),
        p("Nr. 359 VERSLAG VAN EEN SCHRIFTELIJK OVERLEG", bold=True),
        p("Vastgesteld 1 april 2021", bold=True),
        p(PREAMBLE),
        p("Vragen en opmerkingen van de leden van de VVD-fractie", bold=True),
        p("De leden van de VVD-fractie vragen of het klopt?"),
        p("Antwoord van het kabinet", bold=True),
        p("Ja."),
        p("De voorzitter van de commissie, Van Helvert"),
        p("De griffier van de commissie, Van Toor"),
    )  # fmt: skip
    document, _ = parse(text, TK_FURNITURE)
    (answer,) = document.answers()
    assert [b.text for b in answer.blocks] == ["Ja."]  # type: ignore[union-attr]
    assert [node.text for node in document.body[1:]] == [  # type: ignore[union-attr]
        "De voorzitter van de commissie, Van Helvert",
        "De griffier van de commissie, Van Toor",
    ]


def test_document_number_from_the_identifier_when_not_printed() -> None:
    p = Lines()
    text = make_text(
        p("36 200 V Vaststelling van de begrotingsstaten van het Ministerie van Buitenlandse "
          "Zaken (V) voor het jaar 2021", bold=True),
        p("Nr. VERSLAG", bold=True),
        p("Vastgesteld 2 februari 2021", bold=True),
        p(PREAMBLE),
        p("Vragen en opmerkingen van de leden van de D66-fractie", bold=True),
        p("De leden van de D66-fractie vragen of het klopt?"),
        p("Antwoord van het kabinet", bold=True),
        p("Ja."),
    )  # fmt: skip
    document, _ = parse(text, ["kst-36200-V-25"])
    assert document.metadata.dossier == "36200-V"
    assert document.metadata.document_number == "25"
    assert document.metadata.title.startswith("Vaststelling van de begrotingsstaten")  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("heading", "number", "by"),
    [
        ("1. Antwoord van het kabinet", "1", "kabinet"),
        ("10. Antwoord van de minister", "10", "minister"),
        ("Antwoord van het kabinet", None, "kabinet"),
        ("Reactie van het kabinet", None, "kabinet"),
        ("Reactie van de minister/staatssecretaris", None, "minister/staatssecretaris"),
        (
            "Antwoord van de minister van Buitenlandse Zaken:",
            None,
            "minister van Buitenlandse Zaken",
        ),
    ],
)
def test_answer_headings(heading: str, number: str | None, by: str) -> None:
    match = verslag.ANSWER_HEADING.match(heading)
    assert match is not None
    assert (match.group("number"), match.group("by")) == (number, by)


@pytest.mark.parametrize(
    "text",
    [
        "Antwoord van het kabinet op de vraag van de VVD is onduidelijk. Kan de minister dit doen?",
        "Reacties van burgers",
        "De leden van de VVD-fractie vragen om een reactie van het kabinet.",
    ],
)
def test_sentences_are_not_answer_headings(text: str) -> None:
    assert verslag.ANSWER_HEADING.match(text) is None


@pytest.mark.parametrize(
    ("heading", "party"),
    [
        ("Vragen en opmerkingen van de leden van de VVD-fractie", "VVD"),
        ("Vragen en opmerkingen van de leden van de fractie van GroenLinks", "GroenLinks"),
        ("Vragen en opmerkingen van de leden van de PVV-fractie", "PVV"),
        ("Vragen en opmerkingen van de leden van de GroenLinks-PvdA-fractie", "GroenLinks-PvdA"),
        ("Vragen en opmerkingen van het lid van de BBB-fractie", "BBB"),
        ("Vragen en opmerkingen van de leden van de fractie van de SP", "SP"),
    ],
)
def test_fractie_headings(heading: str, party: str) -> None:
    match = verslag.PARTY_HEADING.match(heading)
    assert match is not None
    assert verslag._party_name(match) == party


def test_real_tk_dossier_line_keeps_the_title() -> None:
    match = verslag.DOSSIER_LINE.match("28 676 NAVO")
    assert match is not None and (match.group("dossier"), match.group("title")) == (
        "28 676",
        "NAVO",
    )
    match = verslag.DOSSIER_LINE.match("21 501-02 Raad Algemene Zaken")
    assert match is not None and match.group("title") == "Raad Algemene Zaken"
