"""The PDFium reader: a PDF file in, a :class:`~kamervragen.layout.Layout` of styled lines out.

This is the only module that opens PDFs. It uses PDFium (through ``pypdfium2``, Apache-2.0/BSD) rather
than pypdf: on our corpus PDFium's per-character boxes cost 9.8 ms/page against 20.6 ms/page for
pypdf's text visitor, and PDFium reports each glyph's box, font and weight, which the layout analysis
needs (bold headings, raised footnote markers, footnote font sizes).

How a page becomes lines:

1. every character PDFium extracted from the content (not the spaces and line breaks it *generated*)
   is taken with its loose box, baseline and style; PDFium reports a line-end hyphen as U+0002, which is
   turned back into the ``-`` that is printed;
2. characters are grouped by baseline; a short group of small characters just above another line
   (a footnote marker such as the ``1`` in ``motie?1``) joins that line as a *raised* span;
3. within a line, characters are ordered left to right, duplicates drawn on top of each other (fake
   bold) are dropped, and a space is inserted where the gap between two glyphs is wider than
   :data:`SPACE_GAP` of the font size.
"""

from __future__ import annotations

import ctypes
import hashlib
import math
import operator
import time
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from kamervragen import columns
from kamervragen.errors import (
    EncryptedPdfError,
    InputError,
    LimitExceededError,
    NoTextLayerError,
)
from kamervragen.layout import Layout, Line, Link, Page, Source, Span
from kamervragen.limits import DEFAULT_LIMITS, MIB, ReadLimits, out_of_memory, raise_with

__all__ = ["read_pdf"]

# A gap wider than this fraction of the font size between two glyphs' advance boxes is a word space.
# Advance (loose) boxes touch inside a word; a space in a 9-10 pt body font is about 0.28 em.
SPACE_GAP = 0.12
# A gap wider than this many font sizes separates table cells, not words; it is written as a tab.
# (Justified body text stretches word spaces to about 1 em at most.)
CELL_GAP = 1.8
# A line-end hyphen closer than this to its word belongs to it (see _make_line).
HYPHEN_GAP = 0.6
# Two glyphs whose baselines differ by less than this fraction of the font size share a line.
BASELINE_TOLERANCE = 0.3
# A raised marker is at most this fraction of its line's font size ...
RAISED_MAX_SIZE = 0.85
# ... and its baseline is above the line's by at least and at most these fractions of its size.
RAISED_MIN_LIFT = 0.15
RAISED_MAX_LIFT = 0.8
# PDFium reports a hyphen that it recognises as line-end hyphenation as U+0002.
PDFIUM_LINE_END_HYPHEN = 0x02
# Font name parts that mean bold when the font's weight is not reported (e.g. "Univers-Black").
BOLD_NAMES = ("bold", "black", "heavy", "semibold", "demi")
ITALIC_NAMES = ("italic", "oblique")
# PDF font descriptor flags (ISO 32000-1, table 123): bit 7 Italic, bit 19 ForceBold.
FLAG_ITALIC = 1 << 6
FLAG_FORCE_BOLD = 1 << 18


@dataclass(frozen=True, slots=True)
class _Style:
    size: float
    bold: bool
    italic: bool


@dataclass(frozen=True, slots=True)
class _Frame:
    """The crop box's top-left corner in PDF user space: the origin of layout coordinates."""

    left: float
    top: float


@dataclass(slots=True)
class _Char:
    text: str
    x0: float
    x1: float
    baseline: float  # from the top of the page
    style: _Style
    source: int  # identity of the PDF text object the glyph was drawn by
    raised: bool = False


