# wirescope — the two commands a newcomer needs: `make demo` and `make test`.
PYTHON ?= python3
VENV   ?= .venv
BIN     = $(VENV)/bin
PIP     = $(BIN)/python -m pip

.PHONY: demo test lint bench golden clean install install-dev

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(PIP) install --quiet -e .
	touch $@

$(VENV)/.installed-dev: pyproject.toml | $(BIN)/python
	$(PIP) install --quiet -e '.[dev]'
	touch $@ $(VENV)/.installed

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

## demo: set up and ingest the two sample articles, print what was found
demo: $(VENV)/.installed
	$(BIN)/wirescope demo

## test: set up with dev extras, lint, type-check and run the whole test suite
test: $(VENV)/.installed-dev
	$(BIN)/ruff check src tests bench
	$(BIN)/mypy
	$(BIN)/pytest

lint: $(VENV)/.installed-dev
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench || true
	$(BIN)/mypy

## bench: time `wirescope extract` against bare spaCy on copies of the samples
bench: $(VENV)/.installed
	$(BIN)/python bench/bench_extract.py

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
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache wirescope-demo.db*
