# Settings, document discovery and the input helpers the rules use. Paths in config are relative to
# the working directory (snakemake --directory); files of the workflow itself (templates, fonts)
# are found from WORKFLOW_DIR, so the workflow also runs from elsewhere and as a module.

import collections
import csv
import hashlib
import json
import math
import sys
from pathlib import Path

from snakemake.utils import validate


validate(config, schema="../config/config.schema.yaml")


# A document name is a PDF's file name without .pdf, never a path.
wildcard_constraints:
    doc=r"[^/]+",


INPUT_DIR = config["input_dir"]
OUTPUT_DIR = config["output_dir"]
LOG_DIR = config["log_dir"]


def find_documents(folder):
    """{name: path} of every PDF directly in ``folder`` (not in sub-folders): a file whose name
    ends in ".pdf" in any case (scanners and Windows write NOTA.PDF), named without that ending.

    Stops the run at once, in one line, when the folder is missing, is not a folder, holds no PDF,
    or holds two PDFs of one name (x.pdf and x.PDF would write the same output/x/).
    """
    path = Path(folder)
    if not path.is_dir():
        problem = "is not a folder" if path.exists() else "does not exist"
        stop(f"input_dir {folder} {problem}; expected a folder holding the PDFs to convert")
    found = {}
    for entry in sorted(path.iterdir()):
        if entry.suffix.lower() == ".pdf" and entry.is_file():
            name = entry.name[: -len(entry.suffix)]
            if name in found:
                stop(
                    f"{found[name].name} and {entry.name} in {folder} would both write "
                    f"{OUTPUT_DIR}/{name}/; expected one PDF per name: rename one of them"
                )
            found[name] = entry
    if not found:
        stop(
            f"input_dir {folder} holds no PDF (no file named *.pdf directly in it); expected the "
            "PDFs to convert there, or input_dir=FOLDER set to the folder that holds them"
        )
    return found


def stop(message):
    """Stop before any rule runs with one line on stderr (exit code 1), like the schema check."""
    sys.exit(f"kamervragen: {message}")


# Every PDF directly in the input folder (not in sub-folders) is a document.
PDFS = find_documents(INPUT_DIR)
DOCS = sorted(PDFS)

# What a finished document consists of: output/<name>/<name><suffix>. The manifest comes last:
# it lists (and checksums) all the others, so a document with a manifest is complete.
DOCUMENT_SUFFIXES = [".layout.json", ".txt", ".xml", ".html", ".pdf", ".akn.xml", ".qa.jsonl"]
MANIFEST_SUFFIX = ".manifest.json"
FINAL_SUFFIXES = [*DOCUMENT_SUFFIXES, MANIFEST_SUFFIX]

# The corpus files, over every converted document (kamervragen/corpus.py): a browsable index of
# the output folder (index.html), the questions, who asked them (one row per question and
# questioner), the warnings, the rejected inputs, and SHA256SUMS over all of them and every
# document's files.
INDEX_HTML = f"{OUTPUT_DIR}/index.html"
QUESTIONS_CSV = f"{OUTPUT_DIR}/questions.csv"
QUESTIONERS_CSV = f"{OUTPUT_DIR}/questioners.csv"
WARNINGS_CSV = f"{OUTPUT_DIR}/warnings.csv"
REJECTED_CSV = f"{OUTPUT_DIR}/rejected.csv"
CHECKSUMS = f"{OUTPUT_DIR}/SHA256SUMS"

# The workflow's own folder (this file is in rules/). Not workflow.basedir: that is the folder of
# the *main* Snakefile, which is another workflow's when this one is used as a module.
WORKFLOW_DIR = Path(workflow.current_basedir.get_path_or_uri(secret_free=True)).parent
TEMPLATES_DIR = WORKFLOW_DIR / "templates"


def get_chunk_size(setting, documents):
    """Documents per job for config chunk_size ``setting`` (a number, or "auto") and this many
    documents; 0 means one job per step and document."""
    if setting == "auto":
        return AUTO_CHUNK_SIZE if documents > AUTO_CHUNK_SIZE else 0
    return setting


