"""The OCR reader: a page without a text layer, rendered and recognised by Tesseract, as layout lines.

A scanned page becomes the same :class:`~kamervragen.layout.Line` objects a digital page gives, so
that nothing after the reader knows the difference (except :class:`~kamervragen.layout.OcrInfo`,
which says which pages were recognised and how confidently):

1. PDFium renders the page at :data:`RENDER_DPI` in greyscale (a 150-dpi scan is upscaled, which
   Tesseract needs: it is trained on text of about 20-30 pixels x-height); the number of pixels is
   checked against the limit *before* anything is allocated, for the page and for every image on it;
2. the ``tesseract`` command (Debian's Tesseract 5 with its Dutch model) recognises it and writes hOCR
   with character boxes; several pages are recognised at once, one single-threaded Tesseract process
   each, as many as the job's threads (``--threads``);
3. the page's skew is measured from Tesseract's line baselines, and every box is rotated back, so
   that indentation and line positions mean what they mean on a digital page;
4. Tesseract's lines become layout lines: lines on one baseline in different blocks (a dossier number
   in the margin beside the title) are joined with a tab, as the digital reader does, unless the blocks
   are columns side by side, which are read one after the other; a small digit raised above the
   baseline becomes a *raised* span (a footnote marker);
5. the font size of a line comes from its x-height; sizes are snapped to the document's few sizes
   (body, footnotes, headings), so that noise in the measurement does not split paragraphs;
6. bold is measured from the ink: the stroke width of each word relative to its x-height, against the
   document's typical stroke (Tesseract 5's LSTM engine does not report fonts).

Why Tesseract through its command line and hOCR, measured against the alternatives, is in
``docs/robustness.md`` ("OCR") and the notes of the change that added this module.
"""

from __future__ import annotations

import ctypes
import functools
import math
import os
import re
import shutil
import subprocess
import threading
from collections import Counter
from collections.abc import Callable, Iterator, Mapping, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from kamervragen.errors import InputError, LimitExceededError, NoTextLayerError
from kamervragen.layout import Layout, Line, OcrInfo, OcrPage, Span
from kamervragen.limits import DEFAULT_LIMITS, ReadLimits, raise_with

# The engine and its language: Tesseract's Dutch model (Debian package tesseract-ocr-nld).
TESSERACT = "tesseract"
LANGUAGE = "nld"
# Pages are rendered at this resolution for recognition (pixels per inch).
RENDER_DPI = 300
# Tesseract runs single-threaded: pages in parallel make better use of the cores than OpenMP
# threads inside one page (which also oversubscribe the cores Snakemake gave the job).
_TESSERACT_ENV = {"OMP_THREAD_LIMIT": "1"}
# A page whose mean word confidence is below this gets a warning.
LOW_CONFIDENCE = 80.0

# The x-height of the text faces of parliamentary papers (Univers, DejaVu, Liberation) is about
# 0.53 of the font size; cap height and digit height about 0.72. Used to turn a measured x-height
# into the font size the digital reader reports.
X_HEIGHT = 0.53
CAP_HEIGHT = 0.72
# Letters whose box is their x-height (no ascender, no descender).
_X_LETTERS = frozenset("acemnorsuvwxz")
_CAP_LETTERS = frozenset("ABCDEFGHIKLMNOPRSTUVWXYZ0123456789")
# Line sizes within this fraction of each other are one size of the document.
SIZE_CLUSTER = 0.08
# A word whose stroke, relative to its x-height, is this much heavier than the document's typical
# stroke is bold. Measured on words of five or more letters of the public and rasterised scans:
# roman words reach 1.15, bold ones start at 1.28 (Liberation Sans Bold; DejaVu, Univers at 1.4).
BOLD_STROKE = 1.22
BOLD_STROKE_SHORT = 1.3
# A gap wider than this many font sizes between two words is written as a tab (as the digital
# reader does: table cells, a margin label before the text column).
CELL_GAP = 1.8
# Lines of different Tesseract blocks whose baselines differ by less than this fraction of the
# font size are one line.
BASELINE_TOLERANCE = 0.35
# A character whose bottom is above the baseline by this fraction of the x-height, and that is
# smaller than a digit of the line, is raised (a footnote marker).
RAISED_LIFT = 0.3
RAISED_HEIGHT = 0.85


@dataclass(frozen=True, slots=True)
class OcrSettings:
    """The reader's options: ``mode`` ``auto`` (recognise the pages without text) or ``force``
    (every page, its text layer ignored); ``threads``: pages recognised at once. (``off`` is the
    PDFium reader alone.)"""

    mode: str = "auto"
    threads: int = 1

    @classmethod
    def from_options(cls, options: Mapping[str, object] | None) -> OcrSettings:
        options = options or {}
        mode = str(options.get("mode", "auto"))
        threads = options.get("threads", 1)
        if mode not in ("auto", "force"):
            raise ValueError(f"OCR mode {mode!r}: expected auto or force")
        return cls(mode=mode, threads=max(int(threads), 1))  # type: ignore[call-overload]


# --- The reader ------------------------------------------------------------------------------------


def read_pdf(
    path: Path,
    limits: ReadLimits = DEFAULT_LIMITS,
    options: Mapping[str, object] | None = None,
    *,
    progress: Callable[[int], None] | None = None,
) -> Layout:
    """Read ``path`` with PDFium, and recognise the pages that need it (see the module docstring).

    ``options``: ``mode`` (``auto``: the pages that have no text and do draw something, a page
    image; ``force``: every page, its text layer ignored) and ``threads`` (pages recognised at
    once). A page whose text comes from OCR is listed in :attr:`Layout.ocr` with its mean word
    confidence; a PDF with no such page reads exactly as with the PDFium reader alone.
    """
    import pypdfium2 as pdfium

    from kamervragen.readers import pdfium as pdfium_reader
    from kamervragen.readers.isolation import extend_time

    settings = OcrSettings.from_options(options)
    layout = pdfium_reader.read_pdf(path, limits, {"require_text": False}, progress=progress)
    name = path.name
    with_text = {line.page for line in layout.lines if line.text.strip()}
    document = pdfium.PdfDocument(path.read_bytes())
    try:
        # An OCR text layer made before (a scanner's, an archive's): read as it is, and said.
        layered = (
            [index for index in range(len(document)) if _ocr_text_layer(document, index)]
            if settings.mode == "auto" and with_text
            else []
        )
        indices = [
            index
            for index in range(len(document))
            if settings.mode == "force"
            or (index + 1 not in with_text and _has_graphics(document, index))
        ]
        if indices:
            version = engine_version()
            # Recognition takes seconds a page: the time limit grows by the limit per page.
            extend_time(len(indices) * limits.max_ocr_seconds_per_page / settings.threads)
            found = ocr_pages(
                _render(document, indices, name, limits),
                name=name,
                limits=limits,
                threads=settings.threads,
                progress=progress,
            )
        else:
            found = []
    finally:
        document.close()
    if layered and not found:
        words: Counter[int] = Counter()
        for line in layout.lines:
            words[line.page] += len(line.text.split())
        producer = layout.source.producer
        info = OcrInfo(
            method="text layer",
            engine=producer or "unknown (an invisible text layer over the page image)",
            version=None,
            language=None,
            pages=tuple(OcrPage(index + 1, None, words[index + 1]) for index in layered),
        )
        layout = replace(layout, ocr=info)
    if found:
        recognised = {page.number for page in found}
        by_page = layout_lines(found)
        lines = [line for line in layout.lines if line.page not in recognised]
        for page_lines in by_page.values():
            lines.extend(page_lines)
        lines.sort(key=lambda line: line.page)  # stable: each page keeps its reading order
        counted = [page for page in found if page.words]
        info = OcrInfo(
            method="recognised",
            engine="Tesseract",
            version=version,
            language=LANGUAGE,
            pages=tuple(
                OcrPage(number=page.number, confidence=page.confidence, words=page.words)
                for page in counted
            ),
        )
        # A page turned a quarter to read it has its lines in the turned frame: so has its size.
        quarter = {page.number for page in found if page.turned in (90, 270)}
        pages = tuple(
            replace(page, width=page.height, height=page.width) if page.number in quarter else page
            for page in layout.pages
        )
        layout = replace(layout, pages=pages, lines=tuple(lines), ocr=info if counted else None)
    if not any(line.text.strip() for line in layout.lines):
        # Nothing to recognise (blank pages, whitespace only): refused as the PDFium reader does.
        raise pdfium_reader.no_text_layer(
            name, layout.source.pages, ocr="empty" if found else "none"
        )
    return layout


