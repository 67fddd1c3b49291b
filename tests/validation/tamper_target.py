"""What the tampering figure alters: a workspace holding a record of every audited kind, a
chain merged from another laptop, an older copy of itself, and a sealed case file — and the
detectors run on it (``check``, ``audit verify``, ``casefile verify``).

Between mutations the workspace is put back byte for byte; its database is kept in rollback-
journal mode and the detectors open it read-only, so nothing but the mutation ever changes it.
"""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.orm import Session

from forensiclog.db.engine import DATABASE_FILE, sqlite_engine
from forensiclog.domain.errors import Refusal
from forensiclog.domain.roles import Role
from forensiclog.services.audit import AuditService
from forensiclog.services.casefiles import verify_casefile
from forensiclog.services.context import Actor, ServiceContext
from forensiclog.services.integrity import IntegrityService
from forensiclog.services.storage_errors import storage_errors
from forensiclog.services.workspace import OpenWorkspace, read_info
from tests.conftest import create_workspace
from tests.validation.workloads import (
    FIELD_EXCHANGE,
    LIST_EXCHANGE,
    Material,
    build_material,
    copy_tree,
    handover_list,
    services,
)

CHECK, AUDIT, CASEFILE = "check", "audit verify", "casefile verify"


@dataclass(frozen=True)
class Prepared:
    """The untouched material, built once and shared by every lane."""

    workspace: Path
    older: Path
    casefile: Path
    material: Material


def _enrich(path: Path, material: Material, listing: Path) -> None:
    """Records of every audited kind, and cases edited more than once."""
    coordinator, examiner = services(path, "olena"), services(path, "petro")
    coordinator.manifest.import_file(LIST_EXCHANGE, listing)
    first, second = "KYV-T1-00001", "KYV-T1-00002"
    examiner.cases.edit(first, {"notes": "tattoo on the left arm", "sex": "M"})
    examiner.cases.edit(first, {"notes": "tattoo on the left forearm", "stature_cm": "178"})
    examiner.cases.add_mark(first, kind="tattoo", description="anchor", body_location="left arm")
    examiner.examination.add_sample(first, kind="bone", sample_number="S-1", lab="Kyiv")
    examiner.examination.record_result("S-1", result="profile obtained")
    examiner.examination.set_checklist(first, "dna", "done")
    examiner.effects.add(
        first, kind="watch", description="steel watch", photos=[material.photos[-1]]
    )
    examiner.cases.link_duplicate(first, second, reason="same tattoo")
    examiner.examination.move(second, to="Fridge 7", reason="space")
    examiner.decisions.propose_identification(
        first, surname="Гнатюк", given_names="Іван", methods=["dna"], reason="DNA match"
    )
    coordinator.decisions.confirm(first, reason="DNA match confirmed")
    coordinator.workspace.close()
    examiner.workspace.close()


def _merge_from_another_laptop(path: Path, root: Path, material: Material) -> None:
    other = create_workspace(root / "laptop-3", team="T3")
    laptop = services(other, "olena")
    laptop.exchanges.add(FIELD_EXCHANGE, date="2025-06-01", declared=20)
    case = laptop.cases.register(FIELD_EXCHANGE, tag="L3-1", location="Tent").case_number
    laptop.photos.add(case, [material.photos[-2]], caption="from laptop 3")
    laptop.casefiles.export(root / "laptop-3.fcase", cases=[case])
    laptop.workspace.close()
    here = services(path, "olena")
    here.merge.import_file(root / "laptop-3.fcase")
    here.workspace.close()


def _settle(path: Path) -> None:
    """Checkpointed into rollback-journal mode, so a read-only open writes nothing."""
    connection = sqlite3.connect(path / DATABASE_FILE)
    connection.execute("PRAGMA journal_mode=DELETE")
    connection.close()


