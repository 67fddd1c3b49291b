"""Planning a merge: every record of a case file matched with this workspace's (by its uid, else
by its natural key) and classified by comparing versions; what would be refused is found
before anything is written.

Kinds: ``new`` (added), ``alias`` (the same thing under another uid: an exchange by code, a
photo by SHA-256; the local one stays), ``unchanged`` (this side includes every incoming
change), ``update`` (the file includes every local change: fast-forward), ``adopt`` (the same,
with equal content), ``same`` (both changed, to equal content), ``conflict`` (both changed).
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Column, Connection, UniqueConstraint, select
from sqlalchemy.orm import Session

from forensiclog.db.base import table_of
from forensiclog.db.models import Case
from forensiclog.domain.audit_chain import canonical_json
from forensiclog.domain.records import Problem
from forensiclog.services.case_state import is_locked
from forensiclog.services.casefile_export import RECORD_MODELS, foreign_key_columns
from forensiclog.services.casefile_history_plan import HistoryPlan, plan_history
from forensiclog.services.casefile_incoming import IncomingFile
from forensiclog.services.casefile_versions import (
    Mention,
    Version,
    as_version,
    includes,
    latest_note,
    mentions_by_uid,
    version_of,
)

NEW, ALIAS, UNCHANGED, UPDATE, ADOPT, SAME, CONFLICT = (
    "new", "alias", "unchanged", "update", "adopt", "same", "conflict",
)  # fmt: skip
# Numbers that name a body or a sample: the same number under two identities is a collision
# to be sorted out by people, never merged.
NUMBERED = {"cases": "case number", "samples": "sample number"}
_IN_CHUNK = 400


@dataclass(frozen=True)
class Pending:
    """A reference to a record this merge adds; its local id is known once it is inserted."""

    table: str
    uid: str


@dataclass
class RecordPlan:
    model: Any
    row: dict[str, Any]
    values: dict[str, Any]
    kind: str
    local: dict[str, Any] | None = None
    version_in: Version = field(default_factory=dict)
    version_local: Version = field(default_factory=dict)
    note: bool = False
    differences: tuple[str, ...] = ()
    reason: str | None = None

    @property
    def uid(self) -> str:
        return str(self.row["uid"])


@dataclass
class Plan:
    records: list[RecordPlan] = field(default_factory=list)
    local_ids: dict[str, dict[int, int | Pending]] = field(default_factory=dict)
    aliases: dict[str, str] = field(default_factory=dict)
    history: HistoryPlan = field(default_factory=HistoryPlan)
    refusals: list[Problem] = field(default_factory=list)
    # This workspace's chain head when the plan was made: unchanged, nothing else changed.
    local_head: int = 0

    def of_kind(self, *kinds: str) -> list[RecordPlan]:
        return [r for r in self.records if r.kind in kinds]


def rows_where(
    connection: Connection, model: Any, column: str, keys: Iterable[Any]
) -> list[dict[str, Any]]:
    table = table_of(model)
    ordered = sorted(set(keys))
    found: list[dict[str, Any]] = []
    for start in range(0, len(ordered), _IN_CHUNK):
        query = select(table).where(table.c[column].in_(ordered[start : start + _IN_CHUNK]))
        found += [dict(r) for r in connection.execute(query).mappings()]
    return found


def natural_keys(model: Any) -> list[tuple[str, ...]]:
    """The model's unique column sets other than its uid and id."""
    table = table_of(model)
    keys: list[tuple[str, ...]] = [
        (c.key,) for c in table.columns if isinstance(c, Column) and c.unique and c.key != "uid"
    ]
    keys += [
        tuple(c.key for c in constraint.columns)
        for constraint in table.constraints
        if isinstance(constraint, UniqueConstraint)
    ]
    return [k for k in keys if k != ("uid",)]


@functools.cache
def state_columns(model: Any) -> list[str]:
    return [
        c.key for c in table_of(model).columns if c.key != "id" and c.key not in model.audit_exclude
    ]


