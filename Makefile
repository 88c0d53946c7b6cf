# wirescope — the two commands a newcomer needs: `make demo` and `make test`.
PYTHON ?= python3
VENV   ?= .venv
BIN     = $(VENV)/bin
PIP     = $(BIN)/python -m pip

.PHONY: demo test lint bench bench-cost golden clean install install-dev web browser serve postgres
WEB_VENDOR = src/wirescope/serve/web/vendor

# torch is installed first, pinned: the `embeddings` extra (sentence embeddings for incident
# linking) pulls it, and unpinned pip may take a multi-GB CUDA build.
$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip
	$(PIP) install --quiet torch==2.13.0

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(PIP) install --quiet -e '.[embeddings]'
	touch $@

$(VENV)/.installed-dev: pyproject.toml | $(BIN)/python
	$(PIP) install --quiet -e '.[dev,embeddings]'
	touch $@ $(VENV)/.installed

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

## demo: set up and ingest the two sample articles, print what was found
demo: $(VENV)/.installed
	$(BIN)/wirescope demo

## web: the web app's front-end libraries and offline basemap, from npm (not committed)
web: $(WEB_VENDOR)/VERSIONS.json

web/node_modules/.package-lock.json: web/package.json web/package-lock.json
	cd web && npm ci --no-audit --no-fund --loglevel=error

$(WEB_VENDOR)/VERSIONS.json: web/node_modules/.package-lock.json web/build.mjs
	cd web && node build.mjs

## browser: Debian's headless Chromium for the web app's end-to-end tests (needs root)
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    (apt-get install -y -q chromium chromium-driver >/dev/null 2>&1 || \
	     (apt-get update -q >/dev/null && apt-get install -y -q chromium chromium-driver >/dev/null)); \
	  else echo "browser: install Debian's chromium to run the end-to-end tests"; fi; }

## serve: the demo store in the web app at http://127.0.0.1:8000/
serve: $(VENV)/.installed web
	$(BIN)/wirescope demo --db wirescope-demo.db >/dev/null
	$(BIN)/wirescope --db wirescope-demo.db serve

## postgres: a private PostgreSQL server for the store tests (Debian's; prints its URL)
postgres:
	@scripts/postgres.sh start

## test: set up with dev extras, lint, type-check and run the whole test suite (the store
## tests on SQLite and on a private PostgreSQL server; they skip where none can be started)
test: $(VENV)/.installed-dev web browser
	$(BIN)/ruff check src tests bench
	$(BIN)/mypy
	WIRESCOPE_TEST_POSTGRES="$${WIRESCOPE_TEST_POSTGRES:-$$(scripts/postgres.sh start || true)}" \
	  $(BIN)/pytest

lint: $(VENV)/.installed-dev
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench || true
	$(BIN)/mypy

## bench: time `wirescope extract` against bare spaCy on copies of the samples, the API, incident linking and each kind of bad input
bench: $(VENV)/.installed-dev
	$(BIN)/python bench/bench_extract.py
	$(BIN)/python bench/bench_extractors.py
	$(BIN)/python bench/bench_serve.py
	$(BIN)/python bench/bench_incidents.py
	$(BIN)/python bench/bench_badinput.py
	$(BIN)/python bench/bench_records.py

## bench-cost: the cost curve — stores of 1k, 5k and 20k real articles (../shared/eval/incidents), ingest, size, memory and every endpoint at 4 clients (about 25 minutes); then the plot
bench-cost: $(VENV)/.installed-dev
	$(BIN)/python bench/bench_cost.py
	$(BIN)/python bench/bench_cost.py --plot

## golden: regenerate the whole-article golden files (review the diff before committing)
golden: $(VENV)/.installed-dev
	$(BIN)/python tests/golden/regenerate.py

.PHONY: eval eval-gate

## eval: the full scoreboard, every item of every set in ../shared/eval (a few minutes)
eval: $(VENV)/.installed
	$(BIN)/wirescope evaluate --all

## eval-gate: the CI sample of each set against the floors in eval_baseline.json
eval-gate: $(VENV)/.installed
	$(BIN)/wirescope evaluate --gate

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache wirescope-demo.db* web/node_modules $(WEB_VENDOR) .artifacts
