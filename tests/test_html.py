"""The HTML page: valid HTML5, accessible (WCAG 2.1 AA), self-contained, and what it promises.

Two outside checkers run on the HTML of every corpus document (the verslag in both renditions and
every Aanhangsel PDF in ``../shared/corpus``, each built in-process: ``read_pdf`` -> ``build_text``
-> ``build_document`` -> ``write_html``) and of ``tests/data/xml/minimal.xml``:

* the W3C Nu HTML Checker (``vnu.jar`` from npm ``vnu-jar``, run with Java): no errors;
* axe-core with the tags wcag2a, wcag2aa, wcag21a and wcag21aa, in headless Chromium through
  ``tests/tools/check_html.mjs`` (npm ``axe-core`` and ``puppeteer-core``): no violations. The same
  run records every request the page makes (a self-contained page makes none) and whether it is
  wider than a 390 px phone screen.

The npm packages come from ``package-lock.json`` (``npm ci``); ``make test`` installs them, Java and
Chromium. When one of these is missing the checks skip with the reason, except in CI (``CI`` set),
where a missing tool fails the test: CI must never pass because it checked nothing.

The other tests read the page's structure (table of contents, anchors, footnotes, metadata, the
classes print.css relies on) and need no outside tool.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

import lxml.html
import pytest

from conftest import CORPUS, REPO, aanhangsel_pdfs, shared_path
from kamervragen import model
from kamervragen.readers.pdfium import read_pdf
from kamervragen.semantic_xml import from_xml
from kamervragen.structure import build_document
from kamervragen.text import build_text
from kamervragen.writers.html import PUBLISHER, citation, page_title, write_html

TESTS = Path(__file__).resolve().parent
MINIMAL = TESTS / "data" / "xml" / "minimal.xml"
NODE_MODULES = REPO / "node_modules"
VNU_JAR = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
CHECK_SCRIPT = TESTS / "tools" / "check_html.mjs"
CHROMIUM = os.environ.get("CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"

# The documents the checkers run on: name -> where it comes from (a PDF in the corpus, or XML).
VERSLAG = [
    "28676-navo-verslag",
    "28676-navo-verslag-reflowed",
    "28676-navo-verslag-questions-first",  # parts, the reply's fracties
    "28676-navo-verslag-unlabelled",  # labels made for numbers the document does not print
]
CHECKED = {
    "minimal": MINIMAL,
    **{name: CORPUS / "verslag" / f"{name}.pdf" for name in VERSLAG},
    **{path.stem: path for path in aanhangsel_pdfs()},
}


def document_from(path: Path) -> model.Document:
    """The document model of a corpus PDF (every stage a real PDF goes through) or of an XML."""
    if path.suffix == ".xml":
        return from_xml(path.read_bytes(), document=path.name)
    layout = read_pdf(path)
    return build_document(build_text(layout), layout=layout)


# --- The outside tools --------------------------------------------------------------------------


def missing_tools() -> list[str]:
    """What the checkers need and this machine lacks, each with how to get it."""
    missing = []
    if shutil.which("java") is None:
        missing.append("java (Debian: default-jre-headless)")
    if shutil.which("node") is None:
        missing.append("node (Debian: nodejs)")
    if not Path(CHROMIUM).is_file():
        missing.append(f"chromium at {CHROMIUM} (Debian: chromium)")
    for package, path in [
        ("vnu-jar", VNU_JAR),
        ("axe-core", NODE_MODULES / "axe-core" / "axe.min.js"),
        ("puppeteer-core", NODE_MODULES / "puppeteer-core" / "package.json"),
    ]:
        if not path.is_file():
            missing.append(f"npm package {package} (run `npm ci`)")
    return missing


def require_tools(missing: list[str]) -> None:
    """Skip when a checker's tool is missing; in CI, fail instead."""
    if not missing:
        return
    reason = "HTML checkers unavailable: " + "; ".join(missing) + " (`make test` installs them)"
    if os.environ.get("CI"):
        pytest.fail(reason + "; CI must run them", pytrace=False)
    pytest.skip(reason)


