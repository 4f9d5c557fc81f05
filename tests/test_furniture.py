"""Page furniture: what is removed, why, and the proof that nothing else is.

- Documents of every family made with WeasyPrint, with structural labels as the first and as the
  last line of consecutive pages (inside the bands where running headers and footers stand): every
  label stays text, every question and answer is found, the furniture record holds only furniture.
- The rules one at a time, on layout lines made here: repetition on more than half of the pages
  with digits that count the pages, page numbers, the imprint block, labels, a margin line, a
  line ending in "/".
- The layout file's furniture record, the log and the manifest.
- Properties over generated layouts: no body line is ever removed, and the conservation check
  fails whenever a line of text is dropped.
"""

from __future__ import annotations

import dataclasses
import html
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from documents import masthead, p, render
from kamervragen import model
from kamervragen.cli import main
from kamervragen.errors import LayoutFormatError, StructureError
from kamervragen.furniture import FURNITURE_BAND, find_furniture, is_structural_label
from kamervragen.layout import LAYOUT_VERSION, Layout, Line, Page, Source, Span
from kamervragen.readers.pdfium import read_pdf
from kamervragen.structure import build_document
from kamervragen.text import Text, build_text, check_text_conservation

# --- Documents with labels at the top and at the foot of consecutive pages -----------------------

# Narrow page margins put a page's first and last lines inside the furniture bands (8 % of 842 pt).
CSS = """
@page { margin: 1.5cm 2.5cm }
.sheet { height: 736pt }
.break { break-before: page }
.foot { margin: 0 }
.answer { margin-left: 1cm }
"""


def sheet(parts: list[str], *, foot: str | None = None, first: bool = False) -> list[str]:
    """One page: ``parts`` from its first line on and, if given, ``foot`` as its last line."""
    classes = "sheet" if first else "sheet break"
    result = [f'<div class="{classes}">{"".join(parts)}</div>']
    if foot is not None:
        result.append(f'<p class="foot">{html.escape(foot)}</p>')
    return result


def question(number: int) -> str:
    return f"Kunt u aangeven hoeveel aanvragen voor regeling {number} in 2023 zijn ingediend?"


def answer(number: int) -> str:
    return (
        f"In 2023 zijn {number * 100} aanvragen voor regeling {number} ingediend; daarvan zijn er "
        f"{number * 40} toegekend. De overige aanvragen zijn afgewezen, omdat zij niet aan de "
        "voorwaarden van de regeling voldeden of te laat werden ingediend."
    )


def aanhangsel_body() -> list[str]:
    """Seven pages: "Antwoord 2" first on page 2 and "Antwoord 4" first on page 3 (the case of a
    real document that lost both answers), "Vraag 5" … "Vraag 8" last on pages 3 to 6: on more than
    half of the pages, their numbers one ahead of the page's by two, as a page number's would be."""

    def qa(number: int, *, label: bool = True) -> list[str]:
        return [
            *([p(f"Vraag {number}")] if label else []),
            p(question(number)),
            p(f"Antwoord {number}"),
            p(answer(number)),
        ]

    front = [
        *masthead("ah-tk-20232024-2001"),
        p(
            "Vragen van het lid Van der Plas (BBB) aan de Minister van Landbouw, Natuur en "
            "Voedselkwaliteit over regelingen voor boeren (ingezonden 4 maart 2024)."
        ),
        p(
            "Antwoord van Minister Adema (Landbouw, Natuur en Voedselkwaliteit) (ontvangen 2 april "
            "2024)."
        ),
    ]
    body = sheet([*front, *qa(1), p("Vraag 2"), p(question(2))], first=True)
    body += sheet([p("Antwoord 2"), p(answer(2)), *qa(3), p("Vraag 4"), p(question(4))])
    body += sheet([p("Antwoord 4"), p(answer(4))], foot="Vraag 5")
    for number in (5, 6, 7):
        body += sheet(qa(number, label=False), foot=f"Vraag {number + 1}")
    body += sheet(qa(8, label=False))
    return body


