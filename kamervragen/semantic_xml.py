"""The semantic XML: :class:`kamervragen.model.Document` as a file, and back.

This is ``<name>.xml``, the pipeline's one native format (pandoc's ``.native``): the structure step
writes it and every writer reads it. Its namespace is :data:`NAMESPACE`, its root is
``<document version="1" xml:lang="nl">`` and its schema ships in the package as
``schemas/semantic.xsd``. Both directions validate, and a round trip gives an equal ``Document``.

The vocabulary (``?`` optional, ``*`` repeated; "inline" is text with noteRef, link, docRef, ask):

* ``document version="1" xml:lang="nl"``: metadata, front, body, footnotes?, anomalies?
* ``metadata``: values derived from the text, never body text (:class:`model.Metadata`):

  * ``source file sha256 pages``: the PDF (empty element)
  * ``pdfTitle``?: the PDF's own title
  * ``family``: verslag | aanhangsel | lijst | nota | unknown
  * ``identifier``?, ``documentType``?, ``title``?, ``dossier``?, ``documentNumber``?: text
  * ``vergaderjaar``?: "2023-2024"
  * ``date value``?, ``submitted value``?: a :class:`model.PartialDate`, "2021", "2021-03", "2021-03-24"
  * ``committee``?: text
  * ``questioner party?``*: a :class:`model.Person`; the text is the name
  * ``addressee``*, ``answeredBy``?, ``onBehalfOf``*: text
  * ``seeAlso kind dossier? number? year?``*, ``reference …``*: a :class:`model.DocumentRef`, text as printed
  * ``report``?: the report or letter a lijst's questions are about; ``reportRef kind …``?: its
    Kamerstuk (a :class:`model.DocumentRef`)
  * ``letter``?: the covering letter (:class:`model.Letter`): ``date value``?, ``reference``?,
    ``subject``?, ``recipient``?, ``enclosures``?, ``salutation``?, ``signatory``*

* ``front``: blocks (title lines, header paragraphs, preamble)
* ``body``: nodes (blocks, section, question, answer, announcement)
* ``heading page? line?``: inline (:class:`model.Heading`)
* ``p page? line?``: inline (:class:`model.Paragraph`)
* ``list kind``: item+ (:class:`model.ItemList`; kind bullet | dash | number | letter)
* ``item marker page? line?``: inline (:class:`model.ListItem`)
* ``table page? line?``: row+; ``row``: cell+; ``cell``: inline (:class:`model.Table`)
* ``section kind party?``: label?, nodes (:class:`model.Section`; kind party | topic | section |
  part; the label is its heading, not ``heading``, which would make the content model ambiguous)
* ``question xml:id numbers? numbering? party?``: label?, blocks (:class:`model.Question`; numbers
  "3 4 5"; numbering "inferred" when no number is printed, omitted when they are)
* ``answer xml:id numbers? numbering? questions? by?``: label?, blocks (:class:`model.Answer`;
  questions are the question ids it answers, an xs:IDREFS)
* ``announcement``: label?, blocks (:class:`model.Announcement`)
* ``label page? line?``: inline, the printed heading of a section, question, answer or
  announcement: "China", "Vraag 3, 4 en 5", "1. Antwoord van het kabinet" (a :class:`model.Heading`)
* ``noteRef n``: a footnote marker (empty; :class:`model.NoteRef`), n names a footnote
* ``link href``: text (:class:`model.WebLink`)
* ``docRef kind dossier? number? year?``: text as printed (:class:`model.DocLink`)
* ``crossRef numbers``: text as printed, a reference to the answer to another question of the
  document ("antwoord op vraag 3"; :class:`model.CrossRef`)
* ``ask``: inline without ask, one direct question (:class:`model.Ask`)
* ``footnotes``: footnote+; ``footnote n page? line?``: inline without noteRef and ask
* ``anomalies``: anomaly+; ``anomaly code page? line?``: the message (:class:`errors.Anomaly`)

Example (abridged)::

    <document xmlns="urn:kamervragen:semantic:1" version="1" xml:lang="nl">
      <metadata>
        <source file="ah-tk-20232024-1481.pdf" sha256="…" pages="3"/>
        <family>aanhangsel</family>
        <submitted value="2024-03-01"/>
      </metadata>
      <front>
        <heading page="1" line="0">2024Z03456</heading>
      </front>
      <body>
        <question xml:id="vraag-1" numbers="1">
          <label page="1" line="9">Vraag 1</label>
          <p page="1" line="10"><ask>Kent u het bericht?<noteRef n="1"/></ask></p>
        </question>
        <answer xml:id="antwoord-1" numbers="1" questions="vraag-1">
          <label page="1" line="12">Antwoord 1</label>
          <p page="1" line="13">Ja.</p>
        </answer>
      </body>
      <footnotes>
        <footnote n="1" page="1" line="40"><link href="https://…">nos.nl</link></footnote>
      </footnotes>
    </document>

Text inside mixed-content elements (heading, label, p, item, cell, ask, footnote) and inside text
elements is taken literally (no whitespace normalisation), so the file is indented only inside
element-only containers. The schema checks the shape, the footnote references (key/keyref) and the
uniqueness of ids; after it, :func:`from_xml` and :func:`to_xml` check what libxml2's XSD 1.0 does not
(every ``answer/@questions`` id names a question; ``xml:lang`` is "nl").
"""