def _has_graphics(document: Any, index: int) -> bool:
    """Whether the page draws anything but text (a page image, paths): a page without text and
    without graphics is blank, and is not worth recognising."""
    import pypdfium2.raw as pdfium_c

    page = document[index]
    try:
        return any(
            pdfium_c.FPDFPageObj_GetType(item) != pdfium_c.FPDF_PAGEOBJ_TEXT
            for item in _page_objects(page.raw)
        )
    finally:
        page.close()


def _ocr_text_layer(document: Any, index: int) -> bool:
    """Whether the page is a page image under invisible text (PDF text render mode 3, which OCR
    tools such as Tesseract and OCRmyPDF write, the latter inside a form XObject): its text is
    OCR text."""
    import pypdfium2.raw as pdfium_c

    page = document[index]
    try:
        kinds = list(_flat_objects(_page_objects(page.raw)))
        texts = [item for kind, item in kinds if kind == pdfium_c.FPDF_PAGEOBJ_TEXT]
        return (
            bool(texts)
            and any(kind == pdfium_c.FPDF_PAGEOBJ_IMAGE for kind, _ in kinds)
            and all(
                pdfium_c.FPDFTextObj_GetTextRenderMode(item)
                == pdfium_c.FPDF_TEXTRENDERMODE_INVISIBLE
                for item in texts
            )
        )
    finally:
        page.close()


def _flat_objects(objects: Iterator[Any], depth: int = 0) -> Iterator[tuple[int, Any]]:
    """(type, object) of the page's objects, those inside form XObjects included."""
    import pypdfium2.raw as pdfium_c

    for item in objects:
        kind = pdfium_c.FPDFPageObj_GetType(item)
        if kind == pdfium_c.FPDF_PAGEOBJ_FORM and depth < 8:
            inner = (
                pdfium_c.FPDFFormObj_GetObject(item, index)
                for index in range(pdfium_c.FPDFFormObj_CountObjects(item))
            )
            yield from _flat_objects(inner, depth + 1)
        else:
            yield kind, item


def _page_objects(raw: Any) -> Iterator[Any]:
    import pypdfium2.raw as pdfium_c

    for index in range(pdfium_c.FPDFPage_CountObjects(raw)):
        yield pdfium_c.FPDFPage_GetObject(raw, index)


def _image_sizes(objects: Iterator[Any], depth: int = 0) -> Iterator[tuple[int, int]]:
    """Pixel sizes of the images on a page (and inside its form XObjects), from their
    dictionaries: nothing is decoded."""
    import pypdfium2.raw as pdfium_c

    width, height = ctypes.c_uint(), ctypes.c_uint()
    for item in objects:
        kind = pdfium_c.FPDFPageObj_GetType(item)
        if kind == pdfium_c.FPDF_PAGEOBJ_IMAGE:
            if pdfium_c.FPDFImageObj_GetImagePixelSize(item, width, height):
                yield width.value, height.value
        elif kind == pdfium_c.FPDF_PAGEOBJ_FORM and depth < 8:
            inner = (
                pdfium_c.FPDFFormObj_GetObject(item, index)
                for index in range(pdfium_c.FPDFFormObj_CountObjects(item))
            )
            yield from _image_sizes(inner, depth + 1)


def _render(
    document: Any, indices: Sequence[int], name: str, limits: ReadLimits
) -> Iterator[tuple[PageImage, Any]]:
    """Each page to recognise as a greyscale image of its crop box (the digital reader's frame),
    refused before rendering when it or an image on it has too many pixels."""
    scale = RENDER_DPI / 72
    for index in indices:
        page = document[index]
        try:
            left, bottom, right, top = page.get_cropbox()
            check_pixels(
                name,
                index + 1,
                (right - left) * scale,
                (top - bottom) * scale,
                list(_image_sizes(_page_objects(page.raw))),
                limits,
            )
            bitmap = page.render(scale=scale, grayscale=True)
            picture = bitmap.to_pil()
            if picture.mode != "L":
                picture = picture.convert("L")
            bitmap.close()
        finally:
            page.close()
        pgm = b"P5\n%d %d\n255\n" % picture.size + picture.tobytes()
        yield PageImage(index + 1, picture.size[0], picture.size[1], pgm, scale), picture


# --- The engine ------------------------------------------------------------------------------------


@functools.cache
def engine_version() -> str:
    """Tesseract's version ("5.3.0"); :class:`NoTextLayerError` (exit code 5) when Tesseract or
    its Dutch model is missing: the PDF's text cannot be had."""
    if shutil.which(TESSERACT) is None:
        raise NoTextLayerError(
            "OCR needed but Tesseract is not installed",
            expected="the tesseract command with its Dutch model (Debian: tesseract-ocr, "
            "tesseract-ocr-nld; 'make run' installs them), or ocr: off",
        )
    result = subprocess.run(
        [TESSERACT, "--version"], capture_output=True, text=True, check=False, timeout=60
    )
    match = re.search(r"tesseract\s+v?(\d+\.\d+\.\d+\S*)", result.stdout + result.stderr)
    languages = subprocess.run(
        [TESSERACT, "--list-langs"], capture_output=True, text=True, check=False, timeout=60
    )
    if LANGUAGE not in languages.stdout.split():
        raise NoTextLayerError(
            f"OCR needed but Tesseract has no model for language {LANGUAGE!r}",
            expected="Tesseract's Dutch model (Debian: tesseract-ocr-nld), or ocr: off",
        )
    return match.group(1) if match else "unknown"


# --- Rendering -------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PageImage:
    """A rendered page: greyscale pixels as a binary PGM (what Tesseract reads on stdin)."""

    number: int
    width: int
    height: int
    pgm: bytes
    scale: float  # pixels per PDF point


def check_pixels(
    name: str,
    page_number: int,
    width: float,
    height: float,
    images: Sequence[tuple[int, int]],
    limits: ReadLimits,
) -> None:
    """Refuse a page whose rendering, or one of whose images, would exceed the pixel limit.

    Done before anything is rendered or decoded: a 100,000 x 100,000 pixel image is refused
    from its dictionary, not allocated.
    """
    sizes = [(round(width), round(height), f"page image at {RENDER_DPI} dpi")]
    sizes += [(w, h, "embedded image") for w, h in images]
    for w, h, what in sizes:
        if w * h > limits.max_ocr_pixels:
            raise LimitExceededError(
                f"{what} of {w} x {h} pixels, more than the limit of "
                f"{limits.max_ocr_pixels:,} pixels for OCR",
                document=name,
                page=page_number,
                expected=f"at most {limits.max_ocr_pixels:,} pixels a page; "
                + raise_with("max_ocr_pixels"),
            )


# --- Recognition -----------------------------------------------------------------------------------


def recognise(image: PageImage, *, name: str, limits: ReadLimits) -> bytes:
    """Tesseract's hOCR (with character boxes) of one page image."""
    options = [
        "--psm",
        "3",  # automatic page segmentation (columns, blocks), no orientation detection
        "-c",
        "hocr_char_boxes=1",
        "-c",
        "tessedit_do_invert=0",  # our pages have no white-on-black text; saves a second pass
        "hocr",
    ]
    return _run_tesseract(image.pgm, options, name=name, page=image.number, limits=limits)


