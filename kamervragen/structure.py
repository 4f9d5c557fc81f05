"""From running text to the document model: a pure function, no I/O.

:func:`build_document` recognises the document's family (:mod:`kamervragen.families`), lets that
family group the text into front matter, sections, questions and answers, and then does what is
the same for every family:

1. gives every question and answer a unique id and links each answer to the questions it answers;
2. records anomalies (not errors): a question without an answer, an answer whose number has no
   question, gaps or duplicates in the numbering, a footnote that is never referenced;
3. proves conservation: the text of the document model, in reading order, is exactly the text of
   the read stage (:func:`check_conservation`); text it could not place is an error naming the page
   and line, never a silent drop;
4. refuses a document without question/answer structure (a motion, a letter).
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from collections.abc import Iterator, Sequence
from typing import TypeVar

from kamervragen import blocks, model
from kamervragen.errors import Anomaly, StructureError
from kamervragen.families import FAMILIES, FamilyParse, detect_family, not_qa_type
from kamervragen.layout import Layout, OcrInfo
from kamervragen.text import Text, TextFootnote, TextParagraph

QA = TypeVar("QA", model.Question, model.Answer)


def build_document(text: Text, *, layout: Layout | None = None) -> model.Document:
    """Turn running text into a :class:`~kamervragen.model.Document`; see the module docstring.

    ``layout`` gives access to the page furniture (the masthead and identifier block, which hold
    metadata) and to line numbers on the page for messages.
    """
    parsed = find_questions(text, layout=layout)
    body, link_anomalies = link_questions(parsed.body)
    footnotes = tuple(_footnote(note) for note in text.footnotes)
    document = model.Document(
        metadata=parsed.metadata,
        front=parsed.front,
        body=body,
        footnotes=footnotes,
        anomalies=(),
    )
    check_conservation(document, text, layout)
    anomalies = (
        *parsed.anomalies,
        *link_anomalies,
        *_footnote_anomalies(document, text, layout),
    )
    if layout is not None and layout.ocr is not None:
        document = dataclasses.replace(
            document, metadata=dataclasses.replace(document.metadata, ocr=_ocr(layout.ocr))
        )
        anomalies = (*anomalies, *_ocr_anomalies(layout.ocr))
    document = dataclasses.replace(document, anomalies=tuple(_positioned(anomalies, layout)))
    return _lines_on_page(document, layout) if layout is not None else document


# A recognised page whose mean word confidence (Tesseract's, 0-100) is below this gets a warning:
# on the public scans clean pages score 92-95, and below 80 errors come every few words.
LOW_OCR_CONFIDENCE = 80.0


def _ocr(info: OcrInfo) -> model.Ocr:
    return model.Ocr(
        method=info.method,
        engine=info.engine,
        version=info.version,
        language=info.language,
        pages=tuple(
            model.OcrPage(number=page.number, confidence=page.confidence, words=page.words)
            for page in info.pages
        ),
    )


def _ocr_anomalies(info: OcrInfo) -> list[Anomaly]:
    return [
        Anomaly(
            "low-ocr-confidence",
            f"the text of this page was recognised by OCR with a mean word confidence of "
            f"{page.confidence:g} (below {LOW_OCR_CONFIDENCE:g}): expect misread words; "
            "compare with the PDF",
            page=page.number,
        )
        for page in info.pages
        if page.confidence is not None and page.confidence < LOW_OCR_CONFIDENCE
    ]


def find_questions(text: Text, *, layout: Layout | None = None) -> FamilyParse:
    """The first part of :func:`build_document`: the document's family, and its questions and
    answers as the family's parser reads them. Raises :class:`StructureError` when there are no
    questions (a motion, a letter), or when a document of no family is by its printed type never
    questions and answers (a memorie van toelichting whose numbered sections read as numbered
    questions): the read step's check that a PDF is questions and answers.
    """
    furniture = _furniture(text, layout)
    family = detect_family(text, furniture)
    parsed: FamilyParse = FAMILIES[family].parse(text, furniture)
    if not any(isinstance(node, model.Question) for node in model.walk(parsed.body)):
        raise StructureError(
            "no question/answer structure found",
            document=text.source.file,
            expected='questions and answers ("Vraag 1" / "Antwoord 1", or a verslag\'s '
            '"1. Antwoord van het kabinet")',
        )
    if family == "unknown" and (printed := not_qa_type(text, furniture)):
        # Numbered sections read as numbered questions ("1. Inleiding"): the type says otherwise.
        raise StructureError(
            f"no question/answer structure found (the document is a {printed})",
            document=text.source.file,
            expected='questions and answers ("Vraag 1" / "Antwoord 1", or a verslag\'s '
            '"1. Antwoord van het kabinet")',
        )
    return parsed


def _furniture(text: Text, layout: Layout | None) -> list[str]:
    if layout is None:
        return []
    return [" ".join(layout.lines[index].text.split()) for index in text.furniture]


# --- Ids and links --------------------------------------------------------------------------------


def _numbered_per_party(nodes: tuple[model.Node, ...]) -> bool:
    """Whether the fracties each number their questions from 1: numbers recur in the document,
    and in each fractie's section holding printed numbers they start at 1 and do not recur."""
    sections = [
        node
        for node in model.walk(nodes)
        if isinstance(node, model.Section) and node.kind == "party"
    ]
    numbers_by_section = [
        [
            number
            for question in model.walk(section.content)
            if isinstance(question, model.Question) and question.numbering == "printed"
            for number in question.numbers
        ]
        for section in sections
    ]
    numbered = [numbers for numbers in numbers_by_section if numbers]
    everything = [number for numbers in numbered for number in numbers]
    return (
        len(numbered) >= 2
        and len(set(everything)) < len(everything)
        and all(numbers[0] == 1 and len(set(numbers)) == len(numbers) for numbers in numbered)
    )


