"""The index of an output folder (output/index.html): what it lists, that it loads nothing but its
own script (allowed by its hash), that the same batch gives the same bytes, and that it is valid
HTML (W3C Nu checker) and WCAG 2.1 AA (axe-core) on a phone's width, as the document pages are
(tests/test_html.py runs the same checkers and skips, or fails in CI, without them)."""

from __future__ import annotations

import base64
import hashlib
import json
import shutil
import subprocess
from pathlib import Path

import lxml.html
import pytest
from test_html import CHECK_SCRIPT, CHROMIUM, VNU_JAR, missing_tools, require_tools

from conftest import DATA, REPO, SAMPLE_PDF, shared_path
from kamervragen.cli import main
from kamervragen.corpus import Converted, Outcome
from kamervragen.semantic_xml import from_xml
from kamervragen.writers.index import write_index

MINIMAL = from_xml((DATA / "xml" / "minimal.xml").read_bytes(), document="minimal.xml")
FILES = tuple(f"m/m{suffix}" for suffix in (".akn.xml", ".html", ".manifest.json", ".pdf", ".xml"))
CORPUS = ["questions.csv", "warnings.csv", "rejected.csv", "SHA256SUMS"]
REJECTED = [
    Outcome("b", "b.pdf", 9, "ab" * 32, "rejected", 3, 'not a PDF; expected "%PDF-"'),
    Outcome("a <x>", "a <x>.pdf", 20741, "cd" * 32, "rejected", 7, "no question/answer structure"),
]


def index(converted: list[Converted], rejected: list[Outcome] = REJECTED) -> bytes:
    return write_index(converted, rejected, CORPUS)


@pytest.fixture(scope="module")
def page() -> lxml.html.HtmlElement:
    converted = [Converted("m", MINIMAL, FILES), Converted("z-ocr", MINIMAL, (), ocr=True)]
    return lxml.html.document_fromstring(index(converted))


def test_every_document_is_a_row_with_its_data_and_files(page: lxml.html.HtmlElement) -> None:
    rows = page.xpath("//tbody[@id='documenten-rijen']/tr")
    assert [row.get("data-name") for row in rows] == ["m", "z-ocr"]
    cells = [" ".join(td.text_content().split()) for td in rows[0].xpath("./td")]
    assert cells[0] == "Vragen over zorg & veiligheid m · ah-tk-20232024-1481"
    assert cells[1:8] == [
        "Aanhangsel van de Handelingen",
        "maart 2024",
        "Sneller (D66), Omtzigt",
        "4",
        "3",
        str(len(MINIMAL.anomalies)),
        "nee",
    ]
    links = rows[0].xpath(".//ul[@class='files']//a")
    assert [(a.get("href"), a.text) for a in links] == [
        ("m/m.html", "HTML"),
        ("m/m.pdf", "PDF"),
        ("m/m.akn.xml", "Akoma Ntoso"),
        ("m/m.xml", "XML"),
        ("m/m.manifest.json", "Manifest"),
    ]
    assert rows[0].xpath("./td[1]/a/@href") == ["m/m.html"]
    assert rows[1].xpath("./td[@data-label='OCR']")[0].text == "ja"
    assert rows[0].get("data-date") == "2024-03" and rows[0].get("data-questions") == "4"


def test_rejected_inputs_are_listed_with_their_reasons(page: lxml.html.HtmlElement) -> None:
    rows = page.xpath("//table[@id='afgewezen']/tbody/tr")
    assert [[td.text_content() for td in row.xpath("./td")] for row in rows] == [
        ["a <x>.pdf", "7", "no question/answer structure"],
        ["b.pdf", "3", 'not a PDF; expected "%PDF-"'],
    ]
    assert page.xpath("//ul[@class='corpus-files']//a/@href") == CORPUS


def test_the_one_script_is_inline_and_allowed_by_its_hash(page: lxml.html.HtmlElement) -> None:
    (script,) = page.xpath("//script")
    assert script.get("src") is None
    digest = base64.b64encode(hashlib.sha256(script.text.encode("utf-8")).digest()).decode()
    (policy,) = page.xpath("//meta[@http-equiv='Content-Security-Policy']/@content")
    assert f"script-src 'sha256-{digest}'" in policy
    assert "default-src 'none'" in policy
    # Without the script, the controls stay hidden and every document is listed.
    assert page.xpath("//form[@id='bediening']/@hidden") == [""]


def test_same_batch_same_bytes_whatever_the_order() -> None:
    a, b = Converted("a", MINIMAL, ()), Converted("b", MINIMAL, ())
    assert index([a, b]) == index([b, a], list(reversed(REJECTED)))
    assert b"<script>" in index([])  # an empty batch is a page too


def test_document_text_is_escaped() -> None:
    html = index([], REJECTED).decode("utf-8")
    assert "a &lt;x&gt;.pdf" in html and "a <x>.pdf" not in html


# --- The outside checkers --------------------------------------------------------------------


@pytest.fixture(scope="module")
def checked_index(tmp_path_factory: pytest.TempPathFactory) -> dict:
    require_tools(missing_tools())
    folder = tmp_path_factory.mktemp("index")
    path = folder / "index.html"
    converted = [Converted(f"doc-{n}", MINIMAL, FILES) for n in range(3)]
    path.write_bytes(index(converted))
    vnu = subprocess.run(
        ["java", "-jar", str(VNU_JAR), "--errors-only", "--format", "json", "--exit-zero-always"]
        + [str(path)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert vnu.returncode == 0, vnu.stderr[-2000:]
    axe = subprocess.run(
        ["node", str(CHECK_SCRIPT), "--chromium", CHROMIUM, str(path)],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=300,
    )
    assert axe.returncode == 0, axe.stderr[-2000:]
    (result,) = json.loads(axe.stdout)["results"]
    return {"vnu": json.loads(vnu.stderr)["messages"], **result}


def test_index_is_valid_html(checked_index: dict) -> None:
    assert checked_index["vnu"] == []


def test_index_has_no_wcag21aa_violations(checked_index: dict) -> None:
    report = [f"{v['id']}: {v['help']}" for v in checked_index["violations"]]
    assert checked_index["violations"] == [], report


def test_index_loads_nothing_and_fits_a_phone(checked_index: dict) -> None:
    assert checked_index["requests"] == []
    assert checked_index["overflow"] <= 0


def test_a_scan_read_by_ocr_is_marked_so(tmp_path: Path) -> None:
    scan = shared_path("corpus", "scans", "ah-tk-20232024-1999-scan.pdf")
    if shutil.which("tesseract") is None:
        pytest.skip("tesseract is not installed (make test installs it)")
    out = tmp_path / "out"
    assert main(["convert", str(scan), str(SAMPLE_PDF), "--out", str(out), "--formats", "txt"]) == 0
    page = lxml.html.document_fromstring((out / "index.html").read_bytes())
    ocr = {
        row.get("data-name"): row.xpath("./td[@data-label='OCR']")[0].text
        for row in page.xpath("//tbody[@id='documenten-rijen']/tr")
    }
    assert ocr == {scan.stem: "ja", SAMPLE_PDF.stem: "nee"}
