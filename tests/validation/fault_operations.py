"""The operations the fault figure breaks, as commands a user types, and how to tell whether
each left all of its work, none of it, or part of it."""

from __future__ import annotations

import json
import pickle
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from forensiclog.db.engine import DATABASE_FILE
from forensiclog.services.casefiles import verify_casefile
from tests.validation.crash_checks import casefile_cases
from tests.validation.findings import examine
from tests.validation.workloads import FIELD_EXCHANGE, LIST_EXCHANGE, Material

FIRST_CASE = "KYV-T1-00001"
# "all" of it, "none" of it, or why it is only part of it.
Presence = str


@dataclass(frozen=True)
class Operation:
    name: str
    user: str
    office: bool
    args: Callable[[Path, Material], list[str]]
    presence: Callable[[Path, Material], Presence]


def _rows(disk: Path, sql: str, *args: object) -> list[tuple[object, ...]]:
    connection = sqlite3.connect(disk / "workspace" / DATABASE_FILE)
    try:
        return connection.execute(sql, args).fetchall()
    finally:
        connection.close()


def _count(disk: Path, sql: str, *args: object) -> int:
    return int(str(_rows(disk, sql, *args)[0][0]))


def _notes(disk: Path, action: str) -> list[dict[str, object]]:
    rows = _rows(disk, "SELECT after FROM audit_entries WHERE action = ?", action)
    return [json.loads(str(r[0])) for r in rows]


def _register_presence(disk: Path, material: Material) -> Presence:
    cases = _rows(disk, "SELECT id FROM cases WHERE tag = 'X-1'")
    if not cases:
        return "none"
    moves = _count(disk, "SELECT count(*) FROM custody_entries WHERE case_id = ?", cases[0][0])
    return "all" if len(cases) == 1 and moves == 1 else f"{len(cases)} cases, {moves} moves"


def _document_presence(disk: Path, material: Material) -> Presence:
    documents = _rows(disk, "SELECT id FROM documents WHERE number = 'FD-1'")
    if not documents:
        return "none"
    linked = _count(disk, "SELECT count(*) FROM case_photos WHERE document_id = ?", documents[0][0])
    return "all" if len(documents) == 1 and linked == 1 else f"document with {linked} photos of 1"


def _photo_presence(disk: Path, material: Material) -> Presence:
    photos = _count(disk, "SELECT count(*) FROM case_photos WHERE caption = 'FP'")
    return {0: "none", 3: "all"}.get(photos, f"{photos} photos of 3")


def _manifest_presence(disk: Path, material: Material) -> Presence:
    name = material.lists[0].name
    imports = _rows(disk, "SELECT id, rows FROM manifest_imports WHERE file_name = ?", name)
    if not imports:
        return "none"
    cases = _count(
        disk, "SELECT count(*) FROM declared_identities WHERE manifest_id = ?", imports[0][0]
    )
    return "all" if cases == imports[0][1] and len(imports) == 1 else f"{cases} cases"


def _export_presence(disk: Path, material: Material) -> Presence:
    target = disk / "out" / "x.fcase"
    noted = any(n["file"] == target.name for n in _notes(disk, "casefile.export"))
    if not target.exists():
        return "a history note for a file that is not there" if noted else "none"
    verdict = verify_casefile(target)
    if not verdict.valid:
        return f"a case file that does not verify: {verdict.problems[:2]}"
    return "all" if noted else "a case file whose export is not in the history"


def _import_presence(disk: Path, material: Material) -> Presence:
    expected = casefile_cases(material.casefiles[0])
    held = {str(r[0]) for r in _rows(disk, "SELECT case_number FROM cases")} & expected
    noted = len(_notes(disk, "casefile.import"))
    if not noted and not held:
        return "none"
    return "all" if noted == 1 and held == expected else f"{noted} notes, {len(held)} cases"


def _backup_presence(disk: Path, material: Material) -> Presence:
    target = disk / "out" / "b"
    noted = any(n["destination"] == str(target) for n in _notes(disk, "workspace.backup"))
    if not target.exists():
        return "a history note for a backup that is not there" if noted else "none"
    found = examine(target)
    if not found.clean:
        return f"a backup that does not check clean: {found.problems[:2]}"
    return "all" if noted else "a backup whose making is not in the history"


