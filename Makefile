# ForensicLog — every command sets up what it needs on a fresh machine.
#   make run     install everything and start the application on the default workspace
#   make test    install everything and run every check (lint, types, layers, tests)

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
export QT_QPA_PLATFORM ?= offscreen

.PHONY: run test check lint typecheck layers unit bench clean

$(STAMP): pyproject.toml packaging/requirements.lock packaging/linux/system-deps.sh
	packaging/linux/system-deps.sh
	$(PYTHON) -c 'import sys; sys.exit("Python 3.11 or newer is needed") if sys.version_info < (3, 11) else None'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c packaging/requirements.lock -e '.[dev]'
	touch $(STAMP)

run: $(STAMP)
	QT_QPA_PLATFORM= $(BIN)/forensiclog gui

test: check unit

check: lint typecheck layers

lint: $(STAMP)
	$(BIN)/ruff check forensiclog tests
	$(BIN)/ruff format --check forensiclog tests

typecheck: $(STAMP)
	$(BIN)/mypy

layers: $(STAMP)
	$(BIN)/lint-imports

unit: $(STAMP)
	$(BIN)/pytest -q -p no:cacheprovider

bench: $(STAMP)
	$(BIN)/python tests/bench/run_all.py

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache .hypothesis

# Packaging (docs/packaging.md): `make package` builds dist/forensiclog/ and its .tar.gz;
# `make smoke` checks the built program, not the source.
BUILD_STAMP := $(VENV)/.build-installed
.PHONY: package smoke

$(BUILD_STAMP): $(STAMP) packaging/requirements-build.txt
	$(BIN)/python -m pip install --quiet -c packaging/requirements.lock -r packaging/requirements-build.txt
	touch $(BUILD_STAMP)

package: $(BUILD_STAMP)
	packaging/linux/build.sh

smoke:
	$(PYTHON) packaging/smoke.py