from __future__ import annotations

import functools
import re
from importlib import resources
from typing import Any, NoReturn

from lxml import etree

from kamervragen import model
from kamervragen.errors import Anomaly, LayoutFormatError

NAMESPACE = "urn:kamervragen:semantic:1"
VERSION = "1"
LANGUAGE = "nl"
_NS = f"{{{NAMESPACE}}}"
_XML_NS = "{http://www.w3.org/XML/1998/namespace}"
_XML_ID = _XML_NS + "id"
_XML_LANG = _XML_NS + "lang"
_EXPECTED = f"semantic XML version {VERSION} (kamervragen/schemas/semantic.xsd)"

#: Containers that hold elements only; the serialiser indents inside these and nowhere else.
_ELEMENT_ONLY = frozenset(
    _NS + tag
    for tag in (
        "document",
        "metadata",
        "ocr",
        "letter",
        "front",
        "body",
        "list",
        "table",
        "row",
        "section",
        "question",
        "answer",
        "announcement",
        "footnotes",
        "anomalies",
    )
)


def _parser() -> etree.XMLParser:
    # Hardened: no entity expansion (billion laughs, XXE), no DTD loading, no network access.
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
    )


class _SchemaResolver(etree.Resolver):
    """Resolve the schema's ``xs:import`` of ``xml.xsd`` to the copy in the package."""

    def resolve(self, system_url: str, public_id: str, context: Any) -> Any:
        if system_url.rsplit("/", 1)[-1] == "xml.xsd":
            return self.resolve_string(_schema_file("xml.xsd"), context)
        return None


def _schema_file(name: str) -> bytes:
    return (resources.files("kamervragen") / "schemas" / name).read_bytes()


@functools.cache
def _schema() -> etree.XMLSchema:
    """The semantic XML schema, compiled once per process."""
    parser = _parser()
    parser.resolvers.add(_SchemaResolver())
    return etree.XMLSchema(etree.fromstring(_schema_file("semantic.xsd"), parser))


# --- Document -> XML -------------------------------------------------------------------------


def to_xml(doc: model.Document) -> bytes:
    """Serialise a document; the result is validated against the schema before it is returned."""
    name = doc.metadata.source_file
    try:
        root = etree.Element(
            _NS + "document", {"version": VERSION, _XML_LANG: LANGUAGE}, nsmap={None: NAMESPACE}
        )
        _write_document(root, doc)
    except ValueError as exc:  # lxml refuses characters XML 1.0 cannot hold (control characters)
        raise LayoutFormatError(
            f"cannot write semantic XML ({exc})",
            document=name,
            expected="text without control characters",
        ) from exc
    _indent(root)
    data = etree.tostring(root, xml_declaration=True, encoding="UTF-8") + b"\n"
    # Validate the bytes as a reader will see them, so an error names a line of this output.
    _checked_root(data, document=name, problem="cannot write semantic XML")
    return data


def _sub(
    parent: Any, tag: str, attributes: dict[str, Any] | None = None, text: str | None = None
) -> Any:
    """A new child element; attributes whose value is None are left out."""
    element = etree.SubElement(parent, _NS + tag)
    for key, value in (attributes or {}).items():
        if value is not None:
            element.set(key, str(value))
    element.text = text
    return element


def _indent(element: Any, depth: int = 0) -> None:
    """Indent element-only containers; mixed content keeps its text exactly."""
    if element.tag not in _ELEMENT_ONLY or not len(element):
        return
    padding = "\n" + "  " * (depth + 1)
    element.text = padding
    for child in element:
        child.tail = padding
        _indent(child, depth + 1)
    element[-1].tail = "\n" + "  " * depth


