"""Database engines: the workspace's SQLite file (durable, serialised writers) or any SQLAlchemy URL."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.pool import NullPool

DATABASE_FILE = "forensiclog.db"
# A writer waits this long for another writer (the GUI and a script on the same workspace)
# before giving up with "database is locked".
BUSY_TIMEOUT_MS = 15_000
BEGIN_OPTION = "forensiclog_begin"


def _writable_pragmas(connection: sqlite3.Connection) -> None:
    # WAL: readers never block the writer, and a crash mid-write leaves the last commit intact.
    connection.execute("PRAGMA journal_mode=WAL")
    # FULL: every commit is fsynced; NORMAL may lose the last commits on power loss.
    connection.execute("PRAGMA synchronous=FULL")


def _common_pragmas(connection: sqlite3.Connection, *, foreign_keys: bool) -> None:
    # SQLite leaves foreign keys off unless asked, per connection. Migrations turn them off:
    # a batch rebuild of a parent table with them on would cascade into its children.
    connection.execute(f"PRAGMA foreign_keys={'ON' if foreign_keys else 'OFF'}")
    connection.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")


def _sqlite_uri(path: Path, *, read_only: bool, immutable: bool) -> str:
    # Path.as_uri() percent-encodes '#', '?' and spaces: a folder named "Справи #1" stays whole.
    uri = path.resolve().as_uri()
    if read_only:
        uri += "?mode=ro" + ("&immutable=1" if immutable else "")
    return uri


def sqlite_engine(
    path: Path, *, read_only: bool = False, immutable: bool = False, foreign_keys: bool = True
) -> Engine:
    """An engine on the SQLite file at ``path``.

    Writable: WAL, synchronous=FULL, foreign keys, busy timeout; write transactions go through
    ``writer(engine)`` and begin IMMEDIATE, so a second writer queues at the start instead of
    failing half-way.
    Read-only: opened with ``mode=ro`` (``immutable=1`` for a sealed copy on read-only media) and
    ``query_only``, so the storage itself refuses every write.
    """
    uri = _sqlite_uri(path, read_only=read_only, immutable=immutable)

    def connect() -> sqlite3.Connection:
        if not read_only and not path.exists():
            raise FileNotFoundError(path)
        # isolation_level=None: the driver's own transaction handling defeats BEGIN on 3.11;
        # transactions are begun explicitly by the event below.
        connection = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
        _common_pragmas(connection, foreign_keys=foreign_keys)
        if read_only:
            connection.execute("PRAGMA query_only=1")
        else:
            _writable_pragmas(connection)
        return connection

    # NullPool: a connection per session; opening SQLite is cheap, and no connection outlives
    # the thread or the transaction that used it.
    engine = create_engine("sqlite://", creator=connect, poolclass=NullPool)

    @event.listens_for(engine, "begin")
    def _begin(conn: Any) -> None:
        # Writers begin IMMEDIATE (see ``writer``); readers begin deferred and never take the
        # write lock, so the GUI keeps reading while a script imports.
        mode = conn.get_execution_options().get(BEGIN_OPTION, "DEFERRED")
        conn.exec_driver_sql(f"BEGIN {'DEFERRED' if read_only else mode}")

    return engine


def writer(engine: Engine) -> Engine:
    """The same engine, beginning each transaction IMMEDIATE (write lock taken up front)."""
    if engine.dialect.name != "sqlite":
        return engine
    return engine.execution_options(**{BEGIN_OPTION: "IMMEDIATE"})


def create_database_file(path: Path) -> Engine:
    """A new, empty SQLite file at ``path`` and a writable engine on it."""
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA journal_mode=WAL")
    connection.close()
    return sqlite_engine(path)


def url_engine(url: str) -> Engine:
    """An engine on a server database (PostgreSQL for an office), for the same services."""
    return create_engine(url, pool_pre_ping=True)
