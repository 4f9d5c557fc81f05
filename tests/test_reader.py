"""The read stage (PDF -> layout -> text) against the hand-checked gold files in ../shared/corpus."""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from functools import cache
from pathlib import Path

import pytest

from conftest import CORPUS, SAMPLE_PDF, aanhangsel_pdfs, shared_path
from kamervragen.furniture import find_furniture
from kamervragen.layout import Layout
from kamervragen.readers.pdfium import read_pdf
from kamervragen.text import Text, build_text, render_txt

VERSLAG_RENDITIONS = ["28676-navo-verslag.pdf", "28676-navo-verslag-reflowed.pdf"]


def normalise(text: str) -> str:
    return " ".join(text.split())


@cache
def read(path: Path) -> tuple[Layout, Text, str]:
    layout = find_furniture(read_pdf(path))
    text = build_text(layout)
    return layout, text, render_txt(text)


def txt_paragraphs(txt: str) -> list[str]:
    """The .txt's paragraphs, footnote markers taken out (as the gold convention has it)."""
    return [normalise(re.sub(r"\[\d+\]", "", block)) for block in txt.split("\n\n")]


def verslag_gold_paragraphs() -> list[str]:
    gold = json.loads(shared_path("corpus", "verslag", "28676-navo-verslag.gold.json").read_text())
    paragraphs = list(gold["preamble"])
    for party in gold["parties"]:
        paragraphs += party["intro"]
    for pair in gold["pairs"]:
        paragraphs += pair["question"]["paragraphs"] + pair["answer"]["paragraphs"]
    return [normalise(paragraph) for paragraph in paragraphs]


@pytest.mark.parametrize("name", VERSLAG_RENDITIONS)
def test_verslag_every_gold_paragraph_is_one_txt_paragraph(name: str) -> None:
    _, _, txt = read(shared_path("corpus", "verslag", name))
    paragraphs = set(txt_paragraphs(txt))
    missing = [gold for gold in verslag_gold_paragraphs() if gold not in paragraphs]
    assert missing == [], (
        f"{len(missing)} gold paragraphs not found as a paragraph, first: {missing[:2]}"
    )


@pytest.mark.parametrize("name", VERSLAG_RENDITIONS)
def test_verslag_footnotes_with_full_urls(name: str) -> None:
    _, text, txt = read(shared_path("corpus", "verslag", name))
    gold = json.loads(shared_path("corpus", "verslag", "28676-navo-verslag.gold.json").read_text())
    assert [note.number for note in text.footnotes] == [1, 2]
    for note, gold_note in zip(text.footnotes, gold["footnotes"], strict=True):
        assert gold_note["url"] in note.text
        # The gold text starts with the footnote's number, as printed.
        assert normalise(gold_note["text"]) in normalise(f"{note.number} {note.text}")
        assert f"[{note.number}] " in txt
    # The markers stand right after the text they follow.
    assert "Noord-Syrië.[1]" in txt
    assert "sturen.[2]" in txt


def test_sample_is_the_shared_replica() -> None:
    shared = shared_path("corpus", "verslag", "28676-navo-verslag.pdf")
    assert SAMPLE_PDF.read_bytes() == shared.read_bytes()


def test_sample_layout_lines_and_styles() -> None:
    layout, _, _ = read(SAMPLE_PDF)
    assert layout.source.pages == 12
    texts = [line.text for line in layout.lines]
    heading = texts.index("1. Antwoord van het kabinet")
    assert layout.lines[heading].bold
    question_line = texts.index(
        "De leden van de VVD-fractie hebben met interesse kennisgenomen van het voorgenomen"
    )
    # Answers are indented 1 cm (28.3 pt) against the questions.
    assert layout.lines[heading].x - layout.lines[question_line].x == pytest.approx(28.3, abs=0.5)
    raised = [span.text for line in layout.lines for span in line.spans if span.raised]
    assert raised == ["1", "2"]  # the two markers in the text ("Noord-Syrië.1", "sturen.2")
    assert {link.url for link in layout.links} >= {
        "https://www.bloomberg.com/opinion/articles/2021-03-15/erdogan-the-west-should-help-turkey-end-syria-s-civil-war"
    }


def test_layout_json_round_trip() -> None:
    layout, _, _ = read(SAMPLE_PDF)
    assert Layout.from_json(layout.to_json()) == layout


@pytest.mark.parametrize(
    ("left", "right", "joined"),
    [
        ("de bijeen-", "komst van", "de bijeenkomst van"),
        ("het NAVO-", "bondgenootschap is", "het NAVO-bondgenootschap is"),
        ("Zuid-", "Chinese Zee", "Zuid-Chinese Zee"),
        ("korte-", "of middellange", "korte- of middellange"),
        ("land-", "en tuinbouw", "land- en tuinbouw"),
        ("pilot informatie-", "uitwisseling tussen", "pilot informatie-uitwisseling tussen"),
        ("COVID-", "19 pandemie", "COVID-19 pandemie"),
        ("mensenhandel en", "-smokkel en", "mensenhandel en -smokkel en"),
        (
            "https://nos.nl/artikel/2510977-kritiek-",
            "op-besluit",
            "https://nos.nl/artikel/2510977-kritiek-op-besluit",
        ),
        ("see https://", "www.movisie.nl/sites", "see https://www.movisie.nl/sites"),
    ],
)
def test_join_lines(left: str, right: str, joined: str) -> None:
    from collections import Counter

    from kamervragen.text import join_lines

    assert join_lines(left, right, Counter()) == joined


