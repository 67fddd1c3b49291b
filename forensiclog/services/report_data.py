"""Gathering what each PDF report is made from: exchange rows, foreign cases, discrepancies,
labels, and photo previews. Functions of an open session; the reports themselves never query.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TypeVar

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from forensiclog.db.models import (
    Case,
    ChainHead,
    DeclaredIdentity,
    Document,
    Exchange,
    SearchKey,
)
from forensiclog.domain.errors import InvalidInput, NotFound, Refusal
from forensiclog.domain.records import CaseRecord, PhotoRecord
from forensiclog.domain.report_inputs import (
    BodyWithoutManifestLine,
    Discrepancies,
    DuplicateTag,
    ExchangeReportInput,
    LabelItem,
    ManifestLineWithoutBody,
    ReportPhoto,
    SharedDocumentNumber,
)
from forensiclog.domain.vocabulary import Nationality
from forensiclog.reports.photo_preview import preview_jpeg
from forensiclog.services.case_list import CaseFilter, page
from forensiclog.services.case_lookup import load_case
from forensiclog.services.case_records import case_record
from forensiclog.services.exchanges import exchange_record, find_exchange, summaries
from forensiclog.services.name_keys import identifier_key
from forensiclog.services.photo_store import PhotoStore

# How a case came to be (``cases.source``): a handover-list row, or a body registered at intake.
FROM_MANIFEST = "manifest"
FROM_INTAKE = "intake"
# Keeps every IN (...) list far below the bound parameters a database accepts.
CHUNK = 500

T = TypeVar("T")


def chunks(items: Sequence[T], size: int = CHUNK) -> Iterator[Sequence[T]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def audit_head(session: Session, origin: str) -> str | None:
    """The hash at the head of the workspace's own history, as its signed head records it."""
    head = session.get(ChainHead, origin)
    return head.entry_hash if head else None


# ---- exchange report -------------------------------------------------------------------------


def exchange_input(session: Session, code: str) -> ExchangeReportInput:
    """The exchange's counts and one row for every case of it, in case-number order."""
    summary = summaries(session, [find_exchange(session, code)])[0]
    rows = page(session, CaseFilter(exchange=code), order="case")
    return ExchangeReportInput(summary, tuple(rows))


# ---- foreign-nationals report ----------------------------------------------------------------


def foreign_cases(session: Session, exchange: Exchange) -> list[CaseRecord]:
    """Every case of the exchange assessed foreign, with its documents and photo records."""
    found = session.scalars(
        select(Case)
        .where(Case.exchange_id == exchange.id, Case.nationality == Nationality.FOREIGN.value)
        .order_by(Case.case_number)
    )
    return [case_record(session, case, with_history=False) for case in found]


def foreign_document_photos(case: CaseRecord, own_state: str) -> list[PhotoRecord]:
    """The photos of the case's documents issued by a state other than ``own_state``."""
    own = own_state.upper()
    foreign = {d.id for d in case.documents if d.country and d.country.upper() != own}
    return [p for p in case.photos if p.document in foreign]


# ---- discrepancies ---------------------------------------------------------------------------


def discrepancies(session: Session, code: str) -> Discrepancies:
    exchange = find_exchange(session, code)
    return Discrepancies(
        exchange=exchange_record(exchange),
        manifest_without_body=tuple(manifest_without_body(session, exchange.id)),
        bodies_without_manifest=tuple(bodies_without_manifest(session, exchange.id)),
        duplicate_tags=tuple(duplicate_tags(session, exchange.id)),
        shared_document_numbers=tuple(shared_document_numbers(session, exchange)),
    )


def manifest_without_body(session: Session, exchange_id: int) -> list[ManifestLineWithoutBody]:
    """Handover-list lines whose body has not been checked in."""
    rows = session.execute(
        select(
            Case.case_number,
            Case.tag,
            DeclaredIdentity.row_number,
            DeclaredIdentity.surname,
            DeclaredIdentity.given_names,
            DeclaredIdentity.service_number,
        )
        .outerjoin(DeclaredIdentity, DeclaredIdentity.case_id == Case.id)
        .where(
            Case.exchange_id == exchange_id,
            Case.source == FROM_MANIFEST,
            Case.arrived_at.is_(None),
        )
        .order_by(Case.case_number)
    )
    return [ManifestLineWithoutBody(*row) for row in rows]


def bodies_without_manifest(session: Session, exchange_id: int) -> list[BodyWithoutManifestLine]:
    """Bodies registered at intake whose tag is on no handover-list line of the exchange."""
    listed = (
        select(DeclaredIdentity.tag)
        .join(Case, Case.id == DeclaredIdentity.case_id)
        .where(
            Case.exchange_id == exchange_id,
            DeclaredIdentity.manifest_id.is_not(None),
            DeclaredIdentity.tag.is_not(None),
        )
    )
    rows = session.execute(
        select(Case.case_number, Case.tag, Case.arrived_at, Case.condition)
        .where(
            Case.exchange_id == exchange_id,
            Case.source == FROM_INTAKE,
            or_(Case.tag.is_(None), Case.tag.not_in(listed)),
        )
        .order_by(Case.case_number)
    )
    return [BodyWithoutManifestLine(*row) for row in rows]