def read_pdf(
    path: Path,
    limits: ReadLimits = DEFAULT_LIMITS,
    options: Mapping[str, object] | None = None,
    *,
    progress: Callable[[int], None] | None = None,
) -> Layout:
    """Read ``path`` into layout lines; raise an :class:`InputError` subclass for bad input.

    ``progress`` is called with each page number before that page is read. One option:
    ``require_text`` (default true) refuses a PDF none of whose pages has text (a scan) with
    :class:`NoTextLayerError`; the OCR reader, which recognises such pages, reads with it false.
    It sets no memory ceiling itself: :func:`kamervragen.readers.read` runs it in the sandbox
    that does.
    """
    name = path.name
    deadline = time.monotonic() + limits.max_seconds
    data = _read_bytes(path, limits)
    _check_pdf_bytes(data, name)
    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if "password" in str(exc).lower():
            raise EncryptedPdfError(
                "password-protected PDF: it cannot be opened without its password",
                document=name,
                expected="a PDF without a user password",
            ) from exc
        if _has_no_pages(data):  # PDFium refuses a document without pages as if it were corrupt
            raise InputError(
                "PDF has no pages", document=name, expected="at least one page"
            ) from exc
        raise InputError(
            f"corrupt PDF: PDFium cannot open it ({exc})", document=name, expected="a valid PDF"
        ) from exc
    page_number: int | None = None
    try:
        page_count = len(document)
        if page_count == 0:
            raise InputError("PDF has no pages", document=name, expected="at least one page")
        if page_count > limits.max_pages:
            raise LimitExceededError(
                f"too many pages: {page_count}, more than the limit of {limits.max_pages}",
                document=name,
                expected=f"at most {limits.max_pages} pages; {raise_with('max_pages')}",
            )
        pages: list[Page] = []
        lines: list[Line] = []
        links: list[Link] = []
        gutters: list[columns.Gutter] = []  # the pages in two columns so far
        for index in range(page_count):
            page_number = index + 1
            if progress is not None:
                progress(page_number)
            if time.monotonic() > deadline:
                raise LimitExceededError(
                    f"time limit of {limits.max_seconds:g} s used up before this page "
                    f"(of {page_count})",
                    document=name,
                    page=page_number,
                    expected=f"a PDF read within {limits.max_seconds:g} s; "
                    + raise_with("max_seconds"),
                )
            try:
                page = document[index]
            except pdfium.PdfiumError as exc:
                raise InputError(
                    f"corrupt page: PDFium cannot load it ({exc})",
                    document=name,
                    page=page_number,
                    expected="a valid page object in the page tree",
                ) from exc
            # Coordinates are made relative to the crop box, the part of the page that is shown
            # (TK PDFs crop an A4 media box to 558 x 771 pt).
            left, bottom, right, top = page.get_cropbox()
            frame = _Frame(left=left, top=top)
            pages.append(
                Page(
                    number=page_number, width=round(right - left, 2), height=round(top - bottom, 2)
                )
            )
            text_page = page.get_textpage()
            try:
                count = pdfium_c.FPDFText_CountChars(text_page.raw)
                if count > limits.max_chars_per_page:
                    raise LimitExceededError(
                        f"too many characters on the page: {count}, more than the limit of "
                        f"{limits.max_chars_per_page}",
                        document=name,
                        page=page_number,
                        expected=f"at most {limits.max_chars_per_page} characters a page; "
                        + raise_with("max_chars_per_page"),
                    )
                lines.extend(_page_lines(text_page, page_number, frame, gutters))
            finally:
                text_page.close()
            links.extend(_page_links(document, page, page_number, frame))
            page.close()
        require_text = (options or {}).get("require_text", True)
        if require_text and not any(line.text.strip() for line in lines):
            raise no_text_layer(name, page_count)
        metadata = document.get_metadata_dict(skip_empty=True)
    except MemoryError as exc:
        raise out_of_memory(name, page_number, limits) from exc
    except pdfium.PdfiumError as exc:
        raise InputError(
            f"corrupt PDF: PDFium failed ({exc})",
            document=name,
            page=page_number,
            expected="a valid PDF",
        ) from exc
    finally:
        document.close()
    source = Source(
        file=name,
        sha256=hashlib.sha256(data).hexdigest(),
        pages=page_count,
        title=_clean_metadata(metadata.get("Title")),
        producer=_clean_metadata(metadata.get("Producer")),
    )
    return Layout(source=source, pages=tuple(pages), lines=tuple(lines), links=tuple(links))


