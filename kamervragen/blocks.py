"""From running-text paragraphs to model blocks with inline content.

The structure step decides *what* a paragraph is (a label, a question, an answer); this module
builds *its content*: footnote references at their exact offsets, web links, references to other
parliamentary documents, direct questions ("… ?") marked inside question blocks, list items with
their printed markers, and table rows. Nothing here adds or drops a character of the text, which
:func:`kamervragen.structure.check_conservation` verifies for the whole document.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from kamervragen import model, patterns
from kamervragen.references import find_references
from kamervragen.text import NoteMarker, TextParagraph

# Abbreviations whose full stop does not end a sentence (Dutch parliamentary usage).
ABBREVIATIONS = frozenset(
    {
        "o.a", "m.b.t", "c.s", "bijv", "d.d", "jl", "nr", "nrs", "art", "e.d", "i.p.v", "t.a.v",
        "m.i.v", "z.g", "mr", "dr", "drs", "ir", "prof", "ca", "resp", "vs", "e.a", "enz", "etc",
        "zgn", "m.n", "t.b.v", "i.v.m", "n.a.v", "o.b.v", "p", "blz", "cq", "ms", "zr", "zr.ms",
        "dhr", "mevr", "mw", "min", "st", "incl", "excl", "evt", "t/m", "a.s", "d.w.z", "i.c",
    }
)  # fmt: skip
# A sentence ends at ".", "?" or "!" (and any closing quotes or brackets after it) before a space.
SENTENCE_END = re.compile(r"[.?!…][’”»)\]'\"]*(?=\s|$)")


@dataclass(frozen=True, slots=True)
class _Span:
    start: int
    end: int
    item: model.WebLink | model.DocLink


def inline(
    paragraph: TextParagraph, *, asks: bool = False, start: int = 0
) -> tuple[model.Inline, ...]:
    """The paragraph's text (from ``start``) as inline content.

    Footnote references stand at their exact offsets, web links and document references wrap
    their text, and with ``asks`` each direct question is wrapped in :class:`model.Ask`. A
    reference right after a question's "?" follows the question rather than ending it.
    """
    text = paragraph.text
    spans = [span for span in _spans(paragraph) if span.start >= start]
    refs = sorted(
        (ref for ref in paragraph.note_refs if ref.offset >= start), key=lambda ref: ref.offset
    )
    ask_ranges = []
    if asks:
        for a, b in question_sentences(text):
            crossing = any(
                s.start < b and a < s.end and not (a <= s.start and s.end <= b) for s in spans
            )
            if a >= start and not crossing:
                ask_ranges.append((a, b))

    def content(a: int, b: int, *, last: bool) -> list[model.Inline]:
        """Inline content of text[a:b]; references at offset b only for the last segment."""
        events: list[tuple[int, int, _Span | NoteMarker]] = [
            (ref.offset, 1, ref)
            for ref in refs
            if a <= ref.offset < b or (last and ref.offset == b)
        ]
        events += [(span.start, 0, span) for span in spans if a <= span.start and span.end <= b]
        result: list[model.Inline] = []
        position = a
        for offset, _, event in sorted(events, key=lambda item: (item[0], item[1])):
            if isinstance(event, _Span):
                _append(result, text[position : event.start])
                result.append(event.item)
                position = event.end
            else:
                _append(result, text[position:offset])
                result.append(model.NoteRef(event.number))
                position = offset
        _append(result, text[position:b])
        return result

    result: list[model.Inline] = []
    position = start
    for a, b in ask_ranges:
        result += content(position, a, last=False)
        result.append(model.Ask(_canonical(content(a, b, last=False))))
        position = b
    result += content(position, len(text), last=True)
    return _canonical(result)


def _spans(paragraph: TextParagraph) -> list[_Span]:
    text = paragraph.text
    spans = [
        _Span(link.start, link.end, model.WebLink(url=link.url, text=text[link.start : link.end]))
        for link in paragraph.links
    ]
    for found in find_references(text):
        if not any(found.start < s.end and s.start < found.end for s in spans):
            spans.append(_Span(found.start, found.end, model.DocLink(found.ref)))
    for match in URL_IN_TEXT.finditer(text):
        if not any(match.start() < s.end and s.start < match.end() for s in spans):
            url = match.group(0)
            href = url if url.lower().startswith("http") else f"https://{url}"
            spans.append(_Span(match.start(), match.end(), model.WebLink(url=href, text=url)))
    return sorted(spans, key=lambda span: span.start)


# A web address printed in the text without a link annotation: "https://nos.nl/artikel/…",
# "www.volkskrant.nl/…". It ends before trailing punctuation and closing brackets.
URL_IN_TEXT = re.compile(r"(?:https?://|www\.)[^\s<>«»\"]+?(?=[.,;:!?)\]’”»]*(?:\s|$))", re.I)


def _append(result: list[model.Inline], run: str) -> None:
    if run:
        result.append(run)


def _canonical(items: list[model.Inline]) -> tuple[model.Inline, ...]:
    """No empty runs, no two runs side by side (the model's invariant)."""
    merged: list[model.Inline] = []
    for item in items:
        if isinstance(item, str):
            if not item:
                continue
            if merged and isinstance(merged[-1], str):
                merged[-1] = merged[-1] + item
                continue
        merged.append(item)
    return tuple(merged)


def question_sentences(text: str) -> list[tuple[int, int]]:
    """The ``(start, end)`` of every sentence ending in a question mark.

    >>> text = "Zij delen de zorgen. Kan de minister dit toelichten? Zo ja, wanneer?"
    >>> [text[a:b] for a, b in question_sentences(text)]
    ['Kan de minister dit toelichten?', 'Zo ja, wanneer?']
    """
    sentences: list[tuple[int, int]] = []
    start = 0
    for match in SENTENCE_END.finditer(text):
        end = match.end()
        word = text[: match.start()].rsplit(" ", 1)[-1].lower().lstrip("(«‘“")
        if match.group(0)[0] == "." and (word in ABBREVIATIONS or len(word) == 1):
            continue  # "o.a.", "c.s.", an initial
        following = text[end:].lstrip()
        if following and not (following[0].isupper() or following[0] in "(«‘“'\"-–•0123456789"):
            continue  # "(…) en" continues the sentence
        sentences.append((start, end))
        start = end
        while start < len(text) and text[start] == " ":
            start += 1
    if start < len(text):
        sentences.append((start, len(text)))
    result = []
    for a, b in sentences:
        sentence = text[a:b].rstrip("’”»)]'\"")
        if sentence.endswith("?"):
            result.append((a, a + len(sentence)))
    return result


def heading(paragraph: TextParagraph) -> model.Heading:
    return model.Heading(inline(paragraph), page=paragraph.page, line=paragraph.line)


def paragraph_block(paragraph: TextParagraph, *, asks: bool = False) -> model.Paragraph:
    return model.Paragraph(inline(paragraph, asks=asks), page=paragraph.page, line=paragraph.line)


# A list item's marker and the kind of list it makes. The item text follows after one space.
_MARKERS: tuple[tuple[model.ListKind, re.Pattern[str]], ...] = (
    ("bullet", re.compile(r"^[•·▪◦●○■□]\s")),
    ("dash", re.compile(r"^[–—-]\s")),
    ("number", re.compile(r"^\(?\d{1,2}[.)]\s")),
    ("letter", re.compile(r"^\(?[a-z][.)]\s")),
)


def list_marker(paragraph: TextParagraph) -> tuple[model.ListKind, str] | None:
    """The list kind and printed marker if the paragraph is a list item: ``("bullet", "•")``."""
    if not patterns.LIST_MARKER.match(paragraph.text):
        return None
    for kind, pattern in _MARKERS:
        match = pattern.match(paragraph.text)
        if match:
            return kind, match.group(0).rstrip()
    return None


def build_blocks(
    paragraphs: Sequence[TextParagraph], *, asks: bool = False
) -> tuple[model.Block, ...]:
    """Paragraphs as blocks: runs of list items become one list, runs of table rows one table.

    Numbered items ("1. …") only make a list when at least two follow each other; a lone "1." is
    an ordinary paragraph (a verslag numbers its answers that way).
    """
    blocks: list[model.Block] = []
    index = 0
    while index < len(paragraphs):
        paragraph = paragraphs[index]
        if paragraph.table:
            rows = []
            first = paragraph
            while index < len(paragraphs) and paragraphs[index].table:
                rows.append(table_row(paragraphs[index]))
                index += 1
            blocks.append(model.Table(tuple(rows), page=first.page, line=first.line))
            continue
        found = list_marker(paragraph)
        if found:
            kind = found[0]
            items = []
            run = index
            while (
                run < len(paragraphs)
                and (marker := list_marker(paragraphs[run]))
                and (marker[0] == kind)
            ):
                items.append(list_item(paragraphs[run], marker[1], asks=asks))
                run += 1
            if kind in ("bullet", "dash") or len(items) >= 2:
                blocks.append(model.ItemList(kind, tuple(items)))
                index = run
                continue
        blocks.append(paragraph_block(paragraph, asks=asks))
        index += 1
    return tuple(blocks)


def list_item(paragraph: TextParagraph, marker: str, *, asks: bool = False) -> model.ListItem:
    start = len(marker) + 1  # the marker and the one space after it
    return model.ListItem(
        marker=marker,
        content=inline(paragraph, asks=asks, start=start),
        page=paragraph.page,
        line=paragraph.line,
    )


def table_row(paragraph: TextParagraph) -> tuple[tuple[model.Inline, ...], ...]:
    """A table row paragraph ("a | b | c") as its cells."""
    return tuple((cell,) if cell else () for cell in paragraph.text.split(" | "))
