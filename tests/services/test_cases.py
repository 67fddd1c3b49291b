"""Registering bodies and parts, findings, custody, samples, the checklist, and the lock."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from forensiclog.domain.errors import CaseLocked, InvalidInput, NotFound, PermissionDenied
from tests.conftest import Team


def test_registering_a_body_gives_the_next_number(team: Team, exchange: str) -> None:
    first = team.examiner.cases.register(
        exchange, tag="X-1", condition="burnt", location="Холодильник 1", sex="m"
    )
    second = team.examiner.cases.register(exchange)
    assert (first.case_number, second.case_number) == ("KYV-T1-00001", "KYV-T1-00002")
    record = team.examiner.cases.show(first.case_number)
    assert (record.condition, record.sex, record.location, record.status) == (
        "burnt",
        "M",
        "Холодильник 1",
        "received",
    )
    assert record.arrived_at is not None and record.custody[0].to_location == "Холодильник 1"


def test_a_tag_from_the_handover_list_checks_that_case_in(
    team: Team, exchange: str, write_csv: Callable[..., Path]
) -> None:
    team.coordinator.manifest.import_file(
        exchange, write_csv([["UA-1", "Гнатюк", "Іван", ""], ["UA-2", "", "", ""]])
    )
    result = team.examiner.cases.register(exchange, tag="UA-2", condition="complete")
    assert result.case_number == "KYV-T1-00002" and result.checked_in
    with pytest.raises(InvalidInput, match="already on case KYV-T1-00002"):
        team.examiner.cases.register(exchange, tag="UA-2")
    duplicate = team.examiner.cases.register(exchange, tag="UA-2", allow_duplicate_tag=True)
    assert duplicate.case_number == "KYV-T1-00003" and not duplicate.checked_in
    summary = team.auditor.exchanges.show(exchange)
    assert (summary.registered, summary.arrived) == (3, 2)


def test_numbers_are_never_reused_even_after_a_refused_registration(
    team: Team, exchange: str
) -> None:
    team.examiner.cases.register(exchange)
    with pytest.raises(InvalidInput):
        team.examiner.cases.register(exchange, condition="wet")
    assert team.examiner.cases.register(exchange).case_number == "KYV-T1-00002"


def test_body_parts_are_numbered_from_their_case(team: Team, exchange: str) -> None:
    case = team.examiner.cases.register(exchange).case_number
    parts = [team.examiner.cases.add_part(case, condition="fragmented") for _ in range(2)]
    assert parts == [f"{case}-P01", f"{case}-P02"]
    record = team.examiner.cases.show(case)
    assert record.parts == tuple(parts)
    assert team.examiner.cases.show(parts[0]).parent == case
    with pytest.raises(InvalidInput, match="itself a body part"):
        team.examiner.cases.add_part(parts[0])
    assert team.auditor.exchanges.show(exchange).registered == 1


def test_findings_are_edited_and_validated(team: Team, exchange: str) -> None:
    case = team.examiner.cases.register(exchange).case_number
    team.examiner.cases.edit(
        case, {"age_min": "25", "age_max": "35", "stature_cm": "178", "clothing": "піксель"}
    )
    record = team.examiner.cases.show(case)
    assert (record.age_min, record.age_max, record.stature_cm) == (25, 35, 178)
    with pytest.raises(InvalidInput, match="age-min"):
        team.examiner.cases.edit(case, {"age_min": "40"})
    with pytest.raises(InvalidInput, match="basis"):
        team.examiner.cases.edit(case, {"nationality": "foreign"})
    with pytest.raises(InvalidInput, match="nothing to change"):
        team.examiner.cases.edit(case, {"age_min": "25"})
    assert team.examiner.cases.show(case).age_min == 25
    history = [e for e in team.auditor.audit.log(case=case) if e.action == "case.edit"]
    assert history[-1].before == {
        "age_max": None,
        "age_min": None,
        "clothing": None,
        "stature_cm": None,
    }


def test_custody_moves_are_logged(team: Team, exchange: str) -> None:
    case = team.examiner.cases.register(exchange, location="Холодильник 1").case_number
    team.examiner.examination.move(case, to="Холодильник 2, полиця 3", reason="перерозподіл")
    custody = team.examiner.cases.show(case).custody
    assert [(c.from_location, c.to_location, c.by) for c in custody] == [
        (None, "Холодильник 1", "petro"),
        ("Холодильник 1", "Холодильник 2, полиця 3", "petro"),
    ]
    with pytest.raises(InvalidInput, match="already at"):
        team.examiner.examination.move(case, to="Холодильник 2, полиця 3", reason="x")


def test_samples_and_results(team: Team, exchange: str) -> None:
    case = team.examiner.cases.register(exchange).case_number
    team.examiner.examination.add_sample(
        case, kind="tooth", sample_number="DNA-1", lab="Лабораторія 1"
    )
    with pytest.raises(InvalidInput):
        team.examiner.examination.add_sample(case, kind="hair", sample_number="DNA-2")
    team.examiner.examination.record_result("DNA-1", result="profile obtained")
    sample = team.examiner.cases.show(case).samples[0]
    assert (sample.kind, sample.result, sample.result_by) == ("tooth", "profile obtained", "petro")
    with pytest.raises(NotFound):
        team.examiner.examination.record_result("DNA-9", result="x")


def test_checklist_needs_a_reason_for_not_possible(team: Team, exchange: str) -> None:
    case = team.examiner.cases.register(exchange).case_number
    with pytest.raises(InvalidInput, match="reason"):
        team.examiner.examination.set_checklist(case, "fingerprints", "not_possible")
    entries = team.examiner.examination.set_checklist(
        case, "fingerprints", "not_possible", reason="burnt hands"
    )
    assert {e.item: (e.state, e.reason) for e in entries}["fingerprints"] == (
        "not_possible",
        "burnt hands",
    )


def test_a_confirmed_identification_locks_the_case(team: Team, exchange: str) -> None:
    case = team.examiner.cases.register(exchange).case_number
    team.examiner.decisions.propose_identification(
        case,
        surname="Шевченко",
        given_names="Тарас",
        methods=["dna", "documents"],
        reason="DNA match",
    )
    with pytest.raises(PermissionDenied):
        team.examiner.decisions.confirm(case, reason="ok")
    team.coordinator.decisions.confirm(case, reason="reviewed the DNA report")
    record = team.examiner.cases.show(case)
    assert (
        record.locked
        and record.identification is not None
        and record.identification.state == "confirmed"
    )
    with pytest.raises(CaseLocked):
        team.examiner.cases.edit(case, {"notes": "late note"})
    with pytest.raises(InvalidInput, match="reason"):
        team.coordinator.cases.edit(case, {"notes": "late note"})
    team.coordinator.cases.edit(case, {"notes": "late note"}, reason="typo in the field sheet")
    actions = [e.action for e in team.auditor.audit.log(case=case)]
    assert "case.edit.correction" in actions and "identification.confirm" in actions


def test_a_new_proposal_withdraws_the_standing_one(team: Team, exchange: str) -> None:
    case = team.examiner.cases.register(exchange).case_number
    team.examiner.decisions.propose_identification(
        case, surname="A", given_names="B", methods=["visual"], reason="r"
    )
    team.examiner.decisions.propose_identification(
        case, surname="C", given_names="D", methods=["dental"], reason="r2"
    )
    decisions = team.examiner.cases.show(case).decisions
    assert [d.state for d in decisions] == ["withdrawn", "proposed"]
    assert decisions[0].presumptive and not decisions[1].presumptive


def test_an_exclusion_needs_the_foreign_assessment_first(team: Team, exchange: str) -> None:
    case = team.examiner.cases.register(exchange).case_number
    with pytest.raises(InvalidInput, match="foreign"):
        team.examiner.decisions.propose_exclusion(case, basis="RUS passport")
    team.examiner.cases.edit(
        case, {"nationality": "foreign", "nationality_basis": "RUS internal passport"}
    )
    team.examiner.decisions.propose_exclusion(case, basis="RUS internal passport 45 07 123456")
    team.coordinator.decisions.confirm(case, reason="passport checked")
    assert team.examiner.cases.show(case).identification.kind == "exclusion"  # type: ignore[union-attr]


def test_suspected_duplicates_are_linked_both_ways(team: Team, exchange: str) -> None:
    a = team.examiner.cases.register(exchange).case_number
    b = team.examiner.cases.register(exchange).case_number
    team.examiner.cases.link_duplicate(a, b, reason="same tattoo")
    assert team.examiner.cases.show(b).links[0].other_case == a


@pytest.mark.parametrize("broken", ["\ud800", "Іваненко\udcff", "\udfffnote"])
def test_a_lone_surrogate_is_refused_naming_the_field(
    team: Team, exchange: str, broken: str
) -> None:
    # Found by the text-everywhere figure: it reached SQLite and failed as UnicodeEncodeError.
    number = team.examiner.cases.register(exchange, tag="T-1").case_number
    with pytest.raises(InvalidInput, match="lone surrogate") as refused:
        team.examiner.cases.edit(number, {"notes": broken})
    assert refused.value.field == "notes"
    with pytest.raises(InvalidInput, match="tag: contains a broken character"):
        team.examiner.cases.register(exchange, tag=broken)
    assert team.examiner.cases.show(number).notes is None


def test_a_lone_surrogate_in_an_exchange_code_or_a_sample_number_is_refused(
    team: Team, exchange: str
) -> None:
    # Found while widening the text-everywhere figure: lookups by a typed code reached SQLite.
    with pytest.raises(InvalidInput, match="exchange: contains a broken character"):
        team.examiner.cases.register("R2\udcff", tag="T-1")
    with pytest.raises(InvalidInput, match="exchange: contains a broken character"):
        team.auditor.exchanges.show("R2\udcff")
    with pytest.raises(InvalidInput, match="number: contains a broken character"):
        team.examiner.examination.record_result("DNA\udcff", result="match")
    assert team.auditor.exchanges.show(f" {exchange} ").exchange.code == exchange
