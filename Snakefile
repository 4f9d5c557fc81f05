# kamervragen: Dutch parliamentary written questions and answers, from PDF to text, semantic XML,
# HTML, PDF and Akoma Ntoso. Entry point only: settings, the rule files, the default target.
#
#   input/<name>.pdf -> output/<name>/<name>.layout.json, <name>.txt   (rules/read.smk)
#                    -> output/<name>/<name>.xml                        (rules/structure.smk)
#                    -> output/<name>/<name>.html, .pdf, .akn.xml       (rules/render.smk)

from snakemake.utils import min_version

min_version("9.0")


# Beside this Snakefile, not in the working directory, so that --directory elsewhere works too.
configfile: f"{workflow.basedir}/config/config.yaml"


include: "rules/common.smk"
include: "rules/read.smk"
include: "rules/structure.smk"
include: "rules/render.smk"


rule all:
    default_target: True
    input:
        get_final_outputs(),
