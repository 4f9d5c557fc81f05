"""The PDF writer: PDF/A-3 with its sources attached, bundled fonts, print layout, determinism.

Rendered from the hand-written ``tests/data/xml/minimal.xml`` and from every corpus document
(read in-process: read_pdf -> build_text -> build_document -> to_xml / write_akn / write_pdf; these
skip when ../shared is absent). Checks that depend on the HTML writer's side of the print contract
(``span.print-footnote``, ``.bookmark-N``, ``.running-*``, ``<nav>``; see templates/print.css) skip
with a reason while the page does not carry that markup.
"""

from __future__ import annotations

import datetime
import io
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pypdf
import pytest
import weasyprint
from lxml import etree
from weasyprint.formatting_structure.boxes import FootnoteAreaBox
from weasyprint.layout import LayoutContext

from conftest import CORPUS
from kamervragen import cli, model
from kamervragen.outputs import WriteOptions
from kamervragen.semantic_xml import from_xml, to_xml
from kamervragen.writers import (
    WRITERS,
    templating,
    weasyprint_fixes,
    write_akn,
    write_html,
    write_pdf,
)
from kamervragen.writers import pdf as pdf_writer
from kamervragen.writers.pdf import (
    FONTS_DIR,
    AssetsOnlyFetcher,
    BundledFonts,
    PdfAttachment,
    attachment_date,
    font_face_css,
)
from kamervragen.writers.weasyprint_fixes import ORIGINAL_UPDATE_FOOTNOTE_AREA

TESTS = Path(__file__).resolve().parent
MINIMAL = TESTS / "data" / "xml" / "minimal.xml"
#: The fonts a PDF may contain: the bundled faces, as WeasyPrint names them (family + style).
BUNDLED_FONT_NAMES = {
    "DejaVu-Serif",
    "DejaVu-Serif-Bold",
    "DejaVu-Serif-Italic",
    "DejaVu-Serif-BoldItalic",
    "DejaVu-Serif-Bold-Italic",
    "DejaVu-Sans",
    "DejaVu-Sans-Bold",
}
CORPUS_PDFS = sorted((CORPUS / "verslag").glob("28676-navo-verslag*.pdf")) + sorted(
    (CORPUS / "aanhangsel").glob("*.pdf")
)
CORPUS_PDFS = [path for path in CORPUS_PDFS if "scan" not in path.name]


@dataclass
class Rendered:
    name: str
    doc: model.Document
    xml: bytes
    akn: bytes
    html: bytes
    pdf: bytes

    @property
    def reader(self) -> pypdf.PdfReader:
        return pypdf.PdfReader(io.BytesIO(self.pdf))


def render(name: str, xml: bytes) -> Rendered:
    doc = from_xml(xml, document=f"{name}.xml")
    akn = write_akn(doc)
    attachments = [
        PdfAttachment(f"{name}.xml", xml, "Source"),
        PdfAttachment(f"{name}.akn.xml", akn, "Alternative"),
    ]
    return Rendered(
        name, doc, xml, akn, write_html(doc), write_pdf(doc, WriteOptions(attachments=attachments))
    )


_CACHE: dict[str, Rendered] = {}


def rendered(name: str) -> Rendered:
    """One render per document per test session (rendering is the slow part)."""
    if name not in _CACHE:
        if name == "minimal":
            _CACHE[name] = render("minimal", MINIMAL.read_bytes())
        else:
            from kamervragen.readers.pdfium import read_pdf
            from kamervragen.structure import build_document
            from kamervragen.text import build_text

            path = next(path for path in CORPUS_PDFS if path.stem == name)
            layout = read_pdf(path)
            _CACHE[name] = render(name, to_xml(build_document(build_text(layout), layout=layout)))
    return _CACHE[name]


DOCUMENTS = ["minimal"] + [path.stem for path in CORPUS_PDFS]


@pytest.fixture(params=DOCUMENTS)
def document(request: pytest.FixtureRequest) -> Rendered:
    return rendered(request.param)


def squash(text: str) -> str:
    """Text compared without whitespace: line breaks inside long words and URLs do not count."""
    return re.sub(r"\s+", "", text)


def page_texts(reader: pypdf.PdfReader) -> list[str]:
    return [page.extract_text() or "" for page in reader.pages]


