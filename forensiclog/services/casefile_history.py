"""The history inside a case file: each origin's chain, verified with its redacted entries, and
its signed head.

A redacted entry keeps its origin, seq, previous hash and own hash; the chain's links and the
head's signature still verify through it, while only unredacted entries can be recomputed.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, select

from forensiclog.db.base import table_of
from forensiclog.db.models import AuditEntry, ChainHead
from forensiclog.domain.audit_chain import entry_problem, genesis_hash, head_message
from forensiclog.domain.records import Problem
from forensiclog.services.signing import verify_signature

CHAIN_COLUMNS = (
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


@dataclass(frozen=True)
class ChainState:
    """One origin's chain as found: its last seq and hash, its signed head, what is wrong."""

    origin: str
    last_seq: int
    last_hash: str
    head: ChainHead | None
    problems: tuple[Problem, ...] = ()

    @property
    def valid(self) -> bool:
        return not self.problems


def chain_rows(connection: Connection, origin: str, after_seq: int = 0) -> Iterator[Any]:
    """The origin's entries in seq order (every stored column, ``id`` first)."""
    table = table_of(AuditEntry)
    query = (
        select(table.c.id, *(table.c[name] for name in CHAIN_COLUMNS))
        .where(table.c.origin == origin, table.c.seq > after_seq)
        .order_by(table.c.seq)
    )
    result = connection.execution_options(yield_per=_BATCH).execute(query)
    for partition in result.partitions():
        yield from partition


def origins_of(connection: Connection) -> list[str]:
    """Every origin with entries or a signed head."""
    entries = set(connection.scalars(select(table_of(AuditEntry).c.origin).distinct()))
    heads = set(connection.scalars(select(table_of(ChainHead).c.origin)))
    return sorted(entries | heads)


def _walk(connection: Connection, origin: str, label: str) -> tuple[int, str, Problem | None]:
    expected_prev, expected_seq = genesis_hash(origin), 1
    for row in chain_rows(connection, origin):
        fields, stored = tuple(row[1:14]), row[14]
        where = f"history of {label}, entry {expected_seq}"
        if row.seq != expected_seq:
            return (
                expected_seq - 1,
                expected_prev,
                Problem(where, f"is missing ({row.seq} is next)"),
            )
        if row.prev_hash != expected_prev:
            return (
                expected_seq - 1,
                expected_prev,
                Problem(where, "does not link to the one before"),
            )
        what = entry_problem(fields, row.content_hash, stored)
        if what:
            return expected_seq - 1, expected_prev, Problem(where, what)
        expected_prev, expected_seq = stored, expected_seq + 1
    return expected_seq - 1, expected_prev, None


def _head_problem(
    head: ChainHead | None, last_seq: int, last_hash: str, label: str
) -> Problem | None:
    where = f"history of {label}"
    if head is None:
        return Problem(where, "its signed head is missing") if last_seq else None
    message = head_message(head.origin, head.seq, head.entry_hash)
    if not verify_signature(head.public_key, message, head.signature):
        return Problem(where, "the signature of its head is not valid")
    if (head.seq, head.entry_hash) != (last_seq, last_hash):
        return Problem(
            where,
            f"its signed head vouches for entry {head.seq} but the chain ends at entry {last_seq}",
        )
    return None


def verify_origin(connection: Connection, origin: str, label: str | None = None) -> ChainState:
    """Walk one origin's chain (redacted entries included) and check its signed head."""
    name = label or origin
    last_seq, last_hash, broken = _walk(connection, origin, name)
    head = _load_head(connection, origin)
    problem = broken or _head_problem(head, last_seq, last_hash, name)
    return ChainState(origin, last_seq, last_hash, head, (problem,) if problem else ())


def _load_head(connection: Connection, origin: str) -> ChainHead | None:
    row = connection.execute(
        select(table_of(ChainHead)).where(table_of(ChainHead).c.origin == origin)
    ).first()
    if row is None:
        return None
    return ChainHead(**row._mapping)


def verify_all(connection: Connection, labels: dict[str, str]) -> dict[str, ChainState]:
    """Every origin's chain in the database, by origin."""
    return {o: verify_origin(connection, o, labels.get(o)) for o in origins_of(connection)}
