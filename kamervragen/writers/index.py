"""Index writer: one HTML page over an output folder (``output/index.html``).

Every converted document with its title, family, date, who asked (the questioners, or the
committee), its numbers of questions, answers and warnings, whether its text is OCR, and links to
each of its files; then the rejected inputs with their reasons, and links to the corpus files.
Rendered from ``templates/index.html`` with ``index.css`` and ``index.js`` inlined: the page loads
nothing, and its Content-Security-Policy allows exactly that one script, by its SHA-256. Without
the script every document is listed in name order; the script adds filtering and sorting.

The page depends only on the documents and the rejected inputs, never on when or where it was
made: the same batch gives the same bytes (it is listed in SHA256SUMS).
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Sequence
from dataclasses import dataclass

import markupsafe

from kamervragen import model
from kamervragen.corpus import Converted, Outcome
from kamervragen.families import FAMILIES
from kamervragen.writers.html import page_title
from kamervragen.writers.templating import dutch_date, environment, person_name, template_source

#: How a document's files are named on the page, by their ending, in this order.
FILE_LABELS: tuple[tuple[str, str], ...] = (
    (".html", "HTML"),
    (".pdf", "PDF"),
    (".akn.xml", "Akoma Ntoso"),
    (".xml", "XML"),
    (".qa.jsonl", "Vragen (JSONL)"),
    (".txt", "Tekst"),
    (".layout.json", "Layout"),
    (".manifest.json", "Manifest"),
)

#: The corpus files the page links to, with what they hold, when they are in the folder.
CORPUS_DESCRIPTIONS: dict[str, str] = {
    "questions.csv": "alle vragen en antwoorden, één rij per vraag",
    "questioners.csv": "vragenstellers, één rij per vraag en vragensteller",
    "warnings.csv": "alle waarschuwingen",
    "rejected.csv": "afgewezen bestanden, met de reden",
    "SHA256SUMS": "controlegetallen van alle bestanden (sha256sum -c SHA256SUMS)",
}


@dataclass(frozen=True, slots=True)
class Link:
    href: str
    label: str


@dataclass(frozen=True, slots=True)
class IndexEntry:
    """One converted document as the page shows it."""

    name: str
    title: str
    identifier: str | None
    family: str  # its label: "Aanhangsel van de Handelingen"
    date: str | None  # as Dutch prose, at the precision printed: "maart 2021"
    date_iso: str  # "2021-03", or "" when unknown (sorts first)
    askers: str  # the questioners, or the committee, or the fracties
    questions: int
    answers: int
    warnings: int
    ocr: bool
    html: str | None
    links: tuple[Link, ...]
    search: str  # what the filter searches, lower case


def prepare() -> None:
    """Compile the template now (see writers.prepare)."""
    environment().get_template("index.html")


def write_index(
    converted: Sequence[Converted], rejected: Sequence[Outcome], corpus_files: Sequence[str]
) -> bytes:
    """The index page over ``converted`` and ``rejected``, linking to ``corpus_files``."""
    entries = [index_entry(document) for document in sorted(converted, key=lambda d: d.name)]
    families = sorted({entry.family for entry in entries})
    # The element's exact text is what the Content-Security-Policy's hash must match.
    script = "\n" + script_source("index.js")
    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")
    listed = [(name, CORPUS_DESCRIPTIONS.get(name, "")) for name in corpus_files]
    return (
        environment()
        .get_template("index.html")
        .render(
            entries=entries,
            rejected=sorted(rejected, key=lambda outcome: outcome.file),
            corpus_files=listed,
            families=families,
            with_warnings=sum(1 for entry in entries if entry.warnings),
            script_hash=digest,
            script=markupsafe.Markup(script),
        )
        .encode("utf-8")
    )


def index_entry(document: Converted) -> IndexEntry:
    doc = document.doc
    meta = doc.metadata
    links = []
    for ending, label in FILE_LABELS:
        for file in document.files:
            if _ending(file, document.name) == ending:
                links.append(Link(file, label))
    html = next((link.href for link in links if link.label == "HTML"), None)
    title = page_title(doc)
    family = FAMILIES[meta.family].wording.label
    askers = who_asked(doc)
    search = " ".join([document.name, title, family, askers, meta.identifier or ""]).lower()
    return IndexEntry(
        name=document.name,
        title=title,
        identifier=meta.identifier,
        family=family,
        date=dutch_date(meta.date) if meta.date else None,
        date_iso=meta.date.iso() if meta.date else "",
        askers=askers,
        questions=len(doc.questions()),
        answers=len(doc.answers()),
        warnings=len(doc.anomalies),
        ocr=document.ocr,
        html=html,
        links=tuple(links),
        search=" ".join(search.split()),
    )


def who_asked(doc: model.Document) -> str:
    """The questioners (an Aanhangsel), else the committee, else the fracties that ask."""
    meta = doc.metadata
    if meta.questioners:
        return ", ".join(person_name(person) for person in meta.questioners)
    if meta.committee:
        return meta.committee
    parties = dict.fromkeys(question.party for question in doc.questions() if question.party)
    return ", ".join(parties)


def _ending(file: str, name: str) -> str:
    """``x/x.akn.xml`` -> ``.akn.xml`` for document ``x``."""
    base = file.rsplit("/", 1)[-1]
    return base[len(name) :] if base.startswith(name) else ""


def script_source(name: str) -> str:
    """A script from the templates folder, to inline in a ``<script>`` element; one that could
    close the element is refused rather than escaped (escaping would break the script)."""
    source = template_source(name)
    if "</" in source:
        raise ValueError(f"{name} contains '</', which would end the <script> element")
    return source
