"""Finding a case by its number, issuing new numbers, and guarding locked cases."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from forensiclog.db.models import Case, WorkspaceRow
from forensiclog.domain.case_number import CaseNumber, parse_case_number
from forensiclog.domain.errors import CaseLocked, InvalidInput, NotFound
from forensiclog.domain.roles import Action
from forensiclog.services.case_state import is_locked
from forensiclog.services.context import ServiceContext


def load_case(session: Session, number: str) -> Case:
    key = str(parse_case_number(number))
    case = session.scalars(select(Case).where(Case.case_number == key)).first()
    if case is None:
        raise NotFound("case", number)
    return case


def issue_numbers(session: Session, count: int) -> list[str]:
    """``count`` new case numbers; the workspace counter only grows, so none is ever reused."""
    row = session.scalars(select(WorkspaceRow)).one()
    first = row.next_case_seq
    row.next_case_seq = first + count
    return [str(CaseNumber(row.site, row.team, seq)) for seq in range(first, first + count)]


def edit_action(
    ctx: ServiceContext, session: Session, case: Case, action: str, reason: str | None
) -> str:
    """The history action for an edit of ``case``: a locked case only takes a coordinator's
    correction with a reason."""
    if not is_locked(session, case.id):
        return action
    if not ctx.may(Action.CORRECT):
        raise CaseLocked(case.case_number)
    if not reason:
        raise InvalidInput(
            "reason", f"case {case.case_number} is locked: a correction needs a reason"
        )
    return f"{action}.correction"
