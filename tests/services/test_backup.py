"""Backups: a consistent snapshot while the workspace is in use, that opens and verifies."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import pytest

from forensiclog.domain.errors import InvalidInput
from forensiclog.domain.roles import Role
from forensiclog.services.build import build
from forensiclog.services.case_list import CaseFilter
from forensiclog.services.context import Actor
from forensiclog.services.workspace import open_workspace
from tests.conftest import Team


def test_a_backup_opens_as_a_workspace_and_checks_clean(
    team: Team, exchange: str, tmp_path: Path
) -> None:
    for _ in range(3):
        team.examiner.cases.register(exchange, location="F1")
    result = team.coordinator.backup.backup(tmp_path / "флешка" / "backup 1")
    assert (result.cases, result.photos) == (3, 0)
    copy = open_workspace(result.path)
    reader = build(copy, Actor("iryna", Role.AUDITOR))
    assert reader.integrity.check().ok
    assert reader.case_list.count(CaseFilter()) == 3
    assert copy.info.uid == team.workspace.info.uid
    copy.close()
    assert team.auditor.audit.log(limit=1)[0].action == "workspace.backup"


def test_a_backup_while_another_connection_holds_an_open_write(
    team: Team, exchange: str, tmp_path: Path
) -> None:
    team.examiner.cases.register(exchange)
    other = sqlite3.connect(
        team.path / "forensiclog.db", isolation_level=None, check_same_thread=False
    )
    other.execute("BEGIN IMMEDIATE")
    other.execute("UPDATE workspace SET name = 'uncommitted'")
    done = threading.Event()

    def release() -> None:
        done.wait(0.5)
        other.execute("ROLLBACK")

    thread = threading.Thread(target=release)
    thread.start()
    result = team.coordinator.backup.backup(tmp_path / "b")
    done.set()
    thread.join()
    other.close()
    name = (
        sqlite3.connect(result.path / "forensiclog.db")
        .execute("SELECT name FROM workspace")
        .fetchone()[0]
    )
    assert name != "uncommitted"


def test_backup_refuses_a_destination_that_is_in_use(team: Team, tmp_path: Path) -> None:
    target = tmp_path / "full"
    target.mkdir()
    (target / "x").write_text("x")
    with pytest.raises(InvalidInput, match="not empty"):
        team.coordinator.backup.backup(target)
    with pytest.raises(InvalidInput, match="inside the workspace"):
        team.coordinator.backup.backup(team.path / "backup")
