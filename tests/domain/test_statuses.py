"""The workflow of PRODUCT.md, move by move."""

from __future__ import annotations

import pytest

from forensiclog.domain.errors import InvalidInput, WorkflowRefused
from forensiclog.domain.statuses import (
    MoveFacts,
    Status,
    allowed_moves,
    check_correction,
    check_move,
    parse_status,
)

S = Status
EXPECTED = {
    (S.RECEIVED, S.EXAMINED),
    (S.EXAMINED, S.SAMPLED),
    (S.SAMPLED, S.AWAITING_RESULTS),
    (S.AWAITING_RESULTS, S.IDENTIFIED),
    (S.AWAITING_RESULTS, S.UNIDENTIFIED),
    (S.EXAMINED, S.FOREIGN_NATIONAL),
    (S.SAMPLED, S.FOREIGN_NATIONAL),
    (S.AWAITING_RESULTS, S.FOREIGN_NATIONAL),
    (S.IDENTIFIED, S.RELEASED),
    (S.FOREIGN_NATIONAL, S.RETURNED),
    (S.UNIDENTIFIED, S.BURIED_UNIDENTIFIED),
    (S.UNIDENTIFIED, S.AWAITING_RESULTS),
}
ALL_FACTS = MoveFacts(foreign_with_basis=True, confirmed_identification=True, burial_recorded=True)


def test_exactly_the_moves_of_the_product_specification() -> None:
    found = {(a, b) for a in Status for b in allowed_moves(a)}
    assert found == EXPECTED


@pytest.mark.parametrize("current", list(Status))
@pytest.mark.parametrize("target", list(Status))
def test_every_other_move_is_refused_naming_the_allowed_ones(
    current: Status, target: Status
) -> None:
    if (current, target) in EXPECTED:
        check_move("C", current, target, ALL_FACTS)
        return
    with pytest.raises(WorkflowRefused) as refused:
        check_move("KYV-T1-00001", current, target, ALL_FACTS)
    assert refused.value.allowed == tuple(s.value for s in allowed_moves(current))
    assert "KYV-T1-00001" in str(refused.value)


@pytest.mark.parametrize(
    ("current", "target", "facts", "needs"),
    [
        (S.EXAMINED, S.FOREIGN_NATIONAL, MoveFacts(), "nationality"),
        (S.AWAITING_RESULTS, S.IDENTIFIED, MoveFacts(foreign_with_basis=True), "confirmed"),
        (S.UNIDENTIFIED, S.BURIED_UNIDENTIFIED, MoveFacts(), "plot"),
    ],
)
def test_a_move_needs_its_facts(
    current: Status, target: Status, facts: MoveFacts, needs: str
) -> None:
    with pytest.raises(WorkflowRefused, match=needs):
        check_move("C", current, target, facts)


def test_a_correction_may_leave_the_path_but_not_invent_facts() -> None:
    check_correction("C", S.RELEASED, S.AWAITING_RESULTS, MoveFacts())
    with pytest.raises(WorkflowRefused, match="nationality"):
        check_correction("C", S.RECEIVED, S.FOREIGN_NATIONAL, MoveFacts())
    with pytest.raises(WorkflowRefused, match="already"):
        check_correction("C", S.RECEIVED, S.RECEIVED, ALL_FACTS)


def test_status_names_are_parsed_with_a_clear_refusal() -> None:
    assert parse_status(" Foreign_National ") is S.FOREIGN_NATIONAL
    with pytest.raises(InvalidInput, match="awaiting_results"):
        parse_status("done")
