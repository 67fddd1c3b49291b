"""The workspace's identity, its users, exchanges and handover-list imports."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Date, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from forensiclog.db.base import Audited, Base, utc_now


class WorkspaceRow(Base):
    """The one row naming this workspace; its site and team codes make case numbers unique."""

    __tablename__ = "workspace"

    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    site: Mapped[str] = mapped_column(String(8))
    team: Mapped[str] = mapped_column(String(8))
    created_at: Mapped[dt.datetime] = mapped_column(default=utc_now)
    public_key: Mapped[str] = mapped_column(String(128))
    # The next case sequence number; it only grows, so a number is never issued twice.
    next_case_seq: Mapped[int] = mapped_column(Integer, default=1)


class User(Audited, Base):
    __tablename__ = "users"
    audit_entity = "user"
    audit_redact = frozenset({"password_hash"})

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    role: Mapped[str] = mapped_column(String(20))
    password_hash: Mapped[str] = mapped_column(String(200))
    active: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[dt.datetime] = mapped_column(default=utc_now)
    created_by: Mapped[str] = mapped_column(String(100))


class Exchange(Audited, Base):
    """A repatriation round."""

    __tablename__ = "exchanges"
    audit_entity = "exchange"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(40), unique=True)
    date_received: Mapped[dt.date] = mapped_column(Date)
    declared: Mapped[int] = mapped_column(Integer)
    place: Mapped[str | None] = mapped_column(String(500))
    counterparty: Mapped[str | None] = mapped_column(String(500))
    reference: Mapped[str | None] = mapped_column(String(500))
    notes: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(default=utc_now)
    created_by: Mapped[str] = mapped_column(String(100))


class ManifestImport(Audited, Base):
    """One handover list imported against an exchange."""

    __tablename__ = "manifest_imports"
    audit_entity = "manifest"

    id: Mapped[int] = mapped_column(primary_key=True)
    exchange_id: Mapped[int] = mapped_column(ForeignKey("exchanges.id"), index=True)
    file_name: Mapped[str] = mapped_column(String(500))
    file_sha256: Mapped[str] = mapped_column(String(64))
    rows: Mapped[int] = mapped_column(Integer)
    imported_at: Mapped[dt.datetime] = mapped_column(default=utc_now)
    imported_by: Mapped[str] = mapped_column(String(100))
