"""Exporting cases as a sealed case file: what goes in (the cases and all they need, their
photos and history), what never does (other cases, password hashes, the private key), and
exports that are refused."""

from __future__ import annotations

import hashlib
import json
import shutil
import sqlite3
import subprocess
import zipfile
import zlib
from pathlib import Path

import pytest
from PIL import Image

from forensiclog.domain.audit_chain import REDACTED
from forensiclog.domain.casefile_manifest import SUFFIX
from forensiclog.domain.errors import (
    AlreadyExists,
    InvalidInput,
    NotFound,
    PermissionDenied,
    VerificationFailed,
)
from forensiclog.services.casefile_export import build_database, selected_cases
from forensiclog.services.casefile_sqlite import build_sqlite_database
from forensiclog.services.casefiles import verify_casefile
from forensiclog.services.photo_store import PhotoStore
from tests.conftest import Team

SECRET = "нотатка про іншу справу"


@pytest.fixture
def laptop(team: Team, tmp_path: Path) -> Team:
    """Two exchanges; the first with a body, its part, and a second body; the other exchange's
    case carries a note that must not leave in a file of the first."""
    c, e = team.coordinator, team.examiner
    c.exchanges.add("R2-0613", date="2025-06-13", declared=6000)
    c.exchanges.add("R3-0701", date="2025-07-01", declared=1000)
    e.cases.register("R2-0613", tag="UA-1", location="F1")  # 00001
    e.cases.register("R2-0613", tag="UA-2")  # 00002
    e.cases.register("R3-0701", tag="UA-9")  # 00003
    e.cases.edit("KYV-T1-00003", {"notes": SECRET})
    e.cases.add_part("KYV-T1-00001", condition="fragmented")
    e.examination.add_sample("KYV-T1-00001", kind="bone", sample_number="DNA-1", lab="Lab")
    e.effects.add("KYV-T1-00001", kind="watch", description="годинник", bag="B-7")
    camera = tmp_path / "camera"
    camera.mkdir()
    for seed, number in ((1, "KYV-T1-00001"), (2, "KYV-T1-00003")):
        shot = camera / f"{seed}.jpg"
        Image.new("RGB", (40, 30), (seed * 90, 20, 200)).save(shot)
        e.photos.add(number, [shot], kind="overview")
    return team


def database_of(path: Path, folder: Path) -> sqlite3.Connection:
    with zipfile.ZipFile(path) as archive:
        target = folder / "extracted.db"
        target.write_bytes(archive.read("forensiclog.db"))
    return sqlite3.connect(target)


def numbers(db: sqlite3.Connection) -> list[str]:
    return [r[0] for r in db.execute("SELECT case_number FROM cases ORDER BY case_number")]


def test_an_exchange_goes_out_with_everything_its_cases_need(laptop: Team, tmp_path: Path) -> None:
    result = laptop.coordinator.casefiles.export(tmp_path / "r2.fcase", exchange="R2-0613")
    assert (result.cases, result.photos) == (3, 1)
    assert result.sha256 == hashlib.sha256(result.file.read_bytes()).hexdigest()
    assert result.signer == laptop.workspace.info.public_key_fingerprint
    db = database_of(result.file, tmp_path)
    assert numbers(db) == ["KYV-T1-00001", "KYV-T1-00001-P01", "KYV-T1-00002"]
    assert [r[0] for r in db.execute("SELECT code FROM exchanges")] == ["R2-0613"]
    assert db.execute("SELECT count(*) FROM samples").fetchone()[0] == 1
    assert db.execute("SELECT count(*) FROM effects").fetchone()[0] == 1
    assert db.execute("SELECT count(*) FROM custody_entries").fetchone()[0] == 1
    assert db.execute("SELECT count(*) FROM search_keys").fetchone()[0] > 0
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    with zipfile.ZipFile(result.file) as archive:
        manifest = json.loads(archive.read("manifest.json"))
        photos = [n for n in archive.namelist() if n.startswith("photos/")]
    assert manifest["cases"] == numbers(db) and manifest["exchanges"] == ["R2-0613"]
    assert manifest["exported_by"] == {"name": "olena", "role": "coordinator"}
    assert len(photos) == 1
    assert verify_casefile(result.file).valid


def test_nothing_else_leaves_the_laptop(laptop: Team, tmp_path: Path) -> None:
    result = laptop.coordinator.casefiles.export(tmp_path / "r2.fcase", exchange="R2-0613")
    db = database_of(result.file, tmp_path)
    assert db.execute("SELECT count(*) FROM users").fetchone()[0] == 0
    raw = (tmp_path / "extracted.db").read_bytes()
    with zipfile.ZipFile(result.file) as archive:
        everything = b"".join(archive.read(n) for n in archive.namelist())
    for secret in (SECRET.encode(), b"KYV-T1-00003", b"$argon2", b"PRIVATE KEY", b"R3-0701"):
        assert secret not in raw and secret not in everything, secret
    key = (laptop.path / "keys" / "workspace.key").read_bytes()
    assert key not in everything
    # The history about the other case is there only as hashes, and still chains.
    redacted = db.execute(
        "SELECT count(*) FROM audit_entries WHERE action = ?", (REDACTED,)
    ).fetchone()[0]
    kept = db.execute(
        "SELECT count(*) FROM audit_entries WHERE action != ?", (REDACTED,)
    ).fetchone()[0]
    assert redacted > 0 and kept > 0
    assert (
        db.execute(
            "SELECT count(*) FROM audit_entries WHERE action = ? AND "
            "(entity_uid IS NOT NULL OR before IS NOT NULL OR after IS NOT NULL OR user_name != '')",
            (REDACTED,),
        ).fetchone()[0]
        == 0
    )


