"""kamervragen: Dutch parliamentary written questions and answers, from PDF back to structure.

    PDF --reader--> layout (lines) --text--> paragraphs --structure--> Document --writers--> HTML, PDF, AKN

The readers (:mod:`kamervragen.readers`) are the only modules that open PDFs; the semantic XML
(:mod:`kamervragen.semantic_xml`) is the serialised document model and the only input of every writer.

In Python, :func:`convert` is the entry point::

    import kamervragen

    doc = kamervragen.convert("input/28676-navo-verslag.pdf")
    for question in doc.questions():
        print(question.numbers, question.party)
    html = kamervragen.write("html", doc)  # or "pdf", "akn", "qa": see kamervragen.OUTPUTS
"""

from __future__ import annotations

from os import PathLike
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from kamervragen.exports import qa_records
    from kamervragen.limits import ReadLimits
    from kamervragen.model import Document
    from kamervragen.outputs import OUTPUTS

__version__ = "0.1.0"

__all__ = ["OUTPUTS", "Document", "__version__", "convert", "qa_records", "write"]


def convert(
    path: str | PathLike[str],
    *,
    strict: bool = False,
    limits: ReadLimits | None = None,
    ocr: str = "auto",
    threads: int = 1,
) -> Document:
    """Read the PDF at ``path`` into its :class:`~kamervragen.model.Document`: ``metadata``,
    ``questions()``, ``answers()``, ``footnotes``, ``anomalies`` (the warnings), as the writers
    see it (parsed back from its semantic XML).

    Bad input raises a :class:`~kamervragen.errors.KamervragenError` naming the file and where;
    with ``strict``, so does the first structure warning. ``limits``: what reading may cost
    (:class:`~kamervragen.limits.ReadLimits`; the defaults of the command line). ``ocr``, as the
    command line's ``--ocr``: ``"auto"`` recognises the pages of a scan with Tesseract,
    ``"off"`` refuses a scan, ``"force"`` recognises every page; ``threads`` pages at a time.
    """
    from pathlib import Path

    from kamervragen import pipeline, readers
    from kamervragen.limits import DEFAULT_LIMITS

    pdf = Path(path)
    reader, options = readers.choose(ocr, threads=threads)
    done = pipeline.read(pdf, limits or DEFAULT_LIMITS, reader=reader, options=options)
    _, document = pipeline.semantic_xml(pipeline.structure(done, strict=strict), pdf.stem)
    return document


def write(output: str, doc: Document) -> bytes:
    """``doc`` as the output format ``output`` ("html", "pdf", "akn", "qa"; see :data:`OUTPUTS`),
    the bytes the command line writes."""
    from kamervragen import pipeline

    return pipeline.write(output, doc)


def __getattr__(name: str) -> Any:
    """The model, the output table and the records export, imported on first use (``import
    kamervragen`` stays cheap for the command line)."""
    if name == "Document":
        from kamervragen.model import Document

        return Document
    if name == "OUTPUTS":
        from kamervragen.outputs import OUTPUTS

        return OUTPUTS
    if name == "qa_records":
        from kamervragen.exports import qa_records

        return qa_records
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
