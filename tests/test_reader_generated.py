"""The reader on documents made here by another producer (WeasyPrint): justified text with Dutch
automatic hyphenation (U+2010), a running header, page numbers, a bullet list with hanging indent,
CSS footnotes with raised markers and a wrapped link. Every source paragraph must come back exactly."""

from __future__ import annotations

from pathlib import Path

import pytest

from kamervragen.readers.pdfium import read_pdf
from kamervragen.text import build_text, render_txt

HEADING = "Nota naar aanleiding van het verslag"
PARAGRAPHS = [
    "De leden van de VVD-fractie hebben met belangstelling kennisgenomen van de nota over de "
    "wijziging van de Wet op de informatie-uitwisseling tussen bestuursorganen. Zij hebben nog "
    "enkele vragen over de verantwoordelijkheidsverdeling tussen het Rijk en de gemeenten.",
    "Kan de regering toelichten hoe de samenwerking binnen het NAVO-bondgenootschap zich verhoudt "
    "tot de Nederlandse Cybersecuritystrategie 2022–2028 en welke rol de minister van Justitie en "
    "Veiligheid daarbij voor zichzelf ziet?",
    "De regering deelt de opvatting dat gegevensbescherming een gezamenlijke verantwoordelijkheid "
    "is. Daarom voorziet het wetsvoorstel in een zorgvuldige afweging van belangen, waarbij zowel "
    "korte- als middellangetermijneffecten worden meegewogen. De Autoriteit Persoonsgegevens houdt "
    "toezicht op de naleving van de verordening.",
]
ITEMS = [
    "het opstellen van een overzicht van alle gegevensuitwisselingen tussen gemeenten en "
    "uitvoeringsorganisaties;",
    "het aanpassen van de privacyverklaringen van de betrokken bestuursorganen.",
]
NOTE = "Kamerstukken II 2023/24, 36 123, nr. 5."
URL = "https://www.tweedekamer.nl/kamerstukken/detail?id=2024Z01234&did=2024D05678"
# Long enough to wrap inside a word (overflow-wrap: anywhere), where no hyphen marks the break.
LONG_URL = "https://zoek.officielebekendmakingen.nl/kst-36123-7.html#Aanhangselvandehandelingen"
STYLE = """
@page { size: A4; margin: 2.5cm 2.5cm 3cm;
  @top-center { content: "Tweede Kamer, vergaderjaar 2023–2024, 36 123, nr. 7"; font-size: 8pt }
  @bottom-center { content: counter(page); font-size: 9pt } }
body { font-family: DejaVu Serif; font-size: 10pt; text-align: justify; hyphens: auto;
  width: 9cm; line-height: 1.3 }
p { margin: 0 0 9pt 0 }
h2 { font-size: 10pt; margin: 0 0 6pt 0 }
ul { margin: 0 0 9pt 0; padding-left: 14pt }
.fn { float: footnote; font-size: 7.5pt }
a { overflow-wrap: anywhere }
::footnote-call { content: counter(footnote); vertical-align: super; font-size: 6pt }
::footnote-marker { content: counter(footnote) " " }
"""


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, Path]:
    weasyprint = pytest.importorskip("weasyprint")
    body = [f"<h2>{HEADING}</h2>"]
    for repeat in range(6):  # long enough for page breaks inside paragraphs
        body.append(f"<p>{PARAGRAPHS[0]}</p>")
        body.append(
            f'<p>{PARAGRAPHS[1][:-1]}?<span class="fn">{NOTE}</span></p>'
            if repeat == 0
            else f"<p>{PARAGRAPHS[1]}</p>"
        )
        body.append("<ul>" + "".join(f"<li>{item}</li>" for item in ITEMS) + "</ul>")
        body.append(f"<p>{PARAGRAPHS[2]}</p>")
    body.append(f'<p>Zie <a href="{URL}">{URL}</a> voor het verslag.</p>')
    body.append(f'<p>De tekst staat op <a href="{LONG_URL}">{LONG_URL}</a>.</p>')
    html = f'<html lang="nl"><head><style>{STYLE}</style></head><body>{"".join(body)}</body></html>'
    path = tmp_path_factory.mktemp("generated") / "nota.pdf"
    weasyprint.HTML(string=html).write_pdf(path)
    layout = read_pdf(path)
    return render_txt(build_text(layout)), path


def paragraphs(txt: str) -> list[str]:
    return [" ".join(block.split()) for block in txt.split("\n\n")]


def test_every_paragraph_comes_back_exactly(generated: tuple[str, Path]) -> None:
    txt, _ = generated
    found = paragraphs(txt)
    assert found[0] == HEADING
    for paragraph in PARAGRAPHS[:1] + PARAGRAPHS[2:]:
        assert found.count(paragraph) == 6, paragraph
    # The first occurrence of the second paragraph carries the footnote marker.
    assert found.count(PARAGRAPHS[1]) == 5
    assert PARAGRAPHS[1][:-1] + "?[1]" in found


def test_list_items_are_paragraphs_with_their_bullets(generated: tuple[str, Path]) -> None:
    txt, _ = generated
    found = paragraphs(txt)
    for item in ITEMS:
        assert found.count(f"• {item}") == 6, item


def test_running_header_and_page_numbers_removed(generated: tuple[str, Path]) -> None:
    txt, path = generated
    assert "vergaderjaar" not in txt
    assert all(not block.strip().isdigit() for block in txt.split("\n\n"))
    assert len(read_pdf(path).pages) >= 2


def test_footnote_and_wrapped_link(generated: tuple[str, Path]) -> None:
    txt, _ = generated
    assert f"\n\n[1] {NOTE}\n" in txt
    assert f"Zie {URL} voor het verslag." in paragraphs(txt)


def test_url_wrapped_inside_a_word_is_taken_whole_from_its_link(
    generated: tuple[str, Path],
) -> None:
    txt, path = generated
    lines = [line.text for line in read_pdf(path).lines]
    # The URL really is broken over lines in the PDF ...
    assert not any(LONG_URL in line for line in lines)
    # ... and comes back whole, from its link annotation.
    assert f"De tekst staat op {LONG_URL}." in paragraphs(txt)
