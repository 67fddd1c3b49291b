"""Shared fixtures: real workspaces in tmp_path, users of every role, services built the way the
application builds them."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from forensiclog.domain.roles import Role
from forensiclog.services.build import Services, build
from forensiclog.services.context import Actor
from forensiclog.services.workspace import OpenWorkspace, open_workspace
from forensiclog.services.workspace_setup import init_workspace

PASSWORDS = {
    "admin": "admin-password",
    "olena": "coordinator-password",
    "petro": "examiner-password",
    "iryna": "auditor-password",
}
ROLES = {
    "admin": Role.ADMIN,
    "olena": Role.COORDINATOR,
    "petro": Role.EXAMINER,
    "iryna": Role.AUDITOR,
}


def create_workspace(path: Path, *, site: str = "KYV", team: str = "T1") -> Path:
    """A workspace with one user of each role (passwords in PASSWORDS)."""
    init_workspace(path, site=site, team=team, admin="admin", password=PASSWORDS["admin"])
    workspace = open_workspace(path)
    admin = build(workspace, Actor("admin", Role.ADMIN))
    for name in ("olena", "petro", "iryna"):
        admin.users.add(name, ROLES[name].value, PASSWORDS[name])
    workspace.close()
    return path


@pytest.fixture(scope="session")
def template_workspace(tmp_path_factory: pytest.TempPathFactory) -> Path:
    # Hashing four passwords with argon2 takes a while; each test gets a copy of this one.
    return create_workspace(tmp_path_factory.mktemp("template") / "workspace")


@dataclass
class Team:
    """One workspace and its users' services."""

    workspace: OpenWorkspace

    def as_user(self, name: str) -> Services:
        return build(self.workspace, Actor(name, ROLES[name]))

    @property
    def admin(self) -> Services:
        return self.as_user("admin")

    @property
    def coordinator(self) -> Services:
        return self.as_user("olena")

    @property
    def examiner(self) -> Services:
        return self.as_user("petro")

    @property
    def auditor(self) -> Services:
        return self.as_user("iryna")

    @property
    def path(self) -> Path:
        return self.workspace.path


@pytest.fixture
def workspace_path(template_workspace: Path, tmp_path: Path) -> Path:
    target = tmp_path / "workspace"
    shutil.copytree(template_workspace, target)
    return target


@pytest.fixture
def team(workspace_path: Path, request: pytest.FixtureRequest) -> Iterator[Team]:
    """A fresh workspace; after the test, it must still check clean unless the test tampers with it."""
    workspace = open_workspace(workspace_path)
    yield Team(workspace)
    if request.node.get_closest_marker("tampers") is None:
        report = build(workspace, Actor("iryna", Role.AUDITOR)).integrity.check()
        assert report.ok, [str(p) for p in report.problems]
    workspace.close()


@pytest.fixture
def exchange(team: Team) -> str:
    team.coordinator.exchanges.add("R2-0613", date="2025-06-13", declared=6000, place="Київ")
    return "R2-0613"


@pytest.fixture
def write_csv(tmp_path: Path) -> Callable[..., Path]:
    def write(
        rows: list[list[str]], name: str = "list.csv", header: list[str] | None = None
    ) -> Path:
        import csv

        path = tmp_path / name
        with path.open("w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle)
            writer.writerow(header or ["tag", "surname", "given_names", "birth_date"])
            writer.writerows(rows)
        return path

    return write
