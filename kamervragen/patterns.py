"""Named regular expressions for the conventions of Dutch parliamentary PDFs.

Each pattern quotes the source convention it encodes. They are matched against one layout line's
text (whitespace already collapsed) unless the docstring says otherwise.
"""

from __future__ import annotations

import re

# --- Page furniture -------------------------------------------------------------------------------

# The identifier block at the foot of the first page of every officiële publicatie:
#   "ah-tk-20232024-1481" (Aanhangsel), "kst-28676-359" (Kamerstuk), "h-tk-20202021-12-3" (Handelingen);
#   a Kamerstuk printed without its number shows the dossier alone: "kst-33523".
PUBLICATION_IDENTIFIER = re.compile(
    r"^(?:(?:ah|h|kst|blg|stb|stcrt|trb|gmb|prb|wsb|bgr)-[a-z0-9]+(?:-[A-Za-z0-9]+)+"
    r"|kst-\d{5,6})$"
)
# A line of the identifier block that the identifier pattern does not take whole: the identifier
# cut short or set over two lines ("kst-28676" above "ISSN 0921 - 7371"; "kst-21501-" / "02-3121").
IDENTIFIER_PART = re.compile(
    r"^(?:(?:ah|h|kst|blg|stb|stcrt|trb|gmb|prb|wsb|bgr)-[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*-?"
    r"|-?\d+(?:-[A-Za-z0-9]+)*)$"
)
# "ISSN 0921 - 7398", the serial number printed under the identifier.
ISSN = re.compile(r"^ISSN\s+\d{4}\s*-\s*\d{3}[\dX]$")
# The imprint line: "’s-Gravenhage 2024" (often followed by the running footer on the same line).
IMPRINT = re.compile(r"^[’'‘]s-Gravenhage\s+\d{4}\b")
# The running footer of TK/EK publications, ending in the page number:
#   "Tweede Kamer, vergaderjaar 2023–2024, Aanhangsel 2",
#   "Tweede Kamer, vergaderjaar 2020–2021, 28 676, nr. 359 3"
RUNNING_FOOTER = re.compile(
    r"^(?:Tweede|Eerste) Kamer,\s+vergaderjaar\s+\d{4}\s*[–-]\s*\d{4},\s+.*\d$", re.IGNORECASE
)
# First-page masthead: "Tweede Kamer der Staten-Generaal" (with the large "2" beside it), or, in
# a plainer letterhead, with the session on the same line: "Tweede Kamer der Staten-Generaal –
# vergaderjaar 2020–2021", "Tweede Kamer der Staten-Generaal  Vergaderjaar 2020–2021".
MASTHEAD_CHAMBER = re.compile(
    r"^(?:Tweede|Eerste) Kamer der Staten-Generaal(?:\s+\d)?"
    r"(?:\s*[–-]?\s*(?P<session>[Vv]ergaderjaar\s+\d{4}\s*[–-]\s*\d{4}))?$"
)
# "Vergaderjaar 2023–2024 Aanhangsel van de Handelingen", "Vergaderjaar 2020–2021".
MASTHEAD_SESSION = re.compile(r"^Vergaderjaar\s+\d{4}\s*[–-]\s*\d{4}\b")
# The Aanhangsel's masthead title, set over two lines:
#   "Vragen gesteld door de leden der Kamer, met de daarop door de" / "regering gegeven antwoorden"
MASTHEAD_AANHANGSEL = re.compile(
    r"^(?:Vragen gesteld door de leden der Kamer, met de daarop door de|regering gegeven antwoorden)$"
)
# A page number standing alone: "3", "- 3 -", "pagina 3 van 12", "3/12", "blz. 3".
PAGE_NUMBER = re.compile(
    r"^(?:[-–]\s*\d{1,4}\s*[-–]|\d{1,4}(?:\s*/\s*\d{1,4})?|(?:pagina|blz\.?|page)\s+\d{1,4}"
    r"(?:\s+(?:van|of)\s+\d{1,4})?)$",
    re.IGNORECASE,
)

# --- Paragraphs -----------------------------------------------------------------------------------