def verslag_body() -> list[str]:
    """Answer headings first on pages 2 and 3 and last on pages 3 to 5; a fractie heading first on
    page 6."""

    def qa(number: int, *, heading: bool = True) -> list[str]:
        return [
            p(
                f"De leden van de VVD-fractie vragen de minister om regeling {number} toe te lichten?"
            ),
            *([p(f"{number}. Antwoord van het kabinet")] if heading else []),
            p(answer(number), "answer"),
        ]

    front = [
        *masthead("kst-28676-360"),
        p("28 676 NAVO", "title"),
        p("Nr. 360 VERSLAG VAN EEN SCHRIFTELIJK OVERLEG", "title"),
        p("Vastgesteld 1 april 2021"),
        p(
            "Binnen de vaste commissie voor Buitenlandse Zaken hebben enkele fracties de behoefte "
            "vragen en opmerkingen voor te leggen aan de minister van Buitenlandse Zaken over de NAVO."
        ),
        p("Vragen en opmerkingen van de leden van de VVD-fractie", "title"),
        p(
            "De leden van de VVD-fractie hebben kennisgenomen van de stukken. Zij hebben hierover "
            "de volgende vragen."
        ),
    ]
    body = sheet([*front, *qa(1), qa(2)[0]], first=True)
    body += sheet([*qa(2)[1:], *qa(3), qa(4)[0]])
    body += sheet([*qa(4)[1:], qa(5)[0]], foot="5. Antwoord van het kabinet")
    for number in (5, 6):
        body += sheet(
            [p(answer(number), "answer"), qa(number + 1)[0]],
            foot=f"{number + 1}. Antwoord van het kabinet",
        )
    body += sheet([p(answer(7), "answer")])
    body += sheet(
        [
            p("Vragen en opmerkingen van de leden van de D66-fractie", "title"),
            p("De leden van de D66-fractie hebben kennisgenomen van de stukken."),
            p("De leden van de D66-fractie vragen de minister om regeling 8 toe te lichten?"),
            p("8. Antwoord van het kabinet"),
            p(answer(8), "answer"),
        ]
    )
    return body


def lijst_body() -> list[str]:
    """Question numbers alone on their line ("5", the committee's numbering) last on pages 3 to 6,
    just above the page numbers, and "Antwoord:" first on pages 2 and 3."""
    front = [
        *masthead("kst-36410-VIII-12"),
        p(
            "36 410 VIII Vaststelling van de begrotingsstaten van het Ministerie van Onderwijs, "
            "Cultuur en Wetenschap (VIII) voor het jaar 2024",
            "title",
        ),
        p("Nr. 12 LIJST VAN VRAGEN EN ANTWOORDEN", "title"),
        p("Vastgesteld 10 november 2023"),
        p(
            "De vaste commissie voor Onderwijs, Cultuur en Wetenschap heeft een aantal vragen "
            "voorgelegd aan de Minister van Onderwijs, Cultuur en Wetenschap over de begroting. "
            "De vragen zijn op 3 november 2023 beantwoord. Vragen en antwoorden zijn hierna "
            "afgedrukt."
        ),
    ]

    def qa(number: int, *, label: bool = True) -> list[str]:
        return [
            *([p(str(number))] if label else []),
            p(question(number)),
            p("Antwoord:"),
            p(answer(number)),
        ]

    body = sheet([*front, *qa(1), p("2"), p(question(2))], first=True)
    body += sheet([p("Antwoord:"), p(answer(2)), *qa(3), p("4"), p(question(4))])
    body += sheet([p("Antwoord:"), p(answer(4))], foot="5")
    for number in (5, 6, 7):
        body += sheet(qa(number, label=False), foot=str(number + 1))
    body += sheet(qa(8, label=False))
    return body


FAMILIES = {
    "aanhangsel": (aanhangsel_body, "Antwoord 4", "Vraag 5"),
    "verslag": (verslag_body, "4. Antwoord van het kabinet", "5. Antwoord van het kabinet"),
    "lijst": (lijst_body, "Antwoord:", "5"),
}


