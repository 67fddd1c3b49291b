"""The hash chain of the history: canonical encodings and the hashes that link entries.

Every entry carries the hash of the previous one; the first links to a genesis value derived
from its origin workspace, so entries cannot be moved between workspaces. An entry's hash covers
every stored field, so an edit, a deletion or a reordering breaks the chain where it happened.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any


def _default(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        # One moment, one text: a zoned time is written in UTC, as the database gives it back.
        return (value.astimezone(dt.UTC) if value.tzinfo else value).isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, bytes):
        return value.hex()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, (set, frozenset)):
        return sorted(value)
    raise TypeError(f"cannot encode {type(value).__name__} in the history")


def canonical_json(value: Any) -> str:
    """One text for one value: sorted keys, no spaces, UTF-8 as is."""
    return json.dumps(
        value, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=_default
    )


def sha256_text(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def state_hash(state: Mapping[str, Any]) -> str:
    return sha256_text(canonical_json(state))


def genesis_hash(origin: str) -> str:
    return sha256_text(f"forensiclog-chain:{origin}")


@dataclass(frozen=True)
class ChainFields:
    """The stored fields of one entry, in the order they are hashed."""

    origin: str
    seq: int
    at: str
    user: str
    action: str
    entity: str
    entity_uid: str | None
    case_number: str | None
    reason: str | None
    before: str | None
    after: str | None
    state_hash: str | None
    prev_hash: str

    def entry_hash(self) -> str:
        return entry_hash_of(
            (
                self.origin,
                self.seq,
                self.at,
                self.user,
                self.action,
                self.entity,
                self.entity_uid,
                self.case_number,
                self.reason,
                self.before,
                self.after,
                self.state_hash,
                self.prev_hash,
            )
        )


def entry_hash_of(fields: Sequence[str | int | None]) -> str:
    """The hash of an entry from its fields in ChainFields order (a JSON array: unambiguous)."""
    return sha256_text(json.dumps(list(fields), ensure_ascii=False, separators=(",", ":")))


def head_message(origin: str, seq: int, entry_hash: str) -> bytes:
    """The bytes a workspace signs to vouch for the head of its chain."""
    return f"forensiclog-head\n{origin}\n{seq}\n{entry_hash}".encode()


def iso_timestamp(moment: dt.datetime) -> str:
    """UTC, microseconds, 'Z': the exact text stored and hashed for an entry's time."""
    return moment.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
