"""The semantic XML: :class:`kamervragen.model.Document` as a file, and back.

This is ``<name>.xml``, the pipeline's one native format (pandoc's ``.native``): the structure step
writes it and every writer reads it. Its namespace is :data:`NAMESPACE`, its root carries
``version="1"`` (:data:`VERSION`), and its schema ships in the package as ``schemas/semantic.xsd``.
Both directions validate, and a round trip gives an equal ``Document``.

Example (abridged)::

    <document xmlns="urn:kamervragen:semantic:1" version="1">
      <metadata>
        <source file="28676-navo-verslag.pdf" sha256="…" pages="12"/>
        <family>verslag</family>
        <identifier>28676</identifier>
      </metadata>
      <body>
        <heading page="1" line="12">China</heading>
        <p page="2" line="40">betreffende motie?<noteRef n="1"/> Zie <link href="https://…">…</link>.</p>
      </body>
      <footnotes><footnote n="1" page="2" line="61">Kamerstuk 36 200 IV, nr. 25.</footnote>
      </footnotes>
      <anomalies><anomaly code="unreferenced-footnote" page="3">…</anomaly></anomalies>
    </document>

Text inside ``heading``, ``p``, ``footnote`` and ``link`` is taken literally (no whitespace
normalisation), so the file is written without indentation inside them.
"""

from __future__ import annotations

import functools
from importlib import resources
from typing import Any

from lxml import etree

from kamervragen import model
from kamervragen.errors import Anomaly, LayoutFormatError

NAMESPACE = "urn:kamervragen:semantic:1"
VERSION = "1"
_NS = f"{{{NAMESPACE}}}"


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


@functools.cache
def _schema() -> etree.XMLSchema:
    """The semantic XML schema, compiled once per process."""
    data = (resources.files("kamervragen") / "schemas" / "semantic.xsd").read_bytes()
    return etree.XMLSchema(etree.fromstring(data, _parser()))


# --- Document -> XML -------------------------------------------------------------------------


def to_xml(doc: model.Document) -> bytes:
    """Serialise a document; the result is validated against the schema before it is returned."""
    try:
        root = _document_element(doc)
    except ValueError as exc:  # lxml refuses characters XML 1.0 cannot hold (control characters)
        raise LayoutFormatError(
            f"cannot write semantic XML ({exc})",
            document=doc.metadata.source_file,
            expected="text without control characters",
        ) from exc
    _validate(root, document=doc.metadata.source_file, action="cannot write semantic XML")
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8") + b"\n"


def _element(tag: str, attributes: dict[str, Any] | None = None, text: str | None = None) -> Any:
    element = etree.Element(_NS + tag, nsmap={None: NAMESPACE} if tag == "document" else None)
    for name, value in (attributes or {}).items():
        if value is not None:
            element.set(name, str(value))
    element.text = text
    return element


def _document_element(doc: model.Document) -> Any:
    root = _element("document", {"version": VERSION})
    meta = doc.metadata
    metadata = _child(root, _element("metadata"))
    _child(
        metadata,
        _element("source", {"file": meta.source_file, "sha256": meta.sha256, "pages": meta.pages}),
    )
    if meta.title is not None:
        _child(metadata, _element("title", text=meta.title))
    _child(metadata, _element("family", text=meta.family))
    if meta.identifier is not None:
        _child(metadata, _element("identifier", text=meta.identifier))
    body = _child(root, _element("body"))
    for block in doc.blocks:
        tag = "heading" if isinstance(block, model.Heading) else "p"
        _child(body, _inline(_element(tag, _provenance(block)), block.content))
    if doc.footnotes:
        footnotes = _child(root, _element("footnotes"))
        for note in doc.footnotes:
            attributes = {"n": note.number, **_provenance(note)}
            _child(footnotes, _inline(_element("footnote", attributes), note.content))
    if doc.anomalies:
        anomalies = _child(root, _element("anomalies"))
        for anomaly in doc.anomalies:
            attributes = {"code": anomaly.code, "page": anomaly.page, "line": anomaly.line}
            _child(anomalies, _element("anomaly", attributes, anomaly.message))
    return root


def _child(parent: Any, child: Any) -> Any:
    """Append ``child`` on its own indented line.

    Only element-only containers are indented: lxml's ``pretty_print`` would also indent a ``p``
    that holds nothing but a ``link``, adding whitespace that is not in the document.
    """
    depth = sum(1 for _ in parent.iterancestors()) + 1
    parent.text = "\n" + "  " * depth
    if len(parent):
        parent[-1].tail = "\n" + "  " * depth
    parent.append(child)
    child.tail = "\n" + "  " * (depth - 1)
    return child


