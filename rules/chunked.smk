# Large batches (config chunk_size > 0, or "auto" beyond 20 documents): one job converts a chunk of
# documents in one process, so that start-up is paid once per chunk (see README "Scale"). It writes
# the same files as the per-step rules, each atomically, and the verdict on each document (accepted
# or rejected, as the read step's outcome file) in the chunk's outcomes file, only when no document
# failed other than by being rejected. The templates and fonts are inputs, as for the render rules:
# editing one converts the chunks again.


rule convert_chunk:
    input:
        pdfs=get_chunk_pdfs,
        templates=get_templates(),
        fonts=FONT_FILES,
    output:
        done=get_chunk_marker("{chunk}"),
    params:
        out=get_output_folder,
        strict=get_strict_option(),
        limits=READ_LIMIT_OPTIONS,
        ocr=get_ocr_option(),
    # One core per chunk: the chunks of a batch run side by side, one per core. With ocr_threads
    # (2) a chunk held two cores and two cores ran one chunk at a time (bench/results/issue-16.txt:
    # 2 cores / 1 core 1.01x at 200 documents). A scan in a chunk is recognised on one thread.
    threads: 1
    log:
        f"{LOG_DIR}/convert_chunk/{{chunk}}.log",
    conda:
        "../envs/kamervragen.yaml"
    shell:
        """
        kamervragen convert {input.pdfs:q} \
            --out {params.out:q} \
            --formats layout,txt,html,pdf,akn,qa,manifest \
            --no-corpus \
            --allow-rejected \
            --outcomes {output.done:q} \
            {params.strict} \
            {params.limits} \
            {params.ocr} \
            --threads {threads} \
            --log {log:q}
        """
