"""What is derived from a case's records: its lock, its completeness and its score."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import exists, func, select
from sqlalchemy.orm import Session

from forensiclog.db.models import (
    Case,
    CasePhoto,
    Decision,
    DeclaredIdentity,
    Document,
    Effect,
    Mark,
    Sample,
)
from forensiclog.domain.completeness import CaseFacts, Completeness, assess
from forensiclog.domain.vocabulary import (
    ChecklistItem,
    ChecklistState,
    DecisionState,
    DocumentKind,
    Nationality,
    PhotoKind,
)

_SETTLED = {ChecklistState.DONE.value, ChecklistState.NOT_POSSIBLE.value}
IDENTITY_DOCUMENTS = frozenset(k.value for k in DocumentKind if k is not DocumentKind.OTHER)


def is_locked(session: Session, case_id: int) -> bool:
    """A case with a confirmed identification or exclusion is locked against edits."""
    return bool(
        session.scalar(
            select(
                exists().where(
                    Decision.case_id == case_id, Decision.state == DecisionState.CONFIRMED.value
                )
            )
        )
    )


def _state(checklist: dict[str, Any], item: ChecklistItem) -> str:
    entry = checklist.get(item.value) or {}
    return str(entry.get("state", ChecklistState.NOT_STARTED.value))


def _count(session: Session, model: Any, case_id: int, *where: Any) -> int:
    return int(
        session.scalar(
            select(func.count()).select_from(model).where(model.case_id == case_id, *where)
        )
        or 0
    )


def facts(session: Session, case: Case) -> CaseFacts:
    checklist = case.checklist or {}
    photo_kinds = set(
        session.scalars(select(CasePhoto.kind).where(CasePhoto.case_id == case.id).distinct())
    )
    samples = _count(session, Sample, case.id)
    results = _count(session, Sample, case.id, Sample.result.is_not(None))
    return CaseFacts(
        external_done=_state(checklist, ChecklistItem.EXTERNAL) in _SETTLED,
        effects_settled=_state(checklist, ChecklistItem.EFFECTS) in _SETTLED,
        fingerprints_done=_state(checklist, ChecklistItem.FINGERPRINTS)
        == ChecklistState.DONE.value,
        dental_done=_state(checklist, ChecklistItem.DENTAL) == ChecklistState.DONE.value,
        dna_settled=_state(checklist, ChecklistItem.DNA) in _SETTLED,
        has_overview_photo=PhotoKind.OVERVIEW.value in photo_kinds,
        has_face_photo=PhotoKind.FACE.value in photo_kinds,
        has_dna_sample=samples > 0,
        has_dna_result=results > 0,
        has_identity_document=_count(
            session, Document, case.id, Document.kind.in_(IDENTITY_DOCUMENTS)
        )
        > 0,
        has_marks=_count(session, Mark, case.id) > 0,
        has_effects=_count(session, Effect, case.id) > 0,
        has_declared_identity=_count(
            session, DeclaredIdentity, case.id, DeclaredIdentity.surname.is_not(None)
        )
        > 0,
        has_biological_profile=case.sex is not None and case.age_min is not None,
        nationality_assessed=case.nationality != Nationality.UNDETERMINED.value,
        has_location=case.location is not None,
    )


def refresh(session: Session, case: Case) -> Completeness:
    """Recompute the case's completeness columns from its records."""
    result = assess(facts(session, case))
    case.completeness_score = result.score
    case.completeness_missing = [m.value for m in result.missing]
    return result


def refresh_all(session: Session, cases: Iterable[Case]) -> None:
    for case in cases:
        refresh(session, case)


def initial_completeness(*, declared_name: bool) -> tuple[int, list[str]]:
    """The completeness of a case just created from a handover-list row."""
    result = assess(CaseFacts(has_declared_identity=declared_name))
    return result.score, [m.value for m in result.missing]
