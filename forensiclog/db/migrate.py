"""Bringing a workspace database to the schema this version of ForensicLog writes.

The revision is read with one query, so opening an up-to-date workspace never imports Alembic.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Connection, Engine, text
from sqlalchemy.exc import OperationalError

from forensiclog.db.engine import writer
from forensiclog.domain.errors import Refusal

# The head revision in migrations/versions; a test keeps the two equal.
SCHEMA_REVISION = "0001"
MIGRATIONS = Path(__file__).with_name("migrations")


class SchemaTooNew(Refusal):
    code = "schema_too_new"


def current_revision(connection: Connection) -> str | None:
    try:
        row = connection.execute(text("SELECT version_num FROM alembic_version")).first()
    except OperationalError:
        return None
    return None if row is None else str(row[0])


def _alembic_config(connection: Connection) -> object:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    return config


def known_revisions() -> set[str]:
    from alembic.script import ScriptDirectory

    return {script.revision for script in ScriptDirectory(str(MIGRATIONS)).walk_revisions()}


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Run every pending migration in one transaction, then check foreign keys still hold.

    ``engine`` must have foreign keys off (see ``sqlite_engine(foreign_keys=False)``).
    """
    from alembic import command

    with writer(engine).begin() as connection:
        found = current_revision(connection)
        if found is not None and found != SCHEMA_REVISION and found not in known_revisions():
            raise SchemaTooNew(
                f"the workspace was written by a newer ForensicLog (schema {found}); "
                "update ForensicLog to open it"
            )
        command.upgrade(_alembic_config(connection), revision)  # type: ignore[arg-type]
        if connection.dialect.name == "sqlite":
            broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
            if broken:
                raise RuntimeError(f"migration broke foreign keys: {broken[:5]}")


def needs_upgrade(engine: Engine) -> bool:
    with engine.connect() as connection:
        return current_revision(connection) != SCHEMA_REVISION
