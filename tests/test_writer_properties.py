"""Property tests: every writer accepts every document model the structure step can produce.

A numbering anomaly is a warning, not an error, so the model a writer gets may hold a question or
answer without a number, numbers used many times over, blocks with no text, a label over nothing,
answers that answer no question and sections without a heading. The documents here are generated
(hypothesis) in those shapes, numbered and linked by the structure step's own
:func:`~kamervragen.structure.link_questions`, and written as the workflow writes them: semantic
XML (validated), then every writer from the XML read back. Each writer must return its output; the
Akoma Ntoso writer validates its output against the OASIS schema itself, and the ids of the HTML
page are checked here to be unique.
"""

from __future__ import annotations

import json
import re
from collections import Counter

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from kamervragen import manifest, model
from kamervragen.exports import qa_records, to_csv, to_jsonl
from kamervragen.semantic_xml import from_xml, to_xml
from kamervragen.structure import _numbered_per_party as numbered_per_party
from kamervragen.structure import link_questions
from kamervragen.writers import WRITERS

# Text as a PDF may hold it: letters, markup-like and template-like words, any printable character.
WORDS = ["Vraag", "Antwoord", "kabinet", "<script>", "{{ 7*7 }}", "&amp;", "]]>", "«x»", "?", "–"]
words = st.one_of(
    st.sampled_from(WORDS),
    st.text(st.characters(blacklist_categories=("Cs", "Cc", "Cn")), min_size=1, max_size=12),
)
texts = st.lists(words, min_size=1, max_size=6).map(" ".join).filter(lambda t: t.strip() != "")
NOTES = (1, 2, 3)  # the footnotes every generated document has
# Few distinct numbers, so that duplicates (and gaps, and zero) are common.
numbers = st.lists(st.integers(0, 4), max_size=3).map(lambda found: tuple(sorted(set(found))))


def canonical(parts: list[str | model.NoteRef]) -> tuple[str | model.NoteRef, ...]:
    """Inline content as the model keeps it: no empty text run, no two text runs side by side."""
    result: list[str | model.NoteRef] = []
    for part in parts:
        if isinstance(part, str) and result and isinstance(result[-1], str):
            result[-1] += part
        elif part != "":
            result.append(part)
    return tuple(result)


inline = st.lists(st.one_of(texts, st.sampled_from(NOTES).map(model.NoteRef)), max_size=4).map(
    canonical
)
positions = st.one_of(st.none(), st.integers(1, 40))


@st.composite
def blocks(draw: st.DrawFn) -> model.Block:
    page, line = draw(positions), draw(positions)
    kind = draw(st.sampled_from(["paragraph", "heading", "list", "table"]))
    if kind == "paragraph":
        return model.Paragraph(draw(inline), page, line)  # may be empty: an empty block
    if kind == "heading":
        return model.Heading(draw(inline), page, line)
    if kind == "list":
        items = st.builds(model.ListItem, st.sampled_from(["•", "–", "1.", "a)"]), inline)
        return model.ItemList(
            draw(st.sampled_from(["bullet", "dash", "number", "letter"])),
            tuple(draw(st.lists(items, min_size=1, max_size=3))),  # the schema: one item or more
        )
    rows = st.lists(st.lists(inline, min_size=1, max_size=3).map(tuple), min_size=1, max_size=3)
    return model.Table(tuple(draw(rows)), page, line)


labels = st.one_of(st.none(), st.builds(model.Heading, inline, positions, positions))
block_lists = st.lists(blocks(), max_size=3).map(tuple)
questions = st.builds(
    model.Question,
    st.just(""),
    numbers,
    block_lists,
    labels,
    st.one_of(st.none(), st.sampled_from(["VVD", "GroenLinks-PvdA"])),
)
answers = st.builds(
    model.Answer,
    st.just(""),
    numbers,
    st.just(()),
    block_lists,
    labels,
    st.one_of(st.none(), st.just("kabinet")),
)
announcements = st.builds(model.Announcement, block_lists, labels)
leaves = st.one_of(questions, questions, answers, answers, announcements, blocks())


def sections(children: st.SearchStrategy[model.Node]) -> st.SearchStrategy[model.Section]:
    return st.builds(
        model.Section,
        st.sampled_from(["party", "topic", "section"]),
        st.one_of(st.none(), st.builds(model.Heading, inline)),
        st.lists(children, max_size=4).map(tuple),
        st.one_of(st.none(), st.just("D66")),
    )


