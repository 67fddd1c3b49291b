"""The audit trail: an append-only hash chain per origin workspace, and its signed heads."""

from __future__ import annotations

from sqlalchemy import Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from forensiclog.db.base import Base


class AuditEntry(Base):
    """One change: who, when, what, before and after; chained to the previous entry by hash.

    ``origin`` is the workspace that wrote the entry: a merged case file brings its own chain,
    which stays verifiable as it came. ``at`` is kept as the exact text that was hashed.
    """

    __tablename__ = "audit_entries"
    __table_args__ = (
        UniqueConstraint("origin", "seq"),
        Index("ix_audit_entries_entity", "entity", "entity_uid"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    origin: Mapped[str] = mapped_column(String(64))
    seq: Mapped[int] = mapped_column(Integer)
    at: Mapped[str] = mapped_column(String(40))
    user_name: Mapped[str] = mapped_column(String(100))
    action: Mapped[str] = mapped_column(String(60))
    entity: Mapped[str] = mapped_column(String(30))
    entity_uid: Mapped[str | None] = mapped_column(String(64))
    case_number: Mapped[str | None] = mapped_column(String(40), index=True)
    reason: Mapped[str | None] = mapped_column(Text)
    before: Mapped[str | None] = mapped_column(Text)
    after: Mapped[str | None] = mapped_column(Text)
    state_hash: Mapped[str | None] = mapped_column(String(64))
    prev_hash: Mapped[str] = mapped_column(String(64))
    entry_hash: Mapped[str] = mapped_column(String(64))
    content_hash: Mapped[str] = mapped_column(String(64))


class ChainHead(Base):
    """The last entry of an origin's chain, signed by that workspace's key.

    The local head is re-signed in every transaction; a history rewritten or rolled back
    without the key no longer matches it. Heads of other workspaces are the last seen in
    their case files.
    """

    __tablename__ = "chain_heads"

    origin: Mapped[str] = mapped_column(String(64), primary_key=True)
    seq: Mapped[int] = mapped_column(Integer)
    entry_hash: Mapped[str] = mapped_column(String(64))
    public_key: Mapped[str] = mapped_column(String(128))
    signature: Mapped[str] = mapped_column(String(256))
