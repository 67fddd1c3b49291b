"""Reading and verifying the history: the hash chain, its signed head, and records changed
behind the application's back."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from sqlalchemy import Connection, func, select
from sqlalchemy.orm import Session

from forensiclog.db.base import table_of
from forensiclog.db.models import AUDITED_MODELS, AuditEntry, ChainHead
from forensiclog.domain.audit_chain import (
    REDACTED,
    entry_problem,
    genesis_hash,
    head_message,
    state_hash,
)
from forensiclog.domain.records import AuditRecord, ChainVerdict, Problem
from forensiclog.domain.text import parse_count
from forensiclog.services.case_lookup import load_case
from forensiclog.services.case_records import audit_record
from forensiclog.services.context import ServiceContext
from forensiclog.services.signing import verify_signature

_CHAIN_COLUMNS = (
    "origin",
    "seq",
    "at",
    "user_name",
    "action",
    "entity",
    "entity_uid",
    "case_number",
    "reason",
    "before",
    "after",
    "state_hash",
    "prev_hash",
    "entry_hash",
    "content_hash",
)
_BATCH = 20_000


def _chain_rows(connection: Connection, origin: str) -> Iterator[tuple[Any, ...]]:
    table = table_of(AuditEntry)
    query = (
        select(*(table.c[name] for name in _CHAIN_COLUMNS))
        .where(table.c.origin == origin)
        .order_by(table.c.seq)
    )
    result = connection.execution_options(yield_per=_BATCH).execute(query)
    for partition in result.partitions():
        yield from partition


def verify_chain(
    session: Session, origin: str, public_key: str | None, *, local: bool = True
) -> ChainVerdict:
    """Walk one origin's chain: every entry's hash, every link, and the signed head.

    Entries of a merged chain (``local=False``) may be redacted: their content was withheld by
    the case file they came in, and only their content hash and link are checked.
    """
    expected_prev, expected_seq, count = genesis_hash(origin), 1, 0
    for row in _chain_rows(session.connection(), origin):
        seq, prev, stored = row[1], row[12], row[13]
        what = None
        if seq != expected_seq:
            what = f"entry {expected_seq} is missing (found {seq} next)"
        elif prev != expected_prev:
            what = "does not link to the entry before it"
        else:
            what = entry_problem(row[:13], row[14], stored, redaction_allowed=not local)
        if what:
            return ChainVerdict(
                False, count, expected_seq, (Problem(f"history entry {expected_seq}", what),)
            )
        expected_prev, expected_seq, count = stored, seq + 1, count + 1
    return _check_head(session, origin, public_key, count, expected_prev)


def _check_head(
    session: Session, origin: str, public_key: str | None, count: int, last_hash: str
) -> ChainVerdict:
    head = session.get(ChainHead, origin)
    if head is None:
        if count == 0:
            return ChainVerdict(True, 0)
        return ChainVerdict(False, count, 1, (Problem("history", "its signed head is missing"),))
    if public_key is not None and head.public_key != public_key:
        return ChainVerdict(
            False, count, None, (Problem("history", "the head is signed by another key"),)
        )
    if not verify_signature(
        head.public_key, head_message(origin, head.seq, head.entry_hash), head.signature
    ):
        return ChainVerdict(
            False, count, None, (Problem("history", "the signature of its head is not valid"),)
        )
    if head.seq != count or head.entry_hash != last_hash:
        first_bad = min(head.seq, count) + 1
        what = (
            f"the signed head vouches for {head.seq} entries but {count} are present: "
            "entries were removed or added"
        )
        if head.seq == count:
            what = "the last entry differs from the one the head vouches for"
            first_bad = count
        return ChainVerdict(False, count, first_bad, (Problem(f"history entry {first_bad}", what),))
    return ChainVerdict(True, count, None, (), head_signed=True)


def latest_states(session: Session, entity: str) -> dict[str, tuple[int, str | None]]:
    """For every record of ``entity`` in the history: its last entry's seq and state hash."""
    latest = (
        select(func.max(AuditEntry.id).label("id"))
        .where(AuditEntry.entity == entity, AuditEntry.state_hash.is_not(None))
        .group_by(AuditEntry.entity_uid)
        .subquery()
    )
    rows = session.execute(
        select(AuditEntry.entity_uid, AuditEntry.seq, AuditEntry.state_hash).join(
            latest, latest.c.id == AuditEntry.id
        )
    )
    return {str(uid): (seq, digest) for uid, seq, digest in rows}