#: The page area between the running header and the footer, in PDF points from the bottom
#: (A4 is 842 high; print.css: 24 mm top margin, 22 mm bottom margin).
BODY_TOP, BODY_BOTTOM = 842 - 24 / 25.4 * 72, 22 / 25.4 * 72


def page_body(page: pypdf.PageObject) -> str:
    """A page's text without its running header and footer (the page margins)."""
    parts: list[str] = []

    def visit(text: str, cm: list[float], tm: list[float], *_: object) -> None:
        y = cm[3] * tm[5] + cm[5]
        if BODY_BOTTOM <= y <= BODY_TOP:
            parts.append(text)

    page.extract_text(visitor_text=visit)
    return "".join(parts)


def body_text(item: Rendered) -> str:
    """The PDF's text without running headers, footers and footnotes (squashed), so that a
    paragraph broken over two pages reads as one."""
    text = squash("".join(page_body(page) for page in item.reader.pages))
    for note in item.doc.footnotes:
        text = text.replace(squash(f"{note.number}{note.text}"), "", 1)
    return text


def segments(content: tuple[model.Inline, ...]) -> list[str]:
    """The runs of text between footnote references (a reference prints as a raised number)."""
    runs = [""]
    for item in content:
        if isinstance(item, model.NoteRef):
            runs.append("")
        elif isinstance(item, model.Ask):
            first, *rest = segments(item.content)
            runs[-1] += first
            runs += rest
        else:
            runs[-1] += item if isinstance(item, str) else item.text
    return runs


def xmp(reader: pypdf.PdfReader) -> etree._Element:
    data = reader.trailer["/Root"]["/Metadata"].get_object().get_data()
    start, end = data.index(b"<x:xmpmeta"), data.index(b"</x:xmpmeta>") + len(b"</x:xmpmeta>")
    return etree.fromstring(data[start:end], etree.XMLParser(resolve_entities=False))


# --- PDF/A-3 and attachments -----------------------------------------------------------------------


def test_pdf_a3_is_declared(document: Rendered) -> None:
    reader = document.reader
    assert document.pdf.startswith(b"%PDF-1.7")
    pdfaid = "{http://www.aiim.org/pdfa/ns/id/}"
    descriptions = xmp(reader).iter("{http://www.w3.org/1999/02/22-rdf-syntax-ns#}Description")
    ids = {key: value for d in descriptions for key, value in d.attrib.items() if pdfaid in key}
    assert ids == {f"{pdfaid}part": "3", f"{pdfaid}conformance": "U"}
    root = reader.trailer["/Root"]
    intent = root["/OutputIntents"][0].get_object()
    assert intent["/S"] == "/GTS_PDFA1" and "/DestOutputProfile" in intent
    assert root["/Lang"] == "nl"
    assert bool(root["/MarkInfo"]["/Marked"]) and "/StructTreeRoot" in root  # tagged


def test_sources_are_attached_as_associated_files(document: Rendered) -> None:
    reader = document.reader
    expected = {
        f"{document.name}.xml": (document.xml, "/Source"),
        f"{document.name}.akn.xml": (document.akn, "/Alternative"),
    }
    assert {name: data for name, (data, _) in expected.items()} == {
        name: data[0] for name, data in reader.attachments.items()
    }
    date = attachment_date(document.doc).strftime("D:%Y%m%d%H%M%SZ")
    found = {}
    for spec in reader.trailer["/Root"]["/AF"]:
        spec = spec.get_object()
        stream = spec["/EF"]["/F"].get_object()
        assert stream["/Subtype"] == "/application/xml"
        assert stream["/Params"]["/ModDate"] == stream["/Params"]["/CreationDate"] == date
        assert spec["/Desc"]
        found[spec["/UF"]] = spec["/AFRelationship"]
    assert found == {name: relationship for name, (_, relationship) in expected.items()}


def test_source_is_attached_by_default() -> None:
    doc = from_xml(MINIMAL.read_bytes())
    reader = pypdf.PdfReader(io.BytesIO(WRITERS["pdf"](doc)))
    name = Path(doc.metadata.source_file).with_suffix(".xml").name
    assert {name: data[0] for name, data in reader.attachments.items()} == {name: to_xml(doc)}


