#!/bin/sh
# The dependency audit (make audit): pip-audit over packaging/requirements.lock, or, when it
# cannot reach a vulnerability service, the offline check against packaging/advisories.json.
# Runs in its own virtual environment (AUDIT_VENV, default .venv-audit), made here if missing.
set -eu
cd "$(dirname "$0")/.."
VENV=${AUDIT_VENV:-.venv-audit}
PYTHON=${PYTHON:-python3}
if [ ! -x "$VENV/bin/pip-audit" ]; then
    "$PYTHON" -m venv "$VENV"
    "$VENV/bin/python" -m pip install --quiet -r packaging/requirements-audit.txt
fi
exec "$VENV/bin/python" packaging/dependency_audit.py "$@"
