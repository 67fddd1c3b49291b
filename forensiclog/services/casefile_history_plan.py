"""Which history entries of a case file this workspace takes, and which files it refuses for
their history: a chain rewritten since it was last seen, a replay of an older file, a chain
signed by another key than before, or entries of this workspace's own chain it never wrote.

The office keeps the last head it saw from each workspace (``chain_heads``); a file's chain
must agree, entry by entry, with every entry already held, and the exporting workspace's chain
must reach at least as far as the last head seen from it.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, select

from forensiclog.db.base import table_of
from forensiclog.db.models import AuditEntry, ChainHead
from forensiclog.domain.audit_chain import REDACTED, is_redacted
from forensiclog.domain.records import Problem
from forensiclog.services.casefile_database import origin_label
from forensiclog.services.casefile_incoming import IncomingFile


@dataclass
class HistoryPlan:
    new_entries: list[Any] = field(default_factory=list)
    unredact: list[Any] = field(default_factory=list)
    heads: list[dict[str, Any]] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)


def _held(connection: Connection, origin: str, upto: int) -> dict[int, tuple[str, bool]]:
    """Seq → (entry hash, redacted) of the entries held from ``origin`` up to ``upto``."""
    table = table_of(AuditEntry)
    query = select(table.c.seq, table.c.entry_hash, table.c.action).where(
        table.c.origin == origin, table.c.seq <= upto
    )
    return {seq: (digest, action == REDACTED) for seq, digest, action in connection.execute(query)}


def _head(connection: Connection, origin: str) -> Any:
    table = table_of(ChainHead)
    return connection.execute(select(table).where(table.c.origin == origin)).first()


class _OriginCheck:
    def __init__(self, connection: Connection, incoming: IncomingFile, local: str) -> None:
        self.connection = connection
        self.incoming = incoming
        self.local = local

    def label(self, origin: str) -> str:
        if origin == self.local:
            return "this workspace"
        return origin_label(self.incoming.manifest, origin)

    def run(self, origin: str, entries: list[Any], plan: HistoryPlan) -> Problem | None:
        where = f"history of {self.label(origin)}"
        file_seq = self.incoming.chains[origin].last_seq
        head = _head(self.connection, origin)
        held_seq = head.seq if head is not None else 0
        file_head = self.incoming.heads.get(origin)
        if (
            head is not None
            and file_head is not None
            and head.public_key != file_head["public_key"]
        ):
            return Problem(where, "is signed by another key than the one seen before from it")
        held = _held(self.connection, origin, min(file_seq, held_seq))
        unredact = []
        for entry in entries[: min(file_seq, held_seq)]:
            digest, redacted = held.get(entry.seq, ("", False))
            if digest != entry.entry_hash:
                return Problem(
                    where,
                    f"differs at entry {entry.seq} from the one this workspace holds: "
                    "the history was rewritten",
                )
            if redacted and not is_redacted(tuple(entry[1:14])):
                unredact.append(entry)
        if origin == self.local:
            if file_seq > held_seq:
                return Problem(where, "holds entries of this workspace's history it never wrote")
            return None
        if origin == self.incoming.exporter and file_seq < held_seq:
            return Problem(
                where,
                f"reaches entry {file_seq}, but a file seen before reached entry {held_seq}: "
                "this is an older file replayed",
            )
        plan.unredact += unredact
        plan.new_entries += [e for e in entries if e.seq > held_seq]
        if file_seq > held_seq and file_head is not None:
            plan.heads.append(file_head)
        return None


def plan_history(
    connection: Connection,
    incoming: IncomingFile,
    local: str,
    refusals: list[Problem],
    *,
    unverified: bool,
) -> HistoryPlan:
    plan = HistoryPlan()
    by_origin: dict[str, list[Any]] = defaultdict(list)
    for entry in incoming.entries:
        by_origin[entry.origin].append(entry)
    check = _OriginCheck(connection, incoming, local)
    for origin, state in sorted(incoming.chains.items()):
        if not state.valid:
            # Only an import the coordinator takes as unverified gets here: that chain is kept out.
            if unverified:
                plan.skipped.append(origin)
                continue
            refusals.extend(state.problems)
            continue
        entries = sorted(by_origin[origin], key=lambda e: e.seq)
        problem = check.run(origin, entries, plan)
        if problem is not None:
            refusals.append(problem)
    plan.new_entries.sort(key=lambda e: e.id)
    return plan