# Large batches: one job converts a chunk of documents in one process (config chunk_size; 0 = one
# job per step and document). A number N: chunks of N documents in name order. "auto": one job per
# step while the batch is small (each output tracked, the steps of the few documents run in
# parallel); beyond AUTO_CHUNK_SIZE documents, chunks balanced by work (get_balanced_chunks). One
# job per step spends about 3 s per document on starting processes, against 0.7 s of work; a
# chunk job starts once (about 1.3 s: Python, WeasyPrint, templates, fonts) (bench/results/).
AUTO_CHUNK_SIZE = 20
CHUNK_SIZE = get_chunk_size(config["chunk_size"], len(DOCS))

# Balanced chunks (chunk_size auto). A document's work is taken from its size in bytes: the one
# measure that costs only a stat() at 10,000 documents, and close to the page count, which the
# conversion time follows (the corpus: 7-9 kB per page; a scan is larger, and OCR costs more too).
# Every chunk gets about the same work (get_chunk_target): the batch's bytes over AUTO_CHUNK_COUNT (so that
# a small batch still gives every core of a small machine several chunks), within
# AUTO_CHUNK_BYTES_MIN and AUTO_CHUNK_BYTES_MAX (a chunk's start-up stays under a tenth of its
# work), rounded down to a power of the square root of two: the target moves only when the batch
# crosses a step of that ladder (about 40 % apart), not with every document. Cut at about 85 % of
# the target on average, that gives 40 documents (218 pages) five chunks, 200 documents six.
AUTO_CHUNK_COUNT = 4
AUTO_CHUNK_BYTES_MIN = 64 * 1024
AUTO_CHUNK_BYTES_MAX = 1024 * 1024


def get_document_work(doc):
    """The work of converting one document, as its PDF's size in bytes."""
    return Path(f"{INPUT_DIR}/{doc}.pdf").stat().st_size


def get_chunk_target(total):
    """The work per chunk for a batch of ``total`` bytes (see above)."""
    wanted = min(max(total / AUTO_CHUNK_COUNT, AUTO_CHUNK_BYTES_MIN), AUTO_CHUNK_BYTES_MAX)
    return int(2 ** (math.floor(2 * math.log2(wanted)) / 2))


def get_cut_rank(doc):
    """Where a chunk prefers to end: after the document whose name ranks lowest (a hash of the
    name alone, so that the same names end chunks whatever else is in the batch)."""
    return hashlib.sha256(doc.encode("utf-8")).digest()


def get_balanced_chunks(docs, work):
    """Chunk name -> its documents: ``docs`` (in name order) cut into runs of about equal work.

    Content-defined cuts, as in rsync or backup tools: a chunk ends after the lowest-ranked name
    (get_cut_rank) among the documents that would end it between three and five quarters of the
    target (or after the first document, when one alone is larger). A chunk is named after its
    first document. So a new, removed or changed PDF changes its own chunk and, at most, the few
    after it until a chunk ends at the same name as before (usually the next one: shifting the
    window by a document mostly keeps its lowest-ranked name); the other chunks keep their names
    and documents, and are not converted again. Snakemake's scheduler starts the chunk with the
    most input bytes first: the longest first.
    """
    target = get_chunk_target(sum(work[doc] for doc in docs))
    chunks = {}
    start = 0
    while start < len(docs):
        size = 0
        candidates = []  # the positions where the chunk could end
        for end in range(start, len(docs)):
            size += work[docs[end]]
            if size > 5 * target / 4 and end > start:
                break
            if size >= 3 * target / 4 or end + 1 == len(docs):
                candidates.append(end)
        if not candidates:  # the first document alone is beyond five quarters
            candidates = [start]
        end = min(candidates, key=lambda index: get_cut_rank(docs[index]))
        if candidates[-1] + 1 == len(docs):  # the rest of the batch fits: one chunk
            end = candidates[-1]
        chunks[f"chunk-{docs[start]}"] = docs[start : end + 1]
        start = end + 1
    return chunks


if not CHUNK_SIZE:
    CHUNKS = {}
elif config["chunk_size"] == "auto":
    CHUNKS = get_balanced_chunks(DOCS, {doc: get_document_work(doc) for doc in DOCS})