def test_attachment_date_is_the_documents_not_the_clock() -> None:
    def meta(**fields: model.PartialDate) -> model.Document:
        metadata = model.Metadata("x.pdf", "0" * 64, 1, None, "aanhangsel", **fields)
        return model.Document(metadata, (), ())

    assert attachment_date(meta(date=model.PartialDate(2024, 3, 25))) == datetime.datetime(
        2024, 3, 25
    )
    assert attachment_date(meta(submitted=model.PartialDate(2024))) == datetime.datetime(2024, 1, 1)
    assert attachment_date(meta()) == datetime.datetime(1970, 1, 1)


def test_document_metadata(document: Rendered) -> None:
    reader = document.reader
    info = reader.metadata
    assert info is not None
    assert info.title == document.doc.title
    assert info.author == "Tweede Kamer der Staten-Generaal"
    assert info.creator.startswith("kamervragen ")
    assert info.subject and info.subject.split(";")[0] in {
        "Verslag van een schriftelijk overleg",
        "Aanhangsel van de Handelingen: schriftelijke vragen en antwoorden",
    }
    meta = document.doc.metadata
    keywords = info["/Keywords"]
    assert "Tweede Kamer" in keywords
    for value in (meta.dossier, meta.identifier):
        if value:
            assert value in keywords
    # No clock anywhere: no creation or modification date, in /Info or in the XMP.
    assert "/CreationDate" not in info and "/ModDate" not in info
    assert b"xmp:CreateDate" not in reader.trailer["/Root"]["/Metadata"].get_object().get_data()
    dc, rdf = "{http://purl.org/dc/elements/1.1/}", "{http://www.w3.org/1999/02/22-rdf-syntax-ns#}"
    root = xmp(reader)
    assert root.findtext(f".//{dc}title//{rdf}li") == document.doc.title
    assert root.findtext(f".//{dc}creator//{rdf}li") == "Tweede Kamer der Staten-Generaal"


# --- fonts -------------------------------------------------------------------------------------------


def fonts(reader: pypdf.PdfReader) -> dict[str, pypdf.generic.DictionaryObject]:
    found = {}
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            for descendant in font.get("/DescendantFonts", [font]):
                descendant = descendant.get_object()
                name = str(descendant["/BaseFont"]).lstrip("/")
                found[name.split("+", 1)[-1]] = descendant["/FontDescriptor"].get_object()
    return found


def test_only_bundled_fonts_all_embedded(document: Rendered) -> None:
    found = fonts(document.reader)
    assert found and set(found) <= BUNDLED_FONT_NAMES
    for descriptor in found.values():
        assert "/FontFile2" in descriptor  # TrueType program embedded (subset)


def test_no_system_font_is_reachable() -> None:
    """Ask for fonts the machine may have (DejaVu Sans Mono, Liberation, a generic family): the
    configuration has only the bundled ones, so nothing else can end up in the PDF."""
    font_config = BundledFonts()
    css = weasyprint.CSS(string=font_face_css(), font_config=font_config)
    html = weasyprint.HTML(
        string="<p style=\"font-family: 'DejaVu Sans Mono'\">mono</p>"
        "<p style=\"font-family: 'Liberation Serif', monospace\">liberation</p>"
        "<p style=\"font-family: 'DejaVu Sans'; font-style: italic\">schuin</p>",
        url_fetcher=AssetsOnlyFetcher(),
    )
    pdf = html.write_pdf(stylesheets=[css], font_config=font_config)
    assert set(fonts(pypdf.PdfReader(io.BytesIO(pdf)))) <= BUNDLED_FONT_NAMES


def test_fonts_ship_with_their_licence() -> None:
    files = {path.name for path in FONTS_DIR.iterdir()}
    assert {"DejaVuSerif.ttf", "DejaVuSans-Bold.ttf", "LICENSE-DejaVu.txt", "fonts.conf"} <= files
    assert "Bitstream" in (FONTS_DIR / "LICENSE-DejaVu.txt").read_text(encoding="utf-8")


# --- content and layout ------------------------------------------------------------------------------


def test_every_question_and_answer_is_in_the_text(document: Rendered) -> None:
    text = body_text(document)
    missing = []
    for node in [*document.doc.questions(), *document.doc.answers()]:
        label = [node.label.content] if node.label is not None else []
        for content in label + [content for block in node.blocks for content in _contents(block)]:
            missing += [run for run in segments(content) if squash(run) not in text]
    assert not missing


