"""Defects the validation figures found, each reproduced on its own so it stays fixed."""

from __future__ import annotations

import contextlib
import errno
import os
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy.orm import Session

from forensiclog.db import engine as engine_module
from forensiclog.domain.errors import EnvironmentProblem
from forensiclog.domain.roles import Action
from forensiclog.services import history
from forensiclog.services.storage_errors import storage_errors
from forensiclog.services.workspace import open_workspace
from forensiclog.services.workspace_setup import init_workspace

ROOT = Path(__file__).resolve().parents[2]


def _failing_disk(connection: sqlite3.Connection) -> None:
    raise sqlite3.OperationalError("disk I/O error")


def test_a_workspace_on_a_failing_disk_is_refused_with_a_message(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Found by the fault figure: the first write of any command (SQLite's shared-memory file)
    # failing reached the crash handler as "internal error" instead of a refusal.
    path = tmp_path / "workspace"
    init_workspace(path, site="KYV", team="T1", admin="admin", password="admin-password")
    monkeypatch.setattr(engine_module, "_writable_pragmas", _failing_disk)
    with pytest.raises(EnvironmentProblem, match="the disk reported an I/O error"):
        open_workspace(path)


CRASH_ON_A_FULL_DISK = """
import resource, signal
from forensiclog.crash_log import record_crash
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
resource.setrlimit(resource.RLIMIT_FSIZE, (0, resource.RLIM_INFINITY))
try:
    raise RuntimeError("a defect")
except RuntimeError:
    record_crash("test")
"""


@pytest.mark.parametrize("log_folder", ["writable", "a file in the way"])
def test_a_crash_log_that_cannot_be_written_puts_no_traceback_on_screen(
    tmp_path: Path, log_folder: str
) -> None:
    # Found by the fault figure: on a full disk the crash log could not be written, and
    # logging reported that with the whole traceback on stderr.
    state = tmp_path / "state"
    if log_folder == "a file in the way":
        state.write_text("not a folder")
    env = {**os.environ, "XDG_STATE_HOME": str(state), "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-c", CRASH_ON_A_FULL_DISK],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    assert done.stderr == ""


def _workspace(path: Path) -> Path:
    from tests.conftest import create_workspace

    return create_workspace(path, team="T1")


@pytest.mark.parametrize(
    "error",
    [
        sqlite3.OperationalError("database or disk is full"),
        OSError(errno.EIO, "Input/output error"),
        OSError(errno.EFBIG, "File too large"),
        OSError(errno.ENOSPC, "No space left on device"),
    ],
    ids=["sqlite3 itself", "EIO", "EFBIG", "ENOSPC"],
)
def test_every_disk_failure_is_a_refusal(error: Exception) -> None:
    # Found by the fault figure: the backup talks to sqlite3 directly, and EIO or EFBIG
    # (a case file past 4 GiB on a FAT32 stick) were not known as the disk's fault.
    with pytest.raises(EnvironmentProblem), storage_errors("the backup"):
        raise error


def test_signing_in_on_a_failing_disk_is_refused_with_a_message(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Found by the fault figure: the sign-in's read could not start (SQLite writes its
    # shared-memory file) and reached the crash handler.
    from forensiclog.services.build import sign_in
    from tests.conftest import PASSWORDS

    workspace = open_workspace(_workspace(tmp_path / "w"))
    monkeypatch.setattr(engine_module, "_writable_pragmas", _failing_disk)
    with pytest.raises(EnvironmentProblem, match="I/O error"):
        sign_in(workspace, "petro", PASSWORDS["petro"])
    workspace.close()


def test_a_case_file_that_cannot_be_extracted_is_refused_with_a_message(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Found by the fault figure: a full temporary disk while a case file's database was
    # extracted for checking reached the crash handler.
    from forensiclog.services import casefile_check
    from forensiclog.services.casefiles import verify_casefile
    from tests.validation.workloads import services

    coordinator = services(_workspace(tmp_path / "w"), "olena")
    coordinator.exchanges.add("R1", date="2025-06-13", declared=1)
    case = coordinator.cases.register("R1", tag="A-1").case_number
    coordinator.casefiles.export(tmp_path / "a.fcase", cases=[case])
    coordinator.workspace.close()

    def full_disk(fd: int, data: bytes) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(casefile_check, "_write_all", full_disk)
    with pytest.raises(EnvironmentProblem, match="the disk is full"):
        verify_casefile(tmp_path / "a.fcase")


def test_a_backup_whose_history_note_fails_leaves_no_backup(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Found by the fault figure: the backup folder was made visible, then its history note
    # failed on the full disk: the user was told "refused" and a backup was there anyway.
    from tests.validation.workloads import services

    coordinator = services(_workspace(tmp_path / "w"), "olena")
    append = history.append

    def failing(tx: history.Tx, signer: object) -> None:
        if any(e.action == "workspace.backup" for e in tx.entries):
            raise EnvironmentProblem("the disk is full")
        append(tx, signer)  # type: ignore[arg-type]

    monkeypatch.setattr(history, "append", failing)
    with pytest.raises(EnvironmentProblem):
        coordinator.backup.backup(tmp_path / "backup")
    assert not (tmp_path / "backup").exists()
    coordinator.workspace.close()


def test_a_merge_done_is_not_reported_refused_when_the_disk_fills_after_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Found by the fault figure: once the import had committed, a read of its conflicts
    # failed on the full disk and the user was told the import was refused.
    from forensiclog.services.context import ServiceContext
    from tests.validation.workloads import services

    field = services(_workspace(tmp_path / "field"), "olena")
    field.exchanges.add("R1", date="2025-06-13", declared=1)
    case = field.cases.register("R1", tag="A-1").case_number
    field.casefiles.export(tmp_path / "a.fcase", cases=[case])
    office = services(new_office(tmp_path / "office"), "olena")
    writing, reading = ServiceContext.writing, ServiceContext.reading
    committed: list[bool] = []

    @contextlib.contextmanager
    def written(self: ServiceContext, action: Action) -> Iterator[history.Tx]:
        with writing(self, action) as tx:
            yield tx
        committed.append(True)

    @contextlib.contextmanager
    def read_on_a_full_disk(self: ServiceContext) -> Iterator[Session]:
        if committed:
            raise EnvironmentProblem("the disk is full")
        with reading(self) as session:
            yield session

    monkeypatch.setattr(ServiceContext, "writing", written)
    monkeypatch.setattr(ServiceContext, "reading", read_on_a_full_disk)
    result = office.merge.import_file(tmp_path / "a.fcase")
    assert result.added == 1
    field.workspace.close()
    office.workspace.close()


def new_office(path: Path) -> Path:
    from tests.conftest import create_workspace

    return create_workspace(path, team="T9")


@pytest.fixture(scope="module")
def merged_office(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An office workspace that merged one case file from a field laptop."""
    from tests.validation.workloads import services

    folder = tmp_path_factory.mktemp("merged")
    field = services(_workspace(folder / "field"), "olena")
    field.exchanges.add("R1", date="2025-06-13", declared=1)
    case = field.cases.register("R1", tag="A-1", location="Fridge 1").case_number
    field.casefiles.export(folder / "a.fcase", cases=[case])
    field.workspace.close()
    office = services(new_office(folder / "office"), "olena")
    office.merge.import_file(folder / "a.fcase")
    office.workspace.close()
    return folder / "office"


def _tampered(source: Path, target: Path, *statements: str) -> Path:
    import shutil

    shutil.copytree(source, target)
    connection = sqlite3.connect(target / "forensiclog.db")
    for statement in statements:
        connection.execute(statement)
    connection.commit()
    connection.close()
    return target


@pytest.mark.parametrize("also_the_head", [False, True], ids=["entries", "entries and head"])
def test_a_merged_history_deleted_is_detected(
    merged_office: Path, tmp_path: Path, also_the_head: bool
) -> None:
    # Found by the tampering figure: with every entry of a merged chain deleted, audit verify
    # no longer looked at that chain at all (it listed chains by their entries).
    from tests.validation.workloads import services

    local = "(SELECT uid FROM workspace)"
    statements = [f"DELETE FROM audit_entries WHERE origin != {local}"]
    if also_the_head:
        statements.append(f"DELETE FROM chain_heads WHERE origin != {local}")
    office = services(_tampered(merged_office, tmp_path / "office", *statements), "iryna")
    verdict = office.audit.verify()
    office.workspace.close()
    assert not verdict.valid
    assert verdict.problems


def test_a_location_changed_behind_the_applications_back_is_detected(
    merged_office: Path, tmp_path: Path
) -> None:
    # Found by the tampering figure: a case's location is kept beside its custody log and left
    # out of the history's hash, so an edit of it alone went unseen.
    from tests.validation.workloads import services

    statement = "UPDATE cases SET location = 'Fridge 9'"
    office = services(_tampered(merged_office, tmp_path / "office", statement), "iryna")
    report = office.integrity.check()
    office.workspace.close()
    assert not report.ok
    assert any("custody log" in str(p) for p in report.problems)


def test_a_merged_entry_blanked_out_is_detected(merged_office: Path, tmp_path: Path) -> None:
    # Found by the tampering figure: a merged chain may hold entries withheld by its case file
    # (content blanked, hashes kept), so blanking out one held with its content passed.
    from tests.validation.workloads import services

    blank = (
        "UPDATE audit_entries SET at = '', user_name = '', action = '(redacted)', "
        "entity = '(redacted)', entity_uid = NULL, case_number = NULL, reason = NULL, "
        "before = NULL, after = NULL, state_hash = NULL "
        "WHERE id = (SELECT max(id) FROM audit_entries WHERE origin != (SELECT uid FROM workspace) "
        "AND action != '(redacted)')"
    )
    untouched = services(merged_office, "iryna")
    assert untouched.audit.verify().valid
    untouched.workspace.close()
    office = services(_tampered(merged_office, tmp_path / "office", blank), "iryna")
    verdict = office.audit.verify()
    office.workspace.close()
    assert not verdict.valid
    assert "blanked out" in str(verdict.problems[0])


def test_a_sealed_file_that_withholds_entries_verifies_when_opened(tmp_path: Path) -> None:
    # Found by the permissions figure: `check` and `audit verify` on an opened case file took
    # the exporter's chain for a workspace's own, whose entries are never blanked out, and
    # failed on every file that left a case out.
    from forensiclog.services.build import build
    from forensiclog.services.casefiles import open_casefile
    from tests.validation.workloads import services

    field = services(_workspace(tmp_path / "field"), "olena")
    field.exchanges.add("R1", date="2025-06-13", declared=2)
    first = field.cases.register("R1", tag="A-1").case_number
    field.cases.register("R1", tag="A-2")
    field.casefiles.export(tmp_path / "a.fcase", cases=[first])
    field.workspace.close()
    opened = open_casefile(tmp_path / "a.fcase")
    reader = build(opened, None)
    verdict, report = reader.audit.verify(), reader.integrity.check()
    opened.close()
    assert verdict.valid, verdict.problems
    assert report.ok, [str(p) for p in report.problems]
