"""Every released schema upgrades to the current one without losing data."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory

from forensiclog.db import migrate
from forensiclog.db.base import Base
from forensiclog.db.engine import DATABASE_FILE, sqlite_engine
from forensiclog.domain.roles import Role
from forensiclog.services.build import build
from forensiclog.services.case_list import CaseFilter
from forensiclog.services.context import Actor
from forensiclog.services.workspace import open_workspace

GOLDEN = sorted((Path(__file__).parent.parent / "data" / "schemas").glob("*.sqlite"))


def test_the_code_names_the_head_revision() -> None:
    heads = ScriptDirectory(str(migrate.MIGRATIONS)).get_heads()
    assert heads == [migrate.SCHEMA_REVISION]


def test_there_is_a_stored_database_of_every_released_schema() -> None:
    assert GOLDEN, "no stored databases in tests/data/schemas"
    assert {p.stem for p in GOLDEN} >= {migrate.SCHEMA_REVISION}


@pytest.mark.parametrize("golden", GOLDEN, ids=lambda p: p.stem)
def test_a_stored_database_upgrades_and_keeps_its_records(golden: Path, tmp_path: Path) -> None:
    folder = tmp_path / "old workspace #1"
    folder.mkdir()
    shutil.copyfile(golden, folder / DATABASE_FILE)
    before = (
        sqlite3.connect(folder / DATABASE_FILE).execute("SELECT count(*) FROM cases").fetchone()[0]
    )

    workspace = open_workspace(folder, read_only=False)
    engine = sqlite_engine(folder / DATABASE_FILE)
    with engine.connect() as connection:
        assert migrate.current_revision(connection) == migrate.SCHEMA_REVISION
        differences = compare_metadata(MigrationContext.configure(connection), Base.metadata)
        assert differences == []
    reader = build(workspace, Actor("auditor", Role.AUDITOR))
    assert reader.case_list.count(CaseFilter()) == before
    assert reader.audit.verify().valid
    workspace.close()
    engine.dispose()


def test_a_schema_from_a_newer_release_is_refused(tmp_path: Path, template_workspace: Path) -> None:
    folder = tmp_path / "w"
    shutil.copytree(template_workspace, folder)
    connection = sqlite3.connect(folder / DATABASE_FILE)
    connection.execute("UPDATE alembic_version SET version_num = '9999'")
    connection.commit()
    connection.close()
    with pytest.raises(migrate.SchemaTooNew, match="newer ForensicLog"):
        open_workspace(folder)
