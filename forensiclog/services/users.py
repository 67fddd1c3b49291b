"""Users, roles and signing in."""

from __future__ import annotations

import re

from sqlalchemy import select

from forensiclog.db.models import User
from forensiclog.domain.errors import AlreadyExists, AuthenticationFailed, InvalidInput
from forensiclog.domain.records import UserRecord
from forensiclog.domain.roles import Action, Role, parse_role
from forensiclog.domain.text import required_text
from forensiclog.services.context import Actor, ServiceContext
from forensiclog.services.passwords import hash_password, verify_password
from forensiclog.services.storage_errors import storage_errors
from forensiclog.services.workspace import OpenWorkspace

_NAME = re.compile(r"[^\s\x00-\x1f\x7f]{1,100}")


def user_name(text: str) -> str:
    name = required_text(text, "user", max_length=100)
    if not _NAME.fullmatch(name):
        raise InvalidInput(
            "user", f"{name!r}: a user name is one word without spaces or control characters"
        )
    return name


def authenticate(workspace: OpenWorkspace, name: str, password: str) -> Actor:
    """The signed-in actor, or a refusal that does not tell a wrong name from a wrong password."""
    with storage_errors(workspace.label), workspace.read_session() as session, session.begin():
        user = session.scalars(select(User).where(User.name == name, User.active.is_(True))).first()
        stored = user.password_hash if user else None
        role = Role(user.role) if user else None
    if not verify_password(stored, password) or role is None:
        raise AuthenticationFailed(name)
    return Actor(name, role)


def new_user(name: str, role: Role, password: str, created_by: str) -> User:
    return User(
        name=user_name(name),
        role=role.value,
        password_hash=hash_password(password),
        created_by=created_by,
    )


class UserService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def add(self, name: str, role: str, password: str) -> UserRecord:
        self.ctx.require(Action.MANAGE_USERS)
        parsed = parse_role(role)
        user = new_user(name, parsed, password, self.ctx.user_name)
        with self.ctx.writing(Action.MANAGE_USERS) as tx:
            if tx.session.scalar(select(User.id).where(User.name == user.name)) is not None:
                raise AlreadyExists("user", user.name)
            tx.session.add(user)
            tx.record("user.add", user)
        return UserRecord(user.name, user.role, user.active)

    def list_all(self) -> list[UserRecord]:
        self.ctx.require(Action.MANAGE_USERS)
        with self.ctx.reading() as session:
            users = session.scalars(select(User).order_by(User.name)).all()
            return [UserRecord(u.name, u.role, u.active) for u in users]

    def deactivate(self, name: str, reason: str) -> UserRecord:
        with self.ctx.writing(Action.MANAGE_USERS) as tx:
            user = tx.session.scalars(select(User).where(User.name == name)).first()
            if user is None:
                raise InvalidInput("user", f"no user {name!r}")
            from forensiclog.services.history import snapshot

            before = snapshot(user)
            user.active = False
            tx.record(
                "user.deactivate", user, before=before, reason=required_text(reason, "reason")
            )
            return UserRecord(user.name, user.role, user.active)
