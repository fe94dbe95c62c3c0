# Two commands matter: `make serve` and `make test`. Both set up .venv themselves.
PYTHON ?= python3
VENV := .venv
ZVENV := .venv-zensical
BIN := $(VENV)/bin
LANG_ONLY ?=
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build verify engines check fix test test-browser translations new bench offline clean help

help:
	@echo "make serve [LANG_ONLY=pl]  set up and serve the site on http://127.0.0.1:8000"
	@echo "make test                  set up and run every test"
	@echo "make check                 validate the content without building (about a second)"
	@echo "make fix                   rewrite what can be derived: encodings, population bands, standard headings"
	@echo "make build                 strict build into site/, then make verify"
	@echo "make verify                check site/ against the knowledge base (every page, file, policy, search)"
	@echo "make engines               build with Zensical from kb.py stage and report the site contract (README, Engines)"
	@echo "make test-browser          only the browser tests (accessibility, search, checklists)"
	@echo "make new TYPE=guide ID=my-guide TOPIC=participation"

$(BIN)/.installed: requirements.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	touch $@

$(BIN)/.installed-dev: $(BIN)/.installed requirements-dev.txt
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt
	touch $@

serve: $(BIN)/.installed
ifeq ($(LANG_ONLY),)
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000
else
	KB_BUILD_ONLY=$(LANG_ONLY) $(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000 -f mkdocs.yml
endif

build: $(BIN)/.installed
	$(BIN)/mkdocs build --strict
	$(BIN)/python hooks/kb.py verify-site site

# The site contract: whatever engine wrote site/, it must hold every page and file the knowledge base publishes.
verify: $(BIN)/.installed
	$(BIN)/python hooks/kb.py verify-site $(or $(SITE),site)

check: $(BIN)/.installed
	$(BIN)/python hooks/kb.py check

# Rewrite what can be derived: encodings, population_band, guides' standard section headings
fix: $(BIN)/.installed
	-$(BIN)/python hooks/kb.py fix

translations: $(BIN)/.installed
	$(BIN)/python hooks/kb.py translations

new: $(BIN)/.installed
	$(BIN)/python hooks/kb.py new $(TYPE) $(ID) --topic $(TOPIC)

# Every test; then the site and browser tests again on the site ProperDocs builds (the second engine).
test: $(BIN)/.installed-dev
	$(BIN)/python -m pytest
	KB_ENGINE=properdocs $(BIN)/python -m pytest tests/site/test_site.py tests/site/test_contract.py tests/browser

test-browser: $(BIN)/.installed-dev
	$(BIN)/python -m pytest tests/browser

$(ZVENV)/bin/.installed: requirements-zensical.txt
	test -x $(ZVENV)/bin/python || $(PYTHON) -m venv $(ZVENV)
	$(ZVENV)/bin/python -m pip install --quiet --upgrade pip
	$(ZVENV)/bin/python -m pip install --quiet -r requirements-zensical.txt
	touch $@

# A report, not a gate: what of the site contract holds when Zensical builds from the stage.
engines: $(BIN)/.installed $(ZVENV)/bin/.installed
	@out=$$($(ZVENV)/bin/python -m pip install --dry-run zensical==0.1.1 2>&1) \
	  && echo "Zensical 0.1.1 would now install: try it in requirements-zensical.txt" \
	  || echo "Zensical 0.1.1 does not install: $$(echo "$$out" | grep ERROR | head -1)"
	$(BIN)/python hooks/build_zensical.py --bin $(ZVENV)/bin $(if $(REPORT),--report $(REPORT))

clean:
	rm -rf site dist build .pytest_cache

offline: $(BIN)/.installed
	$(BIN)/python hooks/build_offline.py
	$(BIN)/python hooks/kb.py --config dist/mkdocs.offline.yml verify-site dist/knowledge-base

bench: $(BIN)/.installed-dev
	$(BIN)/python tests/bench.py
