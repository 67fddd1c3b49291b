"""Judging one killed trial: what each workload wrote is all there or all absent, everything
acknowledged is there, and the workspace (and any backup or new workspace) checks clean."""

from __future__ import annotations

import json
import pickle
import sqlite3
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy.exc import SQLAlchemyError

from forensiclog.db import migrate
from forensiclog.db.engine import DATABASE_FILE, sqlite_engine
from forensiclog.domain.errors import Refusal
from forensiclog.services.casefiles import verify_casefile
from tests.validation.crash_child import BACKUPS, BODIES, EXPORTS
from tests.validation.findings import Findings, examine, integrity
from tests.validation.workloads import Material


@dataclass
class Verdict:
    """One trial: problems break the target; counts are reported."""

    problems: list[str] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    corrupt: bool = False

    def count(self, name: str, by: int = 1) -> None:
        if by:
            self.counts[name] = self.counts.get(name, 0) + by

    def absorb(self, found: Findings, where: str) -> None:
        self.problems += [f"{where}: {p}" for p in found.problems]
        self.count("orphan photo files left", found.orphans)
        self.count("temporary files left", found.leftovers)
        self.corrupt = self.corrupt or found.corrupt


def _rows(database: Path, sql: str, *args: object) -> list[tuple[object, ...]]:
    connection = sqlite3.connect(database)
    try:
        return connection.execute(sql, args).fetchall()
    finally:
        connection.close()


def _one(database: Path, sql: str, *args: object) -> object:
    return _rows(database, sql, *args)[0][0]


def _partials(folder: Path, name: str) -> int:
    return sum(1 for p in folder.glob(f".{name}.partial-*"))


def _judge_intake(trial: Path, material: Material, acks: list[str], verdict: Verdict) -> None:
    db = trial / "workspace" / DATABASE_FILE
    for i in range(BODIES):
        cases = _rows(db, "SELECT id, case_number FROM cases WHERE tag = ?", f"T-{i}")
        if len(cases) > 1:
            verdict.problems.append(f"body T-{i} registered {len(cases)} times")
        for case_id, number in cases:
            moves = _one(
                db,
                "SELECT count(*) FROM custody_entries WHERE case_id = ? AND to_location = ?",
                case_id,
                f"Shelf {i}",
            )
            if moves != 1:
                verdict.problems.append(f"half-saved case {number}: {moves} custody entries")
        documents = _rows(db, "SELECT id FROM documents WHERE number = ?", f"D{i:04d}")
        for (document_id,) in documents:
            linked = _one(db, "SELECT count(*) FROM case_photos WHERE document_id = ?", document_id)
            if linked != 1:
                verdict.problems.append(f"half-saved document D{i:04d}: {linked} photos of 1")
        photos = _one(db, "SELECT count(*) FROM case_photos WHERE caption = ?", f"C{i}")
        if photos not in (0, 2):
            verdict.problems.append(f"half-saved photo import C{i}: {photos} photos of 2")
        _require_acked(verdict, acks, f"T-{i}", bool(cases))
        _require_acked(verdict, acks, f"document D{i:04d}", bool(documents))
        _require_acked(verdict, acks, f"photos C{i}", photos == 2)
    verdict.absorb(examine(trial / "workspace"), "workspace")


def _require_acked(verdict: Verdict, acks: list[str], needle: str, present: bool) -> None:
    acked = any(line.endswith(needle) for line in acks)
    if acked and not present:
        verdict.problems.append(f"lost an acknowledged record: {needle}")


def _judge_manifest(trial: Path, material: Material, acks: list[str], verdict: Verdict) -> None:
    db = trial / "workspace" / DATABASE_FILE
    for n, listing in enumerate(material.lists):
        imports = _rows(
            db, "SELECT id, rows FROM manifest_imports WHERE file_name = ?", listing.name
        )
        for manifest_id, rows in imports:
            cases = _one(
                db,
                "SELECT count(*) FROM declared_identities d JOIN cases c ON c.id = d.case_id "
                "WHERE d.manifest_id = ?",
                manifest_id,
            )
            if cases != rows:
                verdict.problems.append(f"half-saved handover list {n}: {cases} of {rows} cases")
        if len(imports) > 1:
            verdict.problems.append(f"handover list {n} imported {len(imports)} times")
        _require_acked(verdict, acks, f"list {n}", bool(imports))
    verdict.absorb(examine(trial / "workspace"), "workspace")


def _notes(db: Path, action: str) -> list[dict[str, object]]:
    rows = _rows(db, "SELECT after FROM audit_entries WHERE action = ?", action)
    return [json.loads(str(r[0])) for r in rows]


def _judge_export(trial: Path, material: Material, acks: list[str], verdict: Verdict) -> None:
    db = trial / "workspace" / DATABASE_FILE
    noted = {note["file"] for note in _notes(db, "casefile.export")}
    for n in range(EXPORTS):
        name = f"e{n}.fcase"
        target = trial / "out" / name
        verdict.count("partial case files left", _partials(trial / "out", name))
        if target.exists():
            result = verify_casefile(target)
            if not result.valid:
                verdict.problems.append(f"{name} published but does not verify: {result.problems}")
            if name not in noted:
                verdict.count("case files published whose export note the kill lost")
        elif name in noted:
            verdict.problems.append(f"{name}: the history records an export that is not there")
        _require_acked(verdict, acks, f"export {n}", target.exists() and name in noted)
    verdict.absorb(examine(trial / "workspace"), "workspace")