def test_a_case_brings_its_parts_and_a_part_its_case(laptop: Team, tmp_path: Path) -> None:
    whole = laptop.coordinator.casefiles.export(tmp_path / "a.fcase", cases=["KYV-T1-00001"])
    assert numbers(database_of(whole.file, tmp_path)) == ["KYV-T1-00001", "KYV-T1-00001-P01"]
    part = laptop.coordinator.casefiles.export(tmp_path / "b.fcase", cases=["KYV-T1-00001-P01"])
    assert numbers(database_of(part.file, tmp_path)) == ["KYV-T1-00001", "KYV-T1-00001-P01"]


def test_the_export_is_in_the_history_with_the_files_hash(laptop: Team, tmp_path: Path) -> None:
    result = laptop.coordinator.casefiles.export(tmp_path / "r2.fcase", exchange="R2-0613")
    last = laptop.auditor.audit.log(limit=1)[0]
    assert (last.action, last.user) == ("casefile.export", "olena")
    assert last.after is not None and last.after["sha256"] == result.sha256


def test_refused_exports_write_nothing(laptop: Team, tmp_path: Path) -> None:
    c = laptop.coordinator
    folder = tmp_path / "out"
    folder.mkdir()
    with pytest.raises(InvalidInput, match="not both"):
        c.casefiles.export(folder / "x.fcase", exchange="R2-0613", cases=["KYV-T1-00001"])
    with pytest.raises(InvalidInput, match="name an exchange or the cases to export"):
        c.casefiles.export(folder / "x.fcase")
    with pytest.raises(InvalidInput, match=SUFFIX):
        c.casefiles.export(folder / "x.zip", exchange="R2-0613")
    with pytest.raises(NotFound):
        c.casefiles.export(folder / "x.fcase", cases=["KYV-T1-00999"])
    with pytest.raises(NotFound):
        c.casefiles.export(folder / "x.fcase", exchange="R0")
    with pytest.raises(PermissionDenied):
        laptop.examiner.casefiles.export(folder / "x.fcase", exchange="R2-0613")
    (folder / "taken.fcase").write_bytes(b"somebody else's")
    with pytest.raises(AlreadyExists):
        c.casefiles.export(folder / "taken.fcase", exchange="R2-0613")
    assert sorted(p.name for p in folder.iterdir()) == ["taken.fcase"]
    assert (folder / "taken.fcase").read_bytes() == b"somebody else's"


@pytest.mark.tampers
def test_a_photo_altered_in_the_store_stops_the_export(laptop: Team, tmp_path: Path) -> None:
    sha = laptop.auditor.cases.show("KYV-T1-00001").photos[0].sha256
    original = PhotoStore(laptop.path).path_of(sha)
    original.chmod(0o600)
    original.write_bytes(b"retouched")
    with pytest.raises(VerificationFailed, match=f"photo {sha}"):
        laptop.coordinator.casefiles.export(tmp_path / "r2.fcase", exchange="R2-0613")
    assert list(tmp_path.glob("*.fcase*")) == [] and list(tmp_path.glob(".r2*")) == []


def test_openssl_and_sha256sum_alone_check_the_file(laptop: Team, tmp_path: Path) -> None:
    """docs/casefile.md's procedure for an auditor with standard tools, followed to the letter."""
    if shutil.which("openssl") is None:
        pytest.skip("openssl is not installed")
    path = laptop.coordinator.casefiles.export(tmp_path / "r2.fcase", exchange="R2-0613").file
    folder = tmp_path / "check"
    folder.mkdir()
    with zipfile.ZipFile(path) as archive:
        archive.extractall(folder)
    manifest = json.loads((folder / "manifest.json").read_bytes())
    der = bytes.fromhex("302a300506032b6570032100" + manifest["workspace"]["public_key"])
    (folder / "key.der").write_bytes(der)
    done = subprocess.run(
        [
            "openssl", "pkeyutl", "-verify", "-pubin", "-keyform", "DER", "-inkey", "key.der",
            "-rawin", "-in", "manifest.json", "-sigfile", "manifest.sig",
        ],
        cwd=folder, capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert done.returncode == 0 and "Signature Verified Successfully" in done.stdout, done.stderr
    for member in manifest["members"]:
        data = (folder / member["path"]).read_bytes()
        assert hashlib.sha256(data).hexdigest() == member["sha256"]
        assert zlib.crc32(data) == member["crc32"]


@pytest.mark.parametrize("selection", [{"exchange": "R2-0613"}, {"numbers": ["KYV-T1-00001-P01"]}])
def test_the_sqlite_builder_and_the_portable_one_write_the_same_database(
    laptop: Team, tmp_path: Path, selection: dict[str, object]
) -> None:
    """SQLite workspaces build the file's database in SQL; any other database through the
    ORM's tables. Both must write the same rows."""
    workspace = laptop.workspace
    exporter = workspace.info.uid
    exchange = selection.get("exchange")
    numbers = list(selection.get("numbers", []))  # type: ignore[call-overload]
    fast = build_sqlite_database(
        workspace.path / "forensiclog.db", tmp_path / "fast.db", exchange=exchange,
        numbers=numbers, exporter=exporter,
    )  # fmt: skip
    with laptop.auditor.ctx.reading() as session:
        ids = selected_cases(session, exchange=exchange, numbers=numbers)  # type: ignore[arg-type]
        portable = build_database(session, tmp_path / "portable.db", ids, exporter)
    assert fast == portable
    first, second = sqlite3.connect(tmp_path / "fast.db"), sqlite3.connect(tmp_path / "portable.db")
    tables = [r[0] for r in first.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    assert "audit_entries" in tables and "cases" in tables
    for table in tables:
        query = f"SELECT * FROM {table} ORDER BY 1"
        assert first.execute(query).fetchall() == second.execute(query).fetchall(), table
