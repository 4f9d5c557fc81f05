"""The per-document pipeline in named steps, shared by ``kamervragen convert`` (all steps in one
process) and the workflow's per-step commands (one step each, through the files between them)::

    read(pdf)           -> Read: layout lines and running text     kamervragen read
    structure(read)     -> the document model                      kamervragen structure
    semantic_xml(doc)   -> the semantic XML, and the model read back from it
    write(name, doc)    -> an output's bytes (OUTPUTS)              kamervragen render | export
    convert(pdf)        -> every chosen output, in memory           kamervragen convert

No step reads or writes files other than the source PDF (the reader's job): the command line does
the I/O. Writers read the document as parsed back from its semantic XML, in ``convert`` as in the
workflow, so that both give the same bytes.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from kamervragen import model
from kamervragen.layout import Layout, Removed
from kamervragen.limits import ReadLimits
from kamervragen.outputs import NO_OPTIONS, OUTPUTS, WriteOptions
from kamervragen.text import Text


@dataclass(frozen=True, slots=True)
class Read:
    """What the read step makes of a PDF: its layout lines, and the running text built from them."""

    layout: Layout
    text: Text


def read(
    pdf: Path,
    limits: ReadLimits,
    *,
    reader: str | None = None,
    options: Mapping[str, object] | None = None,
    require_qa: bool = False,
    strict: bool = False,
) -> Read:
    """Read ``pdf`` with the reader named ``reader`` (default:
    :data:`kamervragen.readers.DEFAULT_READER`) and its ``options``, in the readers' sandbox held
    to ``limits``, into layout and text.

    ``require_qa``: refuse a PDF without questions and answers (exit code 7) now, before anything
    is written; this finds the questions only (:func:`~kamervragen.structure.find_questions`), the
    structure step builds the document. With ``strict`` too, a PDF whose structure has a warning
    is refused now as well (exit code 9), which takes the whole document.
    """
    from kamervragen import readers
    from kamervragen.text import build_text

    layout = readers.read(pdf, limits, reader=reader or readers.DEFAULT_READER, options=options)
    done = Read(layout, build_text(layout))
    if require_qa and strict:
        structure(done, strict=True)  # raises StructureError or a warning's error
    elif require_qa:
        from kamervragen.structure import find_questions

        find_questions(done.text, layout=layout)  # raises StructureError
    return done


def text_of(layout: Layout) -> Read:
    """The read step's result for a layout read before (``kamervragen structure`` gets the
    layout JSON)."""
    from kamervragen.text import build_text

    return Read(layout, build_text(layout))


def structure(read: Read, *, strict: bool) -> model.Document:
    """The document model of ``read``, its warnings logged (with ``strict``, the first raised)."""
    from kamervragen.errors import report
    from kamervragen.structure import build_document

    document = build_document(read.text, layout=read.layout)
    report(list(document.anomalies), document=read.layout.source.file, strict=strict)
    return document


def semantic_xml(document: model.Document, name: str) -> tuple[bytes, model.Document]:
    """The semantic XML of ``document``, and the document as the writers get it: parsed back from
    that XML (as the workflow's render steps read ``<name>.xml``)."""
    from kamervragen.semantic_xml import from_xml, to_xml

    xml = to_xml(document)
    return xml, from_xml(xml, document=f"{name}.xml")


def write(output: str, doc: model.Document, options: WriteOptions = NO_OPTIONS) -> bytes:
    """The output named ``output`` (an entry of :data:`~kamervragen.outputs.OUTPUTS` with a
    writer) of ``doc``."""
    return OUTPUTS[output].write()(doc, options)


@dataclass(frozen=True, slots=True)
class Converted:
    """Every output of one PDF that :func:`convert` made (suffix -> bytes), its document, and
    the layout it was made from."""

    files: dict[str, bytes]
    document: model.Document
    layout: Layout


def convert(
    pdf: Path,
    name: str,
    formats: Sequence[str],
    *,
    strict: bool,
    limits: ReadLimits,
    reader: str | None = None,
    options: Mapping[str, object] | None = None,
) -> Converted:
    """Every output of ``formats`` (the semantic XML always) of one PDF, in memory: read,
    structure, render. The manifest, which lists the files and versions, is the caller's
    (:func:`manifest`)."""
    from kamervragen.text import render_txt

    done = read(pdf, limits, reader=reader, options=options)
    xml, doc = semantic_xml(structure(done, strict=strict), name)
    options = WriteOptions(name=name)
    akn: list[bytes] = []  # made once, for the PDF or for itself

    def make(output: str) -> bytes | None:
        if output == "layout":
            return done.layout.to_json().encode("utf-8")
        if output == "txt":
            return render_txt(done.text).encode("utf-8")
        if output == "xml":
            return xml
        if output == "akn" or output == "pdf":
            akn[:] = akn or [write("akn", doc, options)]
        if output == "akn":
            return akn[0]
        if output == "pdf":
            # The PDF embeds the semantic XML (Source) and the Akoma Ntoso (Alternative).
            attachments = (
                (f"{name}.xml", xml, "Source"),
                (f"{name}.akn.xml", akn[0], "Alternative"),
            )
            return write("pdf", doc, WriteOptions(name=name, attachments=attachments))
        if OUTPUTS[output].writer is not None:
            return write(output, doc, options)
        return None  # the manifest: the caller's

    files: dict[str, bytes] = {}
    for output in OUTPUTS.values():
        if output.name == "xml" or output.name in formats:
            data = make(output.name)
            if data is not None:
                files[output.suffix] = data
    return Converted(files, doc, done.layout)


def manifest(
    name: str,
    source: tuple[str, bytes],
    files: dict[str, bytes],
    doc: model.Document,
    templates: list[tuple[str, bytes]],
    *,
    furniture: Mapping[str, Removed] | None = None,
) -> bytes:
    """The manifest of the outputs ``files`` (suffix -> bytes) of the PDF ``source`` (file name,
    bytes), with the versions of this installation and its ``templates`` (relative path, bytes),
    and what the read step removed as page ``furniture`` (:meth:`Layout.furniture`)."""
    from kamervragen import manifest as manifests

    return manifests.to_json(
        manifests.build_manifest(
            name=name,
            source=manifests.FileEntry.of(*source),
            outputs=[
                manifests.FileEntry.of(f"{name}{suffix}", data) for suffix, data in files.items()
            ],
            doc=doc,
            versions=manifests.versions(templates),
            furniture=furniture,
        )
    )
