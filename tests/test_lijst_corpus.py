"""The lijst samples of ../shared/corpus/lijst against their gold files.

Three layouts, three samples each: the Kamerstuk lijst ("Vraag N" … "Antwoord op vraag N:"), the
Algemene Rekenkamer's letter ("N." and the question in bold, the answer unlabelled) and margin
numbers (the number alone in a left column, "Antwoord" above the answer). Every question and
answer must be found with its number, its label and its text exactly as the gold has it, nothing
more, and the Akoma Ntoso must validate.
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from gold import node_text

from conftest import lijst_pdfs
from documents import build
from kamervragen import model
from kamervragen.writers import write_akn

PDFS = lijst_pdfs()
PARAMS = [pytest.param(path, id=path.stem) for path in PDFS] or [
    pytest.param(None, marks=pytest.mark.skip(reason="reference corpus ../shared is absent"))
]


@cache
def document(pdf: Path) -> model.Document:
    return build(pdf)


def gold(pdf: Path) -> dict[str, Any]:
    return json.loads(pdf.with_suffix(".gold.json").read_text(encoding="utf-8"))


def as_gold(nodes: list[model.Question] | list[model.Answer]) -> list[dict[str, Any]]:
    return [
        {
            "label": node.label.text if node.label is not None else "",
            "numbers": list(node.numbers),
            "text": node_text(node),
        }
        for node in nodes
    ]


def gold_items(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [
        {
            "label": item["label"],
            "numbers": item["numbers"],
            "text": "\n\n".join(" ".join(part.split()) for part in item["text"].split("\n\n")),
        }
        for item in items
    ]


@pytest.mark.parametrize("pdf", PARAMS)
def test_questions_match_the_gold(pdf: Path) -> None:
    doc = document(pdf)
    assert doc.metadata.family == "lijst"
    assert as_gold(doc.questions()) == gold_items(gold(pdf)["questions"])


@pytest.mark.parametrize("pdf", PARAMS)
def test_answers_match_the_gold(pdf: Path) -> None:
    doc = document(pdf)
    assert as_gold(doc.answers()) == gold_items(gold(pdf)["answers"])
    for answer in doc.answers():
        assert answer.questions == tuple(f"vraag-{n}" for n in answer.numbers)


@pytest.mark.parametrize("pdf", PARAMS)
def test_no_warnings_and_valid_akoma_ntoso(pdf: Path) -> None:
    doc = document(pdf)
    assert [anomaly.code for anomaly in doc.anomalies] == []
    assert b"<akomaNtoso" in write_akn(doc)  # write_akn validates against the OASIS schema


@pytest.mark.parametrize("pdf", PARAMS)
def test_metadata_matches_the_gold(pdf: Path) -> None:
    """Committee, who answered, the date, the report and its Kamerstuk or the letter's kenmerk."""
    meta, expected = document(pdf).metadata, gold(pdf)["metadata"]
    assert meta.committee == expected["committee"]
    assert meta.answered_by == expected["sender"]
    assert expected["sender"] in meta.addressees
    assert meta.date is not None and meta.date.iso() == expected["date"]
    assert meta.report == expected["report"]
    assert meta.letter is not None and meta.letter.date == meta.date
    if meta.letter.reference is not None:  # a covering letter: its kenmerk
        assert meta.letter.reference == expected["reference"]
        assert meta.title == expected["title"]
        assert meta.letter.salutation == "Geachte voorzitter,"
        assert meta.letter.signatories == ("Algemene Rekenkamer",)
    else:  # a Kamerstuk: the report's Kamerstuk as the introduction prints it
        assert meta.report_ref is not None
        assert meta.report_ref.text == f"Kamerstuk {expected['reference']}"
        assert meta.document_type == expected["title"]


@pytest.mark.parametrize("pdf", PARAMS)
def test_answers_that_refer_to_another_are_linked(pdf: Path) -> None:
    """ "Zie antwoord op vraag 4.": the reference is kept as text and links to that answer."""
    doc = document(pdf)
    numbers = {number for question in doc.questions() for number in question.numbers}
    for answer in doc.answers():
        found = [
            item
            for block in answer.blocks
            if isinstance(block, model.Paragraph)
            for item in block.content
            if isinstance(item, model.CrossRef)
        ]
        if re.fullmatch(r"Zie (?:ook )?(?:het )?antwoord op vraag \d+\.?", node_text(answer)):
            assert found, answer.id
        assert all(ref.numbers[0] in numbers for ref in found)