def no_text_layer(name: str, page_count: int, *, ocr: str | None = None) -> NoTextLayerError:
    """The error for a PDF without text. ``ocr``: None when OCR was off (the message is the
    one this reader has always given), ``"none"`` when no page had an image to recognise,
    ``"empty"`` when OCR recognised the pages and found no text in them."""
    problem = f"no text layer (scanned PDF?): none of its {page_count} page(s) has extractable text"
    if ocr is None:
        expected = "a PDF with a text layer; OCR is not part of this tool"
    elif ocr == "none":
        expected = "a PDF with a text layer, or page images to recognise (OCR)"
    else:
        problem += ", and OCR found none in its page images"
        expected = "a PDF with a text layer, or page images with legible text"
    return NoTextLayerError(problem, document=name, expected=expected)


def _has_no_pages(data: bytes) -> bool:
    """Whether pypdf (more lenient here than PDFium) reads the file as a PDF with zero pages."""
    import io
    import logging

    import pypdf

    pypdf_log = logging.getLogger("pypdf")
    level = pypdf_log.level
    pypdf_log.setLevel(logging.CRITICAL)  # its notes on repairs are not for our users
    try:
        return len(pypdf.PdfReader(io.BytesIO(data), strict=False).pages) == 0
    except Exception:  # any failure: it is not a readable PDF with zero pages
        return False
    finally:
        pypdf_log.setLevel(level)


def _read_bytes(path: Path, limits: ReadLimits) -> bytes:
    """The file's bytes, refused before reading when it is larger than the limit."""
    try:
        size = path.stat().st_size
        if size > limits.max_file_size:
            raise LimitExceededError(
                f"file too large: {size / MIB:.1f} MiB, more than the limit of "
                f"{limits.max_file_size / MIB:g} MiB",
                document=path.name,
                expected=f"a PDF of at most {limits.max_file_size / MIB:g} MiB; "
                + raise_with("max_file_size"),
            )
        with path.open("rb") as stream:
            # Read one byte beyond the limit: a file that grows while it is read is refused too.
            data = stream.read(limits.max_file_size + 1)
    except FileNotFoundError as exc:
        raise InputError(
            "file not found", document=str(path), expected="an existing PDF file"
        ) from exc
    except IsADirectoryError as exc:
        raise InputError(
            "is a folder, not a file", document=str(path), expected="a PDF file"
        ) from exc
    except OSError as exc:
        raise InputError(
            f"cannot read file ({exc.strerror})", document=str(path), expected="a readable file"
        ) from exc
    if len(data) > limits.max_file_size:
        raise LimitExceededError(
            f"file too large: more than the limit of {limits.max_file_size / MIB:g} MiB",
            document=path.name,
            expected=f"a PDF of at most {limits.max_file_size / MIB:g} MiB; "
            + raise_with("max_file_size"),
        )
    return data


def _check_pdf_bytes(data: bytes, name: str) -> None:
    """Reject what is plainly not a (complete) PDF before handing it to PDFium, which is lenient."""
    if not data:
        raise InputError("empty file (0 bytes)", document=name, expected="a PDF")
    # ISO 32000-1 §7.5.2: the file starts with "%PDF-"; readers accept it within the first 1024 bytes.
    if b"%PDF-" not in data[:1024]:
        start = data[:16].decode("latin-1")
        raise InputError(
            f"not a PDF (starts with {start!r})",
            document=name,
            expected='a file starting with "%PDF-"',
        )
    # §7.5.5: the last line of the file holds "%%EOF"; a download cut short does not.
    if b"%%EOF" not in data[-2048:]:
        raise InputError(
            f"truncated PDF: no end-of-file marker in its last bytes ({len(data)} bytes read)",
            document=name,
            expected='a complete PDF ending with "%%EOF"',
        )


def _clean_metadata(value: str | None) -> str | None:
    """Document information as one line of text; control characters (invalid in XML) dropped."""
    if value is None:
        return None
    value = "".join(char for char in value if unicodedata.category(char) != "Cc" or char.isspace())
    value = " ".join(value.split())
    return value if value and value != "None" else None