def _run_tesseract(
    pgm: bytes,
    options: list[str],
    *,
    name: str,
    page: int,
    limits: ReadLimits,
    language: str = LANGUAGE,
) -> bytes:
    command = [TESSERACT, "stdin", "stdout", "-l", language, "--dpi", str(RENDER_DPI), *options]
    try:
        result = subprocess.run(
            command,
            input=pgm,
            capture_output=True,
            timeout=limits.max_ocr_seconds_per_page,
            env={**os.environ, **_TESSERACT_ENV},
            check=False,
        )
    except subprocess.TimeoutExpired as exc:
        raise LimitExceededError(
            f"OCR time limit of {limits.max_ocr_seconds_per_page:g} s a page reached",
            document=name,
            page=page,
            expected=f"a page recognised within {limits.max_ocr_seconds_per_page:g} s; "
            + raise_with("max_ocr_seconds_per_page"),
        ) from exc
    if result.returncode != 0:
        problem = result.stderr.decode("utf-8", "replace").strip().splitlines()
        detail = problem[-1] if problem else f"exit status {result.returncode}"
        if result.returncode < 0:
            detail = f"killed by signal {-result.returncode} (out of memory?)"
        raise InputError(
            f"Tesseract failed on the page ({detail})",
            document=name,
            page=page,
            expected="a page image Tesseract can read",
        )
    return result.stdout


# --- hOCR to words ---------------------------------------------------------------------------------


@dataclass(slots=True)
class _Glyph:
    text: str
    box: tuple[int, int, int, int]  # in the page image: left, top, right, bottom
    x0: float = 0.0  # de-skewed, in points
    x1: float = 0.0
    lift: float = 0.0  # of its bottom above the line's baseline, in pixels
    top: float = 0.0  # of its top above the baseline, in pixels


@dataclass(slots=True)
class _Word:
    glyphs: list[_Glyph]
    x0: float
    y0: float
    x1: float
    y1: float
    confidence: float
    pixel_box: tuple[int, int, int, int]  # in the page image, before de-skewing
    stroke: float = 0.0  # stroke width / x-height (see measure_ink)
    slant: float = 0.0  # the shear that sets its strokes upright (see measure_slant)
    raised: tuple[int, int] | None = None  # glyphs[start:end] are a raised footnote marker

    @property
    def text(self) -> str:
        return "".join(glyph.text for glyph in self.glyphs)


@dataclass(slots=True)
class _OcrLine:
    block: int
    words: list[_Word]
    slope: float
    baseline: float  # y of the baseline at x = x0 (image pixels, before de-skewing)
    x0: float
    x1: float
    x_height: float = 0.0
    size: float = 0.0  # points, raw estimate
    y: float = 0.0  # de-skewed baseline, points
    left: float = 0.0  # de-skewed left edge, points
    right: float = 0.0


@dataclass(slots=True)
class PageWords:
    """What Tesseract found on one page, de-skewed, before it becomes layout lines."""

    number: int
    lines: list[_OcrLine]
    skew: float  # degrees
    confidence: float | None
    words: int
    blocks: dict[int, tuple[float, float, float, float]] = field(default_factory=dict)
    unread: list[tuple[_Word, int, int]] = field(default_factory=list)  # marks to read again
    slope: float = 0.0  # the skew as a baseline slope (what _deskew rotates by)
    turned: int = 0  # degrees the page image was turned (clockwise) to set its text upright
    scale: float = 1.0  # pixels per PDF point


_BBOX = re.compile(r"bbox (-?\d+) (-?\d+) (-?\d+) (-?\d+)")
_CHAR_BOX = re.compile(r"x_bboxes (-?\d+) (-?\d+) (-?\d+) (-?\d+)")
_BASELINE = re.compile(r"baseline (-?[\d.]+) (-?[\d.]+)")
_CONFIDENCE = re.compile(r"x_wconf (-?\d+(?:\.\d+)?)")


def _classes(element: object, name: str) -> Iterator[object]:
    for child in element.iter():  # type: ignore[attr-defined]
        if child.get("class") == name:
            yield child


def parse_hocr(hocr: bytes, number: int, scale: float) -> PageWords:
    """Tesseract's hOCR as de-skewed lines of words (positions in PDF points)."""
    from lxml import etree

    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False
    )
    root = etree.fromstring(hocr, parser)
    for element in root.iter():
        if isinstance(element.tag, str) and "}" in element.tag:
            element.tag = element.tag.split("}", 1)[1]
    lines: list[_OcrLine] = []
    blocks: dict[int, tuple[float, float, float, float]] = {}
    for block_index, block in enumerate(_classes(root, "ocr_carea")):
        box = _BBOX.search(block.get("title", ""))
        if box:
            blocks[block_index] = tuple(int(v) / scale for v in box.groups())  # type: ignore[assignment]
        for line in block.iter("span"):
            if line.get("class") not in ("ocr_line", "ocr_header", "ocr_caption", "ocr_textfloat"):
                continue
            title = line.get("title", "")
            box = _BBOX.search(title)
            if not box:
                continue
            lx0, _, lx1, ly1 = (int(v) for v in box.groups())
            found = _BASELINE.search(title)
            slope, offset = (float(found.group(1)), float(found.group(2))) if found else (0.0, 0.0)
            words: list[_Word] = []
            for word in line.iter("span"):
                if word.get("class") != "ocrx_word":
                    continue
                wtitle = word.get("title", "")
                wbox = _BBOX.search(wtitle)
                conf = _CONFIDENCE.search(wtitle)
                glyphs = []
                for char in word.iter("span"):
                    if char.get("class") != "ocrx_cinfo":
                        continue
                    cbox = _CHAR_BOX.search(char.get("title", ""))
                    text = char.text or ""
                    if not cbox or not text.strip():
                        continue
                    glyphs.append(_Glyph(text, tuple(int(v) for v in cbox.groups())))  # type: ignore[arg-type]
                if not glyphs and wbox is not None:
                    text = "".join(word.itertext()).strip()
                    if text:
                        glyphs = [_Glyph(text, tuple(int(v) for v in wbox.groups()))]  # type: ignore[arg-type]
                if not glyphs or wbox is None:
                    continue
                words.append(
                    _Word(
                        glyphs=glyphs,
                        x0=float(wbox.group(1)),
                        y0=float(wbox.group(2)),
                        x1=float(wbox.group(3)),
                        y1=float(wbox.group(4)),
                        confidence=float(conf.group(1)) if conf else 0.0,
                        pixel_box=tuple(int(v) for v in wbox.groups()),  # type: ignore[arg-type]
                    )
                )
            if words:
                lines.append(
                    _OcrLine(
                        block=block_index,
                        words=words,
                        slope=slope,
                        baseline=ly1 + offset,
                        x0=lx0,
                        x1=lx1,
                    )
                )
    skew = _skew(lines)
    _deskew(lines, skew, scale)
    confidences = [word.confidence for line in lines for word in line.words]
    return PageWords(
        number=number,
        lines=lines,
        skew=math.degrees(math.atan(skew)),
        confidence=round(sum(confidences) / len(confidences), 1) if confidences else None,
        words=len(confidences),
        blocks=blocks,
        slope=skew,
        scale=scale,
    )


def _skew(lines: Sequence[_OcrLine]) -> float:
    """The page's skew as a baseline slope: the median over lines, weighted by their length."""
    weighted = sorted((line.slope, line.x1 - line.x0) for line in lines if len(line.words) >= 3)
    if not weighted:
        return 0.0
    half = sum(weight for _, weight in weighted) / 2
    running = 0.0
    for slope, weight in weighted:
        running += weight
        if running >= half:
            return slope
    return weighted[-1][0]