def _write_document(root: Any, doc: model.Document) -> None:
    _write_metadata(_sub(root, "metadata"), doc.metadata)
    front = _sub(root, "front")
    for block in doc.front:
        _write_block(front, block)
    body = _sub(root, "body")
    for node in doc.body:
        _write_node(body, node)
    if doc.footnotes:
        footnotes = _sub(root, "footnotes")
        for note in doc.footnotes:
            attributes = {"n": note.number, "page": note.page, "line": note.line}
            _write_inline(_sub(footnotes, "footnote", attributes), note.content)
    if doc.anomalies:
        anomalies = _sub(root, "anomalies")
        for anomaly in doc.anomalies:
            attributes = {"code": anomaly.code, "page": anomaly.page, "line": anomaly.line}
            _sub(anomalies, "anomaly", attributes, anomaly.message)


def _write_metadata(element: Any, meta: model.Metadata) -> None:
    source = {"file": meta.source_file, "sha256": meta.sha256, "pages": meta.pages}
    _sub(element, "source", source)
    if meta.ocr is not None:
        ocr = meta.ocr
        attributes = {"method": ocr.method, "engine": ocr.engine}
        attributes |= {"version": ocr.version, "language": ocr.language}
        record = _sub(element, "ocr", attributes)
        for page in ocr.pages:
            _sub(
                record,
                "page",
                {"n": page.number, "confidence": page.confidence, "words": page.words},
            )
    _optional(element, "pdfTitle", meta.pdf_title)
    _sub(element, "family", text=meta.family)
    _optional(element, "identifier", meta.identifier)
    _optional(element, "documentType", meta.document_type)
    _optional(element, "title", meta.title)
    _optional(element, "dossier", meta.dossier)
    _optional(element, "documentNumber", meta.document_number)
    _optional(element, "vergaderjaar", meta.vergaderjaar)
    if meta.date is not None:
        _sub(element, "date", {"value": meta.date.iso()})
    if meta.submitted is not None:
        _sub(element, "submitted", {"value": meta.submitted.iso()})
    _optional(element, "committee", meta.committee)
    for person in meta.questioners:
        _sub(element, "questioner", {"party": person.party}, person.name)
    for addressee in meta.addressees:
        _sub(element, "addressee", text=addressee)
    _optional(element, "answeredBy", meta.answered_by)
    for name in meta.on_behalf_of:
        _sub(element, "onBehalfOf", text=name)
    for ref in meta.see_also:
        _sub(element, "seeAlso", _ref_attributes(ref), ref.text)
    for ref in meta.references:
        _sub(element, "reference", _ref_attributes(ref), ref.text)
    _optional(element, "report", meta.report)
    if meta.report_ref is not None:
        _sub(element, "reportRef", _ref_attributes(meta.report_ref), meta.report_ref.text)
    if meta.letter is not None:
        letter = _sub(element, "letter")
        if meta.letter.date is not None:
            _sub(letter, "date", {"value": meta.letter.date.iso()})
        _optional(letter, "reference", meta.letter.reference)
        _optional(letter, "subject", meta.letter.subject)
        _optional(letter, "recipient", meta.letter.recipient)
        _optional(letter, "enclosures", meta.letter.enclosures)
        _optional(letter, "salutation", meta.letter.salutation)
        for name in meta.letter.signatories:
            _sub(letter, "signatory", text=name)


def _optional(parent: Any, tag: str, text: str | None) -> None:
    if text is not None:
        _sub(parent, tag, text=text)


def _ref_attributes(ref: model.DocumentRef) -> dict[str, Any]:
    return {"kind": ref.kind, "dossier": ref.dossier, "number": ref.number, "year": ref.year}


def _provenance(item: Any) -> dict[str, Any]:
    return {"page": item.page, "line": item.line}


def _write_block(parent: Any, block: model.Block) -> None:
    match block:
        case model.Heading():
            _write_inline(_sub(parent, "heading", _provenance(block)), block.content)
        case model.Paragraph():
            _write_inline(_sub(parent, "p", _provenance(block)), block.content)
        case model.ItemList():
            element = _sub(parent, "list", {"kind": block.kind})
            for item in block.items:
                attributes = {"marker": item.marker, **_provenance(item)}
                _write_inline(_sub(element, "item", attributes), item.content)
        case model.Table():
            element = _sub(parent, "table", _provenance(block))
            for row in block.rows:
                row_element = _sub(element, "row")
                for cell in row:
                    _write_inline(_sub(row_element, "cell"), cell)
        case _:
            raise TypeError(f"not a block: {block!r}")


