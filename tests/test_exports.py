"""Data exports: the question-answer records against the gold files, and their JSONL/CSV forms."""

from __future__ import annotations

import csv
import io
import json
import re
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from conftest import CORPUS, DATA, REPO, aanhangsel_pdfs
from kamervragen import model
from kamervragen.cli import main
from kamervragen.exports import COLUMNS, qa_records, to_csv, to_jsonl
from kamervragen.readers.pdfium import read_pdf
from kamervragen.semantic_xml import from_xml, to_xml
from kamervragen.structure import build_document
from kamervragen.text import build_text

PDFS = aanhangsel_pdfs()
VERSLAG = CORPUS / "verslag" / "28676-navo-verslag.pdf"
MINIMAL = DATA / "xml" / "minimal.xml"


@cache
def records_of(pdf: Path) -> list[dict[str, Any]]:
    """The records as the workflow makes them: from the semantic XML the structure step wrote."""
    layout = read_pdf(pdf)
    doc = from_xml(to_xml(build_document(build_text(layout), layout=layout)))
    return qa_records(doc, pdf.stem)


def gold(pdf: Path) -> dict[str, Any]:
    path = pdf.with_suffix(".gold.json")
    if not path.exists():
        pytest.skip(f"no gold file beside {pdf.name}")
    return json.loads(path.read_text(encoding="utf-8"))


def paragraphs(text: str | None) -> list[str]:
    return [" ".join(part.split()) for part in (text or "").split("\n\n") if part.strip()]


@pytest.mark.skipif(not PDFS, reason="reference corpus ../shared is absent")
@pytest.mark.parametrize("pdf", PDFS, ids=lambda path: path.stem)
def test_aanhangsel_records_match_the_gold(pdf: Path) -> None:
    expected = gold(pdf)
    meta = expected["metadata"]
    records = records_of(pdf)
    # One record per question block, in order, with its label, numbers and text.
    assert [(r["question_label"], r["question_numbers"]) for r in records] == [
        (q["label"], q["numbers"]) for q in expected["questions"]
    ]
    for record, question in zip(records, expected["questions"], strict=True):
        assert paragraphs(record["question_text"]) == paragraphs(question["text"])
        # Its answer: the gold answer whose numbers cover the question's.
        answers = [a for a in expected["answers"] if set(a["numbers"]) & set(question["numbers"])]
        assert paragraphs(record["answer_text"]) == paragraphs(
            "\n\n".join(a["text"] for a in answers)
        )
        assert record["answer_label"] == ("; ".join(a["label"] for a in answers) or None)
        assert record["answered_by"] == (meta["answered_by"] if answers else None)
        assert record["identifier"] == meta["identifier"]
        assert record["document_number"] == meta["number"]
        assert record["vergaderjaar"] == meta["vergaderjaar"]
        assert record["questioners"] == meta["questioners"]
        assert record["addressees"] == meta["addressees"]
        assert record["topic"] == record["title"] == meta["subject"]
        assert record["submitted"] == meta["submitted"]
        assert record["date"] == meta["received"]
        assert record["source_sha256"] == expected["source"]["sha256"]
        assert record["akn_work"].endswith(f"/{meta['identifier']}")
    # No answer text is lost: every gold answer is in some record.
    exported = {" ".join(paragraphs(r["answer_text"])) for r in records}
    for answer in expected["answers"]:
        assert any(" ".join(paragraphs(answer["text"])) in text for text in exported)


def test_verslag_records_match_the_gold() -> None:
    if not VERSLAG.with_suffix(".gold.json").exists():
        pytest.skip("reference corpus ../shared is absent")
    expected = gold(VERSLAG)
    records = records_of(VERSLAG)
    assert len(records) == len(expected["pairs"]) == 18
    for record, pair in zip(records, expected["pairs"], strict=True):
        assert record["question_numbers"] == record["answer_numbers"] == [pair["number"]]
        assert (record["party"], record["topic"]) == (pair["party"], pair["topic"])
        assert paragraphs(record["question_text"]) == pair["question"]["paragraphs"]
        assert paragraphs(record["answer_text"]) == pair["answer"]["paragraphs"]
        assert record["answer_label"] == pair["answer"]["heading"]
        assert record["answered_by"] == pair["answer"]["by"]
        assert record["dossier"] == expected["metadata"]["dossier_number"]
        assert record["title"] == expected["metadata"]["dossier_title"]
        assert record["addressees"] == [expected["metadata"]["addressee"]]
        assert record["date"] == "2021-03"
    assert [r["seq"] for r in records] == list(range(1, 19))


