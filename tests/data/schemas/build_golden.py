"""Writes the stored database of the current schema revision, for the migration tests.

Run once per released schema: ``python tests/data/schemas/build_golden.py``. The file it writes
is committed and never regenerated for an old revision, so later migrations are tested against
what that release really wrote.
"""

from __future__ import annotations

import csv
import shutil
import sqlite3
import sys
import tempfile
from pathlib import Path

from forensiclog.db.migrate import SCHEMA_REVISION
from forensiclog.domain.roles import Role
from forensiclog.services.build import build
from forensiclog.services.context import Actor
from forensiclog.services.workspace import open_workspace
from forensiclog.services.workspace_setup import init_workspace

HERE = Path(__file__).parent


def populate(path: Path) -> None:
    init_workspace(path, site="KYV", team="T9", admin="admin", password="golden-password")
    workspace = open_workspace(path)
    admin = build(workspace, Actor("admin", Role.ADMIN))
    admin.users.add("olena", "coordinator", "golden-password")
    coordinator = build(workspace, Actor("olena", Role.COORDINATOR))
    examiner = build(workspace, Actor("petro", Role.EXAMINER))
    coordinator.exchanges.add("R1-0001", date="2025-06-13", declared=12, place="Київ")
    listing = path.parent / "list.csv"
    with listing.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["tag", "surname", "given_names", "birth_date"])
        writer.writerows([["A-1", "Гнатюк", "Іван", "1990-01-02"], ["A-2", "Иванов", "Пётр", ""]])
    coordinator.manifest.import_file("R1-0001", listing)
    case = examiner.cases.register(
        "R1-0001", tag="A-1", condition="decomposed", location="Fridge 1"
    ).case_number
    examiner.workflow.move(case, "examined", reason="external examination")
    examiner.cases.edit(case, {"nationality": "foreign", "nationality_basis": "RUS passport"})
    examiner.examination.add_sample(case, kind="bone", sample_number="S-1")
    examiner.cases.add_part(case, condition="fragmented")
    workspace.close()


def main() -> int:
    target = HERE / f"{SCHEMA_REVISION}.sqlite"
    with tempfile.TemporaryDirectory() as folder:
        workspace = Path(folder) / "workspace"
        populate(workspace)
        connection = sqlite3.connect(workspace / "forensiclog.db")
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        connection.execute("PRAGMA journal_mode=DELETE")
        connection.close()
        shutil.copyfile(workspace / "forensiclog.db", target)
    print(f"wrote {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