nodes = st.recursive(leaves, sections, max_leaves=12)


@st.composite
def documents(draw: st.DrawFn) -> model.Document:
    """A document as the structure step leaves it: ids given and answers linked by its own code."""
    body, anomalies = link_questions(tuple(draw(st.lists(nodes, min_size=1, max_size=6))))
    metadata = model.Metadata(
        source_file="gegenereerd.pdf",
        sha256="ab" * 32,
        pages=draw(st.integers(1, 40)),
        pdf_title=draw(st.one_of(st.none(), texts)),
        family=draw(st.sampled_from(model.FAMILIES)),
        title=draw(st.one_of(st.none(), texts)),
        vergaderjaar=draw(st.one_of(st.none(), st.just("2023-2024"))),
        document_number=draw(st.one_of(st.none(), st.just("1481"))),
        date=draw(st.one_of(st.none(), st.just(model.PartialDate(2024, 2)))),
    )
    footnotes = tuple(model.Footnote(n, (draw(texts),), page=1, line=30 + n) for n in NOTES)
    front = tuple(draw(st.lists(blocks(), max_size=2)))
    return model.Document(metadata, front, body, footnotes, tuple(anomalies))


def through_xml(doc: model.Document) -> tuple[bytes, model.Document]:
    """The semantic XML (validated against its schema when written and read) and the model the
    workflow's writers get: the one read back from it."""
    xml = to_xml(doc)
    return xml, from_xml(xml, document="gegenereerd.xml")


NCNAME = re.compile(r"[A-Za-z_][\w.\-]*")


def relaxed(examples: int) -> settings:
    return settings(
        max_examples=examples, deadline=None, suppress_health_check=[HealthCheck.too_slow]
    )


@relaxed(150)
@given(documents())
def test_ids_are_unique_ncnames_whatever_the_numbering(doc: model.Document) -> None:
    ids = [node.id for node in doc.walk() if isinstance(node, model.Question | model.Answer)]
    assert len(ids) == len(set(ids))
    assert all(NCNAME.fullmatch(identifier) for identifier in ids), ids
    # A number is used more than once within its scope: the document's, or, when every fractie
    # numbers its questions from 1 (a verslag numbered per fractie), its fractie's.
    per_party = numbered_per_party(doc.body)
    numbers: Counter[tuple[str, int]] = Counter()

    def count(nodes: tuple[model.Node, ...], scope: str) -> None:
        for node in nodes:
            if isinstance(node, model.Section):
                inner = node.party if per_party and node.kind == "party" and node.party else scope
                count(node.content, inner)
            elif isinstance(node, model.Question):
                numbers.update((scope, n) for n in node.numbers)

    count(doc.body, "")
    duplicates = sorted(n for (_, n), times in numbers.items() if times > 1)
    warned = sorted(a.message for a in doc.anomalies if a.code == "duplicate-question-number")
    assert warned == sorted(f"question number {n} is used more than once" for n in duplicates)


@relaxed(150)
@given(documents())
def test_html_akn_exports_and_manifest_accept_every_model(doc: model.Document) -> None:
    xml, read = through_xml(doc)
    html = WRITERS["html"](read)
    page = etree.fromstring(html, etree.HTMLParser())
    page_ids = page.xpath("//@id")
    assert len(page_ids) == len(set(page_ids)), [i for i, c in Counter(page_ids).items() if c > 1]
    for question in read.questions():
        assert question.id in page_ids
    WRITERS["akn"](read)  # raises RenderError if its output is not valid Akoma Ntoso

    records = qa_records(read, "gegenereerd")
    assert [json.loads(line) for line in to_jsonl(records).splitlines()] == records
    assert to_csv(records).count(b"\n") >= len(records) + 1
    covered = {record["question_id"] for record in records} - {None}
    assert covered == {question.id for question in read.questions()}

    files = [manifest.FileEntry.of("gegenereerd.xml", xml)]
    source = manifest.FileEntry.of("gegenereerd.pdf", b"%PDF-1.7")
    built = manifest.build_manifest(
        name="gegenereerd", source=source, outputs=files, doc=read, versions={}
    )
    assert json.loads(manifest.to_json(built))["statistics"]["questions"] == len(read.questions())


@relaxed(12)
@given(documents())
def test_pdf_writer_accepts_every_model(doc: model.Document) -> None:
    _, read = through_xml(doc)
    assert WRITERS["pdf"](read).startswith(b"%PDF-")