@pytest.fixture(scope="module", params=sorted(FAMILIES))
def labelled(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory):
    family = request.param
    make, top, foot = FAMILIES[family]
    path = tmp_path_factory.mktemp("furniture") / f"{family}.pdf"
    render(make(), path, running="labels", style=CSS)
    layout = find_furniture(read_pdf(path))
    text = build_text(layout)
    return family, layout, build_document(text, layout=layout), top, foot


def lines_with(layout: Layout, text: str) -> list[Line]:
    return [line for line in layout.lines if " ".join(line.text.split()) == text]


def test_the_labels_stand_where_running_headers_and_footers_do(labelled) -> None:
    """The documents test what they claim: labels first and last on pages, inside the bands."""
    _, layout, _, top, foot = labelled
    height = layout.pages[0].height
    tops = [line for line in lines_with(layout, top) if line.y < FURNITURE_BAND * height]
    assert tops, f"{top!r} is not at the top of a page"
    feet = [line for line in lines_with(layout, foot) if line.y > (1 - FURNITURE_BAND) * height]
    assert feet, f"{foot!r} is not at the foot of a page"
    assert len(layout.pages) >= 7


def test_labels_at_the_top_and_foot_of_pages_stay_text(labelled) -> None:
    family, layout, document, _, _ = labelled
    assert document.metadata.family == family
    assert [q.numbers for q in document.questions()] == [(n,) for n in range(1, 9)]
    assert [a.numbers for a in document.answers()] == [(n,) for n in range(1, 9)]
    for found in document.answers():
        number = found.numbers[0]
        assert " ".join(block.text for block in found.blocks) == answer(number)
    assert not [a for a in document.anomalies if a.code != "numbering-gap"]


def test_only_furniture_is_removed(labelled) -> None:
    _, layout, _, _, _ = labelled
    removed = {line.furniture: [] for line in layout.lines if line.furniture}
    for line in layout.lines:
        if line.furniture:
            removed[line.furniture].append(" ".join(line.text.split()))
    pages = len(layout.pages)
    assert removed["running-header"] == ["Tweede Kamer, vergaderjaar 2023–2024, labels"] * pages
    assert removed["page-number"] == [str(page) for page in range(1, pages + 1)]
    assert removed["masthead"] == ["Tweede Kamer der Staten-Generaal", "Vergaderjaar 2023–2024"]
    assert len(removed["imprint"]) == 1
    assert set(removed) == {"running-header", "page-number", "masthead", "imprint"}


def test_the_old_rule_replayed_is_caught_by_the_conservation_check(labelled) -> None:
    """A layout in which a label was removed as a running header, as the old repetition rule did:
    the text step refuses it, naming the page and line, instead of losing the answer."""
    _, layout, _, top, _ = labelled
    index = next(
        i
        for i, line in enumerate(layout.lines)
        if " ".join(line.text.split()) == top and line.y < 100
    )
    lines = list(layout.lines)
    lines[index] = dataclasses.replace(lines[index], furniture="running-header")
    with pytest.raises(StructureError) as caught:
        build_text(dataclasses.replace(layout, lines=tuple(lines)))
    message = caught.value.format_message()
    assert f"page {layout.lines[index].page}, line" in message
    assert "structural label removed as running-header" in message


# --- The rules one at a time -----------------------------------------------------------------------

HEIGHT = 842.0
TOP, FOOT = 40.0, 810.0  # inside the bands


def line(page: int, y: float, text: str, *, x: float = 70.0, size: float = 10.0) -> Line:
    return Line(
        page, x, y, 5.0 * len(text), size, False, False, (Span(text, size, False, False, False),)
    )


def body(page: int, count: int = 3) -> list[Line]:
    return [
        line(page, 120.0 + 13 * n, f"Dit is regel {n} van de lopende tekst op pagina {page}.")
        for n in range(count)
    ]


