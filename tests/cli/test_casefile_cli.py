"""Sealed case files through the command line, as a coordinator and an auditor would use them:
export on a field laptop, verify anywhere, import at the office, open read-only."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest

from tests.cli.conftest import Run, forensiclog
from tests.conftest import PASSWORDS, create_workspace

OLENA = {"user": "olena", "password": PASSWORDS["olena"]}
PETRO = {"user": "petro", "password": PASSWORDS["petro"]}


def sha256_of(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="session")
def office_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return create_workspace(tmp_path_factory.mktemp("office") / "workspace", team="T9")


@pytest.fixture
def office(office_template: Path, tmp_path: Path) -> Path:
    return Path(shutil.copytree(office_template, tmp_path / "office"))


@pytest.fixture
def exported(cli: Run, tmp_path: Path) -> Path:
    assert cli("exchange", "add", "R2-0613", "--date", "2025-06-13", "--declared", "6000").code == 0
    for tag in ("UA-1", "UA-2"):
        assert cli("body", "add", "--exchange", "R2-0613", "--tag", tag, user="petro").code == 0
    done = cli(
        "--json", "casefile", "export", "--exchange", "R2-0613", "-o", str(tmp_path / "r2.fcase")
    )
    assert done.code == 0, done.stderr
    assert set(done.json) >= {"file", "sha256", "cases", "photos", "signer"}
    assert (done.json["cases"], done.json["photos"]) == (2, 0)
    path = Path(done.json["file"])
    assert done.json["sha256"] == sha256_of(path)
    return path


def test_verify_needs_no_workspace_and_answers_valid(exported: Path) -> None:
    done = forensiclog(None, "--json", "casefile", "verify", str(exported))
    assert done.code == 0, done.stderr
    assert done.json["valid"] is True and done.json["problems"] == []
    assert len(done.json["signer"]) == 39 and done.json["exported_by"] == "olena"
    text = forensiclog(None, "casefile", "verify", str(exported))
    assert text.code == 0 and "verified, signed by" in text.stdout


def test_a_changed_byte_fails_verify_naming_the_member(exported: Path, tmp_path: Path) -> None:
    data = bytearray(exported.read_bytes())
    data[len(data) // 2] ^= 0x01
    changed = tmp_path / "changed.fcase"
    changed.write_bytes(data)
    done = forensiclog(None, "--json", "casefile", "verify", str(changed))
    assert done.code == 1
    assert done.json["valid"] is False and done.json["problems"]
    assert "forensiclog.db" in done.stderr


def test_the_office_imports_twice_and_sees_a_conflict(
    cli: Run, exported: Path, office: Path, tmp_path: Path
) -> None:
    first = forensiclog(office, "--json", "casefile", "import", str(exported), **OLENA)
    assert first.code == 0, first.stderr
    assert {
        k: first.json[k] for k in ("added", "updated", "unchanged", "conflicts", "photos_added")
    } == {
        "added": 2,
        "updated": 0,
        "unchanged": 0,
        "conflicts": [],
        "photos_added": 0,
    }
    again = forensiclog(office, "--json", "casefile", "import", str(exported), **OLENA)
    assert (again.json["added"], again.json["unchanged"]) == (0, 2)
    assert cli("body", "edit", "KYV-T1-00002", "--notes", "ноутбук", user="petro").code == 0
    edited = forensiclog(office, "body", "edit", "KYV-T1-00002", "--notes", "офіс", **PETRO)
    assert edited.code == 0, edited.stderr
    second = cli(
        "--json", "casefile", "export", "--exchange", "R2-0613", "-o", str(tmp_path / "r2b.fcase")
    )
    merged = forensiclog(office, "--json", "casefile", "import", second.json["file"], **OLENA)
    assert merged.code == 0, merged.stderr
    (conflict,) = merged.json["conflicts"]
    assert conflict["case"] == "KYV-T1-00002"
    assert conflict["fields"] == {"notes": {"local": "офіс", "incoming": "ноутбук"}}
    shown = forensiclog(office, "--json", "body", "show", "KYV-T1-00002", **OLENA)
    assert shown.json["notes"] == "офіс"


def test_refused_imports_exit_1_and_name_why(exported: Path, office: Path, tmp_path: Path) -> None:
    from tests.services.test_casefile_verify import members_of, repack, resign

    as_examiner = forensiclog(office, "casefile", "import", str(exported), **PETRO)
    assert as_examiner.code == 1 and "may not import case files" in as_examiner.stderr
    crafted = repack([*members_of(exported), ("../evil.txt", b"x")], tmp_path / "crafted.fcase")
    escaped = forensiclog(office, "casefile", "import", str(crafted), **OLENA)
    assert escaped.code == 1 and "../evil.txt: its name would escape" in escaped.stderr
    assert not (tmp_path / "evil.txt").exists() and not (office.parent / "evil.txt").exists()
    forged = resign(exported, tmp_path / "forged.fcase")
    refused = forensiclog(office, "casefile", "import", str(forged), **OLENA)
    assert (
        refused.code == 1
        and "does not verify" in refused.stderr
        and "manifest.sig" in refused.stderr
    )
    taken = forensiclog(
        office, "--json", "casefile", "import", "--unverified", str(forged), **OLENA
    )
    assert taken.code == 0 and taken.json["unverified"] is True and taken.json["added"] == 2


def test_an_auditor_opens_the_file_read_only(exported: Path, tmp_path: Path) -> None:
    digest = sha256_of(exported)
    shown = forensiclog(exported, "--json", "body", "show", "KYV-T1-00001")
    assert shown.code == 0, shown.stderr
    assert shown.json["tag"] == "UA-1" and shown.json["history"]
    listed = forensiclog(exported, "--json", "body", "list")
    assert [r["case"] for r in listed.json] == ["KYV-T1-00001", "KYV-T1-00002"]
    info = forensiclog(exported, "--json", "info")
    assert info.json["read_only"] is True and info.json["workspace"] == str(exported)
    assert forensiclog(exported, "--json", "audit", "log").code == 0
    report = forensiclog(
        exported, "--json", "report", "exchange", "R2-0613", "-o", str(tmp_path / "r.pdf")
    )
    assert report.code == 0, report.stderr
    for write in (
        ("body", "add", "--exchange", "R2-0613"),
        ("body", "edit", "KYV-T1-00001", "--notes", "forged"),
        ("body", "status", "KYV-T1-00001", "examined", "--reason", "r"),
        ("exchange", "add", "R9", "--date", "2025-01-01", "--declared", "1"),
        ("casefile", "export", "--exchange", "R2-0613", "-o", str(tmp_path / "again.fcase")),
    ):
        refused = forensiclog(exported, *write)
        assert refused.code == 1 and "read-only" in refused.stderr, (write, refused.stderr)
    signed_in = forensiclog(exported, "body", "edit", "KYV-T1-00001", "--notes", "forged", **OLENA)
    assert signed_in.code == 1
    assert sha256_of(exported) == digest
    assert sorted(p.name for p in exported.parent.glob("*.fcase")) == ["r2.fcase"]
