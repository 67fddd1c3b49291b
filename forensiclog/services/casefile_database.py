"""Checking the database inside a case file: whose it is, its chains and signed heads, its
records against their last recorded states, and its photo records against the photo members."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Connection, func, select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from forensiclog.db.engine import sqlite_engine
from forensiclog.db.models import Case, PhotoFile, User, WorkspaceRow
from forensiclog.domain.casefile_manifest import (
    DATABASE_MEMBER,
    MANIFEST_MEMBER,
    Manifest,
    photo_member,
)
from forensiclog.domain.records import Problem
from forensiclog.services.audit import unrecorded_changes
from forensiclog.services.casefile_history import ChainState, verify_all


@dataclass
class Found:
    """What checking the database found: problems, refusals, and each origin's chain."""

    problems: list[Problem] = field(default_factory=list)
    refusals: list[Problem] = field(default_factory=list)
    chains: dict[str, ChainState] = field(default_factory=dict)


# What a damaged or hostile database can raise while it is read: SQLite's errors, and the
# column types' own when a stored value is not of its column's kind.
UNREADABLE = (sqlite3.Error, SQLAlchemyError, ValueError, TypeError, OverflowError, KeyError)


def origin_label(manifest: Manifest, origin: str) -> str:
    exporter = manifest.workspace
    if origin == exporter.uid:
        return f"{exporter.site}-{exporter.team} ({exporter.name})"
    return f"workspace {origin[:8]}"


def check_database(path: Path, manifest: Manifest, photo_members: set[str]) -> Found:
    """(problems, refusals) of the database at ``path``, opened read-only and immutable."""
    engine = sqlite_engine(path, read_only=True, immutable=True)
    try:
        with engine.connect() as connection:
            return _check(connection, manifest, photo_members)
    except UNREADABLE as error:
        refusal = Problem(DATABASE_MEMBER, f"cannot be read as a ForensicLog database ({error})")
        return Found(refusals=[refusal])
    finally:
        engine.dispose()


def _check(connection: Connection, manifest: Manifest, photo_members: set[str]) -> Found:
    rows = connection.execute(select(WorkspaceRow.uid, WorkspaceRow.public_key)).all()
    if len(rows) != 1:
        return Found(refusals=[Problem(DATABASE_MEMBER, "is not a ForensicLog case file database")])
    problems: list[Problem] = []
    if tuple(rows[0]) != (manifest.workspace.uid, manifest.workspace.public_key):
        problems.append(
            Problem(DATABASE_MEMBER, "belongs to another workspace than the one that signed it")
        )
    labels = {manifest.workspace.uid: origin_label(manifest, manifest.workspace.uid)}
    chains = verify_all(connection, labels)
    problems += [p for state in chains.values() for p in state.problems]
    problems += _head_problems(manifest, chains.get(manifest.workspace.uid))
    with Session(bind=connection) as session:
        problems += unrecorded_changes(session)
    problems += _contents(connection, manifest, photo_members)
    problems += _references(connection)
    return Found(problems, [], chains)


def _head_problems(manifest: Manifest, state: ChainState | None) -> list[Problem]:
    head, expected = (state.head if state else None), manifest.head
    if expected is None:
        return [Problem(MANIFEST_MEMBER, "names no chain head")] if head else []
    if head is None:
        return [
            Problem(DATABASE_MEMBER, "holds no signed head of the exporting workspace's history")
        ]
    found = (head.origin, head.seq, head.entry_hash, head.signature)
    if found != (expected.origin, expected.seq, expected.entry_hash, expected.signature):
        return [Problem(MANIFEST_MEMBER, "its chain head differs from the database's")]
    if head.public_key != manifest.workspace.public_key:
        return [
            Problem(DATABASE_MEMBER, "its history's head is signed by another key than the file")
        ]
    return []


def _contents(connection: Connection, manifest: Manifest, photo_members: set[str]) -> list[Problem]:
    problems = []
    if connection.scalar(select(func.count()).select_from(User)):
        problems.append(
            Problem(DATABASE_MEMBER, "carries user records, which a case file never holds")
        )
    numbers = set(connection.scalars(select(Case.case_number)))
    if numbers != set(manifest.cases):
        problems.append(Problem(MANIFEST_MEMBER, "its list of cases differs from the database's"))
    recorded = {photo_member(sha) for sha in connection.scalars(select(PhotoFile.sha256))}
    problems += [
        Problem(
            f"photo {name.rsplit('/', 1)[-1]}", "has a record but its original is not in the file"
        )
        for name in sorted(recorded - photo_members)
    ]
    problems += [
        Problem(name, "is a photo with no record in the database")
        for name in sorted(photo_members - recorded)
    ]
    return problems


def _references(connection: Connection) -> list[Problem]:
    broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()[:20]
    return [
        Problem(
            f"{DATABASE_MEMBER} table {table} row {rowid}", f"refers to a missing {parent} record"
        )
        for table, rowid, parent, _ in broken
    ]
