"""Merging field laptops into the office: cases added, photos de-duplicated, a case changed on
both sides kept as a conflict to resolve, the same file twice changing nothing, and files that
must not be taken refused with nothing written."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image
from sqlalchemy import func, select

from forensiclog.db.models import AUDITED_MODELS, AuditEntry
from forensiclog.domain.casefile_manifest import CaseFileRefused
from forensiclog.domain.errors import InvalidInput, PermissionDenied
from forensiclog.services import casefile_apply, merge
from forensiclog.services.audit import unrecorded_changes
from forensiclog.services.casefile_history import verify_all
from forensiclog.services.merge import MergeResult
from forensiclog.services.photo_store import PhotoStore
from forensiclog.services.workspace import open_workspace
from tests.conftest import Team, create_workspace

EXCHANGE = "R2-0613"


def photo(folder: Path, seed: int) -> Path:
    path = folder / f"photo-{seed}.jpg"
    Image.new("RGB", (48, 32), (seed * 37 % 256, seed * 91 % 256, seed * 13 % 256)).save(path)
    return path


@pytest.fixture(scope="session")
def office_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return create_workspace(tmp_path_factory.mktemp("office") / "workspace", team="T9")


@pytest.fixture
def office(office_template: Path, tmp_path: Path) -> Iterator[Team]:
    path = tmp_path / "office"
    shutil.copytree(office_template, path)
    workspace = open_workspace(path)
    yield Team(workspace)
    workspace.close()


@pytest.fixture
def laptop(team: Team, tmp_path: Path) -> Team:
    """Field laptop A (team T1): an exchange, three bodies, photos and a passport on the first."""
    team.coordinator.exchanges.add(EXCHANGE, date="2025-06-13", declared=6000, place="Київ")
    for tag in ("UA-1", "UA-2", "UA-3"):
        team.examiner.cases.register(EXCHANGE, tag=tag, condition="complete", location="F1")
    folder = tmp_path / "camera"
    folder.mkdir()
    team.examiner.photos.add("KYV-T1-00001", [photo(folder, 1), photo(folder, 2)], kind="face")
    team.examiner.documents.add(
        "KYV-T1-00001",
        kind="internal_passport",
        country="RUS",
        number="4510 123456",
        surname="Иванов",
    )
    return team


def export(team: Team, tmp_path: Path, name: str) -> Path:
    return team.coordinator.casefiles.export(tmp_path / f"{name}.fcase", exchange=EXCHANGE).file


def counts(team: Team) -> dict[str, int]:
    with team.workspace.read_session() as session, session.begin():
        found = {
            m.__tablename__: session.scalar(select(func.count()).select_from(m)) or 0
            for m in AUDITED_MODELS
        }
        found["audit_entries"] = session.scalar(select(func.count()).select_from(AuditEntry)) or 0
        return found


def history_holds(team: Team) -> None:
    """Every chain in the workspace verifies (merged ones with their redacted entries), and
    every record is in the state its history last recorded."""
    with team.workspace.read_session() as session, session.begin():
        chains = verify_all(session.connection(), {})
        assert all(state.valid for state in chains.values()), [
            str(p) for s in chains.values() for p in s.problems
        ]
        assert unrecorded_changes(session) == []


def test_the_office_takes_in_a_laptops_exchange(laptop: Team, office: Team, tmp_path: Path) -> None:
    result = office.coordinator.merge.import_file(export(laptop, tmp_path, "first"))
    assert (result.added, result.updated, result.unchanged, result.conflicts) == (3, 0, 0, ())
    assert result.photos_added == 2
    case = office.auditor.cases.show("KYV-T1-00001")
    assert case.exchange == EXCHANGE
    assert case.location == "F1"
    assert [d.surname for d in case.documents] == ["Иванов"]
    store = PhotoStore(office.path)
    assert all(store.verify(p.sha256) for p in case.photos) and len(case.photos) == 2
    # The laptop's own history of the case came along, under the laptop's name.
    laptop_uid = laptop.workspace.info.uid
    assert {"case.register", "photo.add"} <= {
        e.action for e in case.history if e.origin == laptop_uid
    }
    assert office.auditor.search.search("Ivanov")[0].case_number == "KYV-T1-00001"
    history_holds(office)
    last = office.auditor.audit.log(limit=1)[0]
    assert last.action == "casefile.import"
    assert last.after is not None and last.after["cases"] == {"added": 3}


def test_importing_the_same_file_twice_changes_nothing(
    laptop: Team, office: Team, tmp_path: Path
) -> None:
    path = export(laptop, tmp_path, "first")
    office.coordinator.merge.import_file(path)
    before = counts(office)
    again = office.coordinator.merge.import_file(path)
    assert (again.added, again.updated, again.unchanged, again.photos_added) == (0, 0, 3, 0)
    after = counts(office)
    # Only the coordinator's import itself is recorded.
    assert after == {**before, "audit_entries": before["audit_entries"] + 1}
    history_holds(office)


def test_a_case_changed_on_both_sides_is_a_conflict_and_nothing_is_overwritten(
    laptop: Team, office: Team, tmp_path: Path
) -> None:
    office.coordinator.merge.import_file(export(laptop, tmp_path, "first"))
    laptop.examiner.cases.edit("KYV-T1-00001", {"notes": "на ноутбуці: шрам на лівій руці"})
    office.examiner.cases.edit("KYV-T1-00001", {"notes": "в офісі: татуювання"})
    laptop.examiner.cases.edit("KYV-T1-00002", {"sex": "M"})
    result = office.coordinator.merge.import_file(export(laptop, tmp_path, "second"))
    assert (result.added, result.updated, result.unchanged) == (0, 1, 1)
    (conflict,) = result.conflicts
    assert (conflict.case_number, conflict.entity) == ("KYV-T1-00001", "case")
    assert [(d.field, d.local, d.incoming) for d in conflict.differences] == [
        ("notes", "в офісі: татуювання", "на ноутбуці: шрам на лівій руці")
    ]
    assert office.auditor.cases.show("KYV-T1-00001").notes == "в офісі: татуювання"
    assert office.auditor.cases.show("KYV-T1-00002").sex == "M"
    assert office.auditor.merge.conflicts() == [conflict]
    history_holds(office)
    # The conflict stays open and is not reported twice by the same file.
    again = office.coordinator.merge.import_file(export(laptop, tmp_path, "third"))
    assert again.conflicts == () and again.unchanged == 3
    assert [c.id for c in office.auditor.merge.conflicts()] == [conflict.id]


def test_taking_the_incoming_version_then_later_laptop_changes_follow(
    laptop: Team, office: Team, tmp_path: Path
) -> None:
    office.coordinator.merge.import_file(export(laptop, tmp_path, "first"))
    laptop.examiner.cases.edit("KYV-T1-00001", {"notes": "laptop"})
    office.examiner.cases.edit("KYV-T1-00001", {"notes": "office"})
    (conflict,) = office.coordinator.merge.import_file(export(laptop, tmp_path, "second")).conflicts
    with pytest.raises(PermissionDenied):
        office.examiner.merge.resolve(
            conflict.id, keep="incoming", reason="the laptop saw the body"
        )
    office.coordinator.merge.resolve(conflict.id, keep="incoming", reason="the laptop saw the body")
    assert office.auditor.cases.show("KYV-T1-00001").notes == "laptop"
    assert office.auditor.merge.conflicts() == []
    actions = [e.action for e in office.auditor.audit.log(case="KYV-T1-00001", limit=2)]
    assert actions == ["merge.take_incoming", "merge.resolve"]
    with pytest.raises(InvalidInput, match="already resolved"):
        office.coordinator.merge.resolve(conflict.id, keep="local", reason="again")
    laptop.examiner.cases.edit("KYV-T1-00001", {"notes": "laptop, later"})
    later = office.coordinator.merge.import_file(export(laptop, tmp_path, "third"))
    assert (later.updated, later.conflicts) == (1, ())
    assert office.auditor.cases.show("KYV-T1-00001").notes == "laptop, later"
    history_holds(office)


def test_keeping_the_local_version_and_the_laptop_catching_up(
    laptop: Team, office: Team, tmp_path: Path
) -> None:
    office.coordinator.merge.import_file(export(laptop, tmp_path, "first"))
    laptop.examiner.cases.edit("KYV-T1-00001", {"notes": "laptop"})
    office.examiner.cases.edit("KYV-T1-00001", {"notes": "office"})
    (conflict,) = office.coordinator.merge.import_file(export(laptop, tmp_path, "second")).conflicts
    office.coordinator.merge.resolve(conflict.id, keep="local", reason="the office measured it")
    assert office.auditor.cases.show("KYV-T1-00001").notes == "office"
    # The same laptop file again: the office has decided, nothing changes.
    assert office.coordinator.merge.import_file(export(laptop, tmp_path, "third")).conflicts == ()
    # The office's decision goes back to the laptop, which takes it without a conflict.
    # (The laptop's folder, moved: the fixture's copy must stay free of merged histories.)
    moved = Team(open_workspace(shutil.copytree(laptop.path, tmp_path / "laptop, moved")))
    back = office.coordinator.casefiles.export(tmp_path / "back.fcase", exchange=EXCHANGE)
    result = moved.coordinator.merge.import_file(back.file)
    assert result.conflicts == () and result.updated == 1
    assert moved.auditor.cases.show("KYV-T1-00001").notes == "office"
    history_holds(moved)
    moved.workspace.close()


def test_changes_on_two_laptops_to_the_same_case_conflict_at_the_office(
    laptop: Team, office: Team, tmp_path: Path
) -> None:
    """The office sends a case out to two laptops; both change it; the second file conflicts."""
    office.coordinator.merge.import_file(export(laptop, tmp_path, "first"))
    second = Team(open_workspace(_other_laptop(tmp_path)))
    outgoing = office.coordinator.casefiles.export(tmp_path / "out.fcase", cases=["KYV-T1-00003"])
    second.coordinator.merge.import_file(outgoing.file)
    laptop.examiner.cases.edit("KYV-T1-00003", {"notes": "A"})
    second.examiner.cases.edit("KYV-T1-00003", {"notes": "B"})
    first = office.coordinator.merge.import_file(export(laptop, tmp_path, "from-a"))
    assert first.updated == 1 and first.conflicts == ()
    from_b = second.coordinator.casefiles.export(tmp_path / "from-b.fcase", cases=["KYV-T1-00003"])
    (conflict,) = office.coordinator.merge.import_file(from_b.file).conflicts
    assert [(d.local, d.incoming) for d in conflict.differences] == [("A", "B")]
    history_holds(office)
    second.workspace.close()


def test_a_case_passed_on_after_a_conflict_then_changed_is_an_update_not_a_conflict(
    laptop: Team, office: Team, tmp_path: Path
) -> None:
    """Found by the merge-model figure: the laptop kept its side of a conflict and passed the
    case on; the second laptop counted the office's rejected change as part of the case, so
    the laptop's next change to it showed there as a conflict."""
    office.coordinator.merge.import_file(export(laptop, tmp_path, "first"))
    office.examiner.cases.edit("KYV-T1-00001", {"notes": "office"})
    laptop.examiner.cases.edit("KYV-T1-00001", {"notes": "laptop"})
    back = office.coordinator.casefiles.export(tmp_path / "back.fcase", cases=["KYV-T1-00001"])
    assert len(laptop.coordinator.merge.import_file(back.file).conflicts) == 1
    second = Team(open_workspace(_other_laptop(tmp_path)))
    passed = laptop.coordinator.casefiles.export(tmp_path / "on.fcase", cases=["KYV-T1-00001"])
    second.coordinator.merge.import_file(passed.file)
    laptop.examiner.cases.edit("KYV-T1-00001", {"notes": "laptop, later"})
    again = laptop.coordinator.casefiles.export(tmp_path / "again.fcase", cases=["KYV-T1-00001"])
    result = second.coordinator.merge.import_file(again.file)
    assert (result.updated, result.conflicts) == (1, ())
    assert second.auditor.cases.show("KYV-T1-00001").notes == "laptop, later"
    history_holds(second)
    second.workspace.close()


