"""Reading a case and everything recorded about it into one ``CaseRecord``."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from forensiclog.db.models import (
    AuditEntry,
    Case,
    CaseLink,
    CasePhoto,
    CustodyEntry,
    Decision,
    DeclaredIdentity,
    Document,
    Effect,
    Exchange,
    ManifestImport,
    Mark,
    PhotoFile,
    Sample,
)
from forensiclog.domain.records import (
    AuditRecord,
    CaseLinkRecord,
    CaseRecord,
    ChecklistEntry,
    CustodyRecord,
    DecisionRecord,
    DeclaredRecord,
    DocumentRecord,
    EffectRecord,
    MarkRecord,
    PhotoRecord,
    SampleRecord,
)
from forensiclog.domain.vocabulary import (
    PRIMARY_METHODS,
    ChecklistItem,
    DecisionState,
    empty_checklist,
)


def _json(text: str | None) -> dict[str, Any] | None:
    return None if text is None else json.loads(text)


def audit_record(entry: AuditEntry) -> AuditRecord:
    return AuditRecord(
        seq=entry.seq,
        origin=entry.origin,
        at=entry.at,
        user=entry.user_name,
        action=entry.action,
        entity=entry.entity,
        entity_uid=entry.entity_uid,
        case_number=entry.case_number,
        reason=entry.reason,
        before=_json(entry.before),
        after=_json(entry.after),
    )


def decision_record(d: Decision) -> DecisionRecord:
    methods = tuple(d.methods or ())
    return DecisionRecord(
        uid=d.uid,
        kind=d.kind,
        state=d.state,
        reason=d.reason,
        proposed_by=d.proposed_by,
        proposed_at=d.proposed_at,
        methods=methods,
        primary=any(m in PRIMARY_METHODS for m in methods),
        surname=d.surname,
        given_names=d.given_names,
        birth_date=d.birth_date,
        service_number=d.service_number,
        basis_document=d.basis_document_id,
        decided_by=d.decided_by,
        decided_at=d.decided_at,
        decision_reason=d.decision_reason,
    )


def current_decision(decisions: list[DecisionRecord]) -> DecisionRecord | None:
    """The confirmed decision, else the latest proposal still standing."""
    standing = [d for d in decisions if d.state != DecisionState.WITHDRAWN.value]
    confirmed = [d for d in standing if d.state == DecisionState.CONFIRMED.value]
    if confirmed:
        return confirmed[-1]
    return standing[-1] if standing else None


def document_record(d: Document, photos: tuple[str, ...] = ()) -> DocumentRecord:
    return DocumentRecord(
        id=d.id,
        uid=d.uid,
        kind=d.kind,
        country=d.country,
        number=d.number,
        surname=d.surname,
        given_names=d.given_names,
        birth_date=d.birth_date,
        birth_place=d.birth_place,
        sex=d.sex,
        expiry_date=d.expiry_date,
        personal_number=d.personal_number,
        mrz=tuple(d.mrz.splitlines()) if d.mrz else (),
        mrz_format=d.mrz_format,
        mrz_valid=d.mrz_valid,
        mrz_failures=tuple(d.mrz_failures or ()),
        warnings=tuple(d.warnings or ()),
        found_at=d.found_at,
        bag=d.bag,
        notes=d.notes,
        photos=photos,
    )


def effect_record(e: Effect, photos: tuple[str, ...] = ()) -> EffectRecord:
    return EffectRecord(
        id=e.id,
        uid=e.uid,
        kind=e.kind,
        description=e.description,
        found_at=e.found_at,
        bag=e.bag,
        photos=photos,
    )


def _taken_at(file: PhotoFile) -> dt.datetime | None:
    """A camera's clock without a zone comes back naive: shown as read, never converted."""
    if file.taken_at is None or not file.taken_at_local:
        return file.taken_at
    return file.taken_at.replace(tzinfo=None)


def sample_record(s: Sample, case_number: str) -> SampleRecord:
    return SampleRecord(
        s.number,
        s.kind,
        s.taken_by,
        s.taken_at,
        s.lab,
        s.result,
        s.result_at,
        s.result_by,
        case_number,
    )


def photo_record(link: CasePhoto, file: PhotoFile) -> PhotoRecord:
    gps = (
        (file.gps_lat, file.gps_lon)
        if file.gps_lat is not None and file.gps_lon is not None
        else None
    )
    return PhotoRecord(
        sha256=file.sha256,
        kind=link.kind,
        caption=link.caption,
        imported_at=file.imported_at,
        imported_by=file.imported_by,
        original_name=file.original_name,
        taken_at=_taken_at(file),
        width=file.width,
        height=file.height,
        media_type=file.media_type,
        size=file.size,
        document=link.document_id,
        effect=link.effect_id,
        gps=gps,
    )


