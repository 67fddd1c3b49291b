"""Building a case file's database: the selected cases and every record they need, and the
history of each origin they draw on, redacted to what concerns them.

The database is a new SQLite file written row by row from one read transaction of the
workspace (so the other cases never reach its pages), in rollback-journal mode so that it
opens on read-only media. Users and the private key never go in.
"""

from __future__ import annotations

import functools
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Column, Connection, Engine, Table, create_engine, delete, select, text
from sqlalchemy.dialects.sqlite import dialect as sqlite_dialect
from sqlalchemy.orm import Session
from sqlalchemy.pool import NullPool

from forensiclog.db import migrate
from forensiclog.db.base import Base, table_of
from forensiclog.db.bulk import insert_plain
from forensiclog.db.models import (
    AuditEntry,
    Case,
    CaseLink,
    CasePhoto,
    ChainHead,
    CustodyEntry,
    Decision,
    DeclaredIdentity,
    Document,
    Effect,
    Exchange,
    ManifestImport,
    Mark,
    PhotoFile,
    Sample,
    SearchKey,
    WorkspaceRow,
)
from forensiclog.domain.audit_chain import REDACTED
from forensiclog.services.case_lookup import load_case
from forensiclog.services.exchanges import find_exchange

# Records that hang off a case by ``case_id``, in the order their foreign keys allow.
CASE_RECORDS = (DeclaredIdentity, Mark, CustodyEntry, Sample, Document, Decision, Effect, CasePhoto)
# Every record a case file carries, parents before children.
RECORD_MODELS = (
    Exchange,
    ManifestImport,
    Case,
    DeclaredIdentity,
    CaseLink,
    Mark,
    CustodyEntry,
    Sample,
    Document,
    Decision,
    Effect,
    PhotoFile,
    CasePhoto,
)
_IN_CHUNK = 500
_BATCH = 5_000


@dataclass
class Contents:
    """What went into the database, for the manifest."""

    case_numbers: list[str] = field(default_factory=list)
    exchanges: list[str] = field(default_factory=list)
    photos: list[tuple[str, int]] = field(default_factory=list)
    head: dict[str, Any] | None = None
    origins: list[str] = field(default_factory=list)


def _chunks(values: Iterable[Any]) -> Iterator[list[Any]]:
    items = sorted(set(values))
    for start in range(0, len(items), _IN_CHUNK):
        yield items[start : start + _IN_CHUNK]


def _rows(
    connection: Connection, model: Any, column: str, keys: Iterable[Any]
) -> list[dict[str, Any]]:
    """The model's rows whose ``column`` is one of ``keys``, as the values SQLite stores."""
    table = table_of(model)
    found: list[dict[str, Any]] = []
    for chunk in _chunks(keys):
        query = select(table).where(table.c[column].in_(chunk))
        if connection.dialect.name == "sqlite":
            # The stored values as they are, for the new file: SQLite to SQLite needs no
            # conversion, and skipping it is most of the export's database time.
            compiled = query.compile(
                dialect=connection.dialect, compile_kwargs={"render_postcompile": True}
            )
            names = [c.key for c in table.columns]
            params = tuple(compiled.construct_params()[k] for k in compiled.positiontup or ())
            result = connection.exec_driver_sql(str(compiled), params)
            found += [dict(zip(names, row, strict=True)) for row in result]
        else:
            found += [_stored(table, dict(r)) for r in connection.execute(query).mappings()]
    return sorted(found, key=lambda r: r.get("id", 0))


def _stored(table: Table, row: dict[str, Any]) -> dict[str, Any]:
    """A row read from another database, as the values SQLite stores for it."""
    dialect = sqlite_dialect()
    for column in table.columns:
        process = column.type.bind_processor(dialect)
        if process is not None:
            row[column.key] = process(row[column.key])
    return row