def _page_lines(
    text_page: pdfium.PdfTextPage,
    page_number: int,
    frame: _Frame,
    gutters: list[columns.Gutter] | None = None,
) -> list[Line]:
    """The page's lines in reading order; ``gutters``: those of the pages before in two columns
    (this page's is added when it has one)."""
    chars = _page_chars(text_page, frame)
    groups = _group_by_baseline(chars)
    groups = _attach_raised(groups)
    groups = _column_order(groups, [] if gutters is None else gutters)
    # A group of spaces only (a page whose only "text" is whitespace) makes no line.
    lines = [_make_line(group, page_number) for group in groups if _visible(group)]
    return [line for line in lines if line.text.strip()]


def _column_order(groups: list[list[_Char]], gutters: list[columns.Gutter]) -> list[list[_Char]]:
    """The baseline groups in reading order: on a page set in two columns, each group beside the
    gutter is cut in two and the left column is read before the right one (what spans the page
    above or below the columns stays where it is); a page in one column is left as it is."""
    visible = [group for group in groups if _visible(group)]
    if not visible:
        return groups
    size = _median([_dominant_size(group) for group in visible])
    boxes = [box for group in visible for box in _boxes(group, size)]
    gutter = columns.find_gutter(boxes, size, gutters[-1] if gutters else None)
    if gutter is None:
        return groups
    gutters.append(gutter)
    above: list[list[_Char]] = []
    left: list[list[_Char]] = []
    right: list[list[_Char]] = []
    below: list[list[_Char]] = []
    for group in groups:
        baseline = _baseline(group)
        if not gutter.beside(baseline):
            (above if baseline < gutter.top else below).append(group)
            continue
        left_part = [c for c in group if (c.x0 + c.x1) / 2 < gutter.middle]
        right_part = [c for c in group if (c.x0 + c.x1) / 2 >= gutter.middle]
        left += [left_part] if left_part else []
        right += [right_part] if right_part else []
    return above + left + right + below


def _boxes(group: list[_Char], size: float) -> list[columns.Box]:
    """A group's runs of glyphs, cut where a gap could be a gutter."""
    chars = sorted((c for c in group if c.text.strip()), key=lambda c: c.x0)
    boxes: list[columns.Box] = []
    start = 0
    for index in range(1, len(chars) + 1):
        if index == len(chars) or chars[index].x0 - chars[index - 1].x1 > columns.MIN_GUTTER * size:
            run = chars[start:index]
            boxes.append(columns.Box(run[0].x0, max(c.x1 for c in run), _baseline(group)))
            start = index
    return boxes


def _baseline(group: list[_Char]) -> float:
    return _median([c.baseline for c in group if not c.raised] or [group[0].baseline])


def _visible(group: list[_Char]) -> bool:
    return any(char.text.strip() for char in group)


def _page_chars(text_page: pdfium.PdfTextPage, frame: _Frame) -> list[_Char]:
    # This loop runs once per glyph and dominates the read stage. PDFium's functions are called
    # through prototypes that take plain addresses (see _prototype), the results are read from
    # two small arrays, and PDFium is asked only what it must be asked per glyph.
    raw_page = text_page.raw
    page = ctypes.cast(raw_page, ctypes.c_void_p).value
    count = _count_chars(page)
    box = (ctypes.c_float * 4)()  # FS_RECTF: left, top, right, bottom
    box_address = ctypes.addressof(box)
    origin = (ctypes.c_double * 2)()  # x, y
    origin_x = ctypes.addressof(origin)
    origin_y = origin_x + ctypes.sizeof(ctypes.c_double)
    get_unicode, is_generated = _get_unicode, _is_generated
    get_box, get_origin, text_object_address = _get_loose_box, _get_origin, _text_object_address
    maybe_generated, not_text = _MAYBE_GENERATED, _NOT_TEXT
    left, top = frame.left, frame.top
    styles: dict[int | None, _Style] = {}
    chars: list[_Char] = []
    append = chars.append
    for index in range(count):
        code = get_unicode(page, index)
        # PDFium generates only spaces and line breaks; we infer our own from geometry.
        if code in maybe_generated and is_generated(page, index) == 1:
            continue
        if code == PDFIUM_LINE_END_HYPHEN:
            code = 0x2D  # "-"
        elif code < 0x20 and code != 0x09 or code in not_text:
            continue
        key = text_object_address(page, index)
        style = styles.get(key)
        if style is None:
            style = styles[key] = _text_object_style(_text_object(key), raw_page, index)
        get_box(page, index, box_address)
        get_origin(page, index, origin_x, origin_y)
        append(
            _Char(
                " " if code == 0x09 else chr(code),
                box[0] - left,
                box[2] - left,
                top - origin[1],
                style,
                key or 0,
            )
        )
    return chars


