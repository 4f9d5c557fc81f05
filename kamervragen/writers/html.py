"""HTML writer: the document as one self-contained HTML5 page (inline CSS, no external assets).

The page works offline and loads nothing: its styles are ``templates/screen.css``, inlined, and a
Content-Security-Policy forbids every fetch and every script, so that no text from a PDF can ever
make the page reach the network. It has, in this order: a header with the metadata, a table of
contents (``<nav>``), the document's text, the footnotes with back-links, and the source file.

Ids a reader can link to: ``vraag-3`` and ``antwoord-3`` (the model's :attr:`Question.id` and
:attr:`Answer.id`), ``sectie-1-2`` (the second section in the first), ``mededeling-5`` (the
announcement at body position 5), ``fn-N`` (footnote N) and ``fnref-N-K`` (the K-th reference to
footnote N in reading order, so a footnote referenced twice still gets unique ids and a back-link
to each reference), and ``inhoud``, ``tekst``, ``voetnoten``, ``bron`` for the parts of the page.

For the PDF writer, which prints this page with ``templates/print.css``:

* right after the first reference to each footnote, the footnote's text is repeated inline in
  ``<span class="print-footnote" aria-hidden="true">`` (hidden on screen; print.css makes it a
  footnote at the foot of the page);
* headings carry ``bookmark-1`` (fractie, top-level section, parts of the page), ``bookmark-2``
  (topic, nested section) and ``bookmark-3`` (question and answer labels);
* ``<header class="running-dossier">`` and ``<header class="running-title">`` hold the text of the
  running header;
* the table of contents links are ``<a href="#id">``, so print.css can add page numbers.
"""

from __future__ import annotations

from kamervragen import model
from kamervragen.families import FAMILIES
from kamervragen.outputs import NO_OPTIONS, WriteOptions
from kamervragen.writers.templating import (
    NoteRefCounter,
    dutch_date,
    environment,
    note_ref_counts,
    person_name,
    render,
)

PUBLISHER = "Tweede Kamer der Staten-Generaal"


def prepare() -> None:
    """Compile the page template now rather than for the first document (see writers.prepare)."""
    environment().get_template("document.html")


def write_html(doc: model.Document, options: WriteOptions = NO_OPTIONS) -> bytes:
    """Render ``templates/document.html`` for ``doc``, as UTF-8 bytes (no ``options`` apply)."""
    answered_in: dict[str, list[model.Answer]] = {}
    for answer in doc.answers():
        for question_id in answer.questions:
            answered_in.setdefault(question_id, []).append(answer)
    return render(
        "document.html",
        doc=doc,
        title=page_title(doc),
        family_label=FAMILIES[doc.metadata.family].wording.label,
        citation=citation(doc.metadata),
        description=description(doc),
        dublin_core=dublin_core(doc),
        ref_counts=note_ref_counts(doc),
        refs=NoteRefCounter(),
        questions={question.id: question for question in doc.questions()},
        answered_in=answered_in,
        answer_ids=answer_ids(doc),
        ocr_statement=ocr_statement(doc.metadata.ocr),
    ).encode("utf-8")


def answer_ids(doc: model.Document) -> dict[int, str]:
    """Question number -> the id of the (first) answer to it: where a cross-reference leads."""
    found: dict[int, str] = {}
    for answer in doc.answers():
        for number in answer.numbers:
            found.setdefault(number, answer.id)
    return found


def ocr_statement(ocr: model.Ocr | None) -> str | None:
    """What the header says when text came from OCR (Dutch, as the page), or None.

    >>> pages = (model.OcrPage(1, 93.8, 220), model.OcrPage(2, 71.5, 310))
    >>> print(ocr_statement(model.Ocr("recognised", "Tesseract", "5.3.0", "nld", pages)))
    ... # doctest: +NORMALIZE_WHITESPACE
    Met tekstherkenning (OCR) uit de scan gelezen (pagina 1–2; Tesseract 5.3.0, taalmodel nld);
    gemiddelde woordzekerheid 94 % op pagina 1, 72 % op pagina 2. De tekst kan leesfouten
    bevatten; bij twijfel geldt het PDF-bestand.
    """
    if ocr is None:
        return None
    numbers = [page.number for page in ocr.pages]
    if numbers == list(range(numbers[0], numbers[-1] + 1)) and len(numbers) > 1:
        pages = f"pagina {numbers[0]}–{numbers[-1]}"
    else:
        pages = ("pagina " if len(numbers) == 1 else "pagina’s ") + ", ".join(map(str, numbers))
    if ocr.method == "recognised":
        engine = " ".join(part for part in (ocr.engine, ocr.version) if part)
        model_note = f", taalmodel {ocr.language}" if ocr.language else ""
        statement = f"Met tekstherkenning (OCR) uit de scan gelezen ({pages}; {engine}{model_note})"
    else:
        statement = (
            f"Gelezen uit de OCR-tekstlaag die het PDF-bestand al had ({pages}; {ocr.engine})"
        )
    confidences = [
        f"{page.confidence:.0f} % op pagina {page.number}"
        for page in ocr.pages
        if page.confidence is not None
    ]
    if confidences:
        statement += "; gemiddelde woordzekerheid " + ", ".join(confidences)
    return statement + ". De tekst kan leesfouten bevatten; bij twijfel geldt het PDF-bestand."