def duplicate_tags(session: Session, exchange_id: int) -> list[DuplicateTag]:
    """Tags carried by more than one case of the exchange."""
    in_exchange = (Case.exchange_id == exchange_id, Case.tag.is_not(None))
    tags = list(
        session.scalars(
            select(Case.tag)
            .where(*in_exchange)
            .group_by(Case.tag)
            .having(func.count() > 1)
            .order_by(Case.tag)
        )
    )
    cases: dict[str, list[str]] = {str(tag): [] for tag in tags}
    for part in chunks(tags):
        for tag, number in session.execute(
            select(Case.tag, Case.case_number)
            .where(*in_exchange, Case.tag.in_(part))
            .order_by(Case.case_number)
        ):
            cases[str(tag)].append(number)
    return [DuplicateTag(tag, tuple(numbers)) for tag, numbers in cases.items()]


def shared_document_numbers(session: Session, exchange: Exchange) -> list[SharedDocumentNumber]:
    """Document numbers (compared by ``identifier_key``) on two or more cases, at least one of
    them in the exchange; a case of another exchange is shown with that exchange's code."""
    documents = _numbered_documents(session, Case.exchange_id == exchange.id)
    keys = sorted({key for key, _ in documents})
    elsewhere: set[int] = set()
    for keys_part in chunks(keys):
        elsewhere.update(
            session.scalars(
                select(SearchKey.case_id)
                .join(Case, Case.id == SearchKey.case_id)
                .where(
                    SearchKey.kind == "document",
                    SearchKey.key.in_(keys_part),
                    Case.exchange_id != exchange.id,
                )
            )
        )
    for ids in chunks(sorted(elsewhere)):
        documents += _numbered_documents(session, Case.id.in_(ids))
    return _shared(documents, exchange.code)


def _numbered_documents(session: Session, where: Any) -> list[tuple[str, Any]]:
    rows = session.execute(
        select(Case.case_number, Exchange.code, Document.number, Document.country, Document.kind)
        .join(Case, Case.id == Document.case_id)
        .join(Exchange, Exchange.id == Case.exchange_id)
        .where(where, Document.number.is_not(None))
        .order_by(Document.id)
    ).all()
    return [(key, row) for row in rows if (key := identifier_key(row.number))]


def _shared(documents: Iterable[tuple[str, Any]], code: str) -> list[SharedDocumentNumber]:
    by_key: dict[str, list[Any]] = {}
    for key, row in documents:
        by_key.setdefault(key, []).append(row)
    shared = []
    for key in sorted(by_key):
        rows = sorted(by_key[key], key=lambda row: row.case_number)
        cases = list(dict.fromkeys(_case_label(row, code) for row in rows))
        if len(cases) < 2 or all(row.code != code for row in rows):
            continue
        countries = sorted({row.country for row in rows if row.country})
        kinds = {row.kind for row in rows}
        shared.append(
            SharedDocumentNumber(
                number=rows[0].number,
                country=", ".join(countries) or None,
                kind=kinds.pop() if len(kinds) == 1 else None,
                cases=tuple(cases),
            )
        )
    return shared


def _case_label(row: Any, code: str) -> str:
    return row.case_number if row.code == code else f"{row.case_number} ({row.code})"


# ---- labels ----------------------------------------------------------------------------------


def label_items(session: Session, targets: Sequence[str]) -> list[LabelItem]:
    """A label for each named case, and for every case of each named exchange; in the order
    given, each case once."""
    items: dict[str, LabelItem] = {}
    for target in targets:
        for item in _labels_for(session, target.strip()):
            items.setdefault(item.case_number, item)
    if not items:
        raise InvalidInput("cases", "there is nothing to label: name an exchange or cases")
    return list(items.values())


def _labels_for(session: Session, target: str) -> list[LabelItem]:
    exchange = session.scalars(select(Exchange).where(Exchange.code == target)).first()
    if exchange is not None:
        rows = session.execute(
            select(Case.case_number, Case.tag)
            .where(Case.exchange_id == exchange.id)
            .order_by(Case.case_number)
        )
        return [LabelItem(number, tag, exchange.code) for number, tag in rows]
    try:
        case = load_case(session, target)
    except InvalidInput:
        raise NotFound("case or exchange", target) from None
    code = session.get_one(Exchange, case.exchange_id).code
    return [LabelItem(case.case_number, case.tag, code)]


# ---- photo previews --------------------------------------------------------------------------


def previews(
    store: PhotoStore,
    photos: Sequence[PhotoRecord],
    *,
    done: Callable[[int], None] | None = None,
) -> tuple[ReportPhoto, ...]:
    """Downscaled upright JPEGs of the originals, decoded in parallel (Pillow releases the GIL).

    An original that is missing or unreadable gets empty bytes: the report prints that its
    preview cannot be shown rather than leaving the photo out. ``done(n)`` is called from this
    thread after each preview and may raise to stop.
    """
    if not photos:
        return ()
    workers = max(1, min(len(photos), os.cpu_count() or 1))
    with ThreadPoolExecutor(max_workers=workers) as pool:
        futures = [pool.submit(_preview, store, photo.sha256) for photo in photos]
        made = []
        try:
            for count, future in enumerate(futures, start=1):
                made.append(ReportPhoto(photos[count - 1], future.result()))
                if done is not None:
                    done(count)
        except BaseException:
            for future in futures:
                future.cancel()
            raise
    return tuple(made)


def _preview(store: PhotoStore, sha: str) -> bytes:
    try:
        with store.open_original(sha) as original:
            data = original.read()
        return preview_jpeg(data)
    except (Refusal, OSError):
        return b""
