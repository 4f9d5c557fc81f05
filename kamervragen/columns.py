"""Pages set in two columns: where the gutter between them is, from the boxes of the text lines.

Older pages of the Handelingen and the Aanhangsel (before about 2010) are set in two columns
under a title that spans the page. A reader that groups glyphs by their baseline alone reads
straight across the gutter, joining the two columns line by line; the reading order is down the
left column, then down the right one.

:func:`find_gutter` finds the gutter of one page: a vertical strip that no line box crosses over
a band of consecutive lines that holds at least half of the page's line boxes, with enough
lines on either side of it and both columns wide. A page in one column has no such strip (its
lines cross every strip in the middle of the page), nor has a table's page unless it is set in
two columns itself; the boxes beside a label in the margin make no column either (a column is
at least :data:`MIN_COLUMN_WIDTH` of the text width). The reader
(:mod:`kamervragen.readers.pdfium`) cuts its lines at the gutter and orders them column by
column; the text step (:mod:`kamervragen.text`) measures indentation within each column.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

# Each column holds at least this many line boxes beside the gutter.
MIN_COLUMN_LINES = 5
# The band of lines beside the gutter holds at least this share of the page's line boxes.
MIN_BAND = 0.5
# The gutter is at least this many times the font size wide (Handelingen: about 1.5).
MIN_GUTTER = 0.8
# Each column is at least this share of the width of the page's text.
MIN_COLUMN_WIDTH = 0.3
# Lines start at one edge to within this many points (the edges are counted to the point).
EDGE = 1.5
# A full line of the left column ends within this many times the font size of the gutter.
FULL_LINE = 3.0


@dataclass(frozen=True, slots=True)
class Box:
    """A line's (or part of a line's) horizontal extent and its baseline."""

    x0: float
    x1: float
    y: float


@dataclass(frozen=True, slots=True)
class Gutter:
    """The empty strip between two columns, and the band of baselines beside it."""

    left: float  # where the left column's text ends at the widest
    right: float  # where the right column's text starts
    top: float  # the baseline of the first line beside the gutter
    bottom: float  # the baseline of the last one

    @property
    def middle(self) -> float:
        return (self.left + self.right) / 2

    def beside(self, y: float, tolerance: float = 0.5) -> bool:
        """Whether a line on baseline ``y`` lies in the band of the columns."""
        return self.top - tolerance <= y <= self.bottom + tolerance


def find_gutter(boxes: Sequence[Box], size: float, before: Gutter | None = None) -> Gutter | None:
    """The gutter of a page whose line boxes are ``boxes`` (font size ``size``), or None.

    The right column's lines start at one left edge: each edge in the middle of the page that
    several boxes share is tried, with the strip of :data:`MIN_GUTTER` before it as the gutter.
    A box in that strip (a centred page number, a heading across the page) ends a band.

    ``before`` is the gutter of an earlier page of the document: where it was, a page may also
    hold a few lines in each column (the end of a text, set in balanced columns).

    >>> left = [Box(70, 280, 100 + 12 * i) for i in range(8)]
    >>> right = [Box(300, 510, 100 + 12 * i) for i in range(8)]
    >>> find_gutter([Box(70, 510, 80), *left, *right, Box(285, 295, 200)], 10)
    Gutter(left=280, right=300, top=100, bottom=184)
    >>> find_gutter([Box(70, 510, 100 + 12 * i) for i in range(16)], 10) is None
    True
    """
    if len(boxes) < (2 if before is not None else 2 * MIN_COLUMN_LINES):
        return None
    text_left = min(box.x0 for box in boxes)
    text_right = max(box.x1 for box in boxes)
    width = text_right - text_left
    height = max(box.y for box in boxes) - min(box.y for box in boxes)
    if width <= 0 or height <= 0:
        return None
    low = text_left + MIN_COLUMN_WIDTH * width
    high = text_right - MIN_COLUMN_WIDTH * width
    edges = Counter(round(box.x0) for box in boxes if low <= box.x0 <= high)
    tries = [(edge, MIN_COLUMN_LINES) for edge, count in edges.items() if count >= MIN_COLUMN_LINES]
    if before is not None:
        tries.append((round(before.right), 1))
    ordered = sorted(boxes, key=lambda box: (box.y, box.x0))
    best: tuple[int, float, Gutter] | None = None
    for edge, least in tries:
        strip = (edge - EDGE - MIN_GUTTER * size, edge - EDGE)
        for gutter, lines in _bands(ordered, *strip, size, least):
            if lines < MIN_BAND * len(boxes):
                continue
            score = (lines, gutter.right - gutter.left)
            if best is None or score > best[:2]:
                best = (*score, gutter)
    return best[2] if best else None


def _bands(
    ordered: Sequence[Box], strip_left: float, strip_right: float, size: float, least: int
) -> list[tuple[Gutter, int]]:
    """The runs of consecutive boxes that leave the strip empty, with columns on both sides: each
    with at least ``least`` boxes, and as many of the left column's reaching to within a few
    letters of the gutter (a column of text, not a column of short table cells)."""
    runs: list[tuple[Gutter, int]] = []
    run: list[Box] = []

    def close() -> None:
        left = [box for box in run if box.x1 <= strip_left]
        right = [box for box in run if box.x0 >= strip_right]
        if len(left) < least or len(right) < least:
            return
        edge = max(box.x1 for box in left)
        if sum(1 for box in left if box.x1 >= edge - FULL_LINE * size) < least:
            return
        gutter = Gutter(
            left=edge, right=min(box.x0 for box in right), top=run[0].y, bottom=run[-1].y
        )
        runs.append((gutter, len(run)))

    for box in ordered:
        if box.x0 < strip_right and box.x1 > strip_left:
            close()
            run = []
        else:
            run.append(box)
    close()
    return runs
