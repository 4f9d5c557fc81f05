"""The one Jinja environment every writer renders with, and the small helpers templates use.

Templates live in the repository's top-level ``templates/`` folder (``KAMERVRAGEN_TEMPLATES``
overrides it, e.g. for a house style). ``StrictUndefined`` makes a misspelt field fail loudly
instead of rendering as nothing; ``select_autoescape(["html", "xml"])`` escapes every value in
``*.html`` and ``*.xml`` templates, which is why templates are named ``document.html`` and not
``document.html.j2`` (select_autoescape matches the file name's ending). Document text is never
marked ``|safe``: it is what the PDF said, and may contain ``<script>`` or ``{{ }}`` literally.

Templates dispatch on the model's types with tests (``{% if node is question %}``), never on a
string field, and format derived values with named filters (``{{ date|dutch_date }}``).
"""

from __future__ import annotations

import functools
import os
from pathlib import Path

import jinja2
import markupsafe

from kamervragen import model
from kamervragen.families import FAMILIES

TEMPLATES_ENV = "KAMERVRAGEN_TEMPLATES"
DEFAULT_TEMPLATES = Path(__file__).resolve().parents[2] / "templates"

MONTHS = (
    "januari februari maart april mei juni juli augustus september oktober november december"
).split()

# Addresses a reader may follow. A link annotation can hold any URI, and "javascript:" in an
# <a href> would run in the reader's browser, so other schemes are shown as text only.
LINKABLE_SCHEMES = ("http://", "https://", "mailto:")

#: Type tests: ``{% if item is note_ref %}``. One per model type a template renders.
TYPE_TESTS: dict[str, type | tuple[type, ...]] = {
    "text_run": str,
    "note_ref": model.NoteRef,
    "web_link": model.WebLink,
    "doc_link": model.DocLink,
    "cross_ref": model.CrossRef,
    "ask": model.Ask,
    "heading": model.Heading,
    "paragraph": model.Paragraph,
    "item_list": model.ItemList,
    "table": model.Table,
    "question": model.Question,
    "answer": model.Answer,
    "announcement": model.Announcement,
    "section": model.Section,
}


def templates_dir() -> Path:
    """``$KAMERVRAGEN_TEMPLATES`` if set, else the repository's ``templates/`` folder."""
    override = os.environ.get(TEMPLATES_ENV)
    return Path(override).resolve() if override else DEFAULT_TEMPLATES


def _type_test(kind: type | tuple[type, ...]) -> object:
    return lambda value: isinstance(value, kind)


@functools.cache
def environment() -> jinja2.Environment:
    """The shared environment, created on first use (so the override is read when it matters)."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(templates_dir()),
        undefined=jinja2.StrictUndefined,
        autoescape=jinja2.select_autoescape(["html", "xml"]),
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.tests.update({name: _type_test(kind) for name, kind in TYPE_TESTS.items()})
    env.tests["linkable"] = is_linkable
    env.filters.update(
        dutch_date=dutch_date,
        numbered=numbered,
        person=person_name,
        excerpt=excerpt,
    )
    # The templates name the date by what it records ("vastgesteld", "ontvangen").
    date_events = {name: family.wording.date_event for name, family in FAMILIES.items()}
    env.globals.update(DATE_EVENTS=date_events, stylesheet=stylesheet)
    return env


def is_linkable(url: object) -> bool:
    return isinstance(url, str) and url.lower().startswith(LINKABLE_SCHEMES)


def dutch_date(date: model.PartialDate) -> str:
    """A date with exactly the precision it was printed with.

    >>> dutch_date(model.PartialDate(2021, 3)), dutch_date(model.PartialDate(2024, 2, 12))
    ('maart 2021', '12 februari 2024')
    >>> dutch_date(model.PartialDate(2021))
    '2021'
    """
    parts = [str(date.year)]
    if date.month is not None:
        parts.insert(0, MONTHS[date.month - 1])
        if date.day is not None:
            parts.insert(0, str(date.day))
    return " ".join(parts)


def number_list(numbers: tuple[int, ...]) -> str:
    """Question numbers as Dutch prose: ``3``, ``3 en 4``, ``3, 4 en 5``; ``""`` for none.

    >>> number_list((3, 4, 5)), number_list((3,)), number_list(())
    ('3, 4 en 5', '3', '')
    """
    items = [str(number) for number in numbers]
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " en " + items[-1]


def numbered(numbers: tuple[int, ...], noun: str) -> str:
    """A question or answer named by its numbers: ``Vraag 3, 4 en 5``. A label without a number
    is a warning, not an error, so the model can hold one; it is named ``Vraag zonder nummer``.

    >>> numbered((3, 4), "Vraag"), numbered((), "antwoord")
    ('Vraag 3 en 4', 'antwoord zonder nummer')
    """
    return f"{noun} {number_list(numbers)}" if numbers else f"{noun} zonder nummer"


def person_name(person: model.Person) -> str:
    """``Koekkoek (Volt)``, or the bare name when the party is unknown."""
    return f"{person.name} ({person.party})" if person.party else person.name


def excerpt(text: str, limit: int = 90) -> str:
    """The start of ``text``, at most ``limit`` characters, cut at a word and marked with "…".

    >>> excerpt("Heeft u kennisgenomen van het artikel «Kritiek op besluit»?", 30)
    'Heeft u kennisgenomen van het…'
    >>> excerpt("Klopt dit?")
    'Klopt dit?'
    """
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit + 1].rsplit(" ", 1)[0] if " " in text[:limit] else text[:limit]
    return cut.rstrip(" ,;:–-") + "…"


def stylesheet(name: str) -> markupsafe.Markup:
    """A stylesheet from the templates folder, to inline in a ``<style>`` element.

    It is our own file, not document text, so it is marked safe; a stylesheet that could close the
    ``<style>`` element is refused rather than escaped (escaping would break the CSS).
    """
    source = template_source(name)
    if "</" in source:
        raise ValueError(f"{name} contains '</', which would end the <style> element")
    return markupsafe.Markup(source)


# Every run of inline content in reading order (kept here too: templates and tests use it).
inline_contents = model.inline_contents


def note_ref_counts(doc: model.Document) -> dict[int, int]:
    """Footnote number -> how often the text refers to it, for footnotes that exist."""
    existing = {note.number for note in doc.footnotes}
    counts: dict[int, int] = {}
    for content in inline_contents(doc):
        for ref in model.note_refs(content):
            if ref.number in existing:
                counts[ref.number] = counts.get(ref.number, 0) + 1
    return counts


class NoteRefCounter:
    """Numbers the references to each footnote as a template renders them, in reading order.

    ``counter.next(3)`` is 1 the first time footnote 3 is referenced, 2 the second time, … A
    template renders the text once, in reading order, so the numbers match :func:`note_ref_counts`.
    """

    def __init__(self) -> None:
        self._seen: dict[int, int] = {}

    def next(self, number: int) -> int:
        self._seen[number] = self._seen.get(number, 0) + 1
        return self._seen[number]


def render(template: str, **context: object) -> str:
    """Render a template from the templates folder with the shared environment."""
    return environment().get_template(template).render(**context)


def template_source(name: str) -> str:
    """The raw text of a non-template asset in the templates folder (e.g. ``print.css``)."""
    env = environment()
    assert env.loader is not None
    source, _, _ = env.loader.get_source(env, name)
    return source