def _write_node(parent: Any, node: model.Node) -> None:
    match node:
        case model.Section():
            element = _sub(parent, "section", {"kind": node.kind, "party": node.party})
            if node.heading is not None:
                heading = _sub(element, "label", _provenance(node.heading))
                _write_inline(heading, node.heading.content)
            for child in node.content:
                _write_node(element, child)
        case model.Question():
            attributes = {
                _XML_ID: node.id,
                "numbers": _numbers(node.numbers),
                "numbering": _numbering(node.numbering),
                "party": node.party,
            }
            _write_labelled(_sub(parent, "question", attributes), node.label, node.blocks)
        case model.Answer():
            attributes = {
                _XML_ID: node.id,
                "numbers": _numbers(node.numbers),
                "numbering": _numbering(node.numbering),
                "questions": " ".join(node.questions) or None,
                "by": node.by,
            }
            _write_labelled(_sub(parent, "answer", attributes), node.label, node.blocks)
        case model.Announcement():
            _write_labelled(_sub(parent, "announcement"), node.label, node.blocks)
        case _:
            _write_block(parent, node)


def _numbering(numbering: model.Numbering) -> str | None:
    """``numbering="inferred"``; printed numbers, the usual case, carry no attribute."""
    return None if numbering == "printed" else numbering


def _numbers(numbers: tuple[int, ...]) -> str | None:
    return " ".join(str(number) for number in numbers) or None


def _write_labelled(
    element: Any, label: model.Heading | None, blocks: tuple[model.Block, ...]
) -> None:
    if label is not None:
        _write_inline(_sub(element, "label", _provenance(label)), label.content)
    for block in blocks:
        _write_block(element, block)


def _write_inline(element: Any, content: tuple[model.Inline, ...]) -> None:
    last = None  # the last child element, whose tail takes the text that follows it
    for item in content:
        match item:
            case str():
                if last is None:
                    element.text = (element.text or "") + item
                else:
                    last.tail = (last.tail or "") + item
                continue
            case model.NoteRef():
                last = _sub(element, "noteRef", {"n": item.number})
            case model.WebLink():
                last = _sub(element, "link", {"href": item.url}, item.text)
            case model.DocLink():
                last = _sub(element, "docRef", _ref_attributes(item.ref), item.ref.text)
            case model.CrossRef():
                last = _sub(element, "crossRef", {"numbers": _numbers(item.numbers)}, item.text)
            case model.Ask():
                last = _sub(element, "ask")
                _write_inline(last, item.content)
            case _:
                raise TypeError(f"not inline content: {item!r}")


# --- XML -> Document -------------------------------------------------------------------------


def from_xml(data: bytes, *, document: str | None = None) -> model.Document:
    """Parse and validate semantic XML; raise :class:`LayoutFormatError` when it is not valid."""
    return _read_document(_checked_root(data, document=document, problem="invalid semantic XML"))


def _checked_root(data: bytes, *, document: str | None, problem: str) -> Any:
    """Parse ``data`` safely and check it against the schema and the id links; return the root."""
    try:
        tree = etree.ElementTree(etree.fromstring(data, _parser()))
    except etree.XMLSyntaxError as exc:  # not well-formed, or a duplicate or malformed xml:id
        line = exc.position[0] if exc.position else exc.lineno
        message = re.sub(r", line \d+, column \d+$", "", exc.msg)  # the line is said first
        _fail(problem, line, message, document, cause=exc)
    if tree.docinfo.doctype or tree.docinfo.internalDTD is not None:
        # A DOCTYPE is the only way to declare entities; the format never needs one.
        raise LayoutFormatError(
            "DOCTYPE declarations are not allowed in semantic XML",
            document=document,
            expected=_EXPECTED,
        )
    root = tree.getroot()
    if root.tag != _NS + "document" or root.get("version") != VERSION:
        raise LayoutFormatError(
            f"not a semantic XML file of version {VERSION} "
            f"(root {root.tag!r}, version {root.get('version')!r})",
            document=document,
            expected=_EXPECTED,
        )
    schema = _schema()
    if not schema.validate(root):
        error = schema.error_log[0]
        _fail(problem, error.line, error.message, document)
    _check_links(root, problem, document)
    return root


