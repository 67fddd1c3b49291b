"""Turning the storage's complaints (disk full, locked, read-only media) into refusals."""

from __future__ import annotations

import contextlib
import errno
import sqlite3
from collections.abc import Iterator

from sqlalchemy.exc import DBAPIError

from forensiclog.domain.errors import EnvironmentProblem, ReadOnly

_ENVIRONMENT = (
    ("database or disk is full", "the disk is full"),
    ("database is locked", "another program holds the workspace's write lock; try again"),
    ("disk i/o error", "the disk reported an I/O error"),
    ("unable to open database", "the database file cannot be opened"),
    ("database disk image is malformed", "the database file is damaged; restore from a backup"),
    ("file is not a database", "the file is not a ForensicLog database"),
)
# What the operating system says when the disk, not the program, is at fault.
_DISK_ERRNOS = {
    errno.ENOSPC: "the disk is full",
    errno.EDQUOT: "the disk is full",
    errno.EFBIG: "the file is too large for this disk's file system",
    errno.EIO: "the disk reported an I/O error",
    errno.EACCES: "not allowed to write here",
    errno.EPERM: "not allowed to write here",
    errno.EROFS: "not allowed to write here",
}


def describe(error: DBAPIError | sqlite3.Error) -> str | None:
    text = str(getattr(error, "orig", None) or error).lower()
    for needle, meaning in _ENVIRONMENT:
        if needle in text:
            return meaning
    return None


@contextlib.contextmanager
def storage_errors(where: str) -> Iterator[None]:
    """Refusals for what the machine refused; anything else stays a bug and propagates.

    SQLite's errors arrive wrapped by SQLAlchemy, or bare where a module talks to sqlite3
    itself (the backup API, building a case file's database)."""
    try:
        yield
    except (DBAPIError, sqlite3.Error) as error:
        text = str(getattr(error, "orig", None) or error).lower()
        if "readonly database" in text or "query_only" in text or "read-only" in text:
            raise ReadOnly(where) from error
        meaning = describe(error)
        if meaning is None:
            raise
        raise EnvironmentProblem(f"{where}: {meaning}") from error
    except OSError as error:
        meaning = _DISK_ERRNOS.get(error.errno or 0)
        if meaning is None:
            raise
        raise EnvironmentProblem(f"{error.filename or where}: {meaning}") from error
