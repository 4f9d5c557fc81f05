"""HTML writer: the document as one self-contained HTML5 page (inline CSS, no external assets).

Ids a reader can link to: ``vraag-3`` and ``antwoord-3`` (the model's :attr:`Question.id` and
:attr:`Answer.id`), ``sectie-1-2`` (the second section in the first), ``fn-N`` (footnote N) and
``fnref-N-K`` (the K-th reference to footnote N in reading order, so a footnote referenced twice
still gets unique ids and a back-link to each reference).
"""

from __future__ import annotations

from kamervragen import model
from kamervragen.writers.templating import NoteRefCounter, note_ref_counts, render


def write_html(doc: model.Document) -> bytes:
    """Render ``templates/document.html`` for ``doc``, as UTF-8 bytes."""
    return render(
        "document.html",
        doc=doc,
        ref_counts=note_ref_counts(doc),
        refs=NoteRefCounter(),
        questions={question.id: question for question in doc.questions()},
    ).encode("utf-8")
