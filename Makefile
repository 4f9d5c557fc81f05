# Quick start: `make run` runs the workflow on input/, `make test` runs the checks CI runs.
# Each target sets itself up from nothing on Debian + Python 3 (a .venv, the Debian libraries
# WeasyPrint needs, the pinned packages); when that is already done it costs well under a second.

SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := help

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PIP := $(BIN)/pip --disable-pip-version-check --quiet
# Extra arguments for snakemake (make run) or the benchmark (make bench), e.g. ARGS="-n".
ARGS ?=
# make run VERBOSE=1: every job with its inputs, outputs and shell command (the profile is quiet).
VERBOSE ?=
# The workflow's shell jobs call `kamervragen`, which lives in the venv: put it first on PATH.
IN_VENV := PATH="$(CURDIR)/$(BIN):$$PATH"

# WeasyPrint (the PDF writer) loads Pango and HarfBuzz at run time and needs at least one font.
WEASYPRINT_DEBS := libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core
# OCR of scanned pages: Tesseract 5 and its Dutch model (the reader runs the tesseract command).
OCR_DEBS := tesseract-ocr tesseract-ocr-nld
# Used by bench/bench.py as the reference reader (pdftotext -layout).
BENCH_DEBS := poppler-utils

# $(call APT_INSTALL,packages): install those Debian packages that dpkg does not list as installed
# (a package removed with its configuration kept counts as missing). Uses sudo only when not root;
# updates the package index only when something must be installed; waits up to ten minutes for
# another apt or dpkg to finish instead of failing at once.
APT_OPTIONS := -o DPkg::Lock::Timeout=600
SUDO := $(if $(filter 0,$(shell id -u)),,sudo)
APT_INSTALL = \
	if ! command -v dpkg >/dev/null; then \
		echo "not a Debian system: make sure the equivalents of $(1) are installed"; \
	else \
		missing=""; \
		for package in $(1); do \
			[ "$$(dpkg-query -W -f='$${db:Status-Status}' "$$package" 2>/dev/null)" = installed ] || \
				missing="$$missing $$package"; \
		done; \
		if [ -n "$$missing" ]; then \
			echo "installing Debian packages:$$missing"; \
			$(SUDO) apt-get $(APT_OPTIONS) update -qq; \
			$(SUDO) env DEBIAN_FRONTEND=noninteractive \
				apt-get $(APT_OPTIONS) install -y -qq --no-install-recommends $$missing; \
		fi; \
	fi

.PHONY: help run test test-cluster bench lock lock-slurm clean distclean system-libs

help:
	@echo "make run     run the workflow on input/ (extra snakemake arguments: ARGS=\"...\")"
	@echo "make test    the checks CI runs: ruff check, ruff format --check, snakemake --lint, pytest"
	@echo "make test-cluster  the workflow through a one-node SLURM cluster on this machine (root or sudo)"
	@echo "make bench   benchmark every stage and the workflow on 40 and 200 documents (bench/bench.py --help)"
	@echo "make lock    regenerate requirements.lock, requirements-dev.lock and requirements-slurm.lock from pyproject.toml"
	@echo "make clean   remove output/, logs/, .snakemake/ and bench/out/ (distclean: also .venv/, node_modules/)"

run: $(VENV)/.installed-runtime system-libs
	$(IN_VENV) $(BIN)/snakemake $(if $(VERBOSE),--printshellcmds --quiet host) $(ARGS)

test: $(VENV)/.installed-dev system-libs
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(IN_VENV) $(BIN)/snakemake --lint
	$(IN_VENV) $(BIN)/pytest

# The workflow through a real SLURM scheduler: a one-node cluster on this machine, started and
# stopped by tests/cluster/slurm.sh (docs/cluster.md, "What is tested, and how"). Needs root for
# slurmd (sudo when not root). Debian's SLURM and MUNGE, each installed only when missing; on a
# machine with systemd, installing munge also starts its system service, which the test does not
# use (it runs its own munged with its own key and socket).
# The executor plugin is not in the runtime lock: its exact versions are in requirements-slurm.lock.
SLURM_DEBS := slurmctld slurmd slurm-client munge
test-cluster: $(VENV)/.installed-slurm system-libs
	@$(call APT_INSTALL,$(SLURM_DEBS))
	$(SUDO) tests/cluster/slurm.sh

$(VENV)/.installed-slurm: requirements-slurm.lock $(VENV)/.installed-runtime
	$(PIP) install -r requirements-slurm.lock
	touch $@

# Every stage per page, the jobs as processes, the workflow on 1 and 2 cores and a dry run of
# 10,000 documents, against pdftotext and WeasyPrint alone: bench/bench.py --help for ARGS
# (e.g. ARGS="--docs 40 --repeat 5"; ARGS="--skip-e2e --dry-run-docs 0" for a one-minute run).
bench: $(VENV)/.installed-runtime system-libs
	@$(call APT_INSTALL,$(BENCH_DEBS))
	$(IN_VENV) $(BIN)/python bench/bench.py $(ARGS)

system-libs:
	@$(call APT_INSTALL,$(WEASYPRINT_DEBS) $(OCR_DEBS))