def _contents(block: model.Block) -> Iterator[tuple[model.Inline, ...]]:
    if isinstance(block, model.ItemList):
        for item in block.items:
            yield (item.marker, " ", *item.content)
    elif isinstance(block, model.Table):
        for row in block.rows:
            yield from row
    else:
        yield block.content


def test_footnotes_are_printed(document: Rendered) -> None:
    text = squash("".join(page_texts(document.reader)))
    for note in document.doc.footnotes:
        assert squash(note.text) in text, note.number


def footnote_pages(item: Rendered) -> dict[int, tuple[int, int | None]]:
    """For each referenced footnote: the page of its first call and the page whose foot prints it
    (None: at no page foot), from WeasyPrint's laid-out pages (1-based)."""
    fetcher = AssetsOnlyFetcher()
    laid_out = pdf_writer._layout(
        item.html, pdf_writer.footnote_list_css(item.doc, item.html), fetcher
    )
    calls: dict[int, int] = {}
    notes: dict[int, int] = {}
    for number, page in enumerate(laid_out.pages, start=1):
        body, *areas = page._page_box.children
        for box in body.descendants():
            href = box.element.get("href", "") if box.element is not None else ""
            if box.element_tag == "a" and href.startswith("#fn-"):
                calls.setdefault(int(href[4:]), number)
        for area in areas:
            if isinstance(area, FootnoteAreaBox):
                for box in area.descendants():
                    note = box.element.get("data-note") if box.element is not None else None
                    if note is not None:
                        notes.setdefault(int(note), number)
    return {note: (page, notes.get(note)) for note, page in calls.items()}


def test_footnotes_sit_at_the_foot_of_their_own_page() -> None:
    """The hand-written document and our sample: every note on the page of its call."""
    for name in ("minimal", "28676-navo-verslag"):
        if name != "minimal" and not CORPUS_PDFS:
            continue
        pages = footnote_pages(rendered(name))
        assert pages, name
        assert all(call == note for call, note in pages.values()), (name, pages)


def test_footnotes_never_carried_past_the_next_page(document: Rendered) -> None:
    """WeasyPrint may carry a note to the next page to fit one more line of a paragraph (its
    layout/block.py, "report footnotes"); never further, never before the call, and never lost.
    And never the writer's fallback (all notes as a list at the end), nor a page that holds
    nothing but footnotes: both were what WeasyPrint's rounding bug did to the corpus
    (kamervragen/writers/weasyprint_fixes.py)."""
    assert b'class="print-footnote"' in document.html
    pages = footnote_pages(document)
    assert set(pages) == set(templating.note_ref_counts(document.doc))
    for note, (call, printed) in pages.items():
        assert printed is not None and printed - call in (0, 1), (note, call, printed)
    texts = [squash(page_body(page)) for page in document.reader.pages]
    assert "Voetnoten" not in "".join(texts)
    notes = [squash(note.text) for note in document.doc.footnotes]
    for number, text in enumerate(texts, start=1):
        for note in notes:
            text = text.replace(note, "")
        assert re.sub(r"\d+", "", text), f"page {number} holds only footnotes"