def page_title(doc: model.Document) -> str:
    """The page's title: the document's title, made to stand on its own.

    An Aanhangsel's derived title is the subject of the questions as printed after "over"
    ("quantumproof encryptie"), so it becomes "Vragen over quantumproof encryptie".

    >>> meta = model.Metadata("x.pdf", "0" * 64, 1, None, "aanhangsel", title="quantumproof encryptie")
    >>> page_title(model.Document(meta, (), ()))
    'Vragen over quantumproof encryptie'
    """
    title = doc.title
    if (
        doc.metadata.family == "aanhangsel"
        and doc.metadata.title is not None
        and not title.lower().startswith("vragen")
    ):
        return f"Vragen over {title}"
    return title


def citation(meta: model.Metadata) -> str:
    """How the document is cited, for the running header: "Kamerstuk 28676, nr. 359".

    >>> citation(model.Metadata("x.pdf", "0" * 64, 1, None, "aanhangsel", document_number="1314",
    ...                         vergaderjaar="2023-2024"))
    'Aanhangsel Handelingen, vergaderjaar 2023–2024, nr. 1314'
    """
    number = f", nr. {meta.document_number}" if meta.document_number else ""
    if meta.dossier is not None:
        return f"Kamerstuk {meta.dossier.replace('-', ' ')}{number}"
    if meta.family == "aanhangsel" and (meta.vergaderjaar or number):
        year = f", vergaderjaar {meta.vergaderjaar.replace('-', '–')}" if meta.vergaderjaar else ""
        return f"Aanhangsel Handelingen{year}{number}"
    return meta.identifier or FAMILIES[meta.family].wording.label


def description(doc: model.Document) -> str:
    """One sentence for ``<meta name="description">``, built from the metadata only."""
    meta = doc.metadata
    parts = [f"{FAMILIES[meta.family].wording.label}: {page_title(doc)}"]
    if meta.committee:
        parts.append(meta.committee)
    if meta.questioners:
        asked = "vragen van " + ", ".join(person_name(person) for person in meta.questioners)
        if meta.addressees:
            asked += " aan de " + " en de ".join(meta.addressees)
        parts.append(asked)
    if meta.answered_by:
        parts.append(f"antwoord van {meta.answered_by}")
    if meta.date is not None:
        parts.append(f"{FAMILIES[meta.family].wording.date_event} {dutch_date(meta.date)}")
    questions, answers = len(doc.questions()), len(doc.answers())
    parts.append(
        f"{questions} {'vraag' if questions == 1 else 'vragen'} en {answers} "
        f"{'antwoord' if answers == 1 else 'antwoorden'}"
    )
    return "; ".join(parts) + "."


def dublin_core(doc: model.Document) -> list[tuple[str, str]]:
    """``<meta name="DC.*">`` pairs (Dublin Core elements, DC-HTML), in a fixed order."""
    meta = doc.metadata
    date = meta.date or meta.submitted
    pairs = [
        ("DC.title", page_title(doc)),
        ("DC.creator", PUBLISHER),
        ("DC.publisher", PUBLISHER),
    ]
    pairs += [("DC.contributor", person_name(person)) for person in meta.questioners]
    if meta.answered_by:
        pairs.append(("DC.contributor", meta.answered_by))
    if date is not None:
        pairs.append(("DC.date", date.iso()))
    pairs += [
        ("DC.type", meta.document_type or FAMILIES[meta.family].wording.label),
        ("DC.format", "text/html"),
        ("DC.identifier", meta.identifier or citation(meta)),
        ("DC.source", meta.source_file),
        ("DC.language", "nl"),
    ]
    pairs += [("DC.relation", ref.text) for ref in meta.see_also]
    return pairs
