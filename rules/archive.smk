# Provenance and fixity: a manifest per document, made after all its other outputs, and one
# SHA256SUMS over every output, paths relative to its folder (`cd output && sha256sum -c SHA256SUMS`).


rule write_manifest:
    input:
        pdf=f"{INPUT_DIR}/{{doc}}.pdf",
        xml=f"{OUTPUT_DIR}/{{doc}}/{{doc}}.xml",
        outputs=get_document_outputs,
    output:
        manifest=report(
            f"{OUTPUT_DIR}/{{doc}}/{{doc}}{MANIFEST_SUFFIX}",
            caption="../report/manifest.rst",
            category="Documents",
            labels=get_report_statistics,
        ),
    log:
        f"{LOG_DIR}/write_manifest/{{doc}}.log",
    conda:
        "../envs/kamervragen.yaml"
    shell:
        """
        kamervragen manifest {input.outputs:q} \
            --source {input.pdf:q} \
            --xml {input.xml:q} \
            --output {output.manifest:q} \
            --log {log:q}
        """


rule write_checksums:
    input:
        finished=get_manifests(),
        csv=QUESTIONS_CSV,
    params:
        # As for questions.csv: the files by name, their completeness by the inputs above.
        files=get_checksummed_files(),
    output:
        sums=report(
            CHECKSUMS,
            caption="../report/checksums.rst",
            category="Corpus",
            labels={"file": "SHA256SUMS"},
        ),
    log:
        f"{LOG_DIR}/write_checksums/SHA256SUMS.log",
    conda:
        "../envs/kamervragen.yaml"
    shell:
        """
        kamervragen checksums {params.files:q} \
            --output {output.sums:q} \
            --log {log:q}
        """
