"""Page furniture: which layout lines are not the document's text, and why.

:func:`find_furniture` marks each line of a :class:`~kamervragen.layout.Layout` that is page furniture
with its reason (:data:`~kamervragen.layout.FURNITURE_REASONS`); every other line is text. It works on
layout lines only (position, size, text), so the lines of every reader, PDFium's or OCR's, go through
the same rules. The marked lines stay in the layout file: what was removed, and why, can always be
checked, and :func:`kamervragen.text.check_text_conservation` proves that text plus furniture is all
the text on the pages.

A line is furniture when one of these holds, in this order:

1. **never** when a document family reads it as a structural label ("Vraag 2", "Antwoord 4",
   "Antwoord op vraag 3", "1. Antwoord van het kabinet", a fractie heading: the families' ``LABELS``),
   wherever it stands on the page;
2. ``masthead``: on the first page, "Tweede Kamer der Staten-Generaal", "Vergaderjaar 2023–2024 …",
   the Aanhangsel's masthead title, and numbers set much larger than the text (the "2" of the logo,
   the document number);
3. ``imprint``: the identifier/ISSN/imprint block ("kst-28676-359", "ISSN 0921 - 7371", "’s-Gravenhage
   2021"), as one block: a line of identifier shape set in the ISSN line's column right above or
   below it belongs to it ("kst-28676");
4. ``running-header`` / ``running-footer``: the Tweede/Eerste Kamer running line ("Tweede Kamer,
   vergaderjaar 2023–2024, Aanhangsel 2") in the top or bottom band of the page, or as its first or
   last line (some producers set it just inside the band);
5. ``page-number``: a number standing alone in the band ("3", "- 3 -", "pagina 3 van 12", "3/12")
   whose value is the page's number plus the document's offset, at the height where the other page
   numbers stand, on more than half of the pages (in a document of one or two pages, its page's own
   number is enough);
6. ``running-header`` / ``running-footer`` by repetition: a line in the band whose text (digits
   aside) recurs in the same band on more than half of the pages (so on both pages of a document
   of two, never in a document of one), whose digits either stay the same on every page or count
   the pages, and which stands at the page's edge on each of them (only furniture above a header,
   below a footer); a question (a line ending in "?") never is one.

Rules 5 and 6 are why a label at the top of consecutive pages ("Antwoord 2" on page 2, "Antwoord 4"
on page 3) stays text even without rule 1: its number does not count the pages.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from collections.abc import Sequence
from functools import cache

from kamervragen import patterns
from kamervragen.layout import Layout, Line

# Lines in the top or bottom band of this fraction of the page height can be running furniture.
FURNITURE_BAND = 0.08
# A page height for a line whose page is not listed (A4).
DEFAULT_PAGE_HEIGHT = 842.0
# Masthead numbers (the logo's "2", the document number) are set this much larger than the text.
MASTHEAD_NUMBER_SIZE = 1.3
# Lines of one imprint block share their left (or right) edge to this many points, and follow each
# other at most this many times their font size apart.
IMPRINT_ALIGNMENT = 3.0
IMPRINT_SPACING = 2.5
# Page numbers stand at the same height on every page, to this many points.
PAGE_NUMBER_ALIGNMENT = 3.0


def find_furniture(layout: Layout) -> Layout:
    """``layout`` with every page-furniture line marked with its reason (module docstring).

    A layout whose furniture was already found (a layout file) is returned as it is: its record is
    what the text step reads.
    """
    if layout.furniture_found:
        return layout
    reasons = _reasons(layout)
    lines = tuple(
        dataclasses.replace(line, furniture=reasons[index]) if index in reasons else line
        for index, line in enumerate(layout.lines)
    )
    return dataclasses.replace(layout, lines=lines, furniture_found=True)


def describe(layout: Layout) -> str:
    """One line for the log: what was removed as furniture, per reason.

    ``"furniture removed: 6 lines (150 characters): masthead 3 lines (60), page-number 3 lines (3)"``
    """
    removed = layout.furniture()
    lines = sum(count.lines for count in removed.values())
    characters = sum(count.characters for count in removed.values())
    parts = [
        f"{reason} {count.lines} lines ({count.characters})" for reason, count in removed.items()
    ]
    return f"furniture removed: {lines} lines ({characters} characters)" + (
        ": " + ", ".join(parts) if parts else ""
    )


@cache
def _labels() -> tuple[re.Pattern[str], ...]:
    # Imported here, not at the top: the family modules read the text step's types, and the text
    # step calls this module.
    from kamervragen.families import FAMILIES

    modules = dict.fromkeys(family.reader() for family in FAMILIES.values())
    return tuple(label for module in modules for label in module.LABELS)


def is_structural_label(text: str) -> bool:
    """Whether some family reads this line (whitespace collapsed) as a label: never furniture.

    >>> is_structural_label("Antwoord 4"), is_structural_label("1. Antwoord van het kabinet")
    (True, True)
    >>> is_structural_label("Verslag schriftelijk overleg NAVO (28676)")
    False
    """
    return any(pattern.match(text) for pattern in _labels())


def is_label_line(text: str) -> bool:
    """Whether the whole line (whitespace collapsed) is a label: a paragraph of its own.

    >>> is_label_line("Antwoord:"), is_label_line("Vraag 12"), is_label_line("Vraag 1 Kent u …?")
    (True, True, False)
    >>> is_label_line("antwoord op vraag 1.")
    False
    """
    # A label opens with a capital (or its number): "antwoord op vraag 1." ending a line of
    # running text is a reference, not a label.
    if not (text[:1].isupper() or text[:1].isdigit()):
        return False
    return any(pattern.fullmatch(text) for pattern in _labels())


def _reasons(layout: Layout) -> dict[int, str]:
    lines = layout.lines
    heights = {page.number: page.height for page in layout.pages}
    texts = [" ".join(line.text.split()) for line in lines]
    body_size = _body_size(lines)
    # The first and the last line of each page (a running line may sit just inside the band).
    edges = {
        index
        for index in range(len(lines))
        if index == 0 or lines[index - 1].page != lines[index].page
    }
    edges |= {
        index
        for index in range(len(lines))
        if index == len(lines) - 1 or lines[index + 1].page != lines[index].page
    }
    reasons: dict[int, str] = {}
    page_numbers: list[int] = []
    repeated: dict[tuple[str, str], list[int]] = {}
    for index, (line, text) in enumerate(zip(lines, texts, strict=True)):
        side = _band(line, heights.get(line.page, DEFAULT_PAGE_HEIGHT))
        if line.page == 1 and _is_masthead(line, text, body_size):
            reason: str | None = "masthead"
        elif (
            patterns.PUBLICATION_IDENTIFIER.match(text)
            or patterns.ISSN.match(text)
            or patterns.IMPRINT.match(text)
        ):
            reason = "imprint"
        elif patterns.RUNNING_FOOTER.match(text) and (side is not None or index in edges):
            reason = _running(side or _half(line, heights))
        elif side is not None:
            reason = "band"
        else:
            continue  # a line in the text area of a page: text
        if is_structural_label(text):
            continue  # whatever it looks like, a label is text
        if reason != "band":
            reasons[index] = reason
        elif patterns.PAGE_NUMBER.match(text):
            page_numbers.append(index)
        elif side is not None and not text.endswith("?"):
            # Running headers repeat; their text is compared with the digits taken out. (A
            # question is text, however formulaic: "Hoeveel … in 2023 …?" on page after page.)
            repeated.setdefault((side, re.sub(r"\d+", "#", text)), []).append(index)
    reasons.update(_imprint_block(lines, texts, reasons))
    page_count = max(len(layout.pages), 1)
    reasons.update(_page_numbers(lines, texts, page_numbers, heights, page_count))
    candidates = {
        key: indices
        for key, indices in repeated.items()
        # "Most pages": more than half of them, and at least two.
        if 2 * len(pages := {lines[index].page for index in indices}) > page_count
        and len(pages) >= 2
        and _counts_pages(lines, texts, indices)
    }
    # A running line stands at the page's edge: nothing but furniture above a header or below a
    # footer. (A header of two lines is found line by line, from the edge inwards.)
    on_page: dict[int, list[int]] = {}
    for index, line in enumerate(lines):
        on_page.setdefault(line.page, []).append(index)
    found = True
    while found:
        found = False
        for (side, key), indices in list(candidates.items()):
            if all(_at_edge(lines, on_page, index, side, reasons) for index in indices):
                for index in indices:
                    reasons[index] = _running(side)
                del candidates[(side, key)]
                found = True
    return reasons


def _at_edge(
    lines: Sequence[Line],
    on_page: dict[int, list[int]],
    index: int,
    side: str,
    reasons: dict[int, str],
) -> bool:
    """Whether every line between this one and its page's top (or foot) edge is furniture."""
    line = lines[index]
    return all(
        other in reasons
        for other in on_page[line.page]
        if other != index
        and (lines[other].y < line.y if side == "top" else lines[other].y > line.y)
    )


