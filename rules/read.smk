# Stage 1: read the PDF into its layout lines (JSON) and its text in reading order. A PDF that
# is not a question/answer document is refused here, so that it leaves no output at all, and so is
# one that exceeds a read limit (config read_max_*; docs/robustness.md).

# The read limits of the config as options of 'kamervragen read' (the schema makes each a number).
READ_LIMIT_OPTIONS = " ".join(
    f"{option} {config[key]}"
    for key, option in {
        "read_max_file_mb": "--max-file-mb",
        "read_max_pages": "--max-pages",
        "read_max_chars_per_page": "--max-chars-per-page",
        "read_max_seconds": "--max-seconds",
        "read_max_memory_mb": "--max-memory-mb",
    }.items()
)


rule read_pdf:
    input:
        pdf=f"{INPUT_DIR}/{{doc}}.pdf",
    output:
        layout=f"{OUTPUT_DIR}/{{doc}}/{{doc}}.layout.json",
        text=f"{OUTPUT_DIR}/{{doc}}/{{doc}}.txt",
    params:
        limits=READ_LIMIT_OPTIONS,
    log:
        f"{LOG_DIR}/read_pdf/{{doc}}.log",
    conda:
        "../envs/kamervragen.yaml"
    shell:
        """
        kamervragen read {input.pdf:q} \
            --layout {output.layout:q} \
            --text {output.text:q} \
            --require-qa \
            {params.limits} \
            --log {log:q}
        """
