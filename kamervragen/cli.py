"""Command line: one subcommand per workflow stage; the only module that does file I/O.

    kamervragen read PDF --layout NAME.layout.json --text NAME.txt
    kamervragen structure NAME.layout.json --output NAME.xml [--strict]
    kamervragen render {html,pdf,akn} NAME.xml --output NAME.html
    kamervragen render pdf NAME.xml --output NAME.pdf --attach NAME.akn.xml

Each subcommand writes its outputs atomically (a temporary file renamed into place), so a failure
leaves nothing behind that a rerun would take for done; an output folder that is left empty is removed.
Errors are one line on stderr (``<file>: page N: problem; expected …``) and a documented exit code.
"""

from __future__ import annotations

import argparse
import contextlib
import logging
import os
import sys
import tempfile
from collections.abc import Iterator, Sequence
from pathlib import Path

from kamervragen import __version__
from kamervragen.errors import InputError, KamervragenError

log = logging.getLogger("kamervragen")

EXIT_CODES_HELP = """\
exit codes:
  0  success
  2  usage error (bad arguments)
  3  input is not a readable PDF (empty, not a PDF, truncated or corrupt)
  4  PDF is password-protected
  5  PDF has no text layer (scanned?)
  6  intermediate file (layout JSON, semantic XML) malformed or of another version
  7  no question/answer structure found
  8  rendering or output validation failed
  9  a warning in --strict mode
"""


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
    render.add_argument("format", choices=["html", "pdf", "akn"], help="output format")
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
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command == "render" and args.attach and args.format != "pdf":
        parser.error(f"--attach is for the pdf format only, not {args.format}")  # exit 2
    _configure_logging(args.log)
    try:
        if args.command == "read":
            return _read(args)
        if args.command == "structure":
            return _structure(args)
        return _render(args)
    except KamervragenError as error:
        _remove_outputs(_declared_outputs(args))
        log.error(error.format_message())
        return error.exit_code


def _declared_outputs(args: argparse.Namespace) -> list[Path]:
    if args.command == "read":
        return [args.layout, args.text]
    return [args.output]


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
    from kamervragen.reader import read_pdf
    from kamervragen.text import build_text, render_txt

    layout = read_pdf(args.pdf)
    text = build_text(layout)
    if args.require_qa:
        from kamervragen.structure import build_document

        build_document(text, layout=layout)  # raises StructureError: no output is written
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
    return 0


def _structure(args: argparse.Namespace) -> int:
    from kamervragen.errors import report
    from kamervragen.layout import Layout
    from kamervragen.semantic_xml import to_xml
    from kamervragen.structure import build_document
    from kamervragen.text import build_text

    layout = Layout.from_json(_read_text(args.layout), document=args.layout.name)
    document = build_document(build_text(layout), layout=layout)
    report(list(document.anomalies), document=layout.source.file, strict=args.strict)
    with _outputs(args.output):
        _write(args.output, to_xml(document))
    return 0


def _render(args: argparse.Namespace) -> int:
    from kamervragen.semantic_xml import from_xml
    from kamervragen.writers import WRITERS

    source = _read_bytes(args.xml)
    document = from_xml(source, document=args.xml.name)
    if args.format == "pdf":
        from kamervragen.writers.pdf import PdfAttachment

        attachments = [PdfAttachment(args.xml.name, source, "Source")]
        attachments += [
            PdfAttachment(path.name, _read_bytes(path), "Alternative") for path in args.attach
        ]
        output = WRITERS["pdf"](document, attachments=attachments)
    else:
        output = WRITERS[args.format](document)
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
    """Write atomically: a temporary file in the same folder, renamed into place."""
    path.parent.mkdir(parents=True, exist_ok=True)
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
