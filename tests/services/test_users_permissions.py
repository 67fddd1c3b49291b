"""Users, passwords and what each role may do — enforced in the services."""

from __future__ import annotations

import sqlite3

import pytest

from forensiclog.domain.errors import (
    AlreadyExists,
    AuthenticationFailed,
    InvalidInput,
    PermissionDenied,
)
from forensiclog.services.build import sign_in
from tests.conftest import PASSWORDS, Team


def test_sign_in_with_the_right_password_only(team: Team) -> None:
    services = sign_in(team.workspace, "petro", PASSWORDS["petro"])
    assert services.ctx.actor is not None and services.ctx.actor.role.value == "examiner"
    for user, password in [("petro", "wrong-password"), ("nobody", "whatever-password")]:
        with pytest.raises(AuthenticationFailed, match="wrong user name or password"):
            sign_in(team.workspace, user, password)


def test_passwords_are_stored_only_as_slow_salted_hashes_and_never_shown(team: Team) -> None:
    rows = (
        sqlite3.connect(team.path / "forensiclog.db")
        .execute("SELECT name, password_hash FROM users")
        .fetchall()
    )
    hashes = [h for _, h in rows]
    assert all(h.startswith("$argon2id$") for h in hashes)
    assert len(set(hashes)) == len(hashes)
    assert not any(p in h for h in hashes for p in PASSWORDS.values())
    history = [e.after for e in team.admin.audit.log() if e.action == "user.add"]
    assert history and all(entry and entry["password_hash"] == "(redacted)" for entry in history)


def test_only_an_admin_manages_users(team: Team) -> None:
    team.admin.users.add("mykola", "examiner", "mykola-password")
    with pytest.raises(AlreadyExists):
        team.admin.users.add("mykola", "examiner", "mykola-password")
    with pytest.raises(InvalidInput, match="role"):
        team.admin.users.add("taras", "boss", "taras-password")
    for services in (team.coordinator, team.examiner, team.auditor):
        with pytest.raises(PermissionDenied, match="may not manage users"):
            services.users.add("x", "examiner", "long-password")
        with pytest.raises(PermissionDenied):
            services.users.list_all()


def test_the_role_matrix(team: Team, exchange: str) -> None:
    def attempts(services: object) -> dict[str, object]:
        s = services
        return {
            "exchange": lambda: s.exchanges.add("X-1", date="2025-01-01", declared=1),  # type: ignore[attr-defined]
            "register": lambda: s.cases.register(exchange, tag=None),  # type: ignore[attr-defined]
            "backup": lambda: s.backup.backup(team.path.parent / "b"),  # type: ignore[attr-defined]
            "read": s.exchanges.list_all,  # type: ignore[attr-defined]
        }

    expected = {
        "coordinator": {"exchange", "register", "backup", "read"},
        "examiner": {"register", "read"},
        "auditor": {"read"},
        "admin": {"read"},
    }
    for role, services in [
        ("coordinator", team.coordinator),
        ("examiner", team.examiner),
        ("auditor", team.auditor),
        ("admin", team.admin),
    ]:
        allowed = set()
        for name, attempt in attempts(services).items():
            try:
                attempt()  # type: ignore[operator]
                allowed.add(name)
            except PermissionDenied:
                pass
        assert allowed == expected[role], role