def checklist_entries(checklist: dict[str, Any] | None) -> tuple[ChecklistEntry, ...]:
    merged = {**empty_checklist(), **(checklist or {})}
    return tuple(
        ChecklistEntry(
            item.value, str(merged[item.value]["state"]), merged[item.value].get("reason")
        )
        for item in ChecklistItem
    )


def _declared(session: Session, case: Case) -> DeclaredRecord | None:
    row = session.scalars(
        select(DeclaredIdentity).where(DeclaredIdentity.case_id == case.id)
    ).first()
    if row is None:
        return None
    source = session.get(ManifestImport, row.manifest_id) if row.manifest_id else None
    return DeclaredRecord(
        surname=row.surname,
        given_names=row.given_names,
        birth_date=row.birth_date,
        unit=row.unit,
        service_number=row.service_number,
        notes=row.notes,
        row=row.row_number,
        source_file=source.file_name if source else None,
    )


def _photos(session: Session, case: Case) -> tuple[PhotoRecord, ...]:
    rows = session.execute(
        select(CasePhoto, PhotoFile)
        .join(PhotoFile, PhotoFile.id == CasePhoto.photo_id)
        .where(CasePhoto.case_id == case.id)
        .order_by(CasePhoto.id)
    ).all()
    return tuple(photo_record(link, file) for link, file in rows)


def _links(session: Session, case: Case) -> tuple[CaseLinkRecord, ...]:
    links = session.scalars(
        select(CaseLink).where(or_(CaseLink.case_id == case.id, CaseLink.other_case_id == case.id))
    ).all()
    records = []
    for link in links:
        other_id = link.other_case_id if link.case_id == case.id else link.case_id
        other = session.get_one(Case, other_id)
        records.append(CaseLinkRecord(link.kind, other.case_number, link.reason))
    return tuple(records)


def history_of(session: Session, case_number: str) -> tuple[AuditRecord, ...]:
    entries = session.scalars(
        select(AuditEntry).where(AuditEntry.case_number == case_number).order_by(AuditEntry.id)
    ).all()
    return tuple(audit_record(e) for e in entries)


def _by_case(session: Session, model: Any, case: Case, order: Any) -> list[Any]:
    return list(session.scalars(select(model).where(model.case_id == case.id).order_by(order)))


def case_record(session: Session, case: Case, *, with_history: bool = True) -> CaseRecord:
    photos = _photos(session, case)
    by_document: dict[int, list[str]] = {}
    by_effect: dict[int, list[str]] = {}
    for photo in photos:
        if photo.document is not None:
            by_document.setdefault(photo.document, []).append(photo.sha256)
        if photo.effect is not None:
            by_effect.setdefault(photo.effect, []).append(photo.sha256)
    decisions = [decision_record(d) for d in _by_case(session, Decision, case, Decision.id)]
    parent = session.get(Case, case.parent_id) if case.parent_id else None
    parts = session.scalars(
        select(Case.case_number).where(Case.parent_id == case.id).order_by(Case.id)
    ).all()
    return CaseRecord(
        uid=case.uid,
        case_number=case.case_number,
        exchange=session.get_one(Exchange, case.exchange_id).code,
        status=case.status,
        nationality=case.nationality,
        created_at=case.created_at,
        created_by=case.created_by,
        tag=case.tag,
        condition=case.condition,
        location=case.location,
        sex=case.sex,
        age_min=case.age_min,
        age_max=case.age_max,
        stature_cm=case.stature_cm,
        clothing=case.clothing,
        nationality_basis=case.nationality_basis,
        notes=case.notes,
        burial_cemetery=case.burial_cemetery,
        burial_plot=case.burial_plot,
        arrived_at=case.arrived_at,
        parent=parent.case_number if parent else None,
        parts=tuple(parts),
        links=_links(session, case),
        locked=any(d.state == DecisionState.CONFIRMED.value for d in decisions),
        declared=_declared(session, case),
        checklist=checklist_entries(case.checklist),
        marks=tuple(
            MarkRecord(m.uid, m.kind, m.description, m.body_location, m.serial_number)
            for m in _by_case(session, Mark, case, Mark.id)
        ),
        samples=tuple(
            sample_record(s, case.case_number) for s in _by_case(session, Sample, case, Sample.id)
        ),
        custody=tuple(
            CustodyRecord(c.moved_at, c.moved_by, c.to_location, c.from_location, c.reason)
            for c in _by_case(session, CustodyEntry, case, CustodyEntry.id)
        ),
        identification=current_decision(decisions),
        decisions=tuple(decisions),
        documents=tuple(
            document_record(d, tuple(by_document.get(d.id, ())))
            for d in _by_case(session, Document, case, Document.id)
        ),
        effects=tuple(
            effect_record(e, tuple(by_effect.get(e.id, ())))
            for e in _by_case(session, Effect, case, Effect.id)
        ),
        photos=photos,
        completeness_score=case.completeness_score,
        missing=tuple(case.completeness_missing or ()),
        history=history_of(session, case.case_number) if with_history else (),
    )
