"""What a document becomes: one table of its output files.

Each entry names a format (``kamervragen convert --formats``), its file name ending, media type
and description (the manifest lists both), the step that makes it, and for the formats written
from the document model, the writer. The table drives ``convert``, the manifest's media types and
the command line's choices; ``tests/test_outputs.py`` holds it to the workflow's suffix lists
(``DOCUMENT_SUFFIXES`` in ``rules/common.smk``, ``--formats`` in ``rules/chunked.smk``).

A new output format is a writer ``(doc, options) -> bytes`` in a module of its own and one entry
here (and, for the workflow, a rule that calls ``kamervragen render <name>``).

Writers are imported only when used: ``import weasyprint`` alone costs about a second per process,
which a job that renders HTML or Akoma Ntoso should not pay.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from kamervragen.layout import LAYOUT_VERSION

if TYPE_CHECKING:
    from kamervragen import model

#: The pipeline step that makes an output (each is one subcommand of the command line).
Step = Literal["read", "structure", "render", "export", "manifest"]


@dataclass(frozen=True, slots=True)
class WriteOptions:
    """What a writer may need besides the document; each writer reads the fields that are its own.

    ``name`` is the document's name (its files are ``<name>.*``); ``None``: the source PDF's
    name without ``.pdf``. ``attachments`` are the PDF writer's associated files, as
    ``(file name, bytes, relationship)``: the semantic XML as ``Source`` and, for instance, the
    Akoma Ntoso as ``Alternative``.
    """

    name: str | None = None
    attachments: Sequence[tuple[str, bytes, str]] = field(default=())

    def document_name(self, doc: model.Document) -> str:
        if self.name is not None:
            return self.name
        source = doc.metadata.source_file
        return source[: -len(".pdf")] if source.lower().endswith(".pdf") else source


NO_OPTIONS = WriteOptions()

Writer = Callable[["model.Document", WriteOptions], bytes]


@dataclass(frozen=True, slots=True)
class Output:
    """One entry of :data:`OUTPUTS`."""

    name: str  # the format's name: ``convert --formats``, ``render``/``export`` choices
    suffix: str  # the file is <name><suffix>
    media_type: str
    description: str  # what the file is, as the manifest says
    step: Step
    # The writer, as (module, function), for outputs written from the document model; None for
    # what an earlier step makes (the layout and text of the read step, the semantic XML) and
    # for the manifest, which is made from the other files.
    writer: tuple[str, str] | None = None

    def write(self) -> Writer:
        """The writer function (its module imported now)."""
        if self.writer is None:
            raise KeyError(f"{self.name} is made by the {self.step} step, not by a writer")
        module, function = self.writer
        writer: Writer = getattr(importlib.import_module(module), function)
        return writer


#: Every output of a document. The PDF embeds the semantic XML and the Akoma Ntoso (made for it
#: when not chosen); the manifest lists the others.
OUTPUTS: dict[str, Output] = {
    output.name: output
    for output in (
        Output(
            "layout",
            ".layout.json",
            "application/json",
            f"kamervragen layout lines, version {LAYOUT_VERSION}",
            "read",
        ),
        Output("txt", ".txt", "text/plain; charset=utf-8", "text in reading order", "read"),
        Output(
            "xml",
            ".xml",
            "application/xml",
            "kamervragen semantic XML (urn:kamervragen:semantic:1)",
            "structure",
        ),
        Output(
            "html",
            ".html",
            "text/html; charset=utf-8",
            "HTML5, self-contained",
            "render",
            ("kamervragen.writers.html", "write_html"),
        ),
        Output(
            "pdf",
            ".pdf",
            "application/pdf",
            "PDF/A-3u",
            "render",
            ("kamervragen.writers.pdf", "write_pdf"),
        ),
        Output(
            "akn",
            ".akn.xml",
            "application/akn+xml",
            "Akoma Ntoso 3.0",
            "render",
            ("kamervragen.writers.akn", "write_akn"),
        ),
        Output(
            "qa",
            ".qa.jsonl",
            "application/jsonl",
            "questions and answers, JSON Lines (docs/exports.md)",
            "export",
            ("kamervragen.exports", "write_qa"),
        ),
        Output(
            "manifest", ".manifest.json", "application/json", "kamervragen manifest", "manifest"
        ),
    )
}


def names(step: Step) -> list[str]:
    """The formats made by ``step``, in table order: e.g. the choices of ``kamervragen render``."""
    return [output.name for output in OUTPUTS.values() if output.step == step]
