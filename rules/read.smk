# Stage 1: read the PDF into its layout lines (JSON) and its text in reading order. A PDF that
# cannot be converted for what it is (not a PDF, encrypted, no text layer, not a question/answer
# document, a warning in strict mode, over a read limit: config read_max_*, docs/robustness.md) is
# *rejected* here: it leaves no output, and the verdict is recorded in its outcome file, which is
# what Snakemake tracks. The step is a checkpoint: which later steps a document needs (all of
# them, or none) is known only once it has run (get_converted_documents in common.smk). Pages
# without a text layer are recognised by OCR (config ocr), as many at once as the job has threads
# (config ocr_threads; Snakemake lowers it to the cores it has).

# The read limits of the config as options of 'kamervragen read' (the schema makes each a number).
READ_LIMIT_OPTIONS = " ".join(
    f"{option} {config[key]}"
    for key, option in {
        "read_max_file_mb": "--max-file-mb",
        "read_max_pages": "--max-pages",
        "read_max_chars_per_page": "--max-chars-per-page",
        "read_max_seconds": "--max-seconds",
        "read_max_memory_mb": "--max-memory-mb",
        "read_max_ocr_pixels": "--max-ocr-pixels",
        "read_max_ocr_seconds_per_page": "--max-ocr-seconds-per-page",
    }.items()
)


checkpoint read_pdf:
    input:
        pdf=get_pdf,
    output:
        outcome=get_outcome_file("{doc}"),
    params:
        # Written only for an accepted PDF, so they cannot be declared outputs (Snakemake has no
        # optional outputs); the outcome file stands for them, and it is written after them.
        layout=f"{OUTPUT_DIR}/{{doc}}/{{doc}}.layout.json",
        text=f"{OUTPUT_DIR}/{{doc}}/{{doc}}.txt",
        strict=get_strict_option(),
        limits=READ_LIMIT_OPTIONS,
        ocr=get_ocr_option(),
    threads: config["ocr_threads"]
    log:
        f"{LOG_DIR}/read_pdf/{{doc}}.log",
    conda:
        "../envs/kamervragen.yaml"
    shell:
        """
        kamervragen read {input.pdf:q} \
            --layout {params.layout:q} \
            --text {params.text:q} \
            --require-qa \
            {params.strict} \
            --outcome {output.outcome:q} \
            {params.limits} \
            {params.ocr} \
            --threads {threads} \
            --log {log:q}
        """
