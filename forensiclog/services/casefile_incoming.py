"""A case file to be merged, read whole from its extracted database: its records, its history
entries and heads, and each record's version as the exporting workspace holds it."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, select

from forensiclog.db.base import table_of
from forensiclog.db.engine import sqlite_engine
from forensiclog.db.models import AuditEntry, ChainHead, SearchKey
from forensiclog.domain.audit_chain import is_redacted
from forensiclog.domain.casefile_manifest import Manifest
from forensiclog.services.casefile_export import RECORD_MODELS
from forensiclog.services.casefile_history import CHAIN_COLUMNS, ChainState
from forensiclog.services.casefile_versions import Mention, Version, mention_of, noted, version_of


@dataclass
class IncomingFile:
    """Everything in the file, as read; rows keep the file's own ids."""

    manifest: Manifest
    manifest_sha256: str
    rows: dict[Any, list[dict[str, Any]]] = field(default_factory=dict)
    uid_of: dict[str, dict[int, str]] = field(default_factory=dict)
    entries: list[Any] = field(default_factory=list)
    heads: dict[str, dict[str, Any]] = field(default_factory=dict)
    chains: dict[str, ChainState] = field(default_factory=dict)
    search_keys: list[dict[str, Any]] = field(default_factory=list)
    mentions: dict[str, list[Mention]] = field(default_factory=dict)

    @property
    def exporter(self) -> str:
        return self.manifest.workspace.uid

    @property
    def source(self) -> str:
        w = self.manifest.workspace
        return f"{w.name} ({w.site}-{w.team})"

    def version(self, model: Any, uid: str) -> Version:
        return version_of(self.mentions.get(uid, ()), model.audit_entity, self.exporter)

    def version_is_noted(self, uid: str) -> bool:
        return noted(self.mentions.get(uid, ()), self.exporter)

    def record_uids(self) -> set[str]:
        return {row["uid"] for rows in self.rows.values() for row in rows}


def _all(connection: Connection, model: Any) -> list[dict[str, Any]]:
    table = table_of(model)
    return [dict(r) for r in connection.execute(select(table).order_by(table.c.id)).mappings()]


def _entries(connection: Connection) -> list[Any]:
    table = table_of(AuditEntry)
    query = select(table.c.id, *(table.c[n] for n in CHAIN_COLUMNS)).order_by(table.c.id)
    return list(connection.execute(query))


def read_incoming(
    database: Path, manifest: Manifest, manifest_sha256: str, chains: dict[str, ChainState]
) -> IncomingFile:
    """Read the extracted database (read-only, immutable) into memory; ``chains`` are its
    chains as verified."""
    incoming = IncomingFile(manifest, manifest_sha256, chains=chains)
    engine = sqlite_engine(database, read_only=True, immutable=True)
    try:
        with engine.connect() as connection:
            for model in RECORD_MODELS:
                rows = _all(connection, model)
                incoming.rows[model] = rows
                incoming.uid_of[table_of(model).name] = {r["id"]: r["uid"] for r in rows}
            incoming.search_keys = _all(connection, SearchKey)
            incoming.entries = _entries(connection)
            incoming.heads = {r["origin"]: r for r in _all_heads(connection)}
    finally:
        engine.dispose()
    for entry in incoming.entries:
        if entry.entity_uid is not None and not is_redacted(tuple(entry[1:14])):
            incoming.mentions.setdefault(entry.entity_uid, []).append(mention_of(entry))
    return incoming


def _all_heads(connection: Connection) -> list[dict[str, Any]]:
    return [dict(r) for r in connection.execute(select(table_of(ChainHead))).mappings()]
