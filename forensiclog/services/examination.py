"""The examination checklist, DNA samples and their results, and the custody log."""

from __future__ import annotations

from sqlalchemy import select

from forensiclog.db.models import Case, Sample
from forensiclog.domain.errors import AlreadyExists, InvalidInput, NotFound
from forensiclog.domain.records import ChecklistEntry, SampleRecord
from forensiclog.domain.roles import Action
from forensiclog.domain.text import clean_text, required_text, short_text
from forensiclog.domain.vocabulary import (
    ChecklistItem,
    ChecklistState,
    SampleKind,
    empty_checklist,
    parse_code,
)
from forensiclog.services import case_state, search_index
from forensiclog.services.case_lookup import edit_action, load_case
from forensiclog.services.case_records import checklist_entries, sample_record
from forensiclog.services.cases import move_to
from forensiclog.services.context import ServiceContext
from forensiclog.services.history import snapshot


class ExaminationService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def set_checklist(
        self, number: str, item: str, state: str, *, reason: str | None = None
    ) -> tuple[ChecklistEntry, ...]:
        """Set one examination's state; "not possible" needs the reason why."""
        what = parse_code(ChecklistItem, item, "item")
        new_state = parse_code(ChecklistState, state, "state")
        why = clean_text(reason, "reason")
        if new_state is ChecklistState.NOT_POSSIBLE and not why:
            raise InvalidInput("reason", f"{what.value}: 'not possible' needs the reason why")
        with self.ctx.writing(Action.EDIT_CASE) as tx:
            case = load_case(tx.session, number)
            action = edit_action(self.ctx, tx.session, case, "checklist.set", why)
            before = snapshot(case)
            checklist = {**empty_checklist(), **(case.checklist or {})}
            checklist[what.value] = {"state": new_state.value, "reason": why}
            case.checklist = checklist
            if not tx.record(action, case, before=before, case_number=case.case_number, reason=why):
                raise InvalidInput("state", f"{what.value} is already {new_state.value}")
            case_state.refresh(tx.session, case)
            return checklist_entries(case.checklist)

    def move(self, number: str, *, to: str, reason: str) -> str:
        """Log a move of the body (refrigerator, shelf, box): who, when, why."""
        where = short_text(to, "to")
        if where is None:
            raise InvalidInput("to", "name the new location")
        why = required_text(reason, "reason")
        with self.ctx.writing(Action.EDIT_CASE) as tx:
            case = load_case(tx.session, number)
            if case.location == where:
                raise InvalidInput("to", f"case {case.case_number} is already at {where!r}")
            move_to(tx, case, where, why)
            case_state.refresh(tx.session, case)
            return where

    def add_sample(
        self,
        number: str,
        *,
        kind: str,
        sample_number: str,
        lab: str | None = None,
        reason: str | None = None,
    ) -> SampleRecord:
        sample_kind = parse_code(SampleKind, kind, "kind")
        code = short_text(sample_number, "number")
        if code is None:
            raise InvalidInput("number", "a sample needs its number")
        with self.ctx.writing(Action.ADD_EVIDENCE) as tx:
            case = load_case(tx.session, number)
            why = clean_text(reason, "reason")
            action = edit_action(self.ctx, tx.session, case, "sample.add", why)
            if tx.session.scalar(select(Sample.id).where(Sample.number == code)) is not None:
                raise AlreadyExists("sample", code)
            sample = Sample(
                case_id=case.id,
                number=code,
                kind=sample_kind.value,
                lab=short_text(lab, "lab"),
                taken_at=tx.now,
                taken_by=tx.user,
            )
            tx.session.add(sample)
            tx.record(action, sample, case_number=case.case_number, reason=why)
            case_state.refresh(tx.session, case)
            search_index.reindex_case(tx.session, case)
            return sample_record(sample, case.case_number)

    def record_result(
        self, sample_number: str, *, result: str, lab: str | None = None
    ) -> SampleRecord:
        """A laboratory's result for a sample; results arrive after the case may be locked."""
        text = required_text(result, "result")
        number = short_text(sample_number, "number")
        if number is None:
            raise InvalidInput("number", "name the sample whose result this is")
        with self.ctx.writing(Action.ADD_EVIDENCE) as tx:
            sample = tx.session.scalars(select(Sample).where(Sample.number == number)).first()
            if sample is None:
                raise NotFound("sample", number)
            before = snapshot(sample)
            sample.result, sample.result_at, sample.result_by = text, tx.now, tx.user
            if lab:
                sample.lab = short_text(lab, "lab")
            case = tx.session.get_one(Case, sample.case_id)
            tx.record("sample.result", sample, before=before, case_number=case.case_number)
            case_state.refresh(tx.session, case)
            return sample_record(sample, case.case_number)
