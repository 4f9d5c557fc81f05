# Stage 1: read the PDF into its layout lines (JSON) and its text in reading order. A PDF that
# is not a question/answer document is refused here, so that it leaves no output at all.


rule read_pdf:
    input:
        pdf=f"{INPUT_DIR}/{{doc}}.pdf",
    output:
        layout=f"{OUTPUT_DIR}/{{doc}}/{{doc}}.layout.json",
        text=f"{OUTPUT_DIR}/{{doc}}/{{doc}}.txt",
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
            --log {log:q}
        """
