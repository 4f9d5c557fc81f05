"""PDF writer: the HTML writer's page, printed by WeasyPrint with ``templates/print.css``, as PDF/A-3u.

Printing the HTML (rather than laying out the PDF separately) means the browser view and the
print cannot drift apart. What the print adds lives in ``templates/print.css``: A4 pages, a running
header (dossier and title), "pagina X van Y", page numbers in the table of contents, footnotes at
the foot of the page, and PDF bookmarks per fractie, topic and question.

The PDF is an archival file:

* **PDF/A-3u** (ISO 19005-3, Unicode level), with the document's sources embedded as *associated
  files* (``/AF``): the semantic XML it was printed from (relationship ``Source``) and, when given,
  the Akoma Ntoso (``Alternative``). Without a ``Source`` attachment the writer attaches
  :func:`~kamervragen.semantic_xml.to_xml` of the document, so every PDF carries its data.
* **Tagged** (``pdf_tags``): WeasyPrint's logical structure (headings, paragraphs, lists, tables,
  links) helps screen readers and reflow. It is not claimed as PDF/A level "a" or PDF/UA: see
  :data:`PDF_VARIANT`.
* **Fonts in the package**: ``kamervragen/fonts/`` (DejaVu, licence beside them), loaded with
  ``@font-face``. The font configuration knows no system font at all (:class:`BundledFonts`), so
  the output does not depend on what the machine has installed, and every font is embedded.
* **Deterministic**: the same document gives the same bytes. No clock is read: no creation or
  modification date, attachment dates taken from the document (:func:`attachment_date`), and a
  file identifier derived from the content.
* **Closed**: the URL fetcher serves only the package's own templates and fonts
  (:class:`AssetsOnlyFetcher`).
"""

from __future__ import annotations

import contextlib
import datetime
import functools
import hashlib
import io
import os
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import NamedTuple
from urllib.parse import unquote, urlsplit

import weasyprint
from weasyprint.formatting_structure.boxes import FootnoteAreaBox
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import URLFetcher, URLFetcherResponse

from kamervragen import __version__, model
from kamervragen.errors import RenderError
from kamervragen.families import FAMILIES
from kamervragen.outputs import NO_OPTIONS, WriteOptions
from kamervragen.writers import weasyprint_fixes
from kamervragen.writers.html import prepare as html_prepare
from kamervragen.writers.html import write_html
from kamervragen.writers.templating import note_ref_counts, template_source, templates_dir

# Footnotes at the foot of their own page, not carried off it by a rounding error (see the module).
weasyprint_fixes.apply()

#: PDF/A-3 allows embedded files of any type (PDF/A-2 only PDF/A files), which is what lets the
#: semantic XML and the Akoma Ntoso travel inside the PDF. Level "u" (every glyph maps to Unicode)
#: rather than "a" (accessible): WeasyPrint's tags are added (``pdf_tags=True``), but its structure
#: tree is built per page (a paragraph split over two pages becomes two ``P``), footnotes moved to
#: the page foot lose their place at the reference, and nothing on this machine can validate a
#: level-A claim (no veraPDF). We claim what we can check.
PDF_VARIANT = "pdf/a-3u"

#: The bundled fonts; the licence is ``LICENSE-DejaVu.txt`` beside them.
FONTS_DIR = Path(__file__).resolve().parents[1] / "fonts"

#: ``@font-face`` rules: (family, weight, style, file in :data:`FONTS_DIR`). The family names are
#: the ones ``base.html`` and ``print.css`` ask for; since the font configuration holds no system
#: font, these are the only fonts WeasyPrint can find.
FONT_FACES: tuple[tuple[str, str, str, str], ...] = (
    ("DejaVu Serif", "normal", "normal", "DejaVuSerif.ttf"),
    ("DejaVu Serif", "bold", "normal", "DejaVuSerif-Bold.ttf"),
    ("DejaVu Serif", "normal", "italic", "DejaVuSerif-Italic.ttf"),
    ("DejaVu Serif", "bold", "italic", "DejaVuSerif-BoldItalic.ttf"),
    ("DejaVu Sans", "normal", "normal", "DejaVuSans.ttf"),
    ("DejaVu Sans", "bold", "normal", "DejaVuSans-Bold.ttf"),
)

#: A fontconfig configuration without a single font directory (see :class:`BundledFonts`).
EMPTY_FONTCONFIG = FONTS_DIR / "fonts.conf"


#: Attachment date when the document has none: a constant, never the clock.
FALLBACK_DATE = datetime.datetime(1970, 1, 1)

AUTHOR = "Tweede Kamer der Staten-Generaal"


