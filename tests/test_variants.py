"""Real published layouts that the public corpus does not show, in documents made here.

Each test renders a document in one of the conventions the Tweede and Eerste Kamer have printed
over the years (with WeasyPrint, :mod:`documents`) and reads it through every stage a real PDF goes
through: line-end hyphens as a typesetter sets them, Aanhangsel and verslag variants.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from documents import p, read, render
from kamervragen.text import join_lines

# --- Line-end hyphens ---------------------------------------------------------------------------

# Words a hyphenator breaks (milieu, financieel, informatie) beside words with a hyphen of their
# own, after a prefix Dutch writes with one (non-, ex-, oud-, niet-, adjunct-, loco-, interim-),
# before a capital, and between clashing vowels.
HYPHENATED = [
    "Het milieu en de non-proliferatie van kernwapens staan op de agenda van de ex-minister en de "
    "oud-premier.",
    "De financiële en ideële steun aan het museum, de NAVO-top en de niet-rokers zijn besproken "
    "met de adjunct-directeur.",
    "Het kabinet zet in op informatie-uitwisseling, zee-egels en de loco-burgemeester; de "
    "interim-manager evalueert het milieubeleid.",
]


@pytest.mark.parametrize("width", ["4.2cm", "6cm"])
def test_line_end_hyphens_of_the_producer_and_of_the_text(tmp_path: Path, width: str) -> None:
    """WeasyPrint breaks words with U+2010 ("mili‐" / "eu") and keeps the text's own hyphens as
    HYPHEN-MINUS ("non-" / "proliferatie"): the first go, the second stay, in every paragraph
    whatever the column width puts at the line ends."""
    pdf = render(
        [p(sentence) for sentence in HYPHENATED * 2],
        tmp_path / "hyphens.pdf",
        running="Aanhangsel, nr. 1",
        style=f"p {{ width: {width} }}",
    )
    text, layout = read(pdf)
    ends = [line.text.rstrip()[-1] for line in layout.lines if line.text.rstrip()[-1:] in "-\u2010"]
    assert "\u2010" in ends and "-" in ends, ends  # both kinds stand at line ends
    body = [paragraph.text for paragraph in text.paragraphs if "Tweede Kamer" not in paragraph.text]
    assert body == HYPHENATED * 2


@pytest.mark.parametrize(
    ("left", "right", "joined"),
    [
        # A hyphen-taking prefix before a word part of its own keeps its hyphen...
        ("de non-", "proliferatie van", "de non-proliferatie van"),
        ("de ex-", "minister", "de ex-minister"),
        ("de oud-", "premier", "de oud-premier"),
        # ... a short tail is a word broken after its first syllable.
        ("de oud-", "ste zoon", "de oudste zoon"),
        ("de ex-", "port van", "de export van"),
        # The producer's own break character goes; another hyphen then is the text's.
        ("het mili\u2010", "eu", "het milieu"),
        ("de financi\u2010", "ele steun", "de financiele steun"),
        ("het huis-", "artsenbezoek", "het huis-artsenbezoek"),
    ],
)
def test_join_lines_prefixes_and_the_producers_hyphen(left: str, right: str, joined: str) -> None:
    inserted = "\u2010" if "\u2010" in left or left.endswith("huis-") else None
    assert join_lines(left, right, Counter(), inserted) == joined


def test_without_a_producers_hyphen_the_words_decide() -> None:
    # "bijeen-" / "komst": an ordinary break when no other hyphen marks the producer's breaks.
    assert join_lines("de bijeen-", "komst", Counter()) == "de bijeenkomst"
    assert join_lines("de bijeen-", "komst", Counter(), "\u2010") == "de bijeen-komst"