def layout_of(lines: list[Line], pages: int) -> Layout:
    return Layout(
        source=Source("made.pdf", "0" * 64, pages),
        pages=tuple(Page(number, 595.0, HEIGHT) for number in range(1, pages + 1)),
        lines=tuple(sorted(lines, key=lambda found: (found.page, found.y, found.x))),
        links=(),
    )


def removed(lines: list[Line], pages: int) -> dict[str, str]:
    """Text -> reason, for every line marked as furniture."""
    marked = find_furniture(layout_of(lines, pages))
    return {found.text: found.furniture for found in marked.lines if found.furniture}


def test_a_label_at_the_top_of_consecutive_pages_is_not_a_running_header() -> None:
    lines = [*body(1), line(2, TOP, "Antwoord 2"), *body(2), line(3, TOP, "Antwoord 4"), *body(3)]
    assert removed(lines, 3) == {}


def test_repeated_lines_must_count_the_pages() -> None:
    # Not a label any family knows, on every page: its numbers do not count the pages.
    lines = [line(page, TOP, f"Punt {number}") for page, number in ((1, 1), (2, 3), (3, 4), (4, 8))]
    lines += [line(page, FOOT, f"NAVO-verslag, blad {page + 4} van 12") for page in range(1, 5)]
    for page in range(1, 5):
        lines += body(page)
    assert removed(lines, 4) == {
        f"NAVO-verslag, blad {page + 4} van 12": "running-footer" for page in range(1, 5)
    }


def test_repetition_means_more_than_half_of_the_pages() -> None:
    header = "Verslag schriftelijk overleg NAVO (28676)"
    three_of_five = [line(page, TOP, header) for page in (2, 3, 4)]
    two_of_five = [line(page, TOP, header) for page in (2, 3)]
    both_of_two = [line(page, TOP, header) for page in (1, 2)]
    texts = [found for page in range(1, 6) for found in body(page)]
    assert removed(three_of_five + texts, 5) == dict.fromkeys([header], "running-header")
    assert removed(two_of_five + texts, 5) == {}
    assert removed(both_of_two + texts[:6], 2) == dict.fromkeys([header], "running-header")
    assert removed(both_of_two[1:] + texts[:6], 2) == {}  # one page of two
    assert removed([line(1, TOP, header), *texts[:3]], 1) == {}  # nothing repeats on one page


def test_a_label_is_never_furniture_even_when_it_counts_the_pages() -> None:
    lines = [line(page, FOOT, f"Vraag {page + 2}") for page in range(1, 6)]
    lines += [line(page, TOP, f"{page}. Antwoord van het kabinet") for page in range(1, 6)]
    for page in range(1, 6):
        lines += body(page)
    assert removed(lines, 5) == {}


def test_page_numbers_count_the_pages() -> None:
    numbers = [line(page, FOOT, str(page + 4), x=290.0) for page in range(1, 4)]
    question_number = [line(2, TOP, "7")]  # a question number first on page 2 (a lijst's)
    texts = [found for page in range(1, 4) for found in body(page)]
    assert removed(numbers + question_number + texts, 3) == {
        "5": "page-number",
        "6": "page-number",
        "7": "page-number",
    }
    marked = find_furniture(layout_of(numbers + question_number + texts, 3))
    assert [(f.page, f.furniture) for f in marked.lines if f.text == "7"] == [
        (2, None),
        (3, "page-number"),
    ]
    # One number that is not its page's own is no evidence of page numbering.
    assert removed([line(2, FOOT, "9"), *body(1), *body(2)], 2) == {}
    assert removed([line(2, FOOT, "- 2 -"), *body(1), *body(2)], 2) == {"- 2 -": "page-number"}


def test_the_imprint_is_one_block() -> None:
    """The identifier, cut short here ("kst-28676"), belongs to the block above the ISSN."""
    imprint = [
        line(1, 760.3, "kst-28676", x=55.3, size=5.9),
        line(1, 766.7, "ISSN 0921 - 7371", x=55.3, size=5.9),
        line(1, 773.2, "’s-Gravenhage 2021", x=55.3, size=9.1),
    ]
    column = [line(1, 741.5 - 12.4 * n, f"regel {n} van het antwoord", x=221.1) for n in range(4)]
    assert removed(imprint + column, 1) == {
        "kst-28676": "imprint",
        "ISSN 0921 - 7371": "imprint",
        "’s-Gravenhage 2021": "imprint",
    }


