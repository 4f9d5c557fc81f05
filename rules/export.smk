# Data exports: the questions and answers as data (docs/exports.md): one JSON Lines file per
# document (the CSV table over the corpus is made with the other corpus files, in archive.smk).


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