def _check_links(root: Any, problem: str, document: str | None) -> None:
    """What XSD 1.0 in libxml2 leaves unchecked: the language, and answer -> question links."""
    if root.get(_XML_LANG) != LANGUAGE:
        message = f"Element 'document', attribute 'xml:lang': the value must be '{LANGUAGE}'."
        _fail(problem, root.sourceline, message, document)
    questions = {element.get(_XML_ID) for element in root.iter(_NS + "question")}
    for answer in root.iter(_NS + "answer"):
        for ref in answer.get("questions", "").split():
            if ref not in questions:
                message = (
                    f"Element 'answer', attribute 'questions': '{ref}' does not name a question."
                )
                _fail(problem, answer.sourceline, message, document)


def _fail(
    problem: str,
    line: int | None,
    message: str,
    document: str | None,
    cause: Exception | None = None,
) -> NoReturn:
    # "Element 'bogus': …" reads better than "Element '{urn:kamervragen:semantic:1}bogus': …".
    message = message.replace(_NS, "").replace(_XML_NS, "xml:")
    raise LayoutFormatError(
        f"{problem}: line {line}: {message}", document=document, expected=_EXPECTED
    ) from cause


def _int(value: str | None) -> int | None:
    return None if value is None else int(value)


def _local(element: Any) -> str:
    return element.tag[len(_NS) :]


def _read_document(root: Any) -> model.Document:
    front = root.find(_NS + "front")
    body = root.find(_NS + "body")
    return model.Document(
        metadata=_read_metadata(root.find(_NS + "metadata")),
        front=tuple(_read_block(element) for element in front),
        body=tuple(_read_node(element) for element in body),
        footnotes=tuple(
            model.Footnote(
                number=int(element.get("n")),
                content=_read_inline(element),  # type: ignore[arg-type]  # the schema allows no noteRef, ask
                page=_int(element.get("page")),
                line=_int(element.get("line")),
            )
            for element in root.iterfind(f"{_NS}footnotes/{_NS}footnote")
        ),
        anomalies=tuple(
            Anomaly(
                code=element.get("code"),
                message=element.text or "",
                page=_int(element.get("page")),
                line=_int(element.get("line")),
            )
            for element in root.iterfind(f"{_NS}anomalies/{_NS}anomaly")
        ),
    )


def _read_metadata(element: Any) -> model.Metadata:
    def text(tag: str) -> str | None:
        child = element.find(_NS + tag)
        return None if child is None else child.text or ""

    def texts(tag: str) -> tuple[str, ...]:
        return tuple(child.text or "" for child in element.iterfind(_NS + tag))

    def date(tag: str) -> model.PartialDate | None:
        child = element.find(_NS + tag)
        return None if child is None else model.PartialDate.from_iso(child.get("value"))

    source = element.find(_NS + "source")
    return model.Metadata(
        source_file=source.get("file"),
        sha256=source.get("sha256"),
        pages=int(source.get("pages")),
        pdf_title=text("pdfTitle"),
        ocr=_read_ocr(element.find(_NS + "ocr")),
        family=text("family"),  # type: ignore[arg-type]  # the schema allows the families only
        identifier=text("identifier"),
        document_type=text("documentType"),
        title=text("title"),
        dossier=text("dossier"),
        document_number=text("documentNumber"),
        vergaderjaar=text("vergaderjaar"),
        date=date("date"),
        submitted=date("submitted"),
        committee=text("committee"),
        questioners=tuple(
            model.Person(name=child.text or "", party=child.get("party"))
            for child in element.iterfind(_NS + "questioner")
        ),
        addressees=texts("addressee"),
        answered_by=text("answeredBy"),
        on_behalf_of=texts("onBehalfOf"),
        see_also=tuple(_read_ref(child) for child in element.iterfind(_NS + "seeAlso")),
        references=tuple(_read_ref(child) for child in element.iterfind(_NS + "reference")),
        report=text("report"),
        report_ref=_read_ref(ref) if (ref := element.find(_NS + "reportRef")) is not None else None,
        letter=_read_letter(letter)
        if (letter := element.find(_NS + "letter")) is not None
        else None,
    )


