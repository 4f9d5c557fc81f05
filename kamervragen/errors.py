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
from pathlib import Path
from typing import ClassVar

log = logging.getLogger("kamervragen")


class KamervragenError(Exception):
    """Base of every error the tool reports to a user.

    The message says *where* (document, page, line) and *what was expected*, for example
    ``28676-navo-verslag-scan.pdf: no text layer (scanned PDF?): none of the 12 pages has
    extractable text; expected a PDF with a text layer``.
    """

    exit_code: ClassVar[int] = 1
    #: The exit code's line in ``--help`` (see :func:`exit_codes_help`); None: not listed.
    summary: ClassVar[str | None] = None
    #: True when the error is a verdict on the input (not a PDF, not a Q&A document, over a
    #: limit, …): in a batch such a file is *rejected*, a normal outcome listed in rejected.csv,
    #: and the other documents' corpus files are still made. False for a failure of the tool
    #: itself (a writer, an intermediate file it made), which keeps the corpus files from being made.
    rejects_input: ClassVar[bool] = False

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

    def format_reason(self) -> str:
        """The message without the document's name: the reason column of rejected.csv."""
        message = ": ".join([*_where(None, self.page, self.line), self.problem])
        if self.expected:
            message += f"; expected {self.expected}"
        return " ".join(message.split())

    def __str__(self) -> str:
        return self.format_message()


class InputError(KamervragenError):
    """The file is not a readable PDF: empty, not a PDF at all, truncated or corrupt."""

    exit_code = 3
    summary = "input is not a readable PDF (empty, not a PDF, truncated or corrupt)"
    rejects_input = True


class EncryptedPdfError(InputError):
    """The PDF is password-protected and cannot be opened without the password."""

    exit_code = 4
    summary = "PDF is password-protected"


class NoTextLayerError(InputError):
    """The PDF has pages but no extractable text (an image-only scan)."""

    exit_code = 5
    summary = "PDF has no text layer (scanned?)"


class LimitExceededError(InputError):
    """Reading the PDF would exceed a resource limit: file size, pages, characters on a page, time
    or memory. Hostile PDFs (decompression bombs, thousands of pages) end here, one line naming the
    limit, the page and the option or config key that raises it (``docs/robustness.md``)."""

    exit_code = 10
    summary = (
        "a read limit exceeded: file size, pages, characters on a page, time or memory\n"
        "(a hostile PDF such as a decompression bomb; see 'kamervragen read --help')"
    )


class LayoutFormatError(KamervragenError):
    """An intermediate file (layout JSON, semantic XML) is malformed or of an unknown version."""

    exit_code = 6
    summary = "intermediate file (layout JSON, semantic XML) malformed or of another version"


class StructureError(KamervragenError):
    """The text has no question/answer structure that the structure step can recognise."""

    exit_code = 7
    summary = "no question/answer structure found"
    rejects_input = True


class RenderError(KamervragenError):
    """A writer failed, or its output did not validate against its schema."""

    exit_code = 8
    summary = "rendering or output validation failed"


class StrictModeError(KamervragenError):
    """A non-fatal anomaly was found while running with ``--strict``."""

    exit_code = 9
    summary = "a warning in --strict mode"
    rejects_input = True  # the user asked for documents without anomalies; this one has some


class InternalError(KamervragenError):
    """An unexpected exception: a bug in kamervragen (or a house-style template), not a fault the
    user can fix in the input. It still costs only its own document: the command reports it as
    one line ``<file>: internal error: <what>`` naming where it happened, removes that document's
    outputs, and writes the traceback to the log (``--log``) for the bug report."""

    exit_code = 11
    summary = (
        "internal error: an unexpected exception, a bug in kamervragen (one line naming the file;\n"
        "the traceback goes to the --log file); it costs only that file"
    )

    @classmethod
    def wrap(cls, exc: BaseException, *, document: str, log_file: str | None) -> InternalError:
        """The one-line error for ``exc`` in ``document``; ``log_file`` holds the traceback."""
        what = " ".join(f"{type(exc).__name__}: {exc}".split())
        if len(what) > MAX_DETAIL:
            what = what[: MAX_DETAIL - 1] + "…"
        where = _origin(exc)
        traceback = (
            f"the traceback is in {log_file}"
            if log_file
            else "run it again with --log FILE to keep the traceback"
        )
        error = cls(
            f"internal error: {what}{f' (at {where})' if where else ''}; this is a bug in "
            f"kamervragen, not in the file: please report it; {traceback}",
            document=document,
        )
        error.__cause__ = exc
        return error


#: How much of an unexpected exception's message goes into the one-line error (the log has it all).
MAX_DETAIL = 200


def _origin(exc: BaseException) -> str | None:
    """Where ``exc`` was raised: the innermost frame in kamervragen's own code or in a template
    (``kamervragen/writers/templating.py:120``, ``templates/document.html:96``), else the last."""
    frames: list[tuple[Path, int]] = []
    trace = exc.__traceback__
    while trace is not None:
        frames.append((Path(trace.tb_frame.f_code.co_filename), trace.tb_lineno))
        trace = trace.tb_next
    # Jinja reports a template's own lines as frames of the template file (templates/*.html, *.xml).
    ours = [
        (path, line)
        for path, line in frames
        if PACKAGE in path.parents or path.suffix in TEMPLATE_SUFFIXES
    ]
    if not (ours or frames):
        return None
    path, line = (ours or frames)[-1]
    shown = path.relative_to(PACKAGE.parent) if PACKAGE in path.parents else Path(*path.parts[-2:])
    return f"{shown.as_posix()}:{line}"


#: The package's folder: frames in it are kamervragen's own code.
PACKAGE = Path(__file__).resolve().parent
TEMPLATE_SUFFIXES = (".html", ".xml")


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


def exit_codes_help() -> str:
    """The exit codes as ``kamervragen --help`` lists them: 0 and 2 (argparse's usage error), then
    each error class's ``summary``, by code.

    >>> print(exit_codes_help().splitlines()[3])
      3  input is not a readable PDF (empty, not a PDF, truncated or corrupt)
    """
    classes: list[type[KamervragenError]] = []
    pending = [KamervragenError]
    while pending:
        cls = pending.pop()
        classes.append(cls)
        pending += cls.__subclasses__()
    lines = ["exit codes:", "  0  success", "  2  usage error (bad arguments)"]
    for cls in sorted(classes, key=lambda cls: cls.exit_code):
        if cls.summary is not None:
            first, *rest = cls.summary.splitlines()
            lines.append(f"{cls.exit_code:>3}  {first}")
            lines += [f"     {line}" for line in rest]
    return "\n".join(lines) + "\n"
