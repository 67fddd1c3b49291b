"""Turning the storage's complaints (disk full, locked, read-only media) into refusals."""

from __future__ import annotations

import contextlib
import errno
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


def describe(error: DBAPIError) -> str | None:
    text = str(error.orig).lower()
    for needle, meaning in _ENVIRONMENT:
        if needle in text:
            return meaning
    return None


@contextlib.contextmanager
def storage_errors(where: str) -> Iterator[None]:
    """Refusals for what the machine refused; anything else stays a bug and propagates."""
    try:
        yield
    except DBAPIError as error:
        text = str(error.orig).lower()
        if "readonly database" in text or "query_only" in text or "read-only" in text:
            raise ReadOnly(where) from error
        meaning = describe(error)
        if meaning is None:
            raise
        raise EnvironmentProblem(f"{where}: {meaning}") from error
    except OSError as error:
        if error.errno in (errno.ENOSPC, errno.EDQUOT):
            raise EnvironmentProblem(f"{error.filename or where}: the disk is full") from error
        if error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
            raise EnvironmentProblem(
                f"{error.filename or where}: not allowed to write here"
            ) from error
        raise
