"""The case workflow: statuses, the moves allowed between them, and what a move requires."""

from __future__ import annotations

from enum import StrEnum

from forensiclog.domain.errors import InvalidInput, WorkflowRefused


class Status(StrEnum):
    RECEIVED = "received"
    EXAMINED = "examined"
    SAMPLED = "sampled"
    AWAITING_RESULTS = "awaiting_results"
    IDENTIFIED = "identified"
    FOREIGN_NATIONAL = "foreign_national"
    UNIDENTIFIED = "unidentified"
    RELEASED = "released"
    RETURNED = "returned"
    BURIED_UNIDENTIFIED = "buried_unidentified"


S = Status
# received → examined → sampled → awaiting results → identified | unidentified;
# foreign national from examined, sampled or awaiting results; identified → released;
# foreign national → returned; unidentified → buried unidentified, or back to awaiting
# results when new results come. Anything else is a coordinator's correction.
MOVES: dict[Status, tuple[Status, ...]] = {
    S.RECEIVED: (S.EXAMINED,),
    S.EXAMINED: (S.SAMPLED, S.FOREIGN_NATIONAL),
    S.SAMPLED: (S.AWAITING_RESULTS, S.FOREIGN_NATIONAL),
    S.AWAITING_RESULTS: (S.IDENTIFIED, S.UNIDENTIFIED, S.FOREIGN_NATIONAL),
    S.IDENTIFIED: (S.RELEASED,),
    S.FOREIGN_NATIONAL: (S.RETURNED,),
    S.UNIDENTIFIED: (S.BURIED_UNIDENTIFIED, S.AWAITING_RESULTS),
    S.RELEASED: (),
    S.RETURNED: (),
    S.BURIED_UNIDENTIFIED: (),
}

# Statuses counted as "examined or further" in exchange progress.
UNEXAMINED = frozenset({S.RECEIVED})


def parse_status(text: str) -> Status:
    """The status named by ``text`` (its code), or a refusal listing the valid codes."""
    try:
        return Status(text.strip().lower())
    except ValueError:
        valid = ", ".join(s.value for s in Status)
        raise InvalidInput("status", f"{text!r} is not a status; use one of {valid}") from None


def allowed_moves(current: Status) -> tuple[Status, ...]:
    return MOVES[current]


class MoveFacts:
    """What the case holds that a move may require."""

    __slots__ = ("burial_recorded", "confirmed_identification", "foreign_with_basis")

    def __init__(
        self,
        *,
        foreign_with_basis: bool = False,
        confirmed_identification: bool = False,
        burial_recorded: bool = False,
    ) -> None:
        self.foreign_with_basis = foreign_with_basis
        self.confirmed_identification = confirmed_identification
        self.burial_recorded = burial_recorded


def _unmet_requirement(target: Status, facts: MoveFacts) -> str | None:
    if target is S.FOREIGN_NATIONAL and not facts.foreign_with_basis:
        return "foreign national needs the nationality assessment 'foreign' with its basis"
    if target is S.IDENTIFIED and not facts.confirmed_identification:
        return "identified needs an identification confirmed by a coordinator"
    if target is S.BURIED_UNIDENTIFIED and not facts.burial_recorded:
        return "buried unidentified needs the cemetery and plot reference"
    return None


def check_move(case: str, current: Status, target: Status, facts: MoveFacts) -> None:
    """Refuse a move the workflow does not allow, naming the allowed next statuses."""
    allowed = [s.value for s in MOVES[current]]
    if target is current:
        raise WorkflowRefused(case, current, target, allowed, f"the case is already {current}")
    if target not in MOVES[current]:
        raise WorkflowRefused(case, current, target, allowed)
    unmet = _unmet_requirement(target, facts)
    if unmet:
        raise WorkflowRefused(case, current, target, allowed, unmet)


def check_correction(case: str, current: Status, target: Status, facts: MoveFacts) -> None:
    """A coordinator's correction may go anywhere, but not into a status whose facts are absent."""
    if target is current:
        raise WorkflowRefused(case, current, target, [], f"the case is already {current}")
    unmet = _unmet_requirement(target, facts)
    if unmet:
        raise WorkflowRefused(case, current, target, [s.value for s in MOVES[current]], unmet)
