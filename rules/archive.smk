# Provenance and fixity: a manifest per document, made after all its other outputs, and the corpus
# files with SHA256SUMS over every output, paths relative to its folder
# (`cd output && sha256sum -c SHA256SUMS`).


rule write_manifest:
    input:
        pdf=get_pdf,
        xml=f"{OUTPUT_DIR}/{{doc}}/{{doc}}.xml",
        layout=f"{OUTPUT_DIR}/{{doc}}/{{doc}}.layout.json",
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
            --layout {input.layout:q} \
            --output {output.manifest:q} \
            --log {log:q}
        """


# The corpus files (kamervragen/corpus.py): index.html, questions.csv, questioners.csv and
# warnings.csv over the converted documents, rejected.csv over the rejected inputs, and SHA256SUMS
# over all of them and every file of every converted document. They wait for every outcome (and,
# per step, for the manifest of every accepted document), so that they never hold a document whose
# outputs are incomplete.
rule write_corpus:
    input:
        outcomes=get_outcome_files(),
        finished=get_finished_manifests,
        # The index is rendered from templates/index.html: editing it makes the index again.
        templates=get_templates(),
    params:
        out=get_corpus_folder,
    output:
        index=INDEX_HTML,
        questions=report(
            QUESTIONS_CSV,
            caption="../report/questions.rst",
            category="Corpus",
            labels={"file": "questions.csv"},
        ),
        questioners=QUESTIONERS_CSV,
        warnings=WARNINGS_CSV,
        rejected=REJECTED_CSV,
        sums=report(
            CHECKSUMS,
            caption="../report/checksums.rst",
            category="Corpus",
            labels={"file": "SHA256SUMS"},
        ),
    log:
        f"{LOG_DIR}/write_corpus/corpus.log",
    conda:
        "../envs/kamervragen.yaml"
    shell:
        """
        kamervragen corpus {input.outcomes:q} \
            --out {params.out:q} \
            --log {log:q}
        """
