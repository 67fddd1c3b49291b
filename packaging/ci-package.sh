#!/usr/bin/env bash
# CI for issue 7: build the Linux bundle and smoke-test the built program (not the source).
# Prints how long each part took; .ci/run may call it after `make test`.
set -euo pipefail
cd "$(dirname "$0")/.."
export QT_QPA_PLATFORM=offscreen

started=$SECONDS
make package
built=$SECONDS
make smoke
echo "ci-package: package $((built - started)) s, smoke $((SECONDS - built)) s, total $((SECONDS - started)) s"