@pytest.mark.parametrize(
    "label",
    [
        "Vraag 1",
        "Antwoord 4",
        "Vraag 3, 4 en 5",
        "Antwoord op vraag 12",
        "Antwoord op vraag 2:",
        "Mededeling",
        "Vraag 7 t/m 9",
        "1. Antwoord van het kabinet",
        "Antwoord van het kabinet",
        "Vragen en opmerkingen van de leden van de VVD-fractie",
        "Vragen en opmerkingen van de leden van de fractie van GroenLinks",
        "Antwoord:",
        "Vraag nr. 12",
    ],
)
def test_structural_labels_of_every_family(label: str) -> None:
    assert is_structural_label(label)


@pytest.mark.parametrize(
    "furniture",
    [
        "Tweede Kamer, vergaderjaar 2023–2024, Aanhangsel 2",
        "Verslag schriftelijk overleg NAVO (28676)",
        "pagina 3 van 12",
        "3",
        "Vragen en antwoorden jaarverslag 2023",
    ],
)
def test_running_lines_are_not_labels(furniture: str) -> None:
    assert not is_structural_label(furniture)


def test_a_margin_line_is_never_joined_into_a_paragraph() -> None:
    """A line wholly in the margin at a page break: the paragraph runs on past it."""
    column = [
        line(1, 700.0 + 13 * n, f"dit is regel {n} van een lange alinea die doorloopt", x=99.0)
        for n in range(5)
    ]
    margin = line(1, 780.0, "Bijlage 2", x=20.0, size=6.0)
    next_page = [line(2, 120.0, "en hier verder gaat op de volgende bladzijde.", x=99.0)]
    more = [line(2, 133.0 + 13 * n, "nog een regel in de kolom", x=99.0) for n in range(3)]
    text = build_text(layout_of(column + [margin] + next_page + more, 2))
    paragraphs = [paragraph.text for paragraph in text.paragraphs]
    assert "Bijlage 2" in paragraphs
    joined = next(p for p in paragraphs if p.startswith("dit is regel 0"))
    assert "doorloopt en hier verder gaat op de volgende bladzijde." in joined
    assert "Bijlage" not in joined


def test_a_line_ending_in_a_slash_joins_without_a_space() -> None:
    lines = [
        line(1, 120.0, "Het gaat om verschillende maatregelen/", x=70.0),
        line(1, 133.0, "projecten en ook om en/of combinaties daarvan, en meer.", x=70.0),
    ]
    text = build_text(layout_of(lines, 1))
    assert text.paragraphs[0].text == (
        "Het gaat om verschillende maatregelen/projecten en ook om en/of combinaties daarvan, en "
        "meer."
    )


# --- The record: layout file, log, manifest ---------------------------------------------------------


def marked_layout() -> Layout:
    lines = [line(page, FOOT, str(page), x=290.0) for page in range(1, 4)]
    lines += [found for page in range(1, 4) for found in body(page)]
    return find_furniture(layout_of(lines, 3))


def test_the_layout_file_keeps_every_line_with_its_reason() -> None:
    layout = marked_layout()
    data = json.loads(layout.to_json())
    assert data["version"] == LAYOUT_VERSION == 2
    assert data["furniture"] == {"page-number": {"lines": 3, "characters": 3}}
    assert [entry.get("furniture") for entry in data["lines"] if entry["text"] == "2"] == [
        "page-number"
    ]
    assert len(data["lines"]) == len(layout.lines)
    assert Layout.from_json(layout.to_json()) == layout


def test_a_layout_before_furniture_is_found_is_not_written() -> None:
    with pytest.raises(ValueError, match="find_furniture"):
        dataclasses.replace(marked_layout(), furniture_found=False).to_json()