def _deskew(lines: Sequence[_OcrLine], slope: float, scale: float) -> None:
    """Rotate every line's baseline and edges back by the page's skew, into PDF points.

    Rotation is about the image origin; what matters is that lines become level and that left
    edges of one column line up again (a 0.7 degree skew moves the foot of an A4 page 9 pt sideways).
    """
    angle = math.atan(slope)
    cos, sin = math.cos(angle), math.sin(angle)

    def rotate(x: float, y: float) -> tuple[float, float]:
        return (x * cos + y * sin) / scale, (-x * sin + y * cos) / scale

    for line in lines:
        # The line's own baseline, at its left edge (Tesseract fits one per line).
        left_x, left_y = rotate(line.x0, line.baseline)
        right_x, _ = rotate(line.x1, line.baseline + line.slope * (line.x1 - line.x0))
        line.y, line.left, line.right = left_y, left_x, right_x
        heights = [
            g.box[3] - g.box[1] for w in line.words for g in w.glyphs if g.text in _X_LETTERS
        ]
        caps = [g.box[3] - g.box[1] for w in line.words for g in w.glyphs if g.text in _CAP_LETTERS]
        if len(heights) >= 2 or (heights and not caps):
            line.x_height = _median(heights)
            line.size = line.x_height / X_HEIGHT / scale
        elif caps:
            line.x_height = _median(caps) * X_HEIGHT / CAP_HEIGHT
            line.size = _median(caps) / CAP_HEIGHT / scale
        else:
            line.x_height = (line.words[0].y1 - line.words[0].y0) * 0.5
            line.size = line.x_height / X_HEIGHT / scale
        for word in line.words:
            base = line.baseline + line.slope * (word.x0 - line.x0)
            word_x0, _ = rotate(word.x0, base)
            word_x1, _ = rotate(word.x1, base + line.slope * (word.x1 - word.x0))
            word.x0, word.x1 = word_x0, word_x1
            for glyph in word.glyphs:
                # Raised or not is decided in image pixels, against the line's own baseline.
                left, top, right, bottom = glyph.box
                glyph_base = line.baseline + line.slope * (left - line.x0)
                glyph.lift = glyph_base - bottom
                glyph.top = glyph_base - top
                glyph.x0, _ = rotate(left, glyph_base)
                glyph.x1, _ = rotate(right, glyph_base)


# --- Words: spaces, bullets, footnote markers ----------------------------------------------------


# Inside one of Tesseract's words, an ink gap wider than this many font sizes between a digit and a
# letter is a space it missed ("4en" in "Vraag 3, 4en 5"), and between two letters this many.
# Never between two digits: a tabular "1" has wide side bearings ("2011").
DIGIT_LETTER_GAP = 0.25
LETTER_GAP = 0.45
# Marks that sit high by nature and are never a footnote number read wrongly.
_HIGH_MARKS = frozenset("'\"‘’“”`´^°«»")
# What a bullet ("•", a small dot at mid-height) comes out of Tesseract as.
BULLET = "•"
# A mark read again as digits counts when Tesseract is at least this sure of it.
MARKER_CONFIDENCE = 50.0
# A mark read again is at least this high, in digit heights (a superscript is about 0.6).
MARK_MIN_HEIGHT = 0.4
# What may follow a footnote marker inside a word: closing punctuation on the baseline.
_AFTER_MARKER = frozenset(".,;:)")


def refine_words(page: PageWords, ink: Any = None) -> None:
    """Split words at missed spaces, restore bullets, and mark raised footnote markers.

    Markers whose digits Tesseract read as something else (a raised "1" as "!", a "6" as "®": it is
    trained on body text, and a 5-pt digit is noise to it) are listed in ``page.unread`` for
    :func:`read_markers` to read again, on their own and magnified.
    """
    for line in page.lines:
        line.words = [part for word in line.words for part in _split_word(word, line)]
        _restore_bullet(line)
        for word in line.words:
            _find_marker(word, line, page, ink)


def _split_word(word: _Word, line: _OcrLine) -> list[_Word]:
    size = (line.x_height or 1.0) / X_HEIGHT  # pixels
    parts: list[list[_Glyph]] = [[word.glyphs[0]]]
    for previous, glyph in zip(word.glyphs, word.glyphs[1:], strict=False):
        gap = glyph.box[0] - previous.box[2]
        pair = previous.text[-1:] + glyph.text[:1]
        mixed = pair.isalnum() and pair[:1].isdigit() != pair[1:].isdigit()
        if (mixed and gap > DIGIT_LETTER_GAP * size) or (
            pair.isalpha() and gap > LETTER_GAP * size
        ):
            parts.append([glyph])
        else:
            parts[-1].append(glyph)
    if len(parts) == 1:
        return [word]
    return [
        _Word(
            glyphs=glyphs,
            x0=glyphs[0].x0,
            y0=word.y0,
            x1=glyphs[-1].x1,
            y1=word.y1,
            confidence=word.confidence,
            pixel_box=(glyphs[0].box[0], word.pixel_box[1], glyphs[-1].box[2], word.pixel_box[3]),
        )
        for glyphs in parts
    ]


def _restore_bullet(line: _OcrLine) -> None:
    """A line that starts with a small mark at mid-height, set apart from the text, is a bullet
    (Tesseract reads "•" as "*", "«", "e" or "°"); drop the stray underscore it sometimes adds."""
    if len(line.words) < 2 or not line.x_height:
        return
    first, second = line.words[0], line.words[1]
    glyph = first.glyphs[0]
    width = glyph.box[2] - glyph.box[0]
    height = glyph.box[3] - glyph.box[1]
    looks_like = (
        len(first.glyphs) <= 2
        and all(g.text == "_" for g in first.glyphs[1:])
        and (not glyph.text.isalnum() or glyph.text in "eo")
    )
    if (
        looks_like
        and height <= 0.8 * line.x_height
        and width <= 0.8 * line.x_height
        and glyph.lift >= 0.1 * line.x_height
        and second.glyphs[0].box[0] - glyph.box[2] >= 0.5 * line.x_height
    ):
        first.glyphs = [_Glyph(BULLET, glyph.box, glyph.x0, glyph.x1, glyph.lift, glyph.top)]
        first.x1 = glyph.x1
        if second.text == "_" and len(line.words) > 2:
            line.words.remove(second)
            second = line.words[1]
        while len(second.glyphs) > 1 and second.glyphs[0].text == "_":
            second.glyphs = second.glyphs[1:]
            second.x0 = second.glyphs[0].x0


def _measure_on_ink(glyph: _Glyph, line: _OcrLine, ink: Any) -> None:
    """Raise the glyph's lift and top to those of the ink in its columns (between a cap height
    above the line's baseline and its descenders) where that ink sits higher than its box."""
    left, _, right, _ = glyph.box
    base = line.baseline + line.slope * (left - line.x0)
    size = line.x_height / X_HEIGHT
    top = round(base - 1.1 * size)
    found = ink.crop((left, top, right, round(base + 0.3 * size))).getbbox()
    # Only ever raised: a neighbour's ink in the same columns may reach lower than the mark.
    if found is not None and base - (top + found[3]) > glyph.lift:
        glyph.lift = base - (top + found[3])
        glyph.top = base - (top + found[1])