@dataclass
class Checked:
    """What the two checkers said about one page."""

    vnu: list[str] = field(default_factory=list)  # error messages
    axe: list[dict] = field(default_factory=list)  # violations
    requests: list[str] = field(default_factory=list)
    overflow: int = 0


@pytest.fixture(scope="session")
def checked(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Checked]:
    """Every available document's HTML, checked once by each tool (one JVM, one browser)."""
    require_tools(missing_tools())
    folder = tmp_path_factory.mktemp("html")
    files = {}
    for name, source in CHECKED.items():
        if source.exists():
            files[name] = folder / f"{name}.html"
            files[name].write_bytes(write_html(document_from(source)))
    results = {name: Checked() for name in files}
    by_path = {path.resolve(): name for name, path in files.items()}

    vnu = subprocess.run(
        ["java", "-jar", str(VNU_JAR), "--errors-only", "--format", "json", "--exit-zero-always"]
        + [str(path) for path in files.values()],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert vnu.returncode == 0, f"vnu did not run: {vnu.stderr[-2000:]}"
    for message in json.loads(vnu.stderr)["messages"]:
        name = by_path[Path(message["url"].removeprefix("file:")).resolve()]
        results[name].vnu.append(
            f"line {message.get('lastLine', '?')}: {message['type']}: {message['message']}"
        )

    axe = subprocess.run(
        ["node", str(CHECK_SCRIPT), "--chromium", CHROMIUM] + [str(p) for p in files.values()],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=300,
    )
    assert axe.returncode == 0, f"check_html.mjs did not run: {axe.stderr[-2000:]}"
    for result in json.loads(axe.stdout)["results"]:
        entry = results[by_path[Path(result["file"]).resolve()]]
        entry.axe = result["violations"]
        entry.requests = result["requests"]
        entry.overflow = result["overflow"]
    return results


def checked_document(checked: dict[str, Checked], name: str) -> Checked:
    if name not in checked:
        shared_path("corpus")  # skips with the reason when the corpus is absent
        pytest.fail(f"{name} is in the corpus list but was not checked")
    return checked[name]


@pytest.mark.parametrize("name", CHECKED)
def test_nu_html_checker_finds_no_errors(checked: dict[str, Checked], name: str) -> None:
    errors = checked_document(checked, name).vnu
    assert not errors, f"{len(errors)} vnu errors:\n" + "\n".join(errors)


@pytest.mark.parametrize("name", CHECKED)
def test_axe_finds_no_wcag21aa_violations(checked: dict[str, Checked], name: str) -> None:
    violations = checked_document(checked, name).axe
    report = [
        f"{v['id']} ({v['impact']}): {v['help']}: " + "; ".join(n["target"] for n in v["nodes"])
        for v in violations
    ]
    assert not violations, f"{len(violations)} axe violations:\n" + "\n".join(report)


@pytest.mark.parametrize("name", CHECKED)
def test_page_loads_nothing_and_fits_a_phone(checked: dict[str, Checked], name: str) -> None:
    result = checked_document(checked, name)
    assert result.requests == []
    assert result.overflow <= 0, f"{result.overflow} px wider than a 390 px screen"


def test_missing_tools_fail_in_ci(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="CI must run them"):
        require_tools(["java"])
    monkeypatch.delenv("CI")
    with pytest.raises(pytest.skip.Exception, match="HTML checkers unavailable: java"):
        require_tools(["java"])


# --- The page's structure -----------------------------------------------------------------------


@pytest.fixture(scope="module")
def minimal() -> model.Document:
    return document_from(MINIMAL)


@pytest.fixture(scope="module")
def page(minimal: model.Document) -> lxml.html.HtmlElement:
    return lxml.html.document_fromstring(write_html(minimal))


def meta_content(page: lxml.html.HtmlElement, name: str) -> list[str]:
    return [meta.get("content") for meta in page.iter("meta") if meta.get("name") == name]


def test_head_has_dublin_core_and_description(page: lxml.html.HtmlElement) -> None:
    assert page.get("lang") == "nl"
    assert page.findtext(".//title") == "Vragen over zorg & veiligheid"
    schema = page.xpath("//link[@rel='schema.DC']")
    assert [link.get("href") for link in schema] == ["http://purl.org/dc/elements/1.1/"]
    assert meta_content(page, "DC.title") == ["Vragen over zorg & veiligheid"]
    assert meta_content(page, "DC.language") == ["nl"]
    assert meta_content(page, "DC.identifier") == ["ah-tk-20232024-1481"]
    assert meta_content(page, "DC.date") == ["2024-03"]
    assert meta_content(page, "DC.creator") == [PUBLISHER]
    assert meta_content(page, "DC.publisher") == [PUBLISHER]
    assert meta_content(page, "DC.contributor") == [
        "Sneller (D66)",
        "Omtzigt",
        "Minister Bruins Slot (Buitenlandse Zaken)",
    ]
    (description,) = meta_content(page, "description")
    assert description.startswith("Aanhangsel van de Handelingen: Vragen over zorg & veiligheid;")
    assert "vragen van Sneller (D66), Omtzigt aan de Minister van Buitenlandse Zaken" in description
    assert description.endswith("; ontvangen maart 2024; 4 vragen en 3 antwoorden.")


def test_page_is_self_contained(minimal: model.Document) -> None:
    html = write_html(minimal).decode("utf-8")
    for fetching in ("<script", " src=", "url(", "@import", 'rel="stylesheet"'):
        assert fetching not in html
    assert '<meta http-equiv="Content-Security-Policy" content="default-src \'none\';' in html


def test_header_has_the_metadata_and_the_running_header(page: lxml.html.HtmlElement) -> None:
    dossier, title = page.find_class("running-dossier"), page.find_class("running-title")
    assert [element.tag for element in dossier + title] == ["header", "header"]
    assert dossier[0].text_content() == "Kamerstuk 28676, nr. 1481"
    assert title[0].text_content() == "Vragen over zorg & veiligheid"
    assert title[0].find("h1") is not None
    terms = [dt.text_content() for dt in page.xpath("//div[@class='masthead']//dt")]
    assert terms == [
        "Kenmerk",
        "Soort",
        "Dossier",
        "Vergaderjaar",
        "Ingezonden",
        "Ontvangen",
        "Commissie",
        "Vragen van",
        "Aan",
        "Antwoord van",
        "Mede namens",
        "Zie ook",
        "Tekst",  # the text came from OCR (minimal.xml says so for page 2)
        "Over",
        "Brief van",
        "Ons kenmerk",
        "Betreft",
        "Brief aan",
        "Bijlagen",
        "Ondertekend",
    ]


def test_toc_links_every_section_question_and_answer(
    minimal: model.Document, page: lxml.html.HtmlElement
) -> None:
    (nav,) = page.xpath("//nav[@id='inhoud']")
    assert nav.get("aria-labelledby") == "inhoud-titel"
    targets = [a.get("href") for a in nav.iter("a")]
    ids = set(page.xpath("//@id"))
    assert all(target.startswith("#") and target[1:] in ids for target in targets)
    for node in minimal.walk():
        if isinstance(node, model.Question | model.Answer):
            assert f"#{node.id}" in targets
    assert {"#sectie-1", "#sectie-1-2", "#mededeling-7"} <= set(targets)
    # An answer to two questions is reachable from both.
    assert targets.count("#antwoord-6-7") == 2
    (entry,) = nav.xpath(".//li[a[@href='#vraag-3-5']]")
    assert " ".join(entry.text_content().split()) == (
        'Vraag 3, 4 en 5 Een tekst met <script>alert("x")</script>, een sjabloon {{ 7*7 }}, een & '
        "en ]]> erin. → antwoord 3, 4 en 5"
    )


def test_questions_and_answers_have_anchors_labels_and_links(
    minimal: model.Document, page: lxml.html.HtmlElement
) -> None:
    for node in minimal.walk():
        if isinstance(node, model.Question | model.Answer):
            (section,) = page.xpath(f"//section[@id='{node.id}']")
            heading = section[0]
            assert heading.tag in ("h2", "h3", "h4") and "bookmark-3" in heading.get("class")
        if isinstance(node, model.Answer):
            (section,) = page.xpath(f"//section[@id='{node.id}']")
            links = section.xpath("./p[@class='answers-to']/a/@href")
            assert links == [f"#{question}" for question in node.questions]
    # A verslag question prints no label: the page gives it one, marked as generated; its number
    # is not printed either (numbering "inferred"), and the label says so.
    (label,) = page.xpath("//section[@id='vraag-1']/h4")
    assert label.get("class") == "label generated inferred bookmark-3"
    assert " ".join(label.xpath("string()").split()) == "Vraag 1 (volgnummer, niet gedrukt)"
    # A generated label over a printed number makes no such claim.
    (label,) = page.xpath("//section[@id='antwoord-1']/h4")
    assert "inferred" not in label.get("class")
    assert page.xpath("//section[@id='sectie-1']/h2/@class") == ["bookmark-1"]
    assert page.xpath("//section[@id='sectie-1-2']/h3/@class") == ["bookmark-2"]
    # The title lines at the top stay out of the outline.
    assert page.xpath("//div[@class='front']/p[@class='front-heading']/text()") == ["2024Z01234"]


def test_footnotes_link_both_ways_and_appear_once_for_print(
    page: lxml.html.HtmlElement,
) -> None:
    for number in (1, 2):
        (ref,) = page.xpath(f"//sup[@class='noteref']/a[@href='#fn-{number}']")
        assert ref.get("id") == f"fnref-{number}-1"
        copy = ref.getparent().getnext()
        assert copy.get("class") == "print-footnote" and copy.get("aria-hidden") == "true"
        assert copy.get("data-note") == str(number)
        (note,) = page.xpath(f"//section[@id='voetnoten']//li[@id='fn-{number}']")
        assert copy.text_content() == note.text_content().removesuffix(" ↩\ufe0e")
        assert note.xpath("./a[@class='backref']/@href") == [f"#fnref-{number}-1"]
    assert len(page.find_class("print-footnote")) == 2
    # A web link in a footnote stays a link, in the list and in the copy for print.
    hrefs = page.xpath("//*[@class='print-footnote']//a/@href")
    assert hrefs == ["https://zoek.officielebekendmakingen.nl/kst-36410-IV-15.html"]


def test_document_references_are_cited_not_linked(page: lxml.html.HtmlElement) -> None:
    cites = page.xpath("//cite[@class='docref']")
    assert cites and all(cite.getparent().tag != "a" for cite in cites)
    assert not [href for href in page.xpath("//a/@href") if "kamerstuk 28676" in href.lower()]


def test_tables_scroll_in_a_named_focusable_box(page: lxml.html.HtmlElement) -> None:
    (box,) = page.find_class("table-scroll")
    assert (box.get("role"), box.get("tabindex"), box.get("aria-label")) == (
        "region",
        "0",
        "Tabel op pagina 2",
    )
    assert box[0].tag == "table"


def test_ids_are_unique_on_every_corpus_page() -> None:
    for name, source in CHECKED.items():
        if not source.exists():
            continue
        html = write_html(document_from(source)).decode("utf-8")
        ids = re.findall(r' id="([^"]+)"', html)
        assert len(ids) == len(set(ids)), name
        for target in re.findall(r'href="#([^"]+)"', html):
            assert target in ids, (name, target)


def metadata(family: model.Family, **fields: str) -> model.Metadata:
    return model.Metadata("x.pdf", "0" * 64, 1, fields.pop("pdf_title", None), family, **fields)


TITLES = [
    (metadata("aanhangsel", pdf_title="pdf-titel"), "pdf-titel", "Aanhangsel van de Handelingen"),
    (metadata("aanhangsel", title="Vragen over X", identifier="ah-1"), "Vragen over X", "ah-1"),
    (metadata("verslag", title="NAVO", dossier="36200-IV"), "NAVO", "Kamerstuk 36200 IV"),
]


@pytest.mark.parametrize(("meta", "title", "cited"), TITLES)
def test_page_title_and_citation(meta: model.Metadata, title: str, cited: str) -> None:
    assert page_title(model.Document(meta, (), ())) == title
    assert citation(meta) == cited
