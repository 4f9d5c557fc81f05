"""OCR: scans read with Tesseract into the same layout lines as a digital PDF.

Two kinds of scan: our own (a WeasyPrint document with known text, rasterised, slightly rotated and
saved as JPEG pages in a PDF, as an archive's scanner would), and the public scans in
../shared/corpus/scans/ and the 150-dpi verslag scan, against their gold files.
"""

from __future__ import annotations

import io
import json
import os
import shutil
from functools import cache
from pathlib import Path

import pytest
from gold import gold_blocks, gold_file, node_text, read_gold, similarity

from conftest import CORPUS, SAMPLE_PDF, shared_path
from documents import masthead, p, render
from kamervragen import model
from kamervragen.errors import LimitExceededError, NoTextLayerError
from kamervragen.furniture import find_furniture
from kamervragen.layout import Layout
from kamervragen.limits import ReadLimits
from kamervragen.readers import ocr as ocr_reader
from kamervragen.readers import read
from kamervragen.readers.pdfium import read_pdf
from kamervragen.structure import build_document
from kamervragen.text import build_text

pytestmark = pytest.mark.skipif(
    shutil.which("tesseract") is None, reason="Tesseract is not installed (make test installs it)"
)

AUTO = {"mode": "auto", "threads": 2}


def read_isolated(path: Path, limits: ReadLimits | None = None) -> Layout:
    """The OCR reader in its sandbox, as the command line runs it."""
    return read(path, limits or ReadLimits(), reader="ocr", options=AUTO)


def document(layout: Layout) -> model.Document:
    return build_document(build_text(layout), layout=layout)


# --- Our own scans -----------------------------------------------------------------------------------

QUESTIONS = [
    "Bent u bekend met het bericht dat een op de vijf bruggen in Nederland achterstallig "
    "onderhoud heeft?",
    "Hoeveel bruggen in beheer van Rijkswaterstaat zijn de afgelopen tien jaar vervangen, en "
    "hoeveel staan er voor de komende vijf jaar op de planning?",
    "Kunt u deze vragen beantwoorden voor het commissiedebat over de staat van de infrastructuur?",
]
ANSWERS = [
    "Ja. Het bericht is gebaseerd op een inventarisatie van de provincies en gemeenten.",
    "Rijkswaterstaat heeft sinds 2014 in totaal 37 bruggen vervangen of grondig gerenoveerd. "
    "Voor de periode tot en met 2028 staan er nog 21 op de planning; de eerste daarvan is de "
    "brug bij Zaltbommel, waarvan de aanbesteding dit najaar begint.",
    "Ja, de beantwoording is voor het commissiedebat van 18 april 2024 aan uw Kamer gezonden.",
]


def aanhangsel_pdf(path: Path) -> Path:
    """An answer to Kamervragen, set as the Tweede Kamer sets them."""
    body = masthead("ah-tk-20232024-2001")
    body += [
        p("Aanhangsel van de Handelingen"),
        p(
            "Vragen gesteld door de leden der Kamer, met de daarop door de regering gegeven "
            "antwoorden",
            "title",
        ),
        p("2001", "title"),
        p(
            "Vragen van het lid Jansen (VVD) aan de Minister van Infrastructuur en Waterstaat "
            "over de staat van de Nederlandse bruggen (ingezonden 4 maart 2024)."
        ),
        p(
            "Antwoord van Minister Harbers (Infrastructuur en Waterstaat) (ontvangen 28 maart "
            "2024)."
        ),
    ]
    for number, (question, answer) in enumerate(zip(QUESTIONS, ANSWERS, strict=True), 1):
        body += [p(f"Vraag {number}"), p(question), p(f"Antwoord {number}"), p(answer)]
    return render(body, path, running="Aanhangsel")