class PdfAttachment(NamedTuple):
    """A file to embed as a PDF/A-3 associated file.

    ``relationship`` is the ``/AFRelationship`` name (ISO 32000-2, 7.11.3): ``Source`` for the data
    the PDF was made from, ``Alternative`` for the same content in another format, ``Data``,
    ``Supplement`` or ``Unspecified``.
    """

    name: str
    data: bytes
    relationship: str = "Alternative"
    mime_type: str = "application/xml"
    description: str = ""


RELATIONSHIPS = ("Source", "Data", "Alternative", "Supplement", "Unspecified")


class AssetsOnlyFetcher(URLFetcher):
    """Fetch only files inside the templates folder or the bundled fonts; refuse every other URL.

    The HTML holds text from the source PDF. Although autoescaping keeps it from becoming markup,
    the printer must never reach the network or the file system on a document's behalf
    (``file:///etc/passwd``, tracking pixels), whatever ends up in the page. ``data:`` URLs are
    refused too: the page and the print stylesheet need none, and refusing them keeps the rule
    simple (only files we ship are ever read).
    """

    def __init__(self, roots: Sequence[Path] | None = None) -> None:
        super().__init__(allowed_protocols=("file",), allow_redirects=False)
        self.roots = tuple(
            root.resolve() for root in (roots if roots is not None else asset_roots())
        )

    def fetch(self, url: str, headers: object = None) -> URLFetcherResponse:
        parts = urlsplit(url)
        if parts.scheme != "file" or parts.netloc not in ("", "localhost"):
            raise ValueError(f"refused to fetch {url!r}: only the package's own assets are allowed")
        path = Path(unquote(parts.path)).resolve()  # resolves "..", and symlinks out of a root
        if not any(path.is_relative_to(root) for root in self.roots) or not path.is_file():
            roots = ", ".join(str(root) for root in self.roots)
            raise ValueError(f"refused to fetch {url!r}: not an asset in {roots}")
        return URLFetcherResponse(url, path.read_bytes())


def asset_roots() -> tuple[Path, Path]:
    """The folders the printer may read: the templates and the bundled fonts."""
    return (templates_dir(), FONTS_DIR)


class BundledFonts(FontConfiguration):
    """A font configuration that knows only the ``@font-face`` fonts, no system font.

    WeasyPrint loads fontconfig's default configuration, i.e. every font installed on the machine,
    and Pango falls back to any of them for a character the requested font lacks. Loading an empty
    configuration instead (``FONTCONFIG_FILE`` is read when the configuration is created, so it is
    set only for that moment) means a missing glyph is drawn as the bundled font's ``.notdef`` box
    rather than in whatever font the machine happens to have: the same bytes on every machine.
    """

    def __init__(self) -> None:
        with _environment("FONTCONFIG_FILE", str(EMPTY_FONTCONFIG)):
            super().__init__()


@contextlib.contextmanager
def _environment(name: str, value: str) -> Iterator[None]:
    old = os.environ.get(name)
    os.environ[name] = value
    try:
        yield
    finally:
        if old is None:
            del os.environ[name]
        else:
            os.environ[name] = old


def font_face_css() -> str:
    """The ``@font-face`` rules for :data:`FONT_FACES`, with absolute ``file:`` URLs."""
    return "".join(
        f'@font-face {{ font-family: "{family}"; font-weight: {weight}; font-style: {style}; '
        f'src: url("{(FONTS_DIR / file).as_uri()}"); }}\n'
        for family, weight, style, file in FONT_FACES
    )


def attachment_date(doc: model.Document) -> datetime.datetime:
    """The date the attachments carry: the document's own date (vastgesteld, ontvangen), else
    the date the questions were submitted, else :data:`FALLBACK_DATE`. Never the clock, so that
    the same input gives the same bytes.

    >>> meta = model.Metadata("x.pdf", "0" * 64, 1, None, "verslag", date=model.PartialDate(2021, 3))
    >>> attachment_date(model.Document(meta, (), ()))
    datetime.datetime(2021, 3, 1, 0, 0)
    """
    date = doc.metadata.date or doc.metadata.submitted
    if date is None:
        return FALLBACK_DATE
    return datetime.datetime(date.year, date.month or 1, date.day or 1)


