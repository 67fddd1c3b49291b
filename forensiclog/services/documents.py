"""Documents found on a body: typed fields, the MRZ checked and used to fill and cross-check
them, photos of the document, and which documents can be the basis of a nationality assessment.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from forensiclog.db.models import Case, CasePhoto, Document, PhotoFile
from forensiclog.domain.countries import parse_country
from forensiclog.domain.document_fields import (
    DocumentFields,
    damaged_warning,
    foreign_state,
    reconcile,
)
from forensiclog.domain.errors import InvalidInput, NotFound
from forensiclog.domain.mrz import MrzResult, normalise_lines, parse_mrz
from forensiclog.domain.records import DocumentRecord, MrzCheck
from forensiclog.domain.roles import Action
from forensiclog.domain.text import clean_text, parse_date, short_text
from forensiclog.domain.vocabulary import DocumentKind, PhotoKind, parse_code
from forensiclog.services import case_state, search_index
from forensiclog.services.case_lookup import edit_action, load_case
from forensiclog.services.case_records import document_record
from forensiclog.services.context import ServiceContext
from forensiclog.services.evidence import adding_evidence
from forensiclog.services.history import Tx, snapshot
from forensiclog.services.photos import (
    PhotoImport,
    PhotoService,
)

MrzText = str | Sequence[str]
IDENTITY_FIELDS = tuple(DocumentFields.__dataclass_fields__)
SEXES = ("M", "F", "X")


def _one_line(value: str | None, field: str, limit: int) -> str | None:
    text = short_text(value, field)
    if text is not None and len(text) > limit:
        raise InvalidInput(field, f"is {len(text)} characters long; at most {limit} are kept")
    return text


def _sex(value: str | None) -> str | None:
    text = (value or "").strip().upper()
    if not text:
        return None
    if text not in SEXES:
        raise InvalidInput("sex", f"{value!r} is not M, F or X (as printed on the document)")
    return text


def _country(value: str | None) -> str | None:
    text = (value or "").strip()
    return parse_country(text) if text else None


_PARSERS: dict[str, Any] = {
    "kind": lambda v: parse_code(DocumentKind, v or "", "kind").value,
    "country": _country,
    "number": lambda v: _one_line(v, "number", 100),
    "surname": lambda v: _one_line(v, "surname", 500),
    "given_names": lambda v: _one_line(v, "given-names", 500),
    "birth_date": lambda v: parse_date(v, "birth-date"),
    "birth_place": lambda v: _one_line(v, "birth-place", 500),
    "sex": _sex,
    "expiry_date": lambda v: parse_date(v, "expiry-date"),
    "personal_number": lambda v: _one_line(v, "personal-number", 100),
    "found_at": lambda v: _one_line(v, "found-at", 500),
    "bag": lambda v: _one_line(v, "bag", 200),
    "notes": lambda v: clean_text(v, "notes"),
}
FIELDS = tuple(_PARSERS)


def parse_fields(values: Mapping[str, Any]) -> dict[str, Any]:
    """Typed document fields as given (strings, "" for empty) checked and converted."""
    parsed = {}
    for name, value in values.items():
        if name not in _PARSERS:
            raise InvalidInput(name, "is not a field of a document")
        text = value.isoformat() if isinstance(value, dt.date) else value
        parsed[name] = _PARSERS[name](None if text is None else str(text))
    return parsed


def read_zone(mrz: MrzText | None, *, accept_invalid: bool, today: dt.date) -> MrzResult | None:
    """The zone checked digit by digit; a failed check refuses it unless accepted as damaged."""
    if mrz is None or not normalise_lines(mrz):
        return None
    result = parse_mrz(mrz, today=today)
    if result.failures and not accept_invalid:
        raise InvalidInput(
            ", ".join(result.failures),
            f"the MRZ check failed — {result.failure_text()}; correct the zone as printed, "
            "or record it as damaged (--accept-invalid-mrz)",
            where="mrz",
        )
    return result


def _fill(typed: DocumentFields, zone: MrzResult | None) -> tuple[DocumentFields, list[str]]:
    if zone is None:
        return typed, []
    filled, disagreements = reconcile(typed, zone)
    warnings = list(zone.warnings) + list(disagreements)
    if zone.failures:
        warnings.insert(0, damaged_warning(zone))
    return filled, warnings


def _identity(document: Document) -> DocumentFields:
    return DocumentFields(**{name: getattr(document, name) for name in IDENTITY_FIELDS})


def _apply_zone(document: Document, zone: MrzResult | None) -> list[str]:
    """Fill the document's empty identity fields from ``zone``; the warnings to keep."""
    filled, warnings = _fill(_identity(document), zone)
    for name in IDENTITY_FIELDS:
        setattr(document, name, getattr(filled, name))
    document.mrz = "\n".join(zone.lines) if zone else None
    document.mrz_format = zone.format if zone else None
    document.mrz_valid = zone.valid if zone else None
    document.mrz_failures = list(zone.failures) if zone else []
    document.warnings = warnings
    return warnings


def _stored_zone(document: Document, today: dt.date) -> MrzResult | None:
    # A zone already recorded was accepted then, damaged or not; it is read, not judged again.
    return read_zone(document.mrz, accept_invalid=True, today=today)


