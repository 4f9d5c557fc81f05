"""Writers, tested from hand-made documents, never from a PDF.

The goldens in tests/golden/ are rendered from ``tests/data/xml/minimal.xml`` (hand-written semantic
XML using every element of the model). :func:`sample_document` builds a second document from model
objects, for the cases the XML does not have (a footnote referenced twice, a reference to a missing
footnote, a numbered list, every metadata field); tests assert on its output directly. After a
deliberate change, regenerate the goldens with
``UPDATE_GOLDEN=1 pytest tests/test_writers.py tests/test_akn.py``, review the diff, and commit it
with the change.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from lxml import etree

from kamervragen import model
from kamervragen.semantic_xml import from_xml
from kamervragen.writers import WRITERS, templating, write_akn, write_html, write_pdf

TESTS = Path(__file__).resolve().parent
MINIMAL = TESTS / "data" / "xml" / "minimal.xml"
GOLDEN = TESTS / "golden"
UPDATE_GOLDEN = os.environ.get("UPDATE_GOLDEN") == "1"
HOSTILE = 'Een tekst met <script>alert("x")</script>, een sjabloon {{ 7*7 }} en zorg & bescherming.'

P, H = model.Paragraph, model.Heading
KST_352 = model.DocumentRef("Kamerstuk 28676, nr. 352", "kamerstuk", "28676", "352")
ZAAK = model.DocumentRef("Kamerstuk 2021Z04547", "zaak", number="2021Z04547")
AH_1137 = model.DocumentRef(
    "Aanhangsel Handelingen, vergaderjaar 2023–2024, nr. 1137",
    "aanhangsel",
    None,
    "1137",
    "2023-2024",
)
TK_LINK = model.WebLink("https://www.tweedekamer.nl/kamerstukken?id=1&nr=25", "de website")


def sample_document() -> model.Document:
    """Every model v2 type: a verslag's fractie > onderwerp > vraag/antwoord, then an aanhangsel's
    combined question, an answer to two questions, and a Mededeling; lists, a table, links, notes.
    """
    metadata = model.Metadata(
        source_file="minimal.pdf",
        sha256="6f43a7dc26100aa1707eacd510dd66af8923246685a1d0650b10f383981d92ab",
        pages=3,
        pdf_title="Verslag schriftelijk overleg NAVO",
        family="verslag",
        identifier="kst-28676-359",
        document_type="VERSLAG",
        title="NAVO & veiligheid",
        dossier="28676",
        document_number="359",
        vergaderjaar="2020-2021",
        date=model.PartialDate(2021, 3),
        submitted=model.PartialDate(2021, 2, 12),
        committee="vaste commissie voor Buitenlandse Zaken",
        questioners=(model.Person("Koekkoek", "Volt"), model.Person("Sneller", "D66")),
        addressees=("Minister van Buitenlandse Zaken", "Staatssecretaris van Defensie"),
        answered_by="Minister Blok (Buitenlandse Zaken)",
        on_behalf_of=("Minister van Defensie",),
        see_also=(AH_1137,),
        references=(ZAAK, KST_352),
    )
    front = (
        H(("28676 NAVO",), page=1, line=0),
        P(("Nr. 359 VERSLAG VAN EEN SCHRIFTELIJK OVERLEG",), page=1, line=1),
        P(("Vastgesteld, … maart 2021",), page=1, line=2),
        P(("Over de agenda (", model.DocLink(ZAAK), ")."), page=1, line=3),
    )
    ask = model.Ask(
        ("Kunt u toelichten hoe – in het kader van de motie", model.NoteRef(1), " – is ingezet?")
    )
    topic = model.Section(
        "topic",
        H(("China & <script>",), page=1, line=10),
        (
            model.Question(
                "vraag-1",
                (1,),
                (P(("De leden van de VVD-fractie lezen het verslag. ", ask), page=1, line=11),),
                party="VVD",
            ),
            model.Answer(
                "antwoord-1",
                (1,),
                ("vraag-1",),
                (
                    P(("Zie de voortgangsbrief", model.NoteRef(2), " en ", TK_LINK, "."), page=2),
                    model.ItemList(
                        "bullet",
                        (
                            model.ListItem("•", ("eerste punt",), page=2, line=3),
                            model.ListItem("•", ("tweede punt, zie ", model.DocLink(KST_352))),
                        ),
                    ),
                ),
                label=H(("1. Antwoord van het kabinet",), page=2, line=1),
                by="kabinet",
            ),
        ),
    )
    party = model.Section(
        "party",
        H(("Vragen en opmerkingen van de leden van de VVD-fractie",), page=1, line=8),
        (P(("De leden van de VVD-fractie hebben kennisgenomen van de agenda.",), page=1), topic),
        party="VVD",
    )
    combined = model.Question(
        "vraag-3-5",
        (3, 4, 5),
        (
            P((HOSTILE + " ", model.Ask(("Waarom wel?",))), page=3, line=1),
            model.Table(
                ((("Jaar",), ("Bedrag",)), (("2021",), ("€ 5 & meer", model.NoteRef(1)))),
                page=3,
                line=2,
            ),
        ),
        label=H(("Vraag 3, 4 en 5",), page=3, line=0),
    )
    question_6 = model.Question(
        "vraag-6",
        (6,),
        (P(("Welke ruimte is er voor evaluatie?",), page=3, line=5),),
        label=H(("Vraag 6",), page=3, line=4),
    )
    answer = model.Answer(
        "antwoord-3-6",
        (3, 4, 5, 6),
        ("vraag-3-5", "vraag-6"),
        (
            P(("Een ontbrekende noot", model.NoteRef(9), "."), page=3, line=7),
            model.ItemList(
                "number", (model.ListItem("1.", ("een",)), model.ListItem("2.", ("twee",)))
            ),
        ),
        label=H(("Antwoord 3, 4, 5 en 6",), page=3, line=6),
    )
    announcement = model.Announcement(
        (P(("De vragen worden binnen de gebruikelijke termijn beantwoord.",), page=3, line=9),),
        label=H(("Mededeling",), page=3, line=8),
    )
    footnotes = (
        model.Footnote(1, ("Kamerstuk 36 200 IV, nr. 25.",), page=1, line=40),
        model.Footnote(
            2,
            (
                "Kamerstukken II 2023/24, ",
                model.DocLink(KST_352),
                "; ",
                model.WebLink(
                    "https://zoek.officielebekendmakingen.nl/kst-36410-IV-15.html",
                    "zoek.officielebekendmakingen.nl",
                ),
            ),
            page=2,
            line=41,
        ),
    )
    body = (party, combined, question_6, answer, announcement)
    return model.Document(metadata, front, body, footnotes)


@pytest.fixture(scope="module")
def minimal() -> model.Document:
    return from_xml(MINIMAL.read_bytes(), document=MINIMAL.name)


@pytest.fixture(scope="module")
def sample() -> model.Document:
    return sample_document()


def c14n(data: bytes) -> bytes:
    """Canonical XML without insignificant whitespace, so goldens ignore attribute order/indent."""
    parser = etree.XMLParser(remove_blank_text=True, resolve_entities=False, no_network=True)
    return etree.tostring(etree.fromstring(data, parser), method="c14n2", strip_text=True)


def check_golden(name: str, actual: bytes, *, canonical: bool = False) -> None:
    path = GOLDEN / name
    if UPDATE_GOLDEN:
        path.write_bytes(actual)
    expected = path.read_bytes()
    if canonical:
        assert c14n(actual) == c14n(expected)
    else:
        assert actual.decode("utf-8") == expected.decode("utf-8")


def test_writer_table() -> None:
    assert WRITERS == {"html": write_html, "pdf": write_pdf, "akn": write_akn}


def test_html_golden(minimal: model.Document) -> None:
    check_golden("minimal.html", write_html(minimal))


LITERAL_TEXT = {
    # (document, format): fragments that must appear exactly like this in the output
    ("minimal", "html"): [
        "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;",
        "{{ 7*7 }}",
        "een &amp; en ]]&gt; erin",
        "<title>Vragen over zorg &amp; veiligheid</title>",
    ],
    ("minimal", "akn"): ["&lt;script&gt;", "{{ 7*7 }}", "een &amp; en ]]&gt; erin"],
    ("sample", "html"): [
        "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;",
        "{{ 7*7 }}",
        "zorg &amp; bescherming",
        "<title>NAVO &amp; veiligheid</title>",
        "China &amp; &lt;script&gt;",
    ],
    ("sample", "akn"): ["&lt;script&gt;", "{{ 7*7 }}", "zorg &amp; bescherming"],
}


@pytest.mark.parametrize(("name", "fmt"), LITERAL_TEXT)
def test_document_text_is_escaped_not_interpreted(
    request: pytest.FixtureRequest, name: str, fmt: str
) -> None:
    output = WRITERS[fmt](request.getfixturevalue(name)).decode("utf-8")
    for fragment in LITERAL_TEXT[name, fmt]:
        assert fragment in output
    assert "<script>" not in output
    assert ">49<" not in output and " 49 " not in output


# --- HTML ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["minimal", "sample"])
def test_html_ids_are_unique_and_links_resolve(request: pytest.FixtureRequest, name: str) -> None:
    doc: model.Document = request.getfixturevalue(name)
    html = write_html(doc).decode("utf-8")
    assert html.startswith('<!DOCTYPE html>\n<html lang="nl">')
    for question in doc.questions():
        assert f'<section class="question" id="{question.id}"' in html
    for answer in doc.answers():
        assert f'<section class="answer" id="{answer.id}"' in html
        for question_id in answer.questions:
            assert f'<a href="#{question_id}">' in html
    ids = re.findall(r' id="([^"]+)"', html)
    assert len(ids) == len(set(ids))
    for target in re.findall(r'href="#([^"]+)"', html):
        assert target in ids, target


def test_html_questions_and_answers(sample: model.Document) -> None:
    html = write_html(sample).decode("utf-8")
    for question in sample.questions():
        assert f'<section class="question" id="{question.id}"' in html
    assert '<section class="answer" id="antwoord-1" data-numbers="1" data-by="kabinet">' in html
    assert '<p class="answers-to">Antwoord op <a href="#vraag-1">vraag 1</a></p>' in html
    assert '<a href="#vraag-3-5">vraag 3, 4 en 5</a>, <a href="#vraag-6">vraag 6</a></p>' in html
    assert '<section class="section section-party" id="sectie-1" data-party="VVD">' in html
    assert '<section class="section section-topic" id="sectie-1-2">' in html
    assert (
        '<h3 class="bookmark-2" data-page="1" data-line="10">China &amp; &lt;script&gt;</h3>'
        in html
    )
    assert '<h2 class="label bookmark-3" data-page="3" data-line="0">Vraag 3, 4 en 5</h2>' in html
    assert '<section class="announcement" id="mededeling-5">' in html


def test_html_inline_and_blocks(sample: model.Document) -> None:
    html = write_html(sample).decode("utf-8")
    assert (
        '<span class="ask">Kunt u toelichten hoe – in het kader van de motie<sup class="noteref">'
        '<a href="#fn-1" id="fnref-1-1" aria-label="voetnoot 1">1</a></sup>'
        '<span class="print-footnote" data-note="1" aria-hidden="true">Kamerstuk 36 200 IV, nr. 25.</span>'
        " – is ingezet?</span>" in html
    )
    # The text of a footnote is repeated for print after its first reference only.
    assert html.count('<span class="print-footnote"') == 2
    # Footnote 1 is referenced twice: two back-links; footnote 9 does not exist: not linked.
    assert 'id="fnref-1-2"' in html
    assert '<a href="#fnref-1-1" class="backref"' in html
    assert '<a href="#fnref-1-2" class="backref"' in html
    assert 'Een ontbrekende noot<sup class="noteref">9</sup>.' in html
    assert 'href="#fn-9"' not in html
    assert '<a href="https://www.tweedekamer.nl/kamerstukken?id=1&amp;nr=25">de website</a>' in html
    assert (
        '<cite class="docref" data-kind="kamerstuk" data-dossier="28676" data-number="352">'
        "Kamerstuk 28676, nr. 352</cite>" in html
    )
    assert '<ul class="list list-bullet">' in html
    assert '<li data-marker="•" data-page="2" data-line="3"><span class="marker">•</span>' in html
    assert '<ol class="list list-number">' in html
    assert "<tr><td>Jaar</td><td>Bedrag</td></tr>" in html
    assert '<dd><time datetime="2021-03">maart 2021</time></dd>' in html
    assert '<dd><time datetime="2021-02-12">12 februari 2021</time></dd>' in html
    assert "<dd>Koekkoek (Volt), Sneller (D66)</dd>" in html


def bare(*body: model.Node, footnotes: tuple[model.Footnote, ...] = ()) -> model.Document:
    return model.Document(
        model.Metadata("x.pdf", "0" * 64, 1, None, "unknown"), (), body, footnotes
    )


def test_unsafe_link_schemes_are_not_linked() -> None:
    doc = bare(P((model.WebLink("javascript:alert(1)", "klik"),)))
    assert b"javascript:" not in write_html(doc)
    assert b"javascript:" not in write_akn(doc)
    assert b"<p>klik</p>" in write_html(doc)


# --- PDF: tests/test_pdf.py ---------------------------------------------------------------------


def test_filters() -> None:
    assert templating.dutch_date(model.PartialDate(2024, 2, 12)) == "12 februari 2024"
    assert templating.number_list((5, 6)) == "5 en 6"
