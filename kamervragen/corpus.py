"""The corpus files: what a batch of PDFs became, over all its documents, in the output folder.

A batch has two kinds of document. A **converted** document has its folder ``<name>/`` with all its
outputs. A **rejected** input (not a PDF, encrypted, empty, not a question-and-answer document,
over a limit, …: an error whose ``rejects_input`` is true) has no outputs; it is listed in
``rejected.csv`` with its size, SHA-256, exit code and reason. Rejection is a normal, final outcome
of an ingest: the corpus files are made over the converted documents. A failure of the tool itself
(a writer, an intermediate file) is not a rejection, and no corpus files are made until it is
resolved.

The step that decides records each input's outcome in an *outcomes file* (JSON, see
:func:`outcomes_json`): the workflow's read step one per document (``<output>/.outcomes/<name>.json``),
a chunk's ``kamervragen convert`` one per chunk (``<output>/.chunks/<chunk>.json``). ``kamervragen
corpus`` reads them and writes the files of :data:`CORPUS_FILES` and ``SHA256SUMS``; ``kamervragen
convert`` writes the same files from the same functions.

Everything here is pure: the CLI reads and writes the files.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from kamervragen import model
from kamervragen.errors import KamervragenError, LayoutFormatError

OUTCOMES_FORMAT = "kamervragen-outcomes"
OUTCOMES_VERSION = 1

#: The corpus files, in the output folder, besides SHA256SUMS (which lists them all, and every
#: converted document's files).
QUESTIONS_CSV = "questions.csv"
QUESTIONERS_CSV = "questioners.csv"
WARNINGS_CSV = "warnings.csv"
REJECTED_CSV = "rejected.csv"
INDEX_HTML = "index.html"
CHECKSUMS = "SHA256SUMS"
CORPUS_FILES: tuple[str, ...] = (
    INDEX_HTML,
    QUESTIONS_CSV,
    QUESTIONERS_CSV,
    WARNINGS_CSV,
    REJECTED_CSV,
)

REJECTED_COLUMNS = ("file", "sha256", "size", "exit_code", "reason")
WARNINGS_COLUMNS = ("document", "page", "line", "code", "message")

Verdict = Literal["accepted", "rejected"]


@dataclass(frozen=True, slots=True)
class Outcome:
    """What became of one input: accepted (converted, or being converted) or rejected."""

    document: str  # the document's name: the PDF's file name without .pdf
    file: str  # the PDF's file name
    size: int | None  # None when the file could not be read at all
    sha256: str | None
    verdict: Verdict
    exit_code: int | None = None  # rejected: the exit code of the error
    reason: str | None = None  # rejected: the one-line reason, without the file name

    @classmethod
    def rejected(
        cls, document: str, file: str, data: bytes | None, error: KamervragenError
    ) -> Outcome:
        from kamervragen.manifest import sha256

        return cls(
            document,
            file,
            None if data is None else len(data),
            None if data is None else sha256(data),
            "rejected",
            error.exit_code,
            error.format_reason(),
        )

    @classmethod
    def accepted(cls, document: str, file: str, data: bytes) -> Outcome:
        from kamervragen.manifest import sha256

        return cls(document, file, len(data), sha256(data), "accepted")

    def to_dict(self) -> dict[str, Any]:
        return {
            "document": self.document,
            "file": self.file,
            "size": self.size,
            "sha256": self.sha256,
            "verdict": self.verdict,
            "exit_code": self.exit_code,
            "reason": self.reason,
        }


def outcomes_json(outcomes: Iterable[Outcome]) -> bytes:
    """An outcomes file: ``{"format": "kamervragen-outcomes", "version": 1, "documents": [...]}``.

    >>> json.loads(outcomes_json([Outcome("x", "x.pdf", 0, "e3b0", "rejected", 3, "empty")]))
    {'format': 'kamervragen-outcomes', 'version': 1, 'documents': [{'document': 'x', \
'file': 'x.pdf', 'size': 0, 'sha256': 'e3b0', 'verdict': 'rejected', 'exit_code': 3, \
'reason': 'empty'}]}
    """
    data = {
        "format": OUTCOMES_FORMAT,
        "version": OUTCOMES_VERSION,
        "documents": [outcome.to_dict() for outcome in outcomes],
    }
    return (json.dumps(data, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def read_outcomes(data: bytes, *, document: str) -> list[Outcome]:
    """The outcomes in an outcomes file; a file of another format or version is refused (exit 6).

    >>> [o.verdict for o in read_outcomes(outcomes_json(
    ...     [Outcome("x", "x.pdf", 1, "00", "accepted")]), document="x.json")]
    ['accepted']
    """
    expected = f"an outcomes file ({OUTCOMES_FORMAT}, version {OUTCOMES_VERSION})"
    try:
        parsed = json.loads(data.decode("utf-8"))
        if parsed.get("format") != OUTCOMES_FORMAT or parsed.get("version") != OUTCOMES_VERSION:
            raise LayoutFormatError("not an outcomes file", document=document, expected=expected)
        return [
            Outcome(
                str(entry["document"]),
                str(entry["file"]),
                None if entry["size"] is None else int(entry["size"]),
                None if entry["sha256"] is None else str(entry["sha256"]),
                _verdict(entry["verdict"]),
                entry.get("exit_code"),
                entry.get("reason"),
            )
            for entry in parsed["documents"]
        ]
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise LayoutFormatError(
            f"malformed outcomes file ({type(exc).__name__}: {exc})",
            document=document,
            expected=expected,
        ) from exc


def _verdict(value: object) -> Verdict:
    if value == "accepted":
        return "accepted"
    if value == "rejected":
        return "rejected"
    raise ValueError(f"unknown verdict {value!r}")


@dataclass(frozen=True, slots=True)
class Converted:
    """A converted document as the corpus files see it."""

    name: str
    doc: model.Document
    #: Its files, relative to the output folder (``x/x.html``), sorted: what SHA256SUMS lists.
    files: tuple[str, ...]
    #: Whether its text was recognised by OCR (from the manifest; false for a text layer).
    ocr: bool = False


def csv_table(columns: Sequence[str], rows: Iterable[Sequence[object]]) -> bytes:
    """RFC 4180 CSV as every CSV of kamervragen: comma, double quotes, CRLF, UTF-8, a header."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow(["" if cell is None else str(cell) for cell in row])
    return buffer.getvalue().encode("utf-8")


