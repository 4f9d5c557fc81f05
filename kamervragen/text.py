"""From layout lines to running text: paragraphs in reading order, and footnotes.

:func:`build_text` leaves out the page furniture (the lines :mod:`kamervragen.furniture` marked, with
their reasons, in the layout), separates footnotes from the body, joins lines into paragraphs (also
across page breaks; a line outside the text column, such as a margin note, is never joined into
one), repairs line-end hyphenation and takes footnote markers out of the text, recording where they
stood. :func:`render_txt` writes the ``<name>.txt`` form.

Conservation starts at the PDF's text: :func:`check_text_conservation` proves, for every text it
builds, that each layout line is accounted for exactly once, in a paragraph
(:attr:`TextParagraph.lines`), a footnote (:attr:`TextFootnote.lines`) or as furniture
(:attr:`Text.furniture`, each line with its reason in the layout), and that every letter and digit of
a paragraph's or footnote's lines is in its text, in order.

The types here are this step's output, not the document model: a :class:`TextParagraph` is plain
text with the layout lines it came from and their typography, its footnote markers
(:class:`NoteMarker`) and links (:class:`LinkSpan`) as offsets into that text. The structure step
(:mod:`kamervragen.structure`, :mod:`kamervragen.blocks`) turns them into the model's
:class:`~kamervragen.model.Paragraph`, :class:`~kamervragen.model.Footnote`,
:class:`~kamervragen.model.NoteRef` and :class:`~kamervragen.model.WebLink`.
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from kamervragen import columns, patterns
from kamervragen.errors import StructureError
from kamervragen.furniture import find_furniture, is_label_line, is_structural_label
from kamervragen.layout import Layout, Line, Link, Source


@dataclass(frozen=True, slots=True)
class NoteMarker:
    """A footnote marker taken out of the text: footnote ``number`` is referenced right after
    ``text[:offset]``."""

    offset: int
    number: int


@dataclass(frozen=True, slots=True)
class LinkSpan:
    """A link as a span of the text: ``text[start:end]`` is the visible text of a link to ``url``
    (from a link annotation)."""

    start: int
    end: int
    url: str


@dataclass(frozen=True, slots=True)
class TextParagraph:
    """One paragraph of body text: layout lines joined in reading order, with their typography.

    ``text`` is whitespace-normalised (single spaces), hyphenation repaired, footnote markers removed.
    """

    text: str
    page: int  # page of the first line (1-based)
    lines: tuple[int, ...]  # indices into Layout.lines, in reading order
    bold: bool  # every line bold: a heading
    italic: bool
    indent: float  # x of the first line minus the page's body margin, in points (answers: ~28)
    size: float  # dominant font size
    note_refs: tuple[NoteMarker, ...] = ()
    links: tuple[LinkSpan, ...] = ()
    table: bool = False  # a table row: its cells are separated by " | " in ``text``

    @property
    def line(self) -> int:
        return self.lines[0]


@dataclass(frozen=True, slots=True)
class TextFootnote:
    """One footnote: its layout lines joined, the number it is referenced by taken off."""

    number: int
    text: str  # without its leading number
    page: int
    lines: tuple[int, ...]
    links: tuple[LinkSpan, ...] = ()


@dataclass(frozen=True, slots=True)
class Text:
    source: Source
    paragraphs: tuple[TextParagraph, ...]
    footnotes: tuple[TextFootnote, ...]
    furniture: tuple[
        int, ...
    ]  # layout line indices removed as page furniture (reasons: the layout)


def marked_text(paragraph: TextParagraph) -> str:
    """The paragraph's text with each footnote marker written as ``[n]`` where it stood."""
    parts: list[str] = []
    position = 0
    for ref in sorted(paragraph.note_refs, key=lambda ref: ref.offset):
        parts.append(paragraph.text[position : ref.offset])
        parts.append(f"[{ref.number}]")
        position = ref.offset
    parts.append(paragraph.text[position:])
    return "".join(parts)


