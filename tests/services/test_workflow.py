"""The workflow through the services: every move with who, when and why; corrections."""

from __future__ import annotations

import pytest

from forensiclog.domain.errors import InvalidInput, PermissionDenied, WorkflowRefused
from tests.conftest import Team


def test_a_body_from_received_to_released(team: Team, exchange: str) -> None:
    case = team.examiner.cases.register(exchange).case_number
    for status in ("examined", "sampled", "awaiting_results"):
        team.examiner.workflow.move(case, status, reason=f"to {status}")
    with pytest.raises(WorkflowRefused, match="confirmed"):
        team.examiner.workflow.move(case, "identified", reason="DNA")
    assert [s.value for s in team.examiner.workflow.allowed(case)] == ["unidentified"]
    team.examiner.decisions.propose_identification(
        case, surname="A", given_names="B", methods=["dna"], reason="r"
    )
    team.coordinator.decisions.confirm(case, reason="r")
    team.examiner.workflow.move(case, "identified", reason="DNA confirmed")
    team.examiner.workflow.move(case, "released", reason="to the family")
    moves = [
        (e.before, e.after, e.user, e.reason)
        for e in team.auditor.audit.log(case=case)
        if e.action == "case.status"
    ]
    assert moves[-1] == ({"status": "identified"}, {"status": "released"}, "petro", "to the family")
    assert len(moves) == 5


def test_a_foreign_passport_at_the_first_exam(team: Team, exchange: str) -> None:
    case = team.examiner.cases.register(exchange).case_number
    team.examiner.workflow.move(case, "examined", reason="external exam")
    assert "foreign_national" not in [s.value for s in team.examiner.workflow.allowed(case)]
    team.examiner.cases.edit(
        case, {"nationality": "foreign", "nationality_basis": "RUS passport 72 1234567"}
    )
    team.examiner.workflow.move(case, "foreign_national", reason="passport of the other side")
    team.examiner.workflow.move(case, "returned", reason="handed back in round 3")
    summary = team.auditor.exchanges.show(exchange)
    assert summary.foreign == 1 and summary.by_status["returned"] == 1


def test_refusals_name_the_allowed_moves_and_change_nothing(team: Team, exchange: str) -> None:
    case = team.examiner.cases.register(exchange).case_number
    with pytest.raises(WorkflowRefused) as refused:
        team.examiner.workflow.move(case, "released", reason="x")
    assert refused.value.allowed == ("examined",)
    assert "allowed next: examined" in str(refused.value)
    with pytest.raises(InvalidInput, match="reason"):
        team.examiner.workflow.move(case, "examined", reason="  ")
    assert team.examiner.cases.show(case).status == "received"


def test_burial_needs_the_plot(team: Team, exchange: str) -> None:
    case = team.examiner.cases.register(exchange).case_number
    for status in ("examined", "sampled", "awaiting_results", "unidentified"):
        team.examiner.workflow.move(case, status, reason="r")
    with pytest.raises(WorkflowRefused, match="plot"):
        team.examiner.workflow.move(case, "buried_unidentified", reason="r")
    team.examiner.cases.edit(
        case, {"burial_cemetery": "Кладовище №1", "burial_plot": "ділянка 12, ряд 3, №45"}
    )
    team.examiner.workflow.move(case, "buried_unidentified", reason="burial")


def test_corrections_are_a_coordinators_with_a_reason(team: Team, exchange: str) -> None:
    case = team.examiner.cases.register(exchange).case_number
    team.examiner.workflow.move(case, "examined", reason="r")
    with pytest.raises(PermissionDenied):
        team.examiner.workflow.move(case, "received", reason="mistake", correction=True)
    team.coordinator.workflow.move(case, "received", reason="moved by mistake", correction=True)
    entry = team.auditor.audit.log(case=case)[-1]
    assert (entry.action, entry.user, entry.reason) == (
        "case.status.correction",
        "olena",
        "moved by mistake",
    )