def rejected_csv(rejected: Iterable[Outcome]) -> bytes:
    """``rejected.csv``: one row per rejected input, by file name.

    >>> rejected_csv([Outcome("x", "x.pdf", 0, "e3b0", "rejected", 3,
    ...                       "empty file (0 bytes); expected a PDF")]).decode().splitlines()
    ['file,sha256,size,exit_code,reason', 'x.pdf,e3b0,0,3,empty file (0 bytes); expected a PDF']
    """
    rows = sorted(rejected, key=lambda outcome: outcome.file)
    return csv_table(
        REJECTED_COLUMNS, ((o.file, o.sha256, o.size, o.exit_code, o.reason) for o in rows)
    )


def warnings_csv(converted: Iterable[Converted]) -> bytes:
    """``warnings.csv``: every warning of every converted document, in document order."""
    rows = [
        (document.name, anomaly.page, anomaly.line, anomaly.code, anomaly.message)
        for document in converted
        for anomaly in document.doc.anomalies
    ]
    return csv_table(WARNINGS_COLUMNS, rows)


def uses_ocr(manifest: dict[str, Any], layout: dict[str, Any] | None = None) -> bool:
    """Whether a document's text comes from OCR: its manifest says so (a non-empty ``ocr``
    entry, at the top or under ``source``), or its layout JSON does (``ocr``: the pages the OCR
    reader recognised; absent for a PDF with a text layer).

    >>> uses_ocr({"source": {"file": "x.pdf"}}), uses_ocr({"ocr": {"engine": "tesseract"}})
    (False, True)
    >>> uses_ocr({}, {"format": "kamervragen-layout", "ocr": {"engine": "tesseract"}})
    True
    """
    if manifest.get("ocr") or manifest.get("source", {}).get("ocr"):
        return True
    return bool(layout and layout.get("ocr"))


def question_records(converted: Iterable[Converted]) -> list[dict[str, Any]]:
    """Every converted document's question-answer records, in the order given."""
    from kamervragen.exports import qa_records

    return [record for document in converted for record in qa_records(document.doc, document.name)]


def corpus_files(converted: Sequence[Converted], rejected: Sequence[Outcome]) -> dict[str, bytes]:
    """Every corpus file but SHA256SUMS (which needs the files' bytes), by name.

    ``converted`` is taken in name order, so that the same batch gives the same bytes whatever
    order its documents were given in.
    """
    from kamervragen.exports import QUESTIONER_COLUMNS, questioner_records, to_csv
    from kamervragen.writers.index import write_index

    documents = sorted(converted, key=lambda document: document.name)
    records = question_records(documents)
    return {
        INDEX_HTML: write_index(documents, rejected, [*CORPUS_FILES[1:], CHECKSUMS]),
        QUESTIONS_CSV: to_csv(records),
        QUESTIONERS_CSV: to_csv(questioner_records(records), QUESTIONER_COLUMNS),
        WARNINGS_CSV: warnings_csv(documents),
        REJECTED_CSV: rejected_csv(rejected),
    }


def summary(converted: int, rejected: int, with_warnings: int, folder: str) -> str:
    """The last line of a run, as the workflow prints it too: how many documents were converted
    (and how many of them have warnings) and rejected, and where they are listed.

    >>> summary(18, 3, 2, "output")
    '18 converted (2 with warnings, listed in output/warnings.csv), 3 rejected: see output/rejected.csv'
    >>> summary(1, 0, 0, "output")
    '1 converted (0 with warnings), 0 rejected'
    """
    line = f"{converted} converted ({with_warnings} with warnings"
    line += f", listed in {folder}/{WARNINGS_CSV})" if with_warnings else ")"
    line += f", {rejected} rejected"
    return line + (f": see {folder}/{REJECTED_CSV}" if rejected else "")