def test_stock_weasyprint_carries_a_footnote_off_a_page_with_room(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The bug weasyprint_fixes repairs, on one paragraph with print.css's footnote area: stock
    WeasyPrint prints the note alone on a second page. When this fails, the installed WeasyPrint
    no longer has the bug: drop the fix (and this test)."""
    html = (
        "<style>@page { size: A4; margin: 24mm 20mm 22mm;"
        " @footnote { border-top: 0.5pt solid; margin-top: 4mm; padding-top: 1.5mm; } }"
        " body { font-size: 10pt; line-height: 1.4 }"
        " .note { float: footnote; font-size: 8pt; line-height: 1.3 }</style>"
        '<p>Tekst met een voetnoot<span class="note">De voetnoot.</span> en meer.</p>'
    )

    def note_pages() -> list[int]:
        pages = weasyprint.HTML(string=html).render().pages
        return [
            number
            for number, page in enumerate(pages, start=1)
            if any(isinstance(box, FootnoteAreaBox) for box in page._page_box.children)
        ]

    assert note_pages() == [1]  # with the fix, as the PDF writer installs it
    monkeypatch.setattr(LayoutContext, "_update_footnote_area", ORIGINAL_UPDATE_FOOTNOTE_AREA)
    assert note_pages() == [2]


def test_footnote_fix_applies_to_the_installed_weasyprint() -> None:
    """The fix replaces a method it has seen: a WeasyPrint whose method changed is left alone,
    and this says it is time to look again (weasyprint_fixes.PATCHED_SOURCE_SHA256)."""
    assert weasyprint_fixes.applies(), weasyprint_fixes.original_source_sha256()
    assert LayoutContext._update_footnote_area is weasyprint_fixes._update_footnote_area


def test_a4_and_page_footer(document: Rendered) -> None:
    reader = document.reader
    for page in reader.pages:
        assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == (595, 842)
    pages = len(reader.pages)
    texts = page_texts(reader)
    assert f"pagina 1 van {pages}" in texts[0]
    assert f"pagina {pages} van {pages}" in texts[-1]


def test_running_header(document: Rendered) -> None:
    assert b"running-title" in document.html
    texts = page_texts(document.reader)
    if len(texts) < 2:
        pytest.skip("one page: no running header")
    head = squash(document.doc.title)[:20]
    assert head in squash(texts[1])


def outline(reader: pypdf.PdfReader) -> list[tuple[int, str]]:
    found: list[tuple[int, str]] = []

    def walk(items: list, depth: int) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item, depth + 1)
            else:
                found.append((depth, item.title))

    walk(reader.outline, 1)
    return found


def test_verslag_bookmarks_per_fractie_topic_and_question() -> None:
    if not CORPUS_PDFS:
        pytest.skip("reference corpus not available")
    item = rendered("28676-navo-verslag")
    assert b"bookmark-" in item.html
    marks = outline(item.reader)
    parties = [n for n in item.doc.body if isinstance(n, model.Section) and n.kind == "party"]
    # Then the page's own closing parts ("Bron"); "Voetnoten" only when a note is in the list.
    assert [title for depth, title in marks if depth == 1][: len(parties)] == [
        p.title for p in parties
    ]
    topics = [t.title for p in parties for t in p.content if isinstance(t, model.Section)]
    assert [title for depth, title in marks if depth == 2] == topics
    # Every question (the verslag prints no label: the HTML names it "Vraag N"), and the answers.
    third = [title for depth, title in marks if depth == 3]
    for question in item.doc.questions():
        assert f"Vraag {templating.number_list(question.numbers)}" in third
    assert len(third) == len(list(item.doc.questions())) + len(list(item.doc.answers()))


def test_table_of_contents_has_page_numbers() -> None:
    if not CORPUS_PDFS:
        pytest.skip("reference corpus not available")
    item = rendered("28676-navo-verslag")
    assert b"<nav" in item.html
    first = item.reader.pages[0].extract_text()
    # A fractie: a leader and its page; a question: "(blz. N)".
    parties = [n.title for n in item.doc.body if isinstance(n, model.Section)]
    for party in parties:
        assert re.search(re.escape(party) + r"[ .]*\.\s*\d+\s*$", first, re.MULTILINE), party
    assert re.search(r"Vraag 1 \(blz\.\s\d+\)", first)


def test_document_text_is_printed_literally() -> None:
    item = rendered("minimal")
    text = " ".join(" ".join(t.split()) for t in page_texts(item.reader))
    assert '<script>alert("x")</script>' in text
    assert "{{ 7*7 }}, een & en ]]> erin" in text


# --- determinism ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["minimal", "28676-navo-verslag"])
def test_two_renders_are_byte_identical(name: str) -> None:
    if name != "minimal" and not CORPUS_PDFS:
        pytest.skip("reference corpus not available")
    first = rendered(name)
    again = render(name, first.xml)
    assert again.pdf == first.pdf


def test_a_pdf_does_not_depend_on_what_the_process_printed_before(tmp_path: Path) -> None:
    """The fonts and stylesheets are shared by every document a process prints (a chunk of a
    batch): the minimal document printed after others here equals it printed by a fresh
    process."""
    if CORPUS_PDFS:
        rendered(CORPUS_PDFS[-1].stem)  # another document first, with other glyphs and notes
    here = render("minimal", MINIMAL.read_bytes()).pdf
    code = (
        "import sys; from pathlib import Path; from test_pdf import render; "
        "sys.stdout.buffer.write(render('minimal', Path(sys.argv[1]).read_bytes()).pdf)"
    )
    fresh = subprocess.run(
        [sys.executable, "-c", code, str(MINIMAL)],
        cwd=TESTS,
        capture_output=True,
        check=True,
        env={**os.environ, "PYTHONPATH": str(TESTS)},
    ).stdout
    assert fresh == here


# --- the URL fetcher ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "http://example.org/x.png",
        "https://example.org/a.css",
        "ftp://example.org/a.css",
        "file:///etc/passwd",
        "file://otherhost" + str(FONTS_DIR / "DejaVuSerif.ttf"),
        (templating.templates_dir() / ".." / "pyproject.toml").as_uri(),
        FONTS_DIR.as_uri() + "/../writers/pdf.py",
        FONTS_DIR.as_uri() + "/%2E%2E/writers/pdf.py",
        FONTS_DIR.as_uri() + "/missing.ttf",
        "data:text/css,body{color:red}",
        "data:image/png;base64,iVBORw0KGgo=",
    ],
)
def test_fetcher_refuses_everything_but_own_assets(url: str) -> None:
    with pytest.raises(ValueError, match="refused to fetch"):
        AssetsOnlyFetcher()(url)


def test_fetcher_refuses_a_symlink_out_of_a_root(tmp_path: Path) -> None:
    (tmp_path / "link.css").symlink_to("/etc/passwd")
    with pytest.raises(ValueError, match="refused to fetch"):
        AssetsOnlyFetcher(roots=[tmp_path])((tmp_path / "link.css").as_uri())


def test_fetcher_serves_templates_and_fonts() -> None:
    css = AssetsOnlyFetcher()((templating.templates_dir() / "print.css").as_uri())
    assert css.read().startswith(b"/*")
    font = AssetsOnlyFetcher()((FONTS_DIR / "DejaVuSerif.ttf").as_uri())
    assert font.read()[:4] == b"\x00\x01\x00\x00"  # a TrueType font


def test_a_page_cannot_fetch_from_the_network_or_disk() -> None:
    """An <img> or stylesheet link in the page is refused, not fetched (WeasyPrint logs and skips)."""
    calls: list[str] = []

    class Spy(AssetsOnlyFetcher):
        def fetch(self, url: str, headers: object = None) -> weasyprint.urls.URLFetcherResponse:
            calls.append(url)
            return super().fetch(url, headers)

    html = weasyprint.HTML(
        string='<link rel="stylesheet" href="https://example.org/x.css">'
        '<img src="file:///etc/passwd"><p>tekst</p>',
        url_fetcher=Spy(),
    )
    pdf = html.write_pdf()
    assert calls == ["https://example.org/x.css", "file:///etc/passwd"]
    assert b"root:" not in pdf


# --- the command line ------------------------------------------------------------------------------


def test_cli_attaches_the_input_xml_and_the_akn(tmp_path: Path) -> None:
    xml, akn, pdf = tmp_path / "minimal.xml", tmp_path / "minimal.akn.xml", tmp_path / "out.pdf"
    xml.write_bytes(MINIMAL.read_bytes())
    akn.write_bytes(write_akn(from_xml(MINIMAL.read_bytes())))
    assert cli.main(["render", "pdf", str(xml), "--output", str(pdf), "--attach", str(akn)]) == 0
    reader = pypdf.PdfReader(pdf)
    assert {name: data[0] for name, data in reader.attachments.items()} == {
        "minimal.xml": xml.read_bytes(),
        "minimal.akn.xml": akn.read_bytes(),
    }
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no temp left


def test_cli_missing_attachment_fails_without_output(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    xml, pdf = tmp_path / "minimal.xml", tmp_path / "out" / "out.pdf"
    xml.write_bytes(MINIMAL.read_bytes())
    args = ["render", "pdf", str(xml), "--output", str(pdf), "--attach", str(tmp_path / "no.xml")]
    assert cli.main(args) == 3
    assert not pdf.exists() and not pdf.parent.exists()
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "no.xml" in err


def test_cli_attach_is_for_pdf_only(tmp_path: Path) -> None:
    with pytest.raises(SystemExit) as caught:
        cli.main(["render", "html", str(MINIMAL), "--output", str(tmp_path / "x.html"),
                  "--attach", str(MINIMAL)])  # fmt: skip
    assert caught.value.code == 2


def test_unknown_relationship_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown AF relationship"):
        options = WriteOptions(attachments=[("x.xml", b"<x/>", "Bron")])
        write_pdf(from_xml(MINIMAL.read_bytes()), options)