def _body_size(lines: Sequence[Line]) -> float:
    """The font size of most characters."""
    sizes: Counter[float] = Counter()
    for line in lines:
        sizes[round(line.size, 1)] += sum(len(span.text) for span in line.spans)
    return sizes.most_common(1)[0][0] if sizes else 10.0


def _band(line: Line, height: float) -> str | None:
    """``"top"`` or ``"bottom"`` when the line is in the band where running furniture stands."""
    if line.y < FURNITURE_BAND * height:
        return "top"
    if line.y > (1 - FURNITURE_BAND) * height:
        return "bottom"
    return None


def _half(line: Line, heights: dict[int, float]) -> str:
    return "top" if line.y < heights.get(line.page, DEFAULT_PAGE_HEIGHT) / 2 else "bottom"


def _running(side: str) -> str:
    return "running-header" if side == "top" else "running-footer"


def _is_masthead(line: Line, text: str, body_size: float) -> bool:
    if (
        patterns.MASTHEAD_CHAMBER.match(text)
        or patterns.MASTHEAD_SESSION.match(text)
        or patterns.MASTHEAD_AANHANGSEL.match(text)
    ):
        return True
    # The large "2" of the Tweede Kamer logo and the document number ("1481") above the text.
    return text.isdigit() and line.size > MASTHEAD_NUMBER_SIZE * body_size


