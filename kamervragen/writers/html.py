"""HTML writer: the document as one self-contained HTML5 page (inline CSS, no external assets)."""

from __future__ import annotations

from kamervragen import model
from kamervragen.writers.templating import render


def write_html(doc: model.Document) -> bytes:
    """Render ``templates/document.html`` for ``doc``, as UTF-8 bytes."""
    return render("document.html", doc=doc, backlinks=backlinks(doc)).encode("utf-8")


def backlinks(doc: model.Document) -> dict[int, str]:
    """Footnote number -> HTML id of its first reference (``fnref-B-I``, as document.html writes).

    Only footnotes that exist get one: a reference to a missing footnote is shown unlinked.
    """
    existing = {note.number for note in doc.footnotes}
    first: dict[int, str] = {}
    for block_index, block in enumerate(doc.blocks, start=1):
        for item_index, item in enumerate(block.content, start=1):
            if isinstance(item, model.NoteRef) and item.number in existing:
                first.setdefault(item.number, f"fnref-{block_index}-{item_index}")
    # Every existing footnote that is referenced is a key, so the template can also use this
    # mapping to decide whether a marker links anywhere; a footnote never referenced has no key.
    return first
