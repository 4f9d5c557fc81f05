"""Benchmark of the read stage (PDF -> layout -> text), with pdftotext -layout as the reference.

Not a test: it prints, per file, the warm median time of ``read_pdf`` + ``build_text`` and of
``pdftotext -layout`` (poppler-utils) on the same file, then the overall milliseconds per page and
the ratio. Each file is read once to warm up, then ``--repeat`` times; the median is reported.
Our stage runs in this process (no interpreter start-up); pdftotext runs as a process per repeat,
which is how it is used.

    python bench/bench_read.py                  # input/*.pdf and ../shared/corpus/**/*.pdf
    python bench/bench_read.py --repeat 9 some.pdf other.pdf
"""

from __future__ import annotations

import argparse
import hashlib
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from kamervragen.errors import KamervragenError
from kamervragen.reader import read_pdf
from kamervragen.text import build_text

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO.parent / "shared" / "corpus"


@dataclass(frozen=True)
class Row:
    name: str
    pages: int
    ours_ms: float
    reference_ms: float | None


def default_pdfs() -> list[Path]:
    """The sample(s) in input/ and the shared corpus, without the scan (it has no text to read)."""
    pdfs = sorted((REPO / "input").glob("*.pdf"))
    if CORPUS.is_dir():
        pdfs += sorted(path for path in CORPUS.rglob("*.pdf") if "-scan" not in path.stem)
    # input/ holds a copy of the sample from the corpus: time each distinct file once.
    distinct = {hashlib.sha256(path.read_bytes()).digest(): path for path in reversed(pdfs)}
    return sorted(distinct.values(), key=pdfs.index)


def median_ms(action: Callable[[], object], repeat: int) -> float:
    """Run ``action`` once to warm up, then ``repeat`` times; the median in milliseconds."""
    action()
    timings = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        timings.append((time.perf_counter() - start) * 1000)
    return statistics.median(timings)


def read_stage(pdf: Path) -> int:
    """What `kamervragen read` computes, minus writing the files; returns the page count."""
    layout = read_pdf(pdf)
    build_text(layout)
    return len(layout.pages)


def pdftotext(pdf: Path) -> None:
    subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True, stdout=subprocess.DEVNULL)


def measure(pdf: Path, repeat: int, with_reference: bool) -> Row:
    pages = read_stage(pdf)
    ours = median_ms(lambda: read_stage(pdf), repeat)
    reference = median_ms(lambda: pdftotext(pdf), repeat) if with_reference else None
    return Row(pdf.name, pages, ours, reference)


def per_page(ms: float | None, pages: int) -> str:
    return "-" if ms is None else f"{ms / pages:.1f}"


def print_table(rows: list[Row]) -> None:
    width = max([len("file"), *(len(row.name) for row in rows)])
    header = f"{'file':<{width}}  {'pages':>5}  {'ours ms':>9}  {'ms/page':>7}  "
    header += f"{'pdftotext ms':>12}  {'ms/page':>7}  {'ratio':>6}"
    print(header)
    print("-" * len(header))
    for row in rows:
        ratio = "-" if row.reference_ms is None else f"{row.ours_ms / row.reference_ms:.1f}x"
        reference = "-" if row.reference_ms is None else f"{row.reference_ms:.1f}"
        print(
            f"{row.name:<{width}}  {row.pages:>5}  {row.ours_ms:>9.1f}  "
            f"{per_page(row.ours_ms, row.pages):>7}  {reference:>12}  "
            f"{per_page(row.reference_ms, row.pages):>7}  {ratio:>6}"
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "pdfs", nargs="*", type=Path, help="PDFs to read (default: input/ and ../shared/corpus/)"
    )
    parser.add_argument(
        "--repeat", type=int, default=5, metavar="N", help="timed runs per file (default: 5)"
    )
    args = parser.parse_args(argv)
    if args.repeat < 1:
        parser.error("--repeat must be at least 1")
    pdfs = args.pdfs or default_pdfs()
    if not pdfs:
        parser.error("no PDFs given and none found in input/ or ../shared/corpus/")
    with_reference = shutil.which("pdftotext") is not None
    if not with_reference:
        print("pdftotext not found (Debian: poppler-utils); reference column left empty")

    rows: list[Row] = []
    for pdf in pdfs:
        try:
            rows.append(measure(pdf, args.repeat, with_reference))
        except KamervragenError as error:
            print(f"skipped: {error.with_document(pdf.name)}", file=sys.stderr)
    if not rows:
        return 1

    print(f"read stage (read_pdf + build_text), warm median of {args.repeat} runs per file\n")
    print_table(rows)
    pages = sum(row.pages for row in rows)
    ours = sum(row.ours_ms for row in rows)
    print(f"\noverall: {len(rows)} files, {pages} pages; ours {ours / pages:.1f} ms/page", end="")
    if with_reference:
        reference = sum(row.reference_ms or 0.0 for row in rows)
        print(f", pdftotext -layout {reference / pages:.1f} ms/page, ratio {ours / reference:.1f}x")
    else:
        print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
