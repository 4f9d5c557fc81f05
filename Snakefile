# kamervragen: Dutch parliamentary written questions and answers, from PDF to text, semantic XML,
# HTML, PDF and Akoma Ntoso. Entry point only: settings, the rule files, the report, the target.
#
#   input/<name>.pdf -> output/<name>/<name>.layout.json, <name>.txt   (rules/read.smk)
#                    -> output/<name>/<name>.xml                        (rules/structure.smk)
#                    -> output/<name>/<name>.html, .pdf, .akn.xml       (rules/render.smk)
#                    -> output/<name>/<name>.qa.jsonl                   (rules/export.smk)
#                    -> output/<name>/<name>.manifest.json              (rules/archive.smk)
#   all documents    -> output/questions.csv, warnings.csv, rejected.csv, SHA256SUMS (archive.smk)
#   chunk_size > 0   -> N documents per job, all steps in one process    (rules/chunked.smk)
#
# Another workflow can use this one as a module: see "Use as a Snakemake module" in README.md.

from snakemake.utils import min_version

min_version("9.0")


# Beside this Snakefile, not in the working directory, so that --directory elsewhere works too.
configfile: f"{workflow.basedir}/config/config.yaml"


include: "rules/common.smk"
include: "rules/read.smk"
include: "rules/structure.smk"
include: "rules/render.smk"
include: "rules/export.smk"
include: "rules/archive.smk"
include: "rules/chunked.smk"


# `snakemake --report report.html`: this text, then the outputs marked with report().
report: "report/workflow.rst"


# The last line of a run: how many documents were converted (naming those with warnings) and
# rejected (exit status 1 when any was rejected, unless config allow_rejected).
onsuccess:
    report_outcomes()


# After a failure, said once: which documents did not finish (the corpus files need every
# document converted or rejected), then a summary naming the documents with warnings.
onerror:
    report_run_end()


rule all:
    default_target: True
    input:
        get_final_outputs,
        get_corpus_files(),
