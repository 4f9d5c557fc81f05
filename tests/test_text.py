"""Cutting a paragraph of the running text (``kamervragen.text.split_paragraph``), as the families
do to take a label off its text and to divide a combined question."""

from __future__ import annotations

import dataclasses

from documents import paragraph
from kamervragen.text import LinkSpan, NoteMarker, TextParagraph, split_paragraph


def test_split_paragraph_keeps_footnote_markers() -> None:
    source = paragraph("Vraag 1 Kent u het bericht? Ja.", 0, note_refs=(NoteMarker(27, 1),))
    label, rest = split_paragraph(source, len("Vraag 1"))
    assert label.text == "Vraag 1" and label.note_refs == ()
    assert rest is not None and rest.text == "Kent u het bericht? Ja."
    assert rest.note_refs == (NoteMarker(19, 1),)
    assert rest.text[:19] == "Kent u het bericht?"


def test_a_marker_at_the_cut_belongs_to_the_part_before_and_none_is_dropped() -> None:
    # "Vraag 1¹ ²Kent u …": one marker right after the label, one before the rest's first letter.
    source = paragraph(
        "Vraag 1 Kent u het bericht?", 0, note_refs=(NoteMarker(7, 1), NoteMarker(8, 2))
    )
    label, rest = split_paragraph(source, len("Vraag 1"))
    assert label.note_refs == (NoteMarker(7, 1),)
    assert rest is not None and rest.note_refs == (NoteMarker(0, 2),)


def test_links_keep_their_text_and_a_link_across_the_cut_is_dropped() -> None:
    source = dataclasses.replace(
        paragraph("Zie www.a.nl en www.b.nl", 0),
        links=(LinkSpan(4, 12, "https://a.nl"), LinkSpan(16, 24, "https://b.nl")),
    )
    head, rest = split_paragraph(source, len("Zie www.a.nl"))
    assert head.links == (LinkSpan(4, 12, "https://a.nl"),)
    assert rest is not None and rest.text == "en www.b.nl"
    assert rest.links == (LinkSpan(3, 11, "https://b.nl"),)
    across, after = split_paragraph(source, len("Zie www.a"))
    assert across.text == "Zie www.a" and across.links == ()
    assert (
        after is not None
        and after.text == ".nl en www.b.nl"
        and after.links == (LinkSpan(7, 15, "https://b.nl"),)
    )


def test_nothing_after_the_cut_leaves_the_paragraph_whole() -> None:
    source = dataclasses.replace(paragraph("Vraag 1:", 4), table=True)
    assert split_paragraph(source, len("Vraag 1:")) == (source, None)


def test_the_rest_starts_on_the_line_its_offset_falls_on() -> None:
    # Four lines of about 25 characters: the text after offset 50 starts on the third line.
    source = TextParagraph("x" * 49 + " " + "y" * 50, 2, (10, 11, 12, 13), False, False, 0.0, 10.0)
    head, rest = split_paragraph(source, 49)
    assert head.lines == (10, 11, 12, 13) and head.page == 2
    assert rest is not None and rest.lines == (12, 13) and rest.page == 2


def test_the_part_before_is_never_a_table_row_the_rest_stays_one() -> None:
    source = dataclasses.replace(paragraph("Vraag 1 a | b", 0), table=True)
    label, rest = split_paragraph(source, len("Vraag 1"))
    assert not label.table
    assert rest is not None and rest.table
