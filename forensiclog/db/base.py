"""The declarative base, column types that round-trip exactly, and the audited-record contract."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any, ClassVar, cast

from sqlalchemy import JSON, DateTime, MetaData, String, Table
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.types import TypeDecorator

# Named constraints, so Alembic's batch migrations on SQLite can find and rebuild them.
NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class UtcDateTime(TypeDecorator[dt.datetime]):
    """An aware UTC datetime stored as naive UTC, so SQLite and PostgreSQL read back the same value."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: dt.datetime | None, dialect: Dialect) -> dt.datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given where UTC is required")
        return value.astimezone(dt.UTC).replace(tzinfo=None)

    def process_result_value(
        self, value: dt.datetime | None, dialect: Dialect
    ) -> dt.datetime | None:
        return None if value is None else value.replace(tzinfo=dt.UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map: ClassVar[dict[Any, Any]] = {
        dt.datetime: UtcDateTime(),
        dict[str, Any]: JSON(),
        list[Any]: JSON(),
    }


def new_uid() -> str:
    return str(uuid.uuid4())


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class Audited:
    """A record whose every state is hashed into the history.

    ``audit_entity`` names it in the audit trail; ``audit_exclude`` lists derived columns
    (recomputed from other records) that are left out of the state hash; ``audit_redact``
    lists secrets that are hashed but never shown in the history's before and after.
    """

    audit_entity: ClassVar[str]
    audit_exclude: ClassVar[frozenset[str]] = frozenset()
    audit_redact: ClassVar[frozenset[str]] = frozenset()

    uid: Mapped[str] = mapped_column(String(64), unique=True, default=new_uid)


def table_of(model: Any) -> Table:
    """The Core table of a mapped class (typed: the ORM declares it as a FromClause)."""
    return cast(Table, model.__table__)
