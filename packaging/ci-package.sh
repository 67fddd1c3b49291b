#!/usr/bin/env bash
# CI, after `make test`: build the Linux bundle and smoke-test the built program (not the
# source). Prints how long each part took.
set -euo pipefail
cd "$(dirname "$0")/.."
export QT_QPA_PLATFORM=offscreen

started=$SECONDS
make package
built=$SECONDS
make smoke
# The bundle's own tests (size limit, contents) skip without dist/; here they run.
.venv/bin/pytest -q -p no:cacheprovider tests/packaging
echo "ci-package: package $((built - started)) s, smoke $((SECONDS - built)) s, total $((SECONDS - started)) s"
