"""Document families: how each kind of Q&A document is laid out, one module per family.

A family module exposes ``parse(text, furniture, *, family) -> FamilyParse``: it reads the running
text (and the page-furniture lines, where the masthead and identifier are printed) into front
matter, body nodes and metadata. It only *groups and labels* the text; :mod:`kamervragen.structure`
then gives questions and answers their ids, links each answer to its questions, reports anomalies
and proves that no character was lost. Its ``LABELS`` are the lines it reads as structure, which
:mod:`kamervragen.furniture` never takes for page furniture.

:data:`FAMILIES` registers each family, in the order in which their labels are tried: its name, the
module that reads it, how its label is recognised in the title area, and what the outputs call it
(:class:`FamilyWording`). The writers, the data exports and the identifiers read that wording
here; the modules that parse are imported only when a document is read, not by the writers.

========== ============================================ =================================
family     printed as                                   module
========== ============================================ =================================
verslag    "VERSLAG" of a schriftelijk overleg          :mod:`kamervragen.families.verslag`
aanhangsel Aanhangsel van de Handelingen (Kamervragen)  :mod:`kamervragen.families.aanhangsel`
lijst      "LIJST VAN VRAGEN EN ANTWOORDEN"             :mod:`kamervragen.families.lijst`
nota       "NOTA NAAR AANLEIDING VAN HET VERSLAG"       :mod:`kamervragen.families.lijst`
========== ============================================ =================================
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from types import ModuleType
from typing import TYPE_CHECKING

from kamervragen import model, patterns
from kamervragen.errors import Anomaly
from kamervragen.references import find_references, normalise_vergaderjaar

if TYPE_CHECKING:  # the writers import this registry; the text step is not theirs to load
    from kamervragen.text import Text


@dataclass(frozen=True, slots=True)
class FamilyParse:
    """What a family module read: complete metadata, the front matter and the body.

    Questions and answers may carry an empty ``id`` and ``questions``: the structure step assigns
    ids and links answers to questions afterwards.
    """

    metadata: model.Metadata
    front: tuple[model.Block, ...]
    body: tuple[model.Node, ...]
    anomalies: tuple[Anomaly, ...] = ()


# The title area: the first paragraphs and the masthead decide what kind of document this is.
TITLE_AREA = 12

# Family labels as printed in the title area (case as printed matters: "verslag" in running text
# is common, the type line "VERSLAG" is not).
LIJST_LABEL = re.compile(
    r"\bLIJST VAN (?:VRAGEN EN ANTWOORDEN|FEITELIJKE VRAGEN)\b|^Lijst van vragen en antwoorden\b",
    re.IGNORECASE,
)
NOTA_LABEL = re.compile(r"\bNOTA NAAR AANLEIDING VAN HET (?:NADER )?VERSLAG\b", re.IGNORECASE)
VERSLAG_LABEL = re.compile(r"\bVERSLAG\b|\bVerslag van een schriftelijk overleg\b")
# The masthead title, or the identifier of either chamber ("ah-tk-20232024-1481", "ah-ek-…").
AANHANGSEL_LABEL = re.compile(r"Aanhangsel van de Handelingen|\bah-[te]k-\d{8}-\d+\b")
# The header of an Aanhangsel document: "Vragen van het lid Koekkoek (Volt) aan …",
# "Vragen van de leden Sneller (D66), … aan …", in the Eerste Kamer "Vragen gesteld door het lid …".
AANHANGSEL_HEADER = re.compile(r"^Vragen (?:van|gesteld door) (?:het lid|de leden)\b")
# A covering letter that sends a committee the answers to its list of questions, as the Algemene
# Rekenkamer (and a ministry) writes it: "BETREFT Beantwoording vragen Tweede Kamer over …",
# "Hierbij zenden wij u de antwoorden op de vragen die de vaste commissie voor … heeft
# voorgelegd", "Antwoorden Algemene Rekenkamer bij vragen van de Tweede Kamer over het rapport …".
# Weaker than a printed family label, so only looked for when none is found.
LIJST_LETTER = re.compile(
    r"\bBeantwoording (?:van (?:de )?)?(?:schriftelijke |feitelijke )?(?:Kamer)?vragen\b"
    r"|\bantwoorden op (?:de )?(?:schriftelijke |feitelijke )?vragen die de\b"
    r"|^Antwoorden\b.{0,80}\bbij (?:de )?vragen van de\b",
    re.IGNORECASE,
)


# The printed type of a Kamerstuk that is never questions and answers, whatever its numbered
# headings look like: "Nr. 3 MEMORIE VAN TOELICHTING" ("1. Inleiding" is a section, not question
# 1), "Nr. 3121 MOTIE VAN HET LID …", "AMENDEMENT VAN HET LID …", "VOORSTEL VAN WET", "NOTA VAN
# WIJZIGING", "ADVIES AFDELING ADVISERING RAAD VAN STATE …". (Not "BRIEF": a letter may send
# answers.)
NOT_QA_TYPE = re.compile(
    r"\b(?P<type>MEMORIE VAN TOELICHTING|MOTIE VAN|(?:GEWIJZIGD )?AMENDEMENT VAN"
    r"|(?:GEWIJZIGD )?VOORSTEL VAN WET|NOTA VAN WIJZIGING|ADVIES (?:AFDELING ADVISERING )?RAAD VAN"
    r" STATE)\b"
)


def not_qa_type(text: Text, furniture: Sequence[str]) -> str | None:
    """The printed type of a document of no family that is never questions and answers ("MEMORIE
    VAN TOELICHTING"), from the title area; None otherwise."""
    head = [*furniture, *(paragraph.text for paragraph in text.paragraphs[:TITLE_AREA])]
    for line in head:
        if match := NOT_QA_TYPE.search(line):
            return match.group("type").removesuffix(" VAN")
    return None


def detect_family(text: Text, furniture: Sequence[str]) -> model.Family:
    """The family whose label appears first in the title area, else ``"unknown"``; on one line,
    the first family of :data:`FAMILIES` whose label it carries.

    >>> from kamervragen.layout import Source
    >>> from kamervragen.text import TextParagraph, Text
    >>> p = lambda s: TextParagraph(s, 1, (0,), False, False, 0.0, 10.0)
    >>> detect_family(Text(Source("x.pdf", "0", 1), (p("28676 NAVO"), p("Nr. VERSLAG")), (), ()), [])
    'verslag'
    """
    head = [*furniture, *(paragraph.text for paragraph in text.paragraphs[:TITLE_AREA])]
    for line in head:
        for family in FAMILIES.values():
            if family.detect is not None and family.detect(line):
                return family.name
    for family in FAMILIES.values():
        if family.detect_weak is not None and any(family.detect_weak(line) for line in head):
            return family.name
    return "unknown"


def _aanhangsel_label(line: str) -> bool:
    return bool(AANHANGSEL_LABEL.search(line) or AANHANGSEL_HEADER.match(line))


def base_metadata(text: Text, family: model.Family, furniture: Sequence[str]) -> model.Metadata:
    """Metadata every family has: the source, the identifier, the vergaderjaar, the citations."""
    identifier = None
    vergaderjaar = None
    for line in furniture:
        if identifier is None and patterns.PUBLICATION_IDENTIFIER.match(line):
            identifier = line
        if vergaderjaar is None and patterns.MASTHEAD_SESSION.match(line):
            vergaderjaar = normalise_vergaderjaar(line)
        elif vergaderjaar is None and (match := patterns.MASTHEAD_CHAMBER.match(line)):
            vergaderjaar = normalise_vergaderjaar(match.group("session") or "")
    references: list[model.DocumentRef] = []
    for content in [p.text for p in text.paragraphs] + [note.text for note in text.footnotes]:
        for found in find_references(content):
            if found.ref not in references:
                references.append(found.ref)
    return model.Metadata(
        source_file=text.source.file,
        sha256=text.source.sha256,
        pages=text.source.pages,
        pdf_title=text.source.title,
        family=family,
        identifier=identifier,
        vergaderjaar=vergaderjaar,
        references=tuple(references),
    )


# --- The registry -----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class FamilyWording:
    """What the outputs say about a family."""

    #: The kind of document, as the HTML shows it (header, title, ``DC.type``) and the index lists it.
    label: str
    #: The PDF's Subject (document information and XMP); its part before a colon is a keyword.
    pdf_subject: str
    #: What ``Metadata.date`` records: the date printed after "Vastgesteld" in a verslag or lijst,
    #: after "Ontvangen" under an Aanhangsel answer.
    date_event: str
    #: Akoma Ntoso ``<debate name="…">``.
    debate_name: str
    #: The FRBR subtype in the Akoma Ntoso URIs (:mod:`kamervragen.identifiers`): short, stable
    #: names (docs/akoma-ntoso.md).
    frbr_subtype: str


@dataclass(frozen=True, slots=True)
class Family:
    """One family of :data:`FAMILIES`."""

    name: model.Family
    #: The module of this package that reads the family (``parse``, ``LABELS``); several families
    #: may share one.
    module: str
    #: What the outputs call the family.
    wording: FamilyWording
    #: Whether a line of the title area carries the family's printed label; None for the fallback.
    detect: Callable[[str], object] | None
    #: A weaker sign of the family, looked for only when no family's label is found.
    detect_weak: Callable[[str], object] | None = None

    def reader(self) -> ModuleType:
        """The family's module, imported on first use."""
        return importlib.import_module(f"{__name__}.{self.module}")

    def parse(self, text: Text, furniture: Sequence[str]) -> FamilyParse:
        """The family module's ``parse``, told which family it reads."""
        parsed: FamilyParse = self.reader().parse(text, furniture, family=self.name)
        return parsed


#: Every family, in the order in which :func:`detect_family` tries their labels: "LIJST VAN VRAGEN
#: EN ANTWOORDEN" and "NOTA NAAR AANLEIDING VAN HET VERSLAG" before "VERSLAG", which they may
#: contain; the fallback last. A new family is a module with ``parse`` (and ``LABELS``) and one
#: entry here; its name joins ``model.Family`` and the ``family`` enumeration of the semantic XML
#: schema, the vocabulary of the format (``tests/test_families.py`` holds them to this table).
FAMILIES: dict[model.Family, Family] = {
    family.name: family
    for family in (
        Family(
            "lijst",
            "lijst",
            FamilyWording(
                label="Lijst van vragen en antwoorden",
                pdf_subject="Lijst van vragen en antwoorden",
                date_event="vastgesteld",
                debate_name="lijstVanVragenEnAntwoorden",
                frbr_subtype="lva",  # lijst van vragen en antwoorden
            ),
            LIJST_LABEL.search,
            detect_weak=LIJST_LETTER.search,
        ),
        Family(
            "nota",
            "lijst",
            FamilyWording(
                label="Nota naar aanleiding van het verslag",
                pdf_subject="Nota naar aanleiding van het verslag",
                date_event="ontvangen",
                debate_name="notaNaarAanleidingVanHetVerslag",
                frbr_subtype="nnav",  # nota naar aanleiding van het verslag
            ),
            NOTA_LABEL.search,
        ),
        Family(
            "aanhangsel",
            "aanhangsel",
            FamilyWording(
                label="Aanhangsel van de Handelingen",
                pdf_subject="Aanhangsel van de Handelingen: schriftelijke vragen en antwoorden",
                date_event="ontvangen",
                debate_name="antwoordenKamervragen",
                frbr_subtype="kamervragen",  # antwoorden op Kamervragen (Aanhangsel)
            ),
            _aanhangsel_label,
        ),
        Family(
            "verslag",
            "verslag",
            FamilyWording(
                label="Verslag van een schriftelijk overleg",
                pdf_subject="Verslag van een schriftelijk overleg",
                date_event="vastgesteld",
                debate_name="verslagSchriftelijkOverleg",
                frbr_subtype="vso",  # verslag van een schriftelijk overleg
            ),
            VERSLAG_LABEL.search,
        ),
        # A document without a family label may still be questions and answers ("Vraag 1 …").
        Family(
            "unknown",
            "lijst",
            FamilyWording(
                label="Kamerstuk",
                pdf_subject="Kamerstuk met vragen en antwoorden",
                date_event="datum",
                debate_name="vragenEnAntwoorden",
                frbr_subtype="vragen",  # questions and answers of a kind not recognised
            ),
            None,
        ),
    )
}
