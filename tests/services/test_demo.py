"""The demo scenario: a whole exchange built through the services, clean under ``check``."""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest

from forensiclog.domain.errors import InvalidInput
from forensiclog.domain.statuses import Status
from forensiclog.services import demo
from forensiclog.services.build import Services, sign_in
from forensiclog.services.case_list import CaseFilter
from forensiclog.services.demo import DemoResult, build_demo, load_seeds, path_to
from forensiclog.services.workspace import open_workspace

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> DemoResult:
    return build_demo(tmp_path_factory.mktemp("demo") / "Демо воркспейс")


@pytest.fixture(scope="module")
def coordinator(built: DemoResult) -> Iterator[Services]:
    user = next(u for u in built.users if u.role == "coordinator")
    workspace = open_workspace(built.workspace)
    yield sign_in(workspace, user.name, user.password)
    workspace.close()


def test_every_role_signs_in_with_the_password_given(built: DemoResult) -> None:
    assert {u.role for u in built.users} == {"admin", "coordinator", "examiner", "auditor"}
    workspace = open_workspace(built.workspace)
    try:
        for user in built.users:
            assert sign_in(workspace, user.name, user.password).ctx.actor is not None
    finally:
        workspace.close()


def test_the_demo_checks_clean(coordinator: Services) -> None:
    report = coordinator.integrity.check()
    assert report.ok, [str(p) for p in report.problems]
    assert report.photos >= 100 and report.entries > 1000
    assert coordinator.audit.verify().valid


def test_statuses_spread_across_the_whole_workflow(
    built: DemoResult, coordinator: Services
) -> None:
    scenario, _ = load_seeds()
    (code,) = built.exchanges
    summary = coordinator.exchanges.show(code)
    assert summary.exchange.declared == 6000
    assert all(n > 0 for n in summary.by_status.values()), summary.by_status
    for status, n in scenario["counts"].items():
        assert summary.by_status[status] == n
    assert summary.foreign == 21 and summary.arrived < summary.registered


def test_foreign_nationals_carry_valid_passports_and_one_internal_passport(
    coordinator: Services,
) -> None:
    rows = coordinator.case_list.page(CaseFilter(nationality="foreign"))
    documents = [d for r in rows for d in coordinator.documents.for_case(r.case_number)]
    passports = [d for d in documents if d.kind == "passport"]
    assert len(passports) == 20
    assert all(d.mrz_valid and d.country == "RUS" and d.mrz_format == "TD3" for d in passports)
    (internal,) = [d for d in documents if d.kind == "internal_passport"]
    assert internal.mrz == () and internal.country == "RUS"
    assert internal.surname is not None and internal.surname.isalpha()
    assert internal.birth_place == "Московская обл., г. Подольск"
    assert any(w.startswith("birth date: typed") for d in passports for w in d.warnings)
    for row in rows:
        record = coordinator.cases.show(row.case_number, with_history=False)
        assert record.nationality_basis and record.status in ("foreign_national", "returned")
        assert record.identification is not None
        assert record.identification.kind == "exclusion"


def test_identified_cases_are_confirmed_and_locked(coordinator: Services) -> None:
    for status in ("identified", "released"):
        for row in coordinator.case_list.page(CaseFilter(status=status)):
            record = coordinator.cases.show(row.case_number, with_history=False)
            assert record.locked and record.identification is not None
            assert record.identification.state == "confirmed"
            assert any(s.result for s in record.samples)


def test_photos_of_every_kind_are_stored_as_originals(coordinator: Services) -> None:
    kinds: Counter[str] = Counter()
    rows = coordinator.case_list.page(CaseFilter())
    for row in rows:
        for photo in coordinator.photos.for_case(row.case_number):
            kinds[photo.kind] += 1
    assert {"overview", "face", "document", "effect"} <= set(kinds)
    some = next(p for r in rows for p in coordinator.photos.for_case(r.case_number))
    original = coordinator.photos.original_path(some.sha256).read_bytes()
    assert hashlib.sha256(original).hexdigest() == some.sha256


def test_the_demo_is_found_by_the_search_in_both_scripts(coordinator: Services) -> None:
    for text in ("Іваненко", "Ivanenko", "Гнатюк", "Hnatiuk", "IVANOV"):
        assert coordinator.search.search(text), text


def test_an_existing_folder_is_refused(built: DemoResult) -> None:
    with pytest.raises(InvalidInput, match="already exists and is not empty"):
        build_demo(built.workspace)


def test_a_failure_leaves_nothing_behind(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(self: object) -> None:
        raise RuntimeError("power cut")

    monkeypatch.setattr(demo._Builder, "run", broken)
    with pytest.raises(RuntimeError):
        build_demo(tmp_path / "demo")
    assert list(tmp_path.iterdir()) == []


def test_each_end_status_is_reached_by_allowed_moves() -> None:
    assert path_to(Status.RETURNED) == (
        Status.EXAMINED,
        Status.FOREIGN_NATIONAL,
        Status.RETURNED,
    )
    assert path_to(Status.RECEIVED) == ()
    assert path_to(Status.BURIED_UNIDENTIFIED)[-2:] == (
        Status.UNIDENTIFIED,
        Status.BURIED_UNIDENTIFIED,
    )
