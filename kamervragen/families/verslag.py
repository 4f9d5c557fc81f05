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

Committees also print a verslag questions first (part I the questions, part II the reply per
fractie) or with answers that carry no label at all (told by typography): see "Questions first,
unlabelled answers" below.

:func:`parse` only groups and labels the paragraphs; :mod:`kamervragen.structure` gives ids, links
answers to questions and checks that every paragraph landed in the model exactly once.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from kamervragen import blocks, model
from kamervragen.errors import Anomaly
from kamervragen.families import FamilyParse, base_metadata
from kamervragen.references import normalise_dossier, parse_date
from kamervragen.text import Text, TextParagraph, split_paragraph

# --- Dutch conventions --------------------------------------------------------------------------

# The dossier line: the Kamerstuk number in the margin, the dossier title in the column (the text
# step turns the tab between them into a space): "28 676 NAVO", "28676 NAVO",
# "36 200 V Vaststelling van de begrotingsstaten …", "21 501-02 Raad Algemene Zaken en Raad
# Buitenlandse Zaken"; in a plain letterhead "Kamerstuk 28 676 NAVO".
DOSSIER_LINE = re.compile(
    r"^(?:Kamerstuk\s+)?(?P<dossier>\d{2}\s?\d{3}(?:-[A-Z0-9]{1,3})?(?:\s+(?:[IVXLC]{1,5}|[A-Z])(?=\s))?)"
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
# A member named in a heading or an opening: "Omtzigt", "Van der Plas", "Den Haan" (a capital,
# then at most three more words, each a capitalised word or a name's particle).
MEMBER = (
    r"(?P<member>(?!van\s+de\b)[A-Z][\w'’-]*"
    r"(?:\s+(?:[A-Z][\w'’-]*|van|de|der|den|ten|ter|in\s+’t)){0,3})"
)
# A fractie heading:
#   "Vragen en opmerkingen van de leden van de VVD-fractie",
#   "Vragen en opmerkingen van de leden van de GroenLinks-PvdA-fractie",
#   "Vragen en opmerkingen van de leden van de fractie van GroenLinks",
#   "Vragen en opmerkingen van het lid van de BBB-fractie", sometimes numbered ("1. Vragen …") or
#   introduced as "Inbreng van de leden van de …"; a member who forms a fractie alone:
#   "Vragen en opmerkingen van het lid Omtzigt" (the fractie "Lid Omtzigt", as the Aanhangsel
#   prints it).
PARTY_HEADING = re.compile(
    r"^(?:(?:\d{1,2}|[IVX]{1,4})\.?\s+)?"
    r"(?:Vragen\s+en\s+opmerkingen|Inbreng)\s+van\s+(?:(?:de\s+leden|het\s+lid)\s+van\s+de\s+"
    r"(?:(?P<hyphenated>\S.*?)-fractie|fracties?\s+van\s+(?:de\s+)?(?P<named>\S.*?))"
    rf"|het\s+lid\s+{MEMBER})\s*:?$"
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
# …", "Ook de leden van de CDA-fractie …", "Het lid van de BBB-fractie …", and for a member who
# forms a fractie alone "Het lid Omtzigt vraagt …", "Dit lid …".
QUESTION_OPENER = re.compile(
    r"^(?:(?:Ook\s+)?[Dd]e\s+leden\s+van\s+de\b|(?:Ook\s+)?[Dd]eze\s+leden\b|Het\s+lid\s+van\s+de\b"
    r"|(?:Ook\s+)?[Hh]et\s+lid\s+[A-Z]|(?:Ook\s+)?[Dd]it\s+lid\b)"
)
# "De leden van de VVD-fractie …", "De leden van de fractie van GroenLinks …": the fractie that asks
# when no fractie heading names it.
OPENING_PARTY = re.compile(
    r"^(?:Ook\s+)?(?:[Dd]e\s+leden\s+van\s+de\s+(?:(?P<hyphenated>\S+?)-fractie|fractie\s+van\s+"
    r"(?:de\s+)?(?P<named>[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*))"
    rf"|[Hh]et\s+lid\s+{MEMBER}\b)"
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

# --- Questions first, unlabelled answers ----------------------------------------------------------
#
# Committees also print a verslag *questions first*: part I holds the fracties' contributions (per
# fractie and topic), part II the reply, per fractie, in the same order::
#
#     I. INBRENG VAN DE FRACTIES                             a part heading
#     Vragen en opmerkingen van de leden van de VVD-fractie  a fractie heading, its intro, topics
#     Vraag 1                                                a question label (optional)
#     De leden van de VVD-fractie … ?                        the question
#     II. REACTIE VAN DE MINISTER                            the reply part
#     Reactie op de inbreng van de leden van de VVD-fractie  the fractie's reply heading
#     Antwoord op vraag 1                                    an answer label ("Ad 1."), or nothing
#     In het kader van …                                     the answer
#
# and *unlabelled*: interleaved as above, but an answer carries no label at all; it is set apart
# only by typography (another face, an indent, a rule beside it) and by its position.

# A part heading: "I. INBRENG VAN DE FRACTIES", "II. Reactie van de minister", "II Antwoorden van
# het kabinet", "B. Reactie van het kabinet". A roman numeral (or a capital and a full stop), then
# a short title (a heading, so no sentence end). A numbered topic ("II. Financiën") reads the same:
# see :func:`_part_headings` for how a part is told from it.
PART_HEADING = re.compile(r"^(?P<label>[IVX]{1,4}\.?|[A-E]\.)\s+(?P<title>[^\s.?!].{0,80}?)\s*:?$")
# The part that holds the government's reply: "Reactie van de minister", "Antwoorden van het
# kabinet", "Beantwoording".
REPLY_PART = re.compile(r"\b(?:reactie|antwoord(?:en)?|beantwoording)\b", re.IGNORECASE)
# A fractie heading on the answer side: "Reactie op de inbreng van de leden van de VVD-fractie",
# "Reactie op de vragen van de VVD-fractie", "Antwoorden op de vragen en opmerkingen van de leden
# van de fractie van GroenLinks", "Beantwoording van de vragen van het lid van de BBB-fractie".
REPLY_PARTY_HEADING = re.compile(
    r"^(?:(?:\d{1,2}|[IVX]{1,4})\.?\s+)?"
    r"(?:Reactie|Antwoord(?:en)?|Beantwoording)\s+(?:op|van|aan)\s+(?:de\s+)?"
    r"(?:inbreng|vragen(?:\s+en\s+opmerkingen)?|opmerkingen)\s+van\s+"
    r"(?:(?:de\s+leden\s+van\s+|het\s+lid\s+van\s+)?de\s+"
    r"(?:(?P<hyphenated>\S.*?)-fractie|fracties?\s+van\s+(?:de\s+)?(?P<named>\S.*?))"
    rf"|het\s+lid\s+{MEMBER})\s*:?$"
)
# A question's own label line: "Vraag 7", "Vraag 7:".
QUESTION_LABEL = re.compile(r"^Vraag\s+(?P<number>\d{1,3})\s*[:.]?$")
# An answer's own label line: "Antwoord op vraag 7", "Antwoord vraag 7", "Ad 7.", "Ad vraag 7:".
ANSWER_LABEL = re.compile(
    r"^(?:Antwoord\s+(?:op\s+)?vraag|Ad(?:\s+vraag)?)\s+(?P<number>\d{1,3})\s*[:.]?$"
)
# The same label run into the answer's first sentence: "Ad 7. Het kabinet …", "Antwoord op vraag
# 7: Het kabinet …"; or, unnumbered, "Antwoord: Het kabinet …", "Antwoord van de minister: …".
ANSWER_LABEL_INLINE = re.compile(
    r"^(?:(?:Antwoord\s+(?:op\s+)?vraag|Ad(?:\s+vraag)?)\s+(?P<number>\d{1,3})\s*[:.]"
    r"|Antwoord(?:\s+(?:van|door)\s+(?:het\s+|de\s+)?(?P<by>(?:kabinet|regering|minister"
    r"|staatssecretaris|bewindsperso(?:on|nen))\b[^.?!:]{0,80}?))?\s*:)(?=\s+\S)"
)
# A question's label run into its first sentence: "Vraag 7: De leden van …", "Vraag 7. Deze
# leden …", or a bare number before the words a question opens with: "7. De leden van de …".
QUESTION_LABEL_INLINE = re.compile(
    r"^(?:Vraag\s+(?P<number>\d{1,3})\s*[:.]|(?P<bare>\d{1,3})[.)])(?=\s+\S)"
)
# A fractie named alone above its reply: "VVD-fractie", "De leden van de VVD-fractie:", "Fractie
# van GroenLinks", "VVD" (a bare name only when that fractie asked questions in part I).
SHORT_PARTY_HEADING = re.compile(
    r"^(?:(?:\d{1,2}|[IVX]{1,4})\.?\s+)?(?:(?:De\s+)?leden\s+van\s+de\s+|Het\s+lid\s+van\s+de\s+)?"
    r"(?:(?P<hyphenated>\S.*?)-fractie|[Ff]ractie\s+van\s+(?:de\s+)?(?P<named>\S.*?)|(?P<bare>\S.*?))"
    r"\s*:?$"
)
# The lines this family reads as structure, never page furniture (kamervragen.furniture), wherever
# a page break puts them: fractie and answer headings, and the labels of the other layouts. (Not
# PART_HEADING: "A. Pechtold …" at the start of a line of running text reads the same.)
LABELS = (
    PARTY_HEADING,
    ANSWER_HEADING,
    REPLY_PARTY_HEADING,
    QUESTION_LABEL,
    ANSWER_LABEL,
    QUESTION_LABEL_INLINE,
    ANSWER_LABEL_INLINE,
)

# A reply's opening words to a fractie, not an answer: "De minister dankt de leden van de
# VVD-fractie voor hun vragen", "Het kabinet heeft met belangstelling kennisgenomen van …".
REPLY_INTRO = re.compile(r"\b(?:dank(?:t|en|e)?|bedankt|kennis\s?genomen)\b", re.IGNORECASE)
# A quotation set apart inside a question opens with a quotation mark (or follows a colon).
QUOTATION_OPENING = ("“", "‘", '"', "'", "«", "„", "‚")

# --- Layout thresholds ----------------------------------------------------------------------------

# The title area is the first few paragraphs: dossier line, type line, date line.
TITLE_AREA = 8
# Answers set this many points further right than the questions count as indented (1 cm is 28 pt).
INDENT_STEP = 10.0
# A topic heading is a short emphasised line: at most this many characters and words.
HEADING_CHARS = 100
HEADING_WORDS = 12


# --- Parsing --------------------------------------------------------------------------------------


def parse(text: Text, furniture: Sequence[str], *, family: model.Family = "verslag") -> FamilyParse:
    """Read a verslag into front matter (title lines, preamble), fractie sections and metadata."""
    paragraphs = text.paragraphs
    title = _read_title(paragraphs, furniture)
    start = _body_start(paragraphs, title.end)
    parts = _part_headings(paragraphs, start)
    answers = _typographic_answers(paragraphs, start, parts)
    end = _closing_start(paragraphs, start, answers)
    preamble = paragraphs[title.end : start]

    builder = _Builder()
    for index in range(start, end):
        builder.add(
            paragraphs[index],
            typographic_answer=index in answers,
            part=index in parts,
        )
    body = builder.finish()
    closing = _blocks(paragraphs[end:])

    front = (*(blocks.heading(p) for p in paragraphs[: title.end]), *_blocks(preamble))
    preamble_text = " ".join(p.text for p in preamble)
    metadata = dataclasses.replace(
        base_metadata(text, family, furniture),
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


def _read_title(paragraphs: Sequence[TextParagraph], furniture: Sequence[str]) -> _Title:
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
    # The dossier line opens the title area; a letterhead or a running header the text step could
    # not tell from text (a one-page document) may stand above it.
    first = next(
        (i for i, line in enumerate(head[: type_index or 1]) if DOSSIER_LINE.match(line)), None
    )
    if first is not None and (match := DOSSIER_LINE.match(head[first])):
        dossier = normalise_dossier(match.group("dossier"))
        # The title may wrap: lines between the dossier line and the type line continue it.
        lines = [match.group("title"), *head[first + 1 : type_index or first + 1]]
        title = " ".join(" ".join(lines).split())
        end = max(end, first + 1)
    for line in furniture:
        if match := KAMERSTUK_IDENTIFIER.match(line):
            dossier = dossier or normalise_dossier(match.group("dossier"))
            number = number or match.group("number")
    return _Title(end, dossier, title, number, document_type, date)


def _body_start(paragraphs: Sequence[TextParagraph], start: int) -> int:
    """Where the body begins: the first fractie or part heading, else the first topic, question or
    answer."""
    for index in range(start, len(paragraphs)):
        if PARTY_HEADING.match(paragraphs[index].text) or _is_part_heading(paragraphs[index]):
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


def _closing_start(paragraphs: Sequence[TextParagraph], start: int, answers: frozenset[int]) -> int:
    """Where the signature lines after the last answer begin (the end when there are none)."""
    last_answer = max(
        (
            i
            for i in range(start, len(paragraphs))
            if i in answers or _opens_answer(paragraphs[i].text)
        ),
        default=start,
    )
    for index in range(last_answer + 1, len(paragraphs)):
        paragraph = paragraphs[index]
        if SIGNATURE.match(paragraph.text) and len(paragraph.text) <= HEADING_CHARS:
            return index
    return len(paragraphs)


def _opens_answer(text: str) -> bool:
    """An answer heading or label: "1. Antwoord van het kabinet", "Antwoord op vraag 1", "Ad 1."."""
    return bool(
        ANSWER_HEADING.match(text) or ANSWER_LABEL.match(text) or ANSWER_LABEL_INLINE.match(text)
    )


def _is_part_heading(paragraph: TextParagraph) -> bool:
    """ "I. INBRENG VAN DE FRACTIES": a roman numeral and a short title, set as a heading."""
    text = paragraph.text
    return bool(
        PART_HEADING.match(text)
        and not PARTY_HEADING.match(text)
        and not REPLY_PARTY_HEADING.match(text)
        and (paragraph.bold or paragraph.italic or text.isupper())
        and len(text) <= HEADING_CHARS
    )


def _part_headings(paragraphs: Sequence[TextParagraph], start: int) -> frozenset[int]:
    """The body paragraphs that are part headings of a questions-first verslag.

    A numbered heading is a part ("I. Inbreng van de fracties") before the first fractie heading,
    or when a fractie heading follows it, or when it reads as the reply ("II. Reactie van de
    minister"); inside a fractie's questions it is a numbered topic ("II. Financiën"). An
    unnumbered reply heading ("Reactie van de minister") is a part when a reply's fractie heading
    follows it.
    """
    result: set[int] = set()
    seen_party = False
    for index in range(start, len(paragraphs)):
        paragraph = paragraphs[index]
        following = paragraphs[index + 1] if index + 1 < len(paragraphs) else None
        before_fractie = following is not None and bool(
            PARTY_HEADING.match(following.text) or REPLY_PARTY_HEADING.match(following.text)
        )
        if PARTY_HEADING.match(paragraph.text):
            seen_party = True
        elif _is_part_heading(paragraph):
            if not seen_party or before_fractie or REPLY_PART.search(paragraph.text):
                result.add(index)
        elif (
            before_fractie
            and following is not None
            and REPLY_PARTY_HEADING.match(following.text)
            and (ANSWER_HEADING.match(paragraph.text) or _is_heading(paragraph))
            and REPLY_PART.search(paragraph.text)
        ):
            result.add(index)
    return frozenset(result)


def _is_delimiter(paragraph: TextParagraph) -> bool:
    """A heading or label that ends whatever question or answer runs before it."""
    text = paragraph.text
    return bool(
        PARTY_HEADING.match(text)
        or REPLY_PARTY_HEADING.match(text)
        or QUESTION_LABEL.match(text)
        or _is_part_heading(paragraph)
        or _is_heading(paragraph)
    )


def _typographic_answers(
    paragraphs: Sequence[TextParagraph], start: int, parts: frozenset[int] = frozenset()
) -> frozenset[int]:
    """The paragraphs that are answers by typography alone, in a verslag that labels no answer.

    The decision is the whole document's, not one paragraph's: the questions' style is that of the
    paragraphs that open as questions do ("De leden van de …-fractie vragen …"); the answers' style
    is the style that most often follows a question directly, and it must follow at least half of
    the questions. A style is the face (bold, italic: every line of the paragraph, so a word in
    italics does not count), whether the paragraph is indented against the questions, and its
    size (to half a point). A run in
    the answers' style is an answer when it follows question text, except a quotation inside a
    question: a run that opens with a quotation mark or follows a colon, after which the question
    goes on (text in the questions' style follows it).
    """
    body = range(start, len(paragraphs))
    if any(
        _opens_answer(paragraphs[i].text) or REPLY_PARTY_HEADING.match(paragraphs[i].text)
        for i in body
    ) or any(REPLY_PART.search(paragraphs[i].text) for i in parts):
        return frozenset()  # labelled answers, or a reply part: not this layout
    openers = [
        paragraphs[i]
        for i in body
        if _opens_question(paragraphs[i]) and not _is_intro(paragraphs[i])
    ]
    if not openers:
        # Questions that do not open with "De leden van …": what follows each topic heading.
        openers = [
            paragraphs[i + 1]
            for i in body
            if i + 1 < len(paragraphs)
            and _is_heading(paragraphs[i])
            and not _is_delimiter(paragraphs[i + 1])
        ]
    if not openers:
        return frozenset()
    indents = sorted(p.indent for p in openers)
    base = indents[len(indents) // 2]

    def style(paragraph: TextParagraph) -> tuple[bool, bool, bool, float]:
        indented = paragraph.indent - base >= INDENT_STEP
        return paragraph.bold, paragraph.italic, indented, round(2 * paragraph.size) / 2

    question_style = Counter(style(p) for p in openers).most_common(1)[0][0]
    # Sections: the runs of paragraphs between headings and labels.
    sections: list[list[int]] = [[]]
    for index in body:
        if _is_delimiter(paragraphs[index]) or SIGNATURE.match(paragraphs[index].text):
            sections.append([])
        else:
            sections[-1].append(index)
    followers: Counter[tuple[bool, bool, bool, float]] = Counter()
    question_runs = 0
    for section in sections:
        for previous, index in zip(section, section[1:], strict=False):
            if style(paragraphs[previous]) == question_style != style(paragraphs[index]):
                followers[style(paragraphs[index])] += 1
        question_runs += sum(
            1
            for previous, index in zip([None, *section], section, strict=False)
            if style(paragraphs[index]) == question_style
            and (previous is None or style(paragraphs[previous]) != question_style)
        )
    if not followers:
        return frozenset()
    answer_style, count = followers.most_common(1)[0]
    if 2 * count < question_runs:
        return frozenset()
    answers: set[int] = set()
    for section in sections:
        position = 0
        while position < len(section):
            index = section[position]
            if style(paragraphs[index]) != answer_style or position == 0:
                position += 1
                continue
            run_end = position
            while run_end < len(section) and style(paragraphs[section[run_end]]) == answer_style:
                run_end += 1
            before = paragraphs[section[position - 1]]
            after = paragraphs[section[run_end]] if run_end < len(section) else None
            asked_before = style(before) == question_style or section[position - 1] in answers
            quotation = (
                (before.text.endswith(":") or paragraphs[index].text.startswith(QUOTATION_OPENING))
                and after is not None
                and style(after) == question_style
            )
            if asked_before and not quotation:
                answers.update(section[position:run_end])
            position = run_end
    return frozenset(answers)


def _committee(preamble: str) -> str | None:
    match = COMMITTEE.search(preamble)
    return " ".join(match.group("committee").split()) if match else None


def _addressees(preamble: str) -> tuple[str, ...]:
    match = ADDRESSEES.search(preamble)
    if not match:
        return ()
    names = ADDRESSEE_SEPARATOR.split(" ".join(match.group("addressees").split()))
    return tuple(name for name in names if name)


def _is_heading(paragraph: TextParagraph) -> bool:
    """A short emphasised line that does not read as a sentence: a topic heading."""
    text = paragraph.text
    return (
        (paragraph.bold or paragraph.italic)
        and not paragraph.table
        and 0 < len(text) <= HEADING_CHARS
        and len(text.split()) <= HEADING_WORDS
        and not text.endswith((".", "?", "!", ";", ",", ":"))
    )


def _blocks(paragraphs: Sequence[TextParagraph], *, asks: bool = False) -> tuple[model.Block, ...]:
    """Paragraphs as blocks, with short emphasised lines (subheadings) as headings."""
    result: list[model.Block] = []
    run: list[TextParagraph] = []
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
    member = match.groupdict().get("member")
    if member:
        return "Lid " + " ".join(member.split())  # the fractie of one member: "Lid Omtzigt"
    return " ".join((match.group("hyphenated") or match.group("named")).split())


@dataclass
class _Answer:
    heading: TextParagraph | None  # None: an answer told by typography alone
    number: int | None  # None: to be paired by order (a reply part's unlabelled answer)
    by: str | None
    question_indent: float | None  # the indentation of the question before it
    paragraphs: list[TextParagraph] = field(default_factory=list)
    label: model.Heading | None = None  # the printed label, when it is not the heading paragraph
    numbering: model.Numbering = "printed"

    @property
    def indent(self) -> float:
        first = self.paragraphs[0] if self.paragraphs else self.heading
        return first.indent if first is not None else 0.0

    @property
    def indented(self) -> bool:
        """Whether the answer is set further right than its question (1 cm in our sample)."""
        return (
            self.question_indent is not None and self.indent - self.question_indent >= INDENT_STEP
        )

    def node(self, number: int | None = None) -> model.Answer:
        number = self.number if number is None else number
        label = self.label
        if label is None and self.heading is not None:
            label = blocks.heading(self.heading)
        return model.Answer(
            id="",
            numbers=(number,) if number is not None else (),
            questions=(),
            blocks=_blocks(self.paragraphs),
            label=label,
            by=self.by,
            numbering=self.numbering,
        )


@dataclass(frozen=True, slots=True)
class _Loose:
    """A paragraph of a reply outside any labelled answer: an answer by order, or reply text."""

    paragraph: TextParagraph
    restated: bool = False  # a question the reply repeats ("Vraag 7" and its text): never an answer


@dataclass
class _Topic:
    heading: TextParagraph
    content: list[_Item] = field(default_factory=list)


@dataclass
class _Party:
    heading: TextParagraph
    name: str
    content: list[_Item] = field(default_factory=list)
    questions: int = 0
    reply: bool = False  # the fractie's section in the reply part ("Reactie op de inbreng …")
    answers: list[_Answer] = field(default_factory=list)


# What a section holds while it is read: a reply's answers and topics are made model nodes only
# when its fractie closes, once they are paired with the fractie's questions.
_Item = model.Node | _Answer | _Topic | _Loose


@dataclass
class _Part:
    heading: TextParagraph
    reply: bool
    content: list[model.Node] = field(default_factory=list)


class _Builder:
    """Groups body paragraphs, in reading order, into fractie and topic sections of Q&A pairs.

    Three layouts share it: each question followed by its answer heading ("1. Antwoord van het
    kabinet"); questions first and the reply in a part of its own; and answers that carry no label
    (the paragraphs :func:`_typographic_answers` chose).
    """

    def __init__(self) -> None:
        self.body: list[model.Node] = []
        self.anomalies: list[Anomaly] = []
        self.part: _Part | None = None
        self.party: _Party | None = None
        self.topic: _Topic | None = None
        self.answer: _Answer | None = None
        self.pending: list[
            TextParagraph
        ] = []  # text since the last delimiter: a question, or an intro
        self.question_label: tuple[TextParagraph, int] | None = None  # "Vraag 7", awaiting its text
        self.restating: int | None = None  # the reply repeats question N before its answer
        self.last_number = 0
        self.numbered_party: _Party | None = None  # the fractie of the last numbered answer
        self.questions_seen = 0  # questions so far: an unnumbered question's inferred number
        self.by: list[str] = []
        # The numbers of each fractie's questions, in order: a reply pairs with them by order.
        self.party_questions: dict[str, list[int]] = {}

    # -- reading ----------------------------------------------------------------------------------

    def add(
        self,
        paragraph: TextParagraph,
        *,
        typographic_answer: bool = False,
        part: bool = False,
    ) -> None:
        text = paragraph.text
        if match := PARTY_HEADING.match(text):
            # In the reply part, a repeated "Vragen en opmerkingen van … de VVD-fractie" heads
            # the reply to that fractie.
            self.close_party()
            reply = self.part is not None and self.part.reply
            self.party = _Party(paragraph, _party_name(match), reply=reply)
        elif match := REPLY_PARTY_HEADING.match(text):
            self.close_party()
            self.party = _Party(paragraph, _party_name(match), reply=True)
        elif part:
            self.open_part(paragraph)
        elif (name := self.reply_fractie(paragraph)) is not None:
            self.close_party()
            self.party = _Party(paragraph, name, reply=True)
        elif self.replying and (match := QUESTION_LABEL.match(text)):
            # The reply repeats the question ("Vraag 7", its text) before answering it: the
            # number is the next answer's, the repeated text stays reply text.
            self.close_answer()
            self.restating = int(match.group("number"))
            self.place_reply(_Loose(paragraph, restated=True))
        elif self.replying and (match := ANSWER_LABEL.match(text) or ANSWER_HEADING.match(text)):
            self.open_reply_answer(paragraph, match)
        elif self.replying and (match := ANSWER_LABEL_INLINE.match(text)):
            label, rest = split_paragraph(paragraph, match.end())
            self.open_reply_answer(label, match)
            if rest is not None and self.answer is not None:
                self.answer.paragraphs.append(rest)
        elif self.replying and not _is_heading(paragraph):
            if self.answer is not None:
                self.answer.paragraphs.append(paragraph)
            else:
                self.place_reply(_Loose(paragraph, restated=self.restating is not None))
        elif match := QUESTION_LABEL.match(text):
            self.close_answer()
            self.close_pending()
            self.question_label = (paragraph, int(match.group("number")))
        elif (found := _inline_question_label(paragraph)) is not None:
            label, rest, number = found
            self.close_answer()
            self.close_pending()
            self.question_label = (label, number)
            self.pending.append(rest)
        elif match := ANSWER_HEADING.match(text):
            self.open_answer(paragraph, match)
        elif match := ANSWER_LABEL.match(text) or ANSWER_LABEL_INLINE.match(text):
            # "Antwoord op vraag 7" right after its question: interleaved, labelled by number.
            label, rest = split_paragraph(paragraph, match.end())
            self.open_answer(label, match)
            if rest is not None and self.answer is not None:
                self.answer.paragraphs.append(rest)
        elif typographic_answer:
            if self.answer is None:
                self.open_typographic_answer(paragraph)
            else:
                self.answer.paragraphs.append(paragraph)
        elif self.answer is not None and self.answer.heading is None and not _is_heading(paragraph):
            self.close_answer()  # the typographic answer ends where its style ends
            self.pending.append(paragraph)
        elif self.answer is not None and self.continues_answer(paragraph):
            self.answer.paragraphs.append(paragraph)
        elif _is_heading(paragraph):
            if self.replying:
                self.reply_party()  # a reply's topic belongs to its fractie's reply
            self.close_topic()
            self.topic = _Topic(paragraph)
        else:
            self.close_answer()
            self.pending.append(paragraph)

    @property
    def replying(self) -> bool:
        """Whether we are in the reply part, or in a fractie's reply section."""
        return bool((self.party and self.party.reply) or (self.part and self.part.reply))

    def reply_fractie(self, paragraph: TextParagraph) -> str | None:
        """In the reply part, a heading that names a fractie of part I alone ("VVD-fractie",
        "De leden van de VVD-fractie:", "VVD") heads that fractie's reply."""
        if self.part is None or not self.part.reply or not _is_heading(paragraph):
            return None
        match = SHORT_PARTY_HEADING.match(paragraph.text)
        if match is None:
            return None
        name = " ".join((match["hyphenated"] or match["named"] or match["bare"]).split())
        return name if name in self.party_questions else None

    def reply_party(self) -> _Party:
        """The fractie section a reply paragraph belongs to (a reply part without fractie
        headings holds its text in a section of its own)."""
        if self.party is None:
            assert self.part is not None
            self.party = _Party(self.part.heading, "", reply=True)
        return self.party

    def continues_answer(self, paragraph: TextParagraph) -> bool:
        """Whether a paragraph after an answer heading still belongs to that answer."""
        answer = self.answer
        assert answer is not None
        if answer.indented:
            # Answers are set apart by indentation: trust it, headings included.
            return paragraph.indent > answer.indent - INDENT_STEP
        return not (_is_heading(paragraph) or QUESTION_OPENER.match(paragraph.text))

    def open_part(self, heading: TextParagraph) -> None:
        self.close_part()
        # "Reactie van de minister" does not say who signed; the metadata claims no one.
        self.part = _Part(heading, reply=bool(REPLY_PART.search(heading.text)))

    def open_answer(self, heading: TextParagraph, match: re.Match[str]) -> None:
        expected = self.last_number + 1
        if match.group("number"):
            number = int(match.group("number"))
            if number == 1 and self.party is not None and self.numbered_party is not self.party:
                expected = 1  # some verslagen number each fractie's questions from 1
            self.numbered_party = self.party
        elif self.question_label is not None:
            number = expected = self.question_label[1]  # "Vraag 7" … "Antwoord"
        else:
            number = expected
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
        by = match.groupdict().get("by")
        by = " ".join(by.split()) if by else None
        if by:
            self.by.append(by)
        indent = (
            min(p.indent for p in question.paragraphs) if question and question.paragraphs else None
        )
        self.answer = _Answer(heading, number, by, indent)
        if question is not None:
            self.place(question.node)

    def open_typographic_answer(self, paragraph: TextParagraph) -> None:
        """An answer known by its typography: it answers the question text before it, and both
        take the question's printed number ("7. De leden …"), else the next number in the
        document, inferred."""
        numbering: model.Numbering = "printed" if self.question_label else "inferred"
        number = self.question_label[1] if self.question_label else self.last_number + 1
        self.last_number = number
        question = self.take_question(number, numbering=numbering)
        if question is None:
            self.anomaly(
                "answer-without-question-text",
                f"answer {number} (known by its typography) has no question text before it",
                paragraph,
            )
        else:
            self.place(question.node)
        self.answer = _Answer(None, number, None, None, [paragraph], numbering=numbering)

    def open_reply_answer(self, label: TextParagraph, match: re.Match[str]) -> None:
        """An answer in the reply part: numbered by its label, or paired by order later."""
        self.close_answer()
        party = self.reply_party()
        printed = match.groupdict().get("number")
        number = int(printed) if printed else self.restating
        self.restating = None
        by = match.groupdict().get("by")
        by = " ".join(by.split()) if by else None
        if by:
            self.by.append(by)
        self.answer = _Answer(label, number, by, None)
        party.answers.append(self.answer)
        self.place_reply(self.answer)

    def place_reply(self, item: _Answer | _Loose) -> None:
        (self.topic.content if self.topic is not None else self.reply_party().content).append(item)

    def take_question(
        self, number: int, *, numbering: model.Numbering = "printed"
    ) -> _PendingQuestion | None:
        """The pending paragraphs as the question that ``number`` answers (after any intro)."""
        pending, self.pending = self.pending, []
        label, self.question_label = self.question_label, None
        if label is None and self.party is not None and not self.party.content and not self.topic:
            # A fractie without a topic heading before its first question: its opening paragraphs
            # ("… hebben kennisgenomen … Zij hebben de volgende vragen") are its intro.
            split = 0
            while split < len(pending) - 1 and _is_intro(pending[split]):
                split += 1
            self.party.content.extend(_blocks(pending[:split]))
            pending = pending[split:]
        if not pending and label is None:
            return None
        # A printed question label ("Vraag 7") numbers the question, whatever its answer says.
        return self.question(pending, (label[1],) if label else (number,), label, numbering)

    def question(
        self,
        paragraphs: list[TextParagraph],
        numbers: tuple[int, ...],
        label: tuple[TextParagraph, int] | None = None,
        numbering: model.Numbering = "printed",
    ) -> _PendingQuestion:
        party = self.party.name if self.party else None
        if party is None and paragraphs:
            party = _opening_party(paragraphs[0])
        if self.party:
            self.party.questions += 1
            self.party_questions.setdefault(self.party.name, []).extend(numbers)
        self.party_questions.setdefault("", []).extend(numbers)  # a reply without fracties
        self.questions_seen += 1
        node = model.Question(
            id="",
            numbers=numbers,
            blocks=_blocks(paragraphs, asks=True),
            label=blocks.heading(label[0]) if label else None,
            party=party,
            numbering=numbering,
        )
        return _PendingQuestion(paragraphs, node)

    # -- closing ----------------------------------------------------------------------------------

    def close_answer(self) -> None:
        answer, self.answer = self.answer, None
        if answer is None or (self.party is not None and self.party.reply):
            return  # a reply's answer was placed when it opened, as it is read
        self.place(answer.node())

    def close_pending(self) -> None:
        """Text that no answer heading follows: an intro, a labelled question of a questions-first
        verslag, or a question left unanswered."""
        pending, self.pending = self.pending, []
        label, self.question_label = self.question_label, None
        if label is not None:
            self.last_number = label[1]
            self.place(self.question(pending, (label[1],), label).node)
            return
        if not pending:
            return
        if self.party is not None and not self.party.content and self.topic is None:
            self.party.content.extend(_blocks(pending))  # the fractie's intro
            return
        if self.part is not None:
            # Part I of a questions-first verslag without question labels: a paragraph that opens
            # as questions do begins a question; the question's number is its position.
            groups: list[list[TextParagraph]] = []
            for paragraph in pending:
                if not groups or QUESTION_OPENER.match(paragraph.text):
                    groups.append([])
                groups[-1].append(paragraph)
            for group in groups:
                number = self.questions_seen + 1
                self.last_number = number
                self.place(self.question(group, (number,), numbering="inferred").node)
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
        if self.party is not None and self.party.reply:
            self.party.content.append(topic)  # made a section once its answers are paired
            return
        content = tuple(item for item in topic.content if isinstance(item, model.Node))
        section = model.Section("topic", blocks.heading(topic.heading), content)
        if self.party is not None:
            self.party.content.append(section)
        else:
            self.container().append(section)

    def close_party(self) -> None:
        self.close_topic()
        self.restating = None
        party, self.party = self.party, None
        if party is None:
            return
        if party.reply:
            content = self.reply_content(party)
        else:
            content = tuple(item for item in party.content if isinstance(item, model.Node))
            if not party.questions:
                self.anomaly(
                    "party-without-questions",
                    f"the {party.name} fractie heading is followed by no questions",
                    party.heading,
                )
        if party.name == "" and self.part is not None and party.heading is self.part.heading:
            self.container().extend(content)  # a reply part without fractie headings
            return
        heading = blocks.heading(party.heading)
        self.container().append(model.Section("party", heading, content, party=party.name or None))

    def reply_content(self, party: _Party) -> tuple[model.Node, ...]:
        """A fractie's reply section: its answers numbered by their labels or, without a number,
        paired by order with the fractie's questions, checked: the counts must agree, else a
        warning and the unnumbered answers stay unpaired (never a silent shift)."""
        questions = self.party_questions.get(party.name, [])
        loose = [
            item for item in _items(party.content) if isinstance(item, _Loose) and not item.restated
        ]
        # id(_Loose) -> the answer it opens (None: a later paragraph of that answer)
        answers_by_order: dict[int, _Answer | None] = {}
        if party.answers:
            counted, what = len(party.answers), "answer(s)"
            unnumbered = [answer for answer in party.answers if answer.number is None]
            if unnumbered and len(party.answers) == len(questions):
                for answer, number in zip(party.answers, questions, strict=True):
                    if answer.number is None:
                        answer.number, answer.numbering = number, "inferred"
        else:
            # No labels at all: after any opening words of thanks, one paragraph per answer; or,
            # where answers run over several paragraphs, each answer opens by restating its
            # question ("De leden van de VVD-fractie vragen naar … Het kabinet …").
            candidates = list(loose)
            while len(candidates) > len(questions) and REPLY_INTRO.search(
                candidates[0].paragraph.text
            ):
                candidates.pop(0)
            groups = [[item] for item in candidates]
            if len(groups) > len(questions) and QUESTION_OPENER.match(candidates[0].paragraph.text):
                groups = []
                for item in candidates:
                    if not groups or QUESTION_OPENER.match(item.paragraph.text):
                        groups.append([])
                    groups[-1].append(item)
            counted, what = len(groups), "answer(s) without labels"
            if groups and len(groups) == len(questions):
                for group, number in zip(groups, questions, strict=True):
                    paragraphs = [item.paragraph for item in group]
                    answer = _Answer(None, number, None, None, paragraphs, numbering="inferred")
                    answers_by_order[id(group[0])] = answer
                    for item in group[1:]:
                        answers_by_order[id(item)] = None  # part of the answer above
        if counted != len(questions):
            name = f"the {party.name} fractie" if party.name else "the reply"
            self.anomaly(
                "answer-count-mismatch",
                f"{name} asked {len(questions)} question(s), its reply holds {counted} {what}; "
                "answers without a printed number are left unpaired",
                party.heading,
            )
        return _materialise(party.content, answers_by_order)

    def close_part(self) -> None:
        self.close_party()
        part, self.part = self.part, None
        if part is None:
            return
        heading = blocks.heading(part.heading)
        self.body.append(model.Section("part", heading, tuple(part.content)))

    def finish(self) -> tuple[model.Node, ...]:
        self.close_part()
        return tuple(self.body)

    # -- helpers ----------------------------------------------------------------------------------

    def container(self) -> list[model.Node]:
        """Where a fractie or a loose section goes: the current part, else the body."""
        return self.part.content if self.part is not None else self.body

    def place(self, node: model.Node) -> None:
        if self.topic is not None:
            self.topic.content.append(node)
        elif self.party is not None:
            self.party.content.append(node)
        else:
            self.container().append(node)

    def anomaly(self, code: str, message: str, paragraph: TextParagraph) -> None:
        self.anomalies.append(Anomaly(code, message, page=paragraph.page, line=paragraph.line))

    def answered_by(self) -> str | None:
        """Who answers, as the answer headings say most often ("kabinet")."""
        if not self.by:
            return None
        return Counter(self.by).most_common(1)[0][0]


def _opens_question(paragraph: TextParagraph) -> bool:
    """Whether a paragraph opens as a question does, after its label if it has one."""
    if QUESTION_OPENER.match(paragraph.text):
        return True
    found = _inline_question_label(paragraph)
    return found is not None and bool(QUESTION_OPENER.match(found[1].text))


def _inline_question_label(
    paragraph: TextParagraph,
) -> tuple[TextParagraph, TextParagraph, int] | None:
    """ "Vraag 7: De leden …" or "7. De leden van de …": the label, the question text, the number.

    A bare number is a label only before the words a question opens with, so that a numbered list
    item inside a question stays one.
    """
    match = QUESTION_LABEL_INLINE.match(paragraph.text)
    if match is None:
        return None
    label, rest = split_paragraph(paragraph, match.end())
    if rest is None or (match["bare"] and not QUESTION_OPENER.match(rest.text)):
        return None
    return label, rest, int(match["number"] or match["bare"])


def _items(content: Sequence[_Item]) -> Iterator[_Item]:
    """The items of a reply section, those in its topics included, in reading order."""
    for item in content:
        yield item
        if isinstance(item, _Topic):
            yield from _items(item.content)


def _materialise(
    content: Sequence[_Item], answers_by_order: dict[int, _Answer | None]
) -> tuple[model.Node, ...]:
    """A reply section's items as model nodes: answers, topic sections, and the loose paragraphs
    (an answer paired by order, or reply text)."""
    result: list[model.Node] = []
    run: list[TextParagraph] = []
    for item in content:
        if isinstance(item, _Loose) and id(item) not in answers_by_order:
            run.append(item.paragraph)
            continue
        result.extend(_blocks(run))
        run = []
        if isinstance(item, _Loose):
            answer = answers_by_order[id(item)]
            if answer is not None:
                result.append(answer.node())
        elif isinstance(item, _Answer):
            result.append(item.node())
        elif isinstance(item, _Topic):
            section_content = _materialise(item.content, answers_by_order)
            result.append(model.Section("topic", blocks.heading(item.heading), section_content))
        else:
            result.append(item)
    result.extend(_blocks(run))
    return tuple(result)


@dataclass(frozen=True, slots=True)
class _PendingQuestion:
    paragraphs: list[TextParagraph]
    node: model.Question


def _is_intro(paragraph: TextParagraph) -> bool:
    """A fractie's opening paragraph: it says what the fractie read and asks nothing itself."""
    text = paragraph.text
    return bool(QUESTION_OPENER.match(text) and INTRO_OPENING.search(text)) and "?" not in text


def _opening_party(paragraph: TextParagraph) -> str | None:
    match = OPENING_PARTY.match(paragraph.text)
    return _party_name(match) if match else None
