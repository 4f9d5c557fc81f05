# Settings, document discovery and the input helpers the rules use. Paths in config are relative to
# the working directory (snakemake --directory); files of the workflow itself (templates) are found
# from workflow.basedir, so the workflow also runs from elsewhere and as a module.

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

# What a finished document consists of: output/<name>/<name><suffix>.
FINAL_SUFFIXES = [".layout.json", ".txt", ".xml", ".html", ".pdf", ".akn.xml"]

TEMPLATES_DIR = Path(workflow.basedir) / "templates"


def get_final_outputs():
    """Every file of every document in the input folder, in document order."""
    return [f"{OUTPUT_DIR}/{doc}/{doc}{suffix}" for doc in DOCS for suffix in FINAL_SUFFIXES]


def get_templates():
    """The files in templates/, as inputs of the render rules: editing one re-renders."""
    return sorted(str(path) for path in TEMPLATES_DIR.rglob("*") if path.is_file())


def get_strict_option():
    """'--strict' when config strict is true: structure warnings then fail the document."""
    return "--strict" if config["strict"] else ""
