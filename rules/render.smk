# Stage 3: render the semantic XML in each output format, one rule per format.

# The bundled fonts the PDF is printed with (inputs of render_pdf: a font change re-renders).
FONT_FILES = sorted(
    str(path) for path in (WORKFLOW_DIR / "kamervragen" / "fonts").iterdir()
)


rule render_html:
    input:
        xml=f"{OUTPUT_DIR}/{{doc}}/{{doc}}.xml",
        templates=get_templates(),
    output:
        html=f"{OUTPUT_DIR}/{{doc}}/{{doc}}.html",
    log:
        f"{LOG_DIR}/render_html/{{doc}}.log",
    conda:
        "../envs/kamervragen.yaml"
    shell:
        """
        kamervragen render html {input.xml:q} \
            --output {output.html:q} \
            --log {log:q}
        """


# The PDF/A-3 embeds the semantic XML (Source) and the Akoma Ntoso (Alternative), so it is made
# after render_akn; the bundled fonts are inputs too, so that a font change re-renders.
rule render_pdf:
    input:
        xml=f"{OUTPUT_DIR}/{{doc}}/{{doc}}.xml",
        akn=f"{OUTPUT_DIR}/{{doc}}/{{doc}}.akn.xml",
        templates=get_templates(),
        fonts=FONT_FILES,
    output:
        pdf=f"{OUTPUT_DIR}/{{doc}}/{{doc}}.pdf",
    log:
        f"{LOG_DIR}/render_pdf/{{doc}}.log",
    conda:
        "../envs/kamervragen.yaml"
    shell:
        """
        kamervragen render pdf {input.xml:q} \
            --attach {input.akn:q} \
            --output {output.pdf:q} \
            --log {log:q}
        """


rule render_akn:
    input:
        xml=f"{OUTPUT_DIR}/{{doc}}/{{doc}}.xml",
        templates=get_templates(),
    output:
        akn=f"{OUTPUT_DIR}/{{doc}}/{{doc}}.akn.xml",
    log:
        f"{LOG_DIR}/render_akn/{{doc}}.log",
    conda:
        "../envs/kamervragen.yaml"
    shell:
        """
        kamervragen render akn {input.xml:q} \
            --output {output.akn:q} \
            --log {log:q}
        """
