"""The identifiers of a document that every output shares: the Akoma Ntoso FRBR URIs (which the
Akoma Ntoso writer, the data exports and the manifest all record) and the document number in them.

They follow the Akoma Ntoso Naming Convention (OASIS akn-nc v1.0); ``docs/akoma-ntoso.md``
documents the scheme with worked examples::

    /akn/nl/debate/<subtype>/tk/<date>/<number>           Work
    /akn/nl/debate/<subtype>/tk/<date>/<number>/nld@      Expression (original version, Dutch)
    /akn/nl/debate/<subtype>/tk/<date>/<number>/nld@.xml  Manifestation
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kamervragen import model
from kamervragen.families import FAMILIES

UNKNOWN_DATE = "unknown"
NO_NUMBER = "nn"
COUNTRY = "nl"
LANGUAGE = "nld"
PARLIAMENT = "tk"


@dataclass(frozen=True, slots=True)
class FrbrUris:
    work: str
    expression: str
    manifestation: str
    subtype: str | None
    number: str


def document_number(metadata: model.Metadata) -> str:
    """The FRBR number: the official identifier, printed or rebuilt from its printed parts.

    ``kst-<dossier>-<nr>`` for a Kamerstuk, ``ah-tk-<vergaderjaar>-<nr>`` for an Aanhangsel
    answer; ``<dossier>-nn`` when the dossier is printed but the document number is not (the
    naming convention's "no number"), else ``nn``. Nothing is guessed.

    >>> meta = model.Metadata("x.pdf", "0" * 64, 3, None, "verslag", dossier="28676")
    >>> document_number(meta), document_number(model.Metadata("x.pdf", "", 1, None, "unknown"))
    ('28676-nn', 'nn')
    >>> document_number(model.Metadata("x.pdf", "", 1, None, "verslag", dossier="36200-IV",
    ...                                document_number="25"))
    'kst-36200-IV-25'
    """
    if metadata.identifier:
        return metadata.identifier
    year = (metadata.vergaderjaar or "").replace("-", "")
    if metadata.family == "aanhangsel" and metadata.document_number and year:
        return f"ah-tk-{year}-{metadata.document_number}"
    if metadata.dossier and metadata.document_number:
        return f"kst-{metadata.dossier}-{metadata.document_number}"
    if metadata.dossier:
        return f"{metadata.dossier}-{NO_NUMBER}"
    return NO_NUMBER


def frbr_uris(metadata: model.Metadata) -> FrbrUris:
    """The FRBR URIs for a document.

    >>> meta = model.Metadata("x.pdf", "0" * 64, 3, None, "aanhangsel", "ah-tk-20232024-1481",
    ...                       date=model.PartialDate(2024, 4, 11))
    >>> frbr_uris(meta).work
    '/akn/nl/debate/kamervragen/tk/2024-04-11/ah-tk-20232024-1481'
    >>> frbr_uris(model.Metadata("x.pdf", "0" * 64, 3, None, "unknown")).manifestation
    '/akn/nl/debate/vragen/tk/unknown/nn/nld@.xml'
    """
    subtype = FAMILIES[metadata.family].wording.frbr_subtype
    number = uri_part(document_number(metadata))
    date = metadata.date.iso() if metadata.date else UNKNOWN_DATE
    work = "/".join(["", "akn", COUNTRY, "debate", subtype, PARLIAMENT, date, number])
    expression = f"{work}/{LANGUAGE}@"
    return FrbrUris(work, expression, f"{expression}.xml", subtype, number)


def uri_part(text: str) -> str:
    """A URI path component: spaces and slashes become hyphens (``36 200 IV`` -> ``36-200-IV``)."""
    return re.sub(r"[\s/]+", "-", text.strip())
