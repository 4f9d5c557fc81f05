"""Benchmark of the whole conversion, stage by stage and end to end, against the reference tools.

Not a test: it measures and prints, with the targets of the performance issue and PASS/FAIL.

1. **Stages, in this process, warm** (every file once to warm up, then ``--repeat`` times; the median
   per file): ``read_pdf``, ``build_text``, ``build_document``, the serialisations the rule graph
   adds between jobs (layout JSON out and in, semantic XML out and in), ``write_html``,
   ``write_akn``, ``write_pdf`` (with the XML and Akoma Ntoso attached, as the workflow does), in ms
   per page, median over the corpus. References on the same files, in the same run:
   ``pdftotext -layout`` (a process per run, as it is used) for reading, and WeasyPrint alone on
   the same HTML, in this process, two ways: *as printed* (``write_pdf`` with the print stylesheet
   and its fonts, what ``weasyprint -s print.css page.html`` does: the layout the PDF writer asks
   for, without its PDF/A, tags and attachments) and *bare* (``HTML(string=html).write_pdf()``:
   the page's own styles only, no page header, footnotes or table-of-contents page numbers).
2. **Jobs as processes**: each ``kamervragen`` subcommand the workflow runs, on the sample, in a
   child process: wall time and peak RSS (``ru_maxrss`` of that child, from ``os.wait4``: what
   ``getrusage(RUSAGE_CHILDREN)`` reports for a parent that ran only it); and the start-up cost of
   ``python -c pass``, ``kamervragen --help``, ``import kamervragen.writers``, ``import weasyprint``.
3. **End to end**: the real workflow (``snakemake --cores C`` for each of ``--cores``) in a
   temporary folder, a fresh output folder each, on the corpus and, for each N of ``--docs``
   (default 40 and 200, the issue's batches), on N documents made by copying the sample and the
   Aanhangsel PDFs under new names. Each is compared with the *floor*, the issue's unavoidable
   part: ``pdftotext`` per document plus WeasyPrint rendering every document's HTML as printed in
   one warm process (the stage medians of part 1, summed over the documents). In chunked mode
   (``chunk_size``: ``auto`` beyond 20 documents, as a bare ``snakemake`` runs) each job logs its
   own start-up ("ready in") and every document's time, so Snakemake and process start-up is
   measured in the same run: wall time minus the documents' time over the cores. With one job per
   step it is estimated: wall time minus the in-process work of the same jobs.
5. **Long lijst** (``--long-list``, only this part): a *lijst van vragen en antwoorden* of 100
   and of 400 questions (about 30 and 120 pages) made from the lijst samples' real texts with
   WeasyPrint; the non-PDF stages in ms per page, and whether the time grows linearly.
4. **Dry run** of a synthetic input folder of ``--dry-run-docs`` documents (hard links of the
   sample: a dry run does not read them).

    python bench/bench.py                              # everything: corpus, 40 and 200 documents
    python bench/bench.py --docs 40 --repeat 5         # the workflow on the corpus and 40 only
    python bench/bench.py --skip-e2e --dry-run-docs 0  # stages and jobs only (about a minute)
    python bench/bench.py --long-list                  # only the long lijst (400 questions)

The machine is usually shared: the load average is printed at the start and the end; repeat runs
and compare medians.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import platform
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from kamervragen.errors import KamervragenError
from kamervragen.furniture import find_furniture
from kamervragen.layout import Layout
from kamervragen.outputs import WriteOptions
from kamervragen.readers.pdfium import read_pdf
from kamervragen.semantic_xml import from_xml, to_xml
from kamervragen.structure import build_document
from kamervragen.text import build_text, render_txt

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO.parent / "shared" / "corpus"
SAMPLE = REPO / "input" / "28676-navo-verslag.pdf"
BIN = Path(sys.executable).parent
ENV = {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}"}

#: The stages timed in this process, in pipeline order.
STAGES = (
    "read_pdf",
    "build_text",
    "build_document",
    "to_json",  # layout JSON + text file, what the read job writes
    "from_json",  # what the structure job reads back
    "to_xml",
    "from_xml",  # what each render job reads back
    "write_html",
    "write_akn",
    "write_pdf",
)
#: "read + structure + HTML + AKN" of the issue's first target: the work itself, without the
#: serialisations that only the split into jobs needs.
CORE = ("read_pdf", "build_text", "build_document", "to_xml", "write_html", "write_akn")
#: The read stage as pdftotext's counterpart: PDF to text in reading order.
READ = ("read_pdf", "build_text")
#: The in-process work of each job of the present rule graph (rules/*.smk): the read job also
#: builds the document (--require-qa), the structure job builds the text and the document again.
JOBS = {
    "read_pdf": ("read_pdf", "build_text", "build_document", "to_json"),
    "build_semantic_xml": ("from_json", "build_text", "build_document", "to_xml"),
    "render_html": ("from_xml", "write_html"),
    "render_akn": ("from_xml", "write_akn"),
    "render_pdf": ("from_xml", "write_pdf"),
}

TARGET_CORE_MS_PER_PAGE = 25.0
TARGET_E2E_RATIO = 1.3
TARGET_STARTUP_SHARE = 0.10
TARGET_STARTUP_DOCS = 200
#: The batches at which the issue judges the workflow against the floor and two cores against one.
TARGET_BATCHES = (40, 200)
TARGET_SPEEDUP = 1.8
TARGET_DRY_RUN_S = 10.0
TARGET_DRY_RUN_DOCS = 10_000
TARGET_JOB_MB = 300.0


@dataclass
class FileTimes:
    """Warm medians (ms) of one file's stages and references."""

    path: Path
    pages: int
    stages: dict[str, float]
    pdftotext: float | None
    weasyprint: float  # WeasyPrint alone, bare: the HTML with its own styles
    printed: float  # WeasyPrint alone, as printed: the HTML with print.css and its fonts

    def work(self, names: Sequence[str]) -> float:
        return sum(self.stages[name] for name in names)

    def per_page(self, names: Sequence[str]) -> float:
        return self.work(names) / self.pages

    def reference(self) -> float:
        """The floor, the issue's unavoidable part: ``pdftotext`` (a process per document) plus
        WeasyPrint alone rendering the document's HTML as printed, in one warm process. Without
        pdftotext, the read stage stands in for it."""
        read = self.pdftotext if self.pdftotext is not None else self.work(READ)
        return self.printed + read

    def job_work(self) -> float:
        """In-process work of all five jobs of this document in the present rule graph."""
        return sum(self.work(stages) for stages in JOBS.values())