@dataclass(frozen=True)
class DocumentResult:
    document: DocumentRecord
    mrz: MrzCheck | None
    warnings: tuple[str, ...]
    foreign: bool
    photos: PhotoImport = field(default_factory=PhotoImport)


def _result(
    document: Document,
    zone: MrzResult | None,
    photos: PhotoImport,
    shas: tuple[str, ...] | None = None,
) -> DocumentResult:
    shown = tuple(p.sha256 for p in photos.photos) if shas is None else shas
    return DocumentResult(
        document=document_record(document, shown),
        mrz=zone.to_record() if zone else None,
        warnings=tuple(document.warnings or ()),
        foreign=foreign_state(document.country),
        photos=photos,
    )


def _photo_shas(session: Session, document_id: int) -> tuple[str, ...]:
    return tuple(
        session.scalars(
            select(PhotoFile.sha256)
            .join(CasePhoto, CasePhoto.photo_id == PhotoFile.id)
            .where(CasePhoto.document_id == document_id)
            .order_by(CasePhoto.id)
        )
    )


def _load_document(session: Session, document_id: int) -> tuple[Document, Case]:
    document = session.get(Document, document_id)
    if document is None:
        raise NotFound("document", str(document_id))
    return document, session.get_one(Case, document.case_id)


def _derive(tx: Tx, case: Case) -> None:
    tx.session.flush()
    case_state.refresh(tx.session, case)
    search_index.reindex_case(tx.session, case)


class DocumentService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def _today(self) -> dt.date:
        return self.ctx.clock().date()

    def add(
        self,
        case: str,
        *,
        kind: str,
        mrz: MrzText | None = None,
        accept_invalid_mrz: bool = False,
        photos: Sequence[Path | str] = (),
        reason: str | None = None,
        **fields: Any,
    ) -> DocumentResult:
        """Record a document found on a body (``fields``: see ``FIELDS``), with photos of it.

        The MRZ fills empty typed fields; where the typed value disagrees it is kept and a
        warning is stored with the document.
        """
        values = parse_fields({"kind": kind, **fields})
        zone = read_zone(mrz, accept_invalid=accept_invalid_mrz, today=self._today())
        why = clean_text(reason, "reason")
        with adding_evidence(PhotoService(self.ctx), case, "document.add", why, photos) as add:
            tx, found = add.tx, add.case
            document = Document(case_id=found.id, created_at=tx.now, created_by=tx.user)
            for name, value in values.items():
                setattr(document, name, value)
            _apply_zone(document, zone)
            tx.session.add(document)
            tx.record(add.action, document, case_number=found.case_number, reason=why)
            added = add.attach_photos(PhotoKind.DOCUMENT, document=document.id)
            _derive(tx, found)
            return _result(document, zone, added)

    def edit(
        self,
        document_id: int,
        changes: Mapping[str, Any],
        *,
        accept_invalid_mrz: bool = False,
        reason: str | None = None,
    ) -> DocumentResult:
        """Change a document's fields; "" clears one. ``changes["mrz"]`` replaces the zone
        (checked as on adding; "" removes it). Empty identity fields are filled from the zone
        again and its warnings worked out anew."""
        values = dict(changes)
        zone_given = "mrz" in values
        new_zone = values.pop("mrz", None)
        parsed = parse_fields(values)
        if "kind" in parsed and parsed["kind"] is None:
            raise InvalidInput("kind", "a document needs its kind")
        why = clean_text(reason, "reason")
        zone = (
            read_zone(new_zone or None, accept_invalid=accept_invalid_mrz, today=self._today())
            if zone_given
            else None
        )
        with self.ctx.writing(Action.ADD_EVIDENCE) as tx:
            document, case = _load_document(tx.session, document_id)
            action = edit_action(self.ctx, tx.session, case, "document.edit", why)
            before = snapshot(document)
            for name, value in parsed.items():
                setattr(document, name, value)
            if not zone_given:
                zone = _stored_zone(document, self._today())
            _apply_zone(document, zone)
            if not tx.record(
                action, document, before=before, case_number=case.case_number, reason=why
            ):
                raise InvalidInput("document", f"{document_id}: nothing to change")
            _derive(tx, case)
            return _result(document, zone, PhotoImport(), _photo_shas(tx.session, document.id))

    def for_case(self, case: str) -> tuple[DocumentRecord, ...]:
        with self.ctx.reading() as session:
            found = load_case(session, case)
            documents = session.scalars(
                select(Document).where(Document.case_id == found.id).order_by(Document.id)
            ).all()
            return tuple(document_record(d, _photo_shas(session, d.id)) for d in documents)

    def foreign_documents(self, case: str) -> tuple[DocumentRecord, ...]:
        """Documents of a state other than our own: offered as the basis when the examiner
        assesses the nationality as foreign (a document sets nothing by itself)."""
        return tuple(d for d in self.for_case(case) if foreign_state(d.country))

    def show(self, document_id: int) -> DocumentRecord:
        with self.ctx.reading() as session:
            document, _ = _load_document(session, document_id)
            return document_record(document, _photo_shas(session, document.id))
