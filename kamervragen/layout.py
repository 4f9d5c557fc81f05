"""The layout intermediate: what the reader saw on each page, as lines of styled text.

This is ``<name>.layout.json``, the boundary between PDF parsing (slow, library-specific) and everything
after it (pure Python, testable without PDFs). Its format is versioned: ``format`` is always
``"kamervragen-layout"`` and ``version`` is :data:`LAYOUT_VERSION`; a reader of another version refuses it.

Coordinates are PDF points with the origin at the **top-left** of the page (y grows downwards), so lines
sort in reading order by ``(page, y, x)``. ``y`` is the line's baseline. A line is one run of text on one
baseline; a *raised* span (a superscript footnote marker such as the ``1`` in ``motie?1``) belongs to the
line whose baseline it sits above.

Every line the reader found stays in the file. A line removed as page furniture (a running header,
a page number, the masthead …) says why in ``furniture`` (one of :data:`FURNITURE_REASONS`), and
the top-level ``furniture`` object sums the removed lines and characters per reason; the text step
reads everything else as body text (:mod:`kamervragen.furniture` decides, :mod:`kamervragen.text`
proves that nothing is lost).

Example (abridged)::

    {"format": "kamervragen-layout", "version": 2,
     "source": {"file": "ah-tk-20232024-1481.pdf", "sha256": "…", "pages": 3, "title": "…", "producer": "…"},
     "pages": [{"number": 1, "width": 558.4, "height": 771.0}],
     "lines": [{"page": 1, "x": 221.1, "y": 468.9, "width": 301.2, "size": 9.0, "bold": false,
                "italic": false, "text": "betreffende motie?1",
                "spans": [{"text": "betreffende motie?", "size": 9.0, "bold": false, "italic": false,
                           "raised": false},
                          {"text": "1", "size": 5.5, "bold": false, "italic": false, "raised": true}]},
               {"page": 2, "x": 70.9, "y": 737.0, …,
                "text": "Tweede Kamer, vergaderjaar 2023–2024, Aanhangsel 2", "spans": […],
                "furniture": "running-footer"}],
     "links": [{"page": 5, "x0": 70.9, "y0": 700.1, "x1": 520.0, "y1": 709.0, "url": "https://…"}],
     "furniture": {"running-footer": {"lines": 2, "characters": 102}}}
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, fields
from typing import Any

from kamervragen.errors import LayoutFormatError

LAYOUT_FORMAT = "kamervragen-layout"
# Version 2 records page furniture (``lines[].furniture`` and the ``furniture`` summary).
LAYOUT_VERSION = 2

# Why a line is page furniture rather than text (docs/formats.md):
FURNITURE_REASONS = (
    "masthead",  # first page: "Tweede Kamer der Staten-Generaal", "Vergaderjaar …", the large numbers
    "imprint",  # the identifier/ISSN/place-and-year block: "kst-28676-359", "ISSN 0921 - 7371", …
    "running-header",  # repeated at the top of most pages, its numbers counting the pages
    "running-footer",  # the same at the foot, or "Tweede Kamer, vergaderjaar …, Aanhangsel 2"
    "page-number",  # a page number standing alone: "3", "- 3 -", "pagina 3 van 12", "3/12"
)


@dataclass(frozen=True, slots=True)
class Span:
    """A run of characters in one style on one line."""

    text: str
    size: float  # effective font size in points (font size times the text matrix scale)
    bold: bool
    italic: bool
    raised: bool  # superscript: smaller and above the line's baseline (footnote markers)


@dataclass(frozen=True, slots=True)
class Line:
    page: int  # 1-based
    x: float  # left edge
    y: float  # baseline, from the top of the page
    width: float
    size: float  # the dominant (most characters) non-raised font size
    bold: bool  # every non-space character is bold
    italic: bool  # every non-space character is italic
    spans: tuple[Span, ...]
    furniture: str | None = None  # why the line is page furniture (FURNITURE_REASONS); None: text

    @property
    def text(self) -> str:
        # Asked for often (the text step reads each line's text many times): a list joins faster.
        return "".join([span.text for span in self.spans])

    @property
    def right(self) -> float:
        return self.x + self.width


@dataclass(frozen=True, slots=True)
class Link:
    """A URI link annotation: its rectangle (top-left origin) and target."""

    page: int
    x0: float
    y0: float
    x1: float
    y1: float
    url: str


@dataclass(frozen=True, slots=True)
class Page:
    number: int
    width: float
    height: float


@dataclass(frozen=True, slots=True)
class Source:
    file: str  # the PDF's file name (no directory)
    sha256: str
    pages: int
    title: str | None = None
    producer: str | None = None


@dataclass(frozen=True, slots=True)
class OcrPage:
    """One page whose text came from OCR, and how sure the engine was of it."""

    number: int
    confidence: float | None  # mean word confidence, 0-100; None when not known (existing layer)
    words: int


@dataclass(frozen=True, slots=True)
class OcrInfo:
    """Which pages' text came from OCR, and from what.

    ``method`` is ``"recognised"`` when this reader recognised the page images, or ``"text layer"``
    when the PDF already carried an invisible OCR text layer (as digitised archives make), read as
    it is; ``engine`` and ``version`` then name the PDF's producer, as far as it says.
    """

    method: str
    engine: str
    version: str | None
    language: str | None
    pages: tuple[OcrPage, ...]


@dataclass(frozen=True, slots=True)
class Removed:
    """What was removed as page furniture for one reason: how many lines, how many characters
    (of the lines' ``text``, spaces included)."""

    lines: int
    characters: int


@dataclass(frozen=True, slots=True)
class Layout:
    source: Source
    pages: tuple[Page, ...]
    lines: tuple[Line, ...]
    links: tuple[Link, ...]
    ocr: OcrInfo | None = None  # None: every page's text is the PDF's own, not OCR
    # Whether the lines have been through :func:`kamervragen.furniture.find_furniture` (a reader's
    # raw output has not; a layout file always has).
    furniture_found: bool = False

    def furniture(self) -> dict[str, Removed]:
        """Lines and characters removed as page furniture, per reason, in the order of
        :data:`FURNITURE_REASONS` (reasons with nothing removed left out)."""
        counts: dict[str, list[int]] = {}
        for line in self.lines:
            if line.furniture is not None:
                count = counts.setdefault(line.furniture, [0, 0])
                count[0] += 1
                count[1] += len(line.text)
        return {
            reason: Removed(*counts[reason]) for reason in FURNITURE_REASONS if reason in counts
        }

    def to_json(self) -> str:
        if not self.furniture_found:
            # A file without the furniture decided would be read back as all body text.
            raise ValueError("layout written before kamervragen.furniture.find_furniture")
        data: dict[str, Any] = {
            "format": LAYOUT_FORMAT,
            "version": LAYOUT_VERSION,
            "source": asdict(self.source),
            "pages": [asdict(page) for page in self.pages],
            "lines": [_line_to_dict(line) for line in self.lines],
            "links": [asdict(link) for link in self.links],
            "furniture": {reason: asdict(count) for reason, count in self.furniture().items()},
        }
        if self.ocr is not None:  # absent for a digital PDF, whose file stays as it was
            data["ocr"] = asdict(self.ocr)
        return json.dumps(data, ensure_ascii=False, indent=1) + "\n"

    @classmethod
    def from_json(cls, text: str, *, document: str | None = None) -> Layout:
        try:
            data = json.loads(text)
            if data.get("format") != LAYOUT_FORMAT or data.get("version") != LAYOUT_VERSION:
                raise LayoutFormatError(
                    f"not a layout file of version {LAYOUT_VERSION} "
                    f"(format {data.get('format')!r}, version {data.get('version')!r})",
                    document=document,
                    expected=f'"format": "{LAYOUT_FORMAT}", "version": {LAYOUT_VERSION}',
                )
            layout = cls(
                source=Source(**data["source"]),
                pages=tuple(Page(**page) for page in data["pages"]),
                lines=tuple(_line_from_dict(line) for line in data["lines"]),
                links=tuple(Link(**link) for link in data["links"]),
                ocr=_ocr_from_dict(data["ocr"]) if data.get("ocr") is not None else None,
                furniture_found=True,
            )
            summary = {reason: asdict(count) for reason, count in layout.furniture().items()}
            if data["furniture"] != summary:
                raise ValueError(
                    f"the furniture summary {data['furniture']} is not that of the lines, {summary}"
                )
            return layout
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            raise LayoutFormatError(
                f"malformed layout file ({exc})", document=document, expected="layout JSON"
            ) from exc


# What asdict(span) holds, without its deep copy (a span's values are strings, numbers and
# booleans): a page has a few hundred spans.
_SPAN_FIELDS = tuple(field.name for field in fields(Span))


def _line_to_dict(line: Line) -> dict[str, Any]:
    data = {
        "page": line.page,
        "x": round(line.x, 2),
        "y": round(line.y, 2),
        "width": round(line.width, 2),
        "size": round(line.size, 2),
        "bold": line.bold,
        "italic": line.italic,
        # The text is stored for people reading the file; the spans are the source of truth.
        "text": line.text,
        "spans": [
            {**{name: getattr(span, name) for name in _SPAN_FIELDS}, "size": round(span.size, 2)}
            for span in line.spans
        ],
    }
    if line.furniture is not None:
        data["furniture"] = line.furniture
    return data


def _line_from_dict(data: dict[str, Any]) -> Line:
    furniture = data.get("furniture")
    if furniture is not None and furniture not in FURNITURE_REASONS:
        raise ValueError(f"unknown furniture reason {furniture!r} (known: {FURNITURE_REASONS})")
    return Line(
        page=data["page"],
        x=data["x"],
        y=data["y"],
        width=data["width"],
        size=data["size"],
        bold=data["bold"],
        italic=data["italic"],
        spans=tuple(Span(**span) for span in data["spans"]),
        furniture=furniture,
    )


def _ocr_from_dict(data: dict[str, Any]) -> OcrInfo:
    return OcrInfo(
        method=data["method"],
        engine=data["engine"],
        version=data["version"],
        language=data["language"],
        pages=tuple(OcrPage(**page) for page in data["pages"]),
    )