def _other_laptop(tmp_path: Path, team: str = "T5") -> Path:
    return create_workspace(tmp_path / f"laptop-{team}", team=team)


def test_an_older_file_replayed_is_refused_and_changes_nothing(
    laptop: Team, office: Team, tmp_path: Path
) -> None:
    old = export(laptop, tmp_path, "old")
    laptop.examiner.cases.edit("KYV-T1-00002", {"sex": "F"})
    office.coordinator.merge.import_file(export(laptop, tmp_path, "new"))
    before = counts(office)
    with pytest.raises(CaseFileRefused, match="older file replayed"):
        office.coordinator.merge.import_file(old)
    assert counts(office) == before


def test_a_file_from_this_very_workspace_is_refused(laptop: Team, tmp_path: Path) -> None:
    with pytest.raises(CaseFileRefused, match="exported by this very workspace"):
        laptop.coordinator.merge.import_file(export(laptop, tmp_path, "own"))


def test_only_a_coordinator_imports(laptop: Team, office: Team, tmp_path: Path) -> None:
    path = export(laptop, tmp_path, "first")
    for who in (office.examiner, office.auditor, office.admin):
        with pytest.raises(PermissionDenied):
            who.merge.import_file(path)


def test_the_same_case_number_under_two_identities_is_refused(
    laptop: Team, office: Team, tmp_path: Path
) -> None:
    twin = Team(open_workspace(_other_laptop(tmp_path, team="T1")))
    twin.coordinator.exchanges.add("R9", date="2025-07-01", declared=1)
    twin.examiner.cases.register("R9", tag="other body")
    office.coordinator.merge.import_file(export(laptop, tmp_path, "first"))
    path = twin.coordinator.casefiles.export(tmp_path / "twin.fcase", exchange="R9").file
    before = counts(office)
    with pytest.raises(CaseFileRefused, match="case number KYV-T1-00001: exists here as another"):
        office.coordinator.merge.import_file(path)
    assert counts(office) == before
    twin.workspace.close()