def casefile_cases(path: Path) -> set[str]:
    with zipfile.ZipFile(path) as archive:
        return set(json.loads(archive.read("manifest.json"))["cases"])


def _judge_import(trial: Path, material: Material, acks: list[str], verdict: Verdict) -> None:
    db = trial / "workspace" / DATABASE_FILE
    imported = len(_notes(db, "casefile.import"))
    sets: list[set[str]] = [set()] + [casefile_cases(f) for f in material.casefiles]
    held = {str(r[0]) for r in _rows(db, "SELECT case_number FROM cases")} & sets[-1]
    if imported >= len(sets) or held != sets[imported]:
        verdict.problems.append(
            f"half-merged: {imported} imports recorded, {len(held)} of their cases present"
        )
    for n in range(len(material.casefiles)):
        _require_acked(verdict, acks, f"import {n}", imported > n)
    verdict.absorb(examine(trial / "workspace"), "workspace")


def _judge_backup(trial: Path, material: Material, acks: list[str], verdict: Verdict) -> None:
    db = trial / "workspace" / DATABASE_FILE
    noted = {note["destination"] for note in _notes(db, "workspace.backup")}
    for n in range(BACKUPS):
        target = trial / "out" / f"b{n}"
        verdict.count("partial backup folders left", _partials(trial / "out", f"b{n}"))
        if target.exists():
            verdict.absorb(examine(target), f"backup b{n}")
            if str(target) not in noted:
                verdict.count("backups made whose history note the kill lost")
        elif str(target) in noted:
            verdict.problems.append(f"b{n}: the history records a backup that is not there")
        _require_acked(verdict, acks, f"backup {n}", target.exists() and str(target) in noted)
    verdict.absorb(examine(trial / "workspace"), "workspace")


def _judge_bare_schema(bare: Path, acks: list[str], verdict: Verdict) -> None:
    """A migration interrupted leaves the schema before it or after it, and runs again."""
    if not bare.exists():
        _require_acked(verdict, acks, "upgrade", False)
        return
    verdict.problems += integrity(bare)
    tables = {str(r[0]) for r in _rows(bare, "SELECT name FROM sqlite_master WHERE type='table'")}
    engine = sqlite_engine(bare, foreign_keys=False)
    try:
        with engine.connect() as connection:
            revision = migrate.current_revision(connection)
        if revision is None and tables - {"alembic_version"}:
            verdict.problems.append(f"half-migrated schema: {len(tables)} tables, no revision")
        _require_acked(verdict, acks, "upgrade", revision == migrate.SCHEMA_REVISION)
        migrate.upgrade(engine)
    except (SQLAlchemyError, Refusal) as error:
        verdict.problems.append(f"the interrupted migration does not run again: {error}")
    finally:
        engine.dispose()


def _judge_migration(trial: Path, material: Material, acks: list[str], verdict: Verdict) -> None:
    _judge_bare_schema(trial / "out" / "bare.db", acks, verdict)
    new = trial / "out" / "new"
    verdict.count("partial new workspaces left", _partials(trial / "out", "new"))
    if new.exists():
        verdict.absorb(examine(new), "new workspace")
    _require_acked(verdict, acks, "init", new.exists())
    verdict.absorb(examine(trial / "old", keyless=True), "stored first-release workspace")
    cases = _one(trial / "old" / DATABASE_FILE, "SELECT count(*) FROM cases")
    if cases != _one(material.golden, "SELECT count(*) FROM cases"):
        verdict.problems.append(f"stored first-release workspace lost cases: {cases} left")


JUDGES: dict[str, Callable[[Path, Material, list[str], Verdict], None]] = {
    "intake": _judge_intake,
    "manifest": _judge_manifest,
    "export": _judge_export,
    "import": _judge_import,
    "backup": _judge_backup,
    "migration": _judge_migration,
}


def judge(kind: str, trial: Path, material: Material) -> Verdict:
    """Everything the crash figure requires after a trial of ``kind`` ended or was killed."""
    acks_file = trial / "acks"
    acks = acks_file.read_text().splitlines() if acks_file.exists() else []
    verdict = Verdict()
    verdict.count("acknowledged actions", len(acks))
    try:
        JUDGES[kind](trial, material, acks, verdict)
    except (sqlite3.DatabaseError, SQLAlchemyError, Refusal) as error:
        verdict.problems.append(f"could not be examined: {type(error).__name__}: {error}")
        verdict.corrupt = True
    return verdict


def judge_into(kind: str, trial: Path, material: Material, output: Path) -> None:
    """``judge`` in a child of the fork server, its verdict pickled to ``output``."""
    output.write_bytes(pickle.dumps(judge(kind, trial, material)))