def selected_cases(session: Session, *, exchange: str | None, numbers: Sequence[str]) -> set[int]:
    """The cases named, with their parts and the cases the named parts belong to."""
    if exchange is not None:
        found = find_exchange(session, exchange)
        ids = set(session.scalars(select(Case.id).where(Case.exchange_id == found.id)))
    else:
        ids = {load_case(session, number).id for number in numbers}
    connection = session.connection()
    parents = {r["parent_id"] for r in _rows(connection, Case, "id", ids) if r["parent_id"]}
    parts = {r["id"] for r in _rows(connection, Case, "parent_id", ids | parents)}
    return ids | parents | parts


def gather_records(connection: Connection, case_ids: set[int]) -> dict[Any, list[dict[str, Any]]]:
    """Every row the cases need, by model; links only where both cases come along."""
    found: dict[Any, list[dict[str, Any]]] = {Case: _rows(connection, Case, "id", case_ids)}
    for model in CASE_RECORDS:
        found[model] = _rows(connection, model, "case_id", case_ids)
    found[CaseLink] = [
        r
        for r in _rows(connection, CaseLink, "case_id", case_ids)
        if r["other_case_id"] in case_ids
    ]
    found[PhotoFile] = _rows(connection, PhotoFile, "id", {r["photo_id"] for r in found[CasePhoto]})
    manifests = {r["manifest_id"] for r in found[DeclaredIdentity] if r["manifest_id"]}
    found[ManifestImport] = _rows(connection, ManifestImport, "id", manifests)
    exchanges = {r["exchange_id"] for r in found[Case]} | {
        r["exchange_id"] for r in found[ManifestImport]
    }
    found[Exchange] = _rows(connection, Exchange, "id", exchanges)
    found[SearchKey] = _rows(connection, SearchKey, "case_id", case_ids)
    return found


def casefile_engine(path: Path) -> Engine:
    """A writable engine on a new database file that is scratch until it is sealed."""

    def connect() -> sqlite3.Connection:
        # The driver's own transactions: each batch of rows is one transaction, not one each.
        connection = sqlite3.connect(path, check_same_thread=False)
        # Scratch while it is built: a crash discards it, so neither a journal nor syncing
        # pays off. Foreign keys stay off: cases and documents refer to each other.
        connection.execute("PRAGMA journal_mode=OFF")
        connection.execute("PRAGMA synchronous=OFF")
        return connection

    return create_engine("sqlite://", creator=connect, poolclass=NullPool)


def create_schema(target: Connection) -> None:
    Base.metadata.create_all(target)
    target.execute(
        text(
            "CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL, "
            "CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num))"
        )
    )
    target.execute(text("INSERT INTO alembic_version VALUES (:v)"), {"v": migrate.SCHEMA_REVISION})


def _insert(target: Connection, model: Any, rows: list[dict[str, Any]]) -> None:
    """Rows of stored values, straight to the driver (they need no conversion)."""
    if not rows:
        return
    table = table_of(model)
    names = list(rows[0])
    columns = ", ".join(f'"{n}"' for n in names)
    marks = ", ".join("?" for _ in names)
    sql = f"INSERT INTO {table.name} ({columns}) VALUES ({marks})"  # noqa: S608 — names from the schema
    target.exec_driver_sql(sql, [tuple(r[n] for n in names) for r in rows])


def redacted_row(row: Any) -> dict[str, Any]:
    return {
        "id": row.id,
        "origin": row.origin,
        "seq": row.seq,
        "at": "",
        "user_name": "",
        "action": REDACTED,
        "entity": REDACTED,
        "entity_uid": None,
        "case_number": None,
        "reason": None,
        "before": None,
        "after": None,
        "state_hash": None,
        "prev_hash": row.prev_hash,
        "entry_hash": row.entry_hash,
        "content_hash": row.content_hash,
    }


def _concerns(row: Any, uids: set[str], numbers: set[str]) -> bool:
    """An entry about a record in the file, or a note about one of its cases."""
    if row.entity_uid is not None:
        return bool(row.entity_uid in uids)
    return row.state_hash is None and row.case_number in numbers


