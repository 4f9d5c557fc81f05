# Stage 2: find the questions, answers, parties and footnotes; write the semantic XML.


rule build_semantic_xml:
    input:
        # The read step's outcome stands for the layout it wrote (see read.smk): a rerun of the
        # read step (a changed PDF) builds the document again.
        read=get_outcome_file("{doc}"),
        layout=f"{OUTPUT_DIR}/{{doc}}/{{doc}}.layout.json",
    output:
        xml=f"{OUTPUT_DIR}/{{doc}}/{{doc}}.xml",
    params:
        strict=get_strict_option(),
    log:
        f"{LOG_DIR}/build_semantic_xml/{{doc}}.log",
    conda:
        "../envs/kamervragen.yaml"
    shell:
        """
        kamervragen structure {input.layout:q} \
            --output {output.xml:q} \
            {params.strict} \
            --log {log:q}
        """
