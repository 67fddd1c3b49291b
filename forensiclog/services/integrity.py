"""Checking a workspace: the database file, the history, records changed behind its back,
the signing key, and every original photo."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from forensiclog.db.models import Case, CustodyEntry, PhotoFile
from forensiclog.domain.errors import EnvironmentProblem
from forensiclog.domain.records import Problem
from forensiclog.domain.roles import Action
from forensiclog.services.audit import AuditService, unrecorded_changes
from forensiclog.services.context import ServiceContext
from forensiclog.services.photo_store import PhotoStore
from forensiclog.services.signing import load_key


@dataclass(frozen=True)
class CheckReport:
    problems: tuple[Problem, ...]
    entries: int
    photos: int
    orphans: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        return not self.problems


def _database(session: Session) -> list[Problem]:
    connection = session.connection()
    if connection.dialect.name != "sqlite":
        return []
    problems = []
    result = [r[0] for r in connection.exec_driver_sql("PRAGMA integrity_check").fetchall()]
    if result != ["ok"]:
        problems += [Problem("database", line) for line in result[:20]]
    for table, rowid, parent, _ in connection.exec_driver_sql(
        "PRAGMA foreign_key_check"
    ).fetchall()[:20]:
        problems.append(
            Problem(f"database table {table} row {rowid}", f"refers to a missing {parent} record")
        )
    return problems


def _locations(session: Session) -> list[Problem]:
    """A case's location is kept for speed beside the custody log and left out of the
    history's hash: it must be where the case's last custody entry put it."""
    order = (CustodyEntry.moved_at.desc(), CustodyEntry.id.desc())
    moves = select(
        CustodyEntry.case_id,
        CustodyEntry.to_location,
        func.row_number().over(partition_by=CustodyEntry.case_id, order_by=order).label("n"),
    ).subquery()
    ends = session.execute(select(moves.c.case_id, moves.c.to_location).where(moves.c.n == 1))
    last: dict[int, str | None] = {case_id: where for case_id, where in ends}
    cases = session.execute(select(Case.case_number, Case.id, Case.location))
    return [
        Problem(
            f"case {number}",
            f"its location {location!r} is not where its custody log ends "
            f"({last.get(case_id)!r}): changed behind the application's back",
        )
        for number, case_id, location in cases
        if location != last.get(case_id)
    ]


def _photos(session: Session, store: PhotoStore) -> tuple[list[Problem], int, list[str]]:
    problems: list[Problem] = []
    recorded = set(session.scalars(select(PhotoFile.sha256)))
    for sha in sorted(recorded):
        if not store.has(sha):
            problems.append(
                Problem(f"photo {sha}", "its original file is missing from the photo store")
            )
        elif not store.verify(sha):
            problems.append(
                Problem(
                    f"photo {sha}", "its original file was altered: the SHA-256 no longer matches"
                )
            )
    orphans = sorted(set(store.iter_originals()) - recorded)
    problems += [
        Problem(f"photo store {sha}", "a file with no record (left by an interrupted import)")
        for sha in orphans
    ]
    problems += [
        Problem(f"photo store {p.name}", "an unfinished temporary file")
        for p in store.iter_leftovers()
    ]
    return problems, len(recorded), orphans


class IntegrityService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def photo_store(self) -> PhotoStore:
        return PhotoStore(self.ctx.workspace.path, read_only=self.ctx.workspace.read_only)

    def check(self) -> CheckReport:
        verdict = AuditService(self.ctx).verify()
        problems = list(verdict.problems)
        with self.ctx.reading() as session:
            problems = _database(session) + problems + unrecorded_changes(session)
            problems += _locations(session)
            photo_problems, photos, orphans = _photos(session, self.photo_store())
        problems += photo_problems + self._key()
        return CheckReport(tuple(problems), verdict.entries, photos, tuple(orphans))

    def _key(self) -> list[Problem]:
        if self.ctx.workspace.read_only:
            return []
        try:
            signer = load_key(self.ctx.workspace.path)
        except EnvironmentProblem as problem:
            return [Problem("signing key", str(problem))]
        if signer.public_key_hex != self.ctx.workspace.public_key:
            return [
                Problem("signing key", "does not match the public key recorded in the workspace")
            ]
        return []

    def clean(self) -> tuple[str, ...]:
        """Remove photo files that have no record and unfinished temporary files."""
        self.ctx.require(Action.REPAIR)
        store = self.photo_store()
        with self.ctx.writing(Action.REPAIR) as tx:
            recorded = set(tx.session.scalars(select(PhotoFile.sha256)))
            orphans = sorted(set(store.iter_originals()) - recorded)
            leftovers = list(store.iter_leftovers())
            for sha in orphans:
                store.remove_orphan(sha)
            for path in leftovers:
                store.remove_leftover(path)
            tx.note(
                "workspace.clean",
                "workspace",
                details={"orphans": orphans, "leftovers": len(leftovers)},
            )
        return tuple(orphans)