def prepare(root: Path) -> Prepared:
    material = build_material(root / "material")
    workspace = copy_tree(material.field, root / "workspace")
    listing = handover_list(root / "tamper-list.csv", 90_000, 5)
    _enrich(workspace, material, listing)
    older = copy_tree(workspace, root / "older")
    more = services(workspace, "petro")
    more.cases.edit("KYV-T1-00003", {"notes": "after the older copy"})
    more.workspace.close()
    _merge_from_another_laptop(workspace, root, material)
    sealed = root / "sealed.fcase"
    coordinator = services(workspace, "olena")
    coordinator.casefiles.export(sealed, exchange=FIELD_EXCHANGE)
    coordinator.workspace.close()
    for folder in (workspace, older):
        _settle(folder)
    return Prepared(workspace, older, sealed, material)


@dataclass(frozen=True)
class Detection:
    detected: bool
    by: str
    what: str


class Detectors:
    """The three detectors on one lane's copy. The workspace's engine is made once, so its
    compiled SQL is reused; the workspace's identity and key are read afresh every time, as
    opening the altered workspace would read them."""

    def __init__(self, workspace: Path) -> None:
        self.workspace = workspace
        self.engine = sqlite_engine(workspace / DATABASE_FILE, read_only=True)

    def _context(self) -> ServiceContext:
        with self.engine.connect() as connection, Session(connection) as session:
            info, key = read_info(session, self.workspace, read_only=True)
        opened = OpenWorkspace(self.workspace, self.engine, info, read_only=True, public_key=key)
        return ServiceContext(opened, Actor("iryna", Role.AUDITOR))

    def detect(self, path: Path, detector: str) -> Detection:
        """Run one detector; a refusal to open counts as detection, any other error propagates."""
        try:
            if detector == CASEFILE:
                verdict = verify_casefile(path)
                return Detection(not verdict.valid, detector, _first(verdict.problems))
            with storage_errors(str(self.workspace)):
                ctx = self._context()
            if detector == AUDIT:
                chain = AuditService(ctx).verify()
                return Detection(not chain.valid, detector, _first(chain.problems))
            report = IntegrityService(ctx).check()
            return Detection(not report.ok, detector, _first(report.problems))
        except Refusal as refusal:
            return Detection(True, detector, f"refused: {refusal}")

    def close(self) -> None:
        self.engine.dispose()


def _first(problems: Sequence[object]) -> str:
    return str(problems[0]) if problems else ""


class Copy:
    """A lane's own copy of the workspace and case file, put back after every mutation."""

    def __init__(self, prepared: Prepared, folder: Path) -> None:
        self.prepared = prepared
        self.workspace = copy_tree(prepared.workspace, folder / "workspace")
        self.casefile = folder / "sealed.fcase"
        self.database = (prepared.workspace / DATABASE_FILE).read_bytes()
        self.older_database = (prepared.older / DATABASE_FILE).read_bytes()
        self.sealed = prepared.casefile.read_bytes()
        self.casefile.write_bytes(self.sealed)
        self.photos_touched = False
        self._db: sqlite3.Connection | None = None

    def connect(self) -> sqlite3.Connection:
        """The database for a mutation (autocommit, foreign keys off); one per mutation."""
        if self._db is None:
            self._db = sqlite3.connect(self.workspace / DATABASE_FILE, isolation_level=None)
            self._db.execute("PRAGMA foreign_keys=OFF")
        return self._db

    def release(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None

    def restore(self) -> None:
        self.release()
        (self.workspace / DATABASE_FILE).write_bytes(self.database)
        for leftover in ("-journal", "-wal", "-shm"):
            (self.workspace / (DATABASE_FILE + leftover)).unlink(missing_ok=True)
        self.casefile.write_bytes(self.sealed)
        if self.photos_touched:
            shutil.rmtree(self.workspace / "photos")
            shutil.copytree(self.prepared.workspace / "photos", self.workspace / "photos")
            self.photos_touched = False