# A list item's marker at the start of a line: "• tekst", "- tekst", "– tekst", "a. tekst", "1) tekst".
# A hyphen glued to the word ("-smokkel", continuing "mensenhandel en") is not a marker.
LIST_MARKER = re.compile(r"^(?:[•·▪◦●○■□–—-]|\(?[a-z]\)|[a-z]\.|\(?\d{1,2}[.)])\s+\S")
# Aanhangsel block labels, each on its own line: "Vraag 1", "Antwoord 3, 4 en 5", "Vraag 7, 8, 9 10 en 11",
# "Antwoord op vraag 2", "Mededeling".
BLOCK_LABEL = re.compile(
    r"^(?:(?:Vraag|Vragen|Antwoord|Antwoorden)(?:\s+op\s+vraag)?\s+\d+[a-z]?"
    r"(?:(?:\s*,\s*|\s+en\s+|\s*[-–]\s*|\s+)\d+[a-z]?)*|Mededeling)\s*:?$",
    re.IGNORECASE,
)
# A label run into its text: "Vraag 5: De leden …", "Antwoord op vraag 5: Het kabinet …", "Ad 5.
# Het kabinet …", "Antwoord: Het kabinet …". At the top of a page it starts a paragraph even when
# the last line of the page before was full (where the page break hides the paragraph break).
INLINE_LABEL = re.compile(
    r"^(?:(?:Vraag|Antwoord(?:\s+op\s+vraag)?|Ad(?:\s+vraag)?)\s+\d{1,3}\s*[:.]|Antwoord\s*:)\s+\S"
)
# Verslag answers: "1. Antwoord van het kabinet", "10.  Antwoord van de minister".
NUMBERED_ANSWER_HEADING = re.compile(r"^\d{1,3}\.\s+Antwoord\b")

# --- Letter-spaced capitals -----------------------------------------------------------------------

# The labels of a ministry's or the Algemene Rekenkamer's letter, printed in widely spaced small
# capitals; PDF text extraction splits them where the spacing is widest: "D A T U M", "DAT UM",
# "BET RE FT", "O N S K E N M E R K", "BI JLA GE( N )". Restored to the word as listed here.
LETTER_LABELS = (
    "ONS KENMERK",
    "UW KENMERK",
    "UW BRIEF VAN",
    "UW BRIEF",
    "DATUM",
    "BETREFT",
    "ONDERWERP",
    "BIJLAGE(N)",
    "BIJLAGEN",
    "BIJLAGE",
    "KENMERK",
    "CONTACTPERSOON",
    "DOORKIESNUMMER",
    "INLICHTINGEN",
    "TELEFOON",
    "POSTADRES",
    "BEZOEKADRES",
    "RETOURADRES",
    "BEZORGEN",
    "AFSCHRIFT",
)
# One of those labels, split by spaces anywhere: the letters in order, a space optional between
# any two (a word boundary, a space or the end on either side).
SPACED_LETTER_LABEL = re.compile(
    r"(?<![\w(])(?:"
    + "|".join(
        r"\s?".join(re.escape(char) for char in label.replace(" ", "")) for label in LETTER_LABELS
    )
    + r")(?![\w)])"
)
# Any other word in spaced capitals: four or more single capitals, one space apart
# ("B E Z O R G E N"); joined into one word.
SPACED_CAPITALS = re.compile(r"(?<!\S)[A-Z](?: [A-Z]){3,}(?!\S)")

# --- Hyphenation ----------------------------------------------------------------------------------

# "korte- of middellange", "land- en tuinbouw": a hyphen that stands for a shared word part
# (weglatingsstreepje) is followed by a conjunction, so it is kept, with its space.
ELISION_CONJUNCTIONS = frozenset({"en", "of", "tot", "noch", "als", "dan", "and", "or"})
# Prefixes that Dutch joins to the next word part with a hyphen (Woordenlijst: "ex-partner",
# "oud-minister", "non-proliferatie", "niet-roker", "adjunct-directeur", "loco-burgemeester",
# "kandidaat-lid", "interim-manager"): a line-end hyphen after one of them is a real one.
HYPHEN_PREFIXES = frozenset({"ex", "oud", "non", "niet", "adjunct", "loco", "kandidaat", "interim"})
# Dutch writes a hyphen between compound parts whose touching vowels would otherwise read as one
# sound (klinkerbotsing: "informatie-uitwisseling", "zee-egel", "auto-ongeluk"), so a line-end
# hyphen between these vowel pairs is a real one.
VOWEL_CLASHES = frozenset(
    {"aa", "ae", "ai", "au", "ee", "ei", "eu", "ie", "ii", "oe", "oi", "oo", "ou", "ui", "uu"}
)
# Spacing accents that some producers set after the letter they belong to ("Kostic´" for "Kostić").
SPACING_ACCENTS = {
    "´": "\u0301",
    "¨": "\u0308",
    "ˆ": "\u0302",
    "˜": "\u0303",
    "¸": "\u0327",
    "ˇ": "\u030c",
}
# A URL or web address, for joining a URL that wraps over two lines without a space.
URL_START = re.compile(r"(?:https?://|www\.)\S*$", re.IGNORECASE)