@pytest.mark.parametrize(
    "edit",
    [
        lambda data: data["furniture"].update({"page-number": {"lines": 2, "characters": 2}}),
        lambda data: data["lines"][0].update({"furniture": "decoration"}),
        lambda data: data.update({"version": 1}),
        lambda data: data.pop("furniture"),
    ],
    ids=["summary-not-the-lines", "unknown-reason", "version-1", "no-summary"],
)
def test_a_layout_file_with_a_wrong_furniture_record_is_refused(edit) -> None:
    data = json.loads(marked_layout().to_json())
    edit(data)
    with pytest.raises(LayoutFormatError):
        Layout.from_json(json.dumps(data), document="x.layout.json")


def test_the_report_is_in_the_log_and_the_manifest(
    tmp_path: Path, labelled, capsys: pytest.CaptureFixture[str]
) -> None:
    family, layout, _, _, _ = labelled
    pdf = next(Path(tmp_path).parent.glob(f"furniture*/{family}.pdf"))
    out = tmp_path / "out"
    log = tmp_path / "read.log"
    assert main(["read", str(pdf), "--layout", str(out / "x.layout.json"),
                 "--text", str(out / "x.txt"), "--log", str(log)]) == 0  # fmt: skip
    written = json.loads((out / "x.layout.json").read_text(encoding="utf-8"))
    summary = written["furniture"]
    assert summary == {
        reason: dataclasses.asdict(count) for reason, count in layout.furniture().items()
    }
    lines = sum(count["lines"] for count in summary.values())
    characters = sum(count["characters"] for count in summary.values())
    logged = log.read_text(encoding="utf-8")
    assert f"furniture removed: {lines} lines ({characters} characters): masthead 2 lines" in logged
    assert main(["structure", str(out / "x.layout.json"), "--output", str(out / "x.xml")]) == 0
    assert main(["manifest", str(out / "x.txt"), "--source", str(pdf), "--xml",
                 str(out / "x.xml"), "--layout", str(out / "x.layout.json"),
                 "--output", str(out / "x.manifest.json")]) == 0  # fmt: skip
    manifest = json.loads((out / "x.manifest.json").read_text(encoding="utf-8"))
    assert manifest["furniture"] == summary
    assert main(["convert", str(pdf), "--out", str(tmp_path / "c"), "--formats", "manifest"]) == 0
    converted = json.loads(
        (tmp_path / "c" / family / f"{family}.manifest.json").read_text(encoding="utf-8")
    )
    assert converted["furniture"] == summary


# --- Properties over generated layouts ---------------------------------------------------------------

SENTENCES = [
    "De leden van de VVD-fractie vragen de minister om een toelichting.",
    "Kunt u aangeven hoeveel aanvragen er zijn ingediend?",
    "Ja.",
    "In 2023 zijn 400 aanvragen ingediend, waarvan 120 in maart.",
    "Zie Kamerstuk 28676, nr. 352.",
    "Tweede Kamer",
]
# Numbers standing alone in the text (a lijst's question numbers), never their page's number.
NUMBERS = ["12", "37", "9/10"]
LABELS = [
    "Vraag 2", "Vraag 3", "Antwoord 2", "Antwoord 4", "Antwoord op vraag 3", "Vraag 3, 4 en 5",
    "2. Antwoord van het kabinet", "3. Antwoord van het kabinet", "Mededeling", "Antwoord:",
    "Vragen en opmerkingen van de leden van de CDA-fractie", "Antwoord 5", "Vraag 6",
]  # fmt: skip


