"""Antwoorden op Kamervragen: the Aanhangsel van de Handelingen.

An Aanhangsel document prints, after its masthead ("Vergaderjaar 2023–2024 Aanhangsel van de
Handelingen", the large document number and the identifier "ah-tk-20232024-1481", all page
furniture):

1. the questions header: "Vragen van het lid Koekkoek (Volt) aan de Staatssecretarissen van … en
   van … over … (ingezonden 12 februari 2024).";
2. the answer header: "Antwoord van Staatssecretaris Van Huffelen (Binnenlandse Zaken en
   Koninkrijksrelaties), mede namens … (ontvangen 11 april 2024).", often followed by "Zie ook
   Aanhangsel Handelingen, vergaderjaar 2023–2024, nr. 1137."; or, when the questions are not
   answered one by one, "Mededeling van Minister … (ontvangen …).";
3. blocks, each under a label on its own line: "Vraag 1", "Antwoord 1", combined labels
   ("Vraag 3, 4 en 5", "Antwoord 5 en 6" after separately labelled questions 5 and 6), "Antwoord op
   vraag 2", and in the Mededeling variant a final "Mededeling" block.

The headers become the front matter and the metadata; the labelled blocks become a flat body of
:class:`~kamervragen.model.Question`, :class:`~kamervragen.model.Answer` and
:class:`~kamervragen.model.Announcement`. Older documents without labels, whose questions and
answers are numbered "1", "2" … with the answer header between them, are read too.

Every paragraph lands in the model exactly once. The only paragraphs that are cut are a combined
question's ("Vraag 2 en 3" printed as one paragraph) when the boundary between its questions is
unambiguous; the two parts together are the paragraph's text.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from kamervragen import blocks, model
from kamervragen.errors import Anomaly
from kamervragen.families import FamilyParse, base_metadata
from kamervragen.references import find_references, parse_date, parse_numbers
from kamervragen.text import Text, TextParagraph, split_paragraph

# --- Dutch conventions --------------------------------------------------------------------------

# The questions header:
#   "Vragen van het lid Koekkoek (Volt) aan de Staatssecretarissen van Volksgezondheid, Welzijn en
#    Sport en van Binnenlandse Zaken en Koninkrijksrelaties over de (toegang tot) zorg voor … (ingezonden
#    12 februari 2024).",
#   "Vragen van de leden Sneller (D66), Chakor (GroenLinks-PvdA) en Van Nispen (SP) aan de Minister van …".
# Older documents print "inzake" for "over" and the date after a full stop: "… over het
# lerarentekort. (Ingezonden 3 oktober 2008)", "Antwoord van Minister … (Financiën). (Ontvangen
# 11 maart 2008)"; the Eerste Kamer prints "Vragen gesteld door het lid Nicolaï (PvdD) aan de
# Minister van …".
QUESTIONS_HEADER = re.compile(
    r"Vragen\s+(?:van|gesteld\s+door)\s+(?:het\s+lid|de\s+leden)\s+(?P<members>.+?)"
    r"\s+aan\s+(?P<addressees>.+?)"
    r"\s+(?:over|inzake|omtrent)\s+(?P<subject>.+?)\s*\.?\s*\(\s*ingezonden\s+(?P<submitted>[^()]*?)\s*\)",
    re.IGNORECASE | re.DOTALL,
)
# The answer header, or the Mededeling variant (with "(ontvangen" doubled as printed in ah-tk-20232024-1999):
#   "Antwoord van Minister Schippers (Volksgezondheid, Welzijn en Sport) (ontvangen 26 november 2014).",
#   "Antwoord van Staatssecretaris Van Huffelen (…), mede namens de Staatssecretarissen van … en van …
#    (ontvangen 11 april 2024).",
#   "Mededeling van Minister De Jonge (…) (ontvangen (ontvangen 7 juni 2024)."
ANSWER_HEADER = re.compile(
    r"(?P<type>Antwoord|Mededeling)\s+van\s+(?P<by>.+?)"
    r"(?:\s*,?\s+mede\s+namens\s+(?P<behalf>.+?))?"
    r"\s*\.?\s*\(\s*ontvangen\s+(?:\(\s*ontvangen\s+)?(?P<received>[^()]*?)\s*\)",
    re.IGNORECASE | re.DOTALL,
)
# Where a header paragraph starts ("Antwoord van …" also inside a paragraph, after "Vragen van …").
QUESTIONS_HEADER_START = re.compile(
    r"^Vragen\s+(?:van|gesteld\s+door)\s+(?:het\s+lid|de\s+leden)\b", re.IGNORECASE
)
ANSWER_HEADER_START = re.compile(r"^(?:Antwoord|Mededeling)\s+van\s+\S", re.IGNORECASE)
# "Zie ook Aanhangsel Handelingen, vergaderjaar 2023–2024, nr. 1137." – the final period is not part of
# the reference ("… 2014–2015, nr. 403" is printed without one).
SEE_ALSO = re.compile(r"\bZie\s+ook\s+(?P<refs>.+?)\s*\.?\s*$", re.DOTALL)

# A block label on its own line: "Vraag 1", "Vragen 2 en 3", "Vraag 3, 4 en 5", "Vraag 7, 8, 9 10 en 11"
# (a comma missing, as printed in a real document), "Vraag 3 t/m 5", "Antwoord 5 en 6",
# "Antwoord op vraag 2", "Antwoord op de vragen 2 en 3", "Vraag 1:", "Mededeling", and a bare
# "Antwoord" (answering the question before it).
_NUMBER = r"\d{1,3}[a-z]?"
_NUMBER_SEPARATOR = r"(?:\s*,\s*|\s+en\s+|\s*[-–]\s*|\s+t/m\s+|\s+tot\s+en\s+met\s+|\s+)"
_LABEL = (
    r"(?P<kind>Vraag|Vragen|Antwoord|Antwoorden)"
    r"(?:\s+(?:op|bij)\s+(?:de\s+)?(?:vraag|vragen))?"
    rf"\s+(?P<numbers>{_NUMBER}(?:{_NUMBER_SEPARATOR}{_NUMBER})*)"
)
BLOCK_LABEL = re.compile(
    rf"^(?:{_LABEL}|(?P<announcement>Mededeling)|(?P<bare>Antwoord))\s*[:.)]?$", re.IGNORECASE
)
# A label that shares its line with the block's text: "Vraag 1: Kent u het bericht …?",
# "Antwoord 2. Ja.", and, when the read stage found no paragraph break after the label,
# "Vraag 1 Kent u het bericht …?" (the text starts with a capital).
INLINE_LABEL = re.compile(rf"^{_LABEL}(?:\s*[:.)](?=\s+\S)|(?=\s+(?-i:[A-Z«„‘“(])))", re.IGNORECASE)
# The lines this family reads as structure, never page furniture (kamervragen.furniture), even at
# the top of consecutive pages ("Antwoord 2" first on page 2, "Antwoord 4" first on page 3).
LABELS = (BLOCK_LABEL, INLINE_LABEL)

# Older documents number their questions and answers without a word: "1", "1.", "1)" alone or
# before the text ("1. Kent u …"); the number must be the next in sequence.
OLD_NUMBER = re.compile(r"^(?P<number>\d{1,2})(?:[.)]|(?=\s*$)|(?=\s+[A-Z«„‘“(]))\s*")

# A question ends with its follow-up for the negative case: "Zo nee, waarom niet?", "Zo niet, …?",
# "Indien niet, …?". The next sentence, unless it is itself a follow-up ("Zo ja", "Waarom"), starts a
# new question: how a combined block ("Vraag 2 en 3") printed as one paragraph is divided.
NEGATIVE_FOLLOW_UP = re.compile(
    r"^(?:Zo\s+nee|Zo\s+neen|Zo\s+niet|Indien\s+niet|Indien\s+nee|Als\s+dat\s+niet)\b"
)
FOLLOW_UP = re.compile(
    r"^(?:Zo\s+(?:ja|nee|neen|niet)|Indien\s+(?:ja|nee|niet|dat)|Als\s+dat|Waarom|En\s+zo|Wat\s+is\s+daarvan|"
    r"Kunt\s+u\s+(?:dit|dat|uw\s+antwoord)\s+toelichten)\b"
)

# Titles of those questioned and answering, and their plurals as printed in "de Staatssecretarissen van
# A en van B" (one addressee each).
TITLE = r"(?:[Mm]inister-[Pp]resident|[Mm]inisters?|[Ss]taatssecretaris(?:sen)?)"
SINGULAR = {
    "Ministers": "Minister",
    "ministers": "minister",
    "Staatssecretarissen": "Staatssecretaris",
    "staatssecretarissen": "staatssecretaris",
}
# Between addressees: ", de Minister …", " en de Staatssecretaris …", " en van …" (the title shared),
# " en Staatssecretaris …". A bare " en " joins words of a ministry's name ("Justitie en Veiligheid").
ADDRESSEE_SEPARATOR = re.compile(
    rf"\s*,\s*(?=(?:de\s+)?{TITLE}\b|(?:van|voor)\s)|\s*,?\s+en\s+(?=(?:de\s+)?{TITLE}\b|(?:van|voor)\s)"
)
ADDRESSEE = re.compile(
    rf"^(?:(?:de|het)\s+)?(?P<title>{TITLE})?\s*(?P<office>(?:van|voor)\s.+)?$", re.DOTALL
)
# "Minister-President, Minister van Algemene Zaken" is one person.
PRIME_MINISTER = re.compile(r"^Minister-[Pp]resident$")
# A party shared by the members before it: "Agema en Fritsma (beiden PVV)".
SHARED_PARTY = re.compile(r"^(?:beiden|beide|allen|allebei)\s+", re.IGNORECASE)


# --- Parsing ------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Label:
    """A block label: what it opens, and the numbers it covers."""

    kind: str  # "question", "answer" or "announcement"
    numbers: tuple[int, ...]
    length: int  # characters of the paragraph that are the label (the rest is the block's text)


@dataclass
class _Header:
    """What the header paragraphs say."""

    questioners: tuple[model.Person, ...] = ()
    addressees: tuple[str, ...] = ()
    subject: str | None = None
    submitted: model.PartialDate | None = None
    document_type: str | None = None
    answered_by: str | None = None
    on_behalf_of: tuple[str, ...] = ()
    received: model.PartialDate | None = None
    see_also: tuple[model.DocumentRef, ...] = ()
    anomalies: list[Anomaly] = field(default_factory=list)


def parse(
    text: Text, furniture: Sequence[str], *, family: model.Family = "aanhangsel"
) -> FamilyParse:
    """Front matter, a flat body of questions and answers, and the metadata of an Aanhangsel document."""
    paragraphs = list(text.paragraphs)
    labels = [read_label(paragraph.text) for paragraph in paragraphs]
    anomalies: list[Anomaly] = []
    # A bare "Antwoord" alone does not make a labelled document: the older layout numbers its
    # questions and answers "1", "2" … and may print "Antwoord" above the answers.
    if any(label and (label.numbers or label.kind != "answer") for label in labels):
        first = next(index for index, label in enumerate(labels) if label)
        # An answer header may stand between the questions and the answers (older layouts).
        interludes = _interludes(paragraphs, first)
        header = read_header(
            [*paragraphs[:first], *(paragraphs[index] for index in sorted(interludes))]
        )
        front, intro = _front(paragraphs[:first], header)
        body = intro + _labelled_body(paragraphs, labels, interludes, first, anomalies)
    else:
        front, body, header = _numbered_document(paragraphs, anomalies)
    anomalies[:0] = header.anomalies
    metadata = dataclasses.replace(
        base_metadata(text, family, furniture),
        document_type=header.document_type,
        title=header.subject,
        questioners=header.questioners,
        addressees=header.addressees,
        submitted=header.submitted,
        date=header.received,
        answered_by=header.answered_by,
        on_behalf_of=header.on_behalf_of,
        see_also=header.see_also,
    )
    metadata = _masthead(metadata, furniture)
    return FamilyParse(metadata=metadata, front=front, body=body, anomalies=tuple(anomalies))


def read_label(value: str) -> Label | None:
    """The label a paragraph is or starts with, else None.

    >>> read_label("Vraag 7, 8, 9 10 en 11")
    Label(kind='question', numbers=(7, 8, 9, 10, 11), length=22)
    >>> read_label("Antwoord op vraag 2").numbers
    (2,)
    >>> read_label("Vraag 1: Kent u het bericht?").length
    8
    """
    match = BLOCK_LABEL.match(value) or INLINE_LABEL.match(value)
    if not match:
        return None
    if match.groupdict().get("announcement"):
        return Label("announcement", (), len(value))
    if match.groupdict().get("bare"):
        return Label("answer", (), len(value))  # its numbers are the preceding question's
    kind = "question" if match.group("kind").lower().startswith("vra") else "answer"
    return Label(kind, parse_numbers(match.group("numbers")), match.end())


# --- Headers and metadata -----------------------------------------------------------------------


def read_header(paragraphs: Sequence[TextParagraph]) -> _Header:
    """The questions header, the answer (or Mededeling) header and "Zie ook", from the front paragraphs.

    The headers are read from the paragraphs' joined text, so a header set over two paragraphs is
    read as well.
    """
    header = _Header()
    joined = " ".join(paragraph.text for paragraph in paragraphs)
    where = (paragraphs[0].page, paragraphs[0].line) if paragraphs else (None, None)
    questions = QUESTIONS_HEADER.search(joined)
    if questions:
        header.questioners = read_members(questions.group("members"))
        header.addressees = split_addressees(questions.group("addressees"))
        header.subject = _squeeze(questions.group("subject"))
        header.submitted = parse_date(questions.group("submitted"))
    else:
        header.anomalies.append(
            Anomaly("missing-questions-header",
                    'no questions header ("Vragen van het lid … (ingezonden …)") before the first block',
                    page=where[0], line=where[1])
        )  # fmt: skip
    answer = ANSWER_HEADER.search(joined, questions.end() if questions else 0)
    if answer:
        header.document_type = answer.group("type").capitalize()
        if header.document_type == "Antwoord":  # a Mededeling names no one who answers
            header.answered_by = _squeeze(answer.group("by"))
        if answer.group("behalf"):
            header.on_behalf_of = split_addressees(answer.group("behalf"))
        header.received = parse_date(answer.group("received"))
    elif paragraphs:
        header.anomalies.append(
            Anomaly("missing-answer-header",
                    'no answer header ("Antwoord van … (ontvangen …)" or "Mededeling van …")',
                    page=where[0], line=where[1])
        )  # fmt: skip
    for paragraph in paragraphs:
        see_also = SEE_ALSO.search(paragraph.text)
        if see_also:
            header.see_also += read_see_also(see_also.group("refs"))
    return header


def read_members(value: str) -> tuple[model.Person, ...]:
    """The questioners: "Sneller (D66), Chakor (GroenLinks-PvdA) en Van Nispen (SP)".

    >>> read_members("Agema en Fritsma (beiden PVV)")
    (Person(name='Agema', party='PVV'), Person(name='Fritsma', party='PVV'))
    """
    people: list[model.Person] = []
    for chunk in _split_outside_brackets(_squeeze(value)):
        match = re.match(r"^(?P<name>.+?)\s*(?:\((?P<party>[^()]*)\))?$", chunk)
        if not match:
            continue
        name, party = match.group("name"), match.group("party")
        if party and SHARED_PARTY.match(party):
            party = SHARED_PARTY.sub("", party)
            people = [
                model.Person(person.name, party) if person.party is None else person
                for person in people
            ]
        people.append(model.Person(name, party))
    return tuple(people)


def _split_outside_brackets(value: str) -> list[str]:
    """``value`` split at ", " and " en " outside brackets."""
    parts: list[str] = []
    depth, start, index = 0, 0, 0
    while index < len(value):
        char = value[index]
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif depth == 0:
            separator = re.match(r",\s*|\s+en\s+", value[index:])
            if separator and (char == "," or char == " "):
                parts.append(value[start:index])
                index += separator.end()
                start = index
                continue
        index += 1
    parts.append(value[start:])
    return [part.strip() for part in parts if part.strip()]


def split_addressees(value: str) -> tuple[str, ...]:
    """One office per addressee, the title repeated for each:

    >>> split_addressees("de Staatssecretarissen van Defensie en van Justitie en Veiligheid")
    ('Staatssecretaris van Defensie', 'Staatssecretaris van Justitie en Veiligheid')
    >>> split_addressees("de Minister en de Staatssecretaris van Financiën")
    ('Minister van Financiën', 'Staatssecretaris van Financiën')
    """
    parts = [_squeeze(part) for part in ADDRESSEE_SEPARATOR.split(_squeeze(value)) if part.strip()]
    parsed: list[tuple[str | None, str | None, str]] = []
    for part in parts:
        match = ADDRESSEE.match(part)
        if match and (match.group("title") or match.group("office")):
            title = match.group("title")
            parsed.append(
                (SINGULAR.get(title, title) if title else None, match.group("office"), part)
            )
        else:
            parsed.append((None, None, re.sub(r"^(?:de|het)\s+", "", part)))
    # A shared title ("… en van B") comes from the addressee before; a shared office ("de Minister en
    # de Staatssecretaris van X") from the addressee after.
    titles: list[str | None] = []
    previous: str | None = None
    for title, _, _ in parsed:
        previous = title or previous
        titles.append(previous)
    offices: list[str | None] = []
    following: str | None = None
    for title, office, _ in reversed(parsed):
        if office:
            following = office
        offices.append(office or (following if title and not PRIME_MINISTER.match(title) else None))
    offices.reverse()
    result: list[str] = []
    for (title, office, printed), shared_title, shared_office in zip(
        parsed, titles, offices, strict=True
    ):
        if title is None and office is None:
            result.append(printed)
        elif shared_office and (title or shared_title):
            result.append(f"{title or shared_title} {shared_office}")
        else:
            result.append(title or printed)
    merged: list[str] = []
    for item in result:
        if merged and PRIME_MINISTER.match(merged[-1]) and item.endswith("van Algemene Zaken"):
            merged[-1] = f"{merged[-1]}, {item}"
        else:
            merged.append(item)
    return tuple(merged)


def read_see_also(value: str) -> tuple[model.DocumentRef, ...]:
    """The references after "Zie ook", as printed; text no reference pattern knows is kept as "other"."""
    value = _squeeze(value).rstrip(".").rstrip()
    found = find_references(value)
    if found:
        return tuple(item.ref for item in found)
    return (model.DocumentRef(text=value, kind="other"),) if value else ()


def _masthead(metadata: model.Metadata, furniture: Sequence[str]) -> model.Metadata:
    """The document number and, when the masthead lacks it, the vergaderjaar from the identifier.

    "ah-tk-20232024-1481" -> number "1481", vergaderjaar "2023-2024"; without an identifier the
    large number printed under the masthead title is the document number.
    """
    number = vergaderjaar = None
    if metadata.identifier:
        match = re.match(r"^ah-[a-z]+-(\d{4})(\d{4})-(\d+)$", metadata.identifier)
        if match:
            vergaderjaar = f"{match.group(1)}-{match.group(2)}"
            number = match.group(3)
    if number is None:
        after_title = False
        for line in furniture:
            if after_title and re.fullmatch(r"\d{1,5}", line):
                number = line
                break
            after_title = after_title or line == "regering gegeven antwoorden"
    return dataclasses.replace(
        metadata,
        document_number=metadata.document_number or number,
        vergaderjaar=metadata.vergaderjaar or vergaderjaar,
    )


def _front(
    paragraphs: Sequence[TextParagraph], header: _Header
) -> tuple[tuple[model.Block, ...], tuple[model.Node, ...]]:
    """The front blocks, and the unlabelled text of a Mededeling (an announcement opening the body).

    A Mededeling may announce right after its header, without a "Mededeling" label: the paragraphs
    after the last header paragraph are then the announcement.
    """
    if header.document_type == "Mededeling":
        last_header = max(
            (index for index, p in enumerate(paragraphs) if _is_header_paragraph(p.text)),
            default=-1,
        )
        rest = paragraphs[last_header + 1 :]
        if last_header >= 0 and rest:
            front = blocks.build_blocks(paragraphs[: last_header + 1])
            return front, (model.Announcement(blocks.build_blocks(rest)),)
    return blocks.build_blocks(paragraphs), ()


def _is_header_paragraph(value: str) -> bool:
    return bool(
        QUESTIONS_HEADER_START.match(value)
        or ANSWER_HEADER_START.match(value)
        or SEE_ALSO.match(value)
    )


# --- The body -----------------------------------------------------------------------------------


def _interludes(paragraphs: Sequence[TextParagraph], first: int) -> set[int]:
    """Indices of an answer header (and its "Zie ook") after the first label."""
    found: set[int] = set()
    for index in range(first, len(paragraphs)):
        value = paragraphs[index].text
        if ANSWER_HEADER.match(value) or (index - 1 in found and SEE_ALSO.match(value)):
            found.add(index)
    return found


def _labelled_body(
    paragraphs: Sequence[TextParagraph],
    labels: Sequence[Label | None],
    interludes: set[int],
    first: int,
    anomalies: list[Anomaly],
) -> tuple[model.Node, ...]:
    """One node per label, holding the paragraphs up to the next label (or answer header)."""
    nodes: list[model.Node] = []
    current: tuple[Label, TextParagraph, list[TextParagraph]] | None = None
    last_numbers: tuple[int, ...] = ()

    def close() -> None:
        if current is not None:
            nodes.append(_node(*current, anomalies))

    for index in range(first, len(paragraphs)):
        paragraph, label = paragraphs[index], labels[index]
        if label is not None:
            close()
            if label.kind == "question":
                last_numbers = label.numbers
            elif label.kind == "answer" and not label.numbers:
                label = dataclasses.replace(label, numbers=last_numbers)
            content: list[TextParagraph] = []
            # "Vraag 1: Kent u …": the block's text follows its label on the line.
            paragraph, rest = split_paragraph(paragraph, label.length)
            if rest is not None:
                content.append(rest)
            current = (label, paragraph, content)
        elif index in interludes or current is None:
            close()
            current = None
            nodes += blocks.build_blocks([paragraph])
        else:
            current[2].append(paragraph)
    close()
    return tuple(nodes)


def _node(
    label: Label,
    label_paragraph: TextParagraph,
    content: list[TextParagraph],
    anomalies: list[Anomaly],
) -> model.Node:
    heading = blocks.heading(label_paragraph)
    if not content and label.kind != "announcement":
        anomalies.append(
            Anomaly("empty-block", f"{label_paragraph.text!r} is followed by no text",
                    page=label_paragraph.page, line=label_paragraph.line)
        )  # fmt: skip
    if label.kind == "question":
        if len(label.numbers) > 1:
            content = split_combined(content, len(label.numbers), label_paragraph, anomalies)
        return model.Question(
            "", label.numbers, blocks.build_blocks(content, asks=True), label=heading
        )
    if label.kind == "answer":
        return model.Answer("", label.numbers, (), blocks.build_blocks(content), label=heading)
    return model.Announcement(blocks.build_blocks(content), label=heading)


def split_combined(
    paragraphs: list[TextParagraph], count: int, label: TextParagraph, anomalies: list[Anomaly]
) -> list[TextParagraph]:
    """A combined question's paragraphs, divided so that each of its ``count`` questions starts one.

    Only when the block has fewer paragraphs than questions, and only where the division is
    unambiguous: after a negative follow-up ("Zo nee, waarom niet?") that the next sentence does not
    continue, and exactly as many such places as paragraphs are missing. Otherwise the block stays as
    printed and an anomaly says so.
    """
    plain = [p for p in paragraphs if not p.table and blocks.list_marker(p) is None]
    missing = count - len(plain)
    if missing <= 0 or not plain:
        return paragraphs
    cuts = {id(p): _question_boundaries(p) for p in plain}
    if sum(len(found) for found in cuts.values()) != missing:
        anomalies.append(
            Anomaly("combined-question-not-divided",
                    f"{label.text!r} covers {count} questions but its text has {len(plain)} "
                    "paragraph(s) and no unambiguous boundary between them",
                    page=label.page, line=label.line)
        )  # fmt: skip
        return paragraphs
    result: list[TextParagraph] = []
    for paragraph in paragraphs:
        start = 0
        for end, next_start in cuts.get(id(paragraph), []):
            result.append(_part(paragraph, start, end))
            start = next_start
        result.append(_part(paragraph, start, len(paragraph.text)))
    return result


def _part(paragraph: TextParagraph, start: int, end: int) -> TextParagraph:
    """The question at ``text[start:end]`` of a combined question's paragraph: cut at ``start``,
    then at ``end``, so that its first line is estimated from its offset in the whole paragraph."""
    if start:
        _, rest = split_paragraph(paragraph, start)
        assert rest is not None  # a question starts at ``start``
        paragraph, end = rest, end - start
    return split_paragraph(paragraph, end)[0]


def _question_boundaries(paragraph: TextParagraph) -> list[tuple[int, int]]:
    """``(end, next_start)`` after each negative follow-up that another question follows."""
    value = paragraph.text
    found: list[tuple[int, int]] = []
    for start, end in blocks.question_sentences(value):
        if not NEGATIVE_FOLLOW_UP.match(value[start:end]):
            continue
        close = end
        while close < len(value) and value[close] in "’”»)]'\"":
            close += 1
        next_start = close
        while next_start < len(value) and value[next_start].isspace():
            next_start += 1
        following = value[next_start:]
        if not following or not following[0].isupper() or FOLLOW_UP.match(following):
            continue
        if any(link.start < close and next_start < link.end for link in paragraph.links):
            continue
        found.append((close, next_start))
    return found


# --- Documents numbered without labels ----------------------------------------------------------


def _numbered_document(
    paragraphs: list[TextParagraph], anomalies: list[Anomaly]
) -> tuple[tuple[model.Block, ...], tuple[model.Node, ...], _Header]:
    """An older layout: questions "1", "2" …, then the answer header, then answers "1", "2" ….

    The answer header, standing between the questions and the answers, stays in the body as a
    paragraph. Without that order nothing is read as a question (the structure step then refuses
    the document).
    """
    header_at = next(
        (index for index, p in enumerate(paragraphs) if ANSWER_HEADER_START.match(p.text)), None
    )
    first_question = _first_numbered(paragraphs, 0, header_at if header_at is not None else 0)
    if header_at is None or first_question is None:
        header = read_header(
            paragraphs[: header_at + 1] if header_at is not None else paragraphs[:2]
        )
        return blocks.build_blocks(paragraphs), (), header
    header = read_header([*paragraphs[:first_question], paragraphs[header_at]])
    front = blocks.build_blocks(paragraphs[:first_question])
    body: list[model.Node] = list(
        _numbered_blocks(paragraphs[first_question:header_at], "question", anomalies)
    )
    answers_at = _first_numbered(paragraphs, header_at + 1, len(paragraphs))
    answers_at = len(paragraphs) if answers_at is None else answers_at
    body += blocks.build_blocks(paragraphs[header_at:answers_at])  # the answer header, "Zie ook"
    body += _numbered_blocks(paragraphs[answers_at:], "answer", anomalies)
    return front, tuple(body), header


def _first_numbered(paragraphs: Sequence[TextParagraph], start: int, end: int) -> int | None:
    for index in range(start, end):
        match = OLD_NUMBER.match(paragraphs[index].text)
        if match and int(match.group("number")) == 1:
            return index
    return None


def _numbered_blocks(
    paragraphs: Sequence[TextParagraph], kind: str, anomalies: list[Anomaly]
) -> list[model.Node]:
    """Questions or answers numbered 1, 2, …: a paragraph with the next number opens the next block."""
    groups: list[tuple[int, TextParagraph, list[TextParagraph]]] = []
    for paragraph in paragraphs:
        match = OLD_NUMBER.match(paragraph.text)
        expected = groups[-1][0] + 1 if groups else 1
        if match and int(match.group("number")) == expected:
            groups.append((expected, paragraph, []))
        elif groups:
            groups[-1][2].append(paragraph)
    nodes: list[model.Node] = []
    for number, opening, following in groups:
        match = OLD_NUMBER.match(opening.text)
        assert match is not None
        # "1. Kent u …": the number, then the text (or the number alone on its line).
        label_paragraph, rest = split_paragraph(opening, match.end())
        content = [rest, *following] if rest is not None else list(following)
        label = Label(kind, (number,), len(label_paragraph.text))
        nodes.append(_node(label, label_paragraph, content, anomalies))
    return nodes


def _squeeze(value: str) -> str:
    return " ".join(value.split())
