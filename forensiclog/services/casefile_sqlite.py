"""Building a case file's database from a SQLite workspace inside SQLite itself: the workspace
attached read-only to the new file, the selection, the records and the redacted history copied
by SQL in one transaction (one consistent snapshot of the workspace).

It does what ``casefile_export.build_database`` does for any database, several times faster,
and without holding the interpreter, so the photos are copied meanwhile on another thread;
a test keeps the two builders' files identical.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from forensiclog.db.base import table_of
from forensiclog.db.models import (
    AuditEntry,
    Case,
    CaseLink,
    ChainHead,
    Exchange,
    ManifestImport,
    PhotoFile,
    SearchKey,
    WorkspaceRow,
)
from forensiclog.domain.audit_chain import REDACTED
from forensiclog.domain.case_number import parse_case_number
from forensiclog.domain.errors import EnvironmentProblem, NotFound
from forensiclog.services.casefile_export import (
    CASE_RECORDS,
    RECORD_MODELS,
    Contents,
    PhotosKnown,
    casefile_engine,
    create_schema,
)

_SELECTED = "(SELECT id FROM temp.selected)"
# Which rows of each table go in, in an order where each condition's tables are filled.
_WHERE: tuple[tuple[Any, str], ...] = (
    (Case, f"id IN {_SELECTED}"),
    *((model, f"case_id IN {_SELECTED}") for model in CASE_RECORDS),
    (CaseLink, f"case_id IN {_SELECTED} AND other_case_id IN {_SELECTED}"),
    (PhotoFile, "id IN (SELECT photo_id FROM main.case_photos)"),
    (ManifestImport, "id IN (SELECT manifest_id FROM main.declared_identities)"),
    (
        Exchange,
        "id IN (SELECT exchange_id FROM main.cases UNION SELECT exchange_id FROM main.manifest_imports)",
    ),
    (SearchKey, f"case_id IN {_SELECTED}"),
    (WorkspaceRow, "1"),
)
# An entry is kept when it is about a record in the file, or is a note about one of its cases
# (the rule of casefile_export._concerns); otherwise only its links remain.
_KEEP = (
    "(entity_uid IN (SELECT uid FROM temp.kept_uids)) OR (entity_uid IS NULL AND "
    "state_hash IS NULL AND case_number IN (SELECT number FROM temp.kept_numbers))"
)
_BLANKED = {"at": "''", "user_name": "''", "action": ":redacted", "entity": ":redacted"}
_LINKS = ("id", "origin", "seq", "prev_hash", "entry_hash", "content_hash")


def _columns(model: Any) -> str:
    return ", ".join(f'"{c.key}"' for c in table_of(model).columns)


def _select(connection: sqlite3.Connection, exchange: str | None, numbers: Sequence[str]) -> None:
    connection.execute("CREATE TEMP TABLE selected (id INTEGER PRIMARY KEY)")
    if exchange is not None:
        found = connection.execute("SELECT id FROM src.exchanges WHERE code = ?", (exchange,))
        row = found.fetchone()
        if row is None:
            raise NotFound("exchange", exchange)
        connection.execute(
            "INSERT INTO selected SELECT id FROM src.cases WHERE exchange_id = ?", row
        )
    for number in numbers:
        key = str(parse_case_number(number))
        row = connection.execute(
            "SELECT id FROM src.cases WHERE case_number = ?", (key,)
        ).fetchone()
        if row is None:
            raise NotFound("case", number)
        connection.execute("INSERT OR IGNORE INTO selected VALUES (?)", row)
    connection.execute(
        f"INSERT OR IGNORE INTO selected SELECT parent_id FROM src.cases "  # noqa: S608
        f"WHERE id IN {_SELECTED} AND parent_id IS NOT NULL"
    )
    connection.execute(
        f"INSERT OR IGNORE INTO selected SELECT id FROM src.cases WHERE parent_id IN {_SELECTED}"  # noqa: S608
    )


def _copy_records(connection: sqlite3.Connection) -> None:
    for model, where in _WHERE:
        name, columns = table_of(model).name, _columns(model)
        connection.execute(
            f"INSERT INTO main.{name} ({columns}) SELECT {columns} FROM src.{name} WHERE {where}"  # noqa: S608
        )


def _copy_history(connection: sqlite3.Connection, exporter: str) -> int:
    """Copy the history, redacted; the number of entries of origins left out after all."""
    connection.execute("CREATE TEMP TABLE kept_uids (uid TEXT PRIMARY KEY)")
    for model in RECORD_MODELS:
        table = table_of(model).name
        connection.execute(f"INSERT OR IGNORE INTO kept_uids SELECT uid FROM main.{table}")  # noqa: S608
    connection.execute("CREATE TEMP TABLE kept_numbers (number TEXT PRIMARY KEY)")
    connection.execute("INSERT INTO kept_numbers SELECT case_number FROM main.cases")
    names = [c.key for c in table_of(AuditEntry).columns]
    shown = [
        name
        if name in _LINKS
        else f"CASE WHEN kept THEN {name} ELSE {_BLANKED.get(name, 'NULL')} END"
        for name in names
    ]
    connection.execute(
        f"INSERT INTO main.audit_entries ({', '.join(names)}) SELECT {', '.join(shown)} "  # noqa: S608
        f"FROM (SELECT *, ({_KEEP}) AS kept FROM src.audit_entries) ORDER BY id",
        {"redacted": REDACTED},
    )
    dropped = connection.execute(
        "DELETE FROM main.audit_entries WHERE origin != :exporter AND origin NOT IN "
        "(SELECT origin FROM main.audit_entries WHERE action != :redacted)",
        {"exporter": exporter, "redacted": REDACTED},
    ).rowcount
    columns = _columns(ChainHead)
    connection.execute(
        f"INSERT INTO main.chain_heads ({columns}) SELECT {columns} FROM src.chain_heads "  # noqa: S608
        "WHERE origin = :exporter OR origin IN (SELECT origin FROM main.audit_entries)",
        {"exporter": exporter},
    )
    return int(dropped)


def _contents(connection: sqlite3.Connection, exporter: str) -> Contents:
    def column(sql: str) -> list[Any]:
        return [row[0] for row in connection.execute(sql)]

    head = connection.execute(
        "SELECT origin, seq, entry_hash, signature FROM main.chain_heads WHERE origin = ?",
        (exporter,),
    ).fetchone()
    return Contents(
        case_numbers=column("SELECT case_number FROM main.cases ORDER BY case_number"),
        exchanges=column("SELECT code FROM main.exchanges ORDER BY code"),
        photos=[],
        head=None
        if head is None
        else dict(zip(("origin", "seq", "entry_hash", "signature"), head, strict=True)),
        origins=column("SELECT DISTINCT origin FROM main.audit_entries ORDER BY origin"),
    )


def build_sqlite_database(
    source: Path,
    path: Path,
    *,
    exchange: str | None,
    numbers: Sequence[str],
    exporter: str,
    photos_known: PhotosKnown | None = None,
) -> Contents:
    """Write the case file's database at ``path`` (a new file) from the workspace database
    at ``source``: the cases of ``exchange`` or ``numbers``, with their parts and parents."""
    engine = casefile_engine(path)
    try:
        with engine.begin() as target:
            create_schema(target)
    finally:
        engine.dispose()
    connection = sqlite3.connect(path.resolve().as_uri(), uri=True, check_same_thread=False)
    try:
        return _build(
            connection,
            source,
            exchange=exchange,
            numbers=numbers,
            exporter=exporter,
            photos_known=photos_known,
        )
    except sqlite3.Error as error:
        raise EnvironmentProblem(f"{source}: the workspace could not be read: {error}") from None
    finally:
        connection.close()


def _build(
    connection: sqlite3.Connection,
    source: Path,
    *,
    exchange: str | None,
    numbers: Sequence[str],
    exporter: str,
    photos_known: PhotosKnown | None,
) -> Contents:
    connection.execute("PRAGMA journal_mode=OFF")
    connection.execute("PRAGMA synchronous=OFF")
    connection.execute("ATTACH DATABASE ? AS src", (source.resolve().as_uri() + "?mode=ro",))
    connection.execute("BEGIN")
    _select(connection, exchange, numbers)
    _copy_records(connection)
    photos = connection.execute("SELECT sha256, size FROM main.photo_files ORDER BY sha256")
    photo_list = [(str(sha), int(size)) for sha, size in photos]
    if photos_known is not None:
        photos_known(photo_list)
    dropped = _copy_history(connection, exporter)
    broken = connection.execute("PRAGMA main.foreign_key_check").fetchall()
    if broken:
        raise RuntimeError(f"the case file's records refer outside it: {broken[:5]}")
    contents = _contents(connection, exporter)
    contents.photos = photo_list
    connection.commit()
    connection.execute("DETACH DATABASE src")
    # Rollback journal, not WAL: a WAL database cannot be opened on read-only media.
    connection.execute("PRAGMA journal_mode=DELETE")
    if dropped:
        # Only rows of left-out chains were deleted (redacted ones); their pages go too.
        connection.execute("VACUUM")
    return contents
