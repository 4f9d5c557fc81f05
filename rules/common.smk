# Settings, document discovery and the input helpers the rules use. Paths in config are relative to
# the working directory (snakemake --directory); files of the workflow itself (templates, fonts)
# are found from WORKFLOW_DIR, so the workflow also runs from elsewhere and as a module.

import json
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

# Every <name>.pdf directly in the input folder (not in sub-folders) is a document.
DOCS = sorted(glob_wildcards(f"{INPUT_DIR}/{{doc,[^/]+}}.pdf").doc)

# What a finished document consists of: output/<name>/<name><suffix>. The manifest comes last:
# it lists (and checksums) all the others, so a document with a manifest is complete.
DOCUMENT_SUFFIXES = [".layout.json", ".txt", ".xml", ".html", ".pdf", ".akn.xml", ".qa.jsonl"]
MANIFEST_SUFFIX = ".manifest.json"
FINAL_SUFFIXES = [*DOCUMENT_SUFFIXES, MANIFEST_SUFFIX]

# The corpus-wide files, over every document: output/questions.csv and output/SHA256SUMS.
QUESTIONS_CSV = f"{OUTPUT_DIR}/questions.csv"
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


# Large batches: CHUNK_SIZE documents per job (config chunk_size; 0 = one job per step and document).
# "auto": one job per step while the documents fit in one chunk (each output tracked, the steps of
# the few documents run in parallel), chunks beyond. One job per step spends about 3 s per
# document on starting processes, against 0.7 s of work; chunks of 20 spend under a tenth of the
# wall time on start-up, and 200 documents still give two cores ten jobs to share (bench/results/).
AUTO_CHUNK_SIZE = 20
CHUNK_SIZE = get_chunk_size(config["chunk_size"], len(DOCS))
CHUNKS = (
    {
        f"chunk-{start // CHUNK_SIZE + 1:05d}": DOCS[start : start + CHUNK_SIZE]
        for start in range(0, len(DOCS), CHUNK_SIZE)
    }
    if CHUNK_SIZE
    else {}
)


def get_final_outputs():
    """Every file of every document in the input folder, in document order (or, in chunked mode,
    the marker of every chunk: its documents' files are written by its job)."""
    if CHUNK_SIZE:
        return [get_chunk_marker(chunk) for chunk in CHUNKS]
    return [f"{OUTPUT_DIR}/{doc}/{doc}{suffix}" for doc in DOCS for suffix in FINAL_SUFFIXES]


def get_chunk_marker(chunk):
    """The file a chunk's job writes when every document of the chunk is converted."""
    return f"{OUTPUT_DIR}/.chunks/{chunk}.done"


def get_output_folder(wildcards, output):
    """The output folder, from the chunk marker's path (<output_dir>/.chunks/<chunk>.done)."""
    return str(Path(output.done).parent.parent)


def get_chunk_pdfs(wildcards):
    """The source PDFs of one chunk."""
    return [f"{INPUT_DIR}/{doc}.pdf" for doc in CHUNKS[wildcards.chunk]]


def get_templates():
    """The files in templates/, as inputs of the render rules: editing one re-renders."""
    return sorted(str(path) for path in TEMPLATES_DIR.rglob("*") if path.is_file())


def get_strict_option():
    """'--strict' when config strict is true: structure warnings then fail the document."""
    return "--strict" if config["strict"] else ""


def get_document_outputs(wildcards):
    """The files of one document that its manifest lists: all but the manifest itself."""
    return [f"{OUTPUT_DIR}/{wildcards.doc}/{wildcards.doc}{suffix}" for suffix in DOCUMENT_SUFFIXES]


def get_semantic_xmls():
    """Every document's semantic XML, in document order: the rows of questions.csv."""
    return [f"{OUTPUT_DIR}/{doc}/{doc}.xml" for doc in DOCS]


def get_manifests():
    """What an aggregate waits for, so it only sees finished documents: every document's manifest
    (or, in chunked mode, every chunk's marker)."""
    if CHUNK_SIZE:
        return [get_chunk_marker(chunk) for chunk in CHUNKS]
    return [f"{OUTPUT_DIR}/{doc}/{doc}{MANIFEST_SUFFIX}" for doc in DOCS]


def get_checksummed_files():
    """What output/SHA256SUMS lists: every file of every document, and questions.csv."""
    documents = [f"{OUTPUT_DIR}/{doc}/{doc}{suffix}" for doc in DOCS for suffix in FINAL_SUFFIXES]
    return [*documents, QUESTIONS_CSV]


def get_aggregates():
    """The corpus-wide files; they are built only when every document is complete."""
    return [QUESTIONS_CSV, CHECKSUMS]


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


def get_unfinished_documents():
    """The documents without a manifest: those that failed (or were not reached) in this run."""
    return [doc for doc in DOCS if not Path(f"{OUTPUT_DIR}/{doc}/{doc}{MANIFEST_SUFFIX}").exists()]


def report_unfinished_documents():
    """After a failed run: say which documents are incomplete and why the aggregates are missing."""
    unfinished = get_unfinished_documents()
    if unfinished:
        print(
            f"kamervragen: {len(unfinished)} of {len(DOCS)} document(s) did not finish: "
            f"{', '.join(unfinished)} (see {LOG_DIR}/<step>/<name>.log). {QUESTIONS_CSV} and "
            f"{CHECKSUMS} are made only when every document is complete: fix these PDFs, or move "
            f"them out of {INPUT_DIR}/ (e.g. into a sub-folder, which is not read), and run again.",
            file=sys.stderr,
        )
