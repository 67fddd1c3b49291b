"""Generated workspaces are slow to make, so benches keep them under tests/bench/out/.

A cached workspace is only good for the schema it was made with: its folder name carries a
fingerprint of the migration scripts, so a changed schema makes a new one instead of failing
on the old.
"""

from __future__ import annotations

import hashlib
import shutil
import sys
from collections.abc import Callable
from pathlib import Path

OUT = Path(__file__).resolve().parent / "out"
MIGRATIONS = Path(__file__).resolve().parents[2] / "forensiclog" / "db" / "migrations" / "versions"


def schema_fingerprint() -> str:
    digest = hashlib.sha256()
    for script in sorted(MIGRATIONS.glob("*.py")):
        digest.update(script.name.encode())
        digest.update(script.read_bytes())
    return digest.hexdigest()[:10]


def cached_workspace(name: str, make: Callable[[Path], object]) -> Path:
    """The folder of the workspace `name`, made by `make(folder)` when this schema has none."""
    path = OUT / f"{name}-{schema_fingerprint()}"
    if not (path / "forensiclog.db").exists():
        shutil.rmtree(path, ignore_errors=True)
        OUT.mkdir(exist_ok=True)
        print(f"generating {path.name} (once)…", file=sys.stderr)
        make(path)
    return path


def working_copy(base: Path, name: str) -> Path:
    """A fresh copy of a cached workspace, for a bench that changes it."""
    work = OUT / name
    shutil.rmtree(work, ignore_errors=True)
    shutil.copytree(base, work)
    return work
