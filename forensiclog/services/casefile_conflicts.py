"""Conflicts a merge left for the coordinator: listed from the history's conflict notes, each
shown field by field beside this workspace's record, and resolved by keeping one side.

A conflict is open while its note is the last version note about its record; a resolution,
or a later merge that includes both sides, writes a newer note and so closes it.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Date, DateTime, select
from sqlalchemy.orm import Session

from forensiclog.db.base import Audited, table_of
from forensiclog.db.models import AuditEntry
from forensiclog.domain.errors import InvalidInput, NotFound
from forensiclog.services.casefile_export import RECORD_MODELS, foreign_key_columns
from forensiclog.services.casefile_plan import rows_where
from forensiclog.services.casefile_versions import MERGE_ENTITY, as_version

OPEN, RESOLVED = "open", "resolved"


@dataclass(frozen=True)
class FieldDifference:
    field: str
    local: Any
    incoming: Any


@dataclass(frozen=True)
class ConflictRecord:
    """A record changed on both sides: this workspace's version stays until it is resolved."""

    id: int
    case_number: str | None
    entity: str
    record_uid: str
    source: str
    opened_at: str
    opened_by: str
    differences: tuple[FieldDifference, ...]
    reason: str | None = None
    state: str = OPEN


@dataclass(frozen=True)
class ConflictNote:
    entry: AuditEntry
    content: dict[str, Any]

    @property
    def model(self) -> Any:
        entity = self.content.get("entity")
        return next(m for m in RECORD_MODELS if m.audit_entity == entity)

    @property
    def incoming_version(self) -> dict[str, int]:
        return as_version(self.content.get("incoming_version"))


def _notes(session: Session, origin: str, record_uid: str | None = None) -> list[AuditEntry]:
    query = select(AuditEntry).where(AuditEntry.entity == MERGE_ENTITY, AuditEntry.origin == origin)
    if record_uid is not None:
        query = query.where(AuditEntry.entity_uid == record_uid)
    return list(session.scalars(query.order_by(AuditEntry.id)))


def open_notes(session: Session, origin: str) -> list[ConflictNote]:
    """The conflict notes still open, oldest first."""
    latest: dict[str, AuditEntry] = {}
    for entry in _notes(session, origin):
        latest[str(entry.entity_uid)] = entry
    found = [e for e in latest.values() if e.action == "merge.conflict"]
    return [ConflictNote(e, json.loads(e.after or "{}")) for e in sorted(found, key=lambda e: e.id)]


def load_note(session: Session, origin: str, conflict: int) -> ConflictNote:
    entry = session.scalars(
        select(AuditEntry).where(
            AuditEntry.origin == origin,
            AuditEntry.seq == conflict,
            AuditEntry.entity == MERGE_ENTITY,
            AuditEntry.action == "merge.conflict",
        )
    ).first()
    if entry is None:
        raise NotFound("conflict", str(conflict))
    if _notes(session, origin, entry.entity_uid)[-1].id != entry.id:
        raise InvalidInput(
            "conflict", f"{conflict} was already resolved, or a later merge settled it"
        )
    return ConflictNote(entry, json.loads(entry.after or "{}"))


def local_record(session: Session, note: ConflictNote) -> Audited:
    model = note.model
    found = session.scalars(select(model).where(model.uid == note.entry.entity_uid)).first()
    if found is None:
        raise NotFound(model.audit_entity, str(note.entry.entity_uid))
    return found  # type: ignore[no-any-return]


def _referenced_uid(session: Session, target: str, local_id: Any) -> Any:
    if local_id is None:
        return None
    model = next(m for m in RECORD_MODELS if table_of(m).name == target)
    rows = rows_where(session.connection(), model, "id", [local_id])
    return rows[0]["uid"] if rows else local_id


def portable_local(session: Session, record: Audited, columns: list[str]) -> dict[str, Any]:
    """The record's values, references given as the uids of the records they point to."""
    model: Any = type(record)
    references = dict(foreign_key_columns(model))
    values = {}
    for column in columns:
        value = getattr(record, column)
        if column in references:
            value = _referenced_uid(session, references[column], value)
        values[column] = json.loads(json.dumps(value, default=_plain))
    return values


def _plain(value: Any) -> Any:
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    raise TypeError(type(value).__name__)


def conflict_record(session: Session, note: ConflictNote, state: str = OPEN) -> ConflictRecord:
    fields = [str(f) for f in note.content.get("fields", [])]
    incoming = note.content.get("incoming", {})
    local = portable_local(session, local_record(session, note), fields)
    return ConflictRecord(
        id=note.entry.seq,
        case_number=note.entry.case_number,
        entity=note.model.audit_entity,
        record_uid=str(note.entry.entity_uid),
        source=str(note.content.get("source", "")),
        opened_at=note.entry.at,
        opened_by=note.entry.user_name,
        differences=tuple(FieldDifference(f, local.get(f), incoming.get(f)) for f in fields),
        reason=note.entry.reason,
        state=state,
    )


def _value(session: Session, model: Any, column: str, value: Any) -> Any:
    """One value of the incoming state as a value of this workspace's record."""
    if value is None:
        return None
    table = table_of(model)
    references = dict(foreign_key_columns(model))
    if column in references:
        target = next(m for m in RECORD_MODELS if table_of(m).name == references[column])
        rows = rows_where(session.connection(), target, "uid", [value])
        if not rows:
            raise InvalidInput(
                "conflict", f"the incoming version refers to a {target.audit_entity} not here"
            )
        return rows[0]["id"]
    kind = getattr(table.c[column].type, "impl", table.c[column].type)
    if isinstance(kind, DateTime):
        return dt.datetime.fromisoformat(value)
    if isinstance(kind, Date):
        return dt.date.fromisoformat(value)
    return value


def incoming_values(session: Session, note: ConflictNote) -> dict[str, Any]:
    """The incoming state as values to set on this workspace's record."""
    model, incoming = note.model, note.content.get("incoming", {})
    columns = table_of(model).c
    return {
        column: _value(session, model, column, value)
        for column, value in incoming.items()
        if column != "uid" and column in columns
    }