# The HTML checks of tests/test_html.py: the W3C Nu HTML Checker (npm vnu-jar) runs on Java, axe-core
# (npm axe-core, puppeteer-core) in headless Chromium. The npm packages are the exact versions of
# package-lock.json (`npm ci`, reinstalled when the lock changes; --ignore-scripts: vnu-jar's
# install script would download a Java runtime, the system's is used); Java, Chromium and Node.js
# come from Debian, each installed only when missing.
HTML_CHECK_JRE := default-jre-headless
HTML_CHECK_BROWSER := chromium
HTML_CHECK_NODE := nodejs npm
NPM_STAMP := node_modules/.installed
.PHONY: html-check-tools
test: html-check-tools

html-check-tools: $(NPM_STAMP)
	@command -v java >/dev/null || $(call APT_INSTALL,$(HTML_CHECK_JRE))
	@[ -x /usr/bin/chromium ] || command -v chromium >/dev/null || \
		$(call APT_INSTALL,$(HTML_CHECK_BROWSER))

$(NPM_STAMP): package-lock.json package.json
	@command -v npm >/dev/null || $(call APT_INSTALL,$(HTML_CHECK_NODE))
	npm ci --ignore-scripts --no-audit --no-fund
	touch $@

# Debian's python3 lacks the venv module until python3-venv is installed; a failed attempt
# leaves a half-made folder behind, so remove it before trying again.
$(BIN)/python:
	@echo "$(PYTHON) -m venv $(VENV)"
	@$(PYTHON) -m venv $(VENV) || { \
		rm -rf $(VENV); \
		$(call APT_INSTALL,python3-venv); \
		$(PYTHON) -m venv $(VENV) || { rm -rf $(VENV); exit 1; }; \
	}

# Stamp files: the install reruns only when a lock file or pyproject.toml is newer than its stamp.
$(VENV)/.installed-runtime: requirements.lock pyproject.toml | $(BIN)/python
	$(PIP) install -r requirements.lock
	$(PIP) install --no-deps -e .
	touch $@

$(VENV)/.installed-dev: requirements-dev.lock requirements.lock pyproject.toml | $(BIN)/python
	$(PIP) install -r requirements-dev.lock
	$(PIP) install --no-deps -e .
	touch $@

# Lock files: resolve pyproject.toml's ranges in a brand-new venv and freeze the result.
# The dev lock is resolved with the runtime pins as constraints, so the two never disagree.
# The current pins are installed first and pip leaves a requirement that they satisfy alone, so
# adding a dependency adds only it (and what it needs) instead of moving every other package;
# `make lock UPGRADE=1` resolves everything anew (also needed to drop a removed dependency).
UPGRADE ?=
LOCK_VENV := build/lock-venv
PROJECT_DEPS = $(PYTHON) -c 'import sys, tomllib; \
	project = tomllib.load(open("pyproject.toml", "rb"))["project"]; \
	extras = sum((project["optional-dependencies"][name] for name in sys.argv[1:]), []); \
	print(*project["dependencies"], *extras, sep="\n")'
LOCK_PIP = $(LOCK_VENV)/bin/pip --disable-pip-version-check --quiet
LOCK_HEADER = echo "\# Exact pins generated by \`make lock\` on Python $$($(LOCK_VENV)/bin/python -c \
	'import platform; print(platform.python_version())') from pyproject.toml; do not edit by hand."

lock:
	rm -rf $(LOCK_VENV)
	$(PYTHON) -m venv $(LOCK_VENV)
	$(PROJECT_DEPS) > $(LOCK_VENV)/runtime.in
	$(PROJECT_DEPS) dev > $(LOCK_VENV)/dev.in
	$(if $(UPGRADE),,$(LOCK_PIP) install --no-deps -r requirements.lock)
	$(LOCK_PIP) install -r $(LOCK_VENV)/runtime.in
	{ $(LOCK_HEADER); $(LOCK_VENV)/bin/pip freeze --exclude kamervragen; } > requirements.lock
	$(if $(UPGRADE),,grep -v '^-r ' requirements-dev.lock | grep -vixE -f <(sed -n \
		's/==.*/==.*/p' requirements.lock) > $(LOCK_VENV)/dev-pins.txt || true)
	$(if $(UPGRADE),,$(LOCK_PIP) install --no-deps -r $(LOCK_VENV)/dev-pins.txt)
	$(LOCK_PIP) install -r $(LOCK_VENV)/dev.in -c requirements.lock
	{ $(LOCK_HEADER); echo "-r requirements.lock"; \
		$(LOCK_VENV)/bin/pip freeze --exclude kamervragen | grep -vxF -f requirements.lock; \
	} > requirements-dev.lock
	rm -rf $(LOCK_VENV)
	$(MAKE) lock-slurm

# The SLURM executor plugin (make test-cluster, docs/cluster.md): its own venv, so that its lock
# holds everything it pulls in (pandas, numpy) even where the dev lock has the same package; the
# dev pins as constraints, so that both install into one venv.
lock-slurm:
	rm -rf $(LOCK_VENV)
	$(PYTHON) -m venv $(LOCK_VENV)
	$(PROJECT_DEPS) slurm > $(LOCK_VENV)/slurm.in
	$(LOCK_VENV)/bin/pip --disable-pip-version-check --quiet install \
		-r $(LOCK_VENV)/slurm.in -c requirements.lock -c requirements-dev.lock
	{ $(LOCK_HEADER); echo "-r requirements.lock"; \
		$(LOCK_VENV)/bin/pip freeze --exclude kamervragen | grep -vxF -f requirements.lock; \
	} > requirements-slurm.lock
	rm -rf $(LOCK_VENV)

clean:
	rm -rf output logs .snakemake bench/out

distclean: clean
	rm -rf $(VENV) build node_modules
