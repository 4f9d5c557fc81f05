"""Command line: one subcommand per workflow stage; the only module that does file I/O.

    kamervragen read PDF --layout NAME.layout.json --text NAME.txt
    kamervragen structure NAME.layout.json --output NAME.xml [--strict]
    kamervragen render {html,pdf,akn} NAME.xml --output NAME.html
    kamervragen render pdf NAME.xml --output NAME.pdf --attach NAME.akn.xml
    kamervragen export {qa,csv} NAME.xml... --output FILE
    kamervragen manifest --source PDF --xml NAME.xml --output NAME.manifest.json OUTPUT...
    kamervragen checksums FILE... --base DIR --output DIR/SHA256SUMS

and for use without the workflow:

    kamervragen convert FILE.pdf... --out DIR [--formats html,pdf,akn,...] [--strict]
    kamervragen validate FILE...

Each subcommand writes its outputs atomically (a temporary file renamed into place), so a failure
leaves nothing behind that a rerun would take for done; an output folder that is left empty is removed.
Errors are one line on stderr (``<file>: page N: problem; expected …``) and a documented exit code.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import glob
import logging
import os
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any, TextIO

from kamervragen import __version__, model, outputs
from kamervragen.errors import (
    InputError,
    InternalError,
    KamervragenError,
    RenderError,
    exit_codes_help,
)
from kamervragen.limits import DEFAULT_LIMITS, MIB, ReadLimits

log = logging.getLogger("kamervragen")

EXIT_CODES_HELP = exit_codes_help()  # from the error classes of errors.py


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kamervragen",
        description="Dutch parliamentary written questions and answers: PDF to semantic XML, "
        "HTML, PDF/A and Akoma Ntoso.",
        epilog=EXIT_CODES_HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"kamervragen {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def add(name: str, help_text: str, example: str) -> argparse.ArgumentParser:
        sub = commands.add_parser(
            name,
            help=help_text,
            description=help_text,
            epilog=f"example:\n  {example}\n\n{EXIT_CODES_HELP}",
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        sub.add_argument("--log", type=Path, help="also append log lines to this file")
        return sub

    read = add(
        "read",
        "Read a PDF: write its layout lines (JSON) and its text in reading order.",
        "kamervragen read input/28676-navo-verslag.pdf "
        "--layout out/28676-navo-verslag.layout.json --text out/28676-navo-verslag.txt",
    )
    read.add_argument("pdf", type=Path, help="the source PDF")
    read.add_argument("--layout", type=Path, required=True, help="layout JSON to write")
    read.add_argument("--text", type=Path, required=True, help="plain text to write")
    read.add_argument(
        "--require-qa",
        action="store_true",
        help="refuse a document without question/answer structure (exit 7) before writing "
        "anything; the workflow uses this so that such a document leaves no output at all",
    )
    read.add_argument(
        "--strict",
        action="store_true",
        help="with --require-qa: refuse a document with structure warnings (exit 9) before "
        "writing anything, as 'structure --strict' would fail it",
    )
    read.add_argument(
        "--outcome",
        type=Path,
        metavar="FILE",
        help="record the verdict in FILE (JSON, see kamervragen/corpus.py): a rejected input "
        "(exit codes 3, 4, 5, 7, 9, 10) is then a normal outcome: its one-line reason is "
        "printed, earlier outputs of the document in the folder of --layout are removed, and "
        "the exit status is 0. The workflow uses this to list rejected inputs in rejected.csv",
    )
    _add_limit_options(read)

    structure = add(
        "structure",
        "Build the semantic XML from a layout JSON.",
        "kamervragen structure out/x.layout.json --output out/x.xml --strict",
    )
    structure.add_argument("layout", type=Path, help="layout JSON written by 'read'")
    structure.add_argument("--output", type=Path, required=True, help="semantic XML to write")
    structure.add_argument(
        "--strict", action="store_true", help="treat warnings (anomalies) as errors"
    )

    render = add(
        "render",
        "Render a semantic XML as HTML, PDF or Akoma Ntoso.",
        "kamervragen render html out/x.xml --output out/x.html",
    )
    render.add_argument("format", choices=outputs.names("render"), help="output format")
    render.add_argument("xml", type=Path, help="semantic XML written by 'structure'")
    render.add_argument("--output", type=Path, required=True, help="file to write")
    render.add_argument(
        "--attach",
        type=Path,
        action="append",
        default=[],
        metavar="FILE",
        help="pdf only: embed FILE in the PDF/A-3 as an associated file with relationship "
        "Alternative (e.g. NAME.akn.xml); repeatable. The semantic XML is always embedded, as "
        "its exact bytes, with relationship Source",
    )
    _add_integration_commands(add)
    return parser


def _add_limit_options(read: argparse.ArgumentParser) -> None:
    """The read limits (exit 10 when exceeded); the defaults are those of ReadLimits."""
    limits = read.add_argument_group(
        "limits",
        "A PDF that would cost more than this to read fails with exit code 10, naming the limit. "
        "The PDF is read in a child process that is held to them (docs/robustness.md).",
    )
    limits.add_argument(
        "--max-file-mb",
        type=_positive(float),
        default=DEFAULT_LIMITS.max_file_size / MIB,
        metavar="MB",
        help="largest PDF accepted, in MiB (default %(default)g)",
    )
    limits.add_argument(
        "--max-pages",
        type=_positive(int),
        default=DEFAULT_LIMITS.max_pages,
        metavar="N",
        help="most pages accepted (default %(default)s)",
    )
    limits.add_argument(
        "--max-chars-per-page",
        type=_positive(int),
        default=DEFAULT_LIMITS.max_chars_per_page,
        metavar="N",
        help="most characters on one page (default %(default)s)",
    )
    limits.add_argument(
        "--max-seconds",
        type=_positive(float),
        default=DEFAULT_LIMITS.max_seconds,
        metavar="S",
        help="wall-clock time for reading the whole PDF (default %(default)g)",
    )
    limits.add_argument(
        "--max-memory-mb",
        type=_non_negative(int),
        default=DEFAULT_LIMITS.max_memory // MIB,
        metavar="MB",
        help="address-space ceiling of the reading process in MiB; 0: none (default %(default)s)",
    )
    limits.add_argument(
        "--max-ocr-pixels",
        type=_positive(int),
        default=DEFAULT_LIMITS.max_ocr_pixels,
        metavar="N",
        help="OCR: most pixels of a page image, or of one image on the page, checked before "
        "anything is decoded (default %(default)s; A4 at 300 dpi is 8.7 million)",
    )
    limits.add_argument(
        "--max-ocr-seconds-per-page",
        type=_positive(float),
        default=DEFAULT_LIMITS.max_ocr_seconds_per_page,
        metavar="S",
        help="OCR: wall-clock time for recognising one page; each page to recognise adds it "
        "(divided by --threads) to --max-seconds (default %(default)g)",
    )
    ocr = read.add_argument_group(
        "OCR",
        "Pages without a text layer (scans) are recognised with Tesseract 5 (Dutch model) in "
        "the reading child process; the layout says which pages, and how confidently.",
    )
    ocr.add_argument(
        "--ocr",
        choices=OCR_MODES,
        default="auto",
        help="auto: recognise the pages that have no text layer; off: never (a PDF without "
        "text is refused, exit 5); force: recognise every page, ignoring its text layer "
        "(default %(default)s)",
    )
    ocr.add_argument(
        "--threads",
        type=_positive(int),
        default=1,
        metavar="N",
        help="pages recognised at once, one core each (default %(default)s; the workflow "
        "passes the threads Snakemake gives the job)",
    )


def _positive(kind: type[int] | type[float]) -> Callable[[str], int | float]:
    def convert(value: str) -> int | float:
        number = kind(value)
        if not number > 0:
            raise argparse.ArgumentTypeError(f"must be greater than 0, not {value}")
        return number

    convert.__name__ = kind.__name__  # argparse names the type in its error message
    return convert


def _non_negative(kind: type[int]) -> Callable[[str], int]:
    def convert(value: str) -> int:
        number = kind(value)
        if number < 0:
            raise argparse.ArgumentTypeError(f"must be 0 or more, not {value}")
        return number

    convert.__name__ = kind.__name__
    return convert


def read_limits(args: argparse.Namespace) -> ReadLimits:
    """The ReadLimits of the parsed limit options (see _add_limit_options)."""
    return ReadLimits(
        max_file_size=int(args.max_file_mb * MIB),
        max_pages=args.max_pages,
        max_chars_per_page=args.max_chars_per_page,
        max_seconds=args.max_seconds,
        max_memory=args.max_memory_mb * MIB,
        max_ocr_pixels=args.max_ocr_pixels,
        max_ocr_seconds_per_page=args.max_ocr_seconds_per_page,
    )


# --ocr: the PDFium reader alone (off), or the OCR reader in one of its modes. The same as
# readers.OCR_MODES, written out so that parsing arguments does not load PDFium (tested).
OCR_MODES = ("auto", "off", "force")


def reader_choice(args: argparse.Namespace) -> tuple[str, dict[str, object]]:
    """The reader (name in READERS) and its options for the parsed --ocr and --threads."""
    from kamervragen.readers import choose

    return choose(args.ocr, threads=args.threads)


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command == "render" and args.attach and args.format != "pdf":
        parser.error(f"--attach is for the pdf format only, not {args.format}")  # exit 2
    _configure_logging(args.log)
    try:
        if getattr(args, "handler", None) is not None:
            return int(args.handler(args))
        if args.command == "read":
            return _read(args)
        if args.command == "structure":
            return _structure(args)
        return _render(args)
    except KamervragenError as error:
        _remove_outputs(_declared_outputs(args))
        log.error(error.format_message())
        return error.exit_code
    # A bug costs only this command's document: one line, the traceback in the log, no output.
    except Exception as exc:
        _remove_outputs(_declared_outputs(args))
        return _internal_error(exc, _primary_input(args).name, args.log)


def _internal_error(exc: Exception, document: str, log_file: Path | None) -> int:
    """Report an unexpected exception in ``document`` (see InternalError); return its exit code."""
    error = InternalError.wrap(exc, document=document, log_file=str(log_file) if log_file else None)
    log.error(error.format_message())
    # INFO: into the log file only; the terminal keeps its one line.
    log.info("traceback of the internal error in %s:", document, exc_info=exc)
    return error.exit_code


def _primary_input(args: argparse.Namespace) -> Path:
    """The file a command is about, to name in an internal error: its one input, else (a
    command over several files, which names the file itself where it can) its output file or
    folder (``convert``, ``corpus``: ``--out``)."""
    for name in ("pdf", "layout", "xml"):
        value = getattr(args, name, None)
        if isinstance(value, Path):
            return value
    for name in ("output", "out"):
        value = getattr(args, name, None)
        if value is not None:
            return Path(value)
    return Path(args.command)


def _declared_outputs(args: argparse.Namespace) -> list[Path]:
    if args.command == "read":
        return [args.layout, args.text]
    output = getattr(args, "output", None)
    return [output] if output is not None else []


def _remove_outputs(paths: Sequence[Path]) -> None:
    """No partial output: remove the outputs, and an output folder that is left empty."""
    for path in paths:
        path.unlink(missing_ok=True)
        with contextlib.suppress(OSError):
            path.parent.rmdir()  # only succeeds when empty


def _configure_logging(log_file: Path | None) -> None:
    log.handlers.clear()
    log.setLevel(logging.INFO)
    log.propagate = False
    console = logging.StreamHandler(sys.stderr)
    console.setLevel(logging.WARNING)
    console.setFormatter(logging.Formatter("kamervragen: %(message)s"))
    log.addHandler(console)
    if log_file is not None:
        log_file.parent.mkdir(parents=True, exist_ok=True)
        handler = logging.FileHandler(log_file, encoding="utf-8")
        handler.setFormatter(logging.Formatter("%(levelname)s %(message)s"))
        log.addHandler(handler)


def _read(args: argparse.Namespace) -> int:
    from kamervragen.corpus import Outcome, outcomes_json

    name = _document_name(args.pdf)
    try:
        _read_pdf(args)
    except KamervragenError as error:
        if args.outcome is None or not error.rejects_input:
            raise
        # A rejection is an outcome: recorded, and no output of this document is left.
        _remove_outputs([args.layout, args.text])
        _remove_document_outputs(args.layout.parent, name)
        log.error(error.format_message())
        outcome = Outcome.rejected(name, args.pdf.name, _read_if_possible(args.pdf), error)
        with _outputs(args.outcome):
            _write(args.outcome, outcomes_json([outcome]))
        return 0
    if args.outcome is not None:
        outcome = Outcome.accepted(name, args.pdf.name, _read_bytes(args.pdf))
        with _outputs(args.outcome):
            _write(args.outcome, outcomes_json([outcome]))
    return 0


def _read_pdf(args: argparse.Namespace) -> None:
    from kamervragen import pipeline
    from kamervragen.furniture import describe
    from kamervragen.text import render_txt

    # In a child process held to the limits (memory and time included): a hostile PDF costs that
    # child, and this process reports it as one line naming the file, the page and the limit.
    # A PDF without questions and answers raises StructureError: no output is written.
    reader, options = reader_choice(args)
    done = pipeline.read(
        args.pdf,
        read_limits(args),
        reader=reader,
        options=options,
        require_qa=args.require_qa,
        strict=args.strict,
    )
    layout, text = done.layout, done.text
    with _outputs(args.layout, args.text):
        _write(args.layout, layout.to_json().encode("utf-8"))
        _write(args.text, render_txt(text).encode("utf-8"))
    log.info(
        "%s: %d pages, %d lines, %d paragraphs, %d footnotes",
        args.pdf.name,
        len(layout.pages),
        len(layout.lines),
        len(text.paragraphs),
        len(text.footnotes),
    )
    log.info("%s: %s", args.pdf.name, describe(layout))


def _read_if_possible(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except OSError:
        return None


def _remove_document_outputs(folder: Path, name: str) -> None:
    """Remove what earlier runs wrote for document ``name`` in ``folder`` (its PDF was replaced
    by one that is rejected), and the folder if that leaves it empty; nothing else is touched."""
    for output in outputs.OUTPUTS.values():
        (folder / f"{name}{output.suffix}").unlink(missing_ok=True)
    with contextlib.suppress(OSError):
        folder.rmdir()


def _structure(args: argparse.Namespace) -> int:
    from kamervragen import pipeline
    from kamervragen.layout import Layout
    from kamervragen.semantic_xml import to_xml

    layout = Layout.from_json(_read_text(args.layout), document=args.layout.name)
    document = pipeline.structure(pipeline.text_of(layout), strict=args.strict)
    with _outputs(args.output):
        _write(args.output, to_xml(document))
    return 0


def _render(args: argparse.Namespace) -> int:
    from kamervragen import pipeline
    from kamervragen.semantic_xml import from_xml

    source = _read_bytes(args.xml)
    document = from_xml(source, document=args.xml.name)
    attachments: list[tuple[str, bytes, str]] = []
    if args.format == "pdf":
        attachments.append((args.xml.name, source, "Source"))
        attachments += [(path.name, _read_bytes(path), "Alternative") for path in args.attach]
    options = outputs.WriteOptions(name=_document_name(args.xml), attachments=attachments)
    output = pipeline.write(args.format, document, options)
    with _outputs(args.output):
        _write(args.output, output)
    return 0


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read file ({exc.strerror})", document=str(path)) from exc


def _read_text(path: Path) -> str:
    try:
        return _read_bytes(path).decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError("not UTF-8 text", document=str(path)) from exc


@contextlib.contextmanager
def _outputs(*paths: Path) -> Iterator[None]:
    """Write a group of outputs: if one fails (or the run is interrupted), remove them all."""
    try:
        yield
    except BaseException:
        _remove_outputs(paths)
        raise


def _write(path: Path, data: bytes) -> None:
    """Write atomically: a temporary file in the same folder, renamed into place.

    Temporary files of this output left by a run that was killed (SIGKILL gives no chance to
    clean up) are removed first; they were never taken for the output itself.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    for stale in path.parent.glob(f".{glob.escape(path.name)}.*.tmp"):
        stale.unlink(missing_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        # mkstemp creates the file readable by its owner only; outputs are ordinary files.
        os.chmod(temporary, 0o666 & ~_umask())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


# --- Integration: conversion in one process, validation, data exports, manifests, checksums --------

#: What ``convert --formats`` can write, besides the semantic XML (always written).
CONVERT_FORMATS = [name for name in outputs.OUTPUTS if name != "xml"]
DEFAULT_CONVERT_FORMATS = ("html", "pdf", "akn")

CONVERT_EXIT_HELP = """\
A file that cannot be converted prints one line, leaves no output, and the others go on. A file
*rejected* for what it is (not a PDF, encrypted, no text layer, not a Q&A document, a warning with
--strict, over a limit: exit codes 3, 4, 5, 7, 9, 10) is listed in DIR/rejected.csv, and the
corpus files are made over the others; the exit code is the first rejected file's unless
--allow-rejected. Any other failure (a writer, a bug) makes no corpus files, and the exit code
is the first failed file's.
"""


def _add_integration_commands(add: Callable[[str, str, str], argparse.ArgumentParser]) -> None:
    """The subcommands for everyday use and for archives (after the workflow's own steps)."""
    convert = add(
        "convert",
        "Convert PDFs in one go, without Snakemake: DIR/<name>/<name>.xml plus the chosen "
        "formats. A progress bar on a terminal, one line per file otherwise. " + CONVERT_EXIT_HELP,
        "kamervragen convert input/*.pdf --out converted\n"
        "  kamervragen convert vragen.pdf --out out --formats html,qa --strict",
    )
    convert.add_argument(
        "pdf",
        type=Path,
        nargs="+",
        metavar="FILE.pdf|FOLDER",
        help="source PDFs, or folders: every *.pdf directly in a folder, by name",
    )
    convert.add_argument(
        "--out", type=Path, required=True, metavar="DIR", help="folder for <name>/<name>.*"
    )
    convert.add_argument(
        "--formats",
        type=_formats,
        default=DEFAULT_CONVERT_FORMATS,
        metavar="LIST",
        help="comma-separated, from: " + ",".join(CONVERT_FORMATS) + " (default: "
        f"{','.join(DEFAULT_CONVERT_FORMATS)}); the semantic XML is always written",
    )
    convert.add_argument(
        "--strict", action="store_true", help="a structure warning fails the file (exit 9)"
    )
    convert.add_argument(
        "--corpus",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="write the corpus files over the documents converted (DIR/questions.csv, "
        "warnings.csv, rejected.csv, SHA256SUMS, …), as the workflow does (default: yes)",
    )
    convert.add_argument(
        "--allow-rejected",
        action="store_true",
        help="exit 0 when files were rejected (they are listed in DIR/rejected.csv); without "
        "it the exit code is that of the first rejected file",
    )
    convert.add_argument(
        "--outcomes",
        type=Path,
        metavar="FILE",
        help="record every file's verdict (accepted or rejected) in FILE (JSON, see "
        "kamervragen/corpus.py); written only when no file failed otherwise",
    )
    _add_limit_options(convert)
    convert.set_defaults(handler=_convert)

    validate = add(
        "validate",
        "Check a semantic XML (<name>.xml) or Akoma Ntoso (<name>.akn.xml) file against its "
        "schema; which one is told by the root element's namespace. Prints one line per file: "
        "'FILE: valid …' (exit 0) or the first error (exit 8; 3 if the file cannot be read).",
        "kamervragen validate output/x/x.xml output/x/x.akn.xml",
    )
    validate.add_argument("files", type=Path, nargs="+", metavar="FILE", help="XML files")
    validate.set_defaults(handler=_validate)

    export = add(
        "export",
        "Export the questions and answers of semantic XML files as data: 'qa' writes JSON "
        "Lines (one question-answer pair per line), 'csv' one CSV table; the columns are "
        "documented in docs/exports.md.",
        "kamervragen export qa output/x/x.xml --output output/x/x.qa.jsonl\n"
        "  kamervragen export csv output/*/*[!n].xml --output output/questions.csv",
    )
    export.add_argument("format", choices=["qa", "csv"], help="qa (JSON Lines) or csv")
    export.add_argument("xml", type=Path, nargs="+", help="semantic XML files, in order")
    export.add_argument("--output", type=Path, required=True, help="file to write")
    export.set_defaults(handler=_export)

    manifest = add(
        "manifest",
        "Write a document's manifest (JSON): the source PDF's name, size and SHA-256, each "
        "output's SHA-256 and media type, the tool and template versions, the warnings and "
        "the identifiers. Refuses a semantic XML made from another PDF (exit 6).",
        "kamervragen manifest --source input/x.pdf --xml output/x/x.xml "
        "--output output/x/x.manifest.json output/x/x.*",
    )
    manifest.add_argument("files", type=Path, nargs="+", metavar="OUTPUT", help="the outputs")
    manifest.add_argument("--source", type=Path, required=True, help="the source PDF")
    manifest.add_argument("--xml", type=Path, required=True, help="the document's semantic XML")
    manifest.add_argument(
        "--layout",
        type=Path,
        help="the document's layout JSON: its page-furniture summary (lines and characters "
        "removed, per reason) goes into the manifest",
    )
    manifest.add_argument("--output", type=Path, required=True, help="manifest to write")
    manifest.set_defaults(handler=_manifest)

    checksums = add(
        "checksums",
        "Write SHA-256 checksums in the format of sha256sum, paths relative to --base, so that "
        "'cd BASE && sha256sum -c SHA256SUMS' checks them.",
        "kamervragen checksums output/*/* --base output --output output/SHA256SUMS",
    )
    checksums.add_argument("files", type=Path, nargs="+", metavar="FILE", help="files to list")
    checksums.add_argument(
        "--base", type=Path, help="folder the paths are relative to (default: that of --output)"
    )
    checksums.add_argument("--output", type=Path, required=True, help="checksum file to write")
    checksums.set_defaults(handler=_checksums)

    corpus = add(
        "corpus",
        "Write the corpus files of an output folder from the outcomes files of the documents "
        "(which the workflow's read step or a chunk's convert --outcomes wrote): questions.csv, "
        "warnings.csv and rejected.csv over the accepted documents, each with its manifest, "
        "and SHA256SUMS over all of them and every file the manifests list.",
        "kamervragen corpus output/.outcomes/*.json --out output",
    )
    corpus.add_argument("outcomes", type=Path, nargs="+", metavar="OUTCOMES", help="JSON files")
    corpus.add_argument(
        "--out", type=Path, required=True, metavar="DIR", help="the output folder: DIR/<name>/"
    )
    corpus.set_defaults(handler=_corpus)


def _formats(value: str) -> tuple[str, ...]:
    names = tuple(dict.fromkeys(part.strip() for part in value.split(",") if part.strip()))
    unknown = [name for name in names if name not in CONVERT_FORMATS and name != "xml"]
    if unknown or not names:
        raise argparse.ArgumentTypeError(
            f"unknown format {', '.join(unknown) or '(none)'}; expected some of "
            + ",".join(CONVERT_FORMATS)
        )
    return tuple(name for name in names if name != "xml")


def _document_name(path: Path) -> str:
    """``output/x/x.xml`` -> ``x``; ``in/x.pdf`` -> ``x``."""
    return path.name[: -len(path.suffix)] if path.suffix else path.name


def _template_files() -> list[tuple[str, bytes]]:
    from kamervragen.writers.templating import templates_dir

    folder = templates_dir()
    files = sorted(path for path in folder.rglob("*") if path.is_file())
    return [(path.relative_to(folder).as_posix(), path.read_bytes()) for path in files]


class _Progress:
    """A progress bar on a terminal; plain ``converted X (n/N)`` lines for a log or a pipe."""

    WIDTH = 30

    def __init__(self, stream: TextIO, total: int) -> None:
        self.stream = stream
        self.total = total
        self.tty = stream.isatty()

    def clear(self) -> None:
        """Before a file: log lines (warnings, errors) then start on an empty line."""
        if self.tty:
            self.stream.write("\r\x1b[K")
            self.stream.flush()

    def done(self, index: int, pdf: Path, ok: bool) -> None:
        if self.tty:
            filled = self.WIDTH * index // self.total
            bar = "#" * filled + "-" * (self.WIDTH - filled)
            self.stream.write(f"\r\x1b[K[{bar}] {index}/{self.total} {pdf.name}")
            if index == self.total:
                self.stream.write("\n")
        elif ok:
            self.stream.write(f"kamervragen: converted {pdf} ({index}/{self.total})\n")
        self.stream.flush()


def _convert(args: argparse.Namespace) -> int:
    import json

    from kamervragen import writers
    from kamervragen.corpus import Converted, Outcome, uses_ocr

    pdfs = _pdfs_of(args.pdf)
    started = time.perf_counter()
    try:
        writers.prepare(args.formats)
    # A template that does not compile or a font that cannot be loaded fails the batch at once,
    # in one line, before any document (and leaves nothing behind).
    except Exception as exc:
        raise RenderError(
            f"cannot load the writers ({type(exc).__name__}: {' '.join(str(exc).split())})",
            expected="the templates and fonts of this installation, readable and valid",
        ) from exc
    # What is loaded now (modules, templates, schemas, fonts) lives as long as the process: out of
    # the collector's sight, so that a full collection during a document walks only what that
    # document made (and the reader's child, forked from here, does not walk it either).
    gc.freeze()
    log.info("ready in %.0f ms (formats: %s)", _ms_since(started), ",".join(args.formats))
    progress = _Progress(sys.stderr, len(pdfs))
    failures: list[tuple[Path, int]] = []  # each file that failed, with its exit code
    rejections: list[tuple[Outcome, KamervragenError]] = []
    outcomes: list[Outcome] = []
    converted: list[Converted] = []
    names: set[str] = set()
    for index, pdf in enumerate(pdfs, start=1):
        progress.clear()
        started = time.perf_counter()
        name = _document_name(pdf)
        if name in names:
            # Rejected, but the outputs of that name are the first file's: they stay.
            error = InputError(
                f"another file named {pdf.name} was converted before",
                document=str(pdf),
                expected="PDFs with different names (outputs go to DIR/<name>/)",
            )
            log.error(error.format_message())
            progress.done(index, pdf, ok=False)
            rejections.append(
                (Outcome.rejected(name, pdf.name, _read_if_possible(pdf), error), error)
            )
            continue
        names.add(name)
        # What this document's outputs are: on a failure none is left, not even one from before.
        paths = [args.out / name / f"{name}{suffix}" for suffix in _convert_suffixes(args.formats)]
        try:
            files, doc, ocr = _convert_one(
                pdf,
                name,
                args.formats,
                strict=args.strict,
                limits=read_limits(args),
                reader=reader_choice(args),
            )
            with _outputs(*paths):
                for suffix, data in files.items():
                    _write(args.out / name / f"{name}{suffix}", data)
        except KamervragenError as error:
            _remove_outputs(paths)
            _remove_document_outputs(args.out / name, name)
            log.error(error.format_message())
            progress.done(index, pdf, ok=False)
            if error.rejects_input:
                outcome = Outcome.rejected(name, pdf.name, _read_if_possible(pdf), error)
                rejections.append((outcome, error))
            else:
                failures.append((pdf, error.exit_code))
            continue
        # A bug costs only this document: one line, the traceback in the log, the loop goes on.
        except Exception as exc:
            _remove_outputs(paths)
            failures.append((pdf, _internal_error(exc, pdf.name, args.log)))
            progress.done(index, pdf, ok=False)
            continue
        outcomes.append(Outcome.accepted(name, pdf.name, _read_bytes(pdf)))
        manifest = files.get(".manifest.json")
        converted.append(
            Converted(
                name,
                doc,
                tuple(f"{name}/{name}{suffix}" for suffix in sorted(files)),
                ocr or (manifest is not None and uses_ocr(json.loads(manifest))),
            )
        )
        # The time per document is what bench/bench.py separates from a job's start-up.
        log.info("converted %s (%d/%d) in %.0f ms", pdf, index, len(pdfs), _ms_since(started))
        progress.done(index, pdf, ok=True)
    if failures:
        # Not a verdict on the inputs but a failure of the tool: no outcomes, no corpus files.
        failed = ", ".join(str(pdf) for pdf, _ in failures)
        log.error(
            "%d of %d file(s) failed: %s; the corpus files are made only when no file fails "
            "other than by being rejected",
            len(failures),
            len(pdfs),
            failed,
        )
        return failures[0][1]
    rejected = [outcome for outcome, _ in rejections]
    if args.outcomes is not None:
        from kamervragen.corpus import outcomes_json

        _write(args.outcomes, outcomes_json(sorted([*outcomes, *rejected], key=_by_name)))
    if args.corpus:
        _write_corpus(args.out, converted, rejected)
    # The last line, as the workflow's (on stderr with the rest: stdout stays free for data).
    line = _run_summary(args.out, converted, rejected)
    log.info("%s", line)
    print(f"kamervragen: {line}", file=sys.stderr)
    if rejections and not args.allow_rejected:
        return rejections[0][1].exit_code
    return 0


def _by_name(outcome: Any) -> str:
    return str(outcome.file)


def _convert_suffixes(formats: Sequence[str]) -> list[str]:
    """The suffixes of the files ``convert --formats`` writes for a document."""
    return [outputs.OUTPUTS[name].suffix for name in ("xml", *formats)]


def _pdfs_of(paths: Sequence[Path]) -> list[Path]:
    """The PDFs to convert: each file as given, and every ``*.pdf`` directly in each folder, by
    name (as the workflow reads input/: sub-folders are not read)."""
    pdfs: list[Path] = []
    for path in paths:
        if path.is_dir():
            found = sorted(p for p in path.iterdir() if p.suffix == ".pdf" and p.is_file())
            if not found:
                log.warning("%s: a folder without PDFs (*.pdf directly in it); nothing to do", path)
            pdfs += found
        else:
            pdfs.append(path)
    return pdfs


def _run_summary(out: Path, converted: Sequence[Any], rejected: Sequence[Any]) -> str:
    from kamervragen.corpus import summary

    with_warnings = sum(1 for document in converted if document.doc.anomalies)
    return summary(len(converted), len(rejected), with_warnings, out.as_posix())


def _ms_since(started: float) -> float:
    return (time.perf_counter() - started) * 1000


def _convert_one(
    pdf: Path,
    name: str,
    formats: Sequence[str],
    *,
    strict: bool,
    limits: ReadLimits,
    reader: tuple[str, dict[str, object]],
) -> tuple[dict[str, bytes], model.Document, bool]:
    """Every output of one PDF, in memory (suffix -> bytes), its document model, and whether
    its text was recognised by OCR: read, structure, render."""
    from kamervragen import pipeline
    from kamervragen.furniture import describe

    # The same memory, time and size limits as `kamervragen read` (a hostile PDF costs a child).
    converted = pipeline.convert(
        pdf, name, formats, strict=strict, limits=limits, reader=reader[0], options=reader[1]
    )
    log.info("%s: %s", pdf.name, describe(converted.layout))
    files = converted.files
    if "manifest" in formats:
        files[outputs.OUTPUTS["manifest"].suffix] = pipeline.manifest(
            name,
            (pdf.name, _read_bytes(pdf)),
            files,
            converted.document,
            _template_files(),
            furniture=converted.layout.furniture(),
        )
    return files, converted.document, converted.layout.ocr is not None


def _validate(args: argparse.Namespace) -> int:
    exit_code = 0
    for path in args.files:
        try:
            kind = _validate_file(path)
        except KamervragenError as error:
            log.error(error.format_message())
            exit_code = exit_code or error.exit_code
            continue
        except Exception as exc:  # a bug costs only this file
            exit_code = exit_code or _internal_error(exc, str(path), args.log)
            continue
        print(f"{path}: valid {kind}")
    return exit_code


def _validate_file(path: Path) -> str:
    """Validate one file; return what it is, or raise (exit 8 for anything invalid)."""
    from lxml import etree

    from kamervragen.semantic_xml import NAMESPACE, VERSION, from_xml
    from kamervragen.writers import akn

    data = _read_bytes(path)
    expected = f"semantic XML ({NAMESPACE}) or Akoma Ntoso 3.0 ({akn.AKN_NAMESPACE})"
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        raise RenderError(
            f"not well-formed XML: {exc}", document=str(path), expected=expected
        ) from exc
    namespace = etree.QName(root).namespace
    if namespace == NAMESPACE:
        try:
            from_xml(data, document=str(path))
        except KamervragenError as error:  # LayoutFormatError: here it is a failed validation
            raise RenderError(error.problem, document=str(path), expected=error.expected) from error
        return f"semantic XML version {VERSION}"
    if namespace == akn.AKN_NAMESPACE:
        akn.validate(root, document=str(path), subject="Akoma Ntoso file")
        return "Akoma Ntoso 3.0 (OASIS akomantoso30.xsd)"
    raise RenderError(
        f"unknown kind of XML: root element {root.tag!r}", document=str(path), expected=expected
    )


def _export(args: argparse.Namespace) -> int:
    from kamervragen.exports import qa_records, to_csv, to_jsonl
    from kamervragen.semantic_xml import from_xml

    records = []
    for path in args.xml:
        doc = from_xml(_read_bytes(path), document=path.name)
        try:
            records += qa_records(doc, _document_name(path))
        except Exception as exc:  # a bug: name the file it happened in (nothing is written yet)
            return _internal_error(exc, path.name, args.log)
    data = to_jsonl(records) if args.format == "qa" else to_csv(records)
    with _outputs(args.output):
        _write(args.output, data)
    log.info(
        "%s: %d question-answer records from %d file(s)", args.output, len(records), len(args.xml)
    )
    return 0


def _manifest(args: argparse.Namespace) -> int:
    from kamervragen import manifest
    from kamervragen.errors import LayoutFormatError
    from kamervragen.semantic_xml import from_xml

    source = manifest.FileEntry.of(args.source.name, _read_bytes(args.source))
    doc = from_xml(_read_bytes(args.xml), document=args.xml.name)
    if doc.metadata.sha256 != source.sha256:
        raise LayoutFormatError(
            f"was made from another PDF (SHA-256 {doc.metadata.sha256[:12]}…, "
            f"not {source.sha256[:12]}… of {args.source.name})",
            document=args.xml.name,
            expected=f"the semantic XML of {args.source.name}",
        )
    furniture = None
    if args.layout is not None:
        from kamervragen.layout import Layout

        layout = Layout.from_json(_read_text(args.layout), document=args.layout.name)
        if layout.source.sha256 != source.sha256:
            raise LayoutFormatError(
                f"was made from another PDF (SHA-256 {layout.source.sha256[:12]}…, "
                f"not {source.sha256[:12]}… of {args.source.name})",
                document=args.layout.name,
                expected=f"the layout JSON of {args.source.name}",
            )
        furniture = layout.furniture()
    base = args.output.parent
    outputs = [
        manifest.FileEntry.of(manifest.relative_name(path, base), _read_bytes(path))
        for path in dict.fromkeys(args.files)
        if path.resolve() != args.output.resolve()
    ]
    data = manifest.build_manifest(
        name=_document_name(args.xml),
        source=source,
        outputs=outputs,
        doc=doc,
        versions=manifest.versions(_template_files()),
        furniture=furniture,
    )
    with _outputs(args.output):
        _write(args.output, manifest.to_json(data))
    return 0


def _checksums(args: argparse.Namespace) -> int:
    from kamervragen import manifest

    base = args.base if args.base is not None else args.output.parent
    entries = []
    for path in dict.fromkeys(args.files):
        name = manifest.relative_name(path, base)
        if name.startswith("../"):
            raise InputError(
                f"not inside the base folder {base}",
                document=str(path),
                expected="files under --base",
            )
        entries.append((name, manifest.sha256(_read_bytes(path))))
    with _outputs(args.output):
        _write(args.output, manifest.sha256sums(entries).encode("utf-8"))
    return 0


def _corpus(args: argparse.Namespace) -> int:
    import json

    from kamervragen.corpus import Converted, read_outcomes, uses_ocr
    from kamervragen.errors import LayoutFormatError
    from kamervragen.manifest import MANIFEST_FORMAT
    from kamervragen.semantic_xml import from_xml

    outcomes = [
        outcome
        for path in args.outcomes
        for outcome in read_outcomes(_read_bytes(path), document=str(path))
    ]
    seen: set[str] = set()
    for outcome in outcomes:
        if outcome.document in seen:
            raise LayoutFormatError(
                f"document {outcome.document} has two outcomes",
                document=" ".join(str(path) for path in args.outcomes),
                expected="one outcome per document",
            )
        seen.add(outcome.document)
    converted = []
    for outcome in outcomes:
        if outcome.verdict != "accepted":
            continue
        name = outcome.document
        folder = args.out / name
        manifest_path = folder / f"{name}.manifest.json"
        manifest = json.loads(_read_text(manifest_path))
        if manifest.get("format") != MANIFEST_FORMAT:
            raise LayoutFormatError(
                "not a manifest", document=str(manifest_path), expected="a kamervragen manifest"
            )
        files = [f"{name}/{entry['file']}" for entry in manifest["outputs"]]
        files.append(f"{name}/{manifest_path.name}")
        doc = from_xml(_read_bytes(folder / f"{name}.xml"), document=f"{name}.xml")
        layout_path = folder / f"{name}.layout.json"
        layout = None
        if not uses_ocr(manifest) and layout_path.exists():
            layout = json.loads(_read_text(layout_path))  # where the OCR reader says so
        converted.append(Converted(name, doc, tuple(sorted(files)), uses_ocr(manifest, layout)))
    rejected = [outcome for outcome in outcomes if outcome.verdict == "rejected"]
    _write_corpus(args.out, converted, rejected)
    log.info("%s", _run_summary(args.out, converted, rejected))
    return 0


def _write_corpus(out: Path, converted: Sequence[Any], rejected: Sequence[Any]) -> None:
    """Write the corpus files of :mod:`kamervragen.corpus` in ``out``, then SHA256SUMS over them
    and every converted document's files. All of them, or none (a failure removes them all)."""
    from kamervragen import corpus, manifest

    files = corpus.corpus_files(converted, rejected)
    paths = [out / name for name in files] + [out / corpus.CHECKSUMS]
    with _outputs(*paths):
        for name, data in files.items():
            _write(out / name, data)
        listed = [file for document in converted for file in document.files] + list(files)
        entries = [(name, manifest.sha256(_read_bytes(out / name))) for name in listed]
        _write(out / corpus.CHECKSUMS, manifest.sha256sums(entries).encode("utf-8"))
