"""The verslag in its other layouts: questions first (part I the questions, part II the reply) and
unlabelled answers (told by typography and position), against the gold of the two renditions in
../shared/corpus/verslag/ (skipped when it is absent)."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import pytest

from conftest import shared_path
from kamervragen import model
from kamervragen.readers.pdfium import read_pdf
from kamervragen.semantic_xml import from_xml, to_xml
from kamervragen.structure import build_document
from kamervragen.text import build_text

LAYOUTS = ["questions-first", "unlabelled"]


def normalise(text: str) -> str:
    return " ".join(text.split())


@cache
def _document(path: Path) -> model.Document:
    layout = read_pdf(path)
    return build_document(build_text(layout), layout=layout)


@pytest.fixture(params=LAYOUTS)
def rendition(request: pytest.FixtureRequest) -> tuple[str, model.Document, dict]:
    name = f"28676-navo-verslag-{request.param}"
    pdf = shared_path("corpus", "verslag", f"{name}.pdf")
    gold = json.loads(shared_path("corpus", "verslag", f"{name}.gold.json").read_text("utf-8"))
    return request.param, _document(pdf), gold


def sections_of(nodes: tuple[model.Node, ...], path: tuple[model.Section, ...] = ()):
    """(question or answer, the sections it stands in), in reading order."""
    for node in nodes:
        if isinstance(node, model.Section):
            yield from sections_of(node.content, (*path, node))
        elif isinstance(node, model.Question | model.Answer):
            yield node, path


def pairs(document: model.Document) -> list[tuple[model.Question, model.Answer, str, str]]:
    """(question, its answer, the fractie section's party, the topic) for every question."""
    answers = {qid: a for a in document.answers() for qid in a.questions}
    result = []
    for node, path in sections_of(document.body):
        if isinstance(node, model.Question):
            party = next(s.party for s in path if s.kind == "party")
            topic = next(s.title for s in path if s.kind == "topic")
            result.append((node, answers[node.id], party, topic))
    return result


def texts(blocks: tuple[model.Block, ...]) -> list[str]:
    assert all(isinstance(block, model.Paragraph) for block in blocks)
    return [normalise(block.text) for block in blocks]  # type: ignore[union-attr]


def test_every_pair_with_fractie_topic_and_text(rendition) -> None:
    _, document, gold = rendition
    found = pairs(document)
    assert len(found) == len(gold["pairs"]) == 18
    assert len(document.questions()) == len(document.answers()) == 18  # no surplus
    for (question, answer, party, topic), expected in zip(found, gold["pairs"], strict=True):
        assert question.numbers == answer.numbers == (expected["number"],)
        assert answer.questions == (question.id,) == (f"vraag-{expected['number']}",)
        assert party == question.party == expected["party"]
        assert topic == expected["topic"]
        assert texts(question.blocks) == expected["question"]["paragraphs"]
        assert texts(answer.blocks) == expected["answer"]["paragraphs"]


def test_labels_and_numbering(rendition) -> None:
    layout, document, gold = rendition
    for (question, answer, _, _), expected in zip(pairs(document), gold["pairs"], strict=True):
        label = expected["question"].get("label")
        heading = expected["answer"]["heading"]
        assert (question.label.text if question.label else None) == label
        assert (answer.label.text if answer.label else None) == heading
        if layout == "unlabelled":
            # Nothing is numbered: the numbers are the position, and say so.
            assert question.numbering == answer.numbering == "inferred"
        else:
            assert question.numbering == answer.numbering == "printed"


def test_fracties_parts_and_reply_headings(rendition) -> None:
    layout, document, gold = rendition
    if layout == "questions-first":
        parts = document.body
        assert [(p.kind, p.title) for p in parts] == [  # type: ignore[union-attr]
            ("part", f"{part['label']} {part['heading']}") for part in gold["parts"]
        ]
        asked, replied = parts  # type: ignore[misc]
        assert [s.party for s in replied.content] == [p["party"] for p in gold["parties"]]
        assert [s.title for s in replied.content] == [p["reply_heading"] for p in gold["parties"]]
        # The reply holds answers only: no fractie heading was taken for a question.
        for section in replied.content:
            assert all(isinstance(node, model.Answer) for node in section.content)
        sections = asked.content
    else:
        sections = document.body
    assert [s.party for s in sections] == [p["party"] for p in gold["parties"]]
    for section, expected in zip(sections, gold["parties"], strict=True):
        assert section.title == expected["heading"]
        intro = [node for node in section.content if isinstance(node, model.Paragraph)]
        assert texts(tuple(intro)) == expected["intro"]
    topics = [
        {"party": section.party, "topic": topic.title}
        for section in sections
        for topic in section.content
        if isinstance(topic, model.Section)
    ]
    assert topics == gold["topic_headings_in_order"]


def test_metadata_preamble_footnotes(rendition) -> None:
    _, document, gold = rendition
    expected = gold["metadata"]
    meta = document.metadata
    assert meta.family == "verslag"
    assert (meta.dossier, meta.title) == (expected["dossier_number"], expected["dossier_title"])
    assert meta.document_type == expected["document_type_label"]
    assert meta.date == model.PartialDate(expected["date_year"], expected["date_month"])
    assert meta.committee == expected["committee"]
    assert meta.addressees == (expected["addressee"],)
    assert meta.vergaderjaar == "2020-2021"  # from the letterhead, page furniture
    front = [normalise(block.text) for block in document.front]  # type: ignore[union-attr]
    assert front[-len(gold["preamble"]) :] == gold["preamble"]
    assert expected["date_text"] in front
    assert [note.number for note in document.footnotes] == [1, 2]
    assert document.anomalies == ()


def test_semantic_xml_round_trip_keeps_numbering_and_parts(rendition) -> None:
    layout, document, _ = rendition
    data = to_xml(document)  # validated against the schema
    assert from_xml(data) == document
    assert (b'numbering="inferred"' in data) == (layout == "unlabelled")
    assert (b'kind="part"' in data) == (layout == "questions-first")


def test_writers_show_inferred_numbers_as_such(rendition) -> None:
    """HTML names an unprinted number as a running number; Akoma Ntoso's ``num`` holds only what
    was printed ("Antwoord op vraag 7"), so an unlabelled answer has none."""
    from lxml import etree

    from kamervragen.writers import write_akn, write_html

    layout, document, _ = rendition
    page = write_html(document).decode("utf-8")
    akn = etree.fromstring(write_akn(document))
    ns = {"a": "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"}
    nums = akn.xpath("//a:answer/a:num/text()", namespaces=ns)
    question_nums = akn.xpath("//a:question/a:num/text()", namespaces=ns)
    if layout == "unlabelled":
        assert page.count("(volgnummer, niet gedrukt)") == 36  # 18 questions and 18 answers
        assert nums == question_nums == []
    else:
        assert "volgnummer" not in page
        assert nums == [f"Antwoord op vraag {n}" for n in range(1, 19)]
        assert question_nums == [f"Vraag {n}" for n in range(1, 19)]
