"""The one Jinja environment every writer renders with.

Templates live in the repository's top-level ``templates/`` folder (``KAMERVRAGEN_TEMPLATES``
overrides it, e.g. for a house style). ``StrictUndefined`` makes a misspelt field fail loudly
instead of rendering as nothing; ``select_autoescape(["html", "xml"])`` escapes every value in
``*.html`` and ``*.xml`` templates, which is why templates are named ``document.html`` and not
``document.html.j2`` (select_autoescape matches the file name's ending). Document text is never
marked ``|safe``: it is what the PDF said, and may contain ``<script>`` or ``{{ }}`` literally.
"""

from __future__ import annotations

import functools
import os
from pathlib import Path

import jinja2

from kamervragen import model

TEMPLATES_ENV = "KAMERVRAGEN_TEMPLATES"
DEFAULT_TEMPLATES = Path(__file__).resolve().parents[2] / "templates"


def templates_dir() -> Path:
    """``$KAMERVRAGEN_TEMPLATES`` if set, else the repository's ``templates/`` folder."""
    override = os.environ.get(TEMPLATES_ENV)
    return Path(override).resolve() if override else DEFAULT_TEMPLATES


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
    # Type tests, so templates dispatch on model types: {% if item is note_ref %}.
    env.tests.update(
        heading=lambda value: isinstance(value, model.Heading),
        paragraph=lambda value: isinstance(value, model.Paragraph),
        note_ref=lambda value: isinstance(value, model.NoteRef),
        web_link=lambda value: isinstance(value, model.WebLink),
        text_run=lambda value: isinstance(value, str),
        linkable=is_linkable,
    )
    return env


# Addresses a reader may follow. A link annotation can hold any URI, and "javascript:" in an
# <a href> would run in the reader's browser, so other schemes are shown as text only.
LINKABLE_SCHEMES = ("http://", "https://", "mailto:")


def is_linkable(url: object) -> bool:
    return isinstance(url, str) and url.lower().startswith(LINKABLE_SCHEMES)


def render(template: str, **context: object) -> str:
    """Render a template from the templates folder with the shared environment."""
    return environment().get_template(template).render(**context)


def template_source(name: str) -> str:
    """The raw text of a non-template asset in the templates folder (e.g. ``print.css``)."""
    env = environment()
    assert env.loader is not None
    source, _, _ = env.loader.get_source(env, name)
    return source