@dataclass
class ProcessRun:
    label: str
    wall_ms: list[float] = field(default_factory=list)
    rss_mb: list[float] = field(default_factory=list)

    @property
    def median_ms(self) -> float:
        return statistics.median(self.wall_ms)

    @property
    def peak_mb(self) -> float:
        return max(self.rss_mb)


@dataclass
class Workflow:
    label: str
    docs: int
    pages: int
    cores: int
    wall_s: float
    work_s: float  # in-process work of the same jobs, from the stage timings
    returncode: int
    reference_s: float = 0.0  # sum over the documents of FileTimes.reference()
    bare_s: float = 0.0  # the same with WeasyPrint's bare rendering
    chunk: str = "0"  # the most documents one chunk job converted (0: one job per step)
    chunks: int = 0  # the chunk jobs (0: one job per step)
    logged_s: float | None = None  # documents' own time, as the chunk jobs logged it
    ready_s: float | None = None  # the chunk jobs' loading of writers, as logged

    @property
    def measured(self) -> bool:
        return self.logged_s is not None

    @property
    def overhead_s(self) -> float:
        """Wall time not spent converting documents: Snakemake, process start-up and imports,
        loading the writers, the corpus-wide jobs. Measured when the jobs logged their documents'
        time, else estimated from the stage timings."""
        work = self.logged_s if self.logged_s is not None else self.work_s
        return self.wall_s - work / self.cores

    @property
    def overhead_share(self) -> float:
        return self.overhead_s / self.wall_s


# --- corpus ------------------------------------------------------------------------------------


def default_pdfs() -> list[Path]:
    """The sample and the convertible PDFs of the shared corpus (not the scan, not the motion)."""
    pdfs = sorted((REPO / "input").glob("*.pdf"))
    if CORPUS.is_dir():
        pdfs += sorted(p for p in (CORPUS / "verslag").glob("*.pdf") if "-scan" not in p.stem)
        pdfs += sorted((CORPUS / "aanhangsel").glob("*.pdf"))
    distinct = {hashlib.sha256(path.read_bytes()).digest(): path for path in reversed(pdfs)}
    return sorted(distinct.values(), key=pdfs.index)


def copies_sources() -> list[Path]:
    """What --docs N copies: the sample and the Aanhangsel PDFs."""
    return [SAMPLE, *sorted((CORPUS / "aanhangsel").glob("*.pdf"))] if CORPUS.is_dir() else [SAMPLE]


def build_copies(folder: Path, sources: Sequence[Path], count: int) -> dict[Path, Path]:
    """``count`` copies of ``sources`` (round robin) under new names; copy -> original."""
    folder.mkdir(parents=True, exist_ok=True)
    made: dict[Path, Path] = {}
    for index in range(count):
        source = sources[index % len(sources)]
        target = folder / f"doc{index + 1:05d}-{source.name}"
        shutil.copyfile(source, target)
        made[target] = source
    return made


# --- in-process stages -------------------------------------------------------------------------


#: --cpu: time the in-process stages and their references by CPU time, not wall time.
CPU_TIME = False


def clock() -> float:
    """Seconds: wall time, or (--cpu) the CPU time, user and system, of this process and of its
    children that have ended (pdftotext): on a shared machine, what the work itself costs."""
    if not CPU_TIME:
        return time.perf_counter()
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def timed(action: Callable[[], object]) -> tuple[float, object]:
    start = clock()
    result = action()
    return (clock() - start) * 1000, result


def stage_run(pdf: Path) -> dict[str, float]:
    """One pass through every stage; milliseconds per stage."""
    from kamervragen.writers.akn import write_akn
    from kamervragen.writers.html import write_html
    from kamervragen.writers.pdf import PdfAttachment, write_pdf

    ms: dict[str, float] = {}
    # The read job finds the page furniture too (its record is part of the layout file).
    ms["read_pdf"], layout = timed(lambda: find_furniture(read_pdf(pdf)))
    ms["build_text"], text = timed(lambda: build_text(layout))
    ms["build_document"], document = timed(lambda: build_document(text, layout=layout))
    ms["to_json"], json_text = timed(lambda: (layout.to_json(), render_txt(text))[0])
    ms["from_json"], _ = timed(lambda: Layout.from_json(json_text, document=pdf.name))
    ms["to_xml"], xml = timed(lambda: to_xml(document))
    ms["from_xml"], parsed = timed(lambda: from_xml(xml, document=pdf.name))
    ms["write_html"], _ = timed(lambda: write_html(parsed))
    ms["write_akn"], akn = timed(lambda: write_akn(parsed))
    files = [
        PdfAttachment(f"{pdf.stem}.xml", xml, "Source"),
        PdfAttachment(f"{pdf.stem}.akn.xml", akn, "Alternative"),
    ]
    ms["write_pdf"], _ = timed(lambda: write_pdf(parsed, WriteOptions(attachments=files)))
    return ms


def pdftotext_ms(pdf: Path) -> float:
    ms, _ = timed(
        lambda: subprocess.run(
            ["pdftotext", "-layout", str(pdf), "-"],
            check=True,
            stdout=subprocess.DEVNULL,
        )
    )
    return ms


def weasyprint_alone_ms(html: str) -> float:
    """WeasyPrint alone, bare: the page with its own styles, WeasyPrint's defaults."""
    import weasyprint

    ms, _ = timed(lambda: weasyprint.HTML(string=html).write_pdf())
    return ms


