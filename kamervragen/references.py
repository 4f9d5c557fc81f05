"""Values in Dutch parliamentary text: dates, question numbers, document references, members with
their party.

Each pattern is named and quotes the printed convention it reads. These functions find values in
text; they never change the text (the model keeps the text, and these values beside it).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Literal

from kamervragen.model import DocumentRef, PartialDate, Person

MONTHS = {
    "januari": 1,
    "februari": 2,
    "maart": 3,
    "april": 4,
    "mei": 5,
    "juni": 6,
    "juli": 7,
    "augustus": 8,
    "september": 9,
    "oktober": 10,
    "november": 11,
    "december": 12,
}

# "24 maart 2021", "1 april 2021", and with the day left open as printed in a verslag before it is
# final: "… maart 2021" (the ellipsis, or dots, stand for the day).
DUTCH_DATE = re.compile(
    r"(?:(?P<day>\d{1,2})|(?P<open>…|\.{2,}))?\s*(?P<month>"
    + "|".join(MONTHS)
    + r")\s+(?P<year>\d{4})\b",
    re.IGNORECASE,
)


def parse_date(text: str) -> PartialDate | None:
    """The first Dutch date in ``text``, to the precision printed.

    >>> parse_date("Vastgesteld, … maart 2021")
    PartialDate(year=2021, month=3, day=None)
    >>> parse_date("(ingezonden 12 februari 2024).")
    PartialDate(year=2024, month=2, day=12)
    """
    match = DUTCH_DATE.search(text)
    if not match:
        return None
    day = int(match.group("day")) if match.group("day") else None
    return PartialDate(int(match.group("year")), MONTHS[match.group("month").lower()], day)


# One number, or a range of numbers, in the list of question numbers that a label or a reference
# prints ("Vraag 3, 4 en 5", "Antwoorden op vragen 3 t/m 5", "zie vraag 12a"): "3", "12a" (the
# letter is dropped), "3-5", "3–5", "3 t/m 5", "3 tot en met 5". What lies between two of them (",",
# " en ", a space where a comma is missing) is not read.
NUMBER_OR_RANGE = re.compile(
    r"(?P<first>\d+)[a-z]?(?:\s*(?:[-–]|t/m|tot\s+en\s+met)\s*(?P<last>\d+)[a-z]?)?",
    re.IGNORECASE,
)
# A range is expanded only when it runs upwards over at most this many numbers; otherwise (a
# misprint, "5-3", or two values that only look like a range) its two ends are taken as printed.
RANGE_MAX = 50


def parse_numbers(printed: str | None) -> tuple[int, ...]:
    """Every number of a printed list of question numbers, ranges expanded, each once, in order.

    >>> parse_numbers("3, 4 en 5"), parse_numbers("3 t/m 5"), parse_numbers("3 tot en met 5")
    ((3, 4, 5), (3, 4, 5), (3, 4, 5))
    >>> parse_numbers("7, 8, 9 10 en 11")
    (7, 8, 9, 10, 11)
    >>> parse_numbers("12a"), parse_numbers("5-3"), parse_numbers(None)
    ((12,), (5, 3), ())
    """
    numbers: list[int] = []
    for match in NUMBER_OR_RANGE.finditer(printed or ""):
        first = int(match.group("first"))
        last = int(match.group("last")) if match.group("last") else first
        if first < last <= first + RANGE_MAX:
            numbers += range(first, last + 1)
        else:
            numbers += (first, last)
    return tuple(dict.fromkeys(numbers))


# A vergaderjaar as printed: "2023–2024", "2023-2024", "2023/24", "2023/2024".
VERGADERJAAR = re.compile(r"\b(?P<start>(?:19|20)\d{2})\s*[–/-]\s*(?P<end>(?:19|20)?\d{2})\b")


def normalise_vergaderjaar(text: str) -> str | None:
    """``"2023–2024"``, ``"2023/24"`` -> ``"2023-2024"``."""
    match = VERGADERJAAR.search(text)
    if not match:
        return None
    start, end = match.group("start"), match.group("end")
    if len(end) == 2:
        end = start[:2] + end
    return f"{start}-{end}"


# A Kamerstuk dossier number as printed: "28676", "28 676", "36 200 IV", "21 501-02".
_DOSSIER = r"\d{2}\s?\d{3}(?:-[A-Z0-9]{1,3})?(?:\s+[IVXLC]{1,5}\b|\s+[A-Z]\b)?"
# Kamerstuk references:
#   "Kamerstuk 28676, nr. 352", "Kamerstuk, 28 828, nr. 70", "Kamerstuk 36 200 IV, nr. 25",
#   "Kamerstukken II 2023/24, 36 410 IV, nr. 15", "Kamerstukken I 2020/21, 35 570, A".
KAMERSTUK = re.compile(
    r"Kamerstuk(?:ken)?(?:\s+(?:I|II))?(?:\s+(?P<year>\d{4}/\d{2,4}))?,?\s+"
    r"(?P<dossier>" + _DOSSIER + r"),\s+(?:nr\.\s*(?P<number>\d+)|(?P<letter>[A-Z]{1,2})\b)"
)
# "Aanhangsel Handelingen, vergaderjaar 2023–2024, nr. 1137" (sometimes without "nr.": "…, 1028"),
# "Aanhangsel Handelingen II 2023/24, nr. 1137".
AANHANGSEL = re.compile(
    r"Aanhangsel (?:van de )?Handelingen(?:\s+(?:I|II))?,?\s+(?:vergaderjaar\s+)?"
    r"(?P<year>\d{4}\s*[–/-]\s*\d{2,4}),\s+(?:nr\.\s*)?(?P<number>\d+)"
)
# "Handelingen II 2023/24, nr. 45, item 7".
HANDELINGEN = re.compile(
    r"(?<!Aanhangsel )Handelingen\s+(?:I|II)\s+(?P<year>\d{4}/\d{2,4}),\s+nr\.\s*(?P<number>\d+)"
    r"(?:,\s+item\s+\d+)?"
)
# Zaak and document numbers of the Tweede Kamer's registration system: "2021Z04547", "2024D05678".
ZAAK = re.compile(r"\b(?P<number>(?:19|20)\d{2}[ZD]\d{5})\b")


@dataclass(frozen=True, slots=True)
class Found:
    """A reference found in a text: where it is printed and what it refers to."""

    start: int
    end: int
    ref: DocumentRef


def find_references(text: str) -> list[Found]:
    """Every parliamentary document reference in ``text``, in order, not overlapping.

    >>> [f.ref.dossier for f in find_references("Kamerstuk 28676, nr. 352 en Kamerstuk 33694, nr. 43")]
    ['28676', '33694']
    """
    found = [
        Found(match.start(), match.end(), build(match))
        for pattern, build in _REFERENCE_KINDS
        for match in pattern.finditer(text)
    ]
    found.sort(key=lambda item: (item.start, -item.end))
    result: list[Found] = []
    for item in found:
        if result and item.start < result[-1].end:
            continue  # overlapping: the earlier, longer match wins
        result.append(item)
    return result


def _kamerstuk(match: re.Match[str]) -> DocumentRef:
    year = match.group("year")
    return DocumentRef(
        text=match.group(0),
        kind="kamerstuk",
        dossier=normalise_dossier(match.group("dossier")),
        number=match.group("number") or match.group("letter"),
        year=normalise_vergaderjaar(year) if year else None,
    )


def _numbered(kind: Literal["aanhangsel", "handelingen"]) -> Callable[[re.Match[str]], DocumentRef]:
    def build(match: re.Match[str]) -> DocumentRef:
        return DocumentRef(
            text=match.group(0),
            kind=kind,
            number=match.group("number"),
            year=normalise_vergaderjaar(match.group("year")),
        )

    return build


def _zaak(match: re.Match[str]) -> DocumentRef:
    return DocumentRef(text=match.group(0), kind="zaak", number=match.group("number"))


# Each pattern with the function that reads its match; where two overlap the earlier, longer wins.
_REFERENCE_KINDS: tuple[tuple[re.Pattern[str], Callable[[re.Match[str]], DocumentRef]], ...] = (
    (KAMERSTUK, _kamerstuk),
    (AANHANGSEL, _numbered("aanhangsel")),
    (HANDELINGEN, _numbered("handelingen")),
    (ZAAK, _zaak),
)


def normalise_dossier(text: str) -> str:
    """``"28 676"`` -> ``"28676"``, ``"36 200 IV"`` -> ``"36200-IV"``, ``"21 501-02"`` -> ``"21501-02"``."""
    match = re.match(
        r"(\d{2})\s?(\d{3})(-[A-Z0-9]{1,3})?(?:\s+([IVXLC]{1,5}|[A-Z]))?$", text.strip()
    )
    if not match:
        return re.sub(r"\s+", "", text)
    number = match.group(1) + match.group(2) + (match.group(3) or "")
    return f"{number}-{match.group(4)}" if match.group(4) else number


# "Sneller (D66)", "Van Nispen (SP)", "Kostić (PvdD)", "Mutluer (GroenLinks-PvdA)": a name, then the
# party in brackets; names start with a capital (tussenvoegsels "van", "de" may come first).
MEMBER = re.compile(
    r"(?P<name>(?:\b(?:van|de|der|den|ten|ter|in ’t|in 't|’t|'t)\s+)*\b[A-Z][\w’'\-]*"
    r"(?:\s+(?:van|de|der|den|ten|ter|[A-Z][\w’'\-]*))*)\s+\((?P<party>[^()]+)\)"
)


def find_members(text: str) -> Iterator[Person]:
    """Members named with their party, in order.

    >>> members = find_members("de leden Sneller (D66), Chakor (GroenLinks-PvdA) en Van Nispen (SP)")
    >>> [(member.name, member.party) for member in members]
    [('Sneller', 'D66'), ('Chakor', 'GroenLinks-PvdA'), ('Van Nispen', 'SP')]
    """
    for match in MEMBER.finditer(text):
        yield Person(name=match.group("name"), party=match.group("party"))