# --- The real Aanhangsel PDFs -----------------------------------------------------------------------

FURNITURE = [
    re.compile(r"ISSN \d{4}"),
    re.compile(r"ah-tk-\d{8}-\d+"),
    re.compile(r"’s-Gravenhage \d{4}"),
    re.compile(r"Tweede Kamer, vergaderjaar \d{4}–\d{4}, Aanhangsel"),
    re.compile(r"Tweede Kamer der Staten-Generaal"),
    re.compile(r"Vragen gesteld door de leden der Kamer"),
]


def aanhangsel_gold(pdf: Path) -> dict:
    return json.loads(pdf.with_suffix(".gold.json").read_text())


AANHANGSEL = aanhangsel_pdfs() or [
    pytest.param(None, marks=pytest.mark.skip(reason="../shared absent"))
]


@pytest.mark.parametrize("pdf", AANHANGSEL, ids=lambda p: p.stem if p else "none")
def test_aanhangsel_no_furniture_in_body(pdf: Path) -> None:
    _, text, _ = read(pdf)
    body = "\n".join(paragraph.text for paragraph in text.paragraphs)
    for pattern in FURNITURE:
        assert not pattern.search(body), f"furniture {pattern.pattern!r} in the body"
    for paragraph in text.paragraphs:
        assert not re.fullmatch(r"\d{1,3}", paragraph.text), f"page number {paragraph.text!r}"


@pytest.mark.parametrize("pdf", AANHANGSEL, ids=lambda p: p.stem if p else "none")
def test_aanhangsel_labels_start_their_own_paragraph(pdf: Path) -> None:
    _, text, _ = read(pdf)
    gold = aanhangsel_gold(pdf)
    labels = [block["label"] for block in gold["questions"] + gold["answers"]]
    paragraphs = [paragraph.text for paragraph in text.paragraphs]
    for label in labels:
        assert label in paragraphs, f"{label!r} is not a paragraph of its own"


@pytest.mark.parametrize("pdf", AANHANGSEL, ids=lambda p: p.stem if p else "none")
def test_aanhangsel_every_gold_block_text_present(pdf: Path) -> None:
    _, text, txt = read(pdf)
    gold = aanhangsel_gold(pdf)
    body = " ".join(txt_paragraphs(txt))
    missing = []
    for block in gold["questions"] + gold["answers"]:
        for paragraph in block["text"].split("\n\n"):
            if normalise(paragraph) not in body:
                missing.append(f"{block['label']}: {paragraph[:80]}")
    assert missing == [], f"{len(missing)} gold paragraphs missing: {missing[:3]}"


@pytest.mark.parametrize("pdf", AANHANGSEL, ids=lambda p: p.stem if p else "none")
def test_aanhangsel_footnotes(pdf: Path) -> None:
    _, text, _ = read(pdf)
    gold = aanhangsel_gold(pdf)
    assert [(note.number, normalise(note.text)) for note in text.footnotes] == [
        (note["number"], normalise(note["text"])) for note in gold["footnotes"]
    ]
    referenced = sorted(ref.number for p in text.paragraphs for ref in p.note_refs)
    assert referenced == [note["number"] for note in gold["footnotes"]]


def test_corpus_present_or_skipped() -> None:
    if not CORPUS.exists():
        pytest.skip("reference corpus ../shared/corpus is absent")
    assert len(aanhangsel_pdfs()) >= 5


# --- Conservation: nothing lost, nothing invented ----------------------------------------------------

ALL_PDFS = sorted(path for path in CORPUS.glob("*/*.pdf") if "-scan" not in path.stem) or [
    pytest.param(None, marks=pytest.mark.skip(reason="../shared absent"))
]
HYPHENS = "-\u2010\u00ad"


def characters(text: str) -> Counter[str]:
    """Non-space characters, decomposed: "ć" and "c´" (spacing accent) count as the same."""
    from kamervragen.patterns import SPACING_ACCENTS

    for spacing, combining in SPACING_ACCENTS.items():
        text = text.replace(spacing, combining)
    return Counter(c for c in unicodedata.normalize("NFD", text) if not c.isspace())


@pytest.mark.parametrize("pdf", ALL_PDFS, ids=lambda p: p.stem if p else "none")
def test_every_line_accounted_for_and_no_character_lost(pdf: Path) -> None:
    layout, text, _ = read(pdf)
    placed = [i for p in text.paragraphs for i in p.lines]
    placed += [i for note in text.footnotes for i in note.lines]
    placed += list(text.furniture)
    assert sorted(placed) == list(range(len(layout.lines))), "a line is lost or placed twice"

    furniture = set(text.furniture)
    source = characters(
        "".join(line.text for i, line in enumerate(layout.lines) if i not in furniture)
    )
    out = characters("".join(paragraph.text for paragraph in text.paragraphs))
    out += characters("".join(f"{note.number}{note.text}" for note in text.footnotes))
    out += characters("".join(str(ref.number) for p in text.paragraphs for ref in p.note_refs))
    lost = source - out
    invented = out - source
    # Only line-end hyphenation hyphens and the comma inside a raised marker group ("1, 2") are
    # taken out; only the " | " between table cells is added.
    assert set(lost) <= set(HYPHENS) | {","}, f"characters lost: {dict(lost)}"
    assert lost[","] <= sum(len(p.note_refs) for p in text.paragraphs)
    assert set(invented) <= {"|"}, f"characters invented: {dict(invented)}"