def link_questions(nodes: tuple[model.Node, ...]) -> tuple[tuple[model.Node, ...], list[Anomaly]]:
    """Give questions and answers unique ids; link every answer to the questions it answers."""
    anomalies: list[Anomaly] = []
    used: set[str] = set()
    # Numbers are the document's, or each fractie's when every fractie numbers from 1 (a verslag
    # may print "1. Antwoord van het kabinet" again under each fractie heading): the scope of a
    # number is then its fractie (the section of its questions, and of its reply in a reply part),
    # and an answer finds its question there first.
    per_party = _numbered_per_party(nodes)
    question_ids: dict[tuple[str, int], list[str]] = {}  # (scope, number) -> question ids
    lettered_ids: dict[tuple[int, str], str] = {}  # (12, "a") -> "vraag-12a"
    seen_numbers: Counter[tuple[str, int]] = Counter()
    scope = ""  # the document's; else a fractie's name

    def unique(base: str) -> str:
        candidate, occurrence = base, 2
        while candidate in used:
            candidate = f"{base}-{occurrence_suffix(occurrence)}"
            occurrence += 1
        used.add(candidate)
        return candidate

    def enter(node: model.Section) -> str:
        """Enter the scope of the section's numbers; the one before it is given back after it."""
        nonlocal scope
        before = scope
        if per_party and node.kind == "party" and node.party:
            scope = node.party
        return before

    def number_questions(items: tuple[model.Node, ...]) -> tuple[model.Node, ...]:
        nonlocal scope
        result: list[model.Node] = []
        for node in items:
            if isinstance(node, model.Section):
                before = enter(node)
                node = dataclasses.replace(node, content=number_questions(node.content))
                scope = before
            elif isinstance(node, model.Question):
                node = _positive_numbers(node, anomalies)
                letter = _letter(node)
                if letter:
                    # "Vraag 12a": a question added after 12, its own id, not a second 12.
                    (number,) = node.numbers
                    identifier = unique(f"vraag-{number}{letter}")
                    lettered_ids[(number, letter)] = identifier
                    result.append(dataclasses.replace(node, id=identifier))
                    continue
                for number in node.numbers:
                    seen_numbers[scope, number] += 1
                    if seen_numbers[scope, number] == 2:
                        anomalies.append(
                            _anomaly(
                                "duplicate-question-number",
                                f"question number {number} is used more than once",
                                node,
                            )
                        )
                identifier = unique("vraag-" + ("-".join(map(str, node.numbers)) or "0"))
                for number in node.numbers:
                    question_ids.setdefault((scope, number), []).append(identifier)
                    if scope:
                        question_ids.setdefault(("", number), []).append(identifier)
                node = dataclasses.replace(node, id=identifier)
            result.append(node)
        return tuple(result)

    answered: set[tuple[str, int]] = set()  # (question id, number)
    answered_ids: set[str] = set()
    # The letter of the question last read: an answer that prints no number of its own
    # ("Antwoord", or none) answers that question.
    previous_letter = ""

    def link_answers(items: tuple[model.Node, ...]) -> tuple[model.Node, ...]:
        nonlocal previous_letter, scope
        result: list[model.Node] = []
        for node in items:
            if isinstance(node, model.Section):
                before = enter(node)
                node = dataclasses.replace(node, content=link_answers(node.content))
                scope = before
            elif isinstance(node, model.Question):
                previous_letter = _letter(node)
            elif isinstance(node, model.Answer):
                node = _positive_numbers(node, anomalies)
                printed = _LABEL_NUMBER.search(node.label.text) if node.label else None
                letter = _letter(node) if printed else previous_letter
                if letter and len(node.numbers) == 1 and (node.numbers[0], letter) in lettered_ids:
                    identifier = lettered_ids[(node.numbers[0], letter)]
                    answered_ids.add(identifier)
                    node = dataclasses.replace(
                        node,
                        id=unique(f"antwoord-{node.numbers[0]}{letter}"),
                        questions=(identifier,),
                    )
                    result.append(node)
                    continue
                targets: list[str] = []
                for number in node.numbers:
                    ids = question_ids.get((scope, number)) or question_ids.get(("", number))
                    if not ids:
                        anomalies.append(
                            _anomaly(
                                "answer-without-question",
                                f"answer {number} has no question with that number",
                                node,
                            )
                        )
                        continue
                    answered.update((identifier, number) for identifier in ids)
                    for identifier in ids:
                        if identifier not in targets:
                            targets.append(identifier)
                identifier = unique("antwoord-" + ("-".join(map(str, node.numbers)) or "0"))
                node = dataclasses.replace(node, id=identifier, questions=tuple(targets))
            result.append(node)
        return tuple(result)

    numbered = number_questions(nodes)
    linked = link_answers(numbered)
    flat = list(model.walk(linked))
    has_announcement = any(isinstance(node, model.Announcement) for node in flat)
    if not has_announcement:
        for node in flat:
            if isinstance(node, model.Question):
                if _letter(node):
                    missing = [] if node.id in answered_ids else list(node.numbers)
                else:
                    missing = [n for n in node.numbers if (node.id, n) not in answered]
                if missing:
                    anomalies.append(
                        _anomaly(
                            "question-without-answer",
                            f"question{'s' if len(missing) > 1 else ''} "
                            f"{', '.join(map(str, missing))} "
                            f"{'have' if len(missing) > 1 else 'has'} no answer",
                            node,
                        )
                    )
    scopes: dict[str, list[int]] = {}
    for key, number in sorted(seen_numbers):
        scopes.setdefault(key, []).append(number)
    for numbers in scopes.values():  # one scope, the document's, unless numbered per fractie
        gaps = sorted(set(range(numbers[0], numbers[-1] + 1)) - set(numbers))
        if numbers[0] != 1:
            gaps = sorted(set(range(1, numbers[0])) | set(gaps))
        if gaps:
            anomalies.append(
                Anomaly(
                    "numbering-gap",
                    f"question number{'s' if len(gaps) > 1 else ''} {_ranges(gaps)} "
                    f"{'are' if len(gaps) > 1 else 'is'} missing from the numbering",
                )
            )
    return linked, anomalies


