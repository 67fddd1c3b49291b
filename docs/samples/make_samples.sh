#!/bin/sh
# Regenerate the sample reports in this folder from a fresh demo workspace:
# one PDF of each report (Ukrainian; the exchange report also in English) and the first page
# of each as a PNG at 60 dpi (poppler's pdftoppm).
#
#   docs/samples/make_samples.sh            (from the repository, after `make` has set up .venv)
set -eu

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
python="${PYTHON:-$root/.venv/bin/python}"
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

workspace="$scratch/demo"
"$python" -m forensiclog --workspace "$workspace" demo >/dev/null

# The demo's coordinator (seeds/demo_scenario.json); the password reaches the command only
# through its environment.
FORENSICLOG_USER=koordynator
FORENSICLOG_PASSWORD=demo-coordinator-2025
export FORENSICLOG_USER FORENSICLOG_PASSWORD

exchange=R1-0613
# A case assessed foreign, with both documents, their photos and body photos.
case_number=KYV-T1-00007

report() {
    name=$1
    shift
    "$python" -m forensiclog --workspace "$workspace" report "$@" -o "$here/$name.pdf"
    pdftoppm -png -r 60 -f 1 -l 1 -singlefile "$here/$name.pdf" "$here/$name"
}

report case-report body "$case_number" --language uk
report exchange-report exchange "$exchange" --language uk
report exchange-report-en exchange "$exchange" --language en
report foreign-nationals foreign "$exchange" --language uk
report discrepancies discrepancies "$exchange" --language uk
report labels-a4-24 labels "$exchange" --layout a4-24 --language uk
report labels-a4-8 labels "$case_number" KYV-T1-00001 KYV-T1-00001-P01 --layout a4-8 --language uk
