"""Creating and opening workspaces."""

from __future__ import annotations

from pathlib import Path

import pytest

from forensiclog.domain.errors import InvalidInput, NotFound
from forensiclog.services.signing import KEY_FILE
from forensiclog.services.workspace import open_workspace
from forensiclog.services.workspace_setup import init_workspace


def test_a_new_workspace_has_its_identity_key_and_admin(tmp_path: Path) -> None:
    path = tmp_path / "Справи #1 з пробілами"
    info = init_workspace(path, site="kyv", team="t2", admin="admin", password="long-enough")
    assert (info.site, info.team) == ("KYV", "T2")
    assert (path / KEY_FILE).stat().st_mode & 0o077 == 0
    workspace = open_workspace(path)
    assert workspace.info.uid == info.uid
    assert workspace.info.public_key_fingerprint == info.public_key_fingerprint
    assert len(info.public_key_fingerprint) == 39
    workspace.close()


def test_init_refuses_a_folder_that_is_not_empty_and_changes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "busy"
    path.mkdir()
    (path / "notes.txt").write_text("keep me")
    with pytest.raises(InvalidInput, match="not empty"):
        init_workspace(path, site="KYV", team="T1", admin="admin", password="long-enough")
    assert sorted(p.name for p in path.iterdir()) == ["notes.txt"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["busy"]


def test_init_accepts_an_empty_folder(tmp_path: Path) -> None:
    path = tmp_path / "empty"
    path.mkdir()
    init_workspace(path, site="KYV", team="T1", admin="admin", password="long-enough")
    assert (path / "forensiclog.db").is_file()


@pytest.mark.parametrize(
    ("site", "team", "admin", "password", "field"),
    [
        ("K", "T1", "admin", "long-enough", "site"),
        ("KYV", "T-1", "admin", "long-enough", "team"),
        ("KYV", "T1", "two words", "long-enough", "user"),
        ("KYV", "T1", "admin", "short", "password"),
    ],
)
def test_bad_init_input_is_refused_before_anything_is_written(
    tmp_path: Path, site: str, team: str, admin: str, password: str, field: str
) -> None:
    with pytest.raises(InvalidInput, match=field):
        init_workspace(tmp_path / "w", site=site, team=team, admin=admin, password=password)
    assert list(tmp_path.iterdir()) == []


def test_opening_something_that_is_not_a_workspace(tmp_path: Path) -> None:
    with pytest.raises(NotFound):
        open_workspace(tmp_path / "missing")
    with pytest.raises(InvalidInput, match="not a ForensicLog workspace"):
        open_workspace(tmp_path)