def _read_letter(element: Any) -> model.Letter:
    def text(tag: str) -> str | None:
        child = element.find(_NS + tag)
        return None if child is None else (child.text or "")

    date = element.find(_NS + "date")
    return model.Letter(
        date=None if date is None else model.PartialDate.from_iso(date.get("value")),
        reference=text("reference"),
        subject=text("subject"),
        recipient=text("recipient"),
        enclosures=text("enclosures"),
        salutation=text("salutation"),
        signatories=tuple(child.text or "" for child in element.iterfind(_NS + "signatory")),
    )


def _read_ref(element: Any) -> model.DocumentRef:
    return model.DocumentRef(
        text=element.text or "",
        kind=element.get("kind"),
        dossier=element.get("dossier"),
        number=element.get("number"),
        year=element.get("year"),
    )


def _read_heading(element: Any) -> model.Heading:
    return model.Heading(
        _read_inline(element), page=_int(element.get("page")), line=_int(element.get("line"))
    )


def _read_block(element: Any) -> model.Block:
    page, line = _int(element.get("page")), _int(element.get("line"))
    match _local(element):
        case "heading":
            return _read_heading(element)
        case "p":
            return model.Paragraph(_read_inline(element), page=page, line=line)
        case "list":
            items = tuple(
                model.ListItem(
                    marker=item.get("marker"),
                    content=_read_inline(item),
                    page=_int(item.get("page")),
                    line=_int(item.get("line")),
                )
                for item in element
            )
            return model.ItemList(kind=element.get("kind"), items=items)
        case "table":
            rows = tuple(tuple(_read_inline(cell) for cell in row) for row in element)
            return model.Table(rows=rows, page=page, line=line)
    raise AssertionError(f"schema-valid XML has no block {element.tag!r}")


def _read_node(element: Any) -> model.Node:
    match _local(element):
        case "section":
            heading = element.find(_NS + "label")
            return model.Section(
                kind=element.get("kind"),
                heading=None if heading is None else _read_heading(heading),
                content=tuple(_read_node(child) for child in element if child is not heading),
                party=element.get("party"),
            )
        case "question":
            label, blocks = _read_labelled(element)
            return model.Question(
                id=element.get(_XML_ID),
                numbers=_read_numbers(element),
                blocks=blocks,
                label=label,
                party=element.get("party"),
                numbering=element.get("numbering", "printed"),
            )
        case "answer":
            label, blocks = _read_labelled(element)
            return model.Answer(
                id=element.get(_XML_ID),
                numbers=_read_numbers(element),
                questions=tuple(element.get("questions", "").split()),
                blocks=blocks,
                label=label,
                by=element.get("by"),
                numbering=element.get("numbering", "printed"),
            )
        case "announcement":
            label, blocks = _read_labelled(element)
            return model.Announcement(blocks=blocks, label=label)
    return _read_block(element)


def _read_numbers(element: Any) -> tuple[int, ...]:
    return tuple(int(number) for number in element.get("numbers", "").split())


def _read_labelled(element: Any) -> tuple[model.Heading | None, tuple[model.Block, ...]]:
    label = element.find(_NS + "label")
    blocks = tuple(_read_block(child) for child in element if child is not label)
    return (None if label is None else _read_heading(label)), blocks


def _read_inline(element: Any) -> tuple[model.Inline, ...]:
    """Mixed content as inline items; adjacent text is merged and empty text dropped."""
    items: list[model.Inline] = []

    def add_text(text: str | None) -> None:
        if not text:
            return
        if items and isinstance(items[-1], str):
            items[-1] += text
        else:
            items.append(text)

    add_text(element.text)
    for child in element:
        match _local(child):
            case "noteRef":
                items.append(model.NoteRef(int(child.get("n"))))
            case "link":
                items.append(model.WebLink(url=child.get("href"), text=child.text or ""))
            case "docRef":
                items.append(model.DocLink(_read_ref(child)))
            case "crossRef":
                items.append(model.CrossRef(_read_numbers(child), child.text or ""))
            case "ask":
                items.append(model.Ask(_read_inline(child)))  # type: ignore[arg-type]  # no ask in ask
        add_text(child.tail)
    return tuple(items)


def _read_ocr(element: Any) -> model.Ocr | None:
    if element is None:
        return None
    return model.Ocr(
        method=element.get("method"),
        engine=element.get("engine"),
        version=element.get("version"),
        language=element.get("language"),
        pages=tuple(
            model.OcrPage(
                number=int(page.get("n")),
                confidence=float(page.get("confidence")) if page.get("confidence") else None,
                words=int(page.get("words")),
            )
            for page in element.iterfind(_NS + "page")
        ),
    )
