"""A fix for a WeasyPrint bug that moves every footnote off its page, applied by the PDF writer.

**The bug** (WeasyPrint 70.0, ``layout/__init__.py``, ``LayoutContext._update_footnote_area``;
its symptom is the open upstream issue "One Footnote Per Page", Kozea/WeasyPrint#2502). After
adding a footnote to a page's footnote area, WeasyPrint asks whether the area overflows by
comparing two sums of floats that are equal in exact arithmetic::

    overflow = last_child_bottom > footnote_area_bottom

The two sums add the area's margin, border and padding in a different order, so with most values
(print.css: ``margin-top: 4mm; padding-top: 1.5mm; border-top: 0.5pt``) they differ in the last
bit, and the footnote "overflows" an area that has all the room it needs. WeasyPrint then carries
it to the next page, and from there every later footnote (a page that carries a note over carries
all the following ones), one per page:

* a document with one footnote on its first page prints it alone on a second, blank page;
* in the corpus, every footnote of every document sat at least one page after its call; in
  Aanhangsel 2023-2024 nr. 1178 the last nine would have taken a blank page each, and with the
  table of contents' page numbers (``target-counter``, a second pagination) they were lost
  instead, in three of the five Aanhangsel documents, so that the writer had to lay the document
  out again with every note in a list at the end.

**The fix** is the same method with the comparison made the way WeasyPrint makes every other
one, through :meth:`LayoutContext.overflows` (a relative tolerance of 1e-9, "from PEP 485"). An
area that really overflows (one with ``max-height``) still does; nothing else changes.

Importing :mod:`kamervragen.writers.pdf` installs it for the whole process: any document
WeasyPrint lays out afterwards, ours or not, gets the corrected comparison (the wrong one is
wrong for every document).

It is applied only to the code it was written against: :data:`PATCHED_SOURCE_SHA256` is the hash
of the original method's source. A WeasyPrint whose method differs is left alone (the PDF writer
still checks that no footnote is lost), and the tests say so: ``tests/test_pdf.py`` fails when the
fix no longer applies, and when stock WeasyPrint no longer shows the bug, so that an upgrade
revisits this module instead of carrying it along.

The body of :func:`_update_footnote_area` is WeasyPrint's (BSD 3-Clause licence, copyright Simon
Sapin and contributors), changed in the one comparison marked below.
"""

from __future__ import annotations

import hashlib
import inspect
from math import inf

from weasyprint.formatting_structure import build
from weasyprint.layout import LayoutContext
from weasyprint.layout.block import block_level_layout

#: SHA-256 of ``inspect.getsource(LayoutContext._update_footnote_area)`` in WeasyPrint 70.0.
PATCHED_SOURCE_SHA256 = "2e317e4b066fb80cb369a41cd6f054a127722f9961c18ef4d6e1eef93673c4c1"

#: The method as WeasyPrint ships it, kept so that tests can show the bug it fixes.
ORIGINAL_UPDATE_FOOTNOTE_AREA = LayoutContext._update_footnote_area


def _update_footnote_area(self: LayoutContext) -> bool:
    """Update the page bottom size and our footnote area height (WeasyPrint's, fixed)."""
    if self.current_footnote_area.height != "auto" and not self.in_column:
        self.page_bottom += self.current_footnote_area.margin_height()
    self.current_footnote_area.children = self.current_page_footnotes
    if self.current_footnote_area.children:
        footnote_area = build.create_anonymous_boxes(self.current_footnote_area.deepcopy())
        footnote_area = block_level_layout(
            self, footnote_area, -inf, None, self.current_footnote_area.page
        )[0]
        self.current_footnote_area.height = footnote_area.height
        if not self.in_column:
            self.page_bottom -= footnote_area.margin_height()
        last_child = footnote_area.children[-1]
        last_child_bottom = (
            last_child.position_y + last_child.margin_height() - last_child.margin_bottom
        )
        footnote_area_bottom = (
            footnote_area.position_y + footnote_area.margin_height() - footnote_area.margin_bottom
        )
        # The fix: WeasyPrint's own comparison with tolerance, instead of
        # `last_child_bottom > footnote_area_bottom` (see the module docstring).
        return self.overflows(footnote_area_bottom, last_child_bottom)
    self.current_footnote_area.height = 0
    if not self.in_column:
        self.page_bottom -= self.current_footnote_area.margin_height()
    return False


def original_source_sha256() -> str | None:
    """The hash of the installed WeasyPrint's method, or None when its source is not available."""
    try:
        source = inspect.getsource(ORIGINAL_UPDATE_FOOTNOTE_AREA)
    except (OSError, TypeError):
        return None
    return hashlib.sha256(source.encode("utf-8")).hexdigest()


def applies() -> bool:
    """Whether the installed WeasyPrint has the method this fix was written against."""
    return original_source_sha256() == PATCHED_SOURCE_SHA256


def apply() -> bool:
    """Install the fix if it applies (idempotent); return whether it is installed."""
    if LayoutContext._update_footnote_area is _update_footnote_area:
        return True
    if not applies():
        return False
    LayoutContext._update_footnote_area = _update_footnote_area
    return True
