"""Cases (bodies and body parts) and what is recorded about them besides evidence."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, Date, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from forensiclog.db.base import Audited, Base, utc_now


class Case(Audited, Base):
    """A post-mortem case: one body, or one body part linked to its case."""

    __tablename__ = "cases"
    audit_entity = "case"
    # Derived from other records (custody log, evidence) and recomputed with them.
    audit_exclude = frozenset(
        {"location", "completeness_score", "completeness_missing", "next_part_seq"}
    )
    __table_args__ = (
        Index("ix_cases_exchange_status", "exchange_id", "status"),
        Index("ix_cases_exchange_nationality", "exchange_id", "nationality"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    case_number: Mapped[str] = mapped_column(String(40), unique=True)
    exchange_id: Mapped[int] = mapped_column(ForeignKey("exchanges.id"))
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("cases.id"), index=True)
    part_seq: Mapped[int | None] = mapped_column(Integer)
    next_part_seq: Mapped[int] = mapped_column(Integer, default=1)
    tag: Mapped[str | None] = mapped_column(String(500), index=True)
    source: Mapped[str] = mapped_column(String(20))
    arrived_at: Mapped[dt.datetime | None] = mapped_column()
    status: Mapped[str] = mapped_column(String(30), index=True)
    condition: Mapped[str | None] = mapped_column(String(20))
    location: Mapped[str | None] = mapped_column(String(500))
    sex: Mapped[str | None] = mapped_column(String(1))
    age_min: Mapped[int | None] = mapped_column(Integer)
    age_max: Mapped[int | None] = mapped_column(Integer)
    stature_cm: Mapped[int | None] = mapped_column(Integer)
    clothing: Mapped[str | None] = mapped_column(Text)
    nationality: Mapped[str] = mapped_column(String(20), index=True)
    nationality_basis: Mapped[str | None] = mapped_column(Text)
    nationality_document_id: Mapped[int | None] = mapped_column(
        ForeignKey("documents.id", use_alter=True)
    )
    checklist: Mapped[dict[str, Any]] = mapped_column(JSON)
    notes: Mapped[str | None] = mapped_column(Text)
    burial_cemetery: Mapped[str | None] = mapped_column(String(500))
    burial_plot: Mapped[str | None] = mapped_column(String(500))
    completeness_score: Mapped[int] = mapped_column(Integer, default=1, index=True)
    completeness_missing: Mapped[list[Any]] = mapped_column(JSON, default=list)
    created_at: Mapped[dt.datetime] = mapped_column(default=utc_now)
    created_by: Mapped[str] = mapped_column(String(100))


class DeclaredIdentity(Audited, Base):
    """What the handing-over side declared about a body (a handover-list row)."""

    __tablename__ = "declared_identities"
    audit_entity = "declared"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), unique=True)
    manifest_id: Mapped[int | None] = mapped_column(ForeignKey("manifest_imports.id"), index=True)
    row_number: Mapped[int | None] = mapped_column(Integer)
    tag: Mapped[str | None] = mapped_column(String(500))
    surname: Mapped[str | None] = mapped_column(String(500))
    given_names: Mapped[str | None] = mapped_column(String(500))
    birth_date: Mapped[dt.date | None] = mapped_column(Date)
    unit: Mapped[str | None] = mapped_column(String(500))
    service_number: Mapped[str | None] = mapped_column(String(100))
    notes: Mapped[str | None] = mapped_column(Text)


class CaseLink(Audited, Base):
    """Two cases suspected to be the same person."""

    __tablename__ = "case_links"
    audit_entity = "link"
    __table_args__ = (UniqueConstraint("case_id", "other_case_id", "kind"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), index=True)
    other_case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), index=True)
    kind: Mapped[str] = mapped_column(String(30))
    reason: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(default=utc_now)
    created_by: Mapped[str] = mapped_column(String(100))


class Mark(Audited, Base):
    """A distinguishing mark: tattoo, scar, prosthesis (with its serial number)."""

    __tablename__ = "marks"
    audit_entity = "mark"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    description: Mapped[str] = mapped_column(Text)
    body_location: Mapped[str | None] = mapped_column(String(500))
    serial_number: Mapped[str | None] = mapped_column(String(200))
    created_at: Mapped[dt.datetime] = mapped_column(default=utc_now)
    created_by: Mapped[str] = mapped_column(String(100))


class CustodyEntry(Audited, Base):
    """One move of a body: where from, where to, who, when, why."""

    __tablename__ = "custody_entries"
    audit_entity = "custody"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), index=True)
    from_location: Mapped[str | None] = mapped_column(String(500))
    to_location: Mapped[str] = mapped_column(String(500))
    reason: Mapped[str | None] = mapped_column(Text)
    moved_at: Mapped[dt.datetime] = mapped_column(default=utc_now)
    moved_by: Mapped[str] = mapped_column(String(100))


class Sample(Audited, Base):
    """A DNA sample and, once known, its result."""

    __tablename__ = "samples"
    audit_entity = "sample"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), index=True)
    number: Mapped[str] = mapped_column(String(100), unique=True)
    kind: Mapped[str] = mapped_column(String(20))
    lab: Mapped[str | None] = mapped_column(String(500))
    taken_at: Mapped[dt.datetime] = mapped_column(default=utc_now)
    taken_by: Mapped[str] = mapped_column(String(100))
    result: Mapped[str | None] = mapped_column(Text)
    result_at: Mapped[dt.datetime | None] = mapped_column()
    result_by: Mapped[str | None] = mapped_column(String(100))


class Decision(Audited, Base):
    """An identification or an exclusion: proposed, then confirmed by a coordinator (or withdrawn)."""

    __tablename__ = "decisions"
    audit_entity = "decision"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    state: Mapped[str] = mapped_column(String(20))
    surname: Mapped[str | None] = mapped_column(String(500))
    given_names: Mapped[str | None] = mapped_column(String(500))
    birth_date: Mapped[dt.date | None] = mapped_column(Date)
    service_number: Mapped[str | None] = mapped_column(String(100))
    methods: Mapped[list[Any]] = mapped_column(JSON, default=list)
    basis_document_id: Mapped[int | None] = mapped_column(ForeignKey("documents.id"))
    reason: Mapped[str] = mapped_column(Text)
    proposed_at: Mapped[dt.datetime] = mapped_column(default=utc_now)
    proposed_by: Mapped[str] = mapped_column(String(100))
    decided_at: Mapped[dt.datetime | None] = mapped_column()
    decided_by: Mapped[str | None] = mapped_column(String(100))
    decision_reason: Mapped[str | None] = mapped_column(Text)
