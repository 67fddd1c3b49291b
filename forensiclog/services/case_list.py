"""Lists of cases, filtered and ordered in SQL and read a page at a time.

A 100,000-case workspace is never loaded whole: the GUI asks for the page it shows, the
command line streams its rows.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, exists, func, select
from sqlalchemy.orm import Session

from forensiclog.db.models import Case, CasePhoto, Decision, Document, Exchange
from forensiclog.domain.records import CaseRow
from forensiclog.domain.roles import Action
from forensiclog.domain.statuses import parse_status
from forensiclog.domain.vocabulary import DecisionState, Nationality, parse_code
from forensiclog.services.context import ServiceContext

ORDERS = {
    "case": Case.case_number,
    "tag": Case.tag,
    "status": Case.status,
    "nationality": Case.nationality,
    "completeness": Case.completeness_score,
    "created": Case.id,
}


@dataclass(frozen=True)
class CaseFilter:
    exchange: str | None = None
    status: str | None = None
    nationality: str | None = None
    ids: tuple[int, ...] | None = None

    def apply(self, query: Select[Any]) -> Select[Any]:
        if self.exchange:
            query = query.where(
                Case.exchange_id
                == select(Exchange.id).where(Exchange.code == self.exchange).scalar_subquery()
            )
        if self.status:
            query = query.where(Case.status == parse_status(self.status).value)
        if self.nationality:
            query = query.where(
                Case.nationality == parse_code(Nationality, self.nationality, "nationality").value
            )
        if self.ids is not None:
            query = query.where(Case.id.in_(self.ids))
        return query


def _row_columns() -> list[Any]:
    documents = (
        select(func.count()).where(Document.case_id == Case.id).correlate(Case).scalar_subquery()
    )
    photos = (
        select(func.count()).where(CasePhoto.case_id == Case.id).correlate(Case).scalar_subquery()
    )
    locked = exists().where(
        Decision.case_id == Case.id, Decision.state == DecisionState.CONFIRMED.value
    )
    return [
        Case.id,
        Case.case_number,
        Exchange.code,
        Case.tag,
        Case.status,
        Case.nationality,
        Case.condition,
        documents.label("documents"),
        photos.label("photos"),
        Case.completeness_score,
        locked.label("locked"),
    ]


def to_row(values: Any, matched: str | None = None) -> CaseRow:
    return CaseRow(
        case_number=values.case_number,
        exchange=values.code,
        tag=values.tag,
        status=values.status,
        nationality=values.nationality,
        condition=values.condition,
        documents=values.documents,
        photos=values.photos,
        completeness=values.completeness_score,
        locked=bool(values.locked),
        matched=matched,
    )


def page(
    session: Session,
    where: CaseFilter,
    *,
    offset: int = 0,
    limit: int | None = None,
    order: str = "case",
    descending: bool = False,
) -> list[CaseRow]:
    column = ORDERS.get(order, Case.case_number)
    ordering = [column.desc() if descending else column.asc(), Case.id]
    query = where.apply(select(*_row_columns()).join(Exchange, Exchange.id == Case.exchange_id))
    query = query.order_by(*ordering).offset(offset)
    if limit is not None:
        query = query.limit(limit)
    return [to_row(values) for values in session.execute(query)]


def count(session: Session, where: CaseFilter) -> int:
    return int(session.scalar(where.apply(select(func.count()).select_from(Case))) or 0)


class CaseListService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def page(
        self,
        where: CaseFilter,
        *,
        offset: int = 0,
        limit: int | None = None,
        order: str = "case",
        descending: bool = False,
    ) -> list[CaseRow]:
        self.ctx.require(Action.READ)
        with self.ctx.reading() as session:
            return page(
                session, where, offset=offset, limit=limit, order=order, descending=descending
            )

    def count(self, where: CaseFilter) -> int:
        with self.ctx.reading() as session:
            return count(session, where)
