"""The family registry (how each family is read, what the outputs call it), and the same names in
the model and the semantic XML schema."""

from __future__ import annotations

import subprocess
import sys
from typing import get_args

import pytest
from lxml import etree

from conftest import REPO
from kamervragen import model
from kamervragen.families import FAMILIES, detect_family
from kamervragen.layout import Source
from kamervragen.text import Text, TextParagraph

XS = "http://www.w3.org/2001/XMLSchema"


def schema_families() -> list[str]:
    """The values the semantic XML schema allows for ``<family>``."""
    schema = etree.parse(str(REPO / "kamervragen" / "schemas" / "semantic.xsd"))
    path = "//xs:element[@name='family']//xs:enumeration/@value"
    return [str(value) for value in schema.xpath(path, namespaces={"xs": XS})]


def test_registry_model_and_schema_name_the_same_families() -> None:
    registry = [family.name for family in FAMILIES.values()]
    assert list(FAMILIES) == registry
    # A family added to the registry must also be added to the format's vocabulary.
    assert sorted(get_args(model.Family)) == sorted(registry), "model.Family"
    assert sorted(model.FAMILIES) == sorted(registry), "model.FAMILIES"
    assert sorted(schema_families()) == sorted(registry), "kamervragen/schemas/semantic.xsd"


def test_every_family_module_parses_and_names_its_labels() -> None:
    text = text_of("Vraag 1", "Hoeveel?", "Antwoord 1", "Twee.")
    for name, family in FAMILIES.items():
        module = family.reader()
        assert module.__name__ == f"kamervragen.families.{family.module}"
        assert all(hasattr(label, "match") for label in module.LABELS), name
        assert family.parse(text, []).metadata.family == name


def test_every_family_has_its_own_wording() -> None:
    wordings = [family.wording for family in FAMILIES.values()]
    for field in ("label", "pdf_subject", "debate_name", "frbr_subtype"):
        values = [getattr(wording, field) for wording in wordings]
        assert all(values) and len(set(values)) == len(values), field
    assert all(wording.date_event for wording in wordings)


def test_the_writers_do_not_load_the_family_parsers() -> None:
    # The wording is read from the registry; the parsing modules are the read side's.
    code = (
        "import sys, kamervragen.writers.html, kamervragen.writers.akn, kamervragen.writers.pdf,"
        " kamervragen.exports, kamervragen.manifest\n"
        "print(sorted(m for m in sys.modules if m.startswith('kamervragen.families.')))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


def test_the_fallback_family_has_no_label_and_comes_last() -> None:
    assert [name for name, family in FAMILIES.items() if family.detect is None] == ["unknown"]
    assert list(FAMILIES)[-1] == "unknown"


def text_of(*lines: str) -> Text:
    paragraphs = tuple(
        TextParagraph(line, 1, (index,), False, False, 0.0, 10.0)
        for index, line in enumerate(lines)
    )
    return Text(Source("x.pdf", "0", 1), paragraphs, (), ())


@pytest.mark.parametrize(
    ("lines", "family"),
    [
        # One line may carry two labels: the earlier family in the registry wins.
        (["Nr. 5 NOTA NAAR AANLEIDING VAN HET VERSLAG"], "nota"),
        (["Nr. 12 LIJST VAN VRAGEN EN ANTWOORDEN", "bij het verslag"], "lijst"),
        (["Nr. 3 VERSLAG VAN EEN SCHRIFTELIJK OVERLEG"], "verslag"),
        # Across lines, the first line with a label decides.
        (["Nr. 3 VERSLAG", "LIJST VAN VRAGEN EN ANTWOORDEN"], "verslag"),
        # A weak sign counts only when no line carries a label.
        (["BETREFT Beantwoording vragen Tweede Kamer over het rapport"], "lijst"),
        (["BETREFT Beantwoording vragen Tweede Kamer", "Nr. 3 VERSLAG"], "verslag"),
        (["Vraag 1", "Antwoord 1"], "unknown"),
    ],
)
def test_detection_follows_the_registry_order(lines: list[str], family: str) -> None:
    assert detect_family(text_of(*lines), []) == family


def test_a_shared_parser_is_told_the_family_and_does_not_detect_it_again() -> None:
    text = text_of("Vraag 1", "Hoeveel?", "Antwoord 1", "Twee.")
    assert detect_family(text, []) == "unknown"
    for name in ("lijst", "nota", "unknown"):
        parsed = FAMILIES[name].parse(text, [])
        assert parsed.metadata.family == name
        assert any(isinstance(node, model.Question) for node in parsed.body)