def test_an_exchange_is_matched_by_code_and_photos_by_hash(
    laptop: Team, office: Team, tmp_path: Path
) -> None:
    office.coordinator.exchanges.add(EXCHANGE, date="2025-06-13", declared=5990)
    office.examiner.cases.register(EXCHANGE, tag="office body")
    folder = tmp_path / "office camera"
    folder.mkdir()
    office.examiner.photos.add("KYV-T9-00001", [photo(folder, 1)], kind="overview")
    result = office.coordinator.merge.import_file(export(laptop, tmp_path, "first"))
    assert result.added == 3 and result.photos_added == 1
    assert any("exchange R2-0613" in note and "declared" in note for note in result.notes)
    summary = office.auditor.exchanges.show(EXCHANGE)
    assert (summary.registered, summary.exchange.declared) == (4, 5990)
    store = PhotoStore(office.path)
    assert len(list(store.iter_originals())) == 2
    history_holds(office)


def test_a_file_that_does_not_verify_is_refused_unless_taken_unverified(
    laptop: Team, office: Team, tmp_path: Path
) -> None:
    from tests.services.test_casefile_verify import resign

    path = export(laptop, tmp_path, "first")
    forged = resign(path, tmp_path / "forged.fcase")
    before = counts(office)
    with pytest.raises(CaseFileRefused, match="does not verify"):
        office.coordinator.merge.import_file(forged)
    assert counts(office) == before
    result = office.coordinator.merge.import_file(forged, unverified=True)
    assert result.unverified and result.added == 3
    note = office.auditor.audit.log(limit=1)[0]
    assert note.reason == "imported unverified" and note.after is not None
    assert any("manifest.sig" in p for p in note.after["problems"])


