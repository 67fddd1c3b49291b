# ForensicLog — every command sets up what it needs on a fresh machine.
#   make run     install everything and start the application on the default workspace
#   make test    install everything and run every check (lint, types, layers, tests)

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
export QT_QPA_PLATFORM ?= offscreen

.PHONY: run test check lint typecheck layers unit bench validate audit clean translations screenshots

$(STAMP): pyproject.toml packaging/requirements.lock packaging/linux/system-deps.sh
	packaging/linux/system-deps.sh
	$(PYTHON) -c 'import sys; sys.exit("Python 3.11 or newer is needed") if sys.version_info < (3, 11) else None'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c packaging/requirements.lock -e '.[dev]'
	touch $(STAMP)

run: $(STAMP) translations
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

unit: $(STAMP) translations
	$(BIN)/pytest -q -p no:cacheprovider

bench: $(STAMP)
	$(BIN)/python tests/bench/run_all.py

# Interface catalogues: .ts sources are committed, .qm files are built here.
# UPDATE_TS=1 first collects new strings from the code into the .ts files (pyside6-lupdate).
TS_DIR := resources/translations
SHELL_SOURCES = forensiclog/app.py $(wildcard forensiclog/ui/*.py)
EDITOR_SOURCES = $(wildcard forensiclog/ui/case_editor/*.py forensiclog/ui/photos/*.py)
translations: $(STAMP)
ifdef UPDATE_TS
	$(BIN)/pyside6-lupdate -locations relative -no-obsolete -target-language uk $(SHELL_SOURCES) -ts $(TS_DIR)/forensiclog_uk.ts
	$(BIN)/pyside6-lupdate -locations relative -no-obsolete -target-language uk $(EDITOR_SOURCES) -ts $(TS_DIR)/forensiclog_editor_uk.ts
endif
	for ts in $(TS_DIR)/*.ts; do $(BIN)/pyside6-lrelease -silent "$$ts" -qm "$${ts%.ts}.qm" || exit 1; done

# PNGs of the main window, the register form and the case editor, in English and Ukrainian.
screenshots: $(STAMP) translations
	$(BIN)/python tests/ui/screenshots.py docs/screenshots

# The validation evidence (issue 8): every figure at full scale, written to docs/validation.md.
validate: $(STAMP)
	$(BIN)/python -m tests.validation.run

# Known vulnerabilities in the pinned packages: pip-audit in its own environment (.venv-audit),
# or an offline check against packaging/advisories.json when no service can be reached.
audit:
	PYTHON=$(PYTHON) packaging/audit-dependencies.sh

clean:
	rm -rf $(VENV) .venv-audit .mypy_cache .ruff_cache .pytest_cache .hypothesis

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