def _find_marker(word: _Word, line: _OcrLine, page: PageWords, ink: Any = None) -> None:
    """Mark the glyphs set small above the baseline at the word's end (before closing
    punctuation: "automatisering⁶.") as a raised marker."""
    x_height = line.x_height or 1.0
    digit_height = x_height / X_HEIGHT * CAP_HEIGHT
    glyphs = word.glyphs
    if ink is not None:
        # Tesseract's box of a marker it misread as a symbol ("12" as "?", "15" as "®") may reach
        # far below the ink: the symbols at the word's end are measured on the ink itself.
        for glyph in reversed(glyphs[-3:]):
            if glyph.text.isalnum():
                break
            _measure_on_ink(glyph, line, ink)
    end = len(glyphs)
    while (
        end > 1 and glyphs[end - 1].text in _AFTER_MARKER and glyphs[end - 1].lift < 0.2 * x_height
    ):
        end -= 1
    start = end
    while (
        start > 0
        and glyphs[start - 1].lift > RAISED_LIFT * x_height
        and glyphs[start - 1].top - glyphs[start - 1].lift < RAISED_HEIGHT * digit_height
    ):
        start -= 1
    marks = glyphs[start:end]
    # A quote or a degree sign is raised by nature: alone, or before a marker read as digits
    # ("”¹"), it is text; before another mark it is the marker's first digit misread ("'®" for
    # 10, "'°" for 13).
    while (
        len(marks) > 1
        and marks[0].text in _HIGH_MARKS
        and (len(marks) > 2 or all(glyph.text.isdigit() for glyph in marks[1:]))
    ):
        start += 1
        marks = glyphs[start:end]
    if len(marks) == 1 and marks[0].text in _HIGH_MARKS:
        return
    if not marks or len(marks) > 3:
        return
    if all(glyph.text.isdigit() for glyph in marks):
        word.raised = (start, end)
    elif (
        len(marks) <= 2
        # A digit's height, not a dash's or a dot's (a bullet, a hyphen at mid-height).
        and all(g.top - g.lift >= MARK_MIN_HEIGHT * digit_height for g in marks)
        and all(g.text != BULLET for g in marks)
        # A line's first mark is a footnote's own number when it reaches above the x-height;
        # a bullet does not.
        and (start > 0 or word is not line.words[0] or marks[0].top > 1.1 * x_height)
    ):
        page.unread.append((word, start, end))


def read_markers(page: PageWords, image: Any, *, name: str, limits: ReadLimits) -> None:
    """Read the raised marks of ``page.unread`` again, as digits only, all in one small image.

    Each mark is cut out of the page, magnified three times and set on a strip with room between
    them; Tesseract reads the strip as one line restricted to digits. A mark read as digits with
    good confidence becomes a raised marker; any other stays the text it was.
    """
    if not page.unread:
        return

    pad = 6
    crops = []
    for word, start, end in page.unread:
        boxes = [glyph.box for glyph in word.glyphs[start:end]]
        # Up to the next glyph (the full stop after the marker) or the word's end: Tesseract's
        # box of a misread mark may hold one digit of two ("!" for "11").
        right = word.glyphs[end].box[0] - 1 if end < len(word.glyphs) else word.pixel_box[2]
        crops.append(
            image.crop(
                (
                    min(box[0] for box in boxes) - pad,
                    min(box[1] for box in boxes) - pad,
                    max(right, *(box[2] for box in boxes)) + pad,
                    max(box[3] for box in boxes) + pad,
                )
            )
        )
    readings = _read_strip(
        crops,
        magnify=3,
        options=["-c", "tessedit_char_whitelist=0123456789"],
        name=name,
        page=page.number,
        limits=limits,
    )
    for index, (word, start, end) in enumerate(page.unread):
        text, confidence = readings.get(index, ("", 0.0))
        if text.isdigit() and len(text) <= 3 and confidence >= MARKER_CONFIDENCE:
            first, last = word.glyphs[start], word.glyphs[end - 1]
            mark = _Glyph(text, first.box, first.x0, last.x1, first.lift, first.top)
            word.glyphs = [*word.glyphs[:start], mark, *word.glyphs[end:]]
            word.raised = (start, start + 1)
    page.unread.clear()


def _read_strip(
    crops: Sequence[Any],
    *,
    magnify: int,
    options: list[str],
    name: str,
    page: int,
    limits: ReadLimits,
    psm: str = "7",
) -> dict[int, tuple[str, float]]:
    """Read small pieces of a page in one Tesseract call: each crop magnified, set on one strip
    with room between them, and read as one line (``--psm 7``); the best reading of each crop, by
    its index, with Tesseract's confidence. (``psm`` "6", a block, reads a strip of one digit that
    "7", a line, returns empty.)"""
    from PIL import Image

    if magnify != 1:
        crops = [
            crop.resize((crop.width * magnify, crop.height * magnify), Image.Resampling.LANCZOS)
            for crop in crops
        ]
    gap = max(crop.height for crop in crops) * 2
    strip = Image.new(
        "L",
        (
            sum(crop.width for crop in crops) + gap * (len(crops) + 1),
            max(c.height for c in crops) + 2 * gap,
        ),
        255,
    )
    spans: list[tuple[int, int]] = []
    x = gap
    for crop in crops:
        strip.paste(crop, (x, gap))
        spans.append((x, x + crop.width))
        x += crop.width + gap
    tsv = _run_tesseract(
        b"P5\n%d %d\n255\n" % strip.size + strip.tobytes(),
        ["--psm", psm, *options, "tsv"],
        name=name,
        page=page,
        limits=limits,
    )
    readings: dict[int, tuple[str, float]] = {}
    for row in tsv.decode("utf-8", "replace").splitlines()[1:]:
        cells = row.split("\t")
        if len(cells) < 12 or not cells[11].strip():
            continue
        centre = int(cells[6]) + int(cells[8]) / 2
        for index, (start, end) in enumerate(spans):
            if start - gap / 2 <= centre <= end + gap / 2:
                text, confidence = cells[11].strip(), float(cells[10])
                if index not in readings or confidence > readings[index][1]:
                    readings[index] = (text, confidence)
    return readings


# --- Ink: bold ---------------------------------------------------------------------------------------


def ink_of(image: Any) -> Any:
    """The page's ink: a greyscale image thresholded (Otsu), ink 255 and paper 0."""
    threshold = _otsu(image.histogram())
    return image.point(lambda value: 255 if value < threshold else 0)


def measure_ink(ink: Any, page: PageWords) -> None:
    """Each word's stroke width relative to its line's x-height (``_Word.stroke``).

    The stroke width of a word is twice its ink divided by the length of the ink's edges (for a
    stroke of width w and length L: ink w·L, edges 2·L); counts come from Pillow histograms, so no
    pixel is touched in Python.
    """
    from PIL import ImageChops

    width, height = ink.size
    across = ImageChops.difference(
        ink.crop((1, 0, width, height)), ink.crop((0, 0, width - 1, height))
    )
    down = ImageChops.difference(
        ink.crop((0, 1, width, height)), ink.crop((0, 0, width, height - 1))
    )
    for line in page.lines:
        if line.x_height <= 0:
            continue
        for word in line.words:
            box = word.pixel_box
            dark = ink.crop(box).histogram()[255]
            edges = across.crop(box).histogram()[255] + down.crop(box).histogram()[255]
            if dark and edges:
                word.stroke = 2 * dark / edges / line.x_height


# --- Ink: italic ------------------------------------------------------------------------------------

# The shears tried on a word (horizontal shift per pixel of height, leaning right positive). Roman
# type is upright (0); italic and oblique faces lean 9-14 degrees (0.16-0.25): measured on DejaVu
# Serif Italic (WeasyPrint) and the corpus's Liberation and serif italics, scanned at 300 dpi, the
# best shear of an italic word is 0.1-0.2 and of a roman one 0 (a "W", "V" or "/" may lean either
# way).
SHEARS = (-0.1, 0.0, 0.1, 0.2, 0.3, 0.4)
ITALIC_SLANT = (0.1, 0.3)  # a word whose best shear is in this range leans like italic
# A word of this many characters is judged on its own; shorter ones follow their neighbours.
ITALIC_ALONE = 5


def measure_slant(ink: Any, page: PageWords) -> None:
    """Each word's slant (``_Word.slant``): the shear that makes its vertical strokes most upright.

    The word's ink is sheared by each of :data:`SHEARS` and projected onto the x axis; upright
    strokes make the profile peaky (its sum of squares is largest). The shears are done by Pillow
    (nearest neighbour: the strokes are several pixels wide at 300 dpi).
    """
    from PIL import Image

    for line in page.lines:
        for word in line.words:
            x0, y0, x1, y1 = word.pixel_box
            height = y1 - y0
            if height < 4 or x1 <= x0:
                continue
            pad = round(height * max(SHEARS)) + 1
            crop = ink.crop((x0 - pad, y0, x1 + pad, y1))
            width = crop.width
            best, best_score = 0.0, -1
            for shear in SHEARS:
                # Output x takes input x + shear * (y - height / 2): a right-leaning stroke
                # becomes upright at its own slant.
                sheared = crop.transform(
                    (width, height),
                    Image.Transform.AFFINE,
                    (1, -shear, shear * height / 2, 0, 1, 0),
                    resample=Image.Resampling.NEAREST,
                )
                profile = sheared.resize((width, 1), Image.Resampling.BOX).tobytes()
                score = sum(value * value for value in profile)
                if score > best_score:
                    best, best_score = shear, score
            word.slant = best


