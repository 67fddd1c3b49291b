"""The SQLite engine: durable settings, serialised writers, a read-only mode the storage enforces,
and paths with spaces, Cyrillic and '#'."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import OperationalError

from forensiclog.db.engine import DATABASE_FILE, sqlite_engine, writer


@pytest.fixture
def database(tmp_path: Path) -> Path:
    folder = tmp_path / "Справи #1 (копія)"
    folder.mkdir()
    path = folder / DATABASE_FILE
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)")
    connection.commit()
    connection.close()
    return path


def test_every_connection_is_durable_and_checks_foreign_keys(database: Path) -> None:
    engine = sqlite_engine(database)
    with engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert connection.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 10_000


def test_read_only_is_refused_by_the_storage_itself(database: Path) -> None:
    engine = sqlite_engine(database, read_only=True)
    with engine.begin() as connection:
        assert connection.exec_driver_sql("PRAGMA query_only").scalar() == 1
        with pytest.raises(OperationalError, match=r"readonly|query_only|read-only"):
            connection.execute(text("INSERT INTO t (v) VALUES ('x')"))


def test_a_read_only_open_never_creates_a_file(tmp_path: Path) -> None:
    missing = tmp_path / "Справи #2" / DATABASE_FILE
    missing.parent.mkdir()
    engine = sqlite_engine(missing, read_only=True)
    with pytest.raises(OperationalError):
        engine.connect()
    assert not missing.exists()


def test_writers_take_the_lock_at_begin_and_queue(database: Path) -> None:
    engine = writer(sqlite_engine(database))
    order: list[str] = []
    first_inside = threading.Event()
    release = threading.Event()

    def first() -> None:
        with engine.begin() as connection:
            connection.execute(text("INSERT INTO t (v) VALUES ('first')"))
            first_inside.set()
            release.wait(5)
            order.append("first commits")

    thread = threading.Thread(target=first)
    thread.start()
    first_inside.wait(5)
    release.set()
    with engine.begin() as connection:  # blocks at BEGIN IMMEDIATE until the first commits
        order.append("second begins")
        connection.execute(text("INSERT INTO t (v) VALUES ('second')"))
    thread.join()
    assert order == ["first commits", "second begins"]


def test_readers_do_not_take_the_write_lock(database: Path) -> None:
    reader, write = sqlite_engine(database), writer(sqlite_engine(database))
    with reader.begin() as connection:
        connection.execute(text("SELECT count(*) FROM t")).scalar()
        with write.begin() as other:  # would wait (and time out) if the reader held the lock
            other.execute(text("INSERT INTO t (v) VALUES ('w')"))