def test_a_failed_import_leaves_no_trace(
    laptop: Team, office: Team, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = counts(office)

    def fail(*_: object) -> None:
        raise RuntimeError("the disk went away")

    monkeypatch.setattr(merge, "apply_plan", fail)
    with pytest.raises(RuntimeError):
        office.coordinator.merge.import_file(export(laptop, tmp_path, "first"))
    assert counts(office) == before
    assert list(PhotoStore(office.path).iter_originals()) == []
    assert casefile_apply.apply_plan is not fail


def test_the_office_checks_clean_after_a_merge(laptop: Team, office: Team, tmp_path: Path) -> None:
    office.coordinator.merge.import_file(export(laptop, tmp_path, "first"))
    report = office.auditor.integrity.check()
    assert report.ok, [str(p) for p in report.problems]


def test_merge_results_name_the_laptop(laptop: Team, office: Team, tmp_path: Path) -> None:
    result: MergeResult = office.coordinator.merge.import_file(export(laptop, tmp_path, "first"))
    assert result.signer == laptop.workspace.info.public_key_fingerprint
    assert result.source == "KYV-T1 (KYV-T1)"


def test_a_photo_not_matching_its_name_is_refused_even_unverified_and_nothing_stays(
    laptop: Team, office: Team, tmp_path: Path
) -> None:
    from tests.services.test_casefile_verify import members_of, repack

    path = export(laptop, tmp_path, "first")
    members = members_of(path)
    photo = next(n for n, _ in members if n.startswith("photos/"))
    altered = repack(
        [(n, b"retouched" if n == photo else d) for n, d in members], tmp_path / "x.fcase"
    )
    before = counts(office)
    with pytest.raises(CaseFileRefused, match="does not match its name"):
        office.coordinator.merge.import_file(altered, unverified=True)
    assert counts(office) == before
    assert list(PhotoStore(office.path).iter_originals()) == []
