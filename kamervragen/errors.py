"""Errors and warnings: one base exception that knows how to present itself.

Every failure a user can cause (a bad PDF, a document that is not a Q&A document, a strict-mode
warning) is a :class:`KamervragenError` subclass with its own exit code. The CLI catches only these and
prints :meth:`KamervragenError.format_message` as one line on stderr; anything else is a bug and keeps
its traceback. Anomalies that are not fatal are :class:`Anomaly` warnings with a position; ``--strict``
turns them into :class:`StrictModeError`.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import ClassVar

log = logging.getLogger("kamervragen")


class KamervragenError(Exception):
    """Base of every error the tool reports to a user.

    The message says *where* (document, page, line) and *what was expected*, for example
    ``28676-navo-verslag-scan.pdf: no text layer (scanned PDF?): none of the 12 pages has
    extractable text; expected a PDF with a text layer``.
    """

    exit_code: ClassVar[int] = 1

    def __init__(
        self,
        problem: str,
        *,
        document: str | None = None,
        page: int | None = None,
        line: int | None = None,
        expected: str | None = None,
    ) -> None:
        super().__init__(problem)
        self.problem = problem
        self.document = document
        self.page = page
        self.line = line
        self.expected = expected

    def with_document(self, document: str) -> KamervragenError:
        """Name the document (file name) if the raising code did not know it."""
        if self.document is None:
            self.document = document
        return self

    def format_message(self) -> str:
        message = ": ".join([*_where(self.document, self.page, self.line), self.problem])
        if self.expected:
            message += f"; expected {self.expected}"
        # One line, always: the message is read in a terminal and grepped in logs.
        return " ".join(message.split())

    def __str__(self) -> str:
        return self.format_message()


class InputError(KamervragenError):
    """The file is not a readable PDF: empty, not a PDF at all, truncated or corrupt."""

    exit_code = 3


class EncryptedPdfError(InputError):
    """The PDF is password-protected and cannot be opened without the password."""

    exit_code = 4


class NoTextLayerError(InputError):
    """The PDF has pages but no extractable text (an image-only scan)."""

    exit_code = 5


class LimitExceededError(InputError):
    """Reading the PDF would exceed a resource limit: file size, pages, characters on a page, time
    or memory. Hostile PDFs (decompression bombs, thousands of pages) end here, one line naming the
    limit, the page and the option or config key that raises it (``docs/robustness.md``)."""

    exit_code = 10


class LayoutFormatError(KamervragenError):
    """An intermediate file (layout JSON, semantic XML) is malformed or of an unknown version."""

    exit_code = 6


class StructureError(KamervragenError):
    """The text has no question/answer structure that the structure step can recognise."""

    exit_code = 7


class RenderError(KamervragenError):
    """A writer failed, or its output did not validate against its schema."""

    exit_code = 8


class StrictModeError(KamervragenError):
    """A non-fatal anomaly was found while running with ``--strict``."""

    exit_code = 9


@dataclass(frozen=True, slots=True)
class Anomaly:
    """A non-fatal oddity in a document, with its position (pandoc's ``LogMessage``)."""

    code: str  # stable, kebab-case, e.g. "unreferenced-footnote"
    message: str
    page: int | None = None
    line: int | None = None

    def format(self, document: str | None = None) -> str:
        where = _where(document, self.page, self.line)
        return ": ".join([*where, f"warning [{self.code}] {self.message}"])


def _where(document: str | None, page: int | None, line: int | None) -> list[str]:
    """The position parts of a message: ``["x.pdf", "page 3, line 12"]``."""
    where = [document] if document else []
    if page is not None:
        where.append(f"page {page}" + (f", line {line}" if line is not None else ""))
    return where


def report(anomalies: list[Anomaly], *, document: str, strict: bool) -> None:
    """Log every anomaly as a warning; in strict mode the first one becomes an error."""
    for anomaly in anomalies:
        log.warning(anomaly.format(document))
    if strict and anomalies:
        first = anomalies[0]
        raise StrictModeError(
            f"{first.message} [{first.code}] (strict mode; {len(anomalies)} warning(s) in all)",
            document=document,
            page=first.page,
            line=first.line,
        )
