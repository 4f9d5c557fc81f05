"""From running text to the document model: a pure function, no I/O.

:func:`build_document` is thin for now: every :class:`kamervragen.text.Paragraph` becomes a
:class:`~kamervragen.model.Heading` (when all its lines are bold) or a
:class:`~kamervragen.model.Paragraph`, with footnote markers and links turned into inline content
at their offsets. Question/answer structure is built on top of these blocks in a later step.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from kamervragen import model
from kamervragen.errors import Anomaly
from kamervragen.layout import Layout
from kamervragen.text import Footnote, NoteRef, Paragraph, Text, WebLink

# The document's own label comes first in reading order (masthead, title), citations of other
# documents later, so the family is decided by whichever label occurs first.
FAMILY_PATTERNS: tuple[tuple[model.Family, re.Pattern[str]], ...] = (
    # Kamerstuk: "Verslag van een schriftelijk overleg", or the type line "Nr. … VERSLAG".
    ("verslag", re.compile(r"Verslag van een schriftelijk overleg|\bVERSLAG\b", re.IGNORECASE)),
    # Aanhangsel masthead: "Vergaderjaar 2023–2024 Aanhangsel van de Handelingen".
    ("aanhangsel", re.compile(r"Aanhangsel van de Handelingen", re.IGNORECASE)),
)
# "VERSLAG" counts only in capitals (the type line); the lower-case word is common in running text.
VERSLAG_CAPITALS = re.compile(r"\bVERSLAG\b")

# Aanhangsel identifier as printed above the ISSN: "ah-tk-20232024-1481"
# (Tweede Kamer, vergaderjaar 2023–2024, number 1481).
AANHANGSEL_ID = re.compile(r"\bah-tk-\d{8}-\d+\b")
# Kamerstuk identifier as printed above the ISSN: "kst-28676-353" (dossier 28676, number 353).
KAMERSTUK_ID = re.compile(r"\bkst-(\d+)(?:-[0-9A-Za-z]+)*-\d+\b")
# Kamerstuk masthead: the dossier number, then its capitalised title: "28676 NAVO",
# "36 200 IV Vaststelling van de begrotingsstaten …" (a sentence such as "28676 is …" is not one).
DOSSIER_HEADING = re.compile(r"^(\d{2} ?\d{3})(?: [IVXLC]+)? [A-Z]")
# The masthead is at the top of page 1: the first few lines of the text (furniture included).
MASTHEAD_LINES = 5


def build_document(text: Text, *, layout: Layout | None = None) -> model.Document:
    """Turn running text into a :class:`~kamervragen.model.Document`.

    The family label and identifier of Tweede Kamer PDFs are usually printed in the masthead and
    the identifier block, which :func:`kamervragen.text.build_text` removes as page furniture. Pass
    the ``layout`` the text was built from, and those furniture lines are searched first.

    Anomalies (not errors): footnotes never referenced, references to footnotes that do not exist,
    duplicate footnote numbers, and markers or links whose offsets do not fit their paragraph.
    """
    anomalies: list[Anomaly] = []
    blocks = tuple(_block(paragraph, anomalies) for paragraph in text.paragraphs)
    footnotes = _footnotes(text.footnotes, anomalies)
    anomalies += _reference_anomalies(text.paragraphs, text.footnotes)
    furniture = sorted(text.furniture) if layout else []
    strings = [" ".join(layout.lines[index].text.split()) for index in furniture] if layout else []
    strings += [paragraph.text for paragraph in text.paragraphs]
    strings += [note.text for note in text.footnotes]
    family = detect_family(strings)
    metadata = model.Metadata(
        source_file=text.source.file,
        sha256=text.source.sha256,
        pages=text.source.pages,
        title=text.source.title or None,
        family=family,
        identifier=detect_identifier(family, strings),
    )
    return model.Document(
        metadata=metadata, blocks=blocks, footnotes=footnotes, anomalies=tuple(anomalies)
    )


def detect_family(strings: Iterable[str]) -> model.Family:
    """The family whose label occurs first in the text (in reading order), else ``"unknown"``.

    >>> detect_family(["28676 NAVO", "Nr. VERSLAG", "Vastgesteld, … maart 2021"])
    'verslag'
    >>> detect_family(["Vergaderjaar 2023–2024 Aanhangsel van de Handelingen"])
    'aanhangsel'
    >>> detect_family(["zie het verslag van de vergadering"])
    'unknown'
    """
    for string in strings:
        found: list[tuple[int, model.Family]] = []
        for family, pattern in FAMILY_PATTERNS:
            for match in pattern.finditer(string):
                if match[0].lower() == "verslag" and not VERSLAG_CAPITALS.fullmatch(match[0]):
                    continue
                found.append((match.start(), family))
                break
        if found:
            return min(found)[1]
    return "unknown"


def detect_identifier(family: model.Family, strings: Sequence[str]) -> str | None:
    """The identifier printed in the document, if visible (see :class:`model.Metadata`).

    >>> detect_identifier("aanhangsel", ["…", "ah-tk-20232024-1481"])
    'ah-tk-20232024-1481'
    >>> detect_identifier("verslag", ["28676 NAVO", "Nr. VERSLAG"])
    '28676'
    """
    if family == "aanhangsel":
        for string in strings:
            if match := AANHANGSEL_ID.search(string):
                return match[0]
    if family == "verslag":
        for string in strings:
            if match := KAMERSTUK_ID.search(string):
                return match[1]
        # Only the masthead names the dossier this way; later numbers are citations or amounts.
        for string in strings[:MASTHEAD_LINES]:
            if match := DOSSIER_HEADING.match(string):
                return match[1].replace(" ", "")
    return None


def _block(paragraph: Paragraph, anomalies: list[Anomaly]) -> model.Block:
    content = inline_content(
        paragraph.text,
        paragraph.note_refs,
        paragraph.links,
        anomalies=anomalies,
        page=paragraph.page,
    )
    if paragraph.bold:
        return model.Heading(content=content, page=paragraph.page, line=paragraph.line)
    return model.Paragraph(content=content, page=paragraph.page, line=paragraph.line)


def inline_content(
    text: str,
    note_refs: Sequence[NoteRef] = (),
    links: Sequence[WebLink] = (),
    *,
    anomalies: list[Anomaly] | None = None,
    page: int | None = None,
) -> tuple[model.Inline, ...]:
    """Cut ``text`` into text runs, note references and links at their offsets.

    A marker that stood inside a link's text splits the link into two links to the same address,
    so the marker keeps its exact position. Offsets outside the text, and links overlapping an
    earlier link, are dropped with an anomaly (appended to ``anomalies`` when given).

    >>> inline_content("Zie motie en website.", [NoteRef(9, 1)], [WebLink(13, 20, "https://x.nl")])
    ('Zie motie', NoteRef(number=1), ' en ', WebLink(url='https://x.nl', text='website'), '.')
    """
    found = anomalies if anomalies is not None else []
    refs: list[NoteRef] = []
    for ref in sorted(note_refs, key=lambda ref: ref.offset):
        if 0 <= ref.offset <= len(text):
            refs.append(ref)
        else:
            found.append(
                Anomaly(
                    "note-ref-out-of-range",
                    f"footnote marker {ref.number} at offset {ref.offset} lies outside its "
                    f"paragraph ({len(text)} characters): {_excerpt(text)}",
                    page=page,
                )
            )
    spans: list[WebLink] = []
    for link in sorted(links, key=lambda link: (link.start, link.end)):
        if not 0 <= link.start < link.end <= len(text):
            problem = f"link to {link.url} at {link.start}–{link.end} lies outside its paragraph"
        elif spans and link.start < spans[-1].end:
            problem = f"link to {link.url} overlaps the link to {spans[-1].url}"
        else:
            spans.append(link)
            continue
        found.append(Anomaly("link-out-of-range", f"{problem}: {_excerpt(text)}", page=page))

    # Cut points: every marker offset and both ends of every link.
    cuts = sorted({0, len(text), *(ref.offset for ref in refs)} | _link_ends(spans))
    content: list[model.Inline] = []
    pending = iter(refs)
    ref = next(pending, None)
    for start, end in zip(cuts, cuts[1:] + [None], strict=True):
        while ref is not None and ref.offset == start:
            content.append(model.NoteRef(ref.number))
            ref = next(pending, None)
        if end is None or start == end:
            continue
        piece = text[start:end]
        link = next((span for span in spans if span.start <= start and end <= span.end), None)
        if link is not None:
            content.append(model.WebLink(url=link.url, text=piece))
        elif content and isinstance(content[-1], str):
            content[-1] += piece
        else:
            content.append(piece)
    return tuple(content)


def _link_ends(spans: Sequence[WebLink]) -> set[int]:
    return {offset for span in spans for offset in (span.start, span.end)}


def _footnotes(notes: Sequence[Footnote], anomalies: list[Anomaly]) -> tuple[model.Footnote, ...]:
    result: list[model.Footnote] = []
    seen: set[int] = set()
    for note in notes:
        if note.number in seen:
            anomalies.append(
                Anomaly(
                    "duplicate-footnote",
                    f"footnote {note.number} occurs more than once; the first one is kept",
                    page=note.page,
                )
            )
            continue
        seen.add(note.number)
        content = inline_content(note.text, (), note.links, anomalies=anomalies, page=note.page)
        result.append(
            model.Footnote(
                number=note.number,
                # A footnote holds no markers, so its content is text runs and links only.
                content=tuple(item for item in content if not isinstance(item, model.NoteRef)),
                page=note.page,
                line=note.lines[0] if note.lines else None,
            )
        )
    return tuple(result)


def _reference_anomalies(
    paragraphs: Sequence[Paragraph], notes: Sequence[Footnote]
) -> list[Anomaly]:
    existing = {note.number for note in notes}
    referenced: set[int] = set()
    anomalies: list[Anomaly] = []
    for paragraph in paragraphs:
        for ref in paragraph.note_refs:
            referenced.add(ref.number)
            if ref.number not in existing:
                anomalies.append(
                    Anomaly(
                        "missing-footnote",
                        f"footnote {ref.number} is referenced but does not exist: "
                        f"{_excerpt(paragraph.text[: ref.offset], tail=True)}",
                        page=paragraph.page,
                    )
                )
    reported: set[int] = set()
    for note in notes:
        if note.number not in referenced and note.number not in reported:
            reported.add(note.number)
            anomalies.append(
                Anomaly(
                    "unreferenced-footnote",
                    f"footnote {note.number} is never referenced: {_excerpt(note.text)}",
                    page=note.page,
                )
            )
    return anomalies


def _excerpt(text: str, *, tail: bool = False, width: int = 40) -> str:
    """A short quote for a message, so a reader can find the place: "…last words" or "first…"."""
    if len(text) <= width:
        return f'"{text}"'
    return f'"…{text[-width:]}"' if tail else f'"{text[:width]}…"'