# Codes PDFium may have generated (FPDFText_IsGenerated is asked only for these), and codes that
# are never text: line breaks, noncharacters and NUL.
_MAYBE_GENERATED = frozenset({0x20, 0x0D, 0x0A})
_NOT_TEXT = frozenset({0x0D, 0x0A, 0xFFFE, 0xFFFF})


def _prototype(function: object, result: type | None, *arguments: type) -> Callable[..., Any]:
    """``function`` of pypdfium2.raw with a prototype of plain addresses and integers.

    pypdfium2's own prototypes take typed handles and structure pointers and return typed
    pointers; converting those costs more than PDFium's work for one glyph (on the corpus, the
    four calls per glyph took 3.1 us of Python against 1.3 us through these)."""
    return ctypes.CFUNCTYPE(result, *arguments)(ctypes.cast(function, ctypes.c_void_p).value)


_count_chars = _prototype(pdfium_c.FPDFText_CountChars, ctypes.c_int, ctypes.c_void_p)
_get_unicode = _prototype(
    pdfium_c.FPDFText_GetUnicode, ctypes.c_uint, ctypes.c_void_p, ctypes.c_int
)
_is_generated = _prototype(
    pdfium_c.FPDFText_IsGenerated, ctypes.c_int, ctypes.c_void_p, ctypes.c_int
)
# FS_RECTF* as an address
_get_loose_box = _prototype(
    pdfium_c.FPDFText_GetLooseCharBox, ctypes.c_int, ctypes.c_void_p, ctypes.c_int, ctypes.c_void_p
)
# double* x, double* y as addresses
_get_origin = _prototype(
    pdfium_c.FPDFText_GetCharOrigin,
    ctypes.c_int,
    ctypes.c_void_p,
    ctypes.c_int,
    ctypes.c_void_p,
    ctypes.c_void_p,
)
# The text object as an address: only compared between glyphs (and typed once per object).
_text_object_address = _prototype(
    pdfium_c.FPDFText_GetTextObject, ctypes.c_void_p, ctypes.c_void_p, ctypes.c_int
)


def _text_object(address: int | None) -> object:
    return ctypes.cast(address, pdfium_c.FPDF_PAGEOBJECT) if address else None


def _text_object_style(text_object: object, raw_page: object, index: int) -> _Style:
    if not text_object:
        size = pdfium_c.FPDFText_GetFontSize(raw_page, index)
        return _Style(size=round(size, 2), bold=False, italic=False)
    font_size = ctypes.c_float()
    pdfium_c.FPDFTextObj_GetFontSize(text_object, font_size)
    matrix = pdfium_c.FS_MATRIX()
    pdfium_c.FPDFPageObj_GetMatrix(text_object, matrix)
    # The effective size is the font size times the object's vertical scale (TK PDFs set the font
    # at 1 pt and scale it with the text matrix, so the font size alone says 1.0).
    scale = math.hypot(matrix.c, matrix.d) or 1.0
    size = font_size.value * scale
    font = pdfium_c.FPDFTextObj_GetFont(text_object)
    name = ""
    flags = weight = 0
    if font:
        buffer = ctypes.create_string_buffer(256)
        pdfium_c.FPDFFont_GetBaseFontName(font, buffer, 256)
        name = buffer.value.decode("latin-1").lower()
        flags = pdfium_c.FPDFFont_GetFlags(font)
        weight = pdfium_c.FPDFFont_GetWeight(font)
    bold = weight >= 600 or bool(flags & FLAG_FORCE_BOLD) or any(p in name for p in BOLD_NAMES)
    italic = bool(flags & FLAG_ITALIC) or any(part in name for part in ITALIC_NAMES)
    return _Style(size=round(size, 2), bold=bold, italic=italic)