def _provenance(item: model.Block | model.Footnote) -> dict[str, Any]:
    return {"page": item.page, "line": item.line}


def _inline(element: Any, content: tuple[model.Inline, ...]) -> Any:
    last = None  # the last child element, whose tail takes the text that follows it
    for item in content:
        if isinstance(item, str):
            if last is None:
                element.text = (element.text or "") + item
            else:
                last.tail = (last.tail or "") + item
            continue
        if isinstance(item, model.NoteRef):
            last = _element("noteRef", {"n": item.number})
        else:
            last = _element("link", {"href": item.url}, item.text)
        element.append(last)
    return element


# --- XML -> Document -------------------------------------------------------------------------


def from_xml(data: bytes, *, document: str | None = None) -> model.Document:
    """Parse and validate semantic XML; raise :class:`LayoutFormatError` when it is not valid."""
    expected = f"semantic XML version {VERSION} ({NAMESPACE})"
    try:
        tree = etree.ElementTree(etree.fromstring(data, _parser()))
    except etree.XMLSyntaxError as exc:
        line = exc.position[0] if exc.position else exc.lineno
        raise LayoutFormatError(
            f"not well-formed XML: line {line}: {exc.msg}", document=document, expected=expected
        ) from exc
    if tree.docinfo.doctype or tree.docinfo.internalDTD is not None:
        # A DOCTYPE is the only way to declare entities; the format never needs one.
        raise LayoutFormatError(
            "DOCTYPE declarations are not allowed in semantic XML",
            document=document,
            expected=expected,
        )
    root = tree.getroot()
    if root.tag != _NS + "document" or root.get("version") != VERSION:
        raise LayoutFormatError(
            f"not a semantic XML file of version {VERSION} "
            f"(root {root.tag!r}, version {root.get('version')!r})",
            document=document,
            expected=expected,
        )
    _validate(root, document=document, action="invalid semantic XML")
    return _document(root)


def _validate(root: Any, *, document: str | None, action: str) -> None:
    schema = _schema()
    if schema.validate(root):
        return
    error = schema.error_log[0]
    message = error.message.replace(_NS, "")  # "Element 'bogus': …" reads better than "{urn…}bogus"
    raise LayoutFormatError(
        f"{action}: line {error.line}: {message}",
        document=document,
        expected=f"semantic XML version {VERSION} (kamervragen/schemas/semantic.xsd)",
    )


def _int(value: str | None) -> int | None:
    return None if value is None else int(value)


def _document(root: Any) -> model.Document:
    metadata = root.find(_NS + "metadata")
    source = metadata.find(_NS + "source")
    meta = model.Metadata(
        source_file=source.get("file"),
        sha256=source.get("sha256"),
        pages=int(source.get("pages")),
        title=_text_or_none(metadata.find(_NS + "title")),
        family=metadata.findtext(_NS + "family"),
        identifier=_text_or_none(metadata.find(_NS + "identifier")),
    )
    blocks: list[model.Block] = []
    for element in root.find(_NS + "body"):
        cls = model.Heading if element.tag == _NS + "heading" else model.Paragraph
        blocks.append(
            cls(
                content=_content(element),
                page=_int(element.get("page")),
                line=_int(element.get("line")),
            )
        )
    footnotes = tuple(
        model.Footnote(
            number=int(element.get("n")),
            content=tuple(
                item for item in _content(element) if not isinstance(item, model.NoteRef)
            ),
            page=_int(element.get("page")),
            line=_int(element.get("line")),
        )
        for element in root.iterfind(f"{_NS}footnotes/{_NS}footnote")
    )
    anomalies = tuple(
        Anomaly(
            code=element.get("code"),
            message=element.text or "",
            page=_int(element.get("page")),
            line=_int(element.get("line")),
        )
        for element in root.iterfind(f"{_NS}anomalies/{_NS}anomaly")
    )
    return model.Document(
        metadata=meta, blocks=tuple(blocks), footnotes=footnotes, anomalies=anomalies
    )


def _text_or_none(element: Any) -> str | None:
    return None if element is None else element.text or ""


def _content(element: Any) -> tuple[model.Inline, ...]:
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
        if child.tag == _NS + "noteRef":
            items.append(model.NoteRef(int(child.get("n"))))
        else:
            items.append(model.WebLink(url=child.get("href"), text=child.text or ""))
        add_text(child.tail)
    return tuple(items)
