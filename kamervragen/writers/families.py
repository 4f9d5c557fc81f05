"""What the writers say about each family: one row per family (``model.Family``).

A new family needs its row here; ``tests/test_families.py`` holds this table, the family registry
(:data:`kamervragen.families.FAMILIES`), ``model.Family`` and the semantic XML schema to the same
names.
"""

from __future__ import annotations

from dataclasses import dataclass

from kamervragen import model


@dataclass(frozen=True, slots=True)
class FamilyWording:
    #: The kind of document, as the HTML shows it (header, title, ``DC.type``).
    label: str
    #: The PDF's Subject (document information and XMP); its part before a colon is a keyword.
    pdf_subject: str
    #: What ``Metadata.date`` records: the date printed after "Vastgesteld" in a verslag or lijst,
    #: after "Ontvangen" under an Aanhangsel answer.
    date_event: str
    #: Akoma Ntoso ``<debate name="…">``.
    debate_name: str
    #: The FRBR subtype in the Akoma Ntoso URIs: short, stable names (docs/akoma-ntoso.md).
    frbr_subtype: str


FAMILY_WORDING: dict[model.Family, FamilyWording] = {
    "verslag": FamilyWording(
        label="Verslag van een schriftelijk overleg",
        pdf_subject="Verslag van een schriftelijk overleg",
        date_event="vastgesteld",
        debate_name="verslagSchriftelijkOverleg",
        frbr_subtype="vso",  # verslag van een schriftelijk overleg
    ),
    "aanhangsel": FamilyWording(
        label="Aanhangsel van de Handelingen",
        pdf_subject="Aanhangsel van de Handelingen: schriftelijke vragen en antwoorden",
        date_event="ontvangen",
        debate_name="antwoordenKamervragen",
        frbr_subtype="kamervragen",  # antwoorden op Kamervragen (Aanhangsel van de Handelingen)
    ),
    "lijst": FamilyWording(
        label="Lijst van vragen en antwoorden",
        pdf_subject="Lijst van vragen en antwoorden",
        date_event="vastgesteld",
        debate_name="lijstVanVragenEnAntwoorden",
        frbr_subtype="lva",  # lijst van vragen en antwoorden
    ),
    "nota": FamilyWording(
        label="Nota naar aanleiding van het verslag",
        pdf_subject="Nota naar aanleiding van het verslag",
        date_event="ontvangen",
        debate_name="notaNaarAanleidingVanHetVerslag",
        frbr_subtype="nnav",  # nota naar aanleiding van het verslag
    ),
    "unknown": FamilyWording(
        label="Kamerstuk",
        pdf_subject="Kamerstuk met vragen en antwoorden",
        date_event="datum",
        debate_name="vragenEnAntwoorden",
        frbr_subtype="vragen",  # questions and answers of a kind not recognised
    ),
}