def footnote_list_css(doc: model.Document, html: bytes, *, whole_list: bool = False) -> str:
    """Print in the end-of-document list what is not printed at the foot of a page.

    print.css hides the list, because each footnote is printed at the foot of the page of its
    first reference (``span.print-footnote``). A footnote the text never refers to has no such
    place, so it stays in the list, alone. With ``whole_list`` (or when the page has no
    ``span.print-footnote[data-note]``, e.g. a house style's templates) no note goes to a page
    foot and the list is printed whole. The list's numbers are set here: WeasyPrint ignores
    ``<li value>`` (presentational hints are off), and the notes need not run 1, 2, 3; they are
    set as ``::before`` text, not ``::marker``, whose content WeasyPrint 70 cannot lay out.
    """
    if not doc.footnotes:
        return ""
    spans = b'class="print-footnote"' in html and b" data-note=" in html
    referenced = note_ref_counts(doc)
    if whole_list or not spans:
        listed = [note.number for note in doc.footnotes]
        rules = [".print-footnote { display: none !important; }"]
    else:
        listed = [note.number for note in doc.footnotes if note.number not in referenced]
        rules = ["section.footnotes li { display: none !important; }"]
    if not listed:
        return ""
    rules.append("section.footnotes { display: block !important; }")
    rules.append(
        "section.footnotes ol { list-style: none !important; padding-left: 0 !important; }"
    )
    rules += [
        f"section.footnotes li#fn-{n} {{ display: block !important; }} "
        f'section.footnotes li#fn-{n}::before {{ content: "{n}\\a0\\a0"; }}'
        for n in listed
    ]
    return "\n".join(rules) + "\n"


def describe(name: str) -> str:
    """The description shown in a PDF reader's attachment panel, from the file name."""
    if name.endswith(".akn.xml"):
        return "Akoma Ntoso 3.0 (OASIS LegalDocML) van dit document"
    if name.endswith(".xml"):
        return "Semantische XML (kamervragen) waaruit deze PDF is gemaakt"
    return name


def mime_type(name: str) -> str:
    """``application/xml`` for XML files (not ``text/xml``, which Python's table gives)."""
    return "application/xml" if name.endswith(".xml") else "application/octet-stream"


def prepare() -> None:
    """Load the fonts, parse the stylesheets and compile the page template now rather than for
    the first document (see writers.prepare)."""
    html_prepare()
    _print_setup(str(templates_dir()))


def write_pdf(doc: model.Document, options: WriteOptions = NO_OPTIONS) -> bytes:
    """Render ``doc`` to PDF/A-3u bytes with ``options.attachments`` embedded; deterministic.

    The attachments are :class:`PdfAttachment` (or plain ``(name, data, relationship)`` tuples).
    Without one whose relationship is ``Source``, the document's semantic XML is attached as
    ``<source file stem>.xml``.
    """
    files = [PdfAttachment(*attachment) for attachment in options.attachments]
    for file in files:
        if file.relationship not in RELATIONSHIPS:
            raise ValueError(f"unknown AF relationship {file.relationship!r} for {file.name}")
    if not any(file.relationship == "Source" for file in files):
        from kamervragen.semantic_xml import to_xml

        name = Path(doc.metadata.source_file).with_suffix(".xml").name
        files.insert(0, PdfAttachment(name, to_xml(doc), "Source"))
    html = write_html(doc)
    try:
        return _print(doc, html, files)
    # A font or stylesheet that cannot be read (OSError, ValueError), or a layout WeasyPrint cannot
    # handle (it raises TypeError or AssertionError from deep inside): one line, exit code 8.
    except Exception as exc:
        raise RenderError(
            f"PDF rendering failed ({type(exc).__name__}: {exc})",
            document=doc.metadata.source_file,
        ) from exc


def _layout(
    html: bytes, footnote_css: str, fetcher: AssetsOnlyFetcher
) -> weasyprint.document.Document:
    setup = _print_setup(str(templates_dir()))
    stylesheets = [
        *setup.stylesheets,
        weasyprint.CSS(
            string=footnote_css,
            base_url=setup.base_url,
            url_fetcher=fetcher,
            font_config=setup.fonts,
        ),
    ]
    return weasyprint.HTML(
        string=html.decode("utf-8"), base_url=setup.base_url, url_fetcher=fetcher
    ).render(stylesheets=stylesheets, font_config=setup.fonts)


class PrintSetup(NamedTuple):
    """What every document is printed with: the fonts and the parsed fixed stylesheets."""

    base_url: str
    fonts: BundledFonts
    stylesheets: tuple[weasyprint.CSS, ...]


@functools.cache
def _print_setup(templates: str) -> PrintSetup:
    """The fonts and the ``@font-face`` rules and ``print.css``, parsed once per process and
    templates folder: a batch (``kamervragen convert``) pays for loading six font files and
    parsing the stylesheets once, not per document (about 60 ms each time). WeasyPrint's font
    configuration is made to be shared by every document it prints; the bytes of each PDF do not
    depend on what was printed before (``tests/test_pdf.py``)."""
    fonts = BundledFonts()
    fetcher = AssetsOnlyFetcher()
    base_url = Path(templates).as_uri() + "/"
    stylesheets = tuple(
        weasyprint.CSS(string=css, base_url=base_url, url_fetcher=fetcher, font_config=fonts)
        for css in (font_face_css(), template_source("print.css"))
    )
    return PrintSetup(base_url, fonts, stylesheets)


