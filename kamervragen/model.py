"""The document model: what the structure step builds and every writer reads.

A :class:`Document` is its :class:`Metadata` (values *derived* from the text: numbers, dates,
people, references), the document's text in reading order (:attr:`Document.front` and
:attr:`Document.body`), its footnotes, and the anomalies found while building it. All types are
small frozen dataclasses, so a writer dispatches on the type (``isinstance``), never on a string.
:mod:`kamervragen.semantic_xml` is their one serialiser and parser; a round trip gives an equal
``Document``.

Two invariants make the model trustworthy:

* **Conservation.** Every character of body text from the read stage is in ``front``, ``body`` or
  ``footnotes`` exactly once, in reading order: labels ("Vraag 3, 4 en 5"), answer headings
  ("1. Antwoord van het kabinet"), fractie and topic headings are kept as text too. Metadata holds
  values derived from that text and never counts as text.
* **Canonical inline content.** Inline content is a tuple of text runs (plain ``str``) and inline
  elements, with no empty text run and no two text runs side by side, so its XML form is unique.

The body nests as the documents do. A *verslag van een schriftelijk overleg* is
``Section(kind="party")`` > ``Section(kind="topic")`` > :class:`Question` / :class:`Answer`; an
*Aanhangsel* answer is a flat sequence of questions and answers (and, in the Mededeling variant, an
:class:`Announcement`); a *lijst van vragen en antwoorden* or *nota naar aanleiding van het
verslag* is questions and answers, optionally in sections.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal, get_args

from kamervragen.errors import Anomaly

#: Whether a question's or answer's numbers are printed in the document (in its label, or, for a
#: verslag's question, in the answer heading after it) or inferred from its position in the
#: document (a verslag that numbers nothing): a writer must not present an inferred number as
#: printed.
Numbering = Literal["printed", "inferred"]

#: Which kind of parliamentary document this is: the names of :data:`kamervragen.families.FAMILIES`
#: (the registry says how each is read and what the outputs call it), as the semantic XML schema
#: enumerates them; ``tests/test_families.py`` holds the three to the same names.
Family = Literal["verslag", "aanhangsel", "lijst", "nota", "unknown"]
FAMILIES: tuple[Family, ...] = get_args(Family)


# --- Derived values ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PartialDate:
    """A date known to the year, the month or the day, as printed.

    "Vastgesteld, … maart 2021" is ``PartialDate(2021, 3)`` (the day is left open); its ISO form
    is ``2021-03``. Precision is never invented: an unknown day stays unknown.
    """

    year: int
    month: int | None = None
    day: int | None = None

    def iso(self) -> str:
        """``2021``, ``2021-03`` or ``2021-03-24`` (ISO 8601 reduced precision)."""
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    @classmethod
    def from_iso(cls, value: str) -> PartialDate:
        parts = [int(part) for part in value.split("-")]
        return cls(*parts)  # type: ignore[arg-type]


@dataclass(frozen=True, slots=True)
class Person:
    """A member of parliament as named in the document: "Sneller (D66)"."""

    name: str
    party: str | None = None


DocumentKind = Literal["kamerstuk", "zaak", "aanhangsel", "handelingen", "other"]


@dataclass(frozen=True, slots=True)
class DocumentRef:
    """A reference to another parliamentary document, parsed from its printed form.

    "Kamerstuk 28676, nr. 352" -> kind "kamerstuk", dossier "28676", number "352";
    "2021Z04547" -> kind "zaak", number "2021Z04547";
    "Aanhangsel Handelingen, vergaderjaar 2023–2024, nr. 1137" -> kind "aanhangsel",
    year "2023-2024", number "1137".
    """

    text: str  # as printed (whitespace normalised)
    kind: DocumentKind
    dossier: str | None = None  # "28676", "36 200 IV" -> "36200-IV"
    number: str | None = None
    year: str | None = None  # vergaderjaar "2023-2024"


@dataclass(frozen=True, slots=True)
class Letter:
    """The covering letter a list of answers is sent with, as its head and signature print it.

    A letter of the Algemene Rekenkamer or a ministry: "DATUM 7 juni 2022", "ONS KENMERK 22002883
    R", "BETREFT Beantwoording vragen …", "BIJLAGE(N) 1", "Aan de Voorzitter van de Tweede
    Kamer …", "Geachte voorzitter,", and who signs. A lijst that only mentions the letter ("bij
    brief van 13 juni 2014") has a ``Letter`` with its date.
    """

    date: PartialDate | None = None
    reference: str | None = None  # "ONS KENMERK": the sender's reference
    subject: str | None = None  # "BETREFT"
    recipient: str | None = None  # "de Voorzitter van de Tweede Kamer der Staten-Generaal"
    enclosures: str | None = None  # "BIJLAGE(N)": "1"
    salutation: str | None = None  # "Geachte voorzitter,"
    signatories: tuple[str, ...] = ()  # "Algemene Rekenkamer", "drs. A.P. Visser, president"


@dataclass(frozen=True, slots=True)
class OcrPage:
    """A page whose text came from OCR; ``confidence``: the engine's mean word confidence (0-100),
    None when not known (an OCR text layer that was already in the PDF)."""

    number: int
    confidence: float | None
    words: int


@dataclass(frozen=True, slots=True)
class Ocr:
    """The text (of ``pages``) came from OCR, not from the PDF's own text.

    ``method`` ``recognised``: kamervragen recognised the page images (``engine`` ``Tesseract``,
    its ``version``, the ``language`` of its model); ``text layer``: the PDF carried an invisible
    OCR text layer, read as it is (``engine``: the PDF's producer, as far as it says).
    """

    method: str
    engine: str
    version: str | None
    language: str | None
    pages: tuple[OcrPage, ...]


@dataclass(frozen=True, slots=True)
class Metadata:
    source_file: str  # the PDF's file name, no directory
    sha256: str  # of the PDF's bytes
    pages: int
    pdf_title: str | None  # the PDF's own title (document information), if it has one
    family: Family
    # The official identifier when printed: "ah-tk-20232024-1481", "kst-28676-359".
    identifier: str | None = None
    document_type: str | None = None  # as printed: "VERSLAG", "Antwoord", "Mededeling"
    title: str | None = None  # dossier title ("NAVO") or the questions' subject
    dossier: str | None = None  # Kamerstuk dossier number: "28676", "36200-IV"
    document_number: str | None = None  # "nr. 359" -> "359"
    vergaderjaar: str | None = None  # "2023-2024"
    date: PartialDate | None = None  # vastgesteld (verslag), ontvangen (aanhangsel answer)
    submitted: PartialDate | None = None  # ingezonden (aanhangsel questions)
    committee: str | None = None  # "vaste commissie voor Buitenlandse Zaken"
    questioners: tuple[Person, ...] = ()
    addressees: tuple[str, ...] = ()  # "Minister van Buitenlandse Zaken"
    answered_by: str | None = None  # "Staatssecretaris Van Huffelen (Binnenlandse Zaken …)"
    on_behalf_of: tuple[str, ...] = ()  # "mede namens"
    see_also: tuple[DocumentRef, ...] = ()  # "Zie ook …"
    references: tuple[DocumentRef, ...] = ()  # every document cited in the text, in order
    ocr: Ocr | None = None  # None: the text is the PDF's own, not OCR
    # Lijst: the report or letter the questions are about ("EU-trendrapport 2013") and its
    # Kamerstuk ("Kamerstuk 33 523"), and the covering letter the answers came with.
    report: str | None = None
    report_ref: DocumentRef | None = None
    letter: Letter | None = None


# --- Inline content -----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class NoteRef:
    """A footnote marker, at the exact position in the running text where it stood.

    It always names an existing footnote: the read stage only takes a raised number for a marker
    when the document has a footnote with that number (else the digits stay text).
    """

    number: int


@dataclass(frozen=True, slots=True)
class WebLink:
    """Text that links to a web address (a link annotation, or a URL printed in the text)."""

    url: str
    text: str


@dataclass(frozen=True, slots=True)
class DocLink:
    """Text that cites another parliamentary document ("Kamerstuk 28676, nr. 352")."""

    ref: DocumentRef

    @property
    def text(self) -> str:
        return self.ref.text


@dataclass(frozen=True, slots=True)
class CrossRef:
    """Text that refers to the answer to another question of the same document: "Zie het
    antwoord op vraag 3.", "zie vraag en antwoord 1", "ons antwoord op vragen 4 en 5".

    ``numbers`` are the question numbers it names; writers link it to the answer to the first.
    """

    numbers: tuple[int, ...]
    text: str


@dataclass(frozen=True, slots=True)
class Ask:
    """One direct question, a sentence ending in "?", inside a question block."""

    content: tuple[str | NoteRef | WebLink | DocLink | CrossRef, ...]

    @property
    def text(self) -> str:
        return plain_text(self.content)


Inline = str | NoteRef | WebLink | DocLink | CrossRef | Ask


def plain_text(content: tuple[Inline, ...]) -> str:
    """The visible text of inline content, without footnote markers."""
    parts: list[str] = []
    for item in content:
        if isinstance(item, str):
            parts.append(item)
        elif isinstance(item, WebLink | DocLink | CrossRef | Ask):
            parts.append(item.text)
    return "".join(parts)


def note_refs(content: tuple[Inline, ...]) -> Iterator[NoteRef]:
    for item in content:
        if isinstance(item, NoteRef):
            yield item
        elif isinstance(item, Ask):
            yield from (part for part in item.content if isinstance(part, NoteRef))


# --- Blocks -----------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Heading:
    content: tuple[Inline, ...]
    # Provenance: the page (1-based) and the line on that page (1-based) where the block starts.
    # Family parsers set ``line`` to the layout JSON's line index; the structure step turns it
    # into the line on the page once it has placed everything.
    page: int | None = None
    line: int | None = None

    @property
    def text(self) -> str:
        return plain_text(self.content)


@dataclass(frozen=True, slots=True)
class Paragraph:
    content: tuple[Inline, ...]
    page: int | None = None
    line: int | None = None

    @property
    def text(self) -> str:
        return plain_text(self.content)


ListKind = Literal["bullet", "dash", "number", "letter"]


@dataclass(frozen=True, slots=True)
class ListItem:
    marker: str  # as printed: "•", "–", "1.", "a)"
    content: tuple[Inline, ...]  # the item's text after its marker
    page: int | None = None
    line: int | None = None

    @property
    def text(self) -> str:
        return plain_text(self.content)


@dataclass(frozen=True, slots=True)
class ItemList:
    kind: ListKind
    items: tuple[ListItem, ...]


@dataclass(frozen=True, slots=True)
class Table:
    rows: tuple[tuple[tuple[Inline, ...], ...], ...]  # rows of cells of inline content
    page: int | None = None
    line: int | None = None


Block = Heading | Paragraph | ItemList | Table


# --- Questions and answers -----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Question:
    """One question block.

    ``numbers`` are every number its label covers: "Vraag 3, 4 en 5" -> (3, 4, 5); in a verslag the
    question takes the number of the answer that follows it. ``id`` is unique in the document
    ("vraag-3", "vraag-3-5" for a combined label; a duplicate number gets a suffix, "vraag-3-b"; a
    printed letter stays, "vraag-12a" for "Vraag 12a", whose ``numbers`` are (12,)).
    ``label`` is the printed label block, if the document prints one ("Vraag 1"); a verslag prints
    none, or "Vraag 1" when it prints its questions first. Where nothing is printed (a verslag
    whose answers are told by typography alone), the numbers are the question's position and
    ``numbering`` is "inferred".
    """

    id: str
    numbers: tuple[int, ...]
    blocks: tuple[Block, ...]
    label: Heading | None = None
    party: str | None = None  # the fractie that asks (verslag)
    numbering: Numbering = "printed"


@dataclass(frozen=True, slots=True)
class Answer:
    """One answer block.

    ``questions`` are the ids of the questions it answers (resolved by the structure step; empty
    when no question carries its number, which is an anomaly). ``label`` is the printed heading:
    "Antwoord 5 en 6" (aanhangsel), "1. Antwoord van het kabinet" (verslag). ``by`` names who
    answers when the label says so ("kabinet"). ``numbering`` is "inferred" when no number is
    printed for it: its position (typography alone), or its order in its fractie's reply.
    """

    id: str  # "antwoord-1", "antwoord-5-6"
    numbers: tuple[int, ...]
    questions: tuple[str, ...]
    blocks: tuple[Block, ...]
    label: Heading | None = None
    by: str | None = None
    numbering: Numbering = "printed"


@dataclass(frozen=True, slots=True)
class Announcement:
    """A "Mededeling": the government announces how (or that) the questions will be answered."""

    blocks: tuple[Block, ...]
    label: Heading | None = None


@dataclass(frozen=True, slots=True)
class Section:
    """A part of the body under a heading: a fractie's questions, or a topic within them.

    Kind "part" is a numbered part of a questions-first verslag ("I. Inbreng van de fracties",
    "II. Reactie van de minister"); a fractie's section in the reply part is kind "party" too.
    """

    kind: Literal["party", "topic", "section", "part"]
    heading: Heading | None
    content: tuple[Node, ...]  # intro blocks, subsections, questions and answers, in order
    party: str | None = None  # kind "party": the fractie's name as printed ("GroenLinks")

    @property
    def title(self) -> str:
        return self.heading.text if self.heading else ""


Node = Block | Question | Answer | Announcement | Section


# --- The document -------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Footnote:
    number: int
    content: tuple[str | WebLink | DocLink, ...]  # a footnote holds no footnote references
    page: int | None = None
    line: int | None = None

    @property
    def text(self) -> str:
        return plain_text(self.content)


@dataclass(frozen=True, slots=True)
class Document:
    metadata: Metadata
    front: tuple[Block, ...]  # title lines, the header paragraphs, the preamble
    body: tuple[Node, ...]
    footnotes: tuple[Footnote, ...] = ()
    anomalies: tuple[Anomaly, ...] = ()

    @property
    def title(self) -> str:
        """The best title we have: the derived title, the PDF's title, else the file name."""
        return self.metadata.title or self.metadata.pdf_title or self.metadata.source_file

    def footnote(self, number: int) -> Footnote | None:
        """The footnote with this number, or None when the document has none."""
        for note in self.footnotes:
            if note.number == number:
                return note
        return None

    def walk(self) -> Iterator[Node]:
        """Every node of the body, depth first, in reading order."""
        yield from walk(self.body)

    def questions(self) -> list[Question]:
        return [node for node in self.walk() if isinstance(node, Question)]

    def answers(self) -> list[Answer]:
        return [node for node in self.walk() if isinstance(node, Answer)]


def walk(nodes: tuple[Node, ...]) -> Iterator[Node]:
    """Every node of ``nodes`` and of their sections, depth first, in reading order."""
    for node in nodes:
        yield node
        if isinstance(node, Section):
            yield from walk(node.content)


def inline_contents(doc: Document, *, printed: bool = False) -> Iterator[tuple[Inline, ...]]:
    """Every run of inline content of the document (front and body), in reading order: headings,
    labels, paragraphs, each list item and each table cell; footnotes excluded.

    With ``printed``, content as the text has it instead: a list item with its marker ("• …"), a
    table row as one run with " | " between its cells (what the conservation check compares).
    """
    for block in doc.front:
        yield from _block_contents(block, printed)
    for node in doc.walk():
        if isinstance(node, Section):
            if node.heading is not None:
                yield node.heading.content
        elif isinstance(node, Question | Answer | Announcement):
            if node.label is not None:
                yield node.label.content
            for block in node.blocks:
                yield from _block_contents(block, printed)
        else:
            yield from _block_contents(node, printed)


def _block_contents(block: Block, printed: bool) -> Iterator[tuple[Inline, ...]]:
    if isinstance(block, ItemList):
        for item in block.items:
            yield (f"{item.marker} ", *item.content) if printed else item.content
    elif isinstance(block, Table):
        for row in block.rows:
            if printed:
                yield tuple(
                    part for i, cell in enumerate(row) for part in (" | ",) * bool(i) + cell
                )
            else:
                yield from row
    else:
        yield block.content