def split_paragraph(
    paragraph: TextParagraph, at: int
) -> tuple[TextParagraph, TextParagraph | None]:
    """``paragraph`` cut at offset ``at``: the part before it and the rest after the space at the
    cut (None when nothing follows, and then the part before is ``paragraph`` unchanged).

    The families cut a label off its text ("Vraag 1 Kent u het bericht?") and a combined question
    printed as one paragraph into its questions. Both parts keep the footnote markers and links
    that fall in them: a marker at the cut belongs to the part before it ("…afspreekt?³ Heeft …");
    a link across the cut (never in a label) is dropped, its text stays. The rest's first line is
    estimated from its offset (the lines of a paragraph are of similar length); both parts are on
    the paragraph's page. The part before is never a table row: it is a label or a question.

    >>> paragraph = TextParagraph("Vraag 1 Kent u het bericht? Ja.", 3, (10, 11), False, False,
    ...     0.0, 10.0, note_refs=(NoteMarker(7, 1), NoteMarker(27, 2)))
    >>> label, rest = split_paragraph(paragraph, len("Vraag 1"))
    >>> label.text, label.note_refs, label.lines
    ('Vraag 1', (NoteMarker(offset=7, number=1),), (10, 11))
    >>> rest.text, rest.note_refs, rest.lines
    ('Kent u het bericht? Ja.', (NoteMarker(offset=19, number=2),), (10, 11))
    >>> split_paragraph(paragraph, len(paragraph.text)) == (paragraph, None)
    True
    """
    text = paragraph.text
    head_text = text[:at].rstrip()
    rest = at
    while rest < len(text) and text[rest] == " ":
        rest += 1
    if rest >= len(text):
        return paragraph, None
    head = dataclasses.replace(
        paragraph,
        text=head_text,
        note_refs=tuple(
            dataclasses.replace(ref, offset=min(ref.offset, len(head_text)))
            for ref in paragraph.note_refs
            if ref.offset < rest
        ),
        links=tuple(link for link in paragraph.links if link.end <= len(head_text)),
        table=False,
    )
    lines = paragraph.lines
    first = min(len(lines) - 1, len(lines) * rest // len(text))
    tail = dataclasses.replace(
        paragraph,
        text=text[rest:],
        lines=lines[first:],
        note_refs=tuple(
            dataclasses.replace(ref, offset=ref.offset - rest)
            for ref in paragraph.note_refs
            if ref.offset >= rest
        ),
        links=tuple(
            dataclasses.replace(link, start=link.start - rest, end=link.end - rest)
            for link in paragraph.links
            if link.start >= rest
        ),
    )
    return head, tail


def render_txt(text: Text) -> str:
    """The ``<name>.txt`` form: paragraphs separated by one blank line, then ``[n] footnote``."""
    blocks = [marked_text(paragraph) for paragraph in text.paragraphs]
    blocks += [f"[{note.number}] {note.text}" for note in text.footnotes]
    return "\n\n".join(blocks) + "\n"


# --- Building the text from layout lines -------------------------------------------------------------

# A line whose font is this much smaller than the body font is small print (footnotes, tables).
SMALL_PRINT = 0.92
# A vertical gap larger than this many times the usual line spacing separates paragraphs.
PARAGRAPH_GAP = 1.3
# The line spacing lies between these multiples of the body font size; a larger common step is
# the gap between paragraphs.
MIN_LEADING = 0.9
MAX_LEADING = 1.6
# Two lines start at the same indent when their x differs by less than this many points.
INDENT_TOLERANCE = 3.0
# The text column starts at the leftmost edge that at least this many body lines share.
COLUMN_LINES = 3


@dataclass(frozen=True, slots=True)
class _Metrics:
    body_size: float
    body_left: float  # the most common left edge of body-size lines
    body_right: float
    leading: float
    column_left: float  # the leftmost edge that several body-size lines share: the text column's


def build_text(layout: Layout) -> Text:
    """Turn layout lines into paragraphs and footnotes (see the module docstring).

    The furniture is the layout's own record; a reader's raw layout has its furniture found first.
    """
    layout = find_furniture(layout)
    lines = layout.lines
    # Where each line stands within its column: the geometry that paragraphs are measured by.
    placed = column_placed(lines)
    metrics = _measure(placed)
    furniture = {index for index, line in enumerate(lines) if line.furniture is not None}
    notes_at = _find_footnote_lines(placed, furniture, metrics)
    lexicon = _lexicon(lines)
    inserted = inserted_hyphen(lines)
    footnotes = _build_footnotes(layout, notes_at, lexicon, inserted)
    numbers = {note.number for note in footnotes}
    body = [i for i in range(len(lines)) if i not in furniture and i not in notes_at]
    paragraphs = [
        _build_paragraph(layout, group, metrics, lexicon, numbers, inserted, placed)
        for group in _group_paragraphs(placed, body, metrics)
    ]
    text = Text(
        source=layout.source,
        paragraphs=tuple(paragraph for paragraph in paragraphs if paragraph.text),
        footnotes=tuple(footnotes),
        furniture=tuple(sorted(furniture)),
    )
    check_text_conservation(text, layout)
    return text


def column_placed(lines: Sequence[Line]) -> Sequence[Line]:
    """``lines``, with each line of a page's right column moved left by the distance between the
    columns, so that indentation, line width and the text column are measured within a column.

    The reader has cut the lines at the gutter and put them in reading order
    (:mod:`kamervragen.columns`); here the gutter is found again from the lines of each page (the
    furniture left out). On a page in one column nothing moves; a document without a page in two
    columns gets ``lines`` itself back.
    """
    by_page: dict[int, list[int]] = {}
    for index, line in enumerate(lines):
        if line.furniture is None:
            by_page.setdefault(line.page, []).append(index)
    placed: list[Line] | None = None
    before: columns.Gutter | None = None
    for indices in by_page.values():
        sizes = sorted(lines[index].size for index in indices)
        boxes = [columns.Box(lines[i].x, lines[i].right, lines[i].y) for i in indices]
        gutter = columns.find_gutter(boxes, sizes[len(sizes) // 2], before)
        if gutter is None:
            continue
        before = gutter
        beside = [index for index in indices if gutter.beside(lines[index].y)]
        left = [index for index in beside if lines[index].right < gutter.middle]
        right = [index for index in beside if lines[index].x > gutter.middle]
        shift = _common_left(lines, right) - _common_left(lines, left)
        placed = list(lines) if placed is None else placed
        for index in right:
            placed[index] = dataclasses.replace(lines[index], x=lines[index].x - shift)
    return lines if placed is None else placed


def _common_left(lines: Sequence[Line], indices: Sequence[int]) -> float:
    """The most common left edge of these lines (a column's text edge)."""
    lefts = Counter(round(lines[index].x) for index in indices)
    return float(lefts.most_common(1)[0][0])


def _measure(lines: Sequence[Line]) -> _Metrics:
    sizes: Counter[float] = Counter()
    for line in lines:
        sizes[round(line.size, 1)] += len(line.text)
    body_size = sizes.most_common(1)[0][0] if sizes else 10.0
    body_lines = [line for line in lines if abs(line.size - body_size) < 0.3]
    lefts: Counter[float] = Counter(round(line.x) for line in body_lines)
    body_left = float(lefts.most_common(1)[0][0]) if lefts else 0.0
    # Questions may stand left of the (more numerous, indented) answers: the column starts at the
    # leftmost edge shared by a few lines, not at the most common one.
    shared = [x for x, count in lefts.items() if count >= COLUMN_LINES]
    column_left = float(min(shared)) if shared else body_left
    rights = sorted(line.right for line in body_lines)
    body_right = rights[int(len(rights) * 0.9)] if rights else 0.0
    steps: Counter[float] = Counter()
    for previous, line in zip(body_lines, body_lines[1:], strict=False):
        step = round(2 * (line.y - previous.y)) / 2  # to half a point: 10.6 and 10.7 are one step
        if line.page == previous.page and 0 < step < 3 * body_size:
            steps[step] += 1
    # The line spacing is the smallest common step: in documents of short paragraphs (a motion)
    # the step between paragraphs can be the most frequent one.
    common = [
        step for step, count in steps.items() if count >= max(2, steps.most_common(1)[0][1] / 4)
    ]
    leading = min(common) if common else 1.2 * body_size
    if leading > MAX_LEADING * body_size:
        # Mostly one-line paragraphs ("Vraag 1", "Ja.", "2"): the common step is the paragraph
        # gap; the lines of the few longer paragraphs still show the line spacing.
        lines_steps = [
            step
            for step, count in steps.items()
            if count >= 2 and MIN_LEADING * body_size <= step <= MAX_LEADING * body_size
        ]
        leading = min(lines_steps, default=leading)
    return _Metrics(
        body_size=body_size,
        body_left=body_left,
        body_right=body_right,
        leading=leading,
        column_left=min(column_left, body_left),
    )


def _marker_number(line: Line) -> tuple[int, str] | None:
    """A footnote's own number at the start of its first line, and the text after it."""
    spans = line.spans
    if not spans:
        return None
    first = spans[0]
    if first.raised and first.text.strip().isdigit():
        return int(first.text.strip()), "".join(span.text for span in spans[1:]).strip()
    match = re.match(r"^(\d{1,3})\s+(\S.*)$", line.text)
    if match:
        return int(match.group(1)), match.group(2)
    return None


def _find_footnote_lines(
    lines: Sequence[Line], furniture: set[int], metrics: _Metrics
) -> dict[int, int]:
    """Map each footnote line's index to the index of its footnote's first line.

    Footnotes are small print at the foot of the page, each starting with its number; the numbers
    run on through the document. Small print above them (a table in an answer) is body text.
    """
    by_page: dict[int, list[int]] = {}
    for index, line in enumerate(lines):
        if index not in furniture:
            by_page.setdefault(line.page, []).append(index)
    result: dict[int, int] = {}
    expected = 1
    open_note: int | None = None
    for page in sorted(by_page):
        indices = by_page[page]
        # The foot zone: the trailing run of small-print lines on the page.
        start = len(indices)
        while start > 0 and lines[indices[start - 1]].size < SMALL_PRINT * metrics.body_size:
            start -= 1
        zone = indices[start:]
        first_numbered = next(
            (
                position
                for position, index in enumerate(zone)
                if (found := _marker_number(lines[index])) and found[0] == expected
            ),
            None,
        )
        if first_numbered is None:
            continue
        # Lines before the first numbered one continue a footnote from the previous page.
        if open_note is not None and first_numbered > 0:
            above = zone[:first_numbered]
            if all(lines[i].y > lines[zone[first_numbered]].y - 6 * metrics.leading for i in above):
                for index in above:
                    result[index] = open_note
        for index in zone[first_numbered:]:
            found = _marker_number(lines[index])
            if found and found[0] == expected:
                open_note = index
                expected += 1
            if open_note is not None:
                result[index] = open_note
    return result


def _lexicon(lines: Sequence[Line]) -> Counter[str]:
    """Word forms as printed inside lines (not broken at a line end), for repairing hyphenation."""
    words: Counter[str] = Counter()
    broken = False  # whether the previous line ended in a hyphen
    for line in lines:
        tokens = line.text.split()
        if broken and tokens:
            tokens = tokens[1:]  # the tail of a word broken at the previous line's end
        broken = bool(tokens) and tokens[-1].endswith(LINE_END_HYPHENS + (SOFT_HYPHEN,))
        if broken:
            tokens = tokens[:-1]
        for token in tokens:
            word = token.strip(_PUNCTUATION).lower()
            if word:
                words[word] += 1
    return words


_PUNCTUATION = "()[]{}«»‘’“”\"'.,;:!?…"


def inserted_hyphen(lines: Sequence[Line]) -> str | None:
    """The hyphen the producer inserts where it breaks a word itself, when it has one of its own.

    WeasyPrint (and some typesetters) end a line broken inside a word with U+2010 HYPHEN and keep
    the author's hyphens as HYPHEN-MINUS. When a document prints U+2010 at line ends and nowhere
    else, every line-end U+2010 is a break the producer made (``"mili‐" + "eu"`` is "milieu") and
    every line-end HYPHEN-MINUS is the author's (``"non-" + "proliferatie"`` is
    "non-proliferatie"). A document that prints U+2010 inside a line uses it as a hyphen of the
    text: then None, and the words around each line-end hyphen decide (:func:`join_lines`).
    """
    at_end = False
    for line in lines:
        text = line.text.rstrip()
        if "\u2010" in text[:-1]:
            return None
        at_end = at_end or text.endswith("\u2010")
    return "\u2010" if at_end else None


# Characters at which a URL is wrapped over two lines without a hyphen being added.
_URL_SEPARATORS = ("/", "=", "&", "?", "_", "%", "#", ".", "~")


# A word part after a hyphen-taking prefix is a word of its own of at least this many letters.
PREFIXED_PART = 5


# Hyphens that can end a line: HYPHEN-MINUS (most producers) and U+2010 HYPHEN (WeasyPrint's
# automatic hyphenation); which of them is a real hyphen is decided from the words around it.
LINE_END_HYPHENS = ("-", "\u2010")
SOFT_HYPHEN = "\u00ad"
RANGE_DASHES = ("–", "-", "\u2010")


def join_lines(left: str, right: str, lexicon: Counter[str], inserted: str | None = None) -> str:
    """Join two line texts, repairing a line-end hyphen.

    ``inserted`` is the hyphen the producer adds where it breaks a word (:func:`inserted_hyphen`):
    at a line end it is taken out, and any other hyphen there is the text's own.

    >>> join_lines("de bijeen-", "komst van", Counter())
    'de bijeenkomst van'
    >>> join_lines("het NAVO-", "bondgenootschap", Counter())
    'het NAVO-bondgenootschap'
    >>> join_lines("korte-", "of middellange", Counter())
    'korte- of middellange'
    >>> join_lines("de maatregelen/", "projecten", Counter())
    'de maatregelen/projecten'
    >>> join_lines("de non-", "proliferatie", Counter())
    'de non-proliferatie'
    >>> join_lines("het mili\u2010", "eu", Counter(), inserted="\u2010")
    'het milieu'
    """
    if not left:
        return right
    if not right:
        return left
    if left.endswith(SOFT_HYPHEN):
        return left[:-1] + right  # U+00AD is by definition a hyphenation point, never a hyphen
    if left.endswith("/") and left[-2:-1] not in ("", " "):
        return left + right  # "maatregelen/" + "projecten": a slash binds as a hyphen does
    if left.endswith(RANGE_DASHES) and left[-2:-1].isdigit() and right[:1].isdigit():
        return left + right  # a range broken after its dash: "2022–" / "2028"
    if inserted and left.endswith(inserted) and left[-2:-1] not in ("", " "):
        return left[:-1] + right  # the producer's own break, never a hyphen of the text
    if not left.endswith(LINE_END_HYPHENS) or left[-2:-1] == " " or len(left) < 2:
        if patterns.URL_START.search(left) and (
            left.endswith(_URL_SEPARATORS) or right.startswith(_URL_SEPARATORS)
        ):
            return left + right  # a URL wrapped at a separator ("https://" / "www.movisie.nl/…")
        return f"{left} {right}"
    stem_word = left.split()[-1][:-1].lstrip(_PUNCTUATION)
    next_word = right.split()[0]
    before, after = left[-2], right[0]
    if patterns.URL_START.search(left):
        return left + right  # hyphens in URLs are real
    if next_word.lower().strip(_PUNCTUATION) in patterns.ELISION_CONJUNCTIONS:
        return f"{left} {right}"
    if inserted:
        return left + right  # the producer breaks words with another hyphen: this one is the text's
    if not before.isalpha() or not after.isalpha() or before.isupper() or after.isupper():
        return left + right  # "NAVO-", "COVID-19", "Zuid-Chinese": a real hyphen
    joined = (stem_word + next_word).strip(_PUNCTUATION).lower()
    hyphenated = f"{stem_word}-{next_word}".strip(_PUNCTUATION).lower()
    if lexicon[hyphenated] > lexicon[joined]:
        return left + right
    tail = next_word.strip(_PUNCTUATION).lower()
    if (
        lexicon[joined] == 0
        and stem_word.lower() in patterns.HYPHEN_PREFIXES
        and len(tail) >= PREFIXED_PART
    ):
        # Dutch writes these prefixes with a hyphen ("non-proliferatie", "ex-minister",
        # "oud-premier"); a short tail is more likely a word broken after its first syllable
        # ("oud-" + "ste", "ex-" + "port").
        return left + right
    if (
        lexicon[joined] == 0
        and _ends_multiword_name(left)
        and lexicon[tail] > 0
        and not stem_word.endswith("s")
    ):
        # Dutch joins a multi-word name to a word with a hyphen ("Defence Capacity
        # Building-initiatief"), where the second part is a word found elsewhere in the text; a
        # name part ending in a linking s is a compound part ("Autoriteit Persoons-gegevens").
        return left + right
    if lexicon[joined] == 0 and (before + after).lower() in patterns.VOWEL_CLASHES:
        return left + right
    return left[:-1] + right


def _is_table_row(line: Line, metrics: _Metrics) -> bool:
    """A line with cell gaps inside the text column (a gap after a label in the left margin,
    such as the dossier number before the title in a Kamerstuk masthead, is not a table)."""
    return "\t" in line.text and line.x >= metrics.body_left - INDENT_TOLERANCE


def _continues_cell(lines: Sequence[Line], group: list[int], line: Line, metrics: _Metrics) -> bool:
    """Whether ``line`` wraps a cell of the table row that opens ``group``: in the row's type,
    right under it at line spacing, inside the row and right of its first cell, with no cell gap
    of its own. Budget lists print their questions so: "Nr | Vraag | Bijlage | Blz. (van) |
    (t/m)", the question wrapping inside its "Vraag" cell."""
    row = lines[group[0]]
    previous = lines[group[-1]]
    text = line.text.strip()
    return (
        _is_table_row(row, metrics)
        and not _is_table_row(line, metrics)
        and line.page == previous.page
        and line.bold == row.bold
        and abs(line.size - row.size) <= 0.5
        and 0 < line.y - previous.y <= PARAGRAPH_GAP * metrics.leading
        and line.x > row.x + INDENT_TOLERANCE
        and line.right <= row.right + INDENT_TOLERANCE
        and not is_label_line(text)
        and not patterns.BLOCK_LABEL.match(text)
    )


def _cell_of(row: Line, line: Line) -> int:
    """Which cell of the table row ``row`` the wrapped line ``line`` continues: the last cell
    that can start left of it (each cell starts at least the width of the cells before it, in
    the line's own character width, right of the row's start)."""
    cells = row.text.split("\t")
    char_width = line.width / max(len(line.text), 1)
    start = row.x
    found = 0
    for index, cell in enumerate(cells[:-1]):
        start += len(cell) * char_width
        if start > line.x + INDENT_TOLERANCE:
            break
        found = index + 1
    return found


def _ends_multiword_name(left: str) -> bool:
    """Whether ``left`` ends in two capitalised words, not at a sentence start."""
    words = left.split()
    if len(words) < 3 or words[-3][-1:] in ".?!:":
        return False
    return words[-1][:1].isupper() and words[-2][:1].isupper() and not words[-1].isupper()


def _group_paragraphs(lines: Sequence[Line], body: list[int], metrics: _Metrics) -> list[list[int]]:
    """Body lines grouped into paragraphs, in the order of their first lines.

    A line outside the text column (a margin note, an identifier in the margin) is never joined
    into a paragraph of the column: the column's paragraph goes on past it (across a page break
    too), and the margin's lines make paragraphs of their own.
    """
    groups: list[list[int]] = []
    open_groups: dict[bool, int] = {}  # outside the column or not -> the paragraph still open
    previous: int | None = None
    for index in body:
        line = lines[index]
        outside = _outside_column(line, metrics)
        current = open_groups.get(outside)
        if outside and (current is None or groups[current][-1] != previous):
            current = None  # margin lines join only the margin line right before them
        if current is not None and not _starts_paragraph(lines, groups[current], line, metrics):
            groups[current].append(index)
        else:
            groups.append([index])
            open_groups[outside] = len(groups) - 1
        previous = index
    return groups


def _outside_column(line: Line, metrics: _Metrics) -> bool:
    """Whether the line lies wholly beside the text column: in the left or the right margin."""
    return (
        line.right < metrics.column_left - INDENT_TOLERANCE
        or line.x > metrics.body_right + INDENT_TOLERANCE
    )


def _starts_paragraph(
    lines: Sequence[Line], group: list[int], line: Line, metrics: _Metrics
) -> bool:
    previous = lines[group[-1]]
    first = lines[group[0]]
    text = line.text.strip()
    previous_text = previous.text.strip()
    if _continues_cell(lines, group, line, metrics):
        return False
    if _is_table_row(line, metrics) or _is_table_row(previous, metrics):
        return True  # a table row is a paragraph of its own
    if previous.bold != line.bold or abs(previous.size - line.size) > 0.5:
        return True
    if patterns.BLOCK_LABEL.match(text) or patterns.BLOCK_LABEL.match(previous_text):
        return True
    if is_label_line(text) or is_label_line(previous_text):
        return True  # a label alone on its line, also first on a page ("Antwoord:" after a break)
    if patterns.NUMBERED_ANSWER_HEADING.match(text) or patterns.LIST_MARKER.match(text):
        return True
    if line.page != previous.page and patterns.INLINE_LABEL.match(text):
        return True
    if line.page == previous.page and line.y - previous.y > PARAGRAPH_GAP * metrics.leading:
        return True
    if (
        patterns.LIST_MARKER.match(first.text.strip())
        and line.x <= first.x + INDENT_TOLERANCE
        and previous_text[-1] in ".;:!?"
    ):
        return True  # a finished list item, followed by text that does not hang under it
    previous_x = previous.x
    if "\t" in previous.text and previous.x < metrics.body_left - INDENT_TOLERANCE:
        previous_x = metrics.body_left  # the text after a margin label starts in the column
    if abs(line.x - previous_x) > INDENT_TOLERANCE:
        # A list item's continuation lines hang under its text, right of the marker.
        hanging = (
            len(group) == 1 and patterns.LIST_MARKER.match(first.text.strip()) and line.x > first.x
        ) or (len(group) > 1 and abs(line.x - lines[group[1]].x) <= INDENT_TOLERANCE)
        if not hanging:
            return True
    # A line that ends well before the right margin, where the next line's first word would have
    # fitted, was ended on purpose: the paragraph ends there (not for a hyphenated line end).
    if previous_text.endswith(LINE_END_HYPHENS + (SOFT_HYPHEN,)) and previous_text[-2:-1] != " ":
        return False
    # The right margin is taken locally (the widest of these lines), which also works for ragged
    # text and for indented blocks; word width is estimated from the next line's own glyphs.
    first_word = text.split()[0] if text else ""
    limit = max(lines[index].right for index in group)
    limit = max(limit, line.right)
    if previous.bold or len(group) == 1:
        # Headings and one-line paragraphs have no width of their own to compare with: measure
        # them against the page's text width.
        limit = max(limit, metrics.body_right)
    room = limit - previous.right
    char_width = line.width / max(len(line.text), 1)
    word_width = (len(first_word) + 1) * char_width
    if previous_text[-1] in _SENTENCE_END:
        return room > word_width + 1.5 * line.size
    # Without a sentence end, ragged-right text needs stronger evidence: a clearly short line.
    return room > max(2 * word_width, 0.4 * (limit - previous.x))


# Characters that end a paragraph's last line: sentence ends, closing brackets and quotes.
_SENTENCE_END = ".?!:;)]»”’\"'"


def _build_paragraph(
    layout: Layout,
    group: list[int],
    metrics: _Metrics,
    lexicon: Counter[str],
    footnote_numbers: set[int],
    inserted: str | None = None,
    placed: Sequence[Line] | None = None,
) -> TextParagraph:
    """One paragraph of the lines ``group``; ``placed``: the lines as :func:`column_placed` has
    them, for the indentation (the links are found where the lines really stand)."""
    lines = [layout.lines[index] for index in group]
    first = (placed or layout.lines)[group[0]]
    urls = _link_urls(layout.links, lines)
    text, refs = _join_with_markers(lines, metrics, lexicon, footnote_numbers, urls, inserted)
    if len(lines) > 1 and _is_table_row(lines[0], metrics):
        cells = _join_cells(lines, metrics, lexicon, footnote_numbers, urls, inserted)
        text = text if cells is None else cells
    sizes = Counter(line.size for line in lines)
    return TextParagraph(
        text=text,
        page=lines[0].page,
        lines=tuple(group),
        bold=all(line.bold for line in lines),
        italic=all(line.italic for line in lines),
        indent=round(first.x - metrics.body_left, 1),
        size=sizes.most_common(1)[0][0],
        note_refs=tuple(refs),
        links=tuple(_find_links(text, layout.links, lines)),
        table=_is_table_row(first, metrics),
    )


def _join_with_markers(
    lines: Sequence[Line],
    metrics: _Metrics,
    lexicon: Counter[str],
    footnote_numbers: set[int],
    urls: Sequence[str] = (),
    inserted: str | None = None,
) -> tuple[str, list[NoteMarker]]:
    """Join the lines' text; raised footnote numbers become :class:`NoteMarker` offsets.

    While joining, each marker stands in the text as one private-use character (U+E000, or the
    next one that the lines do not hold: symbol fonts print private-use characters too), so that
    whitespace normalisation and hyphen repair move it along with the text around it.
    """
    marker = _free_marker(lines)
    text = ""
    numbers: list[int] = []
    for line in lines:
        cell_separator = " | " if _is_table_row(line, metrics) else " "
        line_text = ""
        for span in line.spans:
            found = _marker_numbers(span.text) if span.raised else None
            if found and all(number in footnote_numbers for number in found):
                line_text = line_text.rstrip() + marker * len(found)
                numbers.extend(found)
                if span.text.endswith(" "):
                    line_text += " "
                continue
            chunk = cell_separator.join(
                restore_spaced_capitals(cell) for cell in span.text.split("\t")
            )
            # A marker glued between a sentence and the next word ("gesproken.3Toekomstige"):
            # taking it out must not glue the words together.
            stripped = line_text.rstrip(marker)
            if line_text.endswith(marker) and stripped[-1:] in _GLUE_BEFORE and chunk[:1].isalnum():
                chunk = " " + chunk
            line_text += chunk
        text = join_lines(text, _normalise(line_text), lexicon, inserted)
    text = repair_urls(text, urls)
    # Each marker becomes a reference at its offset in the text without the markers.
    parts = text.split(marker)
    refs: list[NoteMarker] = []
    offset = 0
    for index, part in enumerate(parts[:-1]):
        offset += len(part)
        refs.append(NoteMarker(offset=offset, number=numbers[index]))
    return "".join(parts), refs


def _join_cells(
    lines: Sequence[Line],
    metrics: _Metrics,
    lexicon: Counter[str],
    footnote_numbers: set[int],
    urls: Sequence[str] = (),
    inserted: str | None = None,
) -> str | None:
    """The text of a table row whose cells wrap onto the lines under it (:func:`_continues_cell`):
    each wrapped line joined to the end of its cell (:func:`_cell_of`), so that "2 | Welke … onder
    | 12 | 13" and "kinderen te verminderen?" read "2 | Welke … onder kinderen te verminderen? |
    12 | 13". None (the lines then read in line order) when a line holds a footnote marker."""
    row, *wrapped = lines
    text, refs = _join_with_markers([row], metrics, lexicon, footnote_numbers, urls, inserted)
    cells = text.split(" | ")
    if refs or len(cells) != len(row.text.split("\t")):
        return None
    for line in wrapped:
        part, part_refs = _join_with_markers(
            [line], metrics, lexicon, footnote_numbers, urls, inserted
        )
        if part_refs:
            return None
        cell = _cell_of(row, line)
        cells[cell] = join_lines(cells[cell], part, lexicon, inserted)
    return repair_urls(" | ".join(cells), urls)


# Stands for a footnote marker while lines are joined (Unicode private use area).
_MARKER = "\ue000"


def _free_marker(lines: Sequence[Line]) -> str:
    """_MARKER, or the first private-use character after it that none of ``lines`` holds."""
    used = {char for line in lines for span in line.spans for char in span.text}
    return next(chr(code) for code in range(ord(_MARKER), 0xF900) if chr(code) not in used)


# After these, a word glued to a footnote marker starts a new sentence or clause.
_GLUE_BEFORE = tuple(".?!;:,)")


def _marker_numbers(text: str) -> list[int] | None:
    """``"1"`` -> [1]; ``"1, 2"`` -> [1, 2] (a raised group whose comma belongs to the marker)."""
    cleaned = text.strip()
    if not cleaned or not re.fullmatch(r"\d{1,3}(?:\s*,\s*\d{1,3})*", cleaned):
        return None
    return [int(part) for part in re.findall(r"\d+", cleaned)]


def restore_spaced_capitals(text: str) -> str:
    """Letter-spaced capitals as the word: "D A T U M" and "DAT UM" -> "DATUM", "O N S K E N M E R K"
    -> "ONS KENMERK" (a letter's labels, :data:`patterns.LETTER_LABELS`), "B E Z O R G E N" ->
    "BEZORGEN". Only spaces go, so nothing of the text is lost.

    >>> restore_spaced_capitals("BET RE FT Beantwoording vragen BI JLA GE( N )")
    'BETREFT Beantwoording vragen BIJLAGE(N)'
    """
    if " " not in text or not any(char.isupper() for char in text):
        return text

    def label(match: re.Match[str]) -> str:
        squeezed = match.group(0).replace(" ", "")
        return next(
            (name for name in patterns.LETTER_LABELS if name.replace(" ", "") == squeezed),
            match.group(0),
        )

    text = patterns.SPACED_LETTER_LABEL.sub(label, text)
    return patterns.SPACED_CAPITALS.sub(lambda match: match.group(0).replace(" ", ""), text)


def _normalise(text: str) -> str:
    """Collapse whitespace and compose letters set with a spacing accent after them."""
    text = " ".join(text.split())
    if any(accent in text for accent in patterns.SPACING_ACCENTS):
        text = re.sub(
            r"([A-Za-z])([" + "".join(patterns.SPACING_ACCENTS) + r"])",
            lambda match: unicodedata.normalize(
                "NFC", match.group(1) + patterns.SPACING_ACCENTS[match.group(2)]
            ),
            text,
        )
    return text


def _build_footnotes(
    layout: Layout, notes_at: dict[int, int], lexicon: Counter[str], inserted: str | None = None
) -> list[TextFootnote]:
    groups: dict[int, list[int]] = {}
    for index, first in notes_at.items():
        groups.setdefault(first, []).append(index)
    footnotes: list[TextFootnote] = []
    for key in sorted(groups):
        indices = sorted(groups[key])
        lines = [layout.lines[index] for index in indices]
        found = _marker_number(lines[0])
        if found is None:  # cannot happen: a group starts at a numbered line
            continue
        number, first_text = found
        text = _normalise(first_text.replace("\t", " "))
        for line in lines[1:]:
            text = join_lines(text, _normalise(line.text.replace("\t", " ")), lexicon, inserted)
        text = repair_urls(text, _link_urls(layout.links, lines))
        footnotes.append(
            TextFootnote(
                number=number,
                text=text,
                page=lines[0].page,
                lines=tuple(indices),
                links=tuple(_find_links(text, layout.links, lines)),
            )
        )
    return footnotes


def _link_urls(links: Sequence[Link], lines: Sequence[Line]) -> list[str]:
    """The targets of the link annotations whose rectangles overlap these lines."""
    urls: list[str] = []
    for link in links:
        if link.url not in urls and any(_overlaps(link, line) for line in lines):
            urls.append(link.url)
    return urls


def _overlaps(link: Link, line: Line) -> bool:
    return (
        line.page == link.page
        and link.y0 - 2 <= line.y <= link.y1 + line.size
        and link.x0 < line.right
        and line.x < link.x1
    )


def repair_urls(text: str, urls: Sequence[str]) -> str:
    """Write each URL whole, as its link annotation has it, where its visible text wraps.

    A URL broken over two lines comes back with a space where it wrapped, or with a hyphen that
    the producer added there; the link annotation holds the exact target.

    >>> repair_urls("zie https://example.org/een-lange/ad res (2021)", ["https://example.org/een-lange/adres"])
    'zie https://example.org/een-lange/adres (2021)'
    """
    for url in urls:
        span = _locate(text, url)
        if span is None:
            continue
        visible = text[span[0] : span[1]]
        prefix = re.match(r"(?:https?://)?(?:www\.)?", visible, flags=re.IGNORECASE)
        shown = prefix.group(0) if prefix else ""
        exact = re.sub(r"^(?:https?://)?(?:www\.)?", "", url, flags=re.IGNORECASE)
        replacement = shown + exact
        if visible.rstrip("/") != replacement.rstrip("/"):
            text = text[: span[0]] + replacement + text[span[1] :]
    return text


def _find_links(text: str, links: Sequence[Link], lines: Sequence[Line]) -> list[LinkSpan]:
    """Web links whose annotation rectangle overlaps these lines, located in the joined text.

    The visible text of a wrapped URL may differ from the target (a hyphen at the wrap, a space);
    the link annotation's URL is the truth, so the visible text is found by matching it loosely.
    """
    found: list[LinkSpan] = []
    pages = {line.page for line in lines}
    seen: set[str] = set()
    for link in links:
        if link.page not in pages or link.url in seen:
            continue
        if not any(_overlaps(link, line) for line in lines):
            continue
        span = _locate(text, link.url)
        if span is not None:
            seen.add(link.url)
            found.append(LinkSpan(start=span[0], end=span[1], url=link.url))
    return found


def _locate(text: str, url: str) -> tuple[int, int] | None:
    """Where ``url`` is printed in ``text``, allowing spaces and hyphens inserted at line wraps."""
    bare = re.sub(r"^(?:https?://)?(?:www\.)?", "", url, flags=re.IGNORECASE).rstrip("/")
    if not bare:
        return None
    # Between any two characters: a space or an added hyphen where the visible text wrapped.
    pattern = r"(?:\s|[-\u2010\u00ad]\s?)?".join(re.escape(char) for char in bare)
    match = re.search(r"(?:https?://)?(?:www\.)?" + pattern, text, flags=re.IGNORECASE)
    return (match.start(), match.end()) if match else None


# --- Conservation, from the PDF's text ----------------------------------------------------------


def check_text_conservation(text: Text, layout: Layout) -> None:
    """Prove that body text plus removed furniture is all the text on the pages.

    Every layout line is exactly one of: page furniture (marked in the layout with its reason, and
    never a line a family reads as a label), a line of a footnote, or a line of a paragraph; and the
    letters and digits of a paragraph's or a footnote's lines are those of its text, in order (a
    table row's lines may read cell by cell, each line whole: :func:`_join_cells`). What
    may differ between the lines and the text is exactly what this step repairs: spaces, line-end
    hyphens, the ``|`` between table cells, footnote markers written ``[n]``, accents set apart,
    and the case of a URL written as its link annotation has it. Raises :class:`StructureError`
    naming the page and line of the first loss.
    """
    lines = layout.lines
    owner: dict[int, str] = {}

    def claim(index: int, what: str) -> None:
        if index in owner or not 0 <= index < len(lines):
            _lost(layout, index, f"a line placed twice ({owner.get(index)} and {what})")
        owner[index] = what

    for paragraph in text.paragraphs:
        for index in paragraph.lines:
            claim(index, "a paragraph")
    for note in text.footnotes:
        for index in note.lines:
            claim(index, f"footnote {note.number}")
    marked = {index for index, line in enumerate(lines) if line.furniture is not None}
    if set(text.furniture) != marked:
        index = min(set(text.furniture) ^ marked)
        _lost(layout, index, "a line left out as furniture without a recorded reason")
    for index in text.furniture:
        claim(index, "furniture")
        if is_structural_label(" ".join(lines[index].text.split())):
            _lost(layout, index, f"a structural label removed as {lines[index].furniture}")
    for index, line in enumerate(lines):
        # A line with no letter or digit (a lone marker raised over nothing) has nothing to lose.
        if index not in owner and _letters(line.text):
            _lost(layout, index, "a line that is neither text, footnote nor furniture")
    for paragraph in text.paragraphs:
        if paragraph.table and len(paragraph.lines) > 1:
            # A table row whose cells wrap may read cell by cell (:func:`_join_cells`).
            if _letters(marked_text(paragraph)) == _cell_letters(layout, paragraph.lines):
                continue
        _compare(layout, paragraph.lines, marked_text(paragraph))
    for note in text.footnotes:
        _compare(layout, note.lines, f"{note.number} {note.text}")


def _cell_letters(layout: Layout, indices: Sequence[int]) -> str:
    """The letters of a table row's lines cell by cell: the row's cells, each followed by the
    lines that wrap it (:func:`_cell_of`)."""
    row, *wrapped = (layout.lines[index] for index in indices)
    cells = [_letters(cell) for cell in row.text.split("\t")]
    for line in wrapped:
        cell = _cell_of(row, line)
        cells[cell] += _letters(line.text)
    return "".join(cells)


def _letters(value: str) -> str:
    """The letters and digits of ``value``, accents apart, case folded: what conservation compares."""
    return "".join(filter(str.isalnum, unicodedata.normalize("NFKD", value).casefold()))


def _compare(layout: Layout, indices: Sequence[int], text: str) -> None:
    printed = [_letters(layout.lines[index].text) for index in indices]
    expected = "".join(printed)
    actual = _letters(text)
    if expected == actual:
        return
    position = next(
        (i for i, (a, b) in enumerate(zip(expected, actual, strict=False)) if a != b),
        min(len(expected), len(actual)),
    )
    seen = 0
    index = indices[-1]
    for candidate, letters in zip(indices, printed, strict=True):
        seen += len(letters)
        if seen > position:
            index = candidate
            break
    _lost(
        layout,
        index,
        f"text differs from its lines: {actual[position : position + 30]!r} where the page has "
        f"{expected[position : position + 30]!r}",
    )


def _lost(layout: Layout, index: int, problem: str) -> None:
    page: int | None = None
    line_number: int | None = None
    if 0 <= index < len(layout.lines):
        page = layout.lines[index].page
        first = next(i for i, line in enumerate(layout.lines) if line.page == page)
        line_number = index - first + 1
    raise StructureError(
        f"text not conserved: {problem}",
        document=layout.source.file,
        page=page,
        line=line_number,
        expected="every line of the PDF's text in the body, a footnote or the furniture record",
    )
