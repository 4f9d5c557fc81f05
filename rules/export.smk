# Data exports: the questions and answers as data (docs/exports.md): one JSON Lines file per
# document, and one CSV table over the corpus.


rule export_qa:
    input:
        xml=f"{OUTPUT_DIR}/{{doc}}/{{doc}}.xml",
    output:
        qa=f"{OUTPUT_DIR}/{{doc}}/{{doc}}.qa.jsonl",
    log:
        f"{LOG_DIR}/export_qa/{{doc}}.log",
    conda:
        "../envs/kamervragen.yaml"
    shell:
        """
        kamervragen export qa {input.xml:q} \
            --output {output.qa:q} \
            --log {log:q}
        """


# Over every document; it waits for their manifests too, so that it never holds a document
# whose other outputs failed (see get_aggregates in common.smk).
rule export_questions_csv:
    input:
        finished=get_manifests(),
    params:
        # The files themselves are named here rather than as inputs: in chunked mode no rule
        # declares them (a chunk's job writes them), and the markers above say they are there.
        xml=get_semantic_xmls(),
    output:
        csv=report(
            QUESTIONS_CSV,
            caption="../report/questions.rst",
            category="Corpus",
            labels={"file": "questions.csv"},
        ),
    log:
        f"{LOG_DIR}/export_questions_csv/questions.log",
    conda:
        "../envs/kamervragen.yaml"
    shell:
        """
        kamervragen export csv {params.xml:q} \
            --output {output.csv:q} \
            --log {log:q}
        """
