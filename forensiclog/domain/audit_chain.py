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


# Built once: json.dumps with options builds an encoder on every call, a third of its cost
# when the history of a whole exchange is hashed again. An encoder keeps no state between calls.
_CANONICAL = json.JSONEncoder(
    sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=_default
)
_CONTENT = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))


def canonical_json(value: Any) -> str:
    """One text for one value: sorted keys, no spaces, UTF-8 as is."""
    return _CANONICAL.encode(value)


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

    def content(self) -> tuple[str | int | None, ...]:
        return (
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
        )

    def content_hash(self) -> str:
        return content_hash_of(self.content())

    def entry_hash(self) -> str:
        return link_hash(self.prev_hash, self.content_hash())


def content_hash_of(content: Sequence[str | int | None]) -> str:
    """The hash of an entry's content: its fields but the link, as a JSON array (unambiguous)."""
    return sha256_text(_CONTENT.encode(list(content)))


def link_hash(prev_hash: str, content_hash: str) -> str:
    """An entry's hash: its predecessor's hash, then its content's hash (both fixed-length hex).

    Chaining the content's hash rather than the content lets a case file withhold an entry about
    other cases (keeping only its content hash) while every link still recomputes.
    """
    return sha256_text(prev_hash + content_hash)


def entry_hash_of(fields: Sequence[str | int | None]) -> str:
    """The hash of an entry from its fields in ChainFields order (content, then prev_hash)."""
    return link_hash(str(fields[12]), content_hash_of(fields[:12]))


# A redacted entry (in a case file, about records not in it) keeps its origin, seq, link and
# content hash; its content is blanked and marked with this action.
REDACTED = "(redacted)"
ACTION_FIELD = 4


def redacted_fields(origin: str, seq: int, prev_hash: str) -> tuple[str | int | None, ...]:
    return (origin, seq, "", "", REDACTED, REDACTED, None, None, None, None, None, None, prev_hash)


def is_redacted(fields: Sequence[str | int | None]) -> bool:
    return fields[ACTION_FIELD] == REDACTED


def entry_problem(
    fields: Sequence[str | int | None],
    content_hash: str | None,
    entry_hash: str,
    *,
    redaction_allowed: bool = True,
) -> str | None:
    """Why one stored entry (fields in ChainFields order) does not verify on its own; its link
    to the entry before is checked by the caller."""
    if is_redacted(fields):
        if not redaction_allowed:
            return "is blanked out, which this workspace's own history never is"
        if tuple(fields) != redacted_fields(str(fields[0]), int(fields[1] or 0), str(fields[12])):
            return "is marked redacted but still carries content"
    elif content_hash_of(fields[:12]) != content_hash:
        return "was altered: its content no longer matches its hash"
    if content_hash is None or link_hash(str(fields[12]), content_hash) != entry_hash:
        return "was altered: its hash does not follow from its content and link"
    return None


def head_message(origin: str, seq: int, entry_hash: str) -> bytes:
    """The bytes a workspace signs to vouch for the head of its chain."""
    return f"forensiclog-head\n{origin}\n{seq}\n{entry_hash}".encode()


def iso_timestamp(moment: dt.datetime) -> str:
    """UTC, microseconds, 'Z': the exact text stored and hashed for an entry's time."""
    return moment.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