class Planner:
    """Builds the plan of one merge against this workspace, model by model, parents first."""

    def __init__(self, session: Session, incoming: IncomingFile, origin: str) -> None:
        self.session = session
        self.connection = session.connection()
        self.incoming = incoming
        self.origin = origin
        self.plan = Plan()

    def run(self, *, unverified: bool) -> Plan:
        self.plan.history = plan_history(
            self.connection, self.incoming, self.origin, self.plan.refusals, unverified=unverified
        )
        for model in RECORD_MODELS:
            self._model(model)
        return self.plan

    # -- references ----------------------------------------------------------------------

    def _resolve(self, table: str, file_id: int) -> int | Pending:
        known = self.plan.local_ids.setdefault(table, {})
        if file_id not in known:
            # A table planned later (a case's basis document): look its uid up directly.
            uid = self.incoming.uid_of[table][file_id]
            model = next(m for m in RECORD_MODELS if table_of(m).name == table)
            found = rows_where(self.connection, model, "uid", [uid])
            known[file_id] = found[0]["id"] if found else Pending(table, uid)
        return known[file_id]

    def _values(self, model: Any, row: dict[str, Any]) -> dict[str, Any]:
        values = {k: v for k, v in row.items() if k != "id"}
        for column, target in foreign_key_columns(model):
            if values[column] is not None:
                values[column] = self._resolve(target, values[column])
        return values

    # -- one model -----------------------------------------------------------------------

    def _model(self, model: Any) -> None:
        name = table_of(model).name
        rows = self.incoming.rows[model]
        values = {r["uid"]: self._values(model, r) for r in rows}
        possible = [
            r for r in rows if not any(isinstance(v, Pending) for v in values[r["uid"]].values())
        ]
        local = {
            r["uid"]: r
            for r in rows_where(self.connection, model, "uid", [r["uid"] for r in possible])
        }
        by_key = self._natural(model, [r for r in rows if r["uid"] not in local], values)
        mentions = mentions_by_uid(self.connection, {model.audit_entity: local.keys()})
        ids = self.plan.local_ids.setdefault(name, {})
        for row in rows:
            uid = row["uid"]
            if uid in local:
                record = self._matched(model, row, values[uid], local[uid], mentions.get(uid, []))
            elif uid in by_key:
                record = self._alias(model, row, values[uid], by_key[uid])
            else:
                # A version the file's exporter noted (it kept its side of a conflict) is
                # noted here too: the history the file brings also holds changes the record's
                # state does not include.
                record = RecordPlan(
                    model,
                    row,
                    values[uid],
                    NEW,
                    version_in=self.incoming.version(model, uid),
                    note=self.incoming.version_is_noted(uid),
                )
            self.plan.records.append(record)
            ids[row["id"]] = record.local["id"] if record.local else Pending(name, uid)

    def _natural(
        self, model: Any, rows: list[dict[str, Any]], values: dict[str, dict[str, Any]]
    ) -> dict[str, dict[str, Any]]:
        matches: dict[str, dict[str, Any]] = {}
        for key in natural_keys(model):
            wanted = [r for r in rows if all(_plain(values[r["uid"]][c]) for c in key)]
            if not wanted:
                continue
            found = rows_where(
                self.connection, model, key[0], {values[r["uid"]][key[0]] for r in wanted}
            )
            index = {tuple(f[c] for c in key): f for f in found}
            for row in wanted:
                hit = index.get(tuple(values[row["uid"]][c] for c in key))
                if hit is not None:
                    matches.setdefault(row["uid"], hit)
        return matches

    def _alias(
        self, model: Any, row: dict[str, Any], values: dict[str, Any], local: dict[str, Any]
    ) -> RecordPlan:
        name = table_of(model).name
        if name in NUMBERED:
            label = row.get("case_number") or row.get("number")
            self.plan.refusals.append(
                Problem(
                    f"{NUMBERED[name]} {label}",
                    "exists here as another record (a different identity): both workspaces "
                    "issued the same number; nothing was imported",
                )
            )
        self.plan.aliases[row["uid"]] = local["uid"]
        differences = _differences(model, values, local)
        return RecordPlan(model, row, values, ALIAS, local=local, differences=differences)

    def _matched(
        self,
        model: Any,
        row: dict[str, Any],
        values: dict[str, Any],
        local: dict[str, Any],
        mentions: list[Mention],
    ) -> RecordPlan:
        uid = row["uid"]
        v_in = self.incoming.version(model, uid)
        v_local = version_of(mentions, model.audit_entity, self.origin)
        record = RecordPlan(
            model, row, values, UNCHANGED, local=local, version_in=v_in, version_local=v_local,
            note=self.incoming.version_is_noted(uid),
        )  # fmt: skip
        latest = latest_note(mentions, self.origin)
        conflict_open = latest is not None and latest[0] == "merge.conflict"
        if (
            conflict_open
            and latest
            and includes(as_version(latest[1].get("incoming_version")), v_in)
        ):
            return record
        if includes(v_local, v_in):
            return record
        record.differences = _differences(model, values, local)
        if includes(v_in, v_local):
            record.note = record.note or conflict_open
            record.kind = ADOPT if not record.differences else UPDATE
            if record.kind == UPDATE and model is Case and is_locked(self.session, local["id"]):
                record.kind, record.reason = (
                    CONFLICT,
                    "the case is locked here by a confirmed decision",
                )
            return record
        record.kind = SAME if not record.differences else CONFLICT
        return record


def _plain(value: Any) -> bool:
    """A key value that a local row can hold (not empty, not a record this merge adds)."""
    return value is not None and not isinstance(value, Pending)


def _differs(incoming: Any, local: Any) -> bool:
    if isinstance(incoming, Pending):
        return True
    # Equal values are equal texts; only unequal ones need the canonical text to be sure.
    return bool(incoming != local) and canonical_json(incoming) != canonical_json(local)


def _differences(model: Any, values: dict[str, Any], local: dict[str, Any]) -> tuple[str, ...]:
    return tuple(c for c in state_columns(model) if _differs(values[c], local[c]))


def plan_merge(session: Session, incoming: IncomingFile, origin: str, *, unverified: bool) -> Plan:
    return Planner(session, incoming, origin).run(unverified=unverified)
