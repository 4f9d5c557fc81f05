"""Semantic XML: Document -> XML -> Document round trips, and bad input is refused in one line."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from kamervragen import model
from kamervragen.errors import Anomaly, LayoutFormatError
from kamervragen.semantic_xml import NAMESPACE, from_xml, to_xml

MINIMAL = Path(__file__).parent / "data" / "xml" / "minimal.xml"
MINIMAL_TEXT = MINIMAL.read_text(encoding="utf-8")
SCHEMA = Path(__file__).parents[1] / "kamervragen" / "schemas" / "semantic.xsd"
SHA = "6f43a7dc26100aa1707eacd510dd66af8923246685a1d0650b10f383981d92ab"
XS = "{http://www.w3.org/2001/XMLSchema}"


def metadata(**changes: object) -> model.Metadata:
    fields: dict[str, object] = {
        "source_file": "x.pdf",
        "sha256": SHA,
        "pages": 2,
        "pdf_title": None,
        "family": "unknown",
    }
    return model.Metadata(**(fields | changes))  # type: ignore[arg-type]


def document(*body: model.Node, **fields: object) -> model.Document:
    return model.Document(metadata(), (), body, **fields)  # type: ignore[arg-type]


def p(*content: model.Inline) -> model.Paragraph:
    return model.Paragraph(content)


KAMERSTUK = model.DocumentRef("Kamerstuk 28676, nr. 352", "kamerstuk", "28676", "352")
FULL_METADATA = metadata(
    pdf_title="",
    family="verslag",
    identifier="kst-28676-359",
    document_type="VERSLAG",
    title="NAVO",
    dossier="36200-IV",
    document_number="359",
    vergaderjaar="2020-2021",
    date=model.PartialDate(2021, 3),
    submitted=model.PartialDate(2021, 2, 28),
    committee="vaste commissie voor Buitenlandse Zaken",
    questioners=(model.Person("Sneller", "D66"), model.Person("Omtzigt")),
    addressees=("Minister van Buitenlandse Zaken",),
    answered_by="kabinet",
    on_behalf_of=("Minister van Defensie", "Minister voor BHO"),
    see_also=(model.DocumentRef("2021Z04547", "zaak", number="2021Z04547"),),
    references=(KAMERSTUK, model.DocumentRef("elders", "other")),
)
VRAAG = model.Question("vraag-1", (1,), (p("Waarom?"),))

DOCUMENTS = {
    "empty body": model.Document(metadata(), (), ()),
    "every metadata field": model.Document(FULL_METADATA, (), ()),
    "date to the year": model.Document(metadata(date=model.PartialDate(2021)), (), ()),
    "leap day": model.Document(metadata(submitted=model.PartialDate(2024, 2, 29)), (), ()),
    "front only": model.Document(
        metadata(), (model.Heading(("VERSLAG",), 1, 0), p("Vastgesteld")), ()
    ),
    "marker first and last": document(
        model.Paragraph((model.NoteRef(1), "tekst", model.NoteRef(2)), page=1, line=0),
        footnotes=(model.Footnote(1, ("een",)), model.Footnote(2, ("twee",))),
    ),
    "link only, no provenance": document(p(model.WebLink("https://a.nl", "a.nl"))),
    "empty link text": document(p(model.WebLink("https://a.nl", ""))),
    "footnote that is only a link": document(
        model.Heading(("Kop", model.NoteRef(7)), page=1, line=3),
        footnotes=(model.Footnote(7, (model.WebLink("https://a.nl/?x=1&y=2", "a.nl"),), 1, 9),),
    ),
    "footnote with a docRef": document(
        p("Zie", model.NoteRef(1)), footnotes=(model.Footnote(1, (model.DocLink(KAMERSTUK), ".")),)
    ),
    "ask with every inline": document(
        p(
            "Vraag: ",
            model.Ask(("Kent u ", model.DocLink(KAMERSTUK), model.NoteRef(1), "?")),
            " ",
            model.Ask((model.WebLink("https://a.nl", "dit"), "?")),
        ),
        footnotes=(model.Footnote(1, ("noot",)),),
    ),
    "spaces kept literally": document(
        p("  twee  spaties ", model.NoteRef(1), " "), footnotes=(model.Footnote(1, (" ",)),)
    ),
    "newlines, tabs and carriage returns": document(
        model.ItemList("dash", (model.ListItem("–\t", ("a\r\nb\n",), 1, 2),)),
        model.Answer("antwoord-1", (), (), (p("x\ty\r"),), by="minister\nvan X"),
    ),
    "every list kind": document(
        *(
            model.ItemList(kind, (model.ListItem(marker, ("punt",)),))
            for kind, marker in [("bullet", "•"), ("dash", "-"), ("number", "1."), ("letter", "a)")]
        )
    ),
    "table with empty and rich cells": document(
        model.Table(((("Jaar",), ("Bedrag",)), (("2021",), ())), page=None, line=4),
        model.Table(((("zie ", model.WebLink("https://a.nl", "a.nl")),),)),
    ),
    "unanswered answer and unnumbered question": document(
        model.Question("vraag-a", (), (p("Wat?"),), party="SP"),
        model.Answer("antwoord-9", (9,), (), (p("Geen vraag 9."),)),
    ),
    "answer before its question": document(
        model.Answer("antwoord-1", (1,), ("vraag-1",), ()),
        VRAAG,
    ),
    "verslag nesting": document(
        model.Section(
            "party",
            model.Heading(("Vragen van de VVD-fractie",), 1, 5),
            (
                p("Intro."),
                model.Section(
                    "topic",
                    model.Heading(("China",)),
                    (VRAAG, model.Answer("antwoord-1", (1,), ("vraag-1",), (), by="kabinet")),
                ),
            ),
            party="VVD",
        )
    ),
    "section without heading starting with a heading": document(
        model.Section("section", None, (model.Heading(("Kop",)), p("tekst")))
    ),
    "empty section": document(model.Section("topic", None, ())),
    "combined labels": document(
        model.Question("vraag-3-5", (3, 4, 5), (), label=model.Heading(("Vraag 3, 4 en 5",), 2, 7)),
        model.Question("vraag-5-b", (5,), ()),
        model.Answer(
            "antwoord-3-5",
            (3, 4, 5),
            ("vraag-3-5", "vraag-5-b"),
            (p("Ja."),),
            label=model.Heading(("Antwoord 3, 4 en 5",)),
        ),
    ),
    "announcement": document(
        model.Announcement((p("Later."),), label=model.Heading(("Mededeling",), 1, 1)),
        model.Announcement(()),
    ),
    "anomalies": document(
        p("Zie"),
        anomalies=(
            Anomaly("unreferenced-footnote", "footnote 4 is never referenced", page=3),
            Anomaly("missing-footnote", "footnote 5 …", page=1, line=17),
            Anomaly("empty-message", ""),
        ),
    ),
    "markup-like text": model.Document(
        metadata(title="<b>&amp;</b>", committee="]]>"),
        (),
        (p('<script>alert("x")</script> {{ 7*7 }} & ]]>'),),
    ),
}


@pytest.mark.parametrize("doc", DOCUMENTS.values(), ids=DOCUMENTS.keys())
def test_round_trip_is_exact(doc: model.Document) -> None:
    assert from_xml(to_xml(doc), document="x.xml") == doc


@pytest.mark.parametrize("doc", DOCUMENTS.values(), ids=DOCUMENTS.keys())
def test_serialising_is_stable(doc: model.Document) -> None:
    data = to_xml(doc)
    assert to_xml(from_xml(data)) == data


def canonical(data: bytes) -> bytes:
    parser = etree.XMLParser(remove_comments=True, resolve_entities=False, no_network=True)
    return etree.tostring(etree.fromstring(data, parser), method="c14n2")


def test_minimal_reserialises_to_the_same_canonical_xml() -> None:
    data = MINIMAL.read_bytes()
    assert canonical(to_xml(from_xml(data, document=MINIMAL.name))) == canonical(data)


def test_minimal_round_trips_as_a_model() -> None:
    doc = from_xml(MINIMAL.read_bytes(), document=MINIMAL.name)
    assert from_xml(to_xml(doc)) == doc


def declared(kind: str) -> set[str]:
    schema = etree.parse(str(SCHEMA))
    names = {element.get("name") for element in schema.iter(XS + kind) if element.get("name")}
    refs = {element.get("ref") for element in schema.iter(XS + kind) if element.get("ref")}
    return names | refs


def test_minimal_uses_every_element_and_attribute_of_the_schema() -> None:
    root = etree.parse(str(MINIMAL)).getroot()
    elements = {etree.QName(element).localname for element in root.iter(etree.Element)}
    attributes = {
        name.replace("{http://www.w3.org/XML/1998/namespace}", "xml:")
        for element in root.iter(etree.Element)
        for name in element.attrib
    }
    assert declared("element") - elements == set()
    assert declared("attribute") - attributes == set()


@pytest.fixture(scope="module")
def minimal() -> model.Document:
    return from_xml(MINIMAL.read_bytes(), document=MINIMAL.name)


def test_minimal_metadata(minimal: model.Document) -> None:
    meta = minimal.metadata
    assert (meta.source_file, meta.sha256, meta.pages) == ("ah-tk-20232024-1481.pdf", SHA, 3)
    assert (meta.family, meta.identifier, meta.title) == (
        "aanhangsel",
        "ah-tk-20232024-1481",
        "Vragen over zorg & veiligheid",
    )
    assert (meta.dossier, meta.document_number, meta.vergaderjaar) == ("28676", "1481", "2023-2024")
    assert meta.date == model.PartialDate(2024, 3)
    assert meta.submitted == model.PartialDate(2024, 2, 1)
    assert meta.questioners == (model.Person("Sneller", "D66"), model.Person("Omtzigt"))
    assert meta.on_behalf_of == ("Minister van Defensie",)
    assert meta.see_also == (
        model.DocumentRef(
            "Aanhangsel Handelingen, vergaderjaar 2023–2024, nr. 1137",
            "aanhangsel",
            number="1137",
            year="2023-2024",
        ),
    )
    assert [ref.kind for ref in meta.references] == ["kamerstuk", "zaak", "handelingen"]
    assert meta.references[2].dossier == "36410-IV"


def test_minimal_body_nests_as_written(minimal: model.Document) -> None:
    assert [type(node).__name__ for node in minimal.walk()] == [
        "Section",
        "Paragraph",
        "Section",
        "Question",
        "Answer",
        "Question",
        "Answer",
        "Question",
        "Question",
        "Answer",
        "Announcement",
    ]
    party = minimal.body[0]
    assert isinstance(party, model.Section)
    assert (party.kind, party.party, party.heading) == (
        "party",
        "VVD",
        model.Heading(("Vragen en opmerkingen van de leden van de VVD-fractie",), 1, 5),
    )
    topic = party.content[1]
    assert isinstance(topic, model.Section) and (topic.kind, topic.title) == ("topic", "China")
    assert [(q.id, q.numbers) for q in minimal.questions()] == [
        ("vraag-1", (1,)),
        ("vraag-3-5", (3, 4, 5)),
        ("vraag-6", (6,)),
        ("vraag-7", (7,)),
    ]
    assert [(a.id, a.numbers, a.questions, a.by) for a in minimal.answers()] == [
        ("antwoord-1", (1,), ("vraag-1",), "kabinet"),
        ("antwoord-3-5", (3, 4, 5), ("vraag-3-5",), None),
        ("antwoord-6-7", (6, 7), ("vraag-6", "vraag-7"), None),
    ]
    assert minimal.questions()[0].label is None
    assert minimal.questions()[1].label == model.Heading(("Vraag 3, 4 en 5",), 2, 24)
    announcement = minimal.body[-1]
    assert isinstance(announcement, model.Announcement)
    assert announcement.label == model.Heading(("Mededeling",), 3, 39)


def test_minimal_inline_content(minimal: model.Document) -> None:
    question, answer = minimal.questions()[0], minimal.answers()[0]
    assert question.blocks[0] == model.Paragraph(
        (
            "Deze leden lezen de brief. ",
            model.Ask(
                (
                    "Kunt u toelichten hoe – in het kader van de motie",
                    model.NoteRef(1),
                    " en ",
                    model.DocLink(KAMERSTUK),
                    " – is ingezet op zorg & bescherming?",
                )
            ),
        ),
        page=1,
        line=9,
    )
    assert answer.blocks[0].content[3] == model.WebLink(  # type: ignore[union-attr]
        "https://www.tweedekamer.nl/kamerstukken?id=1&nr=25", "de website van de Tweede Kamer"
    )
    assert answer.blocks[1] == model.ItemList(
        "bullet",
        (
            model.ListItem("•", ("informatie-uitwisseling;",), 1, 15),
            model.ListItem(
                "•",
                ("samenwerking met ", model.WebLink("https://www.nato.int/", "de NAVO"), "."),
                1,
                16,
            ),
        ),
    )
    assert answer.blocks[2] == model.Table(
        ((("Jaar",), ("Bedrag (€)",)), (("2023",), ())), page=2, line=18
    )
    hostile = minimal.questions()[1].blocks[0]
    assert isinstance(hostile, model.Paragraph)
    assert hostile.text == (
        'Een tekst met <script>alert("x")</script>, een sjabloon {{ 7*7 }}, een & en ]]> erin.'
    )
    assert minimal.answers()[1].blocks[0].content == ("  Twee  spaties blijven staan. ",)  # type: ignore[union-attr]
    assert [note.number for note in minimal.footnotes] == [1, 2]
    assert minimal.footnotes[0].content[1] == model.DocLink(
        model.DocumentRef("Kamerstuk 36 200 V, nr. 25", "kamerstuk", "36200-V", "25")
    )
    assert minimal.anomalies == (
        Anomaly("date-without-day", 'the date received has no day: "ontvangen … maart 2024"', 1, 1),
    )


def test_output_is_namespaced_versioned_and_dutch() -> None:
    data = to_xml(DOCUMENTS["every metadata field"])
    assert data.startswith(b"<?xml version='1.0' encoding='UTF-8'?>\n<document ")
    assert f'xmlns="{NAMESPACE}" version="1" xml:lang="nl"'.encode() in data
    assert b'<date value="2021-03"/>' in data
    assert b'<submitted value="2021-02-28"/>' in data
    assert b'<questioner party="D66">Sneller</questioner>' in data
    assert b'<seeAlso kind="zaak" number="2021Z04547">2021Z04547</seeAlso>' in data


def test_answer_without_questions_has_no_attribute() -> None:
    data = to_xml(DOCUMENTS["unanswered answer and unnumbered question"])
    assert b'<answer xml:id="antwoord-9" numbers="9">' in data
    assert b'<question xml:id="vraag-a" party="SP">' in data


def line_of(needle: str) -> int:
    """The 1-based line of minimal.xml that holds ``needle``."""
    return next(i for i, line in enumerate(MINIMAL_TEXT.splitlines(), 1) if needle in line)


def edit(old: str, new: str) -> str:
    assert MINIMAL_TEXT.count(old) == 1, old
    return MINIMAL_TEXT.replace(old, new)


FOOTNOTE_2 = line_of('<footnote n="2"')
VRAAG_6 = line_of('xml:id="vraag-6"')
VRAAG_7 = line_of('xml:id="vraag-7"')
INVALID = "minimal.xml: invalid semantic XML: line"
BAD_INPUT = {
    "unknown element": (
        edit('<label page="1" line="8">', '<bogus/><label page="1" line="8">'),
        f"{INVALID} {line_of('China')}: Element 'bogus': This element is not expected.",
    ),
    "answer names a missing question": (
        edit('questions="vraag-6 vraag-7"', 'questions="vraag-6 vraag-9"'),
        f"{INVALID} {line_of('antwoord-6-7')}: Element 'answer', attribute 'questions': "
        "'vraag-9' does not name a question.",
    ),
    "answer names an answer": (
        edit('questions="vraag-6 vraag-7"', 'questions="antwoord-1"'),
        f"{INVALID} {line_of('antwoord-6-7')}: Element 'answer', attribute 'questions': "
        "'antwoord-1' does not name a question.",
    ),
    "empty questions": (
        edit('questions="vraag-6 vraag-7"', 'questions=""'),
        f"{INVALID} {line_of('antwoord-6-7')}: Element 'answer', attribute 'questions': "
        "[facet 'minLength']",
    ),
    "noteRef to a missing footnote": (
        edit('voortgangsbrief<noteRef n="2"/>', 'voortgangsbrief<noteRef n="3"/>'),
        f"{INVALID} {line_of('voortgangsbrief')}: Element 'noteRef': No match found for "
        "key-sequence ['3'] of keyref 'noteRefTarget'.",
    ),
    "duplicate footnote number": (
        edit('<footnote n="2"', '<footnote n="1"'),
        f"{INVALID} {FOOTNOTE_2}: Element 'footnote': Duplicate key-sequence "
        "['1'] in key identity-constraint 'footnoteNumber'.",
    ),
    "duplicate xml:id": (
        edit('xml:id="vraag-7"', 'xml:id="vraag-6"'),
        f"{INVALID} {VRAAG_7}: ID vraag-6 already defined",
    ),
    "xml:id not a name": (
        edit('xml:id="vraag-7"', 'xml:id="7"'),
        f"{INVALID} {VRAAG_7}: xml:id : attribute value 7 is not an NCName",
    ),
    "month 13": (
        edit('<date value="2024-03"/>', '<date value="2024-13"/>'),
        f"{INVALID} {line_of('<date ')}: Element 'date', attribute 'value': '2024-13' is not a "
        "valid value of the union type 'partialDate'.",
    ),
    "date as printed": (
        edit('<submitted value="2024-02-01"/>', '<submitted value="1 februari 2024"/>'),
        f"{INVALID} {line_of('<submitted ')}: Element 'submitted', attribute 'value': "
        "'1 februari 2024' is not a valid value of the union type 'partialDate'.",
    ),
    "no such day": (
        edit('<submitted value="2024-02-01"/>', '<submitted value="2023-02-29"/>'),
        f"{INVALID} {line_of('<submitted ')}: Element 'submitted', attribute 'value': '2023-02-29'",
    ),
    "date with a time zone": (
        edit('<date value="2024-03"/>', '<date value="2024-03Z"/>'),
        f"{INVALID} {line_of('<date ')}: Element 'date', attribute 'value': '2024-03Z'",
    ),
    "vergaderjaar as printed": (
        edit("<vergaderjaar>2023-2024<", "<vergaderjaar>2023/24<"),
        f"{INVALID} {line_of('<vergaderjaar>')}: Element 'vergaderjaar': [facet 'pattern']",
    ),
    "unknown family": (
        edit("<family>aanhangsel<", "<family>motie<"),
        f"{INVALID} {line_of('<family>')}: Element 'family': [facet 'enumeration']",
    ),
    "footnote number zero": (
        edit('<footnote n="2"', '<footnote n="0"'),
        f"{INVALID} {FOOTNOTE_2}: Element 'footnote', attribute 'n': '0'",
    ),
    "noteRef inside a footnote": (
        edit("nr. 15; <link", 'nr. 15;<noteRef n="1"/> <link'),
        f"{INVALID} {line_of('nr. 15; <link')}: Element 'noteRef': This element is not expected.",
    ),
    "ask inside an ask": (
        edit("<ask>Klopt dit?</ask>", "<ask>Klopt <ask>dit</ask>?</ask>"),
        f"{INVALID} {line_of('Klopt dit?')}: Element 'ask': This element is not expected.",
    ),
    "text between questions": (
        edit('<question xml:id="vraag-6" numbers="6">', '<question xml:id="vraag-6">Vraag'),
        f"{INVALID} {VRAAG_6}: Element 'question': Character content other "
        "than whitespace is not allowed",
    ),
    "other language": (
        edit('xml:lang="nl"', 'xml:lang="en"'),
        f"{INVALID} {line_of('<document ')}: Element 'document', attribute 'xml:lang': the value "
        "must be 'nl'.",
    ),
    "control character reference": (
        edit('<p page="3" line="37">Ja.', '<p page="3" line="37">Ja&#7;.'),
        f"{INVALID} {line_of('Ja.')}: xmlParseCharRef: invalid xmlChar value 7",
    ),
    "raw control character": (
        edit('<p page="3" line="37">Ja.', '<p page="3" line="37">Ja\x1b.'),
        f"{INVALID} {line_of('Ja.')}: PCDATA invalid Char value 27",
    ),
    "other version": (
        f'<document xmlns="{NAMESPACE}" version="2" xml:lang="nl"/>',
        "minimal.xml: not a semantic XML file of version 1 (root '{urn:kamervragen:semantic:1}"
        "document', version '2')",
    ),
    "other namespace": (
        '<document version="1" xml:lang="nl"/>',
        "minimal.xml: not a semantic XML file of version 1 (root 'document', version '1')",
    ),
    "not well-formed": (
        f'<document xmlns="{NAMESPACE}" version="1">\n<body></document>',
        f"{INVALID} 2: Opening and ending tag mismatch",
    ),
}


@pytest.mark.parametrize(("data", "message"), BAD_INPUT.values(), ids=BAD_INPUT.keys())
def test_bad_input_is_one_line_error(data: str, message: str) -> None:
    with pytest.raises(LayoutFormatError) as caught:
        from_xml(data.encode("utf-8"), document="minimal.xml")
    text = caught.value.format_message()
    assert text.startswith(message)
    assert text.endswith("; expected semantic XML version 1 (kamervragen/schemas/semantic.xsd)")
    assert "\n" not in text
    assert "{urn:" not in text.removeprefix(message)
    assert caught.value.exit_code == 6


HOSTILE = {
    "external entity": (
        '<!DOCTYPE document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
        f'<document xmlns="{NAMESPACE}" version="1" xml:lang="nl"><body><p>&xxe;</p></body>'
        "</document>"
    ),
    "billion laughs": (
        '<!DOCTYPE document [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">'
        '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;">]>'
        f'<document xmlns="{NAMESPACE}" version="1" xml:lang="nl"><body><p>&c;</p></body>'
        "</document>"
    ),
    "external DTD": (
        '<!DOCTYPE document SYSTEM "http://127.0.0.1:9/evil.dtd">' + MINIMAL_TEXT.split("-->", 1)[1]
    ),
    "bare DOCTYPE on a valid document": (
        MINIMAL_TEXT.replace("<document ", "<!DOCTYPE document>\n<document ", 1)
    ),
}


@pytest.mark.parametrize("data", HOSTILE.values(), ids=HOSTILE.keys())
def test_doctype_is_refused_and_entities_not_expanded(data: str) -> None:
    with pytest.raises(LayoutFormatError) as caught:
        from_xml(data.encode("utf-8"), document="evil.xml")
    message = caught.value.format_message()
    assert message.startswith("evil.xml: DOCTYPE declarations are not allowed")
    assert "root:" not in message and "aaaaaaaaaa" not in message


@pytest.mark.parametrize(
    "doc",
    [
        document(p("bel\x07")),
        document(model.Question("vraag-1", (1,), (), label=model.Heading(("\x00",)))),
        document(model.ItemList("bullet", (model.ListItem("\x0c", ("x",)),))),
        model.Document(metadata(title="titel\x1b"), (), ()),
        model.Document(metadata(pdf_title="\ud800"), (), ()),
    ],
    ids=["paragraph", "label", "list marker", "metadata", "lone surrogate"],
)
def test_to_xml_refuses_control_characters(doc: model.Document) -> None:
    with pytest.raises(LayoutFormatError) as caught:
        to_xml(doc)
    message = caught.value.format_message()
    assert message.startswith("x.pdf: cannot write semantic XML (")
    assert "\n" not in message


INVALID_MODELS = {
    "bad sha256": (
        model.Document(metadata(sha256="not a hash"), (), ()),
        "line 4: Element 'source'",
    ),
    "dangling noteRef": (document(p("x", model.NoteRef(3))), "keyref 'noteRefTarget'"),
    "answer to a missing question": (
        document(model.Answer("antwoord-1", (1,), ("vraag-1",), ())),
        "'vraag-1' does not name a question",
    ),
    "duplicate ids": (document(VRAAG, VRAAG), "ID vraag-1 already defined"),
    "id that is not a name": (
        document(model.Question("1", (1,), ())),
        "xml:id : attribute value 1 is not an NCName",
    ),
    "noteRef in a footnote": (
        document(
            p("x", model.NoteRef(1)),
            footnotes=(model.Footnote(1, (model.NoteRef(1),)),),  # type: ignore[arg-type]
        ),
        "Element 'noteRef': This element is not expected.",
    ),
    "impossible date": (
        model.Document(metadata(date=model.PartialDate(2021, 13)), (), ()),
        "'2021-13' is not a valid value",
    ),
    "empty list": (document(model.ItemList("bullet", ())), "Element 'list': Missing child"),
    "family outside the model": (
        model.Document(metadata(family="motie"), (), ()),
        "Element 'family': [facet 'enumeration']",
    ),
}


@pytest.mark.parametrize(("doc", "error"), INVALID_MODELS.values(), ids=INVALID_MODELS.keys())
def test_to_xml_validates_its_output(doc: model.Document, error: str) -> None:
    with pytest.raises(LayoutFormatError) as caught:
        to_xml(doc)
    message = caught.value.format_message()
    assert message.startswith("x.pdf: cannot write semantic XML: line ")
    assert error in message
    assert "\n" not in message


def test_to_xml_refuses_what_is_not_a_model_type() -> None:
    with pytest.raises(TypeError, match="not a block"):
        to_xml(document("a bare string"))  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="not inline content"):
        to_xml(document(p(model.Heading(("x",)))))  # type: ignore[arg-type]
