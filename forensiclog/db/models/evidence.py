"""Evidence found on a body: documents, personal effects, photos; and the search index."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, Date, Float, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from forensiclog.db.base import Audited, Base, utc_now


class Document(Audited, Base):
    """A document found on a body, with its machine-readable zone when present."""

    __tablename__ = "documents"
    audit_entity = "document"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), index=True)
    kind: Mapped[str] = mapped_column(String(30))
    country: Mapped[str | None] = mapped_column(String(3))
    number: Mapped[str | None] = mapped_column(String(100), index=True)
    surname: Mapped[str | None] = mapped_column(String(500))
    given_names: Mapped[str | None] = mapped_column(String(500))
    birth_date: Mapped[dt.date | None] = mapped_column(Date)
    birth_place: Mapped[str | None] = mapped_column(String(500))
    sex: Mapped[str | None] = mapped_column(String(1))
    expiry_date: Mapped[dt.date | None] = mapped_column(Date)
    personal_number: Mapped[str | None] = mapped_column(String(100))
    mrz: Mapped[str | None] = mapped_column(Text)
    mrz_format: Mapped[str | None] = mapped_column(String(4))
    mrz_valid: Mapped[bool | None] = mapped_column()
    mrz_failures: Mapped[list[Any]] = mapped_column(JSON, default=list)
    warnings: Mapped[list[Any]] = mapped_column(JSON, default=list)
    found_at: Mapped[str | None] = mapped_column(String(500))
    bag: Mapped[str | None] = mapped_column(String(200))
    notes: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(default=utc_now)
    created_by: Mapped[str] = mapped_column(String(100))


class Effect(Audited, Base):
    """A personal effect found on a body, in its sealed evidence bag."""

    __tablename__ = "effects"
    audit_entity = "effect"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), index=True)
    kind: Mapped[str] = mapped_column(String(100))
    description: Mapped[str] = mapped_column(Text)
    found_at: Mapped[str | None] = mapped_column(String(500))
    bag: Mapped[str | None] = mapped_column(String(200))
    created_at: Mapped[dt.datetime] = mapped_column(default=utc_now)
    created_by: Mapped[str] = mapped_column(String(100))


class PhotoFile(Audited, Base):
    """An original photo file, kept byte for byte in the store under its SHA-256."""

    __tablename__ = "photo_files"
    audit_entity = "photo_file"

    id: Mapped[int] = mapped_column(primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    size: Mapped[int] = mapped_column(Integer)
    media_type: Mapped[str] = mapped_column(String(50))
    width: Mapped[int] = mapped_column(Integer)
    height: Mapped[int] = mapped_column(Integer)
    taken_at: Mapped[dt.datetime | None] = mapped_column()
    # EXIF usually gives the camera's wall clock without a zone: such a reading is stored as
    # written (in the UTC column) and flagged, and shown as the camera's clock, never converted.
    taken_at_local: Mapped[bool] = mapped_column(default=False)
    gps_lat: Mapped[float | None] = mapped_column(Float)
    gps_lon: Mapped[float | None] = mapped_column(Float)
    original_name: Mapped[str | None] = mapped_column(String(500))
    imported_at: Mapped[dt.datetime] = mapped_column(default=utc_now)
    imported_by: Mapped[str] = mapped_column(String(100))


class CasePhoto(Audited, Base):
    """A photo as evidence of one case: what it shows, its caption, what it documents."""

    __tablename__ = "case_photos"
    audit_entity = "photo"
    __table_args__ = (UniqueConstraint("case_id", "photo_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), index=True)
    photo_id: Mapped[int] = mapped_column(ForeignKey("photo_files.id"), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    caption: Mapped[str | None] = mapped_column(Text)
    document_id: Mapped[int | None] = mapped_column(ForeignKey("documents.id"), index=True)
    effect_id: Mapped[int | None] = mapped_column(ForeignKey("effects.id"), index=True)
    added_at: Mapped[dt.datetime] = mapped_column(default=utc_now)
    added_by: Mapped[str] = mapped_column(String(100))


class SearchKey(Base):
    """A normalised key (name variant, number) pointing at a case; derived, rebuilt from records."""

    __tablename__ = "search_keys"
    __table_args__ = (Index("ix_search_keys_key", "key", "case_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), index=True)
    # Prefix ranges (key >= k AND key < k || U+FFFF) need byte order: SQLite's default;
    # PostgreSQL must be told, or its locale collation breaks the range.
    key: Mapped[str] = mapped_column(
        String(64).with_variant(String(64, collation="C"), "postgresql")
    )
    kind: Mapped[str] = mapped_column(String(20))
