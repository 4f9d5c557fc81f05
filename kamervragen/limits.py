"""What reading one PDF may cost: :class:`ReadLimits`, its defaults, and where to raise each limit.

Kept apart from :mod:`kamervragen.readers` (which loads PDFium) so that the command line can show the
defaults in ``--help`` without loading it. ``docs/robustness.md`` explains each limit.
"""

from __future__ import annotations

from dataclasses import dataclass

from kamervragen.errors import LimitExceededError

MIB = 1 << 20


@dataclass(frozen=True, slots=True)
class ReadLimits:
    """How much one PDF may cost to read. A PDF beyond a limit fails with a
    :class:`~kamervragen.errors.LimitExceededError` (exit code 10) naming the limit and the page.

    The defaults are far above any real Kamerstuk (in the reference corpus: at most 12 pages, 3,866
    characters on a page, 3 MB, 0.25 s to read) and low enough that a hostile file costs one core a
    bounded time and memory. ``docs/robustness.md`` lists the CLI options and config
    keys that raise them.

    ``max_seconds`` is checked between pages by the reader itself; the sandbox of
    :func:`kamervragen.readers.read` also stops a single page that runs over it. ``max_memory`` is
    enforced only by that sandbox (an address-space ceiling on the child process that reads).
    """

    max_file_size: int = 200 * MIB  # bytes; checked before the file is read
    max_pages: int = 2000
    max_chars_per_page: int = 100_000  # characters PDFium finds on one page
    max_seconds: float = 120.0  # wall-clock time for the whole document
    max_memory: int = 1024 * MIB  # bytes of address space of the reading process; 0: no ceiling
    # OCR (pages without a text layer): pixels of the page image or of one image on the page
    # (A4 at 300 dpi is 8.7 million; checked before anything is rendered or decoded), and seconds
    # of recognition per page (typically 1-3 s). A document with N pages to recognise gets
    # N times this on top of max_seconds, shared over the threads that recognise.
    max_ocr_pixels: int = 100_000_000
    max_ocr_seconds_per_page: float = 120.0


DEFAULT_LIMITS = ReadLimits()

# Where a limit can be raised, for the messages: (CLI option, config key).
LIMIT_KNOBS = {
    "max_file_size": ("--max-file-mb", "read_max_file_mb"),
    "max_pages": ("--max-pages", "read_max_pages"),
    "max_chars_per_page": ("--max-chars-per-page", "read_max_chars_per_page"),
    "max_seconds": ("--max-seconds", "read_max_seconds"),
    "max_memory": ("--max-memory-mb", "read_max_memory_mb"),
    "max_ocr_pixels": ("--max-ocr-pixels", "read_max_ocr_pixels"),
    "max_ocr_seconds_per_page": ("--max-ocr-seconds-per-page", "read_max_ocr_seconds_per_page"),
}


def raise_with(limit: str) -> str:
    option, key = LIMIT_KNOBS[limit]
    return f"raise it with {option} (config {key}) if the file is trusted"


def out_of_memory(name: str, page: int | None, limits: ReadLimits) -> LimitExceededError:
    """The error for a reader that ran out of memory (in ``page``, when known)."""
    ceiling = (
        f"the memory limit of {limits.max_memory // MIB} MiB"
        if limits.max_memory
        else "the memory available"
    )
    return LimitExceededError(
        f"out of memory: reading needs more than {ceiling} (a decompression bomb?)",
        document=name,
        page=page,
        expected=f"a PDF that reads within {ceiling}; {raise_with('max_memory')}",
    )