def _table_problems(session: Session, model: Any) -> list[Problem]:
    table = table_of(model)
    hashed = [c.key for c in table.columns if c.key != "id" and c.key not in model.audit_exclude]
    known = latest_states(session, model.audit_entity)
    seen: set[str] = set()
    problems: list[Problem] = []
    query = select(*(table.c[k] for k in hashed))
    result = session.connection().execution_options(yield_per=_BATCH).execute(query)
    uid_at = hashed.index("uid")
    for partition in result.partitions():
        for row in partition:
            uid = row[uid_at]
            seen.add(uid)
            recorded = known.get(uid)
            if (
                recorded is not None
                and state_hash(dict(zip(hashed, row, strict=True))) == recorded[1]
            ):
                continue
            where = f"{model.audit_entity} {_label(dict(zip(hashed, row, strict=True)))}"
            if recorded is None:
                problems.append(
                    Problem(where, "is not in the history: inserted behind the application's back")
                )
            else:
                problems.append(
                    Problem(
                        where,
                        "was changed behind the application's back "
                        f"(differs from history entry {recorded[0]})",
                    )
                )
    missing = known.keys() - seen
    problems += [
        Problem(f"{model.audit_entity} {uid}", "is in the history but missing from the database")
        for uid in sorted(missing)
    ]
    return problems


def unrecorded_changes(session: Session) -> list[Problem]:
    """Records whose stored state is not the state the history last recorded for them."""
    return [problem for model in AUDITED_MODELS for problem in _table_problems(session, model)]


def _label(row: Any) -> str:
    for key in ("case_number", "number", "code", "name", "sha256"):
        if row.get(key):
            return str(row[key])
    return str(row["uid"])


def held_entries(session: Session, local: str) -> dict[str, int]:
    """How many entries of each merged chain this workspace holds with their content."""
    rows = session.execute(
        select(AuditEntry.origin, func.count())
        .where(AuditEntry.origin != local, AuditEntry.action != REDACTED)
        .group_by(AuditEntry.origin)
    )
    return {str(origin): int(count) for origin, count in rows}


def _imports(session: Session, local: str) -> list[dict[str, Any]]:
    """The details of this workspace's case-file imports, oldest first."""
    notes = session.scalars(
        select(AuditEntry.after)
        .where(AuditEntry.origin == local, AuditEntry.action == "casefile.import")
        .order_by(AuditEntry.seq)
    )
    found = [json.loads(text) if text else {} for text in notes]
    return [details for details in found if isinstance(details, dict)]


def _imported_from(imports: list[dict[str, Any]]) -> set[str]:
    """The workspaces whose verified case files this one merged: their chains must be here."""
    return {str(d["from"]) for d in imports if d.get("from") and not d.get("unverified")}


def _blanked(session: Session, local: str, imports: list[dict[str, Any]]) -> list[Problem]:
    """Merged entries may be held blanked out, as their case file brought them; one held with
    its content at the last import and blanked since was withheld behind the application's back."""
    recorded: dict[str, int] = {}
    for details in imports:
        recorded.update(details.get("held") or {})
    held = held_entries(session, local)
    return [
        Problem(
            f"history of workspace {origin}",
            f"{held.get(origin, 0)} of its entries hold their content, {count} did after the "
            "last import: entries were blanked out",
        )
        for origin, count in sorted(recorded.items())
        if held.get(origin, 0) < count
    ]


def _missing_chain(origin: str) -> ChainVerdict:
    what = "is missing, though a case file from that workspace was imported here"
    return ChainVerdict(False, 0, 1, (Problem(f"history of workspace {origin}", what),))


class AuditService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def verify(self) -> ChainVerdict:
        """The local chain and every merged chain, each with its signed head."""
        with self.ctx.reading() as session:
            local = self.ctx.workspace.info.uid
            whole = not self.ctx.workspace.withholds_entries
            verdict = verify_chain(session, local, self.ctx.workspace.public_key, local=whole)
            # A merged chain is looked for wherever it left a trace: its entries, its signed
            # head, or this workspace's own record of importing its case file.
            imports = _imports(session, local) if verdict.valid and whole else []
            imported = _imported_from(imports)
            origins = set(session.scalars(select(AuditEntry.origin).distinct()))
            origins |= set(session.scalars(select(ChainHead.origin))) | imported
            for origin in sorted(origins - {local}):
                if verdict.valid:
                    other = verify_chain(session, origin, None, local=False)
                    if other.valid and other.entries == 0 and origin in imported:
                        other = _missing_chain(origin)
                    verdict = ChainVerdict(
                        other.valid,
                        verdict.entries + other.entries,
                        other.first_bad,
                        other.problems,
                        verdict.head_signed,
                    )
            blanked = _blanked(session, local, imports) if verdict.valid else []
            if blanked:
                return ChainVerdict(False, verdict.entries, None, tuple(blanked))
            return verdict

    def log(self, *, case: str | None = None, limit: int | None = None) -> list[AuditRecord]:
        """The newest ``limit`` entries (all when None), oldest first; of one case if named."""
        count = None if limit is None else parse_count(limit, "limit", minimum=1, maximum=2**62)
        with self.ctx.reading() as session:
            query = select(AuditEntry).order_by(AuditEntry.id.desc())
            if case:
                query = query.where(AuditEntry.case_number == load_case(session, case).case_number)
            if count is not None:
                query = query.limit(count)
            return [audit_record(e) for e in reversed(session.scalars(query).all())]
