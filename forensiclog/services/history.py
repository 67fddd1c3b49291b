"""Appending to the history: the state of every changed record, hash-chained and signed.

A ``Tx`` collects what one action changed; when the action commits, its entries are chained
onto the workspace's history and the new head is signed, all in the same transaction.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Table, select
from sqlalchemy.orm import Session

from forensiclog.db.base import Audited, table_of
from forensiclog.db.bulk import insert_plain
from forensiclog.db.models import AuditEntry, ChainHead
from forensiclog.domain.audit_chain import (
    ChainFields,
    canonical_json,
    genesis_hash,
    head_message,
    iso_timestamp,
    link_hash,
    sha256_text,
)
from forensiclog.services.signing import Signer


def state_of(
    table: Table, values: dict[str, Any], exclude: frozenset[str] = frozenset()
) -> dict[str, Any]:
    """The hashed state of a row: every column but the local id and derived columns."""
    return {
        c.key: values.get(c.key) for c in table.columns if c.key != "id" and c.key not in exclude
    }


def snapshot(record: Audited) -> dict[str, Any]:
    table = table_of(record)
    values = {c.key: getattr(record, c.key) for c in table.columns}
    return state_of(table, values, type(record).audit_exclude)


@dataclass
class PendingEntry:
    """An entry waiting for the commit; before and after already in their canonical text."""

    action: str
    entity: str
    entity_uid: str | None
    case_number: str | None
    reason: str | None
    before: str | None
    after: str | None
    state_hash: str | None


def _text(values: dict[str, Any] | None) -> str | None:
    return None if values is None else canonical_json(values)


def _diff(before: dict[str, Any], after: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    changed = [k for k in after if canonical_json(before.get(k)) != canonical_json(after[k])]
    return {k: before.get(k) for k in changed}, {k: after[k] for k in changed}


def _redacted(values: dict[str, Any] | None, secret: frozenset[str]) -> dict[str, Any] | None:
    if values is None or not secret:
        return values
    return {k: REDACTED if k in secret and v is not None else v for k, v in values.items()}


REDACTED = "(redacted)"


class Tx:
    """One action's transaction: its session, who acts, when, and the history it will append."""

    def __init__(self, session: Session, user: str, origin: str, now: dt.datetime) -> None:
        self.session = session
        self.user = user
        self.origin = origin
        self.now = now
        self.entries: list[PendingEntry] = []

    def record(
        self,
        action: str,
        record: Audited,
        *,
        before: dict[str, Any] | None = None,
        case_number: str | None = None,
        reason: str | None = None,
    ) -> bool:
        """Append the record's new state; with ``before``, only the fields that changed.

        Returns False (and appends nothing) when an edit changed nothing.
        """
        self.session.flush()
        after = snapshot(record)
        shown_before: dict[str, Any] | None = None
        shown_after: dict[str, Any] | None = after
        if before is not None:
            shown_before, shown_after = _diff(before, after)
            if not shown_after:
                return False
        shown_before = _redacted(shown_before, record.audit_redact)
        shown_after = _redacted(shown_after, record.audit_redact)
        full = canonical_json(after)
        shown = full if before is None and not record.audit_redact else _text(shown_after)
        self.entries.append(
            PendingEntry(
                action,
                record.audit_entity,
                record.uid,
                case_number,
                reason,
                _text(shown_before),
                shown,
                sha256_text(full),
            )
        )
        return True

    def record_state(
        self, action: str, entity: str, uid: str, state: dict[str, Any], case_number: str | None
    ) -> None:
        """Append a created record given as its full state (the bulk-insert path)."""
        text = canonical_json(state)
        self.entries.append(
            PendingEntry(action, entity, uid, case_number, None, None, text, sha256_text(text))
        )

    def note(
        self,
        action: str,
        entity: str,
        *,
        entity_uid: str | None = None,
        case_number: str | None = None,
        reason: str | None = None,
        details: dict[str, Any] | None = None,
    ) -> None:
        """Append an event that changes no record (an export, a backup, a sign-in failure)."""
        self.entries.append(
            PendingEntry(
                action, entity, entity_uid, case_number, reason, None, _text(details), None
            )
        )


def _head(session: Session, origin: str) -> tuple[int, str]:
    row = session.execute(
        select(AuditEntry.seq, AuditEntry.entry_hash)
        .where(AuditEntry.origin == origin)
        .order_by(AuditEntry.seq.desc())
        .limit(1)
    ).first()
    return (row.seq, row.entry_hash) if row else (0, genesis_hash(origin))


def append(tx: Tx, signer: Signer) -> None:
    """Chain the pending entries onto the history and sign the new head."""
    if not tx.entries:
        return
    seq, prev = _head(tx.session, tx.origin)
    at = iso_timestamp(tx.now)
    rows = []
    for entry in tx.entries:
        seq += 1
        fields = ChainFields(
            origin=tx.origin,
            seq=seq,
            at=at,
            user=tx.user,
            action=entry.action,
            entity=entry.entity,
            entity_uid=entry.entity_uid,
            case_number=entry.case_number,
            reason=entry.reason,
            before=entry.before,
            after=entry.after,
            state_hash=entry.state_hash,
            prev_hash=prev,
        )
        content = fields.content_hash()
        prev = link_hash(fields.prev_hash, content)
        rows.append(_row(fields, prev, content))
    insert_plain(tx.session.connection(), table_of(AuditEntry), rows)
    signature = signer.sign(head_message(tx.origin, seq, prev))
    tx.session.merge(
        ChainHead(
            origin=tx.origin,
            seq=seq,
            entry_hash=prev,
            public_key=signer.public_key_hex,
            signature=signature,
        )
    )
    tx.entries.clear()


def _row(fields: ChainFields, entry_hash: str, content_hash: str) -> dict[str, Any]:
    return {
        "origin": fields.origin,
        "seq": fields.seq,
        "at": fields.at,
        "user_name": fields.user,
        "action": fields.action,
        "entity": fields.entity,
        "entity_uid": fields.entity_uid,
        "case_number": fields.case_number,
        "reason": fields.reason,
        "before": fields.before,
        "after": fields.after,
        "state_hash": fields.state_hash,
        "prev_hash": fields.prev_hash,
        "entry_hash": entry_hash,
        "content_hash": content_hash,
    }