# The number a label prints with a letter: "Vraag 12a", "12a.", "Antwoord op vraag 12a:".
_LABEL_NUMBER = re.compile(r"(?<![\d\w])(?P<number>\d{1,4})(?P<letter>[a-z])?(?![\w])")


def _letter(node: model.Question | model.Answer) -> str:
    """The letter of a one-number label such as "Vraag 12a" ("a"), else ""."""
    if node.label is None or len(node.numbers) != 1:
        return ""
    found = [m for m in _LABEL_NUMBER.finditer(node.label.text)]
    if len(found) == 1 and int(found[0].group("number")) == node.numbers[0]:
        return found[0].group("letter") or ""
    return ""


def occurrence_suffix(occurrence: int) -> str:
    """The id suffix of the ``occurrence``-th use of a number (from 2): letters, as spreadsheet
    columns count, so that any number of repeats keeps the id an NCName (an XML id):

    >>> [occurrence_suffix(n) for n in (2, 3, 26, 27, 28, 53, 703)]
    ['b', 'c', 'z', 'aa', 'ab', 'ba', 'aaa']
    """
    letters = ""
    while occurrence > 0:
        occurrence, remainder = divmod(occurrence - 1, 26)
        letters = chr(ord("a") + remainder) + letters
    return letters


def _positive_numbers(node: QA, anomalies: list[Anomaly]) -> QA:
    """Questions and answers are numbered from 1; a printed 0 ("Vraag 1 0") is not a number."""
    numbers = tuple(number for number in node.numbers if number > 0)
    if numbers == node.numbers:
        return node
    anomalies.append(
        _anomaly(
            "invalid-number", f"{_label_text(node)!r} has a number that is not 1 or more", node
        )
    )
    return dataclasses.replace(node, numbers=numbers)