else:
    CHUNKS = {
        f"chunk-{start // CHUNK_SIZE + 1:05d}": DOCS[start : start + CHUNK_SIZE]
        for start in range(0, len(DOCS), CHUNK_SIZE)
    }


def get_final_outputs(wildcards):
    """Every file of every converted document, in document order (or, in chunked mode, the
    outcomes of every chunk: its documents' files are written by its job)."""
    if CHUNK_SIZE:
        return get_outcome_files()
    return [
        f"{OUTPUT_DIR}/{doc}/{doc}{suffix}"
        for doc in get_converted_documents()
        for suffix in FINAL_SUFFIXES
    ]


def get_outcome_file(doc):
    """Where the read step records a document's verdict: accepted, or rejected and why."""
    return f"{OUTPUT_DIR}/.outcomes/{doc}.json"


def get_chunk_marker(chunk):
    """The file a chunk's job writes when it is done: the verdict on each of its documents."""
    return f"{OUTPUT_DIR}/.chunks/{chunk}.json"


def get_outcome_files():
    """Every outcome file of the batch: one per document (or one per chunk, in chunked mode)."""
    if CHUNK_SIZE:
        return [get_chunk_marker(chunk) for chunk in CHUNKS]
    return [get_outcome_file(doc) for doc in DOCS]


def get_converted_documents():
    """The documents the read step accepted (per-step mode). Known only once it has run for
    each of them: until then the checkpoint tells Snakemake to run it first and ask again."""
    return [
        doc
        for doc in DOCS
        if read_verdicts(checkpoints.read_pdf.get(doc=doc).output.outcome)[doc] == "accepted"
    ]


def read_verdicts(path):
    """Document name -> "accepted" or "rejected", from one outcome file (kamervragen/corpus.py)."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    return {entry["document"]: entry["verdict"] for entry in data["documents"]}


def get_output_folder(wildcards, output):
    """The output folder, from the chunk marker's path (<output_dir>/.chunks/<chunk>.json)."""
    return str(Path(output.done).parent.parent)


def get_pdf(wildcards):
    """The source PDF of a document, as named in the input folder (x.pdf, or X.PDF)."""
    return str(PDFS[wildcards.doc])


def get_chunk_pdfs(wildcards):
    """The source PDFs of one chunk."""
    return [str(PDFS[doc]) for doc in CHUNKS[wildcards.chunk]]


def get_templates():
    """The files in templates/, as inputs of the render rules: editing one re-renders."""
    return sorted(str(path) for path in TEMPLATES_DIR.rglob("*") if path.is_file())


def get_strict_option():
    """'--strict' when config strict is true: structure warnings then fail the document."""
    return "--strict" if config["strict"] else ""


def get_ocr_option():
    """--ocr for the read step. YAML 1.1 reads a bare off as false: that is off too."""
    setting = config["ocr"]
    return f"--ocr {'off' if setting is False else setting}"


def get_document_outputs(wildcards):
    """The files of one document that its manifest lists: all but the manifest itself."""
    return [f"{OUTPUT_DIR}/{wildcards.doc}/{wildcards.doc}{suffix}" for suffix in DOCUMENT_SUFFIXES]


def get_finished_manifests(wildcards):
    """What the corpus files wait for besides the outcomes, so that they only see finished
    documents: the manifest of every accepted document (none in chunked mode, where a chunk's
    outcomes are written once all its documents are)."""
    if CHUNK_SIZE:
        return []
    return [f"{OUTPUT_DIR}/{doc}/{doc}{MANIFEST_SUFFIX}" for doc in get_converted_documents()]


def get_corpus_folder(wildcards, output):
    """The output folder, from the path of SHA256SUMS in it."""
    return str(Path(output.sums).parent)


def get_corpus_files():
    """The corpus files; made once every document is converted or rejected."""
    return [INDEX_HTML, QUESTIONS_CSV, QUESTIONERS_CSV, WARNINGS_CSV, REJECTED_CSV, CHECKSUMS]


def get_report_statistics(wildcards):
    """The per-document numbers for the run report, read from the document's manifest.

    Called by `snakemake --report` only, when the manifest exists; they become the columns of the
    report's table of documents.
    """
    path = Path(f"{OUTPUT_DIR}/{wildcards.doc}/{wildcards.doc}{MANIFEST_SUFFIX}")
    manifest = json.loads(path.read_text(encoding="utf-8"))
    identifiers = manifest["identifiers"]
    return {
        "document": wildcards.doc,
        "identifier": identifiers["identifier"] or "",
        "family": identifiers["family"],
        **manifest["statistics"],
    }


