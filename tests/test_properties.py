"""Property tests: whatever layout lines come in, the structure step fails only with the project's
own errors, and whenever it succeeds, every character of the text is in the model exactly once."""

from __future__ import annotations

import re

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from kamervragen import model
from kamervragen.errors import KamervragenError
from kamervragen.layout import Layout, Line, Page, Source, Span
from kamervragen.semantic_xml import from_xml, to_xml
from kamervragen.structure import build_document
from kamervragen.text import build_text

WORDS = [
    "Vraag", "Antwoord", "1", "2", "3", "en", "Kunt", "u", "toelichten", "?", "Ja.", "De", "leden",
    "van", "de", "VVD-fractie", "kabinet", "NAVO-", "bondgenoot-", "schap", "Kamerstuk", "28676,",
    "nr.", "352", "•", "–", "Mededeling", "Zie", "ook", "https://example.org/a-", "b", "«x»",
    "<script>", "{{ 7*7 }}", "&amp;", "]]>", "Vastgesteld", "maart", "2021", "VERSLAG", "|",
]  # fmt: skip
LABELS = ["Vraag 1", "Vraag 2", "Vraag 3, 4 en 5", "Antwoord 1", "Antwoord 2", "Antwoord 5 en 6",
          "1. Antwoord van het kabinet", "Mededeling", "Vragen van het lid Sneller (D66) aan de "
          "Minister van Financiën over iets (ingezonden 1 maart 2024)."]  # fmt: skip

texts = st.one_of(
    st.sampled_from(LABELS),
    st.lists(st.sampled_from(WORDS), min_size=1, max_size=14).map(" ".join),
    # Characters a reader can produce: not U+FFFE/U+FFFF, which XML cannot hold and the PDFium
    # reader drops (readers/pdfium.py, _NOT_TEXT), as it drops control characters.
    st.text(
        st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\ufffe\uffff"),
        min_size=1,
        max_size=30,
    ),
)


@st.composite
def lines(draw: st.DrawFn) -> list[Line]:
    result = []
    y = 60.0
    page = 1
    for _ in range(draw(st.integers(1, 30))):
        if draw(st.integers(0, 9)) == 0:
            page, y = page + 1, 60.0
        text = draw(texts).strip() or "x"
        spans = [Span(text, 10.0, draw(st.booleans()), False, False)]
        if draw(st.integers(0, 5)) == 0:
            spans.append(Span(str(draw(st.integers(1, 3))), 6.0, False, False, True))
        x = draw(st.sampled_from([70.0, 99.0, 200.0]))
        size = draw(st.sampled_from([10.0, 10.0, 10.0, 7.0]))
        result.append(
            Line(page, x, y, min(400.0, 6.0 * len(text)), size, spans[0].bold, False, tuple(spans))
        )
        y += draw(st.sampled_from([13.0, 13.0, 26.0]))
    return result


def layout_of(found: list[Line]) -> Layout:
    pages = max(line.page for line in found)
    return Layout(
        source=Source("prop.pdf", "0" * 64, pages),
        pages=tuple(Page(number, 595.0, 842.0) for number in range(1, pages + 1)),
        lines=tuple(found),
        links=(),
    )


def squeeze(value: str) -> str:
    """The text without whitespace and without the " | " the text step writes between a table
    row's cells: no character of the PDF, and a family may read a row's cells apart (a lijst
    question printed as a table row: its number cell is the label, its "Vraag" cell the text)."""
    return re.sub(r"[\s|]+", "", value)