def _history_row(row: Any, uids: set[str], numbers: set[str]) -> dict[str, Any]:
    return dict(row._mapping) if _concerns(row, uids, numbers) else redacted_row(row)


def copy_history(
    source: Connection, target: Connection, uids: set[str], numbers: set[str], exporter: str
) -> list[str]:
    """Every origin's chain, entries not about the file's records redacted; an origin with
    nothing about them stays out (except the exporter's own). Returns the origins kept."""
    table = table_of(AuditEntry)
    kept: set[str] = {exporter}
    result = source.execution_options(yield_per=_BATCH).execute(select(table).order_by(table.c.id))
    for partition in result.partitions():
        rows = [_history_row(row, uids, numbers) for row in partition]
        kept.update(row["origin"] for row in rows if row["action"] != REDACTED)
        insert_plain(target, table, rows)
    origins = set(source.scalars(select(table.c.origin).distinct()))
    target.execute(delete(table).where(table.c.origin.in_(origins - kept)))
    _insert(target, ChainHead, _rows(source, ChainHead, "origin", kept))
    return sorted(kept)


def _copy_records(
    source: Connection, target: Connection, records: dict[Any, list[dict[str, Any]]]
) -> None:
    _insert(target, WorkspaceRow, _rows(source, WorkspaceRow, "id", [1]))
    for model in (*RECORD_MODELS, SearchKey):
        _insert(target, model, records[model])


def _broken_references(target: Connection) -> list[Any]:
    return list(target.exec_driver_sql("PRAGMA foreign_key_check").fetchall())


PhotosKnown = Callable[[list[tuple[str, int]]], None]


def build_database(
    session: Session,
    path: Path,
    case_ids: set[int],
    exporter: str,
    photos_known: PhotosKnown | None = None,
) -> Contents:
    """Write the case file's database for ``case_ids`` at ``path`` (a new file).
    ``photos_known`` hears which photos go in as soon as that is known (their copying need
    not wait for the history)."""
    source = session.connection()
    records = gather_records(source, case_ids)
    photos = [(r["sha256"], r["size"]) for r in sorted(records[PhotoFile], key=_by_sha)]
    if photos_known is not None:
        photos_known(photos)
    uids = {r["uid"] for model in RECORD_MODELS for r in records[model]}
    numbers = {r["case_number"] for r in records[Case]}
    engine = casefile_engine(path)
    try:
        with engine.begin() as target:
            create_schema(target)
            _copy_records(source, target, records)
            origins = copy_history(source, target, uids, numbers, exporter)
            broken = _broken_references(target)
            if broken:
                raise RuntimeError(f"the case file's records refer outside it: {broken[:5]}")
        with engine.connect() as target:
            # Rollback journal, not WAL: a WAL database cannot be opened on read-only media.
            target.exec_driver_sql("PRAGMA journal_mode=DELETE")
            target.exec_driver_sql("VACUUM")
    finally:
        engine.dispose()
    head = session.get(ChainHead, exporter)
    return Contents(
        case_numbers=sorted(numbers),
        exchanges=sorted(r["code"] for r in records[Exchange]),
        photos=photos,
        head=None
        if head is None
        else {
            "origin": head.origin,
            "seq": head.seq,
            "entry_hash": head.entry_hash,
            "signature": head.signature,
        },
        origins=origins,
    )


def _by_sha(row: dict[str, Any]) -> str:
    return str(row["sha256"])


@functools.cache
def foreign_key_columns(model: Any) -> list[tuple[str, str]]:
    """(column, referenced table) for each of the model's foreign keys."""
    table = table_of(model)
    pairs = []
    for column in table.columns:
        assert isinstance(column, Column)
        pairs += [(column.key, fk.column.table.name) for fk in column.foreign_keys]
    return pairs