def weasyprint_printed_ms(html: str) -> float:
    """WeasyPrint alone, as printed: the page with the print stylesheet and its fonts, as
    ``weasyprint -s print.css page.html out.pdf`` would (fonts loaded, CSS parsed per run), and
    WeasyPrint's defaults: no PDF/A, tags, attachments or metadata."""
    import weasyprint
    from weasyprint.text.fonts import FontConfiguration

    from kamervragen.writers.pdf import font_face_css
    from kamervragen.writers.templating import template_source, templates_dir

    base_url = templates_dir().as_uri() + "/"
    css = font_face_css() + template_source("print.css")

    def run() -> bytes:
        fonts = FontConfiguration()
        sheet = weasyprint.CSS(string=css, base_url=base_url, font_config=fonts)
        page = weasyprint.HTML(string=html, base_url=base_url)
        return page.write_pdf(stylesheets=[sheet], font_config=fonts)

    ms, _ = timed(run)
    return ms


def measure_file(pdf: Path, repeat: int, with_pdftotext: bool) -> FileTimes:
    from kamervragen.writers.html import write_html

    layout = read_pdf(pdf)
    html = write_html(build_document(build_text(layout), layout=layout)).decode("utf-8")
    stage_run(pdf)  # warm-up: templates compiled, schemas loaded, fonts found
    runs = [stage_run(pdf) for _ in range(repeat)]
    stages = {name: statistics.median(run[name] for run in runs) for name in STAGES}
    reference = None
    if with_pdftotext:
        pdftotext_ms(pdf)
        reference = statistics.median(pdftotext_ms(pdf) for _ in range(repeat))
    weasyprint_alone_ms(html)
    alone = statistics.median(weasyprint_alone_ms(html) for _ in range(repeat))
    weasyprint_printed_ms(html)
    printed = statistics.median(weasyprint_printed_ms(html) for _ in range(repeat))
    return FileTimes(pdf, len(layout.pages), stages, reference, alone, printed)


# --- processes ---------------------------------------------------------------------------------


#: Runs its arguments as a child and reports that child's wall time and peak RSS. A small launcher
#: of its own, because a child forked from this (large) process inherits its RSS as high-water mark.
LAUNCHER = """
import resource, subprocess, sys, time
start = time.perf_counter()
code = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL).returncode
wall = (time.perf_counter() - start) * 1000
print(code, wall, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
"""


def run_child(command: Sequence[str | Path]) -> tuple[float, float]:
    """Run ``command`` in a child process; its wall time (ms) and peak RSS (MB)."""
    result = subprocess.run(
        [sys.executable, "-S", "-c", LAUNCHER, *map(str, command)],
        env=ENV,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        check=True,
    )
    code, wall, rss = result.stdout.split()
    if int(code) != 0:
        raise RuntimeError(f"{' '.join(map(str, command))} failed: {result.stderr.strip()}")
    return float(wall), int(rss) / 1024  # Linux reports kilobytes


def measure_processes(work: Path, repeat: int) -> list[ProcessRun]:
    kv = BIN / "kamervragen"
    py = sys.executable
    stem = SAMPLE.stem
    out = work / "jobs"
    commands: list[tuple[str, list[str | Path]]] = [
        ("python -c pass", [py, "-c", "pass"]),
        ("kamervragen --help", [kv, "--help"]),
        ("import kamervragen.writers", [py, "-c", "import kamervragen.writers"]),
        ("import weasyprint", [py, "-c", "import weasyprint"]),
        ("job read_pdf", [kv, "read", SAMPLE, "--layout", out / f"{stem}.layout.json"]
         + ["--text", out / f"{stem}.txt", "--require-qa"]),
        ("job build_semantic_xml",
         [kv, "structure", out / f"{stem}.layout.json", "--output", out / f"{stem}.xml"]),
        ("job render_html",
         [kv, "render", "html", out / f"{stem}.xml", "--output", out / f"{stem}.html"]),
        ("job render_akn",
         [kv, "render", "akn", out / f"{stem}.xml", "--output", out / f"{stem}.akn.xml"]),
        ("job render_pdf", [kv, "render", "pdf", out / f"{stem}.xml"]
         + ["--attach", out / f"{stem}.akn.xml", "--output", out / f"{stem}.pdf"]),
    ]  # fmt: skip
    # The job of chunked mode: one process converting a chunk of 20 documents, every format.
    chunk = build_copies(work / "chunk-input", copies_sources(), CHUNK_JOB_DOCS)
    convert = [kv, "convert", *chunk, "--out", out / "chunk"]
    convert += ["--formats", "layout,txt,html,pdf,akn,qa,manifest"]
    runs = []
    for label, command in commands:
        run = ProcessRun(label)
        run_child(command)  # warm the page cache
        for _ in range(repeat):
            wall, rss = run_child(command)
            run.wall_ms.append(wall)
            run.rss_mb.append(rss)
        runs.append(run)
    # Once: its peak memory is the point, and it takes as long as the other jobs together.
    run = ProcessRun(f"job convert_chunk ({len(chunk)} docs)")
    wall, rss = run_child(convert)
    run.wall_ms.append(wall)
    run.rss_mb.append(rss)
    runs.append(run)
    return runs


def snakemake_command(folder: Path, input_dir: Path, cores: int | None) -> list[str | Path]:
    """The workflow on ``input_dir``, everything else inside ``folder``, the default profile."""
    command: list[str | Path] = [
        BIN / "snakemake",
        "--snakefile",
        REPO / "Snakefile",
        "--workflow-profile",
        REPO / "profiles" / "default",
        "--directory",
        folder,
        "--nocolor",
    ]
    if cores is not None:
        command += ["--cores", str(cores)]
    command += [
        "--config",
        f"input_dir={input_dir}",
        f"output_dir={folder / 'output'}",
        f"log_dir={folder / 'logs'}",
        f"chunk_size={CHUNK_SIZE}",
    ]
    return command


# The workflow's chunk_size for the end-to-end and dry runs (--chunk-size).
CHUNK_SIZE = "auto"
#: Documents in the chunk job measured under "Processes" (about what chunk_size auto puts in one).
CHUNK_JOB_DOCS = 20


