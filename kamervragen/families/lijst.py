"""Lijsten van vragen en antwoorden, nota's naar aanleiding van het verslag, and unlabelled Q&A.

Three relatives of Kamervragen share this parser (:data:`kamervragen.families.FAMILIES`):

**Lijst van vragen en antwoorden** (family ``lijst``). A committee's numbered questions, each
followed by the government's answer. The title block reads::

    36 200 VIII Vaststelling van de begrotingsstaten van het Ministerie van … voor het jaar 2024
    Nr. 12 LIJST VAN VRAGEN EN ANTWOORDEN
    Vastgesteld 10 november 2023
    De vaste commissie voor … heeft een aantal vragen voorgelegd aan de Minister van … over …
    De vragen zijn op … beantwoord. Vragen en antwoorden zijn hierna afgedrukt.
    De voorzitter van de commissie, … De griffier van de commissie, …

and every question is numbered in one of these ways (the *labelled layouts*):

* the number on its own line ("1" or "1."), then the question, then "Antwoord" / "Antwoord:";
* the number at the start of the question ("1. Hoeveel …?"), then "Antwoord:";
* "Vraag 1" (alone or before the question's text; also "Vraag 1)"), then "Antwoord 1" or
  "Antwoord op vraag 1:";
* any of these with a label that names who answers: "Antwoord van de minister", "Antwoord
  kabinet:";
* a table row per question, as ministries send budget lists: "Nr | Vraag | Bijlage | Blz. (van)
  | (t/m)" (the head over every row or only the first), the number in the row's first cell, the
  question in the next (all its wrapped lines: the text step joins them to their cell), the pages
  it is about after it, kept with the question as a row of their own; the answer follows the
  row, with or without an answer label;
* without any answer label, the answer is told from the question by a change of type style
  (question bold or italic, answer roman), else it starts after the question's first paragraph
  that ends in "?". The Algemene Rekenkamer prints its answers so, behind a covering letter:
  "3. <question in bold, hanging indent>" and the answer in roman right after it.

A question is recognised by numbering and typography together: a number ("12", "12.",
"Vraag 12") starts the paragraph, the numbers run in sequence, and the question is set apart (a
label, a question mark, or bold or italic type before a roman answer). The sequence may skip a
withdrawn question ("5", "7") or add one with a letter ("12", "12a"), but only where that number
is printed exactly as the questions before it: a numbered list inside an answer ("1. …", "2. …")
is printed as running text, and the last item of such a list is never followed by the answer
label its question would have. Where several paragraphs
could be question 1 (a covering letter's "BIJLAGE(N) 1"), the start that gives the longest run of
alike-printed numbers wins. When far more paragraphs look like questions than were recognised,
the document gets the warning ``unrecognised-questions`` instead of passing silently.

**Nota naar aanleiding van het verslag** (family ``nota``). The government's reply to a
committee's report on a bill, in sections ("1. Inleiding", "2. Doel van het wetsvoorstel"). Each
quoted committee passage ("De leden van de VVD-fractie vragen …"), often in italics, sometimes
in bold, is a question; the roman paragraphs after it are the government's answer. Where the
passages are set in the reply's type, a passage goes on over a paragraph that ends in a question
mark or says what "deze leden" ask ("Deze leden willen weten …"). Questions are not numbered
in print: they are numbered 1, 2, 3 … in reading order, and carry no label.

**Unknown** (family ``unknown``): a document without a family label that is still clearly
questions and answers ("Vraag 1" / "Antwoord 1") is read with the labelled layouts. A document
without any of them (a motion: "De Kamer, gehoord de beraadslaging, …") yields no questions, so
the structure step refuses it ("no question/answer structure found"). Nor does a letter, report
or memorie van toelichting whose numbered section headings ("1. Inleiding", bold before roman
text) look like a Rekenkamer's questions: without answer labels, a run of numbered paragraphs of
which more than half are such headings (short, no sentence, asking nothing) or get no answer is
not a list.

The parser only groups and labels; every paragraph of the text lands in the result exactly once,
in reading order (a label printed before the question's text on the same line is split off the
paragraph, character for character). The structure step gives ids, links answers to questions and
checks conservation.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from kamervragen import model
from kamervragen.blocks import build_blocks, heading
from kamervragen.errors import Anomaly
from kamervragen.families import TITLE_AREA, FamilyParse, base_metadata
from kamervragen.references import find_references, normalise_dossier, parse_date, parse_numbers
from kamervragen.text import Text, TextParagraph, split_paragraph

# --- Title block ----------------------------------------------------------------------------------

# The dossier line of a Kamerstuk: the dossier number, then the dossier's title:
#   "36 200 VIII Vaststelling van de begrotingsstaten …", "36 123 Wijziging van de Wet …",
#   "21 501-02 Raad Algemene Zaken en Raad Buitenlandse Zaken".
DOSSIER_LINE = re.compile(
    r"^(?P<dossier>\d{2}\s?\d{3}(?:-[A-Z0-9]{1,3})?(?:\s+[IVXLC]{1,5}\b|\s+[A-Z]\b)?)"
    r"\s+(?P<title>[A-Z(‘“'\"].*)$"
)
# A title line that stops mid-phrase continues on the next line.
TITLE_CONTINUES = re.compile(r"\b(?:van|de|het|der|en|voor|bij|over|in|op|met|tot)$")
# The document number and type as printed: "Nr. 12 LIJST VAN VRAGEN EN ANTWOORDEN",
# "Nr. 7 NOTA NAAR AANLEIDING VAN HET VERSLAG"; the type may also stand alone.
DOCUMENT_NUMBER_LINE = re.compile(r"^Nr\.\s*(?P<number>\d+[A-Za-z]?)(?:\s+(?P<type>\S.*))?$")
DOCUMENT_TYPE_LINE = re.compile(
    r"^(?:LIJST VAN (?:VRAGEN EN ANTWOORDEN|FEITELIJKE VRAGEN)"
    r"|NOTA NAAR AANLEIDING VAN HET (?:NADER )?VERSLAG)$"
)
# The date of the document: "Vastgesteld 10 november 2023" (lijst), "Ontvangen 12 maart 2024"
# (nota, the day the Kamer received it).
DATE_LINE = re.compile(r"^(?:Vastgesteld|Ontvangen)\b,?\s*(?P<date>.+)$")
# The committee, as named in the lijst's introduction ("De vaste commissie voor Onderwijs,
# Cultuur en Wetenschap heeft een aantal vragen voorgelegd …") or in the nota's thanks ("dankt de
# leden van de vaste commissie voor Justitie en Veiligheid voor …"). A committee's name is
# capitalised words joined by spaces, commas and "en".
COMMITTEE = re.compile(
    r"\b(?P<committee>(?:(?:vaste|algemene|tijdelijke|bijzondere|parlementaire)\s+)?"
    r"commissie\s+(?:voor|van)\s+[A-Z][\w’'\-]*(?:(?:,\s+|\s+en\s+|\s+)[A-Z][\w’'\-]*)*)"
)
# The lijst's addressees: "… voorgelegd aan de Minister van Onderwijs, Cultuur en Wetenschap en de
# Staatssecretaris van Financiën over …". Each office follows "de" ("aan de …", "en de …").
ADDRESSEES = re.compile(r"\bvoorgelegd aan (?P<addressees>.+?)(?:\s+over\b|\s+inzake\b|\.\s|\.$|$)")
ADDRESSEE_SEPARATOR = re.compile(r",?\s+en\s+(?=de\s+[A-Z])|,\s+(?=de\s+[A-Z])")
OFFICE = re.compile(
    r"^(?:de\s+|het\s+)?(?P<office>(?:Minister|Staatssecretaris|Minister-President)\b.*"
    r"|Algemene Rekenkamer|Raad van State|Nationale ombudsman|Kiesraad)$"
)
# Who answered, as the lijst's introduction says: "De Algemene Rekenkamer heeft deze vragen
# beantwoord bij brief van 13 juni 2014."; the letter's date when it names one.
ANSWERED_IN_LETTER = re.compile(
    r"\b(?:De|Het)\s+(?P<who>[A-Z][\w\-]*(?:\s+[\w\-]+){0,8}?)\s+heeft\s+(?:deze|de)\s+vragen"
    r"\s+beantwoord(?:\s+bij\s+brief\s+van\s+(?P<date>\d{1,2}\s+\w+\s+\d{4}))?"
)
# The report or letter the questions are about, and its Kamerstuk:
#   "… voorgelegd aan de Algemene Rekenkamer over het rapport EU-trendrapport 2013 (Kamerstuk
#   33 523).", "… ons heeft voorgelegd over het rapport Resultaten verantwoordingsonderzoek 2021 bij
#   het Ministerie van SZW. De vragen …", "… over de Vaststelling van de begrotingsstaten …".
REPORT = re.compile(
    r"\bvoorgelegd\s+(?:aan\s+.+?\s+)?over\s+(?:het\s+rapport|het\s+jaarverslag|het|de)\s+"
    r"(?P<report>[^\s].+?)(?:\s+\((?P<ref>(?:Kamerstuk|kst)[^)]*)\)|\.(?:\s|$)|$)"
)
# Lines of the front matter after the title: the lijst's introduction and its signatures
# ("De voorzitter van de commissie,", "De griffier van de commissie,"), and a table of contents.
INTRODUCTION = re.compile(
    r"heeft een aantal vragen voorgelegd|Vragen en antwoorden zijn hierna afgedrukt"
    r"|^De (?:voorzitter|griffier|adjunct-griffier) van de commissie,?$",
    re.IGNORECASE,
)
CONTENTS = re.compile(r"^Inhoud(?:sopgave)?$", re.IGNORECASE)

# --- Labels of the lijst -------------------------------------------------------------------------

# The numbers a label covers: "1", "3, 4 en 5", "3-5", "3 t/m 5", "12a" (the letter is dropped).
_NUMBERS = r"\d{1,4}[a-z]?(?:(?:\s*,\s*|\s+en\s+|\s*[-–]\s*|\s+t/m\s+)\d{1,4}[a-z]?)*"
# A question label: "Vraag 1", "Vraag 1:", "Vraag nr. 12", "Vragen 3 en 4", alone on its line or
# before the question's text ("Vraag 1 Hoeveel …"). "Vraag:" without a number counts on.
QUESTION_LABEL = re.compile(
    r"^(?P<label>(?:Vraag|Vragen)(?:\s+(?:nr\.?|nummer))?(?:\s+(?P<numbers>" + _NUMBERS + r"))?"
    r"\s*[:.)]?)(?=\s|$)"
)
# A question number alone on its line: "1", "1.", "12" (the committee's numbering); "12a" is a
# question the committee added after 12 when the list was drawn up.
BARE_NUMBER = re.compile(r"^(?P<number>\d{1,4})(?P<letter>[a-z])?\.?$")
# A question number in the first cell of a table row (cells as the text step writes them):
# "2 | Welke maatregelen …? | 12 | 13".
ROW_NUMBER = re.compile(r"^(?P<number>\d{1,4})(?P<letter>[a-z])? \| ")
# A question number at the start of the question: "1. Hoeveel …?", "1 Hoeveel …?", "1) …",
# "12a. En hoeveel …?", "4. Één …" (a capital may carry an accent).
INLINE_NUMBER = re.compile(
    r"^(?P<label>(?P<number>\d{1,4})(?P<letter>[a-z])?[.)]?)\s+(?=[A-ZÀ-ÖØ-Þ‘“'\"(«„\[])"
)
# The same before any text ("4. in hoeverre …", "5. 2021 was …"), taken only where the paragraph's
# type sets it apart from the answer after it, and with its dot or parenthesis.
LOOSE_INLINE_NUMBER = re.compile(r"^(?P<label>(?P<number>\d{1,4})(?P<letter>[a-z])?[.)])\s+(?=\S)")
# An answer label: "Antwoord", "Antwoord:", "Antwoord 1", "Antwoord op vraag 1:", "Antwoorden op
# vragen 3 en 4", "Antwoord bij vraag 2", alone or before the answer's text.
ANSWER_LABEL = re.compile(
    r"^(?P<label>(?:Antwoord|Antwoorden)(?:\s+(?:op|bij)\s+(?:vraag|vragen))?"
    r"(?:\s+(?:nr\.?\s*)?(?P<numbers>" + _NUMBERS + r"))?\s*(?P<colon>[:.)])?)(?=\s|$)"
)
# An answer label that names who answers, alone on its line: "Antwoord van de minister",
# "Antwoord van de Staatssecretaris van Financiën:", "Antwoord kabinet:", "Reactie van het
# kabinet".
ANSWER_BY_LABEL = re.compile(
    r"^(?:Antwoord|Reactie)\s+(?:van\s+)?(?:de\s+|het\s+)?(?:[Mm]inister|[Ss]taatssecretaris"
    r"|[Kk]abinet|[Rr]egering|Algemene\s+Rekenkamer)"
    r"(?:\s+(?:van|voor)\s+[A-Z][^.?!:;]{0,70})?\s*:?$"
)
# A "Mededeling" alone on its line: the government announces how (or that) it will answer, instead
# of answering (Aanhangsel convention, also found in unlabelled documents).
ANNOUNCEMENT_LABEL = re.compile(r"^Mededeling:?$")
# The lines this family reads as structure, never page furniture (kamervragen.furniture): labels
# with their numbers ("Vraag 12", "Antwoord op vraag 3:"), a bare "Antwoord:" and "Mededeling". (A
# number alone is told from a page number by kamervragen.furniture: it does not count the pages.)
LABELS = (
    re.compile(r"^(?:Vraag|Vragen)(?:\s+(?:nr\.?|nummer))?\s+" + _NUMBERS + r"\b"),
    re.compile(
        r"^(?:Antwoord|Antwoorden)(?:\s+(?:op|bij)\s+(?:vraag|vragen))?\s+(?:nr\.?\s*)?"
        + _NUMBERS
        + r"\b"
    ),
    re.compile(r"^(?:Antwoord|Antwoorden)\s*:?$"),
    ANSWER_BY_LABEL,
    ANNOUNCEMENT_LABEL,
)

# A question number may skip this many numbers before it is taken for something else (a year, an
# amount): "1", "2", "4" is a gap, "1", "2", "2024" is not a question numbered 2024.
MAX_JUMP = 10
# At most this many paragraphs that could be question 1 are tried as the start of the list.
MAX_STARTS = 8

# A reference to another answer of the list, kept as text and linked: "Zie het antwoord op vraag
# 3.", "zie antwoord op vraag 4", "verwijzen we u naar ons antwoord op vraag 26", "zie vraag en
# antwoord 1", "Zie de antwoorden op de vragen 3 en 4", "zie vraag 5"; and as ministries write it
# in budget lists: "Zie antwoord vraag 12", "Zie de beantwoording van vraag 12", "Deze vraag is
# beantwoord bij vraag 12", "Voor het antwoord verwijs ik naar vraag 12", "vragen 12 tot en met
# 14". (A lettered number, "vraag 12a", stays text: it is not question 12.)
CROSS_REFERENCE = re.compile(
    r"(?P<text>(?:\b(?i:het|ons|mijn|onze|de)\s+)?\b(?i:antwoord(?:en)?)\s+(?:(?:op|bij)\s+)?"
    r"(?:de\s+)?(?i:vra(?:ag|gen))"
    r"|(?:\b(?i:de)\s+)?\b(?i:beantwoording)\s+(?:(?:van|bij)\s+)?(?:de\s+)?(?i:vra(?:ag|gen))"
    r"|\b(?i:vra(?:ag|gen))\s+en\s+antwoord(?:en)?"
    r"|(?:(?<=\b[Zz]ie\s)|(?<=\b[Zz]ie\sook\s)|(?<=\bnaar\s)|(?<=\bbeantwoord\sbij\s)"
    r"|(?<=\bbeantwoord\sin\s)|(?<=\bbeantwoord\sonder\s))vra(?:ag|gen))"
    r"\s+(?:nr\.\s*)?(?P<numbers>\d{1,4}"
    r"(?:(?:\s*,\s*|\s+en\s+|\s*[-–]\s*|\s+t/m\s+|\s+tot\s+en\s+met\s+)\d{1,4})*)"
    r"(?![\d\w])"
)

# --- Nota naar aanleiding van het verslag --------------------------------------------------------

# A quoted committee passage starts with the fractie that speaks:
#   "De leden van de VVD-fractie vragen …", "De leden van de GroenLinks-PvdA-fractie …",
#   "Het lid van de BBB-fractie …", "De leden van de fractie van de PVV …",
#   "De leden van de fracties van VVD en D66 …", "Ook de leden van de SP-fractie …",
#   "De VVD-fractie vraagt …"; and, continuing the fractie last named, "Deze leden vragen …",
#   "Dit lid …", "Zij vragen …".
_PARTY = r"[A-Z0-9][\w’'+\-]*?"
FRACTIE_QUESTION = re.compile(
    r"^(?i:(?:ook|tevens|voorts|verder|daarnaast|tot slot|ten slotte|tenslotte)\s+)?(?:"
    r"(?i:de\s+leden|het\s+lid)\s+van\s+de\s+(?P<a>" + _PARTY + r")-fractie\b"
    r"|(?i:de\s+leden|het\s+lid)\s+van\s+de\s+(?i:fracties?)\s+(?:van\s+(?:de\s+)?)?"
    r"(?P<b>[A-Z0-9][\w’'+\-]*(?:(?:,\s*|\s+en\s+)(?:de\s+)?[A-Z0-9][\w’'+\-]*)*)"
    r"|(?i:de)\s+(?P<c>"
    + _PARTY
    + r")-fractie\s+(?:vraagt|vragen|wil|verzoekt|merkt|constateert)\b"
    r"|(?P<same>(?i:deze\s+leden|dit\s+lid|zij\s+vragen|de\s+leden\s+vragen))\b)"
)
# In a nota whose passages are set in the reply's type, a paragraph right after a passage that
# says what "deze leden" ask is still the committee speaking: "Het wetsvoorstel regelt … Deze
# leden willen weten welke gegevens dat zijn.", "Dit lid vraagt ook …", "Zij verzoeken …".
PASSAGE_CONTINUES = re.compile(
    r"\b(?:[Dd]eze|[Dd]e)\s+leden\s+(?:van\s+de\s+\S+\s+)?(?:vragen|willen|verzoeken|wensen"
    r"|vernemen\s+graag|horen\s+graag|ontvangen\s+graag|zouden\s+graag)\b"
    r"|\b[Dd]it\s+lid\s+(?:vraagt|wil|verzoekt|wenst|verneemt\s+graag|hoort\s+graag)\b"
    r"|\b[Zz]ij\s+(?:vragen|willen\s+weten|verzoeken)\b"
)
# A section heading of a nota, short and without a sentence end: "1. Inleiding",
# "2.1 Verhouding tot ander beleid", "I. ALGEMEEN", "II ARTIKELSGEWIJS", "Artikel I, onderdeel A".
NUMBERED_HEADING = re.compile(
    r"^(?:(?P<roman>[IVX]{1,5})\.?|(?P<arabic>\d{1,2}(?:\.\d{1,2}){0,3})\.?)\s+[A-Z][^.?!;:]{0,100}$"
    r"|^Artikel\s+[\dIVXL]+[a-z]?(?:,\s*onderde(?:el|len)\s+\w+)?$"
)
# The signature that closes a nota: "De Minister van Justitie en Veiligheid,", then the name.
CLOSING = re.compile(
    r"^De\s+(?:Minister(?:-President)?|Staatssecretaris)\b[^.?!]*,$|^Namens de regering,?$"
)
# A heading is short and does not end as a sentence does.
HEADING_MAX = 150
# A numbered section heading of a letter, report or memorie van toelichting is shorter still
# ("2. Doel van het wetsvoorstel"), and asks nothing: a question printed without its question
# mark still has a question word or a request in it.
SECTION_HEADING_MAX = 80
ASKING = re.compile(
    r"\?|\b(?i:u|uw|kunt|kan|kunnen|wilt|wil|graag|hoe|hoeveel|hoezeer|wat|welke?|waarom|"
    r"wanneer|waar|waaruit|wie|hoeverre|toelichten|aangeven|verklaren|bevestigen|verduidelijken)\b"
)
SENTENCE_END = (".", "?", "!", ";", ",", ":")


# --- The parser -----------------------------------------------------------------------------------


def parse(text: Text, furniture: Sequence[str], *, family: model.Family) -> FamilyParse:
    """Front matter, questions and answers (in sections), and metadata of a document of
    ``family`` (``lijst``, ``nota`` or ``unknown``); see the module docstring."""
    paragraphs = text.paragraphs
    metadata = _metadata(text, family, furniture)
    result = None
    if family == "nota":
        result = _Nota(paragraphs).parse()
    if result is None:
        result = _Labelled(paragraphs).parse()
    if result is None:  # no questions: the structure step refuses the document
        return FamilyParse(metadata=metadata, front=_front(paragraphs), body=())
    start, body, anomalies = result
    if family == "lijst":
        # The list's title may open the body as the heading of its one section.
        lead = body[0].title if body and isinstance(body[0], model.Section) else None
        metadata = _lijst_metadata(metadata, paragraphs[:start], lead)
    body = link_cross_references(body)
    anomalies = [*anomalies, *_unrecognised(paragraphs, body)]
    return FamilyParse(
        metadata=metadata,
        front=_front(paragraphs[:start]),
        body=body,
        anomalies=tuple(anomalies),
    )


# Never silently wrong: when paragraphs outside the recognised questions look like questions (they
# end in "?", start with a question number, or are set in bold or italics before roman text) at
# least this many times, and more than twice as often as questions were recognised, the list was
# probably read wrong and the document says so.
UNRECOGNISED_MIN = 3


def _unrecognised(
    paragraphs: Sequence[TextParagraph], body: tuple[model.Node, ...]
) -> list[Anomaly]:
    """A warning when the text has far more question-like paragraphs than recognised questions."""
    questions = [node for node in model.walk(body) if isinstance(node, model.Question)]
    labelled: set[int] = set()  # layout lines that start a question block or any label
    for node in model.walk(body):
        if isinstance(node, model.Question):
            for block in node.blocks:
                if isinstance(block, model.ItemList):
                    labelled.update(item.line for item in block.items if item.line is not None)
                elif block.line is not None:
                    labelled.add(block.line)
        if isinstance(node, model.Question | model.Answer | model.Announcement) and node.label:
            labelled.add(node.label.line)  # type: ignore[arg-type]
    outside = [
        (index, paragraph)
        for index, paragraph in enumerate(paragraphs)
        if paragraph.line not in labelled and not paragraph.table
    ]
    signals = {
        "end in a question mark": [
            p for _, p in outside if p.text.rstrip("’”»)'\" ").endswith("?")
        ],
        "start with a number": [
            p for _, p in outside if INLINE_NUMBER.match(p.text) or QUESTION_LABEL.match(p.text)
        ],
        "are bold or italic before roman text": [
            p
            for index, p in outside
            if (p.bold or p.italic)
            and not _is_heading_like(p)
            and index + 1 < len(paragraphs)
            and not (paragraphs[index + 1].bold or paragraphs[index + 1].italic)
        ],
    }
    what, found = max(signals.items(), key=lambda item: len(item[1]))
    if len(found) < UNRECOGNISED_MIN or len(found) <= 2 * len(questions):
        return []
    recognised = len(questions)
    return [
        _anomaly(
            "unrecognised-questions",
            f"{len(found)} paragraphs outside the {recognised} recognised "
            f"question{'s' if recognised != 1 else ''} {what}, the first here: questions may "
            "have been missed",
            found[0],
        )
    ]


def link_cross_references(nodes: tuple[model.Node, ...]) -> tuple[model.Node, ...]:
    """Mark every reference to another answer of the list ("Zie het antwoord op vraag 3.") in
    the questions' and answers' text as a :class:`model.CrossRef`, when the list has a question
    with that number; the text stays as printed."""
    numbers = {
        number
        for node in model.walk(nodes)
        if isinstance(node, model.Question)
        for number in node.numbers
    }
    if not numbers:
        return nodes

    def content(items: tuple[model.Inline, ...]) -> tuple[model.Inline, ...]:
        result: list[model.Inline] = []
        for item in items:
            if isinstance(item, model.Ask):
                result.append(model.Ask(content(item.content)))  # type: ignore[arg-type]
            elif isinstance(item, str) and CROSS_REFERENCE.search(item):
                result.extend(_split_cross_references(item, numbers))
            else:
                result.append(item)
        return tuple(result)

    def block(item: model.Block) -> model.Block:
        if isinstance(item, model.Paragraph):
            return dataclasses.replace(item, content=content(item.content))
        if isinstance(item, model.ItemList):
            items = tuple(dataclasses.replace(i, content=content(i.content)) for i in item.items)
            return dataclasses.replace(item, items=items)
        if isinstance(item, model.Table):
            rows = tuple(tuple(content(cell) for cell in row) for row in item.rows)
            return dataclasses.replace(item, rows=rows)
        return item

    def node(item: model.Node) -> model.Node:
        if isinstance(item, model.Section):
            return dataclasses.replace(item, content=tuple(node(n) for n in item.content))
        if isinstance(item, model.Question | model.Answer):
            return dataclasses.replace(item, blocks=tuple(block(b) for b in item.blocks))
        return item

    return tuple(node(item) for item in nodes)


def _split_cross_references(text: str, numbers: set[int]) -> list[model.Inline]:
    parts: list[model.Inline] = []
    position = 0
    for match in CROSS_REFERENCE.finditer(text):
        named = parse_numbers(match.group("numbers"))
        if not named or named[0] not in numbers:
            continue
        if match.start() > position:
            parts.append(text[position : match.start()])
        parts.append(model.CrossRef(named, match.group(0)))
        position = match.end()
    if position < len(text):
        parts.append(text[position:])
    return parts


def _front(paragraphs: Sequence[TextParagraph]) -> tuple[model.Block, ...]:
    """Title lines (bold) as headings, the rest (introduction, signatures) as blocks."""
    blocks: list[model.Block] = []
    run: list[TextParagraph] = []
    for paragraph in paragraphs:
        if paragraph.bold:
            blocks.extend(build_blocks(run))
            run = []
            blocks.append(heading(paragraph))
        else:
            run.append(paragraph)
    blocks.extend(build_blocks(run))
    return tuple(blocks)


def _is_heading_like(paragraph: TextParagraph) -> bool:
    text = paragraph.text
    return 0 < len(text) <= HEADING_MAX and not text.endswith(SENTENCE_END) and not paragraph.table


def _is_section_heading(paragraph: TextParagraph) -> bool:
    """A numbered section heading's text ("Inleiding", "De krapte op de arbeidsmarkt"), not a
    question printed without a question mark ("in hoeverre is de regeling geëvalueerd", "Graag
    een overzicht van …", "Kunt u toelichten …")."""
    text = paragraph.text
    return (
        len(text) <= SECTION_HEADING_MAX
        and text[:1].isupper()
        and _is_heading_like(paragraph)
        and not ASKING.search(text)
    )


def _is_title_line(paragraph: TextParagraph) -> bool:
    text = paragraph.text
    return bool(
        DOSSIER_LINE.match(text)
        or DOCUMENT_NUMBER_LINE.match(text)
        or DOCUMENT_TYPE_LINE.match(text)
        or DATE_LINE.match(text)
        or INTRODUCTION.search(text)
    )


def _heading_level(text: str) -> int:
    """How deep a heading is: "I. ALGEMEEN" 1, "2. Doel" 2, "2.1 …" 3; unnumbered ones deepest
    (an all-capitals one at the top)."""
    match = NUMBERED_HEADING.match(text)
    if match and match.group("roman"):
        return 1
    if match and match.group("arabic"):
        return 2 + match.group("arabic").count(".")
    if text.isupper():
        return 1
    return 9


@dataclass(frozen=True, slots=True)
class _HeadingMark:
    """A section heading in the flat reading-order sequence, before sections are nested."""

    paragraph: TextParagraph
    level: int


_Entry = model.Node | _HeadingMark


def _nest(entries: Sequence[_Entry]) -> tuple[model.Node, ...]:
    """Turn the flat sequence of nodes and heading marks into nested sections (by level)."""
    root: list[model.Node] = []
    # The open sections: (level, heading paragraph, content so far).
    stack: list[tuple[int, TextParagraph, list[model.Node]]] = []

    def close() -> None:
        level, paragraph, content = stack.pop()
        section = model.Section(kind="section", heading=heading(paragraph), content=tuple(content))
        (stack[-1][2] if stack else root).append(section)

    for entry in entries:
        if isinstance(entry, _HeadingMark):
            while stack and stack[-1][0] >= entry.level:
                close()
            stack.append((entry.level, entry.paragraph, []))
        else:
            (stack[-1][2] if stack else root).append(entry)
    while stack:
        close()
    return tuple(root)


def _closing_start(paragraphs: Sequence[TextParagraph], start: int) -> int:
    """Where the closing signature begins ("De Minister van …," and the name), else the end."""
    for index in range(len(paragraphs) - 1, max(start, len(paragraphs) - 6) - 1, -1):
        if CLOSING.match(paragraphs[index].text):
            return index
    return len(paragraphs)


def _blocks(paragraphs: Sequence[TextParagraph], *, asks: bool = False) -> tuple[model.Block, ...]:
    return build_blocks(paragraphs, asks=asks)


def _anomaly(code: str, message: str, paragraph: TextParagraph) -> Anomaly:
    # The line is a layout line index; the structure step turns it into a line on the page.
    return Anomaly(code, message, page=paragraph.page, line=paragraph.line)


_Result = tuple[int, tuple[model.Node, ...], list[Anomaly]]


# --- Labelled layouts (lijst, unknown) ------------------------------------------------------------


@dataclass(slots=True)
class _Start:
    """A question or answer label found at the start of a paragraph."""

    kind: str  # "question", "answer" or "announcement"
    numbers: tuple[int, ...]
    label: TextParagraph | None  # the label's own paragraph, or the label split off the text
    rest: TextParagraph | None  # the text after the label in the same paragraph
    # How a question label is printed ("Vraag N", a bare number, a number before the text) and
    # in which type: the questions of one list are all printed alike.
    form: tuple[str, bool, bool] = ("", False, False)
    lettered: bool = False  # "12a": a question added after 12, not a second 12
    # The cells after the question's own in a table row ("12 | 13": the pages it is about).
    after: tuple[TextParagraph, ...] = ()


class _Labelled:
    """Numbered questions with (or without) answer labels; see the module docstring."""

    def __init__(self, paragraphs: Sequence[TextParagraph]) -> None:
        self.paragraphs = paragraphs
        self.answer_labels = any(self._answer(p) for p in paragraphs)
        # Without answer labels the answers are found by style or after the question mark, unless
        # a Mededeling says that the questions are not answered (yet).
        self.unlabelled_answers = not self.answer_labels and not any(
            ANNOUNCEMENT_LABEL.match(p.text) for p in paragraphs
        )

    # Labels, by what is printed.

    @staticmethod
    def _answer(paragraph: TextParagraph) -> _Start | None:
        if ANSWER_BY_LABEL.match(paragraph.text):
            return _Start("answer", (), paragraph, None)
        match = ANSWER_LABEL.match(paragraph.text)
        if not match:
            return None
        label, rest = split_paragraph(paragraph, match.end("label"))
        if rest is not None and not match.group("colon"):
            if not rest.text[:1].isupper():
                return None  # "Antwoord op de vraag …", "Antwoorden van …": running text
            if not match.group("numbers") and (
                match.group("label").startswith("Antwoorden")
                or (paragraph.bold and not paragraph.text.endswith(SENTENCE_END))
            ):
                # A title, not a label: "Antwoorden Algemene Rekenkamer bij vragen van de
                # Tweede Kamer over het rapport …" above a Rekenkamer's list.
                return None
        return _Start("answer", parse_numbers(match.group("numbers")), label, rest)

    def _question(
        self,
        index: int,
        last: int,
        answered: bool,
        form: tuple[str, bool, bool] | None = None,
    ) -> _Start | None:
        """A question label at paragraph ``index``, given the last question number so far,
        whether that question has had its answer label, and how the last question's number was
        printed (``form``)."""
        paragraph = self.paragraphs[index]
        text = paragraph.text
        match = QUESTION_LABEL.match(text)
        if match:
            numbers = parse_numbers(match.group("numbers")) or (last + 1,)
            label, rest = split_paragraph(paragraph, match.end("label"))
            if rest is not None and not (
                match.group("numbers") or text[match.end("label") - 1] == ":"
            ):
                return None  # "Vragen over …": running text
            if rest is not None and not match.group(0).endswith(":") and numbers[0] <= last:
                return None  # "Vraag 3 is eerder beantwoord …" inside an answer
            lettered = bool(re.fullmatch(r"\d{1,4}[a-z]", match.group("numbers") or ""))
            return _Start(
                "question",
                numbers,
                label,
                rest,
                _form("label", paragraph),
                lettered=lettered and numbers[0] == last,
            )
        match = BARE_NUMBER.match(text)
        if match:
            number = int(match.group("number"))
            if last < number <= last + MAX_JUMP or (match.group("letter") and number == last > 0):
                return _Start(
                    "question",
                    (number,),
                    paragraph,
                    None,
                    _form("bare", paragraph),
                    lettered=bool(match.group("letter")),
                )
            return None
        if paragraph.table:
            return self._row_question(index, last, answered)
        match = INLINE_NUMBER.match(text) or (
            not self.answer_labels and self._set_apart(index) and LOOSE_INLINE_NUMBER.match(text)
        )
        if not match:
            return None
        number = int(match.group("number"))
        lettered = bool(match.group("letter"))
        printed = _form("inline", paragraph)
        # The next number in sequence; or, printed exactly as the questions before it, a number
        # after a gap ("5", "7": a question withdrawn) or one with a letter ("12", "12a").
        in_sequence = number == last + 1 and not lettered
        if not in_sequence and not (
            last
            and form == printed
            and (number == last if lettered else last < number <= last + MAX_JUMP)
        ):
            return None
        if self.answer_labels:
            # A numbered list inside a question or an answer is not a run of questions: the
            # previous question must have been answered, and this one's answer label must come
            # before any other paragraph numbered like a question (after a gap, before any
            # numbered paragraph at all: the last item of a list is no question).
            if last and not answered:
                return None
            if not self._answer_follows(index, number, strict=not in_sequence):
                return None
        elif not in_sequence and not self._set_apart(index):
            return None  # a gap is taken only where the type sets the question apart
        elif form is not None and (form[0] != "inline" or form[1] or form[2]) and printed != form:
            # Where the questions are labelled ("Vraag 2") or set apart by their type (bold,
            # italic), a numbered paragraph printed otherwise is an item of a list in an answer,
            # even when it asks ("3. Wat is het effect op de doelgroep?").
            return None
        elif "?" not in text and not self._set_apart(index):
            # Without answer labels a numbered paragraph is a question when it asks, or when
            # its type sets it apart from the (unlabelled) answer after it: "3. <bold text>"
            # followed by roman text, as the Algemene Rekenkamer prints its answers.
            return None
        label, rest = split_paragraph(paragraph, match.end("label"))
        return _Start("question", (number,), label, rest, printed, lettered=lettered)

    def _row_question(self, index: int, last: int, answered: bool) -> _Start | None:
        """A question printed as a table row, as budget lists print them: "Nr | Vraag | Bijlage |
        Blz. (van) | (t/m)", then per question "2 | Welke … verminderen? | 12 | 13" and the answer
        below the row. The number cell is the label, the next cell the question, the cells after
        it (the pages it is about) stay with the question as a row of their own."""
        paragraph = self.paragraphs[index]
        cells = paragraph.text.split(" | ")
        match = BARE_NUMBER.fullmatch(cells[0])
        if not match or len(cells) < 2 or not cells[1][:1].isupper():
            return None
        number = int(match.group("number"))
        lettered = bool(match.group("letter"))
        if not (last < number <= last + MAX_JUMP or (lettered and number == last > 0)):
            return None
        if self.answer_labels and (
            (last and not answered) or not self._answer_follows(index, number)
        ):
            return None
        label, rest = split_paragraph(paragraph, len(cells[0]))
        # The " | " between cells is no text of the PDF: the rest is cut at the cells.
        _, rest = split_paragraph(rest, 1) if rest else (None, None)
        if rest is None:
            return None
        after: tuple[TextParagraph, ...] = ()
        if len(cells) > 2:
            question, pages = split_paragraph(rest, len(cells[1]))
            _, pages = split_paragraph(pages, 1) if pages else (None, None)
            rest, after = question, (pages,) if pages else ()
        rest = dataclasses.replace(rest, table=False)
        return _Start(
            "question",
            (number,),
            label,
            rest,
            _form("row", paragraph),
            lettered=lettered,
            after=after,
        )

    def _answer_follows(self, index: int, number: int, *, strict: bool = False) -> bool:
        """Whether an answer label follows before any paragraph numbered ``number`` or later
        (``strict``: before any numbered paragraph)."""
        for paragraph in self.paragraphs[index + 1 :]:
            if self._answer(paragraph):
                return True
            printed = _printed_numbers(paragraph.text)
            if any(n >= number for n in printed) or (strict and printed):
                return False
        return False

    def _set_apart(self, index: int) -> bool:
        """Whether the paragraph at ``index`` is set in bold or italic and the next one is not:
        a question printed in another weight or style than the answer that follows it."""
        paragraph = self.paragraphs[index]
        if not (paragraph.bold or paragraph.italic) or index + 1 >= len(self.paragraphs):
            return False
        following = self.paragraphs[index + 1]
        return (following.bold, following.italic) != (paragraph.bold, paragraph.italic)

    # The parse.

    def parse(self) -> _Result | None:
        """The run of numbered questions that best explains the document.

        A question number starts a paragraph and runs in sequence. Where more than one paragraph
        could be question 1 (a covering letter's "BIJLAGE(N) 1", a numbered list in the
        introduction), each is tried as the start of the run: the longest run wins, and between
        runs of the same length the one whose labels are printed most alike (the same form, the
        same type) does.
        """
        firsts = [
            index
            for index in range(len(self.paragraphs))
            if (found := self._question(index, 0, False)) is not None and found.numbers[0] == 1
        ][:MAX_STARTS]
        best: tuple[tuple[int, int, int], dict[int, _Start]] | None = None
        for begin in firsts or [0]:
            starts = self._scan(begin)
            if self.unlabelled_answers and not self._plausible(starts):
                continue
            questions = [start for start in starts.values() if start.kind == "question"]
            forms = Counter(start.form for start in questions)
            score = (_in_order(questions), max(forms.values(), default=0), -begin)
            if best is None or score > best[0]:
                best = (score, starts)
        return self._parse(best[1]) if best is not None else None

    def _plausible(self, starts: dict[int, _Start]) -> bool:
        """Whether a run of numbered paragraphs without answer labels reads as questions with
        their answers. A letter, a report or an explanatory memorandum numbers its section
        headings ("1. Inleiding", "2. Scholing": bold, short, no sentence) and its lists;
        in a real list most numbered paragraphs ask something and are followed by an answer.
        The run is not a list when more than half of its paragraphs are headings or have no
        answer."""
        indices = sorted(starts)
        questions = [index for index in indices if starts[index].kind == "question"]
        bad = 0
        for index in questions:
            start = starts[index]
            following = next((i for i in indices if i > index), len(self.paragraphs))
            content = [start.rest, *start.after] if start.rest else []
            content += self.paragraphs[index + 1 : following]
            asked = content[0] if content else None
            if (asked is not None and _is_section_heading(asked)) or _unlabelled_split(
                content
            ) >= len(content):
                bad += 1
        return 2 * bad <= len(questions)

    def _scan(self, begin: int) -> dict[int, _Start]:
        """Question and answer labels, reading questions from paragraph ``begin`` on."""
        paragraphs = self.paragraphs
        starts: dict[int, _Start] = {}
        last, answered = 0, False
        form: tuple[str, bool, bool] | None = None
        for index in range(len(paragraphs)):
            found = self._question(index, last, answered, form) if index >= begin else None
            if found:
                starts[index] = found
                last, answered, form = max(found.numbers), False, found.form
            elif found := self._answer(paragraphs[index]):
                starts[index] = found
                answered = True
            elif starts and ANNOUNCEMENT_LABEL.match(paragraphs[index].text):
                starts[index] = _Start("announcement", (), paragraphs[index], None)
        return starts

    def _parse(self, starts: dict[int, _Start]) -> _Result | None:
        paragraphs = self.paragraphs
        questions = [index for index, start in starts.items() if start.kind == "question"]
        if not questions:
            return None
        first = min(starts)  # an answer label before the first question is reported, not hidden
        # Section headings: a run of bold, heading-like paragraphs right before a question (a
        # heading and its subheading). Before the first question, such a run is the title block
        # unless running text (the introduction) comes between.
        headings: set[int] = set()
        for index in questions:
            run: list[int] = []
            before = index - 1
            while (
                before >= 0
                and before not in starts
                and paragraphs[before].bold
                and _is_heading_like(paragraphs[before])
                and not _is_title_line(paragraphs[before])
            ):
                run.append(before)
                before -= 1
            if (
                run
                and index == questions[0]
                and not any(not p.bold for p in paragraphs[: min(run)])
            ):
                run = []
            headings.update(run)
        start = min([first, *headings])
        end = _closing_start(paragraphs, start)
        return self._build(start, end, starts, headings)

    def _build(
        self, start: int, end: int, starts: dict[int, _Start], headings: set[int]
    ) -> _Result:
        paragraphs = self.paragraphs
        entries: list[_Entry] = []
        anomalies: list[Anomaly] = []
        # The node being filled: kind, numbers, label paragraph, its paragraphs.
        current: tuple[str, tuple[int, ...], TextParagraph | None, list[TextParagraph]] | None = (
            None
        )
        question_numbers: tuple[int, ...] = ()
        has_answer = False
        previous_last = 0
        # A question printed as a table row: its paragraphs (the question and the pages it is
        # about) by its label; what follows the row is its answer.
        rows: dict[TextParagraph | None, int] = {
            found.label: 1 + len(found.after)
            for found in starts.values()
            if found.form[0] == "row" and found.rest is not None
        }

        def flush() -> None:
            nonlocal current
            if current is None:
                return
            kind, numbers, label, content = current
            label_heading = heading(label) if label is not None else None
            if kind == "question":
                if not content:
                    anomalies.append(
                        _anomaly(
                            "empty-question", f"question {_numbers(numbers)} has no text", label
                        )
                    )
                if self.unlabelled_answers:
                    entries.extend(
                        self._split_unlabelled(numbers, label_heading, content, rows.get(label))
                    )
                else:
                    entries.append(
                        model.Question(
                            id="",
                            numbers=numbers,
                            blocks=_blocks(content, asks=True),
                            label=label_heading,
                        )
                    )
            elif kind == "answer":
                entries.append(
                    model.Answer(
                        id="",
                        numbers=numbers,
                        questions=(),
                        blocks=_blocks(content),
                        label=label_heading,
                    )
                )
            elif kind == "announcement":
                entries.append(model.Announcement(blocks=_blocks(content), label=label_heading))
            else:
                entries.extend(_blocks(content))
            current = None

        for index in range(start, end):
            paragraph = paragraphs[index]
            found = starts.get(index)
            if index in headings:
                flush()
                entries.append(_HeadingMark(paragraph, _heading_level(paragraph.text)))
            elif found is not None and found.kind == "question":
                flush()
                if found.numbers[0] != previous_last + 1 and not (
                    found.lettered and found.numbers[0] == previous_last
                ):
                    anomalies.append(
                        _anomaly(
                            "numbering-jump",
                            f"question {_numbers(found.numbers)} follows question {previous_last}"
                            if previous_last
                            else f"the first question is numbered {_numbers(found.numbers)}",
                            paragraph,
                        )
                    )
                previous_last = max(previous_last, *found.numbers)
                question_numbers, has_answer = found.numbers, False
                current = (
                    "question",
                    found.numbers,
                    found.label,
                    [found.rest, *found.after] if found.rest else [],
                )
            elif found is not None and found.kind == "announcement":
                flush()
                current = ("announcement", (), found.label, [])
            elif found is not None:
                flush()
                numbers = found.numbers or question_numbers
                if not numbers:
                    anomalies.append(
                        _anomaly(
                            "answer-without-question",
                            f"answer label {found.label.text!r} comes before any question",
                            paragraph,
                        )
                    )
                elif has_answer and not found.numbers:
                    anomalies.append(
                        _anomaly(
                            "duplicate-answer",
                            f"question {_numbers(numbers)} has a second answer label",
                            paragraph,
                        )
                    )
                has_answer = True
                current = ("answer", numbers, found.label, [found.rest] if found.rest else [])
            else:
                if current is None or self._heads_row(index, starts):
                    # A table's head row repeated over a question printed as a row ("Nr | Vraag |
                    # …") stands between the answer before it and the question.
                    flush()
                    current = ("blocks", (), None, [])
                current[3].append(paragraph)
        flush()
        return start, _nest(entries) + _blocks(paragraphs[end:]), anomalies

    def _heads_row(self, index: int, starts: dict[int, _Start]) -> bool:
        """Whether the paragraph at ``index`` is a table row right before a question printed as
        a table row: the table's head ("Nr | Vraag | Bijlage | Blz. (van) | (t/m)")."""
        found = starts.get(index + 1)
        return (
            self.paragraphs[index].table
            and found is not None
            and found.kind == "question"
            and found.form[0] == "row"
        )

    @staticmethod
    def _split_unlabelled(
        numbers: tuple[int, ...],
        label: model.Heading | None,
        content: list[TextParagraph],
        split: int | None = None,
    ) -> list[model.Node]:
        """A question and its unlabelled answer (see :func:`_unlabelled_split`; ``split``: where
        the answer starts when the question's extent is known, a row of a table)."""
        split = _unlabelled_split(content) if split is None else split
        nodes: list[model.Node] = [
            model.Question(
                id="", numbers=numbers, blocks=_blocks(content[:split], asks=True), label=label
            )
        ]
        if split < len(content):
            nodes.append(
                model.Answer(id="", numbers=numbers, questions=(), blocks=_blocks(content[split:]))
            )
        return nodes


def _in_order(questions: Sequence[_Start]) -> int:
    """How many of the questions carry a number after the one before ("12a" after 12 too): a
    run that starts at a list inside an answer ("1. …?", "2. …?", "3. …?") and then meets the
    list's own "Vraag 2" goes back, and counts those questions once."""
    count, last = 0, 0
    for start in questions:
        if start.numbers and (start.numbers[0] > last or start.lettered):
            count += 1
        last = max(last, *start.numbers)
    return count


def _unlabelled_split(content: Sequence[TextParagraph]) -> int:
    """Where an unlabelled answer starts in the paragraphs after a question number: where the
    type style changes, else after the first paragraph that ends in a question mark, else (a
    request printed in the answer's type: "Kunt u toelichten … brengt.") after the first
    paragraph; the end when there is only one (no answer)."""
    if not content:
        return 0
    style = (content[0].bold, content[0].italic)
    change = next((i for i, p in enumerate(content) if (p.bold, p.italic) != style), None)
    if change is not None and (style != (False, False)):
        return change
    asking = next(
        (i for i, p in enumerate(content) if p.text.rstrip("’”»)'\"").endswith("?")),
        None,
    )
    return asking + 1 if asking is not None else min(1, len(content))


def _form(kind: str, paragraph: TextParagraph) -> tuple[str, bool, bool]:
    return kind, paragraph.bold, paragraph.italic


def _numbers(numbers: tuple[int, ...]) -> str:
    return ", ".join(map(str, numbers))


def _printed_numbers(text: str) -> tuple[int, ...]:
    """The numbers of a question label at the start of ``text``, whatever its form."""
    if match := QUESTION_LABEL.match(text):
        return parse_numbers(match.group("numbers"))
    if match := BARE_NUMBER.match(text) or INLINE_NUMBER.match(text) or ROW_NUMBER.match(text):
        return (int(match.group("number")),)
    return ()


# --- Nota naar aanleiding van het verslag ---------------------------------------------------------


class _Nota:
    """Sections in which committee passages (questions) are followed by answers."""

    def __init__(self, paragraphs: Sequence[TextParagraph]) -> None:
        self.paragraphs = paragraphs
        # When the document sets the committee's passages in italics, italics decide; otherwise
        # the fractie phrase that opens a passage does.
        self.italic = any(
            p.italic and not p.bold and FRACTIE_QUESTION.match(p.text) for p in paragraphs
        )
        # Some set them in bold instead: then bold decides (headings, short and without a
        # sentence, are told apart first).
        opening = [
            p for p in paragraphs if FRACTIE_QUESTION.match(p.text) and not _is_heading_like(p)
        ]
        self.bold = (
            not self.italic
            and bool(opening)
            and 2 * sum(p.bold for p in opening) > len(opening)
            and any(not p.bold and not _is_heading_like(p) for p in paragraphs)
        )
        self.bold_headings = any(
            p.bold and _is_heading_like(p) and NUMBERED_HEADING.match(p.text) for p in paragraphs
        )

    def _heading(self, paragraph: TextParagraph) -> bool:
        if not _is_heading_like(paragraph) or FRACTIE_QUESTION.match(paragraph.text):
            return False
        # Where headings are set in bold, a roman numbered line ("1. Gemeenten") is a list item.
        return paragraph.bold or (
            not self.bold_headings and bool(NUMBERED_HEADING.match(paragraph.text))
        )

    def _committee(self, paragraph: TextParagraph) -> bool:
        if self.italic:
            return paragraph.italic
        if self.bold:
            return paragraph.bold
        return bool(FRACTIE_QUESTION.match(paragraph.text))

    def parse(self) -> _Result | None:
        paragraphs = self.paragraphs
        # The title block (dossier, number and type, date) is front matter, never a section.
        title_end = 0
        while title_end < len(paragraphs) and _is_title_line(paragraphs[title_end]):
            title_end += 1
        is_heading = [i >= title_end and self._heading(p) for i, p in enumerate(paragraphs)]
        committee = [
            i >= title_end and not is_heading[i] and self._committee(p)
            for i, p in enumerate(paragraphs)
        ]
        if not any(committee):
            return None
        start = next(i for i in range(len(paragraphs)) if is_heading[i] or committee[i])
        start = self._after_contents(start)
        end = _closing_start(paragraphs, start)
        return start, *self._build(start, end, is_heading, committee)

    def _after_contents(self, start: int) -> int:
        """Past a table of contents: its entries repeat the headings that follow it."""
        paragraphs = self.paragraphs
        contents = next((i for i in range(start + 1) if CONTENTS.match(paragraphs[i].text)), None)
        if contents is None:
            return start
        index = contents + 1
        while index < len(paragraphs):
            key = _entry_key(paragraphs[index].text)
            if not key or key not in {_entry_key(p.text) for p in paragraphs[index + 1 :]}:
                break
            index += 1
        return max(start, index)

    def _build(
        self, start: int, end: int, is_heading: list[bool], committee: list[bool]
    ) -> tuple[tuple[model.Node, ...], list[Anomaly]]:
        paragraphs = self.paragraphs
        entries: list[_Entry] = []
        number = 0
        party: str | None = None  # the fractie last named
        asking: str | None = None  # the fractie of the question being filled
        pending: list[int] = []  # questions since the last answer: a collective answer answers all
        kind: str | None = None  # what is being filled: "question", "answer" or None (blocks)
        content: list[TextParagraph] = []

        def flush() -> None:
            nonlocal content
            if kind == "question":
                entries.append(
                    model.Question(
                        id="", numbers=(number,), blocks=_blocks(content, asks=True), party=asking
                    )
                )
            elif kind == "answer":
                entries.append(
                    model.Answer(
                        id="", numbers=tuple(pending), questions=(), blocks=_blocks(content)
                    )
                )
                pending.clear()
            else:
                entries.extend(_blocks(content))
            content = []

        for index in range(start, end):
            paragraph = paragraphs[index]
            if is_heading[index]:
                flush()
                kind = None
                pending.clear()  # an answer never reaches back over a heading
                entries.append(_HeadingMark(paragraph, _heading_level(paragraph.text)))
                continue
            asks = committee[index] or (
                kind == "question"
                and not self.italic
                and not self.bold
                and (
                    paragraph.text.rstrip("’”»)'\"").endswith("?")
                    or bool(PASSAGE_CONTINUES.search(paragraph.text))
                )
            )
            if not asks:
                if kind == "question":
                    flush()
                    kind = "answer"
                content.append(paragraph)
                continue
            match = FRACTIE_QUESTION.match(paragraph.text)
            named = match is not None and not match.group("same")
            if named:
                party = match.group("a") or match.group("b") or match.group("c")
            if kind != "question" or (named and party != asking):
                # A new question; another fractie speaking starts one even without an answer
                # between (the government often answers several fracties at once).
                flush()
                number += 1
                pending.append(number)
                kind, asking = "question", party
            content.append(paragraph)
        flush()
        return _nest(entries) + _blocks(paragraphs[end:]), []


def _entry_key(text: str) -> str:
    """A heading as a table of contents lists it: without a trailing page number or dot leader."""
    return re.sub(r"(?:\s*\|)?[\s.…]*\d*$", "", text).strip().lower()


# --- The covering letter --------------------------------------------------------------------------

# A letter's salutation, which ends its head: "Geachte voorzitter,", "Geachte heer Bosman,".
SALUTATION = re.compile(r"^(?:Zeer\s+)?(?:Hoog)?[Gg]eachte\b.{0,80},$")
# The addressee of a letter: "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal", before
# the postal address ("Postbus 20018", "2500 EA Den Haag").
RECIPIENT = re.compile(
    r"^Aan\s+(?P<recipient>.+?)(?=\s+(?:Postbus\b|Binnenhof\b|\d{4}\s?[A-Z]{2}\b)|$)"
)
# The labels of a letter's head, in capitals (letter-spaced ones already restored by the read
# stage) anywhere in a paragraph, since a second column may share the line ("DATUM 7 juni 2022
# ONS KENMERK"), or in title case at the start ("Datum 7 juni 2022", "Betreft: …").
LETTER_FIELDS = {
    "date": ("DATUM", "Datum"),
    "reference": (
        "ONS KENMERK",
        "ONZE REFERENTIE",
        "KENMERK",
        "Ons kenmerk",
        "Onze referentie",
        "Kenmerk",
    ),
    "subject": ("BETREFT", "ONDERWERP", "Betreft", "Onderwerp"),
    "enclosures": ("BIJLAGE(N)", "BIJLAGEN", "BIJLAGE", "Bijlage(n)", "Bijlagen", "Bijlage"),
    "": (
        "UW KENMERK",
        "UW BRIEF VAN",
        "UW BRIEF",
        "CONTACTPERSOON",
        "DOORKIESNUMMER",
        "INLICHTINGEN",
        "TELEFOON",
        "POSTADRES",
        "BEZOEKADRES",
        "RETOURADRES",
        "AFSCHRIFT",
        "Uw kenmerk",
        "Uw brief van",
        "Uw brief",
        "Contactpersoon",
        "Doorkiesnummer",
    ),
}
_FIELD_OF = {name: field for field, names in LETTER_FIELDS.items() for name in names}
LETTER_LABEL = re.compile(
    r"(?<![\w(])(?:"
    + "|".join(
        re.escape(name) for name in sorted(_FIELD_OF, key=len, reverse=True) if name.isupper()
    )
    + r")(?![\w)])"
    + r"|^(?:"
    + "|".join(re.escape(n) for n in sorted(_FIELD_OF, key=len, reverse=True) if not n.isupper())
    + r")\b:?"
)
# A paragraph this far right of the body's left edge stands in the letter's right column.
RIGHT_COLUMN = 150.0


def _letter(paragraphs: Sequence[TextParagraph]) -> model.Letter | None:
    """The covering letter in the front matter: its head (the labelled fields, in one or two
    columns, a value continuing on the next lines of its column), the addressee, the salutation
    and the signatories after the letter's last sentence. None without a salutation."""
    salutation = next((i for i, p in enumerate(paragraphs) if SALUTATION.match(p.text)), None)
    if salutation is None:
        return None
    fields: dict[str, list[str]] = {}
    last: dict[str, str] = {}  # column -> the field being filled there
    recipient = None
    for paragraph in paragraphs[:salutation]:
        text = paragraph.text
        if recipient is None and (match := RECIPIENT.match(text)):
            recipient = match.group("recipient")
            continue
        column = "right" if paragraph.indent > RIGHT_COLUMN else "left"
        found = list(LETTER_LABEL.finditer(text))
        if not found:
            if column in last:
                fields[last[column]].append(text)
            continue
        if found[0].start() > 0 and column in last:
            fields[last[column]].append(text[: found[0].start()])
        for number, match in enumerate(found):
            end = found[number + 1].start() if number + 1 < len(found) else len(text)
            where = column if number == 0 else "right"
            label = match.group(0).rstrip(":")
            key = f"{_FIELD_OF.get(label, '')}#{len(fields)}"
            fields[key] = [text[match.end() : end]]
            last[where] = key
    values: dict[str, str] = {}
    for key, parts in fields.items():
        field = key.split("#")[0]
        value = " ".join(" ".join(parts).split()).lstrip(": ")
        if field and value and field not in values:
            values[field] = value
    # The signatories: after the letter's last sentence, short lines that end none.
    signatories: list[str] = []
    for paragraph in paragraphs[salutation + 1 :]:
        if paragraph.bold:
            break  # the list's title
        if paragraph.text.endswith((".", "!", "?", ":")) or len(paragraph.text) > 100:
            signatories = []
        else:
            signatories.append(paragraph.text)
    date = parse_date(values["date"]) if "date" in values else None
    return model.Letter(
        date=date,
        reference=values.get("reference"),
        subject=values.get("subject"),
        recipient=recipient,
        enclosures=values.get("enclosures"),
        salutation=paragraphs[salutation].text,
        signatories=tuple(signatories),
    )


# --- Metadata -------------------------------------------------------------------------------------


def _metadata(text: Text, family: model.Family, furniture: Sequence[str]) -> model.Metadata:
    metadata = base_metadata(text, family, furniture)
    values: dict[str, object] = {}
    for index, paragraph in enumerate(text.paragraphs[:TITLE_AREA]):
        line = paragraph.text
        if "dossier" not in values and (match := DOSSIER_LINE.match(line)):
            values["dossier"] = normalise_dossier(match.group("dossier"))
            values["title"] = match.group("title")
            following = text.paragraphs[index + 1] if index + 1 < len(text.paragraphs) else None
            if (
                following is not None
                and paragraph.bold
                and following.bold
                and TITLE_CONTINUES.search(line)
                and not _is_title_line(following)
            ):
                # The title set over two lines: "… bij het Ministerie van" / "Veiligheid en
                # Justitie".
                values["title"] = f"{match.group('title')} {following.text}"
        elif "document_number" not in values and (match := DOCUMENT_NUMBER_LINE.match(line)):
            values["document_number"] = match.group("number")
            if match.group("type"):
                values["document_type"] = match.group("type")
        elif "document_type" not in values and DOCUMENT_TYPE_LINE.match(line):
            values["document_type"] = line
        elif "date" not in values and (match := DATE_LINE.match(line)):
            date = parse_date(match.group("date"))
            if date is not None:
                values["date"] = date
        if "committee" not in values and (match := COMMITTEE.search(line)):
            values["committee"] = match.group("committee")
        if "addressees" not in values and (match := ADDRESSEES.search(line)):
            offices = [
                found.group("office")
                for part in ADDRESSEE_SEPARATOR.split(match.group("addressees"))
                if (found := OFFICE.match(part.strip()))
            ]
            if offices:
                values["addressees"] = tuple(offices)
    return dataclasses.replace(metadata, **values)  # type: ignore[arg-type]


def _kamerstuk(printed: str) -> model.DocumentRef:
    """ "Kamerstuk 33 930 VI, nr. 1" or "Kamerstuk 33 523" (a dossier without a number)."""
    found = find_references(printed)
    if found:
        return found[0].ref
    match = re.search(
        r"(?P<dossier>\d{2}\s?\d{3}(?:-[A-Z0-9]{1,3})?(?:\s+[IVXLC]{1,5}\b)?)", printed
    )
    dossier = normalise_dossier(match.group("dossier")) if match else None
    return model.DocumentRef(text=printed, kind="kamerstuk", dossier=dossier)


def _lijst_metadata(
    metadata: model.Metadata, front: Sequence[TextParagraph], lead: str | None = None
) -> model.Metadata:
    """What the front matter says about the list: the covering letter, the report the questions
    are about, who answered, and the committee and date when the title block has none."""
    values: dict[str, object] = {}
    letter = _letter(front)
    letter_date = letter.date if letter is not None else None
    for paragraph in front:
        line = paragraph.text
        if "committee" not in values and metadata.committee is None:
            if match := COMMITTEE.search(line):
                values["committee"] = match.group("committee")
        if "report" not in values and (match := REPORT.search(line)):
            values["report"] = match.group("report")
            if match.group("ref"):
                values["report_ref"] = _kamerstuk(match.group("ref"))
        if "answered_by" not in values and (match := ANSWERED_IN_LETTER.search(line)):
            values["answered_by"] = match.group("who")
            if match.group("date") and letter_date is None:
                letter_date = parse_date(match.group("date"))
    if letter is not None and letter.signatories and "answered_by" not in values:
        values["answered_by"] = letter.signatories[0].rstrip(",")
    if letter is not None or letter_date is not None:
        letter = dataclasses.replace(letter or model.Letter(), date=letter_date)
        values["letter"] = letter
    if metadata.date is None and letter_date is not None:
        values["date"] = letter_date
    if metadata.title is None:
        # The list's own title ("Antwoorden Algemene Rekenkamer bij vragen van de Tweede Kamer
        # over het rapport …"): the bold lines after the letter; else what the letter concerns.
        salutation = next((i for i, p in enumerate(front) if SALUTATION.match(p.text)), None)
        title = [
            p.text
            for p in front[(salutation or 0) + 1 :]
            if p.bold and not p.text.endswith(SENTENCE_END)
        ]
        if salutation is not None and title:
            values["title"] = " ".join(title)
        elif salutation is not None and lead:
            values["title"] = lead
        elif letter is not None and letter.subject:
            values["title"] = letter.subject
    if not metadata.addressees and "answered_by" in values and letter is not None:
        # "… de vragen die de vaste commissie … ons heeft voorgelegd": put to the sender.
        values["addressees"] = (values["answered_by"],)
    return dataclasses.replace(metadata, **values)  # type: ignore[arg-type]


__all__ = ["parse"]
