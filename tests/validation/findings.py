"""What a figure finds in a workspace after a trial: the database file, the history, ``check``,
and the rows whose photo file is missing — with the leftovers a crash may leave counted apart."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from forensiclog.db.engine import DATABASE_FILE
from forensiclog.domain.errors import Refusal
from forensiclog.domain.roles import Role
from forensiclog.services.build import build
from forensiclog.services.context import Actor
from forensiclog.services.photo_store import PhotoStore
from forensiclog.services.workspace import open_workspace

# What ``check`` says of the leftovers an interrupted import may leave; allowed, and counted.
ORPHAN = "a file with no record"
LEFTOVER = "an unfinished temporary file"


@dataclass
class Findings:
    """Problems (each breaks the target), and the allowed leftovers."""

    problems: list[str] = field(default_factory=list)
    orphans: int = 0
    leftovers: int = 0
    rows_without_file: int = 0
    corrupt: bool = False

    @property
    def clean(self) -> bool:
        return not self.problems


def integrity(database: Path) -> list[str]:
    """``PRAGMA integrity_check`` on the file as it lies (a hot WAL is replayed first)."""
    try:
        connection = sqlite3.connect(database)
        try:
            rows = [r[0] for r in connection.execute("PRAGMA integrity_check").fetchall()]
        finally:
            connection.close()
    except sqlite3.DatabaseError as error:
        return [f"integrity_check: {error}"]
    return [] if rows == ["ok"] else [f"integrity_check: {r}" for r in rows[:5]]


def missing_files(workspace: Path) -> int:
    """Photo rows whose original is not in the store."""
    connection = sqlite3.connect(workspace / DATABASE_FILE)
    try:
        shas = [r[0] for r in connection.execute("SELECT sha256 FROM photo_files")]
    finally:
        connection.close()
    store = PhotoStore(workspace)
    return sum(1 for sha in shas if not store.has(sha))


def examine(workspace: Path, *, keyless: bool = False) -> Findings:
    """Everything the crash and fault figures require of a workspace after a trial
    (``keyless``: a stored database without its key folder, so the key is not looked for)."""
    found = Findings()
    found.problems += integrity(workspace / DATABASE_FILE)
    if found.problems:
        found.corrupt = True
        return found
    try:
        opened = open_workspace(workspace)
    except Refusal as refusal:
        found.problems.append(f"does not open: {refusal}")
        return found
    try:
        reader = build(opened, Actor("iryna", Role.AUDITOR))
        verdict = reader.audit.verify()
        if not verdict.valid:
            found.problems += [f"audit verify: {p}" for p in verdict.problems]
        report = reader.integrity.check()
    finally:
        opened.close()
    for problem in report.problems:
        text = str(problem)
        if ORPHAN in text:
            found.orphans += 1
        elif LEFTOVER in text:
            found.leftovers += 1
        elif text.startswith("history") or (keyless and text.startswith("signing key")):
            continue  # the chain was judged by audit verify above
        else:
            found.problems.append(f"check: {text}")
    found.rows_without_file = missing_files(workspace)
    if found.rows_without_file:
        found.problems.append(f"{found.rows_without_file} photo rows without their file")
    return found
