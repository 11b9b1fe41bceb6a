# `make demo` and `make test` work on a fresh machine: they create .venv and install
# everything (the package, its extras, the spaCy models) before running.
# `make demo` runs the service on the demo site until Ctrl-C (options: DEMO_ARGS="--fresh").
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp

.PHONY: install demo test lint format bench clean messages

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev,postgres,elasticsearch,models]'
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(BIN)/myrtille demo $(DEMO_ARGS)

# The suite on two xdist workers, a module per worker at a time (tests/conftest.py,
# docs/testing.md); serially: `make test TEST_WORKERS=0`.
TEST_WORKERS ?= 2

test: $(STAMP)
	$(BIN)/python -m pytest -n $(TEST_WORKERS) $(PYTEST_ARGS)

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports --no-cache

format: $(STAMP)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

# New or changed texts into both catalogues (docs/translating.md), then translate the
# empty French entries.
messages: $(STAMP)
	$(BIN)/python -m myrtille.texts.extract

bench: $(STAMP)
	$(BIN)/python bench/repoll.py
	$(BIN)/python bench/extraction.py
	$(BIN)/python bench/processing.py
	$(BIN)/python bench/index.py
	$(BIN)/python bench/matching.py
	$(BIN)/python bench/digest.py

clean:
	rm -rf $(VENV) demo-data test-artifacts .pytest_cache .ruff_cache