def _imprint_block(
    lines: Sequence[Line], texts: Sequence[str], reasons: dict[int, str]
) -> dict[int, str]:
    """Lines of identifier shape in the ISSN line's column right above or below it.

    The identifier can be set over two lines or in a form the identifier pattern does not know
    ("kst-28676" above "ISSN 0921 - 7371" and "’s-Gravenhage 2021"); it is still part of the block.
    """
    found: dict[int, str] = {}
    for anchor, text in enumerate(texts):
        if not patterns.ISSN.match(text):
            continue
        line = lines[anchor]
        column = sorted(
            (
                index
                for index, other in enumerate(lines)
                if other.page == line.page
                and (
                    abs(other.x - line.x) <= IMPRINT_ALIGNMENT
                    or abs(other.right - line.right) <= IMPRINT_ALIGNMENT
                )
            ),
            key=lambda index: lines[index].y,
        )
        position = column.index(anchor)
        for step in (-1, 1):
            previous = anchor
            cursor = position + step
            while 0 <= cursor < len(column):
                index = column[cursor]
                gap = abs(lines[index].y - lines[previous].y)
                if gap > IMPRINT_SPACING * max(lines[index].size, lines[previous].size):
                    break
                if index not in reasons and not patterns.IDENTIFIER_PART.match(texts[index]):
                    break
                found[index] = "imprint"
                previous = index
                cursor += step
    return {index: reason for index, reason in found.items() if index not in reasons}


def _page_numbers(
    lines: Sequence[Line],
    texts: Sequence[str],
    candidates: Sequence[int],
    heights: dict[int, float],
    page_count: int,
) -> dict[int, str]:
    """The candidates that number the pages: in one band and at one height, each its page's number
    plus one offset (a document printed as pages 5–8 of a larger one has offset 4).

    The numbering must show on more than half of the pages, and on two at least, except in a
    document of one or two pages, where a number that is its page's own ("2" on page 2) is enough.
    A question number standing alone at a page's top or foot ("3" on page 5, "5" under the text of
    page 3) does not fit, and stays text.
    """
    keyed: dict[int, tuple[str | None, int]] = {}
    for index in candidates:
        line = lines[index]
        found = re.search(r"\d+", texts[index])
        if found is not None:
            side = _band(line, heights.get(line.page, DEFAULT_PAGE_HEIGHT))
            keyed[index] = (side, int(found.group()) - line.page)
    pages_of: dict[tuple[str | None, int], set[int]] = {}
    for index, key in keyed.items():
        pages_of.setdefault(key, set()).add(lines[index].page)
    if not pages_of:
        return {}
    # The (band, offset) on most pages; on a tie, the one where the number is the page's own.
    best = max(pages_of, key=lambda key: (len(pages_of[key]), key[1] == 0))
    numbered = len(pages_of[best])
    if not (numbered >= 2 and 2 * numbered > page_count) and not (page_count <= 2 and best[1] == 0):
        return {}
    chosen = [index for index, key in keyed.items() if key == best]
    # Page numbers stand at one height on every page; a number elsewhere is text.
    heights_used = Counter(round(lines[index].y) for index in chosen)
    usual = heights_used.most_common(1)[0][0]
    return {
        index: "page-number"
        for index in chosen
        if abs(lines[index].y - usual) <= PAGE_NUMBER_ALIGNMENT
    }


def _counts_pages(lines: Sequence[Line], texts: Sequence[str], indices: Sequence[int]) -> bool:
    """Whether the digits of these repeated lines behave as page numbers: each group of digits is
    the same on every page, or is the page's number plus one offset."""
    numbers = [[int(found) for found in re.findall(r"\d+", texts[index])] for index in indices]
    for position in range(len(numbers[0])):
        values = {row[position] for row in numbers}
        if len(values) == 1:
            continue
        offsets = {
            row[position] - lines[index].page for row, index in zip(numbers, indices, strict=True)
        }
        if len(offsets) != 1:
            return False
    return True
