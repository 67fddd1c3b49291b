"""The folder a hostile case file is tried in, and how to tell that nothing outside it changed.

Everything lives under one sandbox: ``tmp`` (the system temporary folder while a file is
tried: the private extraction folders go there and must be gone afterwards), ``files`` (the
hostile files, only ever read), and the workspaces. A snapshot records every path under the
sandbox with its kind, size and modification time; the importing workspace's database is
compared by its content, since reading it may touch SQLite's shared-memory file.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

Snapshot = dict[str, tuple[str, int, int]]
_DATABASE_FILES = ("forensiclog.db", "forensiclog.db-wal", "forensiclog.db-shm")


def snapshot(root: Path, skip: Path) -> Snapshot:
    """Every path under ``root`` except under ``skip``, with what it is, its size and mtime."""
    seen: Snapshot = {}
    for folder, dirs, files in os.walk(root):
        here = Path(folder)
        if here == skip or skip in here.parents:
            dirs[:] = []
            continue
        for name in dirs + files:
            path = here / name
            # The temporary folder's own times change as extractions come and go in it.
            if name in _DATABASE_FILES or path == skip:
                continue
            info = path.lstat()
            if path.is_dir() and not path.is_symlink():
                # A folder's times change when SQLite makes and removes its journal files
                # beside a database; what stays in the folder is listed in its own right.
                seen[str(path.relative_to(root))] = ("dir", 0, 0)
                continue
            kind = "link" if path.is_symlink() else "file"
            seen[str(path.relative_to(root))] = (kind, info.st_size, info.st_mtime_ns)
    return seen


def differences(before: Snapshot, after: Snapshot) -> list[str]:
    changed = [f"{p} appeared" for p in sorted(after.keys() - before.keys())]
    changed += [f"{p} disappeared" for p in sorted(before.keys() - after.keys())]
    changed += [
        f"{p} changed" for p in sorted(before.keys() & after.keys()) if before[p] != after[p]
    ]
    return changed


def database_state(workspace: Path) -> str:
    """A digest of every row of every table of a workspace's database."""
    uri = f"{(workspace / 'forensiclog.db').as_uri()}?mode=ro"
    digest = hashlib.sha256()
    with sqlite3.connect(uri, uri=True) as db:
        tables = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        for table in sorted(tables):
            digest.update(table.encode())
            for row in db.execute(f'SELECT * FROM "{table}" ORDER BY rowid'):
                digest.update(repr(row).encode())
    db.close()
    return digest.hexdigest()


def leftovers(tmp: Path) -> list[str]:
    return sorted(str(p.relative_to(tmp)) for p in tmp.iterdir())


@contextmanager
def temporary_folder(tmp: Path) -> Iterator[None]:
    """Python's temporary folder pointed at ``tmp`` (private extractions go there)."""
    before = tempfile.tempdir
    tempfile.tempdir = str(tmp)
    try:
        yield
    finally:
        tempfile.tempdir = before
