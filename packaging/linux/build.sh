#!/usr/bin/env bash
# Builds the Linux bundle (dist/forensiclog/) with PyInstaller from packaging/forensiclog.spec,
# then dist/forensiclog-<version>-linux-x86_64.tar.gz holding the bundle, the .desktop file,
# the icon and install.sh. Run by `make package` with the project's virtualenv ready.
set -euo pipefail
cd "$(dirname "$0")/../.."
python=${PYTHON_BIN:-.venv/bin/python}

# PyInstaller reads ELF files with objdump and strips them with strip (binutils).
if ! command -v objdump >/dev/null 2>&1; then
  if command -v apt-get >/dev/null 2>&1; then
    echo "package: installing binutils (PyInstaller needs objdump and strip)" >&2
    if [ "$(id -u)" -eq 0 ]; then sudo=""; else sudo="sudo"; fi
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends binutils >/dev/null
  else
    echo "package: install binutils (objdump, strip) first" >&2
    exit 1
  fi
fi

version=$("$python" -c 'import tomllib; print(tomllib.load(open("pyproject.toml", "rb"))["project"]["version"])')
arch=$(uname -m)
name="forensiclog-$version-linux-$arch"

started=$(date +%s)
# Our catalogues are compiled here so a fresh clone bundles them (the .qm files are not in git).
shopt -s nullglob
for ts in resources/translations/*.ts; do
  "$(dirname "$python")/pyside6-lrelease" -silent "$ts" -qm "${ts%.ts}.qm"
done
shopt -u nullglob
"$python" -m PyInstaller --noconfirm --clean --log-level WARN \
  --distpath dist --workpath build/pyinstaller packaging/forensiclog.spec

stage="build/$name"
rm -rf "$stage" && mkdir -p "$stage"
cp -a dist/forensiclog "$stage/forensiclog"
cp packaging/linux/forensiclog.desktop packaging/linux/install.sh "$stage/"
cp resources/icons/forensiclog.png "$stage/"
tar -C build -czf "dist/$name.tar.gz" "$name"
rm -rf "$stage"
finished=$(date +%s)

"$python" - "$name" "$((finished - started))" <<'PY'
import sys
from pathlib import Path

sys.path.insert(0, "packaging")
from bundle_contents import folder_size, megabytes

name, seconds = sys.argv[1], sys.argv[2]
bundle, archive = Path("dist/forensiclog"), Path(f"dist/{name}.tar.gz")
print(f"package: {bundle}/ {megabytes(folder_size(bundle))} unpacked")
print(f"package: {archive} {megabytes(archive.stat().st_size)}")
print(f"package: built in {seconds} s")
PY
