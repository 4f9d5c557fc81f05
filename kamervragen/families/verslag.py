"""The *verslag van een schriftelijk overleg* (Kamerstuk): fracties ask, the government answers.

A committee sends written questions to a minister; the verslag prints them per fractie and topic,
each question block followed by its numbered answer. As printed by the Tweede Kamer (the masthead
"Tweede Kamer der Staten-Generaal", "Vergaderjaar 2020–2021" and the identifier "kst-28676-359"
are page furniture, not running text)::

    28 676 NAVO                                       dossier number (margin) and title (column)
    Nr. 359 VERSLAG VAN EEN SCHRIFTELIJK OVERLEG      "Nr. VERSLAG" while the number is not known
    Vastgesteld 1 april 2021                          "Vastgesteld, … maart 2021"
    Binnen de vaste commissie voor Buitenlandse …     the preamble, up to the first fractie heading
    Vragen en opmerkingen van de leden van de VVD-fractie         a fractie heading
    De leden van de VVD-fractie hebben … kennisgenomen … Zij …    the fractie's intro
    China                                             a topic heading: a short bold line
    De leden van de VVD-fractie … ?                   the question block
    1. Antwoord van het kabinet                       the answer heading (the question takes its number)
        In het kader van …                            the answer (indented 1 cm in our sample)

The question block is the text between the previous answer (or a topic heading, a fractie heading
or the fractie's intro) and an answer heading. An answer runs until a topic or fractie heading, or
until the next question begins: a paragraph set back from the answer's indentation, or, when the
answers are not indented, a paragraph that opens as questions do ("De leden van de …-fractie").

:func:`parse` only groups and labels the paragraphs; :mod:`kamervragen.structure` gives ids, links
answers to questions and checks that every paragraph landed in the model exactly once.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from kamervragen import blocks, model
from kamervragen.errors import Anomaly
from kamervragen.families import FamilyParse, base_metadata
from kamervragen.references import normalise_dossier, parse_date
from kamervragen.text import Paragraph, Text

# --- Dutch conventions --------------------------------------------------------------------------

# The dossier line: the Kamerstuk number in the margin, the dossier title in the column (the text
# step turns the tab between them into a space): "28 676 NAVO", "28676 NAVO",
# "36 200 V Vaststelling van de begrotingsstaten …", "21 501-02 Raad Algemene Zaken en Raad
# Buitenlandse Zaken".
DOSSIER_LINE = re.compile(
    r"^(?P<dossier>\d{2}\s?\d{3}(?:-[A-Z0-9]{1,3})?(?:\s+(?:[IVXLC]{1,5}|[A-Z])(?=\s))?)"
    r"\s+(?P<title>\S.*)$"
)
# The type line: "Nr. 359 VERSLAG VAN EEN SCHRIFTELIJK OVERLEG", or "Nr. VERSLAG" while the
# document has no number yet. The label is printed in capitals ("verslag" in running text is not
# a type line). A date line may follow on the same line when the producer set them together.
TYPE_LINE = re.compile(
    r"^(?:Nr\.(?:\s*(?P<number>\d+))?\s+)?"
    r"(?P<type>VERSLAG(?:\s+VAN\s+EEN\s+SCHRIFTELIJK\s+OVERLEG)?)"
    r"(?:\s+(?P<date>Vastgesteld\b.*))?$"
)
# The document number alone on its line, when the producer set it apart: "Nr. 359", "Nr.".
NUMBER_LINE = re.compile(r"^Nr\.(?:\s*(?P<number>\d+))?$")
# The date the committee settled the verslag: "Vastgesteld 1 april 2021", "Vastgesteld, … maart
# 2021" (the day left open).
DATE_LINE = re.compile(r"^Vastgesteld\b")
# A fractie heading:
#   "Vragen en opmerkingen van de leden van de VVD-fractie",
#   "Vragen en opmerkingen van de leden van de GroenLinks-PvdA-fractie",
#   "Vragen en opmerkingen van de leden van de fractie van GroenLinks",
#   "Vragen en opmerkingen van het lid van de BBB-fractie", sometimes numbered ("1. Vragen …") or
#   introduced as "Inbreng van de leden van de …".
PARTY_HEADING = re.compile(
    r"^(?:(?:\d{1,2}|[IVX]{1,4})\.?\s+)?"
    r"(?:Vragen\s+en\s+opmerkingen|Inbreng)\s+van\s+(?:de\s+leden|het\s+lid)\s+van\s+de\s+"
    r"(?:(?P<hyphenated>\S.*?)-fractie|fracties?\s+van\s+(?:de\s+)?(?P<named>\S.*?))\s*:?$"
)
# An answer heading, the whole paragraph: "1. Antwoord van het kabinet", "10.  Antwoord van de
# minister", "Antwoord van het kabinet", "Reactie van het kabinet", "Reactie van de
# minister/staatssecretaris", "Antwoord van de minister van Buitenlandse Zaken:". Without a
# printed number the answer takes the next number in order.
ANSWER_HEADING = re.compile(
    r"^(?:(?P<number>\d{1,3})\.?\s+)?(?:Antwoord|Reactie)"
    r"(?:\s+(?:van|door)\s+(?:het\s+|de\s+)?"
    r"(?P<by>(?:kabinet|regering|minister|staatssecretaris|bewindsperso(?:on|nen))\b[^.?!:]{0,80}?))?"
    r"\s*[:.]?$"
)
# How a fractie's question paragraph opens: "De leden van de VVD-fractie vragen …", "Deze leden
# …", "Ook de leden van de CDA-fractie …", "Het lid van de BBB-fractie …".
QUESTION_OPENER = re.compile(
    r"^(?:(?:Ook\s+)?[Dd]e\s+leden\s+van\s+de\b|(?:Ook\s+)?[Dd]eze\s+leden\b|Het\s+lid\s+van\s+de\b)"
)
# "De leden van de VVD-fractie …", "De leden van de fractie van GroenLinks …": the fractie that asks
# when no fractie heading names it.
OPENING_PARTY = re.compile(
    r"^(?:Ook\s+)?[Dd]e\s+leden\s+van\s+de\s+(?:(?P<hyphenated>\S+?)-fractie|fractie\s+van\s+"
    r"(?:de\s+)?(?P<named>[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*))"
)
# The fractie's opening paragraph (its intro, not a question): "De leden van de VVD-fractie hebben
# met belangstelling kennisgenomen van … Zij hebben hierover de volgende vragen en opmerkingen.",
# "De leden van de CDA-fractie danken de minister voor … Zij hebben nog enkele vragen en
# opmerkingen." It asks nothing itself (no "?").
INTRO_OPENING = re.compile(
    r"\bkennis\s?(?:genomen|te\s+nemen)\b|\bdanken\b|\bvragen\s+en\s+opmerkingen\b"
    r"|\b(?:de\s+volgende|enkele|nog\s+enkele|een\s+aantal|nog\s+een\s+aantal)\s+vragen\b"
)
# The committee in the preamble: "Binnen de vaste commissie voor Buitenlandse Zaken hebben de
# onderstaande fracties …", "De vaste commissie voor Financiën heeft …".
COMMITTEE = re.compile(
    r"\b(?P<committee>(?:vaste|algemene|bijzondere|tijdelijke)\s+commissie\s+voor\s+[^,.;()]+?)"
    r"(?=\s+(?:hebben|heeft|is|zijn|bestond|bestaat)\b|[,.;(])"
)
# Whom the questions were put to: "… vragen en opmerkingen voor te leggen aan de minister van
# Buitenlandse Zaken over …", "… voorgelegd aan de minister en de staatssecretaris van Financiën".
ADDRESSEES = re.compile(
    r"\b(?:voor\s+te\s+leggen|voorgelegd)\s+aan\s+(?:de\s+|het\s+)?(?P<addressees>.+?)"
    r"(?=\s+(?:over|inzake|naar\s+aanleiding|ter\s+zake|betreffende|met\s+betrekking)\b|[.,;(]|$)"
)
# Several addressees: "de minister van Defensie en de staatssecretaris van Defensie".
ADDRESSEE_SEPARATOR = re.compile(r"\s*,\s*(?:de\s+|het\s+)?|\s+en\s+(?:de|het)\s+")
# The signature lines at the end of a verslag: "De voorzitter van de commissie, Van Helvert",
# "De griffier van de commissie, Van Toor", "De adjunct-griffier van de commissie, …".
SIGNATURE = re.compile(
    r"^(?:De\s+)?(?:voorzitter|griffier|adjunct-griffier)\s+van\s+de\s+(?:vaste\s+)?commissie\b",
    re.IGNORECASE,
)
# The official identifier of a Kamerstuk (page furniture): "kst-28676-359", "kst-36200-IV-25",
# "kst-21501-02-3121": dossier, then document number.
KAMERSTUK_IDENTIFIER = re.compile(r"^kst-(?P<dossier>\d+(?:-[A-Za-z0-9]+)*?)-(?P<number>\d+)$")

# --- Layout thresholds ----------------------------------------------------------------------------

# The title area is the first few paragraphs: dossier line, type line, date line.
TITLE_AREA = 8
# Answers set this many points further right than the questions count as indented (1 cm is 28 pt).
INDENT_STEP = 10.0
# A topic heading is a short emphasised line: at most this many characters and words.
HEADING_CHARS = 100
HEADING_WORDS = 12


# --- Parsing --------------------------------------------------------------------------------------


def parse(text: Text, furniture: Sequence[str]) -> FamilyParse:
    """Read a verslag into front matter (title lines, preamble), fractie sections and metadata."""
    paragraphs = text.paragraphs
    title = _read_title(paragraphs, furniture)
    start = _body_start(paragraphs, title.end)
    end = _closing_start(paragraphs, start)
    preamble = paragraphs[title.end : start]

    builder = _Builder()
    for paragraph in paragraphs[start:end]:
        builder.add(paragraph)
    body = builder.finish()
    closing = _blocks(paragraphs[end:])

    front = (*(blocks.heading(p) for p in paragraphs[: title.end]), *_blocks(preamble))
    preamble_text = " ".join(p.text for p in preamble)
    metadata = dataclasses.replace(
        base_metadata(text, "verslag", furniture),
        document_type=title.document_type,
        title=title.title,
        dossier=title.dossier,
        document_number=title.number,
        date=title.date,
        committee=_committee(preamble_text),
        addressees=_addressees(preamble_text),
        answered_by=builder.answered_by(),
    )
    return FamilyParse(
        metadata=metadata,
        front=front,
        body=(*body, *closing),
        anomalies=tuple(builder.anomalies),
    )


@dataclass(frozen=True, slots=True)
class _Title:
    end: int  # index of the first paragraph after the title area
    dossier: str | None = None
    title: str | None = None
    number: str | None = None
    document_type: str | None = None
    date: model.PartialDate | None = None


def _read_title(paragraphs: Sequence[Paragraph], furniture: Sequence[str]) -> _Title:
    """The dossier line, the type line and the date line at the top of the first page.

    The title area ends after the last of them; the dossier title may run over several lines
    before the type line. The identifier ("kst-28676-359") fills in what is not printed.
    """
    head = [p.text for p in paragraphs[:TITLE_AREA]]
    end = 0
    dossier = title = number = document_type = None
    date = None
    type_index = None
    for index, line in enumerate(head):
        if match := TYPE_LINE.match(line):
            type_index = index
            number = match.group("number") or number
            document_type = " ".join(match.group("type").split())
            if match.group("date"):
                date = parse_date(match.group("date"))
            end = index + 1
        elif match := NUMBER_LINE.match(line):
            number = match.group("number") or number
            type_index = index if type_index is None else type_index
            end = index + 1
        elif DATE_LINE.match(line):
            date = parse_date(line)
            end = index + 1
            break
        elif type_index is not None:
            break  # the preamble begins
    if head and (match := DOSSIER_LINE.match(head[0])):
        dossier = normalise_dossier(match.group("dossier"))
        # The title may wrap: lines between the dossier line and the type line continue it.
        lines = [match.group("title"), *head[1 : type_index or 1]]
        title = " ".join(" ".join(lines).split())
        end = max(end, 1)
    for line in furniture:
        if match := KAMERSTUK_IDENTIFIER.match(line):
            dossier = dossier or normalise_dossier(match.group("dossier"))
            number = number or match.group("number")
    return _Title(end, dossier, title, number, document_type, date)


def _body_start(paragraphs: Sequence[Paragraph], start: int) -> int:
    """Where the body begins: the first fractie heading, else the first topic, question or answer."""
    for index in range(start, len(paragraphs)):
        if PARTY_HEADING.match(paragraphs[index].text):
            return index
    for index in range(start, len(paragraphs)):
        paragraph = paragraphs[index]
        if (
            _is_heading(paragraph)
            or ANSWER_HEADING.match(paragraph.text)
            or QUESTION_OPENER.match(paragraph.text)
        ):
            return index
    return len(paragraphs)


def _closing_start(paragraphs: Sequence[Paragraph], start: int) -> int:
    """Where the signature lines after the last answer begin (the end when there are none)."""
    last_answer = max(
        (i for i in range(start, len(paragraphs)) if ANSWER_HEADING.match(paragraphs[i].text)),
        default=start,
    )
    for index in range(last_answer + 1, len(paragraphs)):
        paragraph = paragraphs[index]
        if SIGNATURE.match(paragraph.text) and len(paragraph.text) <= HEADING_CHARS:
            return index
    return len(paragraphs)


def _committee(preamble: str) -> str | None:
    match = COMMITTEE.search(preamble)
    return " ".join(match.group("committee").split()) if match else None


def _addressees(preamble: str) -> tuple[str, ...]:
    match = ADDRESSEES.search(preamble)
    if not match:
        return ()
    names = ADDRESSEE_SEPARATOR.split(" ".join(match.group("addressees").split()))
    return tuple(name for name in names if name)


def _is_heading(paragraph: Paragraph) -> bool:
    """A short emphasised line that does not read as a sentence: a topic heading."""
    text = paragraph.text
    return (
        (paragraph.bold or paragraph.italic)
        and not paragraph.table
        and 0 < len(text) <= HEADING_CHARS
        and len(text.split()) <= HEADING_WORDS
        and not text.endswith((".", "?", "!", ";", ",", ":"))
    )


def _blocks(paragraphs: Sequence[Paragraph], *, asks: bool = False) -> tuple[model.Block, ...]:
    """Paragraphs as blocks, with short emphasised lines (subheadings) as headings."""
    result: list[model.Block] = []
    run: list[Paragraph] = []
    for paragraph in paragraphs:
        if _is_heading(paragraph):
            result += blocks.build_blocks(run, asks=asks)
            run = []
            result.append(blocks.heading(paragraph))
        else:
            run.append(paragraph)
    result += blocks.build_blocks(run, asks=asks)
    return tuple(result)


def _party_name(match: re.Match[str]) -> str:
    return " ".join((match.group("hyphenated") or match.group("named")).split())


@dataclass
class _Answer:
    heading: Paragraph
    number: int
    by: str | None
    question_indent: float | None  # the indentation of the question before it
    paragraphs: list[Paragraph] = field(default_factory=list)

    @property
    def indent(self) -> float:
        return (self.paragraphs[0] if self.paragraphs else self.heading).indent

    @property
    def indented(self) -> bool:
        """Whether the answer is set further right than its question (1 cm in our sample)."""
        return (
            self.question_indent is not None and self.indent - self.question_indent >= INDENT_STEP
        )


@dataclass
class _Topic:
    heading: Paragraph
    content: list[model.Node] = field(default_factory=list)


@dataclass
class _Party:
    heading: Paragraph
    name: str
    content: list[model.Node] = field(default_factory=list)
    questions: int = 0


class _Builder:
    """Groups body paragraphs, in reading order, into fractie and topic sections of Q&A pairs."""

    def __init__(self) -> None:
        self.body: list[model.Node] = []
        self.anomalies: list[Anomaly] = []
        self.party: _Party | None = None
        self.topic: _Topic | None = None
        self.answer: _Answer | None = None
        self.pending: list[Paragraph] = []  # text since the last delimiter: a question, or an intro
        self.last_number = 0
        self.by: list[str] = []

    # -- reading ----------------------------------------------------------------------------------

    def add(self, paragraph: Paragraph) -> None:
        text = paragraph.text
        if match := PARTY_HEADING.match(text):
            self.close_party()
            self.party = _Party(paragraph, _party_name(match))
        elif match := ANSWER_HEADING.match(text):
            self.open_answer(paragraph, match)
        elif self.answer is not None and self.continues_answer(paragraph):
            self.answer.paragraphs.append(paragraph)
        elif _is_heading(paragraph):
            self.close_topic()
            self.topic = _Topic(paragraph)
        else:
            self.close_answer()
            self.pending.append(paragraph)

    def continues_answer(self, paragraph: Paragraph) -> bool:
        """Whether a paragraph after an answer heading still belongs to that answer."""
        answer = self.answer
        assert answer is not None
        if answer.indented:
            # Answers are set apart by indentation: trust it, headings included.
            return paragraph.indent > answer.indent - INDENT_STEP
        return not (_is_heading(paragraph) or QUESTION_OPENER.match(paragraph.text))

    def open_answer(self, heading: Paragraph, match: re.Match[str]) -> None:
        expected = self.last_number + 1
        number = int(match.group("number")) if match.group("number") else expected
        if number != expected:
            self.anomaly(
                "unexpected-answer-number",
                f"answer heading {heading.text!r} is numbered {number}, expected {expected}",
                heading,
            )
        self.last_number = number
        follows_answer = self.answer is not None
        self.close_answer()
        question = self.take_question(number)
        if question is None:
            what = "another answer" if follows_answer else "its heading"
            self.anomaly(
                "answer-without-question-text",
                f"answer {number} has no question text before it: it follows {what}",
                heading,
            )
        by = " ".join(match.group("by").split()) if match.group("by") else None
        if by:
            self.by.append(by)
        indent = min(p.indent for p in question.paragraphs) if question else None
        self.answer = _Answer(heading, number, by, indent)
        if question is not None:
            self.place(question.node)

    def take_question(self, number: int) -> _PendingQuestion | None:
        """The pending paragraphs as the question that ``number`` answers (after any intro)."""
        pending, self.pending = self.pending, []
        if self.party is not None and not self.party.content and self.topic is None:
            # A fractie without a topic heading before its first question: its opening paragraphs
            # ("… hebben kennisgenomen … Zij hebben de volgende vragen") are its intro.
            split = 0
            while split < len(pending) - 1 and _is_intro(pending[split]):
                split += 1
            self.party.content.extend(_blocks(pending[:split]))
            pending = pending[split:]
        if not pending:
            return None
        party = self.party.name if self.party else _opening_party(pending[0])
        if self.party:
            self.party.questions += 1
        node = model.Question(
            id="", numbers=(number,), blocks=_blocks(pending, asks=True), party=party
        )
        return _PendingQuestion(pending, node)

    # -- closing ----------------------------------------------------------------------------------

    def close_answer(self) -> None:
        answer, self.answer = self.answer, None
        if answer is None:
            return
        self.place(
            model.Answer(
                id="",
                numbers=(answer.number,),
                questions=(),
                blocks=_blocks(answer.paragraphs),
                label=blocks.heading(answer.heading),
                by=answer.by,
            )
        )

    def close_pending(self) -> None:
        """Text that no answer heading follows: an intro, or a question left unanswered."""
        pending, self.pending = self.pending, []
        if not pending:
            return
        if self.party is not None and not self.party.content and self.topic is None:
            self.party.content.extend(_blocks(pending))  # the fractie's intro
            return
        self.anomaly(
            "question-without-answer-heading",
            "question text is not followed by an answer heading",
            pending[0],
        )
        party = self.party.name if self.party else _opening_party(pending[0])
        if self.party:
            self.party.questions += 1
        self.place(
            model.Question(id="", numbers=(), blocks=_blocks(pending, asks=True), party=party)
        )

    def close_topic(self) -> None:
        self.close_answer()
        self.close_pending()
        topic, self.topic = self.topic, None
        if topic is None:
            return
        section = model.Section("topic", blocks.heading(topic.heading), tuple(topic.content))
        (self.party.content if self.party else self.body).append(section)

    def close_party(self) -> None:
        self.close_topic()
        party, self.party = self.party, None
        if party is None:
            return
        if not party.questions:
            self.anomaly(
                "party-without-questions",
                f"the {party.name} fractie heading is followed by no questions",
                party.heading,
            )
        heading = blocks.heading(party.heading)
        self.body.append(model.Section("party", heading, tuple(party.content), party=party.name))

    def finish(self) -> tuple[model.Node, ...]:
        self.close_party()
        return tuple(self.body)

    # -- helpers ----------------------------------------------------------------------------------

    def place(self, node: model.Node) -> None:
        if self.topic is not None:
            self.topic.content.append(node)
        elif self.party is not None:
            self.party.content.append(node)
        else:
            self.body.append(node)

    def anomaly(self, code: str, message: str, paragraph: Paragraph) -> None:
        self.anomalies.append(Anomaly(code, message, page=paragraph.page, line=paragraph.line))

    def answered_by(self) -> str | None:
        """Who answers, as the answer headings say most often ("kabinet")."""
        if not self.by:
            return None
        return Counter(self.by).most_common(1)[0][0]


@dataclass(frozen=True, slots=True)
class _PendingQuestion:
    paragraphs: list[Paragraph]
    node: model.Question


def _is_intro(paragraph: Paragraph) -> bool:
    """A fractie's opening paragraph: it says what the fractie read and asks nothing itself."""
    text = paragraph.text
    return bool(QUESTION_OPENER.match(text) and INTRO_OPENING.search(text)) and "?" not in text


def _opening_party(paragraph: Paragraph) -> str | None:
    match = OPENING_PARTY.match(paragraph.text)
    return _party_name(match) if match else None