def _label_text(node: model.Question | model.Answer) -> str:
    return node.label.text if node.label is not None else " ".join(map(str, node.numbers))


def _ranges(numbers: list[int]) -> str:
    """Sorted numbers as runs: ``1, 3`` or ``1-15, 17`` (a run of three or more is a range).

    >>> _ranges([2]), _ranges([1, 3]), _ranges([1, 2, 3, 4, 6, 7, 9])
    ('2', '1, 3', '1-4, 6, 7, 9')
    """
    runs: list[list[int]] = []
    for number in numbers:
        if runs and number == runs[-1][-1] + 1:
            runs[-1].append(number)
        else:
            runs.append([number])
    parts: list[str] = []
    for run in runs:
        if len(run) >= 3:
            parts.append(f"{run[0]}-{run[-1]}")
        else:
            parts += map(str, run)
    return ", ".join(parts)


def _anomaly(code: str, message: str, node: model.Question | model.Answer) -> Anomaly:
    page, line = _position(node)
    return Anomaly(code, message, page=page, line=line)


def _position(node: model.Node) -> tuple[int | None, int | None]:
    """The page and layout line where a node starts."""
    label = getattr(node, "label", None)
    if label is not None and label.page is not None:
        return label.page, label.line
    for block in getattr(node, "blocks", ()):
        page, line = _block_position(block)
        if page is not None:
            return page, line
    return None, None


def _block_position(block: model.Block) -> tuple[int | None, int | None]:
    if isinstance(block, model.ItemList):
        return (block.items[0].page, block.items[0].line) if block.items else (None, None)
    return block.page, block.line


# --- Footnotes --------------------------------------------------------------------------------------


def _footnote(note: TextFootnote) -> model.Footnote:
    # The footnote's text gets the same inline treatment as a paragraph (links, document references).
    pseudo = TextParagraph(
        note.text, note.page, note.lines, False, False, 0.0, 0.0, links=note.links
    )
    content = tuple(
        item
        for item in blocks.inline(pseudo)
        if isinstance(item, str | model.WebLink | model.DocLink)
    )
    return model.Footnote(note.number, content, page=note.page, line=note.lines[0])


def _footnote_anomalies(
    document: model.Document, text: Text, layout: Layout | None
) -> list[Anomaly]:
    referenced = {
        ref.number
        for content in model.inline_contents(document)
        for ref in model.note_refs(content)
    }
    return [
        Anomaly(
            "unreferenced-footnote",
            f"footnote {note.number} is never referenced",
            page=note.page,
            line=note.line,
        )
        for note in document.footnotes
        if note.number not in referenced
    ]


# --- Conservation ---------------------------------------------------------------------------------