LOGGED_DOCUMENT = re.compile(r"converted .* in (\d+) ms$")
LOGGED_READY = re.compile(r"ready in (\d+) ms")


def logged_times(logs: Path) -> tuple[float, float, int] | None:
    """The chunk jobs' own account: their documents' time and their loading of the writers (s),
    and the most documents one job converted (the largest chunk the workflow made), from
    ``logs/convert_chunk/*.log``; None when the run had no chunks."""
    files = sorted((logs / "convert_chunk").glob("*.log"))
    if not files:
        return None
    documents = ready = 0.0
    largest = 0
    for path in files:
        converted = 0
        for line in path.read_text(encoding="utf-8").splitlines():
            if match := LOGGED_DOCUMENT.search(line):
                documents += int(match.group(1))
                converted += 1
            elif match := LOGGED_READY.search(line):
                ready += int(match.group(1))
        largest = max(largest, converted)
    return documents / 1000, ready / 1000, largest


def run_workflow(
    label: str,
    input_dir: Path,
    originals: dict[Path, Path],
    times: dict[Path, FileTimes],
    cores: int,
    work: Path,
) -> Workflow:
    folder = work / f"run-{label}-c{cores}"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    log = folder / "snakemake.log"
    with log.open("wb") as stream:
        start = time.perf_counter()
        result = subprocess.run(
            [str(part) for part in snakemake_command(folder, input_dir, cores)],
            env=ENV,
            stdin=subprocess.DEVNULL,
            stdout=stream,
            stderr=subprocess.STDOUT,
        )
        wall = time.perf_counter() - start
    if result.returncode != 0:
        print(f"  workflow {label} --cores {cores} exited {result.returncode}; see {log}")
    docs = [times[original] for original in originals.values()]
    logged = logged_times(folder / "logs")
    return Workflow(
        label=label,
        docs=len(docs),
        pages=sum(d.pages for d in docs),
        cores=cores,
        wall_s=wall,
        work_s=sum(d.job_work() for d in docs) / 1000,
        returncode=result.returncode,
        reference_s=sum(d.reference() for d in docs) / 1000,
        bare_s=sum(d.reference() - d.printed + d.weasyprint for d in docs) / 1000,
        chunk=str(logged[2]) if logged else "0",
        chunks=len(list((folder / "logs" / "convert_chunk").glob("*.log"))),
        logged_s=logged[0] if logged else None,
        ready_s=logged[1] if logged else None,
    )