# A private-use character in the text (symbol fonts print them): once taken for a footnote marker.
PRIVATE_USE = Line(
    1, 70.0, 60.0, 6.0, 10.0, False, False, (Span("\ue000", 10.0, False, False, False),)
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(lines())
@example([PRIVATE_USE])
def test_structure_fails_only_with_own_errors_and_conserves_text(found: list[Line]) -> None:
    layout = layout_of(found)
    text = build_text(layout)
    try:
        document = build_document(text, layout=layout)
    except KamervragenError:
        return
    # Conservation, checked here independently of the structure step's own check.
    parts: list[str] = []

    def add(content: tuple[model.Inline, ...]) -> None:
        parts.append(model.plain_text(content))

    for block in document.front:
        _add_block(block, add)
    for node in document.walk():
        if isinstance(node, model.Question | model.Answer | model.Announcement):
            if node.label is not None:
                add(node.label.content)
            for block in node.blocks:
                _add_block(block, add)
        elif isinstance(node, model.Section):
            if node.heading is not None:
                add(node.heading.content)
        else:
            _add_block(node, add)
    assert squeeze("".join(parts)) == squeeze("".join(p.text for p in text.paragraphs))
    assert from_xml(to_xml(document)) == document


def _add_block(block: model.Block, add: object) -> None:
    assert callable(add)
    if isinstance(block, model.Heading | model.Paragraph):
        add(block.content)
    elif isinstance(block, model.ItemList):
        for item in block.items:
            add((item.marker, *item.content))
    elif isinstance(block, model.Table):
        for row in block.rows:
            add(
                tuple(
                    part
                    for index, cell in enumerate(row)
                    for part in ((" | ",) if index else ()) + cell
                )
            )


# --- Pages as the reader produces them: furniture, footnotes, raised markers, tables -------------

CELLS = st.lists(
    st.sampled_from(["Jaar", "2023", "2024", "€ 4 miljoen", "Totaal", "<td>", "{{ x }}", "–"]),
    min_size=2,
    max_size=4,
).map("\t".join)


@st.composite
def pages(draw: st.DrawFn) -> list[Line]:
    """Several pages, each with a running header, a page number, body lines (labels, text, table
    rows, list items, raised markers mid-line and at the end) and footnote-sized lines at the foot."""
    result: list[Line] = []
    count = draw(st.integers(1, 4))
    for page in range(1, count + 1):
        y = 40.0
        if draw(st.booleans()):  # running header, the same on every page
            result.append(_line(page, 200.0, y, "Tweede Kamer, vergaderjaar 2023–2024, 28 676", 8))
        y = 80.0
        for _ in range(draw(st.integers(0, 12))):
            kind = draw(st.integers(0, 5))
            x = 70.0
            if kind == 0:
                text = draw(st.sampled_from(LABELS))
            elif kind == 1:
                text = draw(CELLS)
            elif kind == 2:
                text = f"{draw(st.sampled_from(['•', '–', '1.', 'a)']))}\t{draw(texts).strip()}"
                x = 85.0
            else:
                text = draw(texts).strip()
            text = text or "x"
            spans = [Span(text, 10.0, kind == 0 and draw(st.booleans()), False, False)]
            if draw(st.integers(0, 3)) == 0:  # a raised marker, maybe with text after it
                spans.append(Span(str(draw(st.integers(1, 4))), 6.0, False, False, True))
                if draw(st.booleans()):
                    spans.append(
                        Span(" " + (draw(texts).strip() or "y"), 10.0, False, False, False)
                    )
            result.append(
                Line(
                    page,
                    x,
                    y,
                    min(400.0, 5.5 * len(text)),
                    10.0,
                    spans[0].bold,
                    False,
                    tuple(spans),
                )
            )
            y += draw(st.sampled_from([13.0, 13.0, 13.0, 26.0]))
        for number in range(draw(st.integers(0, 2))):  # footnotes at the foot
            note = draw(texts).strip() or "z"
            result.append(
                Line(page, 70.0, 760.0 + 9 * number, 300.0, 7.0, False, False,
                     (Span(str(number + 1), 5.0, False, False, True), Span(note, 7.0, False, False, False)))
            )  # fmt: skip
        if draw(st.booleans()):  # page number
            result.append(_line(page, 290.0, 800.0, str(page), 9))
    return result or [_line(1, 70.0, 80.0, "x", 10)]


def _line(page: int, x: float, y: float, text: str, size: float) -> Line:
    return Line(
        page, x, y, 5.0 * len(text), size, False, False, (Span(text, size, False, False, False),)
    )


# Found by hypothesis in CI: a table row "1.<tab>Vraag 1" read as lijst question 1 (its number cell
# the label, its second cell the text), with a raised "1" after "Vraag 1" above it.
TABLE_ROW_QUESTION = [
    Line(1, 70.0, 80.0, 38.5, 10.0, False, False, (
        Span("Vraag 1", 10.0, False, False, False), Span("1", 6.0, False, False, True),
    )),
    Line(1, 85.0, 93.0, 55.0, 10.0, False, False, (Span("1.\tVraag 1", 10.0, False, False, False),)),
    Line(1, 70.0, 106.0, 55.0, 10.0, False, False, (Span("Antwoord 1", 10.0, False, False, False),)),
]  # fmt: skip


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(pages())
@example(TABLE_ROW_QUESTION)
def test_structure_on_pages_with_furniture_tables_and_footnotes(found: list[Line]) -> None:
    test_structure_fails_only_with_own_errors_and_conserves_text.hypothesis.inner_test(found)
