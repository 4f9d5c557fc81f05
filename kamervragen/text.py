"""From layout lines to running text: paragraphs in reading order, and footnotes.

:func:`build_text` removes page furniture (running headers and footers, page numbers, the first-page
masthead and the identifier/ISSN block of Tweede Kamer PDFs), separates footnotes from the body, joins
lines into paragraphs (also across page breaks), repairs line-end hyphenation and takes footnote markers
out of the text, recording where they stood. :func:`render_txt` writes the ``<name>.txt`` form.

Conservation: every layout line index is accounted for exactly once, either in a paragraph
(:attr:`Paragraph.lines`), a footnote (:attr:`Footnote.lines`) or :attr:`Text.furniture`.
"""

from __future__ import annotations

from dataclasses import dataclass

from kamervragen.layout import Source


@dataclass(frozen=True, slots=True)
class NoteRef:
    """A footnote marker: footnote ``number`` is referenced right after ``text[:offset]``."""

    offset: int
    number: int


@dataclass(frozen=True, slots=True)
class WebLink:
    """``text[start:end]`` is the visible text of a link to ``url`` (from a link annotation)."""

    start: int
    end: int
    url: str


@dataclass(frozen=True, slots=True)
class Paragraph:
    """One paragraph of body text.

    ``text`` is whitespace-normalised (single spaces), hyphenation repaired, footnote markers removed.
    """

    text: str
    page: int  # page of the first line (1-based)
    lines: tuple[int, ...]  # indices into Layout.lines, in reading order
    bold: bool  # every line bold: a heading
    italic: bool
    indent: float  # x of the first line minus the page's body margin, in points (answers: ~28)
    size: float  # dominant font size
    note_refs: tuple[NoteRef, ...] = ()
    links: tuple[WebLink, ...] = ()

    @property
    def line(self) -> int:
        return self.lines[0]


@dataclass(frozen=True, slots=True)
class Footnote:
    number: int
    text: str  # without its leading number
    page: int
    lines: tuple[int, ...]
    links: tuple[WebLink, ...] = ()


@dataclass(frozen=True, slots=True)
class Text:
    source: Source
    paragraphs: tuple[Paragraph, ...]
    footnotes: tuple[Footnote, ...]
    furniture: tuple[int, ...]  # layout line indices removed as page furniture


def marked_text(paragraph: Paragraph) -> str:
    """The paragraph's text with each footnote marker written as ``[n]`` where it stood."""
    parts: list[str] = []
    position = 0
    for ref in sorted(paragraph.note_refs, key=lambda ref: ref.offset):
        parts.append(paragraph.text[position : ref.offset])
        parts.append(f"[{ref.number}]")
        position = ref.offset
    parts.append(paragraph.text[position:])
    return "".join(parts)


def render_txt(text: Text) -> str:
    """The ``<name>.txt`` form: paragraphs separated by one blank line, then ``[n] footnote``."""
    blocks = [marked_text(paragraph) for paragraph in text.paragraphs]
    blocks += [f"[{note.number}] {note.text}" for note in text.footnotes]
    return "\n\n".join(blocks) + "\n"