def check_conservation(document: model.Document, text: Text, layout: Layout | None = None) -> None:
    """Prove that the model holds every character of the running text exactly once, in order.

    Whitespace is not compared (the model keeps the text's single spaces, but a split between two
    blocks drops the space between them), nor the ``|`` that the text step writes between a table
    row's cells: it is no character of the PDF (the text step proves the PDF's letters and digits),
    and a family may read a row's cells apart (a question's number, its text, its pages). On
    failure the error names the page and line of the first text that is missing, duplicated or out
    of order.
    """
    expected = _squeeze("".join(paragraph.text for paragraph in text.paragraphs))
    printed = model.inline_contents(document, printed=True)
    actual = _squeeze("".join(model.plain_text(content) for content in printed))
    if expected != actual:
        position = _first_difference(expected, actual)
        paragraph = _paragraph_at(text.paragraphs, position)
        found = actual[position : position + 40] or "(end of the model)"
        wanted = expected[position : position + 40] or "(end of the text)"
        raise StructureError(
            f"text not placed exactly once: the model has {found!r} where the text has {wanted!r}",
            document=text.source.file,
            page=paragraph.page if paragraph else None,
            line=_line_on_page(layout, paragraph.line) if paragraph else None,
            expected="every character of the body text in the semantic XML exactly once",
        )
    notes_expected = [(note.number, _squeeze(note.text)) for note in text.footnotes]
    notes_actual = [(note.number, _squeeze(note.text)) for note in document.footnotes]
    if notes_expected != notes_actual:
        raise StructureError(
            "footnote text not placed exactly once",
            document=text.source.file,
            expected="every footnote of the text, unchanged",
        )


def _squeeze(value: str) -> str:
    return re.sub(r"[\s|]+", "", value)


def _first_difference(a: str, b: str) -> int:
    for index, (x, y) in enumerate(zip(a, b, strict=False)):
        if x != y:
            return index
    return min(len(a), len(b))


def _paragraph_at(paragraphs: Sequence[TextParagraph], position: int) -> TextParagraph | None:
    """The paragraph holding the ``position``-th non-space character of the text."""
    seen = 0
    for paragraph in paragraphs:
        seen += len(_squeeze(paragraph.text))
        if seen > position:
            return paragraph
    return paragraphs[-1] if paragraphs else None


def _line_on_page(layout: Layout | None, index: int) -> int:
    """A layout line index as the line's number on its page (1-based), for messages."""
    if layout is None or not 0 <= index < len(layout.lines):
        return index + 1
    page = layout.lines[index].page
    first = next(i for i, line in enumerate(layout.lines) if line.page == page)
    return index - first + 1


def _positioned(anomalies: Sequence[Anomaly], layout: Layout | None) -> Iterator[Anomaly]:
    """Anomalies with layout line indices turned into line numbers on the page."""
    for anomaly in anomalies:
        if anomaly.line is not None:
            yield dataclasses.replace(anomaly, line=_line_on_page(layout, anomaly.line))
        else:
            yield anomaly


def _lines_on_page(document: model.Document, layout: Layout) -> model.Document:
    """Provenance as people use it: ``line`` becomes the line's number on its page (1-based)."""
    firsts: dict[int, int] = {}
    for index, line in enumerate(layout.lines):
        firsts.setdefault(line.page, index)

    def number(index: int | None) -> int | None:
        if index is None or not 0 <= index < len(layout.lines):
            return index
        return index - firsts[layout.lines[index].page] + 1

    def block(item: model.Block) -> model.Block:
        if isinstance(item, model.ItemList):
            items = tuple(dataclasses.replace(i, line=number(i.line)) for i in item.items)
            return dataclasses.replace(item, items=items)
        return dataclasses.replace(item, line=number(item.line))

    def label(item: model.Heading | None) -> model.Heading | None:
        return None if item is None else dataclasses.replace(item, line=number(item.line))

    def node(item: model.Node) -> model.Node:
        if isinstance(item, model.Section):
            return dataclasses.replace(
                item, heading=label(item.heading), content=tuple(node(n) for n in item.content)
            )
        if isinstance(item, model.Question | model.Answer | model.Announcement):
            return dataclasses.replace(
                item, label=label(item.label), blocks=tuple(block(b) for b in item.blocks)
            )
        return block(item)

    return dataclasses.replace(
        document,
        front=tuple(block(item) for item in document.front),
        body=tuple(node(item) for item in document.body),
        footnotes=tuple(dataclasses.replace(n, line=number(n.line)) for n in document.footnotes),
    )