@st.composite
def documents(draw: st.DrawFn) -> tuple[Layout, set[int]]:
    """Pages with body lines anywhere, the first and the last in the bands too (labels, sentences,
    numbers standing alone), and furniture that behaves as furniture: a running header on every
    page, page numbers that count the pages. Returns the layout and the indices of its body lines.

    Sentences are told apart by a letter code: the same sentence at the top of most pages would be
    a running header by any definition.
    """
    pages = draw(st.integers(1, 6))
    header = draw(st.booleans())
    numbered = draw(st.booleans())
    offset = draw(st.integers(0, 3))
    lines: list[tuple[Line, bool]] = []
    for page in range(1, pages + 1):
        if header:
            lines.append((line(page, 30.0, "Verslag schriftelijk overleg (28676)", x=200.0), False))
        if numbered:
            lines.append((line(page, 825.0, str(page + offset), x=290.0), False))
        y = draw(st.sampled_from([45.0, 60.0, 120.0]))  # the first body line may be in the band
        for n in range(draw(st.integers(1, 8))):
            code = "abcdef"[page - 1] + "ghijklmn"[n]
            text = draw(
                st.one_of(
                    st.sampled_from(LABELS),
                    st.sampled_from(NUMBERS),
                    st.sampled_from(SENTENCES).map(lambda s, code=code: f"{s} ({code})"),
                )
            )
            lines.append((line(page, y, text, x=draw(st.sampled_from([70.0, 99.0]))), True))
            y += draw(st.sampled_from([13.0, 26.0, 90.0, 400.0]))
            if y > 815.0:
                break
    ordered = sorted(lines, key=lambda item: (item[0].page, item[0].y, item[0].x))
    layout = layout_of([found for found, _ in ordered], pages)
    return layout, {index for index, (_, is_body) in enumerate(ordered) if is_body}


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents())
def test_no_body_line_is_ever_removed(generated: tuple[Layout, set[int]]) -> None:
    layout, body_lines = generated
    marked = find_furniture(layout)
    assert [marked.lines[i].text for i in body_lines if marked.lines[i].furniture] == []
    furniture = [found for i, found in enumerate(marked.lines) if i not in body_lines]
    # And the furniture is found: the header on every page, the page numbers (from two pages).
    if len(layout.pages) >= 2:
        assert all(found.furniture for found in furniture)
    build_text(marked)  # the conservation check holds


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents(), st.data())
def test_the_conservation_check_fails_when_a_line_is_dropped(
    generated: tuple[Layout, set[int]], data: st.DataObject
) -> None:
    layout = find_furniture(generated[0])
    text = build_text(layout)
    candidates = [
        (position, index)
        for position, paragraph in enumerate(text.paragraphs)
        for index in paragraph.lines
    ]
    position, index = data.draw(st.sampled_from(candidates))
    paragraph = text.paragraphs[position]
    kept = tuple(i for i in paragraph.lines if i != index)
    # The line dropped from the paragraph, its text left as it was: the line is unaccounted for.
    paragraphs = list(text.paragraphs)
    if kept:
        paragraphs[position] = dataclasses.replace(paragraph, lines=kept)
    else:
        del paragraphs[position]
    with pytest.raises(StructureError, match="text not conserved"):
        check_text_conservation(dataclasses.replace(text, paragraphs=tuple(paragraphs)), layout)
    # The line's text dropped, the line still claimed by the paragraph.
    words = layout.lines[index].text.split()
    shorter = dataclasses.replace(
        paragraph, text=paragraph.text.replace(words[-1], "", 1).strip() if len(words) else ""
    )
    paragraphs = list(text.paragraphs)
    paragraphs[position] = shorter
    with pytest.raises(StructureError, match="text not conserved"):
        check_text_conservation(dataclasses.replace(text, paragraphs=tuple(paragraphs)), layout)
    # The line removed as furniture without a reason in the layout.
    paragraphs = list(text.paragraphs)
    if kept:
        paragraphs[position] = dataclasses.replace(paragraph, lines=kept)
    else:
        del paragraphs[position]
    moved = dataclasses.replace(
        text, paragraphs=tuple(paragraphs), furniture=tuple(sorted((*text.furniture, index)))
    )
    with pytest.raises(StructureError, match="without a recorded reason"):
        check_text_conservation(moved, layout)


def test_conservation_holds_for_the_text_model_of_every_made_document(labelled) -> None:
    _, layout, document, _, _ = labelled
    assert isinstance(document, model.Document)
    check_text_conservation(build_text(layout), layout)
    assert isinstance(build_text(layout), Text)