def dry_run_seconds(count: int, work: Path) -> float:
    """Wall time of ``snakemake -n`` on ``count`` documents (hard links of the sample)."""
    folder = work / f"dry-{count}"
    inputs = folder / "input"
    inputs.mkdir(parents=True, exist_ok=True)
    for index in range(count):
        target = inputs / f"d{index + 1:05d}.pdf"
        if not target.exists():
            try:
                os.link(SAMPLE, target)
            except OSError:
                target.write_bytes(b"%PDF-1.4\n%%EOF\n")
    start = time.perf_counter()
    result = subprocess.run(
        [str(part) for part in snakemake_command(folder, inputs, None)] + ["--dry-run"],
        env=ENV,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    seconds = time.perf_counter() - start
    if result.returncode != 0:
        print(f"  dry run of {count} failed: {result.stderr.decode()[-500:]}")
    return seconds


# --- report ------------------------------------------------------------------------------------


def load() -> str:
    one, five, fifteen = os.getloadavg()
    return f"load average {one:.2f} {five:.2f} {fifteen:.2f} on {os.cpu_count()} cores"


def verdict(ok: bool) -> str:
    return "PASS" if ok else "FAIL"


def print_stages(times: list[FileTimes]) -> None:
    pages = sum(t.pages for t in times)
    print(f"\n## Stages in process, warm ({len(times)} files, {pages} pages)\n")
    clock_name = "CPU ms (user + system)" if CPU_TIME else "ms"
    print(
        f"{clock_name} per page: median over files, the whole corpus (sum/sum), min and max over files"
    )
    print(f"{'stage':<22}{'median':>9}{'corpus':>9}{'min':>9}{'max':>9}")

    def row(label: str, values: list[float], total: float) -> None:
        print(
            f"{label:<22}{statistics.median(values):>9.1f}{total / pages:>9.1f}"
            f"{min(values):>9.1f}{max(values):>9.1f}"
        )

    for name in STAGES:
        row(
            name,
            [t.per_page((name,)) for t in times],
            sum(t.work((name,)) for t in times),
        )
    print("-" * 58)
    row(
        "read (+build_text)",
        [t.per_page(READ) for t in times],
        sum(t.work(READ) for t in times),
    )
    row(
        "core (no PDF)",
        [t.per_page(CORE) for t in times],
        sum(t.work(CORE) for t in times),
    )
    row(
        "all stages",
        [t.per_page(STAGES) for t in times],
        sum(t.work(STAGES) for t in times),
    )
    if all(t.pdftotext is not None for t in times):
        values = [(t.pdftotext or 0) / t.pages for t in times]
        row("ref pdftotext -layout", values, sum(t.pdftotext or 0 for t in times))
    row("ref WeasyPrint printed", [t.printed / t.pages for t in times],
        sum(t.printed for t in times))  # fmt: skip
    row("ref WeasyPrint bare", [t.weasyprint / t.pages for t in times],
        sum(t.weasyprint for t in times))  # fmt: skip
    print("\nper file (ms, warm medians; printed/bare: WeasyPrint alone as printed, bare)")
    width = max(len(t.path.name) for t in times)
    print(f"{'file':<{width}} {'pages':>5} {'read':>7} {'core':>7} {'pdf':>7} "
          f"{'pdftotext':>9} {'printed':>7} {'bare':>7} {'read/ptt':>8} {'pdf/printed':>11}"
          f" {'pdf/bare':>8}")  # fmt: skip
    for t in times:
        ratio = f"{t.work(READ) / t.pdftotext:.1f}x" if t.pdftotext else "-"
        pdf = t.stages["write_pdf"]
        print(
            f"{t.path.name:<{width}} {t.pages:>5} {t.work(READ):>7.1f} {t.work(CORE):>7.1f} "
            f"{pdf:>7.1f} {t.pdftotext or 0:>9.1f} {t.printed:>7.1f} {t.weasyprint:>7.1f} "
            f"{ratio:>8} {pdf / t.printed:>10.2f}x {pdf / t.weasyprint:>7.2f}x"
        )


def print_processes(runs: list[ProcessRun], times: dict[Path, FileTimes]) -> None:
    sample = times.get(SAMPLE)
    print(f"\n## Processes (sample {SAMPLE.name}): wall median and peak RSS\n")
    print(f"{'command':<28}{'wall ms':>9}{'work ms':>9}{'start-up':>10}{'peak MB':>9}")
    for run in runs:
        job = run.label.removeprefix("job ")
        work = sample.work(JOBS[job]) if sample and job in JOBS else None
        extra = f"{work:>9.0f}{run.median_ms - work:>10.0f}" if work is not None else " " * 19
        print(f"{run.label:<28}{run.median_ms:>9.0f}{extra}{run.peak_mb:>9.0f}")
    jobs = [run for run in runs if run.label.removeprefix("job ") in JOBS]
    total = sum(run.median_ms for run in jobs)
    if sample and jobs:
        work = sample.job_work()
        print(
            f"{'5 jobs of one document':<28}{total:>9.0f}{work:>9.0f}{total - work:>10.0f}"
            f"{max(run.peak_mb for run in jobs):>9.0f}"
        )


def print_workflows(flows: list[Workflow]) -> None:
    print("\n## Workflow end to end (snakemake, default profile, fresh output folder)\n")
    print(f"{'corpus':<10}{'docs':>5}{'pages':>6}{'chunks':>10}{'cores':>6}{'wall s':>8}"
          f"{'ref s':>7}{'wall/ref':>9}{'docs s':>8}{'ready s':>8}{'overhead s':>11}"
          f"{'share':>7}{'s/doc':>7}{'rc':>4}")  # fmt: skip
    for f in flows:
        work = f"{f.logged_s:>8.1f}" if f.logged_s is not None else f"{f.work_s:>7.1f}*"
        ready = f"{f.ready_s:>8.1f}" if f.ready_s is not None else f"{'-':>8}"
        chunks = f"{f.chunks} (<={f.chunk})" if f.chunks else "-"
        print(
            f"{f.label:<10}{f.docs:>5}{f.pages:>6}{chunks:>10}{f.cores:>6}{f.wall_s:>8.1f}"
            f"{f.reference_s:>7.1f}{f.wall_s / f.reference_s:>8.2f}x{work}{ready}"
            f"{f.overhead_s:>11.1f}{f.overhead_share:>7.0%}{f.wall_s / f.docs:>7.2f}"
            f"{f.returncode:>4}"
        )
    print(
        "ref = the floor: pdftotext per document + WeasyPrint alone rendering each document's\n"
        "  HTML as printed in one warm process (medians of the stage timings, summed)\n"
        "chunks = chunk jobs (<= most documents in one); - = one job per step and document\n"
        "docs = the documents' own time as the chunk jobs logged it; * = estimated from the stage\n"
        "  medians (one job per step: no job logs its documents apart from its start-up)\n"
        "ready = the chunk jobs' loading of templates, schemas and fonts (part of the overhead)\n"
        "overhead = wall - docs/cores: Snakemake, process start-up, loading, corpus-wide jobs"
    )


def print_targets(
    times: list[FileTimes],
    runs: list[ProcessRun],
    flows: list[Workflow],
    dry_runs: dict[int, float],
) -> None:
    print("\n## Targets\n")
    rows: list[tuple[str, str, str, str]] = []
    core = statistics.median(t.per_page(CORE) for t in times)
    rows.append(("read+structure+HTML+AKN, ms/page (median, warm)",
                 f"<= {TARGET_CORE_MS_PER_PAGE:.0f}", f"{core:.1f}",
                 verdict(core <= TARGET_CORE_MS_PER_PAGE)))  # fmt: skip
    reference = sum(t.reference() for t in times) / 1000
    in_process = sum(t.work(STAGES) for t in times) / 1000
    rows.append(("in-process all stages / floor (pdftotext + WeasyPrint printed)", "(info)",
                 f"{in_process / reference:.2f}x", "info"))  # fmt: skip
    ones = sorted((f for f in flows if f.cores == 1), key=lambda f: f.docs)
    for f in ones:
        target = f.docs in TARGET_BATCHES
        ratio = f.wall_s / f.reference_s
        rows.append((f"workflow 1 core / floor, {f.docs} docs",
                     f"<= {TARGET_E2E_RATIO}x" if target else "(info)", f"{ratio:.2f}x",
                     verdict(ratio <= TARGET_E2E_RATIO) if target else "info"))  # fmt: skip
        rows.append((f"workflow 1 core / (pdftotext + WeasyPrint bare), {f.docs} docs", "(info)",
                     f"{f.wall_s / f.bare_s:.2f}x", "info"))  # fmt: skip
    for f in ones:
        how = "measured" if f.measured else "estimated"
        target = f.docs == TARGET_STARTUP_DOCS
        rows.append((f"Snakemake + start-up share of wall, {f.docs} docs, 1 core",
                     f"<= {TARGET_STARTUP_SHARE:.0%}" if target else "(info)",
                     f"{f.overhead_share:.0%} ({how})",
                     verdict(f.overhead_share <= TARGET_STARTUP_SHARE) if target else "info"))  # fmt: skip
    pairs = {}
    for f in flows:
        pairs.setdefault(f.label, {})[f.cores] = f
    for label, by_cores in pairs.items():
        if 1 in by_cores and 2 in by_cores:
            speedup = by_cores[1].wall_s / by_cores[2].wall_s
            target = by_cores[1].docs in TARGET_BATCHES
            rows.append((f"throughput 2 cores / 1 core ({label}, {by_cores[1].docs} docs)",
                         f">= {TARGET_SPEEDUP}x" if target else "(info)", f"{speedup:.2f}x",
                         verdict(speedup >= TARGET_SPEEDUP) if target else "info"))  # fmt: skip
    for count, seconds in sorted(dry_runs.items()):
        target = count == TARGET_DRY_RUN_DOCS
        result = verdict(seconds <= TARGET_DRY_RUN_S) if target else "info"
        rows.append((f"dry run of {count} documents",
                     f"<= {TARGET_DRY_RUN_S:.0f} s" if target else "(scaling)",
                     f"{seconds:.1f} s", result))  # fmt: skip
    jobs = [run for run in runs if run.label.startswith("job ")]
    if jobs:
        peak = max(jobs, key=lambda run: run.peak_mb)
        rows.append(("peak memory per job (sample; a chunk)", f"<= {TARGET_JOB_MB:.0f} MB",
                     f"{peak.peak_mb:.0f} MB ({peak.label[4:]})",
                     verdict(peak.peak_mb <= TARGET_JOB_MB)))  # fmt: skip
    width = max(len(row[0]) for row in rows)
    print(f"{'target':<{width}}  {'wanted':>10}  {'measured':>36}  result")
    for name, wanted, measured, result in rows:
        print(f"{name:<{width}}  {wanted:>10}  {measured:>36}  {result}")


def versions() -> str:
    import snakemake
    import weasyprint

    return (
        f"Python {platform.python_version()}, Snakemake {snakemake.__version__}, "
        f"WeasyPrint {weasyprint.__version__}, {platform.machine()} {platform.system()}"
    )


# --- a long lijst ----------------------------------------------------------------------------------

#: The long list of the lijst issue: 400 questions over about 120 pages, made from the samples.
LONG_LIST_QUESTIONS = (100, 400)
#: The non-PDF stages of a long list (neither reading the PDF nor writing one), per page: the
#: goal is the same as the other families'. Reading is printed beside them.
LONG_LIST_STAGES = ("build_text", "build_document", "to_xml", "write_html", "write_akn")

LONG_LIST_STYLE = """
@page { size: A4; margin: 2.5cm 2.5cm 3cm;
  @bottom-center { content: "Tweede Kamer, vergaderjaar 2013–2014, 33 930, nr. 1 " counter(page);
    font-size: 8pt } }
body { font-family: DejaVu Serif; font-size: 10pt; line-height: 1.3; text-align: justify;
  hyphens: auto }
p { margin: 0 0 8pt 0 } .label { font-weight: bold; margin: 10pt 0 2pt 0 }
"""


def long_list_pdf(folder: Path, questions: int) -> Path:
    """A *lijst van vragen en antwoorden* of ``questions`` questions ("Vraag N", the question,
    "Antwoord op vraag N:", the answer), the real texts of ../shared/corpus/lijst's gold files
    taken in turn, printed by WeasyPrint: about 0.3 pages per question."""
    import html
    import json

    import weasyprint

    items = []
    for gold in sorted((CORPUS / "lijst").glob("*.gold.json")):
        data = json.loads(gold.read_text(encoding="utf-8"))
        items += list(zip(data["questions"], data["answers"], strict=True))
    if not items:
        raise SystemExit(f"no lijst samples in {CORPUS / 'lijst'}: the long list is made of them")
    body = [
        "<p><b>33 930 Resultaten verantwoordingsonderzoek 2013</b></p>",
        "<p><b>Nr. 1 LIJST VAN VRAGEN EN ANTWOORDEN</b></p>",
        "<p>Vastgesteld 13 juni 2014</p>",
        "<p>De vaste commissie voor Financiën heeft een aantal vragen voorgelegd aan de Algemene "
        "Rekenkamer over het rapport Resultaten verantwoordingsonderzoek 2013 (Kamerstuk 33 930, "
        "nr. 1). De Algemene Rekenkamer heeft deze vragen beantwoord bij brief van 13 juni 2014. "
        "Vragen en antwoorden zijn hierna afgedrukt.</p>",
    ]
    for number in range(1, questions + 1):
        question, answer = items[(number - 1) % len(items)]
        body += [
            f'<p class="label">Vraag {number}</p>',
            f"<p>{html.escape(question['text'])}</p>",
            f'<p class="label">Antwoord op vraag {number}:</p>',
            f"<p>{html.escape(answer['text'])}</p>",
        ]
    page = f'<html lang="nl"><head><style>{LONG_LIST_STYLE}</style></head><body>{"".join(body)}'
    path = folder / f"lijst-{questions}-vragen.pdf"
    weasyprint.HTML(string=page + "</body></html>").write_pdf(path)
    return path


def long_list_run(pdf: Path) -> dict[str, float]:
    """One pass through the non-PDF stages; milliseconds per stage."""
    from kamervragen.writers.akn import write_akn
    from kamervragen.writers.html import write_html

    ms: dict[str, float] = {}
    ms["read_pdf"], layout = timed(lambda: read_pdf(pdf))
    ms["build_text"], text = timed(lambda: build_text(layout))
    ms["build_document"], document = timed(lambda: build_document(text, layout=layout))
    ms["to_xml"], _ = timed(lambda: to_xml(document))
    ms["write_html"], _ = timed(lambda: write_html(document))
    ms["write_akn"], _ = timed(lambda: write_akn(document))
    return ms


def measure_long_list(work: Path, repeat: int) -> bool:
    """The long lists: ms per page of every non-PDF stage, and whether time grows linearly."""
    print("\n## Long lijst (non-PDF stages, ms per page; median of the runs)\n")
    names = " ".join(f"{name:>14}" for name in LONG_LIST_STAGES)
    print(f"{'questions':>9} {'pages':>5} {'(read_pdf)':>10} {names} {'total':>8}")
    totals: list[tuple[int, float]] = []
    for count in LONG_LIST_QUESTIONS:
        pdf = long_list_pdf(work, count)
        layout = read_pdf(pdf)
        pages = len(layout.pages)
        document = build_document(build_text(layout), layout=layout)
        found = len(document.questions()), len(document.answers())
        if found != (count, count):
            print(f"{pdf.name}: found {found[0]} questions and {found[1]} answers, not {count}")
        long_list_run(pdf)  # warm-up
        runs = [long_list_run(pdf) for _ in range(repeat)]
        stages = {
            name: statistics.median(run[name] for run in runs) / pages
            for name in ("read_pdf", *LONG_LIST_STAGES)
        }
        total = sum(stages[name] for name in LONG_LIST_STAGES)
        totals.append((pages, total))
        values = " ".join(f"{stages[name]:>14.2f}" for name in LONG_LIST_STAGES)
        print(f"{count:>9} {pages:>5} {stages['read_pdf']:>10.2f} {values} {total:>8.2f}")
    (small_pages, small), (large_pages, large) = totals[0], totals[-1]
    linear = large <= 1.5 * small  # per page: a quadratic step would grow with the length
    ok = large <= TARGET_CORE_MS_PER_PAGE and linear
    print(
        f"\nms/page {small:.1f} at {small_pages} pages, {large:.1f} at {large_pages} pages "
        f"(linear: {'yes' if linear else 'no'}); goal <= {TARGET_CORE_MS_PER_PAGE:.0f} ms/page: "
        f"{verdict(ok)}"
    )
    return ok


# --- OCR ---------------------------------------------------------------------------------------------

#: Seconds one scanned page may cost on one core (the OCR issue's target).
TARGET_OCR_S_PER_PAGE = 4.0

#: As LAUNCHER, and also the CPU time of the child and everything it waited for (Tesseract).
OCR_LAUNCHER = """
import resource, subprocess, sys, time
start = time.perf_counter()
code = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL).returncode
wall = time.perf_counter() - start
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print(code, wall, usage.ru_maxrss, usage.ru_utime + usage.ru_stime)
"""


def scan_pdfs() -> list[Path]:
    """The public scans: the five Aanhangsel scans and the 150-dpi verslag scan."""
    if not CORPUS.is_dir():
        return []
    return sorted((CORPUS / "scans").glob("*-scan.pdf")) + sorted(
        (CORPUS / "verslag").glob("*-scan.pdf")
    )


def gold_agreement(layout: Layout, pdf: Path) -> tuple[str, float] | None:
    """Blocks found against the gold (questions and answers with the right numbers) and the
    mean similarity of their text (difflib over letters and digits); None without a gold file.
    Measured as the tests measure (tests/gold.py)."""
    if str(REPO / "tests") not in sys.path:
        sys.path.append(str(REPO / "tests"))
    from gold import gold_blocks, gold_file, node_text, read_gold, similarity

    path = gold_file(pdf)
    if path is None:
        return None
    questions, answers = gold_blocks(read_gold(path))
    expected = questions + answers
    doc = build_document(build_text(layout), layout=layout)
    found = [(n.numbers, node_text(n)) for n in (*doc.questions(), *doc.answers())]
    right = sum(1 for (a, _), (b, _) in zip(found, expected, strict=False) if a == b)
    scores = [similarity(f, e) for (_, f), (_, e) in zip(found, expected, strict=False)]
    label = f"{right}/{len(expected)}" + (
        f" (+{len(found) - len(expected)})" if len(found) > len(expected) else ""
    )
    return label, sum(scores) / len(scores) if scores else 0.0


def measure_ocr(work: Path, threads: int) -> bool:
    """Each public scan read by `kamervragen read --threads N` (OCR): seconds per page (wall and
    CPU, Tesseract included), peak memory of one process, blocks found and text similarity."""
    scans = scan_pdfs()
    if not scans:
        print("no scans: ../shared/corpus is absent")
        return False
    from kamervragen.readers.ocr import LANGUAGE, engine_version

    print(f"\n## OCR (kamervragen read --ocr auto --threads {threads}; one run per file; "
          f"Tesseract {engine_version()}, {LANGUAGE})\n")  # fmt: skip
    print(f"{'document':<34} {'pages':>5} {'s/page':>7} {'CPU s/page':>10} {'peak MB':>8} "
          f"{'blocks':>8} {'similarity':>10}")  # fmt: skip
    total_pages = total_wall = total_cpu = 0.0
    for pdf in scans:
        layout_file, text_file = work / f"{pdf.stem}.layout.json", work / f"{pdf.stem}.txt"
        command = [BIN / "kamervragen", "read", pdf, "--layout", layout_file, "--text", text_file,
                   "--threads", str(threads)]  # fmt: skip
        result = subprocess.run(
            [sys.executable, "-S", "-c", OCR_LAUNCHER, *map(str, command)],
            env=ENV, stdin=subprocess.DEVNULL, capture_output=True, text=True, check=True,
        )  # fmt: skip
        code, wall, rss, cpu = result.stdout.split()
        if int(code) != 0:
            print(f"{pdf.name}: failed (exit {code})")
            continue
        layout = Layout.from_json(layout_file.read_text(encoding="utf-8"))
        pages = len(layout.pages)
        agreement = gold_agreement(layout, pdf)
        blocks, similarity = agreement if agreement else ("-", float("nan"))
        total_pages += pages
        total_wall += float(wall)
        total_cpu += float(cpu)
        print(f"{pdf.stem:<34} {pages:>5} {float(wall) / pages:>7.2f} {float(cpu) / pages:>10.2f} "
              f"{int(rss) / 1024:>8.0f} {blocks:>8} {similarity:>10.4f}")  # fmt: skip
    per_page = total_cpu / total_pages if total_pages else float("inf")
    ok = per_page <= TARGET_OCR_S_PER_PAGE
    print(
        f"\nall scans: {total_pages:.0f} pages, {total_wall / total_pages:.2f} s/page wall, "
        f"{per_page:.2f} s/page of CPU (one core); goal <= {TARGET_OCR_S_PER_PAGE:g} s/page on "
        f"one core: {verdict(ok)}"
    )
    return ok


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("pdfs", nargs="*", type=Path, help="PDFs (default: input/ and corpus)")
    parser.add_argument("--docs", default=",".join(map(str, TARGET_BATCHES)), metavar="LIST",
                        help="also run the workflow on N copies of the sample and the Aanhangsel "
                        "PDFs, for each N (default 40,200: the issue's batches; 0: only the "
                        "corpus)")  # fmt: skip
    parser.add_argument("--repeat", type=int, default=3, metavar="R",
                        help="timed runs per file and command, after a warm-up (default 3)")  # fmt: skip
    parser.add_argument("--cores", default="1,2", metavar="LIST",
                        help="core counts for the end-to-end runs (default 1,2)")  # fmt: skip
    parser.add_argument("--skip-e2e", action="store_true",
                        help="no workflow runs (dry runs: see --dry-run-docs)")  # fmt: skip
    parser.add_argument("--dry-run-docs", default=f"1000,{TARGET_DRY_RUN_DOCS}", metavar="LIST",
                        help="sizes of the synthetic dry runs (default 1000,10000; 0: none)")  # fmt: skip
    parser.add_argument(
        "--chunk-size",
        default="auto",
        metavar="N",
        help="the workflow's chunk_size for every run (default auto, the workflow's default: one "
        "job per step and document up to 20 documents, chunks balanced by work beyond)",
    )
    parser.add_argument("--cpu", action="store_true",
                        help="time the in-process stages and their references (pdftotext, "
                        "WeasyPrint alone) by CPU time, user + system, instead of wall time: "
                        "steadier on a shared machine; with --skip-e2e --dry-run-docs 0, the "
                        "stages only")  # fmt: skip
    parser.add_argument("--keep", type=Path, metavar="DIR",
                        help="work in DIR and keep it (default: a temporary folder, removed)")  # fmt: skip
    parser.add_argument("--long-list", action="store_true",
                        help="only the long lijst: 400 questions over about 120 pages, made from "
                        "the lijst samples; ms per page of the non-PDF stages")  # fmt: skip
    parser.add_argument("--ocr", type=int, nargs="?", const=1, metavar="THREADS",
                        help="only OCR: the public scans read with --threads THREADS (default 1: "
                        "seconds per page on one core), blocks found and text similarity to the "
                        "gold")  # fmt: skip
    args = parser.parse_args(argv)
    if args.repeat < 1:
        parser.error("--repeat must be at least 1")
    if args.ocr is not None:
        print("# kamervragen benchmark: OCR")
        print(f"{versions()}; {os.cpu_count()} cores; start: {load()}")
        with tempfile.TemporaryDirectory(prefix="kamervragen-bench-") as folder:
            ok = measure_ocr(Path(folder), args.ocr)
        print(f"end: {load()}")
        return 0 if ok else 1
    if args.long_list:
        print("# kamervragen benchmark: long lijst")
        print(f"{versions()}; {os.cpu_count()} cores; start: {load()}")
        with tempfile.TemporaryDirectory(prefix="kamervragen-bench-") as folder:
            ok = measure_long_list(Path(folder), args.repeat)
        print(f"end: {load()}")
        return 0 if ok else 1
    global CHUNK_SIZE, CPU_TIME
    CHUNK_SIZE = args.chunk_size
    CPU_TIME = args.cpu
    cores = [int(c) for c in args.cores.split(",") if c.strip()]
    dry_sizes = [int(c) for c in args.dry_run_docs.split(",") if c.strip() and int(c) > 0]
    batches = [int(c) for c in args.docs.split(",") if c.strip() and int(c) > 0]
    pdfs = [p.resolve() for p in args.pdfs] or default_pdfs()
    sys.stdout.reconfigure(line_buffering=True)  # progress shows when the output is a file

    print("# kamervragen benchmark")
    print(f"{versions()}; {os.cpu_count()} cores")
    print(f"start: {time.strftime('%Y-%m-%d %H:%M:%S')}, {load()}")
    print(f"repeat {args.repeat} (+1 warm-up); medians throughout")
    if CPU_TIME:
        print(
            "stages and their references timed by CPU time (--cpu); processes and workflows by wall"
        )
    with_pdftotext = shutil.which("pdftotext") is not None
    if not with_pdftotext:
        print("pdftotext not found (Debian: poppler-utils): no reading reference")

    times: list[FileTimes] = []
    for pdf in pdfs:
        try:
            times.append(measure_file(pdf, args.repeat, with_pdftotext))
        except KamervragenError as error:
            print(f"skipped: {error.with_document(pdf.name)}", file=sys.stderr)
    if not times:
        return 1
    by_file = {t.path: t for t in times}
    print_stages(times)

    work = args.keep or Path(tempfile.mkdtemp(prefix="kamervragen-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        runs = measure_processes(work, args.repeat)
        print_processes(runs, by_file)
        flows: list[Workflow] = []
        dry_runs: dict[int, float] = {}
        if not args.skip_e2e:
            corpus_dir = work / "corpus-input"
            corpus_dir.mkdir(exist_ok=True)
            originals = {}
            for t in times:
                target = corpus_dir / t.path.name
                shutil.copyfile(t.path, target)
                originals[target] = t.path
            sets = [("corpus", corpus_dir, originals)]
            sources = [s for s in copies_sources() if s in by_file]
            for count in batches:
                copies = build_copies(work / f"docs{count}-input", sources, count)
                sets.append((f"docs{count}", work / f"docs{count}-input", copies))
            for label, folder, made in sets:
                for count in cores:
                    flows.append(run_workflow(label, folder, made, by_file, count, work))
                    print(f"  {label} --cores {count}: {flows[-1].wall_s:.1f} s ({load()})")
            print_workflows(flows)
        if dry_sizes:
            print("\n## Dry runs (snakemake -n, default profile, hard links of the sample)\n")
            for count in dry_sizes:
                dry_runs[count] = dry_run_seconds(count, work)
                print(f"{count:>6} documents: {dry_runs[count]:.1f} s ({load()})")
        print_targets(times, runs, flows, dry_runs)
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)
    print(f"\nend: {time.strftime('%Y-%m-%d %H:%M:%S')}, {load()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
