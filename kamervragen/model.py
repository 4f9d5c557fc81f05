"""The document model: what the structure step builds and every writer reads.

A :class:`Document` is metadata, a sequence of blocks in reading order, the footnotes and the
anomalies found while building it. Block and inline types are small frozen dataclasses, so a
writer dispatches on the type (``isinstance``) and never on a string tag.
:mod:`kamervragen.semantic_xml` is their one serialiser and parser; a round trip through it gives
an equal ``Document``.

Inline content is a tuple of text runs (plain ``str``), :class:`NoteRef` and :class:`WebLink`, in
reading order. Invariant (kept by :func:`kamervragen.structure.build_document` and by the XML
parser): no empty text run and no two text runs side by side, so the XML form of inline content
is unique.

This foundation has headings and paragraphs only; question/answer types join :data:`Block` later.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from kamervragen.errors import Anomaly

__all__ = [
    "Anomaly",
    "Block",
    "Document",
    "Family",
    "Footnote",
    "Heading",
    "Inline",
    "Metadata",
    "NoteRef",
    "Paragraph",
    "WebLink",
    "plain_text",
]

#: Which kind of parliamentary document this is, guessed from its text (see ``structure``).
Family = Literal["verslag", "aanhangsel", "unknown"]
FAMILIES: tuple[Family, ...] = ("verslag", "aanhangsel", "unknown")


@dataclass(frozen=True, slots=True)
class Metadata:
    source_file: str  # the PDF's file name, no directory
    sha256: str  # of the PDF's bytes
    pages: int
    title: str | None  # the PDF's own title (document information), if it has one
    family: Family
    # As printed in the document, when visible: the dossier number for Kamerstukken ("28676"),
    # "ah-tk-20232024-1481" for an Aanhangsel van de Handelingen. Never derived from the file name.
    identifier: str | None = None


@dataclass(frozen=True, slots=True)
class NoteRef:
    """A footnote marker, at the exact position in the running text where it stood."""

    number: int


@dataclass(frozen=True, slots=True)
class WebLink:
    """Text that links to a web address (from a link annotation in the PDF)."""

    url: str
    text: str


Inline = str | NoteRef | WebLink


def plain_text(content: tuple[Inline, ...]) -> str:
    """The visible text of inline content, without footnote markers."""
    return "".join(
        item if isinstance(item, str) else item.text if isinstance(item, WebLink) else ""
        for item in content
    )


@dataclass(frozen=True, slots=True)
class Heading:
    content: tuple[Inline, ...]
    page: int | None = None  # provenance: page of the first line (1-based)
    line: int | None = None  # provenance: index of the first line in the layout

    @property
    def text(self) -> str:
        return plain_text(self.content)


@dataclass(frozen=True, slots=True)
class Paragraph:
    content: tuple[Inline, ...]
    page: int | None = None  # provenance: page of the first line (1-based)
    line: int | None = None  # provenance: index of the first line in the layout

    @property
    def text(self) -> str:
        return plain_text(self.content)


Block = Heading | Paragraph


@dataclass(frozen=True, slots=True)
class Footnote:
    number: int
    content: tuple[str | WebLink, ...]  # a footnote holds no footnote references
    page: int | None = None  # provenance, as for blocks
    line: int | None = None

    @property
    def text(self) -> str:
        return plain_text(self.content)


@dataclass(frozen=True, slots=True)
class Document:
    metadata: Metadata
    blocks: tuple[Block, ...]
    footnotes: tuple[Footnote, ...] = ()
    anomalies: tuple[Anomaly, ...] = ()

    @property
    def title(self) -> str:
        """The best title we have: the PDF's title, else the first heading, else the file name."""
        if self.metadata.title:
            return self.metadata.title
        for block in self.blocks:
            if isinstance(block, Heading) and block.text:
                return block.text
        return self.metadata.source_file

    def footnote(self, number: int) -> Footnote | None:
        """The footnote with this number, or None when the document has none (a dangling ref)."""
        for note in self.footnotes:
            if note.number == number:
                return note
        return None
