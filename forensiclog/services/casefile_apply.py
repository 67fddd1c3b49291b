"""Writing a planned merge inside its one transaction: the file's history entries as they came,
the records it adds or fast-forwards, version and conflict notes, and this workspace's own
entries recording the state of every record the merge touched (so ``check`` stays clean)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import delete, insert, select, update

from forensiclog.db.base import table_of
from forensiclog.db.bulk import insert_plain
from forensiclog.db.models import AuditEntry, Case, ChainHead, CustodyEntry, SearchKey
from forensiclog.domain.audit_chain import canonical_json, is_redacted, state_hash
from forensiclog.services import case_state, search_index
from forensiclog.services.casefile_export import RECORD_MODELS, foreign_key_columns, redacted_row
from forensiclog.services.casefile_history import CHAIN_COLUMNS
from forensiclog.services.casefile_incoming import IncomingFile
from forensiclog.services.casefile_plan import (
    ADOPT,
    CONFLICT,
    NEW,
    SAME,
    UPDATE,
    Pending,
    Plan,
    RecordPlan,
)
from forensiclog.services.casefile_versions import MERGE_ENTITY, joined
from forensiclog.services.history import PendingEntry, Tx, state_of

_BATCH = 5_000


class Applier:
    """One planned merge, written through ``tx``; ``seen`` are records whose history grew."""

    def __init__(self, tx: Tx, plan: Plan, incoming: IncomingFile) -> None:
        self.tx = tx
        self.connection = tx.session.connection()
        self.plan = plan
        self.incoming = incoming
        self.new_ids: dict[str, dict[str, int]] = {}
        self.final: dict[str, dict[str, Any]] = {}
        self.deferred: list[tuple[str, str, str, Pending]] = []
        self.seen: set[str] = set()
        self.reason = f"from {incoming.source}, case file {incoming.manifest_sha256[:16]}"
        case_rows = incoming.rows[Case]
        self.case_numbers = {r["id"]: r["case_number"] for r in case_rows}

    def run(self) -> None:
        self._history()
        for model in RECORD_MODELS:
            self._model(model)
        self._fix_deferred()
        self._search_keys()
        self._derive()
        self._entries()

    # -- history ---------------------------------------------------------------------------

    def _importable(self) -> set[str]:
        return self.incoming.record_uids() - set(self.plan.aliases)

    def _stored(self, entry: Any, importable: set[str]) -> dict[str, Any]:
        """The entry as stored here: as it came, or redacted when it concerns a record this
        workspace does not take under that identity (a user, an alias)."""
        if entry.state_hash is None or entry.entity_uid in importable:
            if entry.state_hash is not None and not is_redacted(tuple(entry[1:14])):
                self.seen.add(entry.entity_uid)
            return {name: getattr(entry, name) for name in CHAIN_COLUMNS}
        row = redacted_row(entry)
        del row["id"]
        return row

    def _history(self) -> None:
        table, importable = table_of(AuditEntry), self._importable()
        rows = [self._stored(e, importable) for e in self.plan.history.new_entries]
        for start in range(0, len(rows), _BATCH):
            insert_plain(self.connection, table, rows[start : start + _BATCH])
        filled = [self._stored(e, importable) for e in self.plan.history.unredact]
        for row in filled:
            self.connection.execute(
                update(table)
                .where(table.c.origin == row["origin"], table.c.seq == row["seq"])
                .values({k: v for k, v in row.items() if k not in ("origin", "seq")})
            )
        heads = table_of(ChainHead)
        for head in self.plan.history.heads:
            self.connection.execute(delete(heads).where(heads.c.origin == head["origin"]))
            self.connection.execute(insert(heads), [head])

    # -- records ---------------------------------------------------------------------------

    def _resolved(self, record: RecordPlan) -> dict[str, Any]:
        values = dict(record.values)
        for column, value in values.items():
            if isinstance(value, Pending):
                found = self.new_ids.get(value.table, {}).get(value.uid)
                if found is None:
                    # Its record comes later (a case's basis document): filled in afterwards.
                    self.deferred.append((table_of(record.model).name, record.uid, column, value))
                values[column] = found
        return values

    def _model(self, model: Any) -> None:
        table = table_of(model)
        added = [r for r in self.plan.records if r.model is model and r.kind == NEW]
        rows = [self._resolved(r) for r in added]
        ids = self.new_ids.setdefault(table.name, {})
        for start in range(0, len(rows), _BATCH):
            statement = insert(table).returning(table.c.uid, table.c.id)
            ids.update(dict(self.connection.execute(statement, rows[start : start + _BATCH]).all()))
        for row in rows:
            row["id"] = ids[row["uid"]]
            self.final[row["uid"]] = row
        for record in self.plan.records:
            if record.model is model and record.kind == UPDATE:
                self._update(record)

    def _update(self, record: RecordPlan) -> None:
        assert record.local is not None
        values = self._resolved(record)
        values["id"] = record.local["id"]
        table = table_of(record.model)
        self.connection.execute(update(table).where(table.c.id == values["id"]).values(values))
        self.final[record.uid] = values

    def _fix_deferred(self) -> None:
        for table_name, uid, column, pending in self.deferred:
            target = self.new_ids[pending.table][pending.uid]
            model = next(m for m in RECORD_MODELS if table_of(m).name == table_name)
            table = table_of(model)
            row = self.final[uid]
            row[column] = target
            self.connection.execute(
                update(table).where(table.c.id == row["id"]).values({column: target})
            )

    def _search_keys(self) -> None:
        new_cases = self.new_ids.get("cases", {})
        if not new_cases:
            return
        case_uid = self.incoming.uid_of["cases"]
        rows = [
            {"case_id": new_cases[case_uid[k["case_id"]]], "key": k["key"], "kind": k["kind"]}
            for k in self.incoming.search_keys
            if case_uid.get(k["case_id"]) in new_cases
        ]
        for start in range(0, len(rows), _BATCH):
            insert_plain(self.connection, table_of(SearchKey), rows[start : start + _BATCH])

    def _touched_cases(self) -> set[int]:
        """Cases already here whose own row or records changed: their derived columns are stale."""
        new_cases = set(self.new_ids.get("cases", {}).values())
        touched: set[int] = set()
        for record in self.plan.records:
            if record.kind not in (NEW, UPDATE):
                continue
            row = self.final[record.uid]
            for column in ("case_id", "parent_id", "other_case_id"):
                if isinstance(row.get(column), int):
                    touched.add(row[column])
            if record.model is Case and record.kind == UPDATE:
                touched.add(row["id"])
        return touched - new_cases

    def _derive(self) -> None:
        session = self.tx.session
        for case_id in sorted(self._touched_cases()):
            case = session.get_one(Case, case_id)
            last_move = session.scalars(
                select(CustodyEntry)
                .where(CustodyEntry.case_id == case_id)
                .order_by(CustodyEntry.moved_at.desc(), CustodyEntry.id.desc())
                .limit(1)
            ).first()
            if last_move is not None:
                case.location = last_move.to_location
            parts = session.scalars(select(Case.part_seq).where(Case.parent_id == case_id))
            case.next_part_seq = max([case.next_part_seq, *((p or 0) + 1 for p in parts)])
            case_state.refresh(session, case)
            search_index.reindex_case(session, case)
        session.flush()

    # -- this workspace's entries ----------------------------------------------------------

    def _case_number(self, record: RecordPlan) -> str | None:
        if record.model is Case:
            return str(record.row["case_number"])
        return self.case_numbers.get(record.row.get("case_id", 0))

    def _entry(self, action: str, record: RecordPlan, **fields: Any) -> None:
        before, after = fields.get("before"), fields.get("after")
        self.tx.entries.append(
            PendingEntry(
                action,
                fields.get("entity", record.model.audit_entity),
                record.uid,
                self._case_number(record),
                fields.get("reason", self.reason),
                None if before is None else canonical_json(before),
                None if after is None else canonical_json(after),
                fields.get("state_hash"),
            )
        )

    def _state_hash(self, record: RecordPlan, values: dict[str, Any]) -> str:
        table = table_of(record.model)
        return state_hash(state_of(table, values, record.model.audit_exclude))

    def _entries(self) -> None:
        for record in self.plan.records:
            self._record_entries(record)

    def _record_entries(self, record: RecordPlan) -> None:
        if record.kind == NEW:
            self._entry(
                "merge.add", record, state_hash=self._state_hash(record, self.final[record.uid])
            )
        elif record.kind == UPDATE:
            assert record.local is not None
            before, after = _changes(record, record.local, self.final[record.uid])
            digest = self._state_hash(record, self.final[record.uid])
            self._entry("merge.update", record, before=before, after=after, state_hash=digest)
        elif record.local is not None and record.uid in self.seen:
            self._entry("merge.seen", record, state_hash=self._state_hash(record, record.local))
        self._note(record)

    def _note(self, record: RecordPlan) -> None:
        if record.kind == CONFLICT:
            self._entry(
                "merge.conflict",
                record,
                entity=MERGE_ENTITY,
                reason=record.reason or self.reason,
                after=self.conflict_content(record),
            )
        elif record.kind == SAME:
            version = joined(record.version_local, record.version_in)
            self._entry("merge.version", record, entity=MERGE_ENTITY, after={"version": version})
        elif record.note and record.kind in (NEW, UPDATE, ADOPT):
            self._entry(
                "merge.version", record, entity=MERGE_ENTITY, after={"version": record.version_in}
            )

    def conflict_content(self, record: RecordPlan) -> dict[str, Any]:
        return {
            "entity": record.model.audit_entity,
            "version": record.version_local,
            "incoming_version": record.version_in,
            "incoming": self.portable(record),
            "fields": list(record.differences),
            "from": self.incoming.exporter,
            "source": self.incoming.source,
            "file": self.incoming.manifest_sha256,
        }

    def portable(self, record: RecordPlan) -> dict[str, Any]:
        """The incoming state with references as the uids of the records here."""
        values = state_of(table_of(record.model), record.row, record.model.audit_exclude)
        for column, target in foreign_key_columns(record.model):
            file_id = record.row.get(column)
            if file_id is not None:
                uid = self.incoming.uid_of[target][file_id]
                values[column] = self.plan.aliases.get(uid, uid)
        return values


def _changes(
    record: RecordPlan, before: dict[str, Any], after: dict[str, Any]
) -> tuple[dict[str, Any], dict[str, Any]]:
    table = table_of(record.model)
    old = state_of(table, before, record.model.audit_exclude)
    new = state_of(table, after, record.model.audit_exclude)
    changed = [k for k in new if canonical_json(old.get(k)) != canonical_json(new[k])]
    return {k: old.get(k) for k in changed}, {k: new[k] for k in changed}


def apply_plan(tx: Tx, plan: Plan, incoming: IncomingFile) -> Applier:
    applier = Applier(tx, plan, incoming)
    applier.run()
    return applier