def _register_args(disk: Path, material: Material) -> list[str]:
    return ["body", "add", "--exchange", FIELD_EXCHANGE, "--tag", "X-1", "--location", "Shelf X"]


def _document_args(disk: Path, material: Material) -> list[str]:
    fields = ["--kind", "passport", "--country", "RUS", "--number", "FD-1"]
    return ["doc", "add", FIRST_CASE, *fields, "--photo", str(material.photos[3])]


def _photo_args(disk: Path, material: Material) -> list[str]:
    files = [str(p) for p in material.photos[:3]]
    return ["photo", "add", FIRST_CASE, *files, "--caption", "FP"]


def _manifest_args(disk: Path, material: Material) -> list[str]:
    return ["manifest", "import", LIST_EXCHANGE, str(material.lists[0])]


def _export_args(disk: Path, material: Material) -> list[str]:
    target = str(disk / "out" / "x.fcase")
    return ["casefile", "export", "--exchange", FIELD_EXCHANGE, "-o", target]


def _import_args(disk: Path, material: Material) -> list[str]:
    return ["casefile", "import", str(material.casefiles[0])]


def _backup_args(disk: Path, material: Material) -> list[str]:
    return ["backup", str(disk / "out" / "b")]


OPERATIONS = (
    Operation("register", "petro", False, _register_args, _register_presence),
    Operation("document", "petro", False, _document_args, _document_presence),
    Operation("photo import", "petro", False, _photo_args, _photo_presence),
    Operation("manifest import", "olena", False, _manifest_args, _manifest_presence),
    Operation("case-file export", "olena", False, _export_args, _export_presence),
    Operation("case-file import", "olena", True, _import_args, _import_presence),
    Operation("backup", "olena", False, _backup_args, _backup_presence),
)


@dataclass
class Judgement:
    """One run under a fault: what breaks the target, and what is counted."""

    problems: list[str] = field(default_factory=list)
    done: bool = False
    orphans: int = 0
    leftovers: int = 0
    calls: int = -1
    largest: int = 0


def _text(path: Path) -> str:
    return path.read_text(errors="replace") if path.exists() else ""


def _said(operation: Operation, report: Path, judgement: Judgement) -> int | None:
    """The exit status, after checking that what the user read was a message."""
    code_file, err = report.with_suffix(".code"), _text(report.with_suffix(".err")).strip()
    code = int(code_file.read_text()) if code_file.exists() else None
    said = err.splitlines()[0][:160] if err else "(nothing)"
    if code not in (0, 1):
        judgement.problems.append(f"crashed: {said or _text(report.parent / 'log')[-300:]}")
    elif code == 1 and (not err.startswith("error:") or "internal error" in err):
        judgement.problems.append(f"not a refusal: {said}")
    if "Traceback" in err + _text(report.with_suffix(".out")):
        judgement.problems.append("a traceback reached the user")
    return code


def judge(operation: Operation, folder: Path, material: Material) -> Judgement:
    """What the command said, whether it left all of its work or none, and the workspace."""
    judgement = Judgement()
    report, disk = folder / "report", folder / "disk"
    code = _said(operation, report, judgement)
    try:
        presence = operation.presence(disk, material)
    except sqlite3.DatabaseError as error:
        presence = f"the database cannot be read: {error}"
    if presence not in ("all", "none"):
        judgement.problems.append(f"half-saved: {presence}")
    elif code == 0 and presence != "all":
        judgement.problems.append("reported done, but its work is not there")
    elif code == 1 and presence == "all":
        judgement.problems.append("refused, yet its work is all there")
    found = examine(disk / "workspace")
    judgement.problems += [f"workspace: {p}" for p in found.problems]
    judgement.done, judgement.orphans, judgement.leftovers = (
        code == 0,
        found.orphans,
        found.leftovers,
    )
    calls = report.with_suffix(".calls")
    judgement.calls = int(calls.read_text()) if calls.exists() else -1
    judgement.largest = max((p.stat().st_size for p in disk.rglob("*") if p.is_file()), default=0)
    return judgement


def judge_into(name: str, folder: Path, material: Material, output: Path) -> None:
    """``judge`` in a child of the fork server, its judgement pickled to ``output``."""
    operation = next(o for o in OPERATIONS if o.name == name)
    output.write_bytes(pickle.dumps(judge(operation, folder, material)))
