# Two commands matter: `make serve` (build and serve the site) and `make test`.
# Every target installs what it needs: Python packages into .venv, the pinned
# front-end runtime into node_modules, and (for tests) Chromium, LibreOffice Writer, nginx and
# Apache httpd, from Debian's packages when missing and running as root.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
HOST   ?= 127.0.0.1
PORT   ?= 8000
BUILD  := _build
SITE   := $(BUILD)/html
# Doctrees (build caches) live beside the site, not inside it, so they are never published.
SPHINXFLAGS := -c . -d $(BUILD)/doctrees
# -E: a fresh environment, so warnings from unchanged pages are reported again and the
# search index is whole (an incremental build can drop its object list).
STRICT := -E -W --keep-going -n -w $(BUILD)/warnings.txt

.PHONY: help html strict serve test lint dist bench clean deps test-deps chromium libreoffice servers

help:
	@echo "make serve   build the site and serve it on http://$(HOST):$(PORT)"
	@echo "make test    build with warnings as errors, then run every test"
	@echo "make html    build the site into $(SITE)"
	@echo "make dist    zip the built site with SHA256SUMS into dist/"
	@echo "make bench   measure page weight, time to interactive and re-score time"
	@echo "make clean   remove build output, dist/ and installed dependencies"

# --- set-up ------------------------------------------------------------------
$(VENV)/.site-deps: requirements/site.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements/site.txt
	touch $@

$(VENV)/.test-deps: requirements/test.txt $(VENV)/.site-deps
	$(BIN)/python -m pip install --quiet -r requirements/test.txt
	touch $@

node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund

deps: $(VENV)/.site-deps node_modules/.package-lock.json
test-deps: $(VENV)/.test-deps node_modules/.package-lock.json

chromium:
	@bash scripts/ensure_chromium.sh

# The hosting guide's configurations run on real servers (tests/test_web_servers.py).
servers:
	@bash scripts/ensure_debian_package.sh nginx nginx nginx
	@bash scripts/ensure_debian_package.sh apache2 apache2 "Apache httpd"

# The report tests turn .docx and .odt files into PDF with LibreOffice, headless.
libreoffice:
	@bash scripts/ensure_debian_package.sh soffice libreoffice-writer-nogui "LibreOffice Writer"

# --- build -------------------------------------------------------------------
html: deps
	$(BIN)/sphinx-build -b html $(SPHINXFLAGS) content $(SITE)

strict: deps
	mkdir -p $(BUILD)
	$(BIN)/sphinx-build -b html $(SPHINXFLAGS) $(STRICT) content $(SITE)

serve: html
	$(BIN)/python scripts/serve.py --host $(HOST) --port $(PORT) $(SITE)

dist: html
	$(BIN)/python scripts/make_dist.py $(SITE) dist

# --- checks ------------------------------------------------------------------
test: test-deps chromium libreoffice servers lint strict
	AITK_SITE=$(SITE) AITK_WARNINGS=$(BUILD)/warnings.txt $(BIN)/python -m pytest

lint: test-deps
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy extensions scripts conf.py

bench: html test-deps chromium
	$(BIN)/python scripts/benchmark.py $(SITE)

clean:
	rm -rf $(BUILD) dist .pytest_cache
	rm -rf $(VENV) node_modules
