"""Who is acting on which workspace: permissions, and one transaction per action.

Every service is built on a ``ServiceContext``; the GUI and the command line build it the
same way (``forensiclog.services.build``), so a rule cannot hold in one and not the other.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from sqlalchemy.orm import Session

from forensiclog.domain.errors import PermissionDenied, ReadOnly
from forensiclog.domain.roles import WRITES, Action, Role, may
from forensiclog.services import history
from forensiclog.services.storage_errors import storage_errors
from forensiclog.services.workspace import OpenWorkspace


@dataclass(frozen=True)
class Actor:
    name: str
    role: Role


def utc_clock() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class ServiceContext:
    def __init__(
        self,
        workspace: OpenWorkspace,
        actor: Actor | None,
        clock: Callable[[], dt.datetime] = utc_clock,
    ) -> None:
        self.workspace = workspace
        self.actor = actor
        self.clock = clock

    def require(self, action: Action) -> None:
        if action in WRITES and self.workspace.read_only:
            raise ReadOnly(self.workspace.label)
        if self.actor is None:
            # A sealed case file has no users: anyone may read it and print reports from it.
            if action in (Action.READ, Action.EXPORT_REPORT) and self.workspace.read_only:
                return
            raise PermissionDenied("(nobody signed in)", "none", action.value)
        if not may(self.actor.role, action):
            raise PermissionDenied(self.actor.name, self.actor.role.value, action.value)

    def may(self, action: Action) -> bool:
        try:
            self.require(action)
        except (PermissionDenied, ReadOnly):
            return False
        return True

    @property
    def user_name(self) -> str:
        return self.actor.name if self.actor else "(nobody)"

    @contextmanager
    def reading(self) -> Iterator[Session]:
        """A read transaction (a consistent snapshot of the workspace)."""
        self.require(Action.READ)
        with (
            storage_errors(self.workspace.label),
            self.workspace.read_session() as session,
            session.begin(),
        ):
            yield session

    @contextmanager
    def writing(self, action: Action) -> Iterator[history.Tx]:
        """One action: all of it commits with its history entries, or none of it does."""
        self.require(action)
        with (
            storage_errors(self.workspace.label),
            self.workspace.write_session() as session,
            session.begin(),
        ):
            tx = history.Tx(session, self.user_name, self.workspace.info.uid, self.clock())
            yield tx
            history.append(tx, self.workspace.signer())

    @contextmanager
    def noting(self) -> Iterator[history.Tx | None]:
        """A history note for a read action (an export); none on a read-only workspace."""
        if self.workspace.read_only:
            yield None
            return
        with (
            storage_errors(self.workspace.label),
            self.workspace.write_session() as session,
            session.begin(),
        ):
            tx = history.Tx(session, self.user_name, self.workspace.info.uid, self.clock())
            yield tx
            history.append(tx, self.workspace.signer())