def test_numbers_a_verslag_does_not_print_are_marked_inferred() -> None:
    """The unlabelled rendition prints no numbers: its records say so, the sample's do not."""
    unlabelled = VERSLAG.with_name("28676-navo-verslag-unlabelled.pdf")
    if not unlabelled.exists():
        pytest.skip("reference corpus ../shared is absent")
    for pdf, numbering in ((unlabelled, "inferred"), (VERSLAG, "printed")):
        records = records_of(pdf)
        assert len(records) == 18
        assert {(r["question_numbering"], r["answer_numbering"]) for r in records} == {
            (numbering, numbering)
        }
        assert [r["question_numbers"] for r in records] == [[n] for n in range(1, 19)]


def test_answer_to_two_questions_and_a_mededeling() -> None:
    """minimal.xml: combined labels, one answer to two questions, a question never answered."""
    records = qa_records(from_xml(MINIMAL.read_bytes()), "minimal")
    by_id = {r["question_id"]: r for r in records}
    assert by_id["vraag-3-5"]["question_numbers"] == [3, 4, 5]
    assert by_id["vraag-3-5"]["question_label"] == "Vraag 3, 4 en 5"
    # An answer that answers two question blocks appears with each of them.
    shared = [r for r in records if "antwoord-6-7" in r["answer_ids"]]
    assert [r["question_id"] for r in shared] == ["vraag-6", "vraag-7"]
    assert shared[0]["answer_text"] == shared[1]["answer_text"]
    assert records[0]["party"] == "VVD"  # from the fractie section of the verslag part
    # Question 1 carries no printed number (its answer's label does); Vraag 3, 4 en 5 does.
    assert (records[0]["question_numbering"], records[0]["answer_numbering"]) == (
        "inferred",
        "printed",
    )
    assert (by_id["vraag-3-5"]["question_numbering"], by_id["vraag-3-5"]["answer_numbering"]) == (
        "printed",
        "printed",
    )
    assert all(list(record) == list(COLUMNS) for record in records)


def test_jsonl_and_csv_hold_the_same_records() -> None:
    records = qa_records(from_xml(MINIMAL.read_bytes()), "minimal")
    lines = to_jsonl(records).decode("utf-8").splitlines()
    assert [json.loads(line) for line in lines] == records
    rows = list(csv.reader(io.StringIO(to_csv(records).decode("utf-8"), newline="")))
    assert rows[0] == list(COLUMNS)
    assert len(rows) == len(records) + 1
    for row, record in zip(rows[1:], records, strict=True):
        cells = dict(zip(COLUMNS, row, strict=True))
        assert cells["question_text"] == (record["question_text"] or "")
        assert cells["answer_text"] == (record["answer_text"] or "")
        assert cells["question_numbers"] == " ".join(map(str, record["question_numbers"]))
        assert cells["questioners"] == "Sneller (D66); Omtzigt"
        assert cells["seq"] == str(record["seq"])