def _italic_words(words: Sequence[_Word]) -> list[bool]:
    """Which words of a run (words without a wide gap between them) are italic: all of them when
    most of the run's characters lean, else those long enough to be judged alone that lean. A run
    too short to judge (a margin number "3": a bold "1" leans by its flag) is roman."""
    leaning = [ITALIC_SLANT[0] <= word.slant <= ITALIC_SLANT[1] for word in words]
    weight = [len(word.glyphs) for word in words]
    if sum(weight) < ITALIC_ALONE:
        return [False] * len(words)
    if sum(w for w, lean in zip(weight, leaning, strict=True) if lean) * 2 > sum(weight):
        return [True] * len(words)
    return [
        lean and len(word.glyphs) >= ITALIC_ALONE for word, lean in zip(words, leaning, strict=True)
    ]


def _bold_words(words: Sequence[_Word], typical: float) -> list[bool]:
    """Which words of a run are bold: a word long enough to be judged alone by its own stroke, a
    shorter one ("3.", "de", "is": too little ink to measure) as most of the run's characters."""
    weight = [len(word.glyphs) for word in words]
    # A run of a few characters (a page number, a margin number) has too little ink to tell a
    # little heavier from bold: it must be clearly heavier.
    limit = BOLD_STROKE if sum(weight) >= ITALIC_ALONE else BOLD_STROKE_SHORT
    heavy = [typical > 0 and word.stroke > limit * typical for word in words]
    most = sum(w for w, bold in zip(weight, heavy, strict=True) if bold) * 2 > sum(weight)
    return [
        bold if len(word.glyphs) >= ITALIC_ALONE else most
        for word, bold in zip(words, heavy, strict=True)
    ]


def _otsu(histogram: Sequence[int]) -> int:
    total = sum(histogram)
    weighted = sum(index * count for index, count in enumerate(histogram))
    best, threshold = -1.0, 128
    background = background_sum = 0.0
    for value in range(256):
        background += histogram[value]
        if not background or background == total:
            continue
        background_sum += value * histogram[value]
        mean_b = background_sum / background
        mean_f = (weighted - background_sum) / (total - background)
        between = background * (total - background) * (mean_b - mean_f) ** 2
        if between > best:
            best, threshold = between, value
    return threshold


