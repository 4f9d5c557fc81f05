"""Test documents made here: small Kamerstukken rendered to PDF with WeasyPrint, and hand-built text.

The PDFs look like the published ones where it matters to the reader and the structure step: a
masthead ("Tweede Kamer der Staten-Generaal", "Vergaderjaar 2023–2024") and the identifier on the
first page, a running header, page numbers, justified text with Dutch automatic hyphenation, bold
title lines and headings, italic passages, and CSS footnotes with raised markers. They are read
back exactly as a real PDF is: ``read_pdf`` -> ``build_text`` -> ``build_document``.
"""

from __future__ import annotations

import html
from pathlib import Path

import pytest

from kamervragen import model
from kamervragen.layout import Layout, Source
from kamervragen.readers.pdfium import read_pdf
from kamervragen.structure import build_document
from kamervragen.text import NoteMarker, Text, TextParagraph, build_text

STYLE = """
@page { size: A4; margin: 2.5cm 2.5cm 3cm;
  @top-center { content: "Tweede Kamer, vergaderjaar 2023–2024, %(running)s"; font-size: 8pt }
  @bottom-center { content: counter(page); font-size: 9pt } }
body { font-family: DejaVu Serif; font-size: 10pt; text-align: justify; hyphens: auto;
  line-height: 1.3 }
p { margin: 0 0 9pt 0 }
.title { font-weight: bold }
h2, h3 { font-size: 10pt; margin: 0 0 6pt 0 }
.fn { float: footnote; font-size: 7.5pt }
::footnote-call { content: counter(footnote); vertical-align: super; font-size: 6pt }
::footnote-marker { content: counter(footnote) " " }
"""


def p(text: str, cls: str | None = None) -> str:
    """One HTML paragraph (text escaped; ``[[note]]`` becomes a CSS footnote)."""
    escaped = html.escape(text)
    if "[[" in escaped:
        before, rest = escaped.split("[[", 1)
        note, after = rest.split("]]", 1)
        escaped = f'{before}<span class="fn">{note}</span>{after}'
    attribute = f' class="{cls}"' if cls else ""
    return f"<p{attribute}>{escaped}</p>"


def masthead(identifier: str) -> list[str]:
    """The first page's masthead and identifier lines (page furniture in a real Kamerstuk)."""
    return [
        p("Tweede Kamer der Staten-Generaal"),
        p("Vergaderjaar 2023–2024"),
        p(identifier),
    ]


def render(body: list[str], path: Path, *, running: str, style: str = "") -> Path:
    """Write the HTML ``body`` parts as a PDF at ``path`` (``style``: CSS added to the house
    style, for other layouts)."""
    weasyprint = pytest.importorskip("weasyprint")
    style = STYLE % {"running": running} + style
    document = (
        f'<html lang="nl"><head><style>{style}</style></head><body>{"".join(body)}</body></html>'
    )
    weasyprint.HTML(string=document).write_pdf(path)
    return path


def read(path: Path) -> tuple[Text, Layout]:
    layout = read_pdf(path)
    return build_text(layout), layout


def build(path: Path) -> model.Document:
    """The document model of a PDF, through every stage a real PDF goes through."""
    text, layout = read(path)
    return build_document(text, layout=layout)


# --- Hand-built running text ------------------------------------------------------------------------

SOURCE = Source(file="constructed.pdf", sha256="c" * 64, pages=2, title=None)


def paragraph(
    text: str,
    line: int,
    *,
    page: int = 1,
    bold: bool = False,
    italic: bool = False,
    note_refs: tuple[NoteMarker, ...] = (),
) -> TextParagraph:
    return TextParagraph(
        text=text,
        page=page,
        lines=(line,),
        bold=bold,
        italic=italic,
        indent=0.0,
        size=10.0,
        note_refs=note_refs,
    )


def text_of(*texts: str | TextParagraph) -> Text:
    """Running text from plain strings (one paragraph each, numbered lines) or paragraphs."""
    paragraphs = tuple(
        item if isinstance(item, TextParagraph) else paragraph(item, index)
        for index, item in enumerate(texts)
    )
    return Text(source=SOURCE, paragraphs=paragraphs, footnotes=(), furniture=())


def texts(blocks: tuple[model.Block, ...]) -> list[str]:
    """The text of each block; a list's items each as ``marker text``."""
    result: list[str] = []
    for block in blocks:
        if isinstance(block, model.ItemList):
            result.extend(f"{item.marker} {item.text}" for item in block.items)
        elif isinstance(block, model.Heading | model.Paragraph):
            result.append(block.text)
        else:
            result.append(repr(block))
    return result
