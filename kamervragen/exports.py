"""Data exports: the questions and answers of a document as records, for analysts.

One record per question block, joined with the answer (or answers) that answer it; an answer that
answers no question gets a record of its own, so no answer text is left out. The records are
written as JSON Lines (``<name>.qa.jsonl``, one document) and as CSV (``questions.csv``, the
corpus). :data:`COLUMNS` lists the fields in order; ``docs/exports.md`` documents each of them.

Texts are the blocks' plain text (footnote markers left out), blocks separated by a blank line, a
list item as ``marker text``, a table row as its cells joined by `` | ``: the conventions of the
text file and of the gold files.

>>> from kamervragen.model import Answer, Document, Metadata, Paragraph, Question
>>> meta = Metadata("x.pdf", "0" * 64, 1, None, "aanhangsel", "ah-tk-20232024-1",
...                 answered_by="Minister X")
>>> doc = Document(meta, (), (Question("vraag-1", (1,), (Paragraph(("Waarom?",)),)),
...                           Answer("antwoord-1", (1,), ("vraag-1",), (Paragraph(("Daarom.",)),))))
>>> [(r["question_text"], r["answer_text"], r["answered_by"]) for r in qa_records(doc, "x")]
[('Waarom?', 'Daarom.', 'Minister X')]
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from kamervragen import model
from kamervragen.outputs import NO_OPTIONS, WriteOptions

#: The fields of a record, in order: the keys of a ``qa.jsonl`` line and the columns of the CSV.
COLUMNS: tuple[str, ...] = (
    "document",
    "seq",
    "identifier",
    "family",
    "document_type",
    "dossier",
    "document_number",
    "vergaderjaar",
    "title",
    "date",
    "submitted",
    "question_id",
    "question_numbers",
    "question_label",
    "party",
    "questioners",
    "addressees",
    "topic",
    "question_text",
    "answer_ids",
    "answer_numbers",
    "answer_label",
    "answered_by",
    "answer_text",
    "akn_work",
    "source_file",
    "source_sha256",
    # Normalised forms beside the printed ones above (added in a later version, so at the end):
    # one field, one value to group or filter by, the same for every family (docs/exports.md).
    "document_id",
    "committee",
    "parties",
    "addressees_normalised",
    "answerer_role",
    "answerer_name",
    "answerer_portfolio",
    # Whether the numbers above were printed or inferred from the position (added later still).
    "question_numbering",
    "answer_numbering",
)

#: The columns of ``questioners.csv``: one row per question and questioner.
QUESTIONER_COLUMNS: tuple[str, ...] = (
    "document",
    "seq",
    "question_id",
    "question_numbers",
    "questioner",
    "party",
    "kind",
)

#: How a list is written in one CSV cell: numbers separated by a space, texts by "; ".
CSV_LIST_SEPARATOR = "; "


def document_identifiers(meta: model.Metadata) -> dict[str, Any]:
    """What identifies a document, as plain values: shared by the exports and the manifest."""
    return {
        "identifier": meta.identifier,
        "family": meta.family,
        "document_type": meta.document_type,
        "dossier": meta.dossier,
        "document_number": meta.document_number,
        "vergaderjaar": meta.vergaderjaar,
        "title": meta.title,
        "date": meta.date.iso() if meta.date else None,
        "submitted": meta.submitted.iso() if meta.submitted else None,
    }


def qa_records(doc: model.Document, name: str) -> list[dict[str, Any]]:
    """The question-answer records of ``doc``, in reading order; ``name`` is the document name."""
    from kamervragen.identifiers import NO_NUMBER, document_number, frbr_uris

    meta = doc.metadata
    common = document_identifiers(meta)
    official = document_number(meta)
    tail = {
        "akn_work": frbr_uris(meta).work,
        "source_file": meta.source_file,
        "source_sha256": meta.sha256,
        "document_id": None if official == NO_NUMBER else official,
        "committee": meta.committee,
    }
    answers_of: dict[str, list[model.Answer]] = {}
    for answer in doc.answers():
        for question_id in answer.questions:
            answers_of.setdefault(question_id, []).append(answer)

    records: list[dict[str, Any]] = []
    for node, sections in _qa_nodes(doc.body, ()):
        if isinstance(node, model.Question):
            answers = answers_of.get(node.id, [])
            question = _question_fields(doc, node, sections)
        elif not node.questions:  # an answer that answers no question: its own record
            answers = [node]
            question = _question_fields(doc, None, sections)
        else:
            continue  # shown with its questions
        answer = _answer_fields(meta, answers)
        record = {
            "document": name,
            "seq": len(records) + 1,
            **common,
            **question,
            **answer,
            **tail,
            **_normalised_fields(meta, question, answer),
        }
        records.append({column: record[column] for column in COLUMNS})
    return records


def _qa_nodes(
    nodes: tuple[model.Node, ...], sections: tuple[model.Section, ...]
) -> Iterator[tuple[model.Question | model.Answer, tuple[model.Section, ...]]]:
    """Every question and answer in reading order, with the sections it stands in."""
    for node in nodes:
        if isinstance(node, model.Section):
            yield from _qa_nodes(node.content, (*sections, node))
        elif isinstance(node, model.Question | model.Answer):
            yield node, sections


def _question_fields(
    doc: model.Document, question: model.Question | None, sections: tuple[model.Section, ...]
) -> dict[str, Any]:
    meta = doc.metadata
    party = question.party if question else None
    party = party or next((s.party for s in reversed(sections) if s.kind == "party"), None)
    topic = next((s.title for s in reversed(sections) if s.kind != "party" and s.title), None)
    if topic is None and meta.family == "aanhangsel":
        topic = meta.title  # the subject of the questions
    return {
        "question_id": question.id if question else None,
        "question_numbers": list(question.numbers) if question else [],
        "question_label": question.label.text if question and question.label else None,
        "party": party,
        "questioners": [{"name": p.name, "party": p.party} for p in meta.questioners],
        "addressees": list(meta.addressees),
        "topic": topic,
        "question_text": blocks_text(question.blocks) if question else None,
        "question_numbering": question.numbering if question else None,
    }


def _answer_fields(meta: model.Metadata, answers: Sequence[model.Answer]) -> dict[str, Any]:
    if not answers:
        return {
            "answer_ids": [],
            "answer_numbers": [],
            "answer_label": None,
            "answered_by": None,
            "answer_text": None,
            "answer_numbering": None,
        }
    labels = [answer.label.text for answer in answers if answer.label]
    return {
        "answer_ids": [answer.id for answer in answers],
        "answer_numbers": sorted({number for answer in answers for number in answer.numbers}),
        "answer_label": CSV_LIST_SEPARATOR.join(labels) or None,
        "answered_by": answers[0].by or meta.answered_by,
        "answer_text": "\n\n".join(blocks_text(answer.blocks) for answer in answers),
        # "inferred" when any of them is: a number the document does not print is not printed.
        "answer_numbering": (
            "inferred" if any(a.numbering == "inferred" for a in answers) else "printed"
        ),
    }


# Between the fracties of a joint fractie heading: "GroenLinks en PvdA", "SP, PvdD en BBB".
JOINT_FRACTIES = re.compile(r"\s*,\s*|\s+en\s+")


def _normalised_fields(
    meta: model.Metadata, question: dict[str, Any], answer: dict[str, Any]
) -> dict[str, Any]:
    """The fields an analyst groups by, one form for every family: the parties that ask (a
    verslag's fractie, or an Aanhangsel's questioners' parties), the addressees with their role
    in lower case, and the answerer taken apart (kamervragen/offices.py)."""
    from kamervragen.offices import normalised_addressee, parse_office

    if question["party"]:
        # Fracties that ask jointly ("De leden van de fracties van GroenLinks en PvdA") are each
        # a party; no fractie's name holds " en " ("GroenLinks-PvdA" is one).
        parties = [part for part in JOINT_FRACTIES.split(question["party"]) if part]
    else:
        parties = list(dict.fromkeys(p["party"] for p in question["questioners"] if p["party"]))
    office = parse_office(answer["answered_by"])
    return {
        "parties": parties,
        "addressees_normalised": [normalised_addressee(a) for a in meta.addressees],
        "answerer_role": office.role,
        "answerer_name": office.name,
        "answerer_portfolio": office.portfolio,
    }


def questioner_records(records: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """The long table of who asked: one record per question and questioner (``questioners.csv``).

    A member who asked (Aanhangsel) is ``kind`` ``member`` with their party; a verslag's fractie
    is ``fractie`` (its name in both ``questioner`` and ``party``); a lijst's committee is
    ``committee``. An answer without a question has no row.

    >>> rows = questioner_records([{"document": "x", "seq": 1, "question_id": "vraag-1",
    ...     "question_numbers": [1], "party": None, "committee": None,
    ...     "questioners": [{"name": "Sneller", "party": "D66"}, {"name": "Chakor",
    ...                     "party": "GroenLinks-PvdA"}]}])
    >>> [(row["questioner"], row["party"], row["kind"]) for row in rows]
    [('Sneller', 'D66', 'member'), ('Chakor', 'GroenLinks-PvdA', 'member')]
    """
    rows: list[dict[str, Any]] = []
    for record in records:
        if record["question_id"] is None:
            continue
        if record["questioners"]:
            askers = [(p["name"], p["party"], "member") for p in record["questioners"]]
        elif record["party"]:
            askers = [(record["party"], record["party"], "fractie")]
        elif record["committee"]:
            askers = [(record["committee"], None, "committee")]
        else:
            askers = []
        for questioner, party, kind in askers:
            rows.append(
                {
                    "document": record["document"],
                    "seq": record["seq"],
                    "question_id": record["question_id"],
                    "question_numbers": record["question_numbers"],
                    "questioner": questioner,
                    "party": party,
                    "kind": kind,
                }
            )
    return rows


def blocks_text(blocks: Iterable[model.Block]) -> str:
    """Blocks as plain text: one paragraph per block, list item and table row.

    >>> from kamervragen.model import ItemList, ListItem, Paragraph, Table
    >>> print(blocks_text([Paragraph(("Twee punten:",)),
    ...                    ItemList("bullet", (ListItem("•", ("een",)), ListItem("•", ("twee",)))),
    ...                    Table(((("a",), ("b",)),))]))
    Twee punten:
    <BLANKLINE>
    • een
    <BLANKLINE>
    • twee
    <BLANKLINE>
    a | b
    """
    parts: list[str] = []
    for block in blocks:
        if isinstance(block, model.ItemList):
            parts += [f"{item.marker} {item.text}" for item in block.items]
        elif isinstance(block, model.Table):
            parts += [" | ".join(model.plain_text(cell) for cell in row) for row in block.rows]
        else:
            parts.append(block.text)
    return "\n\n".join(parts)


def write_qa(doc: model.Document, options: WriteOptions = NO_OPTIONS) -> bytes:
    """The ``<name>.qa.jsonl`` of ``doc``: its :func:`qa_records` as JSON Lines."""
    return to_jsonl(qa_records(doc, options.document_name(doc)))


def to_jsonl(records: Iterable[dict[str, Any]]) -> bytes:
    """One JSON object per line, UTF-8, keys in :data:`COLUMNS` order."""
    lines = [json.dumps(record, ensure_ascii=False) + "\n" for record in records]
    return "".join(lines).encode("utf-8")


def csv_row(record: dict[str, Any]) -> list[str]:
    """A record as CSV cells: None is empty, lists are joined, questioners "Name (Party)".

    >>> csv_row({"seq": 1, "question_numbers": [3, 4], "questioners": [
    ...     {"name": "Sneller", "party": "D66"}, {"name": "X", "party": None}], "topic": None})
    ['1', '3 4', 'Sneller (D66); X', '']
    """
    return [_cell(key, value) for key, value in record.items()]


def _cell(key: str, value: Any) -> str:
    if value is None:
        return ""
    if key == "questioners":
        return CSV_LIST_SEPARATOR.join(
            f"{p['name']} ({p['party']})" if p["party"] else p["name"] for p in value
        )
    if isinstance(value, list):
        separator = " " if all(isinstance(item, int) for item in value) else CSV_LIST_SEPARATOR
        return separator.join(str(item) for item in value)
    return str(value)


def to_csv(records: Iterable[dict[str, Any]], columns: Sequence[str] = COLUMNS) -> bytes:
    """RFC 4180 CSV (comma, double quotes, CRLF), UTF-8, a header row of ``columns``."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(columns)
    for record in records:
        writer.writerow(csv_row({column: record[column] for column in columns}))
    return buffer.getvalue().encode("utf-8")
