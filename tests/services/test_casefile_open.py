"""An auditor opens a sealed case file: reads everything (history and photos included), sees
whether it verifies and who signed it; every write is refused by the storage itself, and the
file is byte for byte unchanged afterwards."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PIL import Image
from sqlalchemy import text
from sqlalchemy.exc import OperationalError

from forensiclog.domain.casefile_manifest import CaseFileRefused
from forensiclog.domain.errors import PermissionDenied, ReadOnly
from forensiclog.domain.roles import Role
from forensiclog.services.build import Services, build
from forensiclog.services.case_list import CaseFilter
from forensiclog.services.casefiles import CaseFileWorkspace, open_casefile
from forensiclog.services.context import Actor
from forensiclog.services.opening import open_any
from tests.conftest import Team

CASE = "KYV-T1-00001"


def sha256_of(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def sealed(team: Team, tmp_path: Path) -> Path:
    team.coordinator.exchanges.add("R2-0613", date="2025-06-13", declared=6000)
    team.examiner.cases.register("R2-0613", tag="UA-1", location="Холодильник 3")
    team.examiner.cases.register("R2-0613", tag="UA-2")
    team.examiner.cases.edit(CASE, {"notes": "татуювання на лівому плечі"})
    team.examiner.documents.add(
        CASE, kind="passport", country="RUS", number="751234567", surname="Иванов"
    )
    camera = tmp_path / "camera"
    camera.mkdir()
    shot = camera / "face.jpg"
    Image.new("RGB", (80, 60), (200, 120, 40)).save(shot)
    team.examiner.photos.add(CASE, [shot], kind="face", caption="обличчя")
    folder = tmp_path / "флешка аудитора #1"
    folder.mkdir()
    return team.coordinator.casefiles.export(folder / "R2-0613.fcase", exchange="R2-0613").file


@pytest.fixture
def opened(
    sealed: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[CaseFileWorkspace]:
    # Thumbnails of a read-only file go to the user's data folder: keep it in the test's.
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "user data"))
    workspace = open_any(sealed)
    assert isinstance(workspace, CaseFileWorkspace)
    yield workspace
    workspace.close()


def reader(workspace: CaseFileWorkspace) -> Services:
    return build(workspace, None)


def test_the_auditor_reads_everything(opened: CaseFileWorkspace, team: Team) -> None:
    services = reader(opened)
    case = services.cases.show(CASE)
    assert case.notes == "татуювання на лівому плечі"
    assert case.location == "Холодильник 3"
    assert [d.number for d in case.documents] == ["751234567"]
    assert [p.caption for p in case.photos] == ["обличчя"]
    actions = [e.action for e in case.history]
    assert actions[0] == "case.register" and "photo.add" in actions and "case.edit" in actions
    assert {e.user for e in case.history} == {"petro"}
    assert services.case_list.count(CaseFilter()) == 2
    assert services.exchanges.show("R2-0613").registered == 2
    store = services.photos.store()
    assert all(store.verify(p.sha256) for p in case.photos)
    assert services.photos.thumbnail(case.photos[0].sha256).is_file()
    assert services.search.search("Ivanov")[0].case_number == CASE
    log = services.audit.log()
    assert log and all(e.origin == team.workspace.info.uid for e in log)


def test_the_banner_shows_read_only_verified_and_the_signer(
    opened: CaseFileWorkspace, sealed: Path, team: Team
) -> None:
    seal = reader(opened).casefiles.seal()
    assert seal is not None and seal.verified and seal.problems == ()
    assert seal.signer_fingerprint == team.workspace.info.public_key_fingerprint
    assert (seal.exported_by, seal.exported_role, seal.site, seal.team) == (
        "olena",
        "coordinator",
        "KYV",
        "T1",
    )
    assert seal.file == str(sealed) and seal.cases == 2 and seal.photos == 1
    assert opened.info.read_only and opened.label == str(sealed)


def _writes(services: Services, tmp_path: Path) -> list[Callable[[], object]]:
    return [
        lambda: services.cases.register("R2-0613", tag="new"),
        lambda: services.cases.edit(CASE, {"notes": "changed"}),
        lambda: services.workflow.move(CASE, "examined", reason="r"),
        lambda: services.examination.move(CASE, to="elsewhere", reason="r"),
        lambda: services.examination.set_checklist(CASE, "dental", "done"),
        lambda: services.exchanges.add("R9", date="2025-01-01", declared=1),
        lambda: services.decisions.propose_exclusion(CASE, basis="passport"),
        lambda: services.documents.add(CASE, kind="other"),
        lambda: services.users.add("mallory", "admin", "long-enough-password"),
        lambda: services.backup.backup(tmp_path / "copy"),
        lambda: services.casefiles.export(tmp_path / "again.fcase", cases=[CASE]),
        lambda: services.merge.import_file(tmp_path / "x.fcase"),
        lambda: services.merge.resolve(1, keep="local", reason="r"),
    ]


def test_every_write_is_refused(opened: CaseFileWorkspace, tmp_path: Path) -> None:
    for actor in (None, Actor("olena", Role.COORDINATOR), Actor("admin", Role.ADMIN)):
        services = build(opened, actor)
        for write in _writes(services, tmp_path):
            with pytest.raises((ReadOnly, PermissionDenied)):
                write()
    assert not (tmp_path / "copy").exists() and not (tmp_path / "again.fcase").exists()


def test_the_storage_itself_refuses_writes(opened: CaseFileWorkspace) -> None:
    with opened.engine.connect() as connection, pytest.raises(OperationalError):
        connection.execute(text("UPDATE cases SET notes = 'forged'"))
    database = opened.path / "forensiclog.db"
    assert not os.access(database, os.W_OK) or os.geteuid() == 0
    assert oct(database.stat().st_mode & 0o777) == "0o400"
    raw = sqlite3.connect(database.as_uri() + "?mode=ro", uri=True)
    with pytest.raises(sqlite3.OperationalError, match="readonly"):
        raw.execute("DELETE FROM cases")
    raw.close()


def test_the_file_is_unchanged_after_opening_reading_and_reports(
    sealed: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "user data"))
    digest, stat, beside = sha256_of(sealed), sealed.stat(), sorted(sealed.parent.iterdir())
    workspace = open_any(sealed)
    services = reader(workspace)
    services.cases.show(CASE)
    services.audit.log()
    services.integrity.check()
    body = services.reports.body(CASE, tmp_path / "body.pdf")
    exchange = services.reports.exchange("R2-0613", tmp_path / "exchange.pdf")
    assert body.pages >= 1 and exchange.pages >= 1
    workspace.close()
    assert sha256_of(sealed) == digest
    assert (sealed.stat().st_mtime_ns, sealed.stat().st_size) == (stat.st_mtime_ns, stat.st_size)
    assert sorted(sealed.parent.iterdir()) == beside


def test_the_extraction_is_private_and_goes_away(
    sealed: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    system_tmp = tmp_path / "system tmp"
    system_tmp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(system_tmp))
    workspace = open_casefile(sealed)
    assert workspace.path.parent == system_tmp
    assert oct(workspace.path.stat().st_mode & 0o777) == "0o700"
    workspace.close()
    assert list(system_tmp.iterdir()) == []


def test_a_file_that_does_not_verify_opens_showing_why(sealed: Path, tmp_path: Path) -> None:
    from tests.services.test_casefile_verify import members_of, repack

    members = members_of(sealed)
    photo = next(n for n, _ in members if n.startswith("photos/"))
    altered = repack(
        [(n, b"retouched" if n == photo else d) for n, d in members], tmp_path / "altered.fcase"
    )
    workspace = open_casefile(altered)
    seal = reader(workspace).casefiles.seal()
    assert seal is not None and not seal.verified
    assert {p.where for p in seal.problems} >= {photo}
    # The altered photo is not shown as if it were the original.
    assert not (workspace.path / photo).exists()
    workspace.close()


def test_a_file_with_a_trap_is_refused_and_leaves_nothing(
    sealed: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.services.test_casefile_verify import members_of, repack

    system_tmp = tmp_path / "system tmp"
    system_tmp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(system_tmp))
    crafted = repack([*members_of(sealed), ("../../escaped.txt", b"x")], tmp_path / "crafted.fcase")
    with pytest.raises(CaseFileRefused, match="would escape"):
        open_any(crafted)
    assert list(system_tmp.iterdir()) == []
    assert not list(tmp_path.rglob("escaped.txt"))
