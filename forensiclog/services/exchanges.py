"""Exchanges (repatriation rounds) and their progress counts."""

from __future__ import annotations

import re
from collections import defaultdict

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from forensiclog.db.models import Case, Exchange
from forensiclog.domain.errors import AlreadyExists, InvalidInput, NotFound
from forensiclog.domain.records import ExchangeRecord, ExchangeSummary
from forensiclog.domain.roles import Action
from forensiclog.domain.statuses import UNEXAMINED, Status
from forensiclog.domain.text import (
    clean_text,
    parse_count,
    required_date,
    required_text,
    short_text,
)
from forensiclog.domain.vocabulary import Nationality
from forensiclog.services.context import ServiceContext

_CODE = re.compile(r"[\w.\-/]{1,40}")


def exchange_code(text: str) -> str:
    code = required_text(text, "exchange", max_length=40)
    if not _CODE.fullmatch(code):
        raise InvalidInput(
            "exchange", f"{code!r}: a code is up to 40 letters, digits, '-', '_', '.' or '/'"
        )
    return code


def find_exchange(session: Session, code: str) -> Exchange:
    # The code as typed is checked as on adding: a broken character is refused by name
    # rather than failing in the database.
    code = exchange_code(code)
    exchange = session.scalars(select(Exchange).where(Exchange.code == code)).first()
    if exchange is None:
        raise NotFound("exchange", code)
    return exchange


def exchange_record(exchange: Exchange) -> ExchangeRecord:
    return ExchangeRecord(
        code=exchange.code,
        date_received=exchange.date_received,
        declared=exchange.declared,
        place=exchange.place,
        counterparty=exchange.counterparty,
        reference=exchange.reference,
        notes=exchange.notes,
    )


def summaries(session: Session, exchanges: list[Exchange]) -> list[ExchangeSummary]:
    """Progress counts of whole bodies (body parts are counted with their case)."""
    ids = [e.id for e in exchanges]
    by_status: dict[int, dict[str, int]] = defaultdict(dict)
    whole = Case.parent_id.is_(None)
    for exchange_id, status, count in session.execute(
        select(Case.exchange_id, Case.status, func.count())
        .where(Case.exchange_id.in_(ids), whole)
        .group_by(Case.exchange_id, Case.status)
    ):
        by_status[exchange_id][status] = count
    totals = {
        row.exchange_id: row
        for row in session.execute(
            select(
                Case.exchange_id,
                func.sum(case((Case.nationality == Nationality.FOREIGN.value, 1), else_=0)).label(
                    "foreign"
                ),
                func.sum(case((Case.arrived_at.is_not(None), 1), else_=0)).label("arrived"),
            )
            .where(Case.exchange_id.in_(ids), whole)
            .group_by(Case.exchange_id)
        )
    }
    result = []
    for exchange in exchanges:
        counts = by_status[exchange.id]
        total = totals.get(exchange.id)
        result.append(
            ExchangeSummary(
                exchange=exchange_record(exchange),
                registered=sum(counts.values()),
                arrived=int(total.arrived) if total else 0,
                by_status={s.value: counts.get(s.value, 0) for s in Status},
                foreign=int(total.foreign) if total else 0,
                unexamined=sum(counts.get(s.value, 0) for s in UNEXAMINED),
            )
        )
    return result


class ExchangeService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def add(
        self,
        code: str,
        *,
        date: str,
        declared: str | int,
        place: str | None = None,
        counterparty: str | None = None,
        reference: str | None = None,
        notes: str | None = None,
    ) -> ExchangeRecord:
        self.ctx.require(Action.MANAGE_EXCHANGES)
        exchange = Exchange(
            code=exchange_code(code),
            date_received=required_date(date, "date"),
            declared=parse_count(declared, "declared", maximum=1_000_000) or 0,
            place=short_text(place, "place"),
            counterparty=short_text(counterparty, "counterparty"),
            reference=short_text(reference, "reference"),
            notes=clean_text(notes, "notes"),
            created_by=self.ctx.user_name,
        )
        with self.ctx.writing(Action.MANAGE_EXCHANGES) as tx:
            if tx.session.scalar(select(Exchange.id).where(Exchange.code == exchange.code)):
                raise AlreadyExists("exchange", exchange.code)
            exchange.created_at = tx.now
            tx.session.add(exchange)
            tx.record("exchange.add", exchange)
        return exchange_record(exchange)

    def list_all(self) -> list[ExchangeSummary]:
        with self.ctx.reading() as session:
            exchanges = list(
                session.scalars(select(Exchange).order_by(Exchange.date_received, Exchange.code))
            )
            return summaries(session, exchanges)

    def show(self, code: str) -> ExchangeSummary:
        with self.ctx.reading() as session:
            return summaries(session, [find_exchange(session, code)])[0]

    def codes(self) -> list[str]:
        with self.ctx.reading() as session:
            return list(session.scalars(select(Exchange.code).order_by(Exchange.code)))
