# Two commands on a fresh machine:
#   make run   - create .venv, install the app, open it (SQLite in your data folder)
#   make test  - create .venv, install the app with its test tools, run every check
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
APP_STAMP := $(VENV)/.app-installed
TEST_STAMP := $(VENV)/.test-installed

.PHONY: run test test-fast bench screenshots clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(APP_STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(TEST_STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[test,bench]"
	touch $@ $(APP_STAMP)

run: $(APP_STAMP)
	$(BIN)/wombat

test: $(TEST_STAMP)
	$(BIN)/ruff check wombat_desktop tests bench
	$(BIN)/lint-imports
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest

test-fast: $(TEST_STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -m "not slow"

bench: $(TEST_STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python bench/run_all.py

screenshots: $(APP_STAMP)
	WOMBAT_HOME=$$(mktemp -d) sh -c '$(BIN)/wombat demo && $(BIN)/wombat snapshot contacts --out docs/contacts.png'

clean:
	rm -rf $(VENV) build *.egg-info
