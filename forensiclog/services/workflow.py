"""Moving a case through the workflow: allowed moves, their conditions, corrections."""

from __future__ import annotations

from sqlalchemy import exists, select
from sqlalchemy.orm import Session

from forensiclog.db.models import Case, Decision
from forensiclog.domain.errors import WorkflowRefused
from forensiclog.domain.roles import Action
from forensiclog.domain.statuses import (
    MoveFacts,
    Status,
    allowed_moves,
    check_correction,
    check_move,
    parse_status,
)
from forensiclog.domain.text import required_text
from forensiclog.domain.vocabulary import DecisionKind, DecisionState, Nationality
from forensiclog.services.case_lookup import load_case
from forensiclog.services.context import ServiceContext
from forensiclog.services.history import snapshot


def move_facts(session: Session, case: Case) -> MoveFacts:
    confirmed = session.scalar(
        select(
            exists().where(
                Decision.case_id == case.id,
                Decision.kind == DecisionKind.IDENTIFICATION.value,
                Decision.state == DecisionState.CONFIRMED.value,
            )
        )
    )
    return MoveFacts(
        foreign_with_basis=case.nationality == Nationality.FOREIGN.value
        and bool(case.nationality_basis),
        confirmed_identification=bool(confirmed),
        burial_recorded=bool(case.burial_cemetery and case.burial_plot),
    )


class WorkflowService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def allowed(self, number: str) -> tuple[Status, ...]:
        """The moves that would be accepted now (conditions included), for offering in the GUI."""
        with self.ctx.reading() as session:
            case = load_case(session, number)
            facts = move_facts(session, case)
            current = Status(case.status)
            options = []
            for target in allowed_moves(current):
                try:
                    check_move(case.case_number, current, target, facts)
                except WorkflowRefused:
                    continue
                options.append(target)
            return tuple(options)

    def move(self, number: str, target: str, *, reason: str, correction: bool = False) -> Status:
        """Move the case to ``target``; a correction (coordinator) may leave the usual path."""
        wanted = parse_status(target)
        why = required_text(reason, "reason")
        action = Action.CORRECT if correction else Action.MOVE_STATUS
        with self.ctx.writing(action) as tx:
            case = load_case(tx.session, number)
            current = Status(case.status)
            facts = move_facts(tx.session, case)
            if correction:
                check_correction(case.case_number, current, wanted, facts)
            else:
                check_move(case.case_number, current, wanted, facts)
            before = snapshot(case)
            case.status = wanted.value
            tx.record(
                "case.status.correction" if correction else "case.status",
                case,
                before=before,
                case_number=case.case_number,
                reason=why,
            )
            return wanted
