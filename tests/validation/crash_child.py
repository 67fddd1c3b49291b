"""The work a child process does until it is killed: each step one user action through the
services, acknowledged by a line written after the action returned (and so after it committed).

The acknowledgement goes to a file with one ``write``: a killed process loses nothing it wrote,
so every line in the file is an action the user was told had been done.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable
from pathlib import Path

from sqlalchemy.orm import configure_mappers

from forensiclog.db import engine as engine_module
from forensiclog.db import migrate
from forensiclog.db.engine import create_database_file, sqlite_engine
from forensiclog.services.workspace import open_workspace
from forensiclog.services.workspace_setup import init_workspace
from tests.conftest import PASSWORDS
from tests.validation.workloads import (
    FIELD_EXCHANGE,
    LIST_EXCHANGE,
    Material,
    services,
)

# Imported by the fork server before it forks, so no child pays for them.
PRELOAD = (
    "tests.validation.crash_child",
    "forensiclog.services.cases",
    "forensiclog.services.documents",
    "forensiclog.services.photos",
    "forensiclog.services.manifest",
    "forensiclog.services.casefiles",
    "forensiclog.services.merge",
    "forensiclog.services.backup",
    "forensiclog.services.integrity",
    "forensiclog.services.audit",
)
BODIES = 3
EXPORTS = 3
BACKUPS = 3
Ack = Callable[[str], None]


def acknowledger(path: Path) -> Ack:
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)

    def ack(line: str) -> None:
        os.write(descriptor, f"{line}\n".encode())

    return ack


def intake(trial: Path, material: Material, ack: Ack) -> None:
    """Register bodies, each with a document (and its photo) and two more photos."""
    examiner = services(trial / "workspace", "petro")
    photos = material.photos
    for i in range(BODIES):
        registered = examiner.cases.register(FIELD_EXCHANGE, tag=f"T-{i}", location=f"Shelf {i}")
        ack(f"case {registered.case_number} T-{i}")
        examiner.documents.add(
            registered.case_number,
            kind="passport",
            country="RUS",
            number=f"D{i:04d}",
            photos=[photos[3 * i]],
        )
        ack(f"document D{i:04d}")
        examiner.photos.add(
            registered.case_number, [photos[3 * i + 1], photos[3 * i + 2]], caption=f"C{i}"
        )
        ack(f"photos C{i}")


def manifest(trial: Path, material: Material, ack: Ack) -> None:
    coordinator = services(trial / "workspace", "olena")
    for n, listing in enumerate(material.lists):
        coordinator.manifest.import_file(LIST_EXCHANGE, listing)
        ack(f"list {n}")


def export(trial: Path, material: Material, ack: Ack) -> None:
    coordinator = services(trial / "workspace", "olena")
    for n in range(EXPORTS):
        coordinator.casefiles.export(trial / "out" / f"e{n}.fcase", exchange=FIELD_EXCHANGE)
        ack(f"export {n}")


def merge(trial: Path, material: Material, ack: Ack) -> None:
    coordinator = services(trial / "workspace", "olena")
    for n, casefile in enumerate(material.casefiles):
        coordinator.merge.import_file(casefile)
        ack(f"import {n}")


def backup(trial: Path, material: Material, ack: Ack) -> None:
    coordinator = services(trial / "workspace", "olena")
    for n in range(BACKUPS):
        coordinator.backup.backup(trial / "out" / f"b{n}")
        ack(f"backup {n}")


def migration(trial: Path, material: Material, ack: Ack) -> None:
    """The schema built from nothing (alone, then inside a new workspace), and the stored
    database of the first release opened and brought up to date."""
    bare = trial / "out" / "bare.db"
    create_database_file(bare).dispose()
    probe = sqlite_engine(bare, foreign_keys=False)
    migrate.upgrade(probe)
    probe.dispose()
    ack("upgrade")
    init_workspace(
        trial / "out" / "new", site="KYV", team="T5", admin="admin", password=PASSWORDS["admin"]
    )
    ack("init")
    open_workspace(trial / "old").close()
    ack("golden")


WORKLOADS: dict[str, Callable[[Path, Material, Ack], None]] = {
    "intake": intake,
    "manifest": manifest,
    "export": export,
    "import": merge,
    "backup": backup,
    "migration": migration,
}
# Which workspace each workload writes to: the field laptop's, or the office's.
STARTS_FROM = {"import": "office"}


def _journal_off(connection: sqlite3.Connection) -> None:
    connection.execute("PRAGMA journal_mode=OFF")
    connection.execute("PRAGMA synchronous=OFF")


def warm() -> None:
    """Done once in the fork server: what every child would otherwise do first."""
    configure_mappers()


def run(kind: str, trial: Path, material: Material, journal_off: bool) -> None:
    """The child's whole life: one workload, until it ends or is killed."""
    if journal_off:
        # The negative control: the same workload with SQLite's journal and syncing off.
        engine_module._writable_pragmas = _journal_off
    WORKLOADS[kind](trial, material, acknowledger(trial / "acks"))
