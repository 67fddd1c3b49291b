"""Which changes a record's state includes: its version vector, read from the history.

A change is a history entry that recorded a new state of the record; it is named by its
origin and seq. A record's version is, for each origin, the last of that origin's changes its
state includes. Without merges that is simply the last change of each origin found in the
history. A merge that keeps one side (a conflict, a resolution) writes a *version note*
(entity ``merge``, about the record) holding the version the record now has; changes after
the note add to it. Comparing two versions tells whether one side includes all the other
side's changes (nothing to do, or a fast-forward) or each has changes the other lacks (a
conflict), however many workspaces the record travelled through.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, select

from forensiclog.db.base import table_of
from forensiclog.db.models import AuditEntry

MERGE_ENTITY = "merge"
MERGE_PREFIX = "merge."
Version = dict[str, int]
_IN_CHUNK = 400


@dataclass(frozen=True)
class Mention:
    """An entry about a record, as much as its version needs."""

    id: int
    origin: str
    seq: int
    action: str
    entity: str
    has_state: bool
    after: str | None

    def is_change(self, entity: str) -> bool:
        return self.entity == entity and self.has_state and not self.action.startswith(MERGE_PREFIX)

    def note(self, origin: str) -> dict[str, Any] | None:
        """The content of a version note written by ``origin``, or None for other entries."""
        if self.entity != MERGE_ENTITY or self.origin != origin or self.after is None:
            return None
        content = json.loads(self.after)
        return content if isinstance(content, dict) and "version" in content else None

    def note_version(self, origin: str) -> Version | None:
        content = self.note(origin)
        return None if content is None else as_version(content["version"])


def as_version(value: Any) -> Version:
    if not isinstance(value, dict):
        return {}
    return {str(k): int(v) for k, v in value.items()}


def latest_note(mentions: Iterable[Mention], origin: str) -> tuple[str, dict[str, Any]] | None:
    """The action and content of the last version note ``origin`` wrote about a record."""
    found = None
    for mention in sorted(mentions, key=lambda m: m.id):
        content = mention.note(origin)
        if content is not None:
            found = (mention.action, content)
    return found


def version_of(mentions: Iterable[Mention], entity: str, origin: str) -> Version:
    """The record's version in a database whose own workspace is ``origin``."""
    ordered = sorted(mentions, key=lambda m: m.id)
    base: Version = {}
    base_id = 0
    for mention in ordered:
        noted = mention.note_version(origin)
        if noted is not None:
            base, base_id = noted, mention.id
    version = dict(base)
    for mention in ordered:
        if mention.id > base_id and mention.is_change(entity):
            version[mention.origin] = max(version.get(mention.origin, 0), mention.seq)
    return version


def noted(mentions: Iterable[Mention], origin: str) -> bool:
    """Whether the record's version comes from a version note (not the changes alone)."""
    return any(m.note_version(origin) is not None for m in mentions)


def includes(bigger: Mapping[str, int], smaller: Mapping[str, int]) -> bool:
    """Whether a state of version ``bigger`` includes every change of ``smaller``."""
    return all(bigger.get(origin, 0) >= seq for origin, seq in smaller.items())


def joined(first: Mapping[str, int], second: Mapping[str, int]) -> Version:
    return {o: max(first.get(o, 0), second.get(o, 0)) for o in first.keys() | second.keys()}


def mention_of(row: Any) -> Mention:
    return Mention(
        row.id,
        row.origin,
        row.seq,
        row.action,
        row.entity,
        row.state_hash is not None,
        row.after if row.entity == MERGE_ENTITY else None,
    )


def mentions_by_uid(
    connection: Connection, entity_uids: Mapping[str, Iterable[str]]
) -> dict[str, list[Mention]]:
    """Every entry about the given records (by entity), from the database's history."""
    table = table_of(AuditEntry)
    columns = [
        table.c[n] for n in ("id", "origin", "seq", "action", "entity", "state_hash", "after")
    ]
    found: dict[str, list[Mention]] = {}
    for entity, uids in entity_uids.items():
        ordered = sorted(set(uids))
        for start in range(0, len(ordered), _IN_CHUNK):
            chunk = ordered[start : start + _IN_CHUNK]
            query = select(table.c.entity_uid, *columns).where(
                table.c.entity.in_((entity, MERGE_ENTITY)), table.c.entity_uid.in_(chunk)
            )
            for row in connection.execute(query):
                found.setdefault(row.entity_uid, []).append(mention_of(row))
    return found