def _group_by_baseline(chars: list[_Char]) -> list[list[_Char]]:
    """Group characters whose baselines are (nearly) equal; groups sorted top to bottom."""
    groups: list[list[_Char]] = []
    group: list[_Char] = []
    baseline = size = 0.0  # the group's first character's
    for char in sorted(chars, key=_BASELINE_THEN_X):
        char_size = char.style.size
        if group:
            # max(size, char_size), as written out: the larger, the first when neither is
            larger = char_size if char_size > size else size
            if abs(char.baseline - baseline) <= BASELINE_TOLERANCE * larger:
                group.append(char)
                continue
        group = [char]
        groups.append(group)
        baseline, size = char.baseline, char_size
    return groups


_BASELINE_THEN_X = operator.attrgetter("baseline", "x0")
_X_THEN_RAISED = operator.attrgetter("x0", "raised")


def _attach_raised(groups: list[list[_Char]]) -> list[list[_Char]]:
    """Merge a group of small characters sitting just above a line into it, as raised."""
    result: list[list[_Char]] = []
    for index, group in enumerate(groups):
        target = _raised_target(group, groups, index)
        if target is None:
            result.append(group)
            continue
        for char in group:
            char.raised = True
        target.extend(group)
    return result


def _raised_target(group: list[_Char], groups: list[list[_Char]], index: int) -> list[_Char] | None:
    visible = [char for char in group if char.text.strip()]
    # Footnote markers: a few digits, with commas between ("1, 2"), or a symbol such as "*".
    if not visible or len(visible) > 8 or any(c.text.isalpha() for c in visible):
        return None
    small = max(char.style.size for char in visible)
    x0 = min(char.x0 for char in group)
    x1 = max(char.x1 for char in group)
    for other in groups[index + 1 : index + 3]:
        line_size = _dominant_size(other)
        lift = other[0].baseline - group[0].baseline
        if (
            small <= RAISED_MAX_SIZE * line_size
            and 0 < lift <= RAISED_MAX_LIFT * line_size
            # Beside the line: after its text, or hanging left of it (a footnote's own number).
            and min(c.x0 for c in other) - 3 * line_size <= x0
            and x1 <= max(c.x1 for c in other) + 3 * line_size
        ):
            return other
    return None


def _dominant_size(chars: list[_Char]) -> float:
    counts: dict[float, int] = {}
    for char in chars:
        if not char.raised and char.text.strip():
            counts[char.style.size] = counts.get(char.style.size, 0) + 1
    if not counts:
        return max(char.style.size for char in chars)
    return max(counts, key=lambda size: (counts[size], size))