def _median(values: Sequence[float]) -> float:
    ordered = sorted(values)
    return ordered[len(ordered) // 2]


# --- Words to layout lines -------------------------------------------------------------------------


def layout_lines(pages: Sequence[PageWords]) -> dict[int, list[Line]]:
    """The layout lines of each recognised page, in reading order (see the module docstring).

    Sizes and bold are decided over the whole document: one page has too few lines of a kind to
    tell its sizes apart, and the typical stroke is the body text's.
    """
    sizes = _size_classes([line for page in pages for line in page.lines])
    strokes = [
        (word.stroke, len(word.glyphs))
        for page in pages
        for line in page.lines
        for word in line.words
        if word.stroke > 0
    ]
    typical = _weighted_median(strokes) if strokes else 0.0
    return {page.number: _page_lines(page, sizes, typical) for page in pages}


def _size_classes(lines: Sequence[_OcrLine]) -> dict[int, float]:
    """Snap each line's measured size to one of the document's sizes: the weighted median of a
    cluster of sizes within :data:`SIZE_CLUSTER` of the most frequent one left, repeatedly."""
    result: dict[int, float] = {}
    left = [(line.size, sum(len(w.glyphs) for w in line.words), id(line)) for line in lines]
    while left:
        counts: Counter[float] = Counter()
        for size, weight, _ in left:
            counts[round(size * 4) / 4] += weight
        # The most frequent size, smoothed over its neighbours a quarter point away.
        peak = max(
            counts,
            key=lambda s: counts[s] + 0.5 * (counts[s - 0.25] + counts[s + 0.25]),
        )
        members = [item for item in left if abs(item[0] - peak) <= SIZE_CLUSTER * peak]
        if not members:  # cannot happen: the peak's own lines are members
            members = left[:1]
        centre = round(_weighted_median([(size, weight) for size, weight, _ in members]), 1)
        for _, _, key in members:
            result[key] = centre
        chosen = {key for _, _, key in members}
        left = [item for item in left if item[2] not in chosen]
    return result


def _weighted_median(values: Sequence[tuple[float, float]]) -> float:
    ordered = sorted(values)
    half = sum(weight for _, weight in ordered) / 2
    running = 0.0
    for value, weight in ordered:
        running += weight
        if running >= half:
            return value
    return ordered[-1][0]


def _columns(page: PageWords) -> dict[int, tuple[int, int]]:
    """Blocks that stand side by side as columns: block -> (group, column index).

    Two blocks of at least three lines each, apart horizontally and overlapping vertically over
    half the height of the shorter, are columns of one group; everything else is full width.
    """
    counts = Counter(line.block for line in page.lines)
    tall = [b for b in page.blocks if counts[b] >= 3]
    pairs: list[tuple[int, int]] = []
    for a in tall:
        for b in tall:
            ax0, ay0, ax1, ay1 = page.blocks[a]
            bx0, by0, bx1, by1 = page.blocks[b]
            overlap = min(ay1, by1) - max(ay0, by0)
            if ax1 <= bx0 and overlap > 0.5 * min(ay1 - ay0, by1 - by0):
                pairs.append((a, b))
    groups: list[set[int]] = []
    for a, b in pairs:
        for group in groups:
            if a in group or b in group:
                group.update((a, b))
                break
        else:
            groups.append({a, b})
    result: dict[int, tuple[int, int]] = {}
    for number, group in enumerate(groups):
        ordered = sorted(group, key=lambda block: page.blocks[block][0])
        for column, block in enumerate(ordered):
            result[block] = (number, column)
    return result


def _page_lines(page: PageWords, sizes: dict[int, float], typical: float) -> list[Line]:
    columns = _columns(page)
    rows: list[list[_OcrLine]] = []
    for line in sorted(page.lines, key=lambda line: (line.y, line.left)):
        size = sizes[id(line)]
        for row in rows:
            other = row[0]
            if (
                abs(other.y - line.y) <= BASELINE_TOLERANCE * max(size, sizes[id(other)])
                and columns.get(other.block, (None, None))[0]
                == columns.get(line.block, (None, None))[0]
                and columns.get(other.block) == columns.get(line.block)
                and all(line.left >= o.right or line.right <= o.left for o in row)
            ):
                row.append(line)
                break
        else:
            rows.append([line])
    tops: dict[int, float] = {}
    for row in rows:
        group = columns.get(row[0].block)
        if group is not None:
            tops[group[0]] = min(tops.get(group[0], math.inf), row[0].y)

    def order(row: list[_OcrLine]) -> tuple[float, int, float]:
        group = columns.get(row[0].block)
        if group is None:
            return (row[0].y, 0, 0.0)
        return (tops[group[0]], group[1], row[0].y)

    return [_make_line(row, page.number, sizes, typical) for row in sorted(rows, key=order)]


def _make_line(
    row: list[_OcrLine], page_number: int, sizes: dict[int, float], typical: float
) -> Line:
    row = sorted(row, key=lambda line: line.left)
    counts: Counter[float] = Counter()
    for line in row:
        counts[sizes[id(line)]] += sum(len(w.glyphs) for w in line.words)
    size = max(counts, key=lambda s: (counts[s], s))
    # Runs of words without a wide gap (a margin number, a table cell) are judged italic together.
    words = [(word, sizes[id(line)]) for line in row for word in line.words]
    runs: list[list[_Word]] = []
    previous_right: float | None = None
    for word, _ in words:
        if previous_right is None or word.x0 - previous_right > CELL_GAP * size:
            runs.append([])
        runs[-1].append(word)
        previous_right = word.x1
    italic: dict[int, bool] = {}
    bold: dict[int, bool] = {}
    for run in runs:
        italic.update(zip(map(id, run), _italic_words(run), strict=True))
        bold.update(zip(map(id, run), _bold_words(run, typical), strict=True))
    spans: list[Span] = []
    pieces: list[tuple[str, float, bool, bool, bool]] = []  # text, size, bold, italic, raised
    previous_right = None
    for word, line_size in words:
        heavy, slanted = bold[id(word)], italic[id(word)]
        if previous_right is not None:
            gap = word.x0 - previous_right
            tab = gap > CELL_GAP * size
            pieces.append(("\t" if tab else " ", line_size, heavy, slanted, False))
        for text, raised in _split_raised(word):
            pieces.append(
                (text, line_size * (0.6 if raised else 1.0), heavy, slanted and not raised, raised)
            )
        previous_right = word.x1
    # A space before a raised marker belongs to no one: "Grondwet? 1" is "Grondwet?¹".
    for index in range(1, len(pieces) - 1):
        if pieces[index][0] == " " and pieces[index + 1][4]:
            pieces[index] = ("", *pieces[index][1:])
    for text, piece_size, bold, slanted, raised in pieces:
        if not text:
            continue
        if text == " " and spans and not spans[-1].raised:
            last = spans[-1]
            spans[-1] = Span(last.text + text, last.size, last.bold, last.italic, last.raised)
            continue
        style = (round(piece_size, 1), bold, slanted, raised)
        if spans and (spans[-1].size, spans[-1].bold, spans[-1].italic, spans[-1].raised) == style:
            last = spans[-1]
            spans[-1] = Span(last.text + text, last.size, last.bold, last.italic, last.raised)
        else:
            spans.append(Span(text, *style))
    spans = _trim(spans)
    visible = [span for span in spans if not span.raised and span.text.strip()]
    left = min(line.left for line in row)
    right = max(line.right for line in row)
    return Line(
        page=page_number,
        x=round(left, 2),
        y=round(_median([line.y for line in row]), 2),
        width=round(right - left, 2),
        size=size,
        bold=bool(visible) and all(span.bold for span in visible),
        italic=bool(visible) and all(span.italic for span in visible),
        spans=tuple(spans),
    )


def _split_raised(word: _Word) -> list[tuple[str, bool]]:
    """The word's text in runs of (text, raised), as :func:`refine_words` marked it."""
    if word.raised is None:
        return [(word.text, False)]
    start, end = word.raised
    runs = [
        ("".join(g.text for g in word.glyphs[:start]), False),
        ("".join(g.text for g in word.glyphs[start:end]), True),
        ("".join(g.text for g in word.glyphs[end:]), False),
    ]
    return [run for run in runs if run[0]]


def _trim(spans: list[Span]) -> list[Span]:
    while spans and not spans[0].text.strip():
        spans.pop(0)
    while spans and not spans[-1].text.strip():
        spans.pop()
    if spans:
        first = spans[0]
        spans[0] = Span(first.text.lstrip(), first.size, first.bold, first.italic, first.raised)
        last = spans[-1]
        spans[-1] = Span(last.text.rstrip(), last.size, last.bold, last.italic, last.raised)
    return spans


# --- Orientation ---------------------------------------------------------------------------------

# A page scanned sideways or upside down (or with a /Rotate that turns an upright image) reads as
# noise: few words, with low confidence. Only such a page is given to Tesseract's orientation
# detection (--psm 0, about a second), so an upright page costs nothing more.
UPRIGHT_CONFIDENCE = 65.0
UPRIGHT_WORDS = 10
UPRIGHT_SKEW = 10.0  # degrees
# Orientation detection is believed from this confidence on (Tesseract's scale; upright pages of
# the public scans give 12-16).
OSD_CONFIDENCE = 2.0
_OSD_ROTATE = re.compile(rb"Rotate:\s*(\d+)")
_OSD_CONFIDENCE = re.compile(rb"Orientation confidence:\s*([\d.]+)")


def upright(page: PageWords) -> bool:
    """Whether the page's text reads as text: enough words, recognised with fair confidence, on
    lines that run across the page (Tesseract reads a page turned a quarter as vertical lines, often
    well: their baselines then slope by 90 degrees)."""
    return (
        abs(page.skew) <= UPRIGHT_SKEW
        and page.confidence is not None
        and page.confidence >= UPRIGHT_CONFIDENCE
        and page.words >= UPRIGHT_WORDS
    )


def _turned(
    image: PageImage, pil: Any, page: PageWords, *, name: str, limits: ReadLimits
) -> tuple[PageImage, Any, PageWords]:
    """The page turned upright as Tesseract's orientation detection says, and recognised again;
    the page as it was when detection finds no other orientation, or the turned page is not upright
    either and reads worse."""
    # With the Dutch model loaded, --psm 0 answers "Rotate: 90" with confidence 250 for any page;
    # orientation detection has its own model (Debian's tesseract-ocr depends on it).
    found = _run_tesseract(
        image.pgm, ["--psm", "0"], name=name, page=image.number, limits=limits, language="osd"
    )
    rotate = _OSD_ROTATE.search(found)
    confidence = _OSD_CONFIDENCE.search(found)
    if not rotate or not confidence or float(confidence.group(1)) < OSD_CONFIDENCE:
        return image, pil, page
    degrees = int(rotate.group(1)) % 360
    if degrees not in (90, 180, 270):
        return image, pil, page
    turned = pil.rotate(-degrees, expand=True)  # Pillow turns counter-clockwise
    pgm = b"P5\n%d %d\n255\n" % turned.size + turned.tobytes()
    again = PageImage(image.number, turned.size[0], turned.size[1], pgm, image.scale)
    words = parse_hocr(recognise(again, name=name, limits=limits), image.number, image.scale)
    better = (words.confidence or 0.0) * words.words > (page.confidence or 0.0) * page.words
    if not upright(words) and not better:
        return image, pil, page
    words.turned = degrees
    return again, turned, words


# --- Lone numbers in the margin ---------------------------------------------------------------------

# Tesseract's page segmentation drops a number that stands alone in a margin beside a text block
# (the "3." before a lijst's question, its answer below it): a block of one small word is not text
# to it, and sparse modes do not read it either. What ink is left once every word it read is masked,
# sitting on a text line's baseline with a digit's height, is read again as digits.
LONE_CELL = 8  # the masked page is searched for ink in cells of this many pixels
LONE_MIN_INK = 12  # a cell's mean ink (0-255) that counts: about 3 pixels of 64 (not JPEG specks)
LONE_CONFIDENCE = 60.0
# Lijst numbering as printed in the margin: "3", "3." or "3)".
_LONE_NUMBER = re.compile(r"\d{1,3}[.)]?")
# A line that starts with what looks like an item number read as letters ("A." for a bold "4.":
# letters that digits are misread as) is read again as digits (Tesseract is as sure of "A." as of
# the "3." above it: its confidence does not tell).
_MISREAD_NUMBER = re.compile(r"[AIlO|SBZGTbgq]{1,2}[.)]")
_ITEM_NUMBER = re.compile(r"(\d{1,3})[.)]")
# Its reading needs less confidence than a lone number's: the numbering vouches for it (a bold
# "4." read again alone scores 27).
MISREAD_CONFIDENCE = 20.0


def find_numbers(page: PageWords, ink: Any, *, name: str, limits: ReadLimits) -> None:
    """Add to their lines the numbers Tesseract left unread beside them, and read again the item
    numbers it read as letters (see above); all in one more Tesseract call, digits only."""
    masked = ink.copy()
    for line in page.lines:
        for word in line.words:
            x0, y0, x1, y1 = word.pixel_box
            masked.paste(0, (x0 - 3, y0 - 3, x1 + 4, y1 + 4))
    lone = []
    for box in _ink_blobs(masked):
        found = _line_of(page, box)
        if found is not None:
            lone.append((box, found))
    misread = [
        line.words[0]
        for line in page.lines
        if line.words and _MISREAD_NUMBER.fullmatch(line.words[0].text)
    ]
    if not lone and not misread:
        return
    crops = [(masked, box) for box, _ in lone] + [(ink, word.pixel_box) for word in misread]
    readings = _read_strip(
        [
            image.crop((box[0] - 4, box[1] - 4, box[2] + 4, box[3] + 4)).point(
                lambda value: 255 - value
            )
            for image, box in crops
        ],
        magnify=1,
        options=["-c", "tessedit_char_whitelist=0123456789.)"],
        psm="6",
        name=name,
        page=page.number,
        limits=limits,
    )
    for index, (box, line) in enumerate(lone):
        text, confidence = readings.get(index, ("", 0.0))
        if not _LONE_NUMBER.fullmatch(text) or confidence < LONE_CONFIDENCE:
            continue
        word = _Word(
            glyphs=_glyphs_of(masked, box, text),
            x0=float(box[0]),
            y0=float(box[1]),
            x1=float(box[2]),
            y1=float(box[3]),
            confidence=confidence,
            pixel_box=box,
        )
        # De-skewed as a line of its own on the line's baseline (the line's words already are).
        alone = _OcrLine(
            block=line.block,
            words=[word],
            slope=line.slope,
            baseline=line.baseline + line.slope * (box[0] - line.x0),
            x0=box[0],
            x1=box[2],
        )
        _deskew([alone], page.slope, page.scale)
        line.left, line.right = min(line.left, alone.left), max(line.right, alone.right)
        line.words.append(word)
        line.words.sort(key=lambda item: item.x0)
    # The item numbers that start lines, with their left edges: a letter read again as a number
    # counts only next to its neighbour in the numbering ("3." above "A." that reads as "4.").
    numbered = [
        (int(found.group(1)), line.words[0].pixel_box[0], line.x_height / X_HEIGHT)
        for line in page.lines
        if line.words and (found := _ITEM_NUMBER.fullmatch(line.words[0].text))
    ]
    for index, word in enumerate(misread, len(lone)):
        text, confidence = readings.get(index, ("", 0.0))
        if (
            _LONE_NUMBER.fullmatch(text)
            and text[-1] == word.text[-1]
            and confidence >= MISREAD_CONFIDENCE
            and any(
                abs(number - int(text[:-1])) == 1 and abs(left - word.pixel_box[0]) <= 0.5 * size
                for number, left, size in numbered
            )
        ):
            if len(text) == len(word.glyphs):
                word.glyphs = [replace(g, text=c) for g, c in zip(word.glyphs, text, strict=True)]
            else:
                glyph = word.glyphs[0]
                word.glyphs = [replace(glyph, text=text[:-1]), *word.glyphs[-1:]]
            word.confidence = confidence


def _ink_blobs(masked: Any) -> list[tuple[int, int, int, int]]:
    """Bounding boxes (in pixels) of the clusters of ink on a masked page: cells of
    :data:`LONE_CELL` pixels with ink, joined when they touch or are one cell apart on a row (a
    digit and its full stop)."""
    small = masked.reduce(LONE_CELL)
    width, height = small.size
    data = small.tobytes()
    cells = {index for index, value in enumerate(data) if value >= LONE_MIN_INK}
    blobs = []
    while cells:
        start = cells.pop()
        stack, members = [start], [start]
        while stack:
            cell = stack.pop()
            row, column = divmod(cell, width)
            for dy in (-1, 0, 1):
                for dx in (-2, -1, 0, 1, 2):
                    r, c = row + dy, column + dx
                    neighbour = r * width + c
                    if 0 <= r < height and 0 <= c < width and neighbour in cells:
                        cells.remove(neighbour)
                        stack.append(neighbour)
                        members.append(neighbour)
        rows = [cell // width for cell in members]
        columns = [cell % width for cell in members]
        box = (
            min(columns) * LONE_CELL,
            min(rows) * LONE_CELL,
            (max(columns) + 1) * LONE_CELL,
            (max(rows) + 1) * LONE_CELL,
        )
        exact = masked.crop(box).getbbox()
        if exact is not None:
            blobs.append(
                (box[0] + exact[0], box[1] + exact[1], box[0] + exact[2], box[1] + exact[3])
            )
    return blobs


def _line_of(page: PageWords, box: tuple[int, int, int, int]) -> _OcrLine | None:
    """The line on whose baseline the blob sits, if it has a digit's height for that line and does
    not overlap the line's words."""
    left, top, right, bottom = box
    for line in page.lines:
        if not line.x_height:
            continue
        size = line.x_height / X_HEIGHT  # the font size in pixels
        digit = size * CAP_HEIGHT
        baseline = line.baseline + line.slope * (left - line.x0)
        if (
            abs(bottom - baseline) <= 0.15 * size
            and 0.75 * digit <= bottom - top <= 1.25 * digit
            and right - left <= 2.5 * size
            and all(right <= w.pixel_box[0] or left >= w.pixel_box[2] for w in line.words)
        ):
            return line
    return None


def _glyphs_of(ink: Any, box: tuple[int, int, int, int], text: str) -> list[_Glyph]:
    """One glyph per character of ``text``, from the runs of inked columns of ``box`` when there
    are as many (else the box shared out evenly)."""
    left, top, right, bottom = box
    profile = ink.crop(box).resize((right - left, 1), _box_filter()).tobytes()
    runs: list[list[int]] = []
    for column, value in enumerate(profile):
        if value:
            if runs and runs[-1][1] == column:
                runs[-1][1] = column + 1
            else:
                runs.append([column, column + 1])
    if len(runs) != len(text):
        step = (right - left) / len(text)
        runs = [[round(i * step), round((i + 1) * step)] for i in range(len(text))]
    glyphs = []
    for char, (start, end) in zip(text, runs, strict=True):
        exact = ink.crop((left + start, top, left + end, bottom)).getbbox()
        y0, y1 = (top + exact[1], top + exact[3]) if exact else (top, bottom)
        glyphs.append(_Glyph(char, (left + start, y0, left + end, y1)))
    return glyphs


def _box_filter() -> Any:
    from PIL import Image

    return Image.Resampling.BOX


def ocr_pages(
    images: Iterator[tuple[PageImage, object]],
    *,
    name: str,
    limits: ReadLimits,
    threads: int,
    progress: Callable[[int], None] | None = None,
) -> list[PageWords]:
    """Recognise the rendered pages, ``threads`` at a time; their words in page order."""
    results: list[Future[PageWords]] = []
    slots = threading.BoundedSemaphore(max(threads, 1) * 2)

    def work(image: PageImage, pil: object) -> PageWords:
        try:
            hocr = recognise(image, name=name, limits=limits)
            words = parse_hocr(hocr, image.number, image.scale)
            if not upright(words):
                image, pil, words = _turned(image, pil, words, name=name, limits=limits)
            ink = ink_of(pil)
            find_numbers(words, ink, name=name, limits=limits)
            refine_words(words, ink)
            read_markers(words, pil, name=name, limits=limits)
            measure_ink(ink, words)
            measure_slant(ink, words)
            return words
        finally:
            slots.release()

    with ThreadPoolExecutor(max_workers=max(threads, 1)) as pool:
        try:
            for image, pil in images:
                slots.acquire()
                if progress is not None:
                    progress(image.number)
                results.append(pool.submit(work, image, pil))
                for done in results:  # fail early: a failed page stops the rest
                    if done.done() and done.exception() is not None:
                        raise done.exception()  # type: ignore[misc]
        except BaseException:
            for future in results:
                future.cancel()
            raise
        return [future.result() for future in results]


__all__ = ["LANGUAGE", "OcrSettings", "engine_version", "read_pdf"]