def test_cli_export_qa_and_csv(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    xml = tmp_path / "a.xml"
    xml.write_bytes(MINIMAL.read_bytes())
    second = tmp_path / "b.xml"
    second.write_bytes(MINIMAL.read_bytes())
    assert main(["export", "qa", str(xml), "--output", str(tmp_path / "a.qa.jsonl")]) == 0
    lines = (tmp_path / "a.qa.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["document"] for line in lines] == ["a"] * 4
    csv_path = tmp_path / "questions.csv"
    assert main(["export", "csv", str(xml), str(second), "--output", str(csv_path)]) == 0
    rows = list(csv.DictReader(io.StringIO(csv_path.read_text(encoding="utf-8"), newline="")))
    assert [row["document"] for row in rows] == ["a"] * 4 + ["b"] * 4
    # A file that is not semantic XML: one line, exit 6, nothing written.
    (tmp_path / "bad.xml").write_text("<x/>", encoding="utf-8")
    capsys.readouterr()
    assert main(["export", "csv", str(tmp_path / "bad.xml"), "--output", str(csv_path)]) == 6
    assert len(capsys.readouterr().err.strip().splitlines()) == 1
    assert not csv_path.exists()


def test_every_column_is_documented() -> None:
    text = (REPO / "docs" / "exports.md").read_text(encoding="utf-8")
    fields = text.split("\n## Fields\n", 1)[1].split("\n## ", 1)[0]  # the records' section
    documented = re.findall(r"^\| `(\w+)` \|", fields, re.M)
    assert documented == list(COLUMNS)


def test_records_of_a_document_without_questions() -> None:
    meta = model.Metadata("x.pdf", "0" * 64, 1, None, "unknown")
    assert qa_records(model.Document(meta, (), ()), "x") == []


# --- Data that answers a journalist's questions: pandas over the corpus files ------------------


@pytest.fixture(scope="module")
def corpus_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample verslag and the Aanhangsel corpus converted, with the corpus files."""
    if not PDFS:
        pytest.skip("reference corpus ../shared is absent")
    out = tmp_path_factory.mktemp("corpus")
    assert (
        main(["convert", str(VERSLAG), *map(str, PDFS), "--out", str(out), "--formats", "qa"]) == 0
    )
    return out


def gold_of(name: str) -> dict[str, Any]:
    folder = "verslag" if name.startswith("28676") else "aanhangsel"
    return json.loads((CORPUS / folder / f"{name}.gold.json").read_text(encoding="utf-8"))


def test_which_minister_answered_most_is_one_line_of_pandas(corpus_folder: Path) -> None:
    import pandas as pd

    questions = pd.read_csv(corpus_folder / "questions.csv")
    answered = questions.query("answerer_role == 'minister'").answerer_name.value_counts()

    # The gold files say it as printed: "Minister Schippers (Volksgezondheid, …)"; count it there.
    expected: dict[str, int] = {}
    for pdf in PDFS:
        gold = gold_of(pdf.stem)
        signed = gold["metadata"]["answered_by"] or ""
        if signed.startswith("Minister "):
            name = signed.removeprefix("Minister ").split(" (")[0]
            expected[name] = expected.get(name, 0) + len(gold["questions"])
    assert answered.to_dict() == expected
    assert answered.idxmax() == max(expected, key=lambda name: expected[name])  # Schippers
    # The answerer's portfolio and role are fields of their own, the printed form stays beside.
    (portfolio,) = questions.query("answerer_name == 'Dijkgraaf'").answerer_portfolio.unique()
    assert portfolio == "Onderwijs, Cultuur en Wetenschap"
    assert set(questions.answerer_role.dropna()) == {"minister", "staatssecretaris", "kabinet"}


def test_all_questions_by_a_party_is_one_line_of_pandas(corpus_folder: Path) -> None:
    import pandas as pd

    questions = pd.read_csv(corpus_folder / "questions.csv")
    by_party = (
        pd.read_csv(corpus_folder / "questioners.csv")
        .query("party == 'GroenLinks-PvdA'")
        .merge(questions, on=["document", "seq"])
    )

    # Every question of every document in which a GroenLinks-PvdA member asks, and no other.
    expected = {
        (pdf.stem, len(gold_of(pdf.stem)["questions"]))
        for pdf in PDFS
        if any(
            p["party"] == "GroenLinks-PvdA" for p in gold_of(pdf.stem)["metadata"]["questioners"]
        )
    }
    assert set(by_party.groupby("document").size().items()) == expected
    assert by_party.question_text.notna().all()
    # Exact, not a substring: the verslag's fractie GroenLinks (2021) is another party.
    groenlinks = pd.read_csv(corpus_folder / "questioners.csv").query("party == 'GroenLinks'")
    verslag = [pair for pair in gold_of(VERSLAG.stem)["pairs"] if pair["party"] == "GroenLinks"]
    assert set(groenlinks.document) == {VERSLAG.stem}
    assert len(groenlinks) == len(verslag)
    assert set(groenlinks.kind) == {"fractie"}


def test_identifiers_stay_strings_and_lists_split_back(corpus_folder: Path) -> None:
    import pandas as pd

    questions = pd.read_csv(corpus_folder / "questions.csv")
    assert questions.document_id.map(type).eq(str).all()
    assert set(questions.document_id) == {"28676-nn", *(pdf.stem for pdf in PDFS)}
    # As documented: the printed numbers are read as strings when asked to.
    typed = pd.read_csv(
        corpus_folder / "questions.csv", dtype={"dossier": str, "document_number": str}
    )
    assert set(typed.document_number.dropna()) == {pdf.stem.rsplit("-", 1)[1] for pdf in PDFS}
    # A list cell splits back into its items; the addressees in one form whatever their capitals.
    parties = questions.set_index("document").parties.str.split("; ")
    assert parties.loc["ah-tk-20232024-1999"].iloc[0] == ["D66", "GroenLinks-PvdA", "SP"]
    addressees = set(questions.addressees_normalised.str.split("; ").explode())
    assert "minister van Buitenlandse Zaken" in addressees
    assert not any(addressee[0].isupper() for addressee in addressees)