def printed_footnotes(rendered: weasyprint.document.Document) -> set[int]:
    """The numbers (``data-note``) of the footnotes WeasyPrint put at the foot of some page."""
    numbers = set()
    for page in rendered.pages:
        for area in page._page_box.children:
            if not isinstance(area, FootnoteAreaBox):
                continue
            for box in area.descendants():
                note = box.element.get("data-note") if box.element is not None else None
                if note is not None and note.isdigit():
                    numbers.add(int(note))
    return numbers


def _print(doc: model.Document, html: bytes, files: Sequence[PdfAttachment]) -> bytes:
    fetcher = AssetsOnlyFetcher()
    rendered = _layout(html, footnote_list_css(doc, html), fetcher)
    # WeasyPrint 70 can drop footnotes it has moved to a later page and then taken back (its
    # layout/__init__.py: "TODO: Handle unlayouting a footnote that hasn't been laid out yet or
    # has already been unlayouted"). With weasyprint_fixes it no longer moves notes without
    # reason, and no corpus document loses one; should a note still be missing from every page
    # foot (or the fix not apply to the installed WeasyPrint), the document is printed again with
    # all its notes in the end-of-document list: one consistent place, and no note lost.
    if set(note_ref_counts(doc)) - printed_footnotes(rendered) and b" data-note=" in html:
        rendered = _layout(html, footnote_list_css(doc, html, whole_list=True), fetcher)
    _set_metadata(rendered.metadata, doc)
    date = attachment_date(doc)
    embedded = [
        weasyprint.Attachment(
            file_obj=io.BytesIO(file.data),
            url_fetcher=fetcher,
            name=file.name,
            description=file.description or describe(file.name),
            created=date,
            modified=date,
            relationship=file.relationship,
        )
        for file in files
    ]
    mime_types = {file.name: file.mime_type or mime_type(file.name) for file in files}
    # A file identifier derived from the content instead of a random one: a rerun of the workflow
    # produces the same bytes, so Snakemake and a reviewer see no spurious change.
    digest = hashlib.sha256(html)
    for file in files:
        digest.update(hashlib.sha256(file.name.encode("utf-8") + b"\0" + file.data).digest())
    return rendered.write_pdf(
        pdf_variant=PDF_VARIANT,
        pdf_tags=True,
        pdf_identifier=digest.hexdigest()[:32].encode("ascii"),
        attachments=embedded,
        finisher=lambda _document, pdf: _set_mime_types(pdf, mime_types),
    )


def _set_metadata(metadata: weasyprint.document.DocumentMetadata, doc: model.Document) -> None:
    """Title, subject, keywords, author, creator and language, in /Info and in the XMP.

    No creation or modification date: WeasyPrint would take them from ``<meta
    name="dcterms.created">``; they are cleared explicitly so that no template change can bring a
    clock back.
    """
    meta = doc.metadata
    metadata.created = None
    metadata.modified = None
    metadata.title = doc.title
    metadata.lang = "nl"
    metadata.authors = [AUTHOR]
    metadata.generator = f"kamervragen {__version__} (WeasyPrint {weasyprint.__version__})"
    subject = [FAMILIES[meta.family].wording.pdf_subject]
    if meta.dossier is not None:
        number = f", nr. {meta.document_number}" if meta.document_number else ""
        subject.append(f"Kamerstuk {meta.dossier}{number}")
    if meta.identifier is not None:
        subject.append(meta.identifier)
    if meta.vergaderjaar is not None:
        subject.append(f"vergaderjaar {meta.vergaderjaar}")
    metadata.description = "; ".join(subject)
    keywords = [
        "Tweede Kamer",
        "Kamervragen",
        FAMILIES[meta.family].wording.pdf_subject.split(":")[0],
    ]
    keywords += [value for value in (meta.dossier, meta.identifier, meta.committee) if value]
    keywords += sorted({s.party for s in doc.questions() if s.party is not None})
    keywords += sorted({p.party for p in meta.questioners if p.party is not None})
    metadata.keywords = list(dict.fromkeys(keyword.replace(",", " ") for keyword in keywords))
    metadata.custom = {}
    metadata.attachments = []  # only the files passed in, never <link rel=attachment> from a page


def _set_mime_types(pdf: object, mime_types: dict[str, str]) -> None:
    """Give each embedded file its MIME type (WeasyPrint guesses ``text/xml`` from ``.xml``)."""
    objects = pdf.objects  # type: ignore[attr-defined]
    for item in objects:
        if isinstance(item, dict) and item.get("Type") == "/Filespec":
            name = item["UF"].string
            stream = objects[int(item["EF"]["F"].split()[0])]
            subtype = mime_types.get(name, "application/octet-stream")
            stream.extra["Subtype"] = "/" + subtype.replace("/", "#2f")