def _make_line(group: list[_Char], page_number: int) -> Line:
    chars = _drop_overprints(sorted(group, key=_X_THEN_RAISED))
    size = _dominant_size(chars)
    # Small glyphs lifted a little above the baseline (within the grouping tolerance) are raised
    # too: WeasyPrint and Word set superscripts only a third of the font size above it.
    small, min_lift = RAISED_MAX_SIZE * size, RAISED_MIN_LIFT * size
    full = [c.baseline for c in chars if c.style.size > small]
    if full:
        baseline = _median(full)
        for char in chars:
            if char.style.size <= small and baseline - char.baseline > min_lift:
                char.raised = True
    spans: list[Span] = []
    text: list[str] = []
    current: tuple[float, bool, bool, bool] | None = None
    previous: _Char | None = None

    def flush() -> None:
        if text and current is not None:
            spans.append(
                Span(
                    text="".join(text),
                    size=current[0],
                    bold=current[1],
                    italic=current[2],
                    raised=current[3],
                )
            )
        text.clear()

    # This loop runs once per glyph: the thresholds are worked out once per line.
    space_gap, cell_gap, hyphen_gap = SPACE_GAP * size, CELL_GAP * size, HYPHEN_GAP * size
    last = len(chars) - 1
    for position, char in enumerate(chars):
        style = char.style
        key = (style.size, style.bold, style.italic, char.raised)
        if key != current:
            flush()
            current = key
        glyph = char.text
        if previous is not None and previous.text != " " and glyph != " ":
            gap = char.x0 - previous.x1
            if gap > cell_gap and not char.raised:
                text.append("\t")
            # Justification can push a line-end hyphenation hyphen away from its word
            # (LibreOffice: "ver -" for "ver-"); a real spaced dash has a space glyph before it.
            elif gap > space_gap and not (position == last and glyph == "-" and gap < hyphen_gap):
                text.append(" ")
        if not (glyph == " " and (previous is None or previous.text == " ")):
            text.append(glyph)
        previous = char
    flush()
    inked = [c for c in chars if c.text.strip()]
    visible = [c for c in inked if not c.raised]
    bold = bool(visible) and all(c.style.bold for c in visible)
    italic = bool(visible) and all(c.style.italic for c in visible)
    baseline = _median([c.baseline for c in chars if not c.raised] or [chars[0].baseline])
    spans = _trim_spans(spans)
    x0 = min(c.x0 for c in inked)
    x1 = max(c.x1 for c in inked)
    return Line(
        page=page_number,
        x=round(x0, 2),
        y=round(baseline, 2),
        width=round(x1 - x0, 2),
        size=size,
        bold=bold,
        italic=italic,
        spans=tuple(spans),
    )


def _drop_overprints(chars: list[_Char]) -> list[_Char]:
    """Drop a glyph drawn again on (nearly) the same spot: some producers fake bold that way.

    The characters of a ligature ("ff" set as one glyph) share one box too, but come from the same
    text object; those are kept.
    """
    kept: list[_Char] = []
    for char in chars:
        if kept and char.text.strip():
            last = kept[-1]
            if (
                last.text == char.text
                and last.source != char.source
                and abs(last.x0 - char.x0) < 0.15 * char.style.size
            ):
                continue
        kept.append(char)
    return kept


def _trim_spans(spans: list[Span]) -> list[Span]:
    """Strip leading and trailing spaces of the line (the layout keeps inner spacing)."""
    while spans and not spans[0].text.strip():
        spans.pop(0)
    while spans and not spans[-1].text.strip():
        spans.pop()
    if spans:
        first, last = spans[0], spans[-1]
        spans[0] = Span(first.text.lstrip(), first.size, first.bold, first.italic, first.raised)
        last = spans[-1]
        spans[-1] = Span(last.text.rstrip(), last.size, last.bold, last.italic, last.raised)
    return spans


def _median(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[len(ordered) // 2]


def _page_links(
    document: pdfium.PdfDocument, page: pdfium.PdfPage, page_number: int, frame: _Frame
) -> list[Link]:
    """URI link annotations of the page, with their rectangles in top-left coordinates."""
    links: list[Link] = []
    position = ctypes.c_int(0)
    link = pdfium_c.FPDF_LINK()
    rect = pdfium_c.FS_RECTF()
    while pdfium_c.FPDFLink_Enumerate(page.raw, ctypes.byref(position), ctypes.byref(link)):
        action = pdfium_c.FPDFLink_GetAction(link)
        if not action or pdfium_c.FPDFAction_GetType(action) != pdfium_c.PDFACTION_URI:
            continue
        length = pdfium_c.FPDFAction_GetURIPath(document.raw, action, None, 0)
        if length <= 1:
            continue
        buffer = ctypes.create_string_buffer(length)
        pdfium_c.FPDFAction_GetURIPath(document.raw, action, buffer, length)
        url = buffer.value.decode("utf-8", errors="replace").strip()
        if not pdfium_c.FPDFLink_GetAnnotRect(link, rect):
            continue
        links.append(
            Link(
                page=page_number,
                x0=round(min(rect.left, rect.right) - frame.left, 2),
                y0=round(frame.top - max(rect.top, rect.bottom), 2),
                x1=round(max(rect.left, rect.right) - frame.left, 2),
                y1=round(frame.top - min(rect.top, rect.bottom), 2),
                url=url,
            )
        )
    return links
