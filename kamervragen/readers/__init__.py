"""Readers: a source file in, a :class:`~kamervragen.layout.Layout` of styled lines out.

Every reader is one module here and one entry of :data:`READERS`; :func:`read` runs the chosen one
in the sandbox of :mod:`kamervragen.readers.isolation` (a forked child held to the read limits), so
that a crash or a hostile file in a reader's native engine costs that child only. Whatever the
reader, its output is the same layout JSON, so nothing after the reader depends on which one read;
:func:`read` also marks its page furniture (:mod:`kamervragen.furniture`), the same for every
reader.

To add a reader: a module with a function ``read(path, limits, options, *, progress) -> Layout``
(see :class:`ReadFunction`), and one :class:`Reader` entry in :data:`READERS`.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from kamervragen.furniture import find_furniture
from kamervragen.layout import Layout
from kamervragen.limits import DEFAULT_LIMITS, ReadLimits
from kamervragen.readers import ocr, pdfium
from kamervragen.readers.isolation import run_isolated

__all__ = ["DEFAULT_READER", "OCR_MODES", "READERS", "ReadFunction", "Reader", "choose", "read"]


class ReadFunction(Protocol):
    """How a reader reads: ``path`` within ``limits``, with the reader's own ``options`` (it
    ignores keys that are not its own); ``progress`` is called with each page number before that
    page is read, so that the sandbox can name the page a crash happened on. Bad input raises an
    :class:`~kamervragen.errors.InputError` subclass."""

    def __call__(
        self,
        path: Path,
        limits: ReadLimits,
        options: Mapping[str, object] | None,
        *,
        progress: Callable[[int], None] | None,
    ) -> Layout: ...


@dataclass(frozen=True, slots=True)
class Reader:
    """One entry of :data:`READERS`."""

    name: str  # its key in READERS
    engine: str  # the library that does the work, named when it crashes ("PDFium crashed …")
    read: ReadFunction
    # True: it reads a PDF's text layer only, and refuses a PDF without one (NoTextLayerError,
    # exit code 5); False: it reads the page images too (OCR).
    needs_text_layer: bool
    description: str


READERS: dict[str, Reader] = {
    reader.name: reader
    for reader in (
        Reader(
            name="pdfium",
            engine="PDFium",
            read=pdfium.read_pdf,
            needs_text_layer=True,
            description="the PDF's text layer, glyph by glyph, with fonts, sizes and positions",
        ),
        Reader(
            name="ocr",
            engine="PDFium",  # Tesseract runs in processes of its own: its failures are errors
            read=ocr.read_pdf,
            needs_text_layer=False,
            description="the text layer as the pdfium reader reads it, and the page images of "
            "pages without one (or every page: mode force) recognised by Tesseract 5 (Dutch)",
        ),
    )
}
DEFAULT_READER = "pdfium"

#: The values of the ``ocr`` setting (config, ``--ocr``): recognise pages without a text layer,
#: never recognise (a scan is refused, exit code 5), or recognise every page.
OCR_MODES = ("auto", "off", "force")


def choose(ocr: str = "auto", *, threads: int = 1) -> tuple[str, dict[str, object]]:
    """The reader (a name in :data:`READERS`) and its options for the ``ocr`` setting, with
    ``threads`` pages recognised at a time.

    >>> choose("off")
    ('pdfium', {})
    >>> choose("auto", threads=2)
    ('ocr', {'mode': 'auto', 'threads': 2})
    """
    if ocr not in OCR_MODES:
        raise ValueError(f"ocr must be one of {', '.join(OCR_MODES)}, not {ocr!r}")
    if ocr == "off":
        return "pdfium", {}
    return "ocr", {"mode": ocr, "threads": threads}


def read(
    path: Path,
    limits: ReadLimits = DEFAULT_LIMITS,
    *,
    reader: str = DEFAULT_READER,
    options: Mapping[str, object] | None = None,
) -> Layout:
    """Read ``path`` with the reader named ``reader``, in a child process held to ``limits``
    (memory and time included; see :func:`~kamervragen.readers.isolation.run_isolated`).

    Bad input raises an :class:`~kamervragen.errors.InputError` subclass naming the file and,
    where known, the page.
    """
    entry = READERS[reader]
    layout = run_isolated(
        functools.partial(entry.read, options=options), path, limits, engine=entry.engine
    )
    # Every reader's lines go through the same page-furniture rules, recorded in the layout.
    return find_furniture(layout)
