"""The hand-checked gold files of ``../shared/corpus``, and how a conversion is measured against
them: which gold file belongs to a PDF, its questions and answers, a node's text as the gold
writes it, and the text similarity. Shared by the tests and the benchmark (``bench/bench.py``
imports this file), so that both measure alike; only the standard library and the package.
"""

from __future__ import annotations

import difflib
import json
from pathlib import Path
from typing import Any

from kamervragen import model
from kamervragen.exports import blocks_text

#: (numbers, text) of a question or an answer.
Block = tuple[tuple[int, ...], str]


def letters_and_digits(text: str) -> str:
    return "".join(char for char in text if char.isalnum())


def similarity(found: str, expected: str) -> float:
    """How alike two texts are, character by character over letters and digits (1.0: equal).

    >>> similarity("Kent u het be-richt?", "Kent u het bericht?")
    1.0
    >>> round(similarity("Kent u het bericht", "Kent u het berigt"), 3)
    0.897
    """
    return difflib.SequenceMatcher(
        None, letters_and_digits(found), letters_and_digits(expected), autojunk=False
    ).ratio()


def node_text(node: model.Question | model.Answer) -> str:
    """A question's or answer's text as the gold files write it: its blocks apart by a blank line
    (a list item as its marker and text, a table row as its cells joined by " | "), the whitespace
    within each collapsed."""
    parts = blocks_text(node.blocks).split("\n\n")  # the exports' text, one part per block
    return "\n\n".join(" ".join(part.split()) for part in parts)


def gold_file(pdf: Path) -> Path | None:
    """The gold of ``pdf``: ``<name>.gold.json`` beside it; a scan (``<name>-scan.pdf``) without
    one of its own shares its digital original's."""
    for path in (
        pdf.with_suffix(".gold.json"),
        pdf.with_name(pdf.name.replace("-scan.pdf", ".gold.json")),
    ):
        if path.exists():
            return path
    return None


def read_gold(path: Path) -> dict[str, Any]:
    return json.loads(path.read_text(encoding="utf-8"))


def gold_blocks(gold: dict[str, Any]) -> tuple[list[Block], list[Block]]:
    """(numbers, text) of each question and each answer in a gold file, in order: a verslag's gold
    holds question/answer ``pairs`` (paragraphs as lists), the others ``questions`` and
    ``answers``."""
    if "pairs" in gold:
        return (
            [
                ((pair["number"],), "\n\n".join(pair["question"]["paragraphs"]))
                for pair in gold["pairs"]
            ],
            [
                ((pair["number"],), "\n\n".join(pair["answer"]["paragraphs"]))
                for pair in gold["pairs"]
            ],
        )
    return (
        [(tuple(item["numbers"]), item["text"]) for item in gold["questions"]],
        [(tuple(item["numbers"]), item["text"]) for item in gold["answers"]],
    )
