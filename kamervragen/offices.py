"""Members of the government as the documents print them, taken apart: role, name and portfolio.

An answer is signed "Antwoord van Minister Schippers (Volksgezondheid, Welzijn en Sport)", a
question is put to "de Minister van Buitenlandse Zaken" in one document and to "de minister van
Buitenlandse Zaken" in the next, and a verslag is answered by "het kabinet". The data exports keep
the printed form and add these parts, so that an analyst can group by person or by ministry
without parsing strings (docs/exports.md).

>>> parse_office("Staatssecretaris Van Huffelen (Binnenlandse Zaken en Koninkrijksrelaties)")
Office(role='staatssecretaris', name='Van Huffelen', portfolio='Binnenlandse Zaken en Koninkrijksrelaties')
>>> parse_office("Minister van Buitenlandse Zaken")
Office(role='minister', name=None, portfolio='Buitenlandse Zaken')
>>> parse_office("kabinet")
Office(role='kabinet', name=None, portfolio=None)
>>> normalised_addressee("Minister voor Klimaat en Energie")
'minister voor Klimaat en Energie'
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# The offices that sign answers or receive questions, lower case as Dutch prose writes them in
# running text ("de minister van Financiën"); the documents capitalise them at the start of a
# line or in a signature. Longest first, so that "minister-president" is not read as "minister".
ROLES = (
    "viceminister-president",
    "minister-president",
    "staatssecretaris",
    "minister",
    "kabinet",
    "regering",
)

# "Minister Schippers (Volksgezondheid, Welzijn en Sport)": role, then a name, then the portfolio
# in brackets (the Aanhangsel's signature line); "Minister van Buitenlandse Zaken" or "Minister
# voor Rechtsbescherming": role, then the portfolio after "van"/"voor" (an addressee); "kabinet".
# An optional article in front ("de minister", "het kabinet") is dropped. The preposition is
# matched in lower case only: a capital "Van" starts a surname ("Staatssecretaris Van Huffelen").
OFFICE = re.compile(
    r"""^\s*(?:(?:de|het)\s+)?
        (?P<role>"""
    + "|".join(ROLES)
    + r""")\b
        (?:\s+(?P<preposition>(?-i:van|voor))\s+(?P<office_of>[^()]+?)   # "van Buitenlandse Zaken"
         |\s+(?P<name>[^()]+?))?                                   # "Schippers", "Van Huffelen"
        (?:\s*\((?P<portfolio>[^()]+)\))?                           # "(Volksgezondheid, …)"
        \s*$""",
    re.IGNORECASE | re.VERBOSE,
)


@dataclass(frozen=True, slots=True)
class Office:
    """One office holder: ``role`` lower case, ``name`` and ``portfolio`` as printed (or None)."""

    role: str | None
    name: str | None
    portfolio: str | None


def parse_office(text: str | None) -> Office:
    """The parts of a printed office; all None for None, only the role when the form is unknown.

    >>> parse_office("Minister-President Rutte (Algemene Zaken)").role
    'minister-president'
    >>> parse_office("Burgemeester X")
    Office(role=None, name=None, portfolio=None)
    """
    if not text:
        return Office(None, None, None)
    match = OFFICE.match(" ".join(text.split()))
    if match is None:
        return Office(None, None, None)
    portfolio = match["office_of"] or match["portfolio"]
    return Office(match["role"].lower(), match["name"], portfolio)


def normalised_addressee(text: str) -> str:
    """An addressee with its role in lower case, the rest as printed; unknown forms unchanged.

    >>> normalised_addressee("Minister van Buitenlandse Zaken")
    'minister van Buitenlandse Zaken'
    >>> normalised_addressee("de Staatssecretaris van Financiën")
    'staatssecretaris van Financiën'
    """
    text = " ".join(text.split())
    match = OFFICE.match(text)
    if match is None:
        return text
    rest = text[match.end("role") :].strip()
    return f"{match['role'].lower()} {rest}".strip()