def scan_of(pdf: Path, path: Path, *, dpi: int = 300, angle: float = 0.4) -> Path:
    """An image-only PDF of ``pdf``: greyscale pages, rotated by ``angle`` degrees, JPEG."""
    import pypdfium2 as pdfium
    from PIL import Image

    pages: list[Image.Image] = []
    document = pdfium.PdfDocument(pdf)
    for page in document:
        image = page.render(scale=dpi / 72, grayscale=True).to_pil().convert("L")
        image = image.rotate(angle, resample=Image.Resampling.BICUBIC, fillcolor=255)
        buffer = io.BytesIO()
        image.save(buffer, "JPEG", quality=80)  # a scanner's compression and its artefacts
        pages.append(Image.open(io.BytesIO(buffer.getvalue())))
    document.close()
    pages[0].save(path, "PDF", resolution=dpi, save_all=True, append_images=pages[1:])
    return path


@pytest.fixture(scope="module")
def own_scan(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("scan")
    digital = aanhangsel_pdf(folder / "ah-tk-20232024-2001.pdf")
    return digital, scan_of(digital, folder / "ah-tk-20232024-2001-scan.pdf")


@cache
def read_cached(path: Path, mode: str = "auto") -> Layout:
    return ocr_reader.read_pdf(path, options={"mode": mode, "threads": 2})


def test_own_scan_has_no_text_layer_and_is_refused_with_ocr_off(
    own_scan: tuple[Path, Path],
) -> None:
    _, scan = own_scan
    with pytest.raises(NoTextLayerError) as raised:
        read(scan, reader="pdfium")  # what --ocr off reads with
    assert raised.value.exit_code == 5
    assert "no text layer (scanned PDF?)" in str(raised.value.format_message())


def test_own_scan_questions_and_answers_come_back(own_scan: tuple[Path, Path]) -> None:
    _, scan = own_scan
    doc = document(read_cached(scan))
    questions, answers = doc.questions(), doc.answers()
    assert [q.numbers for q in questions] == [(1,), (2,), (3,)]
    assert [a.numbers for a in answers] == [(1,), (2,), (3,)]
    for node, expected in zip([*questions, *answers], [*QUESTIONS, *ANSWERS], strict=True):
        assert similarity(node_text(node), expected) >= 0.98, (node_text(node), expected)
    assert doc.metadata.family == "aanhangsel"


def test_own_scan_says_it_is_ocr(own_scan: tuple[Path, Path]) -> None:
    _, scan = own_scan
    layout = read_cached(scan)
    assert layout.ocr is not None
    assert layout.ocr.method == "recognised"
    assert layout.ocr.engine == "Tesseract" and layout.ocr.language == "nld"
    assert layout.ocr.version and layout.ocr.version[0] == "5"
    assert [page.number for page in layout.ocr.pages] == list(range(1, layout.source.pages + 1))
    assert all(page.confidence is not None and page.confidence > 80 for page in layout.ocr.pages)
    assert all(page.words > 20 for page in layout.ocr.pages)
    # The record survives the layout file.
    assert Layout.from_json(find_furniture(layout).to_json()).ocr == layout.ocr


def test_own_scan_lines_look_like_the_digital_ones(own_scan: tuple[Path, Path]) -> None:
    """Same lines, same sizes and bold, nearly the same places: nothing after the reader differs."""
    digital, scan = own_scan
    expected = read_pdf(digital).lines
    found = read_cached(scan).lines
    body = [line for line in expected if line.text.startswith("Rijkswaterstaat heeft")][0]
    match = [line for line in found if line.text.startswith("Rijkswaterstaat heeft")]
    assert len(match) == 1
    # The scan is rotated about the page centre, so positions move a little; the size is measured.
    assert abs(match[0].size - body.size) < 0.1 * body.size
    assert abs(match[0].x - body.x) < 6
    bold = [line for line in found if line.text.startswith("Vragen gesteld door")]
    assert bold and all(line.bold for line in bold)
    assert not match[0].bold


def test_digital_pdf_is_not_recognised_unless_forced(own_scan: tuple[Path, Path]) -> None:
    digital, _ = own_scan
    assert read_cached(digital).ocr is None
    forced = read_cached(digital, "force")
    assert forced.ocr is not None
    doc = document(forced)
    assert [q.numbers for q in doc.questions()] == [(1,), (2,), (3,)]
    for node, expected in zip(doc.answers(), ANSWERS, strict=True):
        assert similarity(node_text(node), expected) >= 0.98


def test_ocr_runs_in_the_reading_child(own_scan: tuple[Path, Path]) -> None:
    _, scan = own_scan
    layout = read_isolated(scan)
    assert layout == find_furniture(read_cached(scan))  # read() also finds the furniture


def test_page_image_beyond_the_pixel_limit_is_refused_before_rendering(
    own_scan: tuple[Path, Path],
) -> None:
    _, scan = own_scan
    limits = ReadLimits(max_ocr_pixels=1_000_000)
    with pytest.raises(LimitExceededError) as raised:
        read_isolated(scan, limits)
    message = raised.value.format_message()
    assert "page 1" in message and "more than the limit of 1,000,000 pixels" in message
    assert "--max-ocr-pixels" in message


def huge_image_pdf(path: Path, side: int) -> Path:
    """A one-page PDF whose image claims ``side`` x ``side`` pixels (its data is a few bytes)."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /XObject << /Im0 5 0 R >> >> >>",
    ]
    content = b"q 595 0 0 842 0 0 cm /Im0 Do Q"
    objects.append(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content))
    data = b"\xff" * 16
    objects.append(
        b"<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray "
        b"/BitsPerComponent 8 /Length %d >>\nstream\n%s\nendstream" % (side, side, len(data), data)
    )
    out = io.BytesIO()
    out.write(b"%PDF-1.7\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n%s\nendobj\n" % (number, body))
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(
        b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    )
    path.write_bytes(out.getvalue())
    return path


def test_a_100000_by_100000_image_is_refused_not_allocated(tmp_path: Path) -> None:
    pdf = huge_image_pdf(tmp_path / "huge-image.pdf", 100_000)
    with pytest.raises(LimitExceededError) as raised:
        read_isolated(pdf)
    message = raised.value.format_message()
    assert "embedded image of 100000 x 100000 pixels" in message
    assert raised.value.exit_code == 10


def test_sample_pdf_reads_as_before_with_ocr_auto() -> None:
    """A digital PDF: no OCR, and the layout file has no OCR record (its bytes are unchanged)."""
    layout = ocr_reader.read_pdf(SAMPLE_PDF, options=AUTO)
    assert layout.ocr is None
    assert '"ocr"' not in find_furniture(layout).to_json()
    assert layout == read_pdf(SAMPLE_PDF)


# --- Saying what was OCR'd ---------------------------------------------------------------------------


def test_outputs_say_the_text_comes_from_ocr(own_scan: tuple[Path, Path], tmp_path: Path) -> None:
    """Semantic XML, Akoma Ntoso, HTML header and manifest each record the OCR and its confidence."""
    import subprocess
    import sys

    _, scan = own_scan
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "kamervragen",
            "convert",
            str(scan),
            "--out",
            str(tmp_path),
            "--formats",
            "html,akn,manifest",
            "--threads",
            "2",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    folder = tmp_path / scan.stem
    layout = read_cached(scan)
    assert layout.ocr is not None
    confidence = layout.ocr.pages[0].confidence

    xml = (folder / f"{scan.stem}.xml").read_text(encoding="utf-8")
    assert '<ocr method="recognised" engine="Tesseract" version="' in xml
    assert f'<page n="1" confidence="{confidence:g}"' in xml

    akn = (folder / f"{scan.stem}.akn.xml").read_text(encoding="utf-8")
    assert '<kv:ocr method="recognised" engine="Tesseract"' in akn and 'language="nld"' in akn

    html = (folder / f"{scan.stem}.html").read_text(encoding="utf-8")
    assert "Met tekstherkenning (OCR) uit de scan gelezen (pagina 1; Tesseract 5." in html
    assert f"gemiddelde woordzekerheid {confidence:.0f} % op pagina 1" in html

    manifest = json.loads((folder / f"{scan.stem}.manifest.json").read_text(encoding="utf-8"))
    record = manifest["ocr"]
    assert (record["method"], record["engine"], record["language"]) == (
        "recognised",
        "Tesseract",
        "nld",
    )
    assert record["version"].startswith("5.")
    assert [page["page"] for page in record["pages"]] == [1]
    assert record["pages"][0]["mean_word_confidence"] == confidence


def test_a_page_recognised_with_low_confidence_is_a_warning_with_its_page(
    own_scan: tuple[Path, Path],
) -> None:
    import dataclasses

    _, scan = own_scan
    layout = read_cached(scan)
    assert layout.ocr is not None
    assert not [a for a in document(layout).anomalies if a.code == "low-ocr-confidence"]
    pages = (dataclasses.replace(layout.ocr.pages[0], confidence=61.5),)
    doubtful = dataclasses.replace(layout, ocr=dataclasses.replace(layout.ocr, pages=pages))
    warnings = [a for a in document(doubtful).anomalies if a.code == "low-ocr-confidence"]
    assert [(a.page, a.line) for a in warnings] == [(1, None)]
    assert "mean word confidence of 61.5 (below 80)" in warnings[0].message


def test_an_existing_ocr_text_layer_is_read_as_it_is_and_said(
    own_scan: tuple[Path, Path], tmp_path: Path
) -> None:
    """A scan under an invisible text layer (as Tesseract and OCRmyPDF make them): not recognised
    again, but read, and recorded as OCR text."""
    import subprocess

    import pypdfium2 as pdfium

    _, scan = own_scan
    document_ = pdfium.PdfDocument(scan)
    image = document_[0].render(scale=300 / 72, grayscale=True).to_pil()
    document_.close()
    image.save(tmp_path / "page.png")
    subprocess.run(
        ["tesseract", str(tmp_path / "page.png"), str(tmp_path / "layered"), "-l", "nld", "pdf"],
        capture_output=True,
        check=True,
        env={**os.environ, "OMP_THREAD_LIMIT": "1"},
    )
    layout = ocr_reader.read_pdf(tmp_path / "layered.pdf", options=AUTO)
    assert layout.ocr is not None
    assert layout.ocr.method == "text layer"
    assert layout.ocr.engine.startswith("Tesseract")  # the PDF's producer
    assert [(page.number, page.confidence) for page in layout.ocr.pages] == [(1, None)]
    assert layout.ocr.pages[0].words > 50
    assert any("Vraag 1" in line.text for line in layout.lines)
    # The pdfium reader alone (ocr: off) reads the same text, without saying where it came from.
    plain = read_pdf(tmp_path / "layered.pdf")
    assert plain.lines == layout.lines and plain.ocr is None


# --- The public scans against their gold -------------------------------------------------------------

SCANS = sorted((CORPUS / "scans").glob("*-scan.pdf")) + [
    CORPUS / "verslag" / "28676-navo-verslag-scan.pdf"
]
MIN_MEAN_SIMILARITY = 0.985


@pytest.mark.parametrize("scan", SCANS, ids=lambda path: path.stem)
def test_public_scan_matches_its_gold(scan: Path) -> None:
    shared_path(*scan.relative_to(CORPUS.parent).parts)
    gold = gold_file(scan)
    assert gold is not None, f"{scan.name} has no gold file"
    questions, answers = gold_blocks(read_gold(gold))
    doc = document(read_isolated(scan))
    found_questions = [(q.numbers, node_text(q)) for q in doc.questions()]
    found_answers = [(a.numbers, node_text(a)) for a in doc.answers()]
    # Every question and answer, with its numbers, and nothing more.
    assert [numbers for numbers, _ in found_questions] == [numbers for numbers, _ in questions]
    assert [numbers for numbers, _ in found_answers] == [numbers for numbers, _ in answers]
    scores = [
        similarity(found, expected)
        for (_, found), (_, expected) in zip(
            found_questions + found_answers, questions + answers, strict=True
        )
    ]
    mean = sum(scores) / len(scores)
    assert mean >= MIN_MEAN_SIMILARITY, f"mean similarity {mean:.4f}; per block {scores}"