def get_verdicts():
    """Document name -> verdict, for every document with an outcome file so far."""
    verdicts = {}
    for path in get_outcome_files():
        if Path(path).exists():
            verdicts.update(read_verdicts(path))
    return verdicts


def get_unfinished_documents():
    """The documents that were neither rejected nor completed (a manifest): those that failed
    (or were not reached) in this run."""
    verdicts = get_verdicts()
    return [
        doc
        for doc in DOCS
        if verdicts.get(doc) != "rejected"
        and not Path(f"{OUTPUT_DIR}/{doc}/{doc}{MANIFEST_SUFFIX}").exists()
    ]


def get_document_warnings():
    """{name: number of warnings} of every complete document that has warnings, from its
    manifest (written in both modes, per step and chunked)."""
    counts = {}
    for doc in DOCS:
        path = Path(f"{OUTPUT_DIR}/{doc}/{doc}{MANIFEST_SUFFIX}")
        if path.exists():
            warnings = len(json.loads(path.read_text(encoding="utf-8"))["warnings"])
            if warnings:
                counts[doc] = warnings
    return counts


def name_warned(warned):
    """``nota (3 warnings), vragen (1 warning)``: the documents with warnings, for a summary."""
    return ", ".join(f"{doc} ({n} warning{'s' if n > 1 else ''})" for doc, n in warned.items())


def report_run_end():
    """After a failed run, said once (onerror): which documents did not finish and why the corpus
    files are missing, then one summary line counting the complete documents and naming those
    with warnings. (A rejected input is not a failure: it is listed in rejected.csv.)"""
    unfinished = get_unfinished_documents()
    if unfinished:
        print(
            f"kamervragen: {len(unfinished)} of {len(DOCS)} document(s) did not finish: "
            f"{', '.join(unfinished)} (see {LOG_DIR}/<step>/<name>.log). The corpus files "
            f"({QUESTIONS_CSV}, {CHECKSUMS}, …) are made only when every document is converted "
            f"or rejected for what it is; this is a failure of the tool, not a rejection: report "
            f"it, or move these PDFs out of {INPUT_DIR}/ (e.g. into a sub-folder, which is not "
            f"read), and run again.",
            file=sys.stderr,
        )
    warned = get_document_warnings()
    complete = sum(
        1 for doc in DOCS if Path(f"{OUTPUT_DIR}/{doc}/{doc}{MANIFEST_SUFFIX}").exists()
    )
    summary = f"kamervragen: {complete} of {len(DOCS)} document(s) complete"
    if warned:
        summary += f", {len(warned)} with warnings: {name_warned(warned)}"
    print(summary, file=sys.stderr)


def report_outcomes():
    """After a successful run: the last line says how many documents were converted (and how
    many of them have warnings) and rejected, and where they are listed. Rejected inputs make
    the exit status 1 unless config allow_rejected is true. (A run with nothing to do does not
    come here: Snakemake says so, and exits 0.)"""
    verdicts = get_verdicts()
    if len(verdicts) < len(DOCS) or not Path(WARNINGS_CSV).exists():
        return  # a run for some other target: no verdict on the batch
    rejected = sum(1 for verdict in verdicts.values() if verdict == "rejected")
    with open(WARNINGS_CSV, encoding="utf-8", newline="") as stream:
        warned = collections.Counter(row["document"] for row in csv.DictReader(stream))
    line = f"kamervragen: {len(DOCS) - rejected} converted ({len(warned)} with warnings"
    line += f": {name_warned(warned)}; listed in {WARNINGS_CSV})" if warned else ")"
    line += f", {rejected} rejected" + (f": see {REJECTED_CSV}" if rejected else "")
    print(line, file=sys.stderr)
    # Leaving here, rather than returning to Snakemake (which would print where its log is and
    # the elapsed time), keeps this the run's last line; the exit status is the verdict.
    sys.exit(1 if rejected and not config["allow_rejected"] else 0)
