"""Semantic XML: Document -> XML -> Document round trips, and bad input is refused in one line."""

from __future__ import annotations

from pathlib import Path

import pytest

from kamervragen import model
from kamervragen.errors import Anomaly, LayoutFormatError
from kamervragen.semantic_xml import NAMESPACE, from_xml, to_xml

MINIMAL = Path(__file__).parent / "data" / "xml" / "minimal.xml"
SHA = "6f43a7dc26100aa1707eacd510dd66af8923246685a1d0650b10f383981d92ab"


def metadata(**changes: object) -> model.Metadata:
    fields: dict[str, object] = {
        "source_file": "x.pdf",
        "sha256": SHA,
        "pages": 2,
        "title": None,
        "family": "unknown",
        "identifier": None,
    }
    return model.Metadata(**(fields | changes))  # type: ignore[arg-type]


DOCUMENTS = {
    "empty body": model.Document(metadata(), ()),
    "title and identifier": model.Document(
        metadata(title="NAVO", family="verslag", identifier="28676"), ()
    ),
    "empty title": model.Document(metadata(title=""), ()),
    "marker first and last": model.Document(
        metadata(),
        (model.Paragraph((model.NoteRef(1), "tekst", model.NoteRef(2)), page=1, line=0),),
        (model.Footnote(1, ("een",)), model.Footnote(2, ("twee",))),
    ),
    "link only, no provenance": model.Document(
        metadata(), (model.Paragraph((model.WebLink("https://a.nl", "a.nl"),)),)
    ),
    "footnote that is only a link": model.Document(
        metadata(),
        (model.Heading(("Kop", model.NoteRef(7)), page=1, line=3),),
        (model.Footnote(7, (model.WebLink("https://a.nl/?x=1&y=2", "https://a.nl"),), 1, 9),),
    ),
    "spaces kept literally": model.Document(
        metadata(), (model.Paragraph(("  twee  spaties ", model.NoteRef(1), " ")),)
    ),
    "anomalies": model.Document(
        metadata(),
        (model.Paragraph(("Zie",)),),
        anomalies=(
            Anomaly("unreferenced-footnote", "footnote 4 is never referenced", page=3),
            Anomaly("missing-footnote", "footnote 5 …", page=1, line=17),
        ),
    ),
    "markup-like text": model.Document(
        metadata(title="<b>&amp;</b>"),
        (model.Paragraph(('<script>alert("x")</script> {{ 7*7 }} & ]]>',)),),
    ),
}


@pytest.mark.parametrize("doc", DOCUMENTS.values(), ids=DOCUMENTS.keys())
def test_round_trip_is_exact(doc: model.Document) -> None:
    assert from_xml(to_xml(doc), document="x.xml") == doc


def test_minimal_round_trips_and_has_every_element() -> None:
    doc = from_xml(MINIMAL.read_bytes(), document=MINIMAL.name)
    assert from_xml(to_xml(doc)) == doc
    assert doc.metadata == model.Metadata(
        source_file="ah-tk-20232024-1481.pdf",
        sha256=SHA,
        pages=3,
        title="Vragen over zorg & veiligheid",
        family="aanhangsel",
        identifier="ah-tk-20232024-1481",
    )
    assert [type(block).__name__ for block in doc.blocks] == [
        "Heading",
        "Paragraph",
        "Heading",
        "Paragraph",
        "Paragraph",
    ]
    assert doc.blocks[1].content == (
        "Kunt u toelichten hoe – in het kader van de motie",
        model.NoteRef(1),
        " – is ingezet op zorg & bescherming?",
    )
    assert doc.blocks[3].content[3] == model.WebLink(
        "https://www.tweedekamer.nl/kamerstukken?id=1&nr=25", "de website van de Tweede Kamer"
    )
    assert '<script>alert("x")</script>' in doc.blocks[4].text
    assert "{{ 7*7 }}" in doc.blocks[4].text
    assert [note.number for note in doc.footnotes] == [1, 2]
    assert doc.anomalies[0].code == "missing-footnote"


def test_output_is_namespaced_and_versioned() -> None:
    data = to_xml(DOCUMENTS["title and identifier"])
    assert data.startswith(b"<?xml version='1.0' encoding='UTF-8'?>\n<document ")
    assert f'xmlns="{NAMESPACE}" version="1"'.encode() in data
    assert b"<identifier>28676</identifier>" in data


BAD_INPUT = {
    "unknown element": (
        MINIMAL.read_text(encoding="utf-8").replace(
            '<heading page="1" line="19">', '<bogus/><heading page="1" line="19">'
        ),
        "minimal.xml: invalid semantic XML: line 18: Element 'bogus': This element is not "
        "expected.",
    ),
    "note inside a footnote": (
        MINIMAL.read_text(encoding="utf-8").replace("nr. 25.<", 'nr. 25.<noteRef n="2"/><'),
        "minimal.xml: invalid semantic XML: line 23: Element 'noteRef': This element is not "
        "expected.",
    ),
    "duplicate footnote number": (
        MINIMAL.read_text(encoding="utf-8").replace('<footnote n="2"', '<footnote n="1"'),
        "minimal.xml: invalid semantic XML: line 24: Element 'footnote': Duplicate key-sequence",
    ),
    "other version": (
        f'<document xmlns="{NAMESPACE}" version="2"/>',
        "minimal.xml: not a semantic XML file of version 1 (root '{urn:kamervragen:semantic:1}"
        "document', version '2')",
    ),
    "other namespace": (
        '<document version="1"/>',
        "minimal.xml: not a semantic XML file of version 1 (root 'document', version '1')",
    ),
    "not well-formed": (
        f'<document xmlns="{NAMESPACE}" version="1">\n<body></document>',
        "minimal.xml: not well-formed XML: line 2: Opening and ending tag mismatch",
    ),
}


@pytest.mark.parametrize(("data", "message"), BAD_INPUT.values(), ids=BAD_INPUT.keys())
def test_bad_input_is_one_line_error(data: str, message: str) -> None:
    with pytest.raises(LayoutFormatError) as caught:
        from_xml(data.encode("utf-8"), document="minimal.xml")
    text = caught.value.format_message()
    assert text.startswith(message)
    assert "\n" not in text
    assert caught.value.exit_code == 6


HOSTILE = {
    "external entity": (
        '<!DOCTYPE document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
        f'<document xmlns="{NAMESPACE}" version="1"><body><p>&xxe;</p></body></document>'
    ),
    "billion laughs": (
        '<!DOCTYPE document [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">'
        '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;">]>'
        f'<document xmlns="{NAMESPACE}" version="1"><body><p>&c;</p></body></document>'
    ),
}


@pytest.mark.parametrize("data", HOSTILE.values(), ids=HOSTILE.keys())
def test_entity_declarations_are_refused_not_expanded(data: str) -> None:
    with pytest.raises(LayoutFormatError) as caught:
        from_xml(data.encode("utf-8"), document="evil.xml")
    message = caught.value.format_message()
    assert message.startswith("evil.xml: DOCTYPE declarations are not allowed")
    assert "root:" not in message and "aaaaaaaaaa" not in message


def test_to_xml_refuses_control_characters() -> None:
    doc = model.Document(metadata(), (model.Paragraph(("bel\x07",)),))
    with pytest.raises(LayoutFormatError, match="x.pdf: cannot write semantic XML"):
        to_xml(doc)


def test_to_xml_validates_its_output() -> None:
    doc = model.Document(metadata(sha256="not a hash"), ())
    with pytest.raises(LayoutFormatError, match="cannot write semantic XML: line"):
        to_xml(doc)
