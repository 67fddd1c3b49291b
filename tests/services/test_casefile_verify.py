"""Verifying a sealed case file: a fresh one verifies; a change to any byte is found and named;
crafted files (paths that escape, links, bombs, doubles, extra or missing members, a forged
signature, an unknown version) are refused with their reason, and nothing is written outside
the private folder."""

from __future__ import annotations

import hashlib
import json
import os
import random
import stat
import tempfile
import threading
import zipfile
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from PIL import Image

from forensiclog.domain.casefile_manifest import (
    CaseFileRefused,
    photo_member,
    unsafe_name,
)
from forensiclog.domain.errors import NotFound
from forensiclog.services.casefile_check import Limits
from forensiclog.services.casefile_layout import DEFLATED, STORED, Entry, read_layout
from forensiclog.services.casefile_zip import ArchiveWriter, member_chunks
from forensiclog.services.casefiles import open_casefile, verify_casefile
from forensiclog.services.signing import load_key
from tests.conftest import Team

Members = list[tuple[str, bytes]]


# -- helpers: read a case file apart and put it together again --------------------------------


def members_of(path: Path) -> Members:
    layout = read_layout(path, unsafe_name)
    return [(e.name, b"".join(member_chunks(path, e))) for e in layout.entries]


def repack(
    members: Members, target: Path, *, method_of: Callable[[str], int] | None = None
) -> Path:
    """A canonical archive of ``members`` (names and contents as given, nothing checked)."""
    with target.open("wb") as handle:
        writer = ArchiveWriter(handle)
        for name, data in members:
            method = (method_of or _method)(name)
            body = zlib.compressobj(1, zlib.DEFLATED, -15)
            stored = body.compress(data) + body.flush() if method == DEFLATED else data
            crc = zlib.crc32(data)
            writer.add(
                name,
                iter([stored]),
                method=method,
                crc32=crc,
                size=len(data),
                compressed=len(stored),
            )
        writer.finish()
    return target


def _method(name: str) -> int:
    return DEFLATED if name == "forensiclog.db" else STORED


def resign(
    path: Path,
    target: Path,
    *,
    sign: Callable[[bytes], bytes] | None = None,
    edit: Callable[[dict[str, object]], None] | None = None,
) -> Path:
    """The same file with its manifest edited and signed again (by default by a stranger)."""
    members = dict(members_of(path))
    manifest = json.loads(members["manifest.json"])
    if edit:
        edit(manifest)
    data = json.dumps(manifest, ensure_ascii=False, sort_keys=True, indent=1).encode()
    members["manifest.json"] = data
    members["manifest.sig"] = (sign or Ed25519PrivateKey.generate().sign)(data)
    return repack(list(members.items()), target)


def workspace_signer(team: Team) -> Callable[[bytes], bytes]:
    signer = load_key(team.path)
    return lambda data: bytes.fromhex(signer.sign(data))


def with_manifest_listing(members: Members, sign: Callable[[bytes], bytes]) -> Members:
    """Members with the manifest rewritten to list exactly the others, and signed by ``sign``."""
    found = dict(members)
    manifest = json.loads(found["manifest.json"])
    manifest["members"] = [
        {"path": n, "size": len(d), "sha256": hashlib.sha256(d).hexdigest(), "crc32": zlib.crc32(d)}
        for n, d in members
        if n not in ("manifest.json", "manifest.sig")
    ]
    data = json.dumps(manifest, ensure_ascii=False, sort_keys=True, indent=1).encode()
    others = [(n, d) for n, d in members if n not in ("manifest.json", "manifest.sig")]
    return [*others, ("manifest.json", data), ("manifest.sig", sign(data))]


@pytest.fixture
def sealed(team: Team, tmp_path: Path) -> Path:
    team.coordinator.exchanges.add("R1", date="2025-06-13", declared=2)
    number = team.examiner.cases.register("R1", tag="UA-1").case_number
    team.examiner.cases.register("R1", tag="UA-2")
    camera = tmp_path / "camera"
    camera.mkdir()
    shots = []
    for seed in (1, 2):
        shot = camera / f"{seed}.jpg"
        Image.new("RGB", (40, 30), (seed * 90, 20, 200)).save(shot)
        shots.append(shot)
    team.examiner.photos.add(number, shots, kind="face")
    return team.coordinator.casefiles.export(tmp_path / "r1.fcase", exchange="R1").file


@pytest.fixture
def private_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """The system's temporary folder, made observable: it must be empty again afterwards."""
    folder = tmp_path / "system-tmp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    yield folder
    assert list(folder.iterdir()) == []


def wheres(path: Path) -> set[str]:
    verdict = verify_casefile(path)
    assert not verdict.valid
    return {p.where for p in verdict.problems}


# -- a sound file ----------------------------------------------------------------------------


def test_a_fresh_case_file_verifies(sealed: Path, team: Team, private_tmp: Path) -> None:
    verdict = verify_casefile(sealed)
    assert verdict.valid, [str(p) for p in verdict.problems]
    assert verdict.signer == team.workspace.info.public_key_fingerprint
    assert verdict.seal is not None and verdict.seal.exported_by == "olena"


def test_standard_tools_read_the_archive(sealed: Path) -> None:
    with zipfile.ZipFile(sealed) as archive:
        assert archive.testzip() is None
        names = archive.namelist()
        manifest = json.loads(archive.read("manifest.json"))
        for member in manifest["members"]:
            data = archive.read(member["path"])
            assert hashlib.sha256(data).hexdigest() == member["sha256"]
    assert names[-2:] == ["manifest.json", "manifest.sig"]
    assert "forensiclog.db" in names


# -- one byte changed anywhere ---------------------------------------------------------------


def _regions(path: Path) -> list[tuple[int, set[str]]]:
    """Positions to change, each with the names a verdict may blame for it."""
    layout = read_layout(path, unsafe_name)
    positions: list[tuple[int, set[str]]] = []
    for entry in layout.entries:
        blamed = {entry.name} | ({"manifest.sig"} if entry.name == "manifest.json" else set())
        for offset in (0, 5, 14, 18, 26, entry.local_size - 1):
            positions.append((entry.offset + offset, blamed | {"zip structure"}))
        for offset in (0, entry.compressed // 2, entry.compressed - 1):
            positions.append((entry.data_offset + offset, blamed))
    directory = layout.entries[-1].end
    size = path.stat().st_size
    for position in range(directory, size, max(1, (size - directory) // 40)):
        positions.append((position, {e.name for e in layout.entries} | {"zip structure"}))
    positions += [(size - 1, {"zip structure"}), (size - 22, {"zip structure"})]
    return positions


def test_changing_any_byte_makes_verify_fail_naming_the_member(
    sealed: Path, tmp_path: Path
) -> None:
    original = sealed.read_bytes()
    rng = random.Random(6)
    targets = _regions(sealed) + [(rng.randrange(len(original)), set()) for _ in range(40)]
    layout = read_layout(sealed, unsafe_name)
    for position, blamed in targets:
        changed = bytearray(original)
        changed[position] ^= 0x20
        copy = tmp_path / "changed.fcase"
        copy.write_bytes(changed)
        found = wheres(copy)
        expected = blamed or _owner(layout.entries, position)
        assert any(_same_or_damaged(f, b) for f in found for b in expected), (position, found)


def _same_or_damaged(found: str, blamed: str) -> bool:
    """The member is named as it is, or as the changed byte left its name in the directory."""
    if found == blamed:
        return True
    plain = found.encode().decode("unicode_escape") if "\\x" in found else found
    return (
        len(plain) == len(blamed) and sum(a != b for a, b in zip(plain, blamed, strict=True)) == 1
    )


def _owner(entries: tuple[Entry, ...], position: int) -> set[str]:
    for entry in entries:
        if entry.offset <= position < entry.end:
            extra = {"manifest.sig"} if entry.name == "manifest.json" else set()
            return {entry.name, "zip structure"} | extra
    return {e.name for e in entries} | {"zip structure"}


def test_bytes_added_at_the_end_or_the_start_are_found(sealed: Path, tmp_path: Path) -> None:
    longer = tmp_path / "longer.fcase"
    longer.write_bytes(sealed.read_bytes() + b"\0")
    assert wheres(longer) == {"zip structure"}
    prefixed = tmp_path / "prefixed.fcase"
    prefixed.write_bytes(b"MZ" + sealed.read_bytes())
    assert wheres(prefixed)


# -- members: missing, extra, doubled --------------------------------------------------------


def test_a_missing_photo_is_named(sealed: Path, tmp_path: Path) -> None:
    members = members_of(sealed)
    photo = next(n for n, _ in members if n.startswith("photos/"))
    copy = repack([(n, d) for n, d in members if n != photo], tmp_path / "missing.fcase")
    found = verify_casefile(copy)
    assert {(p.where, p.what) for p in found.problems} >= {
        (photo, "is listed in the manifest but missing from the file")
    }


def test_a_member_not_in_the_manifest_is_named(sealed: Path, tmp_path: Path) -> None:
    members = members_of(sealed)
    data = b"\xff\xd8 not evidence"
    extra = photo_member(hashlib.sha256(data).hexdigest())
    copy = repack([(extra, data), *members], tmp_path / "extra.fcase")
    assert (extra, "is not listed in the manifest") in {
        (p.where, p.what) for p in verify_casefile(copy).problems
    }
    notes = repack([*members, ("notes.txt", b"hello")], tmp_path / "notes.fcase")
    assert "notes.txt" in wheres(notes)


def test_a_foreign_member_or_a_wrong_photo_count_is_named_even_when_signed(
    sealed: Path, team: Team, tmp_path: Path
) -> None:
    # Found by the hostile case-files figure: both verified when the exporter's key signed them.
    members = members_of(sealed)
    sign = workspace_signer(team)
    listed = with_manifest_listing([*members, ("notes.txt", b"hello")], sign)
    problems = {
        (p.where, p.what) for p in verify_casefile(repack(listed, tmp_path / "n.fcase")).problems
    }
    assert ("notes.txt", "it is not a member of the case file format") in problems

    def more(manifest: dict[str, object]) -> None:
        manifest["photos"] = 99

    counted = resign(sealed, tmp_path / "count.fcase", sign=sign, edit=more)
    assert [(p.where, p.what) for p in verify_casefile(counted).problems] == [
        ("manifest.json", "says the file holds 99 photos but lists 2")
    ]


def test_a_photo_listed_and_signed_but_not_matching_its_name_is_named(
    sealed: Path, team: Team, tmp_path: Path
) -> None:
    members = members_of(sealed)
    photo = next(n for n, _ in members if n.startswith("photos/"))
    swapped = [(n, b"other bytes" if n == photo else d) for n, d in members]
    copy = repack(
        with_manifest_listing(swapped, workspace_signer(team)), tmp_path / "swapped.fcase"
    )
    problems = {(p.where, p.what) for p in verify_casefile(copy).problems}
    assert (photo, "its content does not match its name (the photo's SHA-256)") in problems


# -- signature and version -------------------------------------------------------------------


def test_a_manifest_signed_by_another_key_is_named(sealed: Path, tmp_path: Path) -> None:
    forged = resign(sealed, tmp_path / "forged.fcase")
    verdict = verify_casefile(forged)
    assert [p.where for p in verdict.problems] == ["manifest.sig"]


def test_an_edited_manifest_no_longer_matches_its_signature(sealed: Path, tmp_path: Path) -> None:
    def rename(manifest: dict[str, object]) -> None:
        manifest["exported_by"] = {"name": "somebody else", "role": "coordinator"}

    edited = resign(
        sealed, tmp_path / "edited.fcase", sign=lambda _: members_of(sealed)[-1][1], edit=rename
    )
    assert wheres(edited) == {"manifest.sig"}


def test_an_unknown_format_version_is_refused(sealed: Path, team: Team, tmp_path: Path) -> None:
    def newer(manifest: dict[str, object]) -> None:
        manifest["version"] = 2

    future = resign(sealed, tmp_path / "future.fcase", sign=workspace_signer(team), edit=newer)
    verdict = verify_casefile(future)
    assert not verdict.valid
    assert "format version 2" in str(verdict.problems[0])
    with pytest.raises(CaseFileRefused, match="format version 2"):
        open_casefile(future)


@pytest.mark.parametrize(("version", "shown"), [(True, "True"), (1.0, "1.0"), ("1", "'1'")])
def test_a_version_that_only_compares_equal_to_1_is_refused(
    sealed: Path, team: Team, tmp_path: Path, version: object, shown: str
) -> None:
    # Found by the hostile case-files figure: true and 1.0 were read as version 1.
    def claim(manifest: dict[str, object]) -> None:
        manifest["version"] = version

    odd = resign(sealed, tmp_path / "odd.fcase", sign=workspace_signer(team), edit=claim)
    assert f"format version {shown} is not one" in str(verify_casefile(odd).problems[0])
    with pytest.raises(CaseFileRefused, match="format version"):
        open_casefile(odd)


def test_a_manifest_nested_too_deeply_is_refused_not_a_crash(
    sealed: Path, team: Team, tmp_path: Path
) -> None:
    # Found by the hostile case-files figure: json.loads raised RecursionError.
    members = [(n, d) for n, d in members_of(sealed) if n not in ("manifest.json", "manifest.sig")]
    deep = b"[" * 100_000 + b"]" * 100_000
    sign = workspace_signer(team)
    nested = repack(
        [*members, ("manifest.json", deep), ("manifest.sig", sign(deep))], tmp_path / "deep.fcase"
    )
    assert wheres(nested) == {"manifest.json"}
    assert "nested too deeply" in str(verify_casefile(nested).problems[0])
    with pytest.raises(CaseFileRefused, match="nested too deeply"):
        open_casefile(nested)


# -- traps: names, links, doubles, bombs -----------------------------------------------------


TRAPS = {
    "../evil.sh": "would escape the folder",
    "photos/../../evil.sh": "would escape the folder",
    "/tmp/evil.sh": "absolute path",
    "C:/evil.sh": "drive letter",
    "..\\evil.sh": "backslash",
}


@pytest.mark.parametrize("name", sorted(TRAPS))
def test_a_name_that_would_escape_is_refused_and_nothing_is_written(
    name: str, sealed: Path, team: Team, tmp_path: Path, private_tmp: Path
) -> None:
    crafted = repack(
        [*members_of(sealed), (name, b"#!/bin/sh\nrm -rf ~\n")], tmp_path / "crafted.fcase"
    )
    before = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*"))
    verdict = verify_casefile(crafted)
    assert (name, TRAPS[name]) in {
        (p.where, p.what.split(":")[0]) for p in verdict.problems
    } or any(p.where == name and TRAPS[name] in p.what for p in verdict.problems)
    with pytest.raises(CaseFileRefused, match="cannot be opened"):
        open_casefile(crafted)
    with pytest.raises(CaseFileRefused, match="nothing was imported"):
        team.coordinator.merge.import_file(crafted)
    after = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*"))
    assert after == before
    assert not list(Path("/tmp").glob("evil.sh"))


def test_a_zipfile_made_archive_with_dot_dot_is_refused(
    sealed: Path, tmp_path: Path, private_tmp: Path
) -> None:
    crafted = tmp_path / "zipfile.fcase"
    with zipfile.ZipFile(crafted, "w") as archive:
        for name, data in members_of(sealed):
            archive.writestr(name, data)
        archive.writestr("../../outside.txt", b"escape")
    with pytest.raises(CaseFileRefused, match=r"\.\./\.\./outside\.txt: its name would escape"):
        open_casefile(crafted)
    assert not (tmp_path.parent / "outside.txt").exists()


def test_a_symbolic_link_member_is_refused(sealed: Path, tmp_path: Path, private_tmp: Path) -> None:
    crafted = tmp_path / "link.fcase"
    with zipfile.ZipFile(crafted, "w") as archive:
        link = zipfile.ZipInfo("forensiclog.db")
        link.external_attr = (stat.S_IFLNK | 0o777) << 16
        archive.writestr(link, "/etc/passwd")
        for name, data in members_of(sealed):
            if name != "forensiclog.db":
                archive.writestr(name, data)
    verdict = verify_casefile(crafted)
    assert ("forensiclog.db", "it is a symbolic link") in {
        (p.where, p.what) for p in verdict.problems
    }
    with pytest.raises(CaseFileRefused, match="symbolic link"):
        open_casefile(crafted)


def test_a_member_twice_is_refused(sealed: Path, tmp_path: Path, private_tmp: Path) -> None:
    members = members_of(sealed)
    database = next((n, d) for n, d in members if n == "forensiclog.db")
    crafted = repack([*members, database], tmp_path / "twice.fcase")
    assert ("forensiclog.db", "it appears twice in the archive") in {
        (p.where, p.what) for p in verify_casefile(crafted).problems
    }
    with pytest.raises(CaseFileRefused, match="appears twice"):
        open_casefile(crafted)


def _bomb(members: Members, target: Path, *, declared: int, content: bytes) -> Path:
    with target.open("wb") as handle:
        writer = ArchiveWriter(handle)
        for name, given in members:
            data = content if name == "forensiclog.db" else given
            squeeze = zlib.compressobj(9, zlib.DEFLATED, -15)
            stored = squeeze.compress(data) + squeeze.flush() if name == "forensiclog.db" else data
            size = declared if name == "forensiclog.db" else len(data)
            method = DEFLATED if name == "forensiclog.db" else STORED
            writer.add(
                name,
                iter([stored]),
                method=method,
                crc32=zlib.crc32(data),
                size=size,
                compressed=len(stored),
            )
        writer.finish()
    return target


def test_a_zip_bomb_is_refused_by_its_declared_size(
    sealed: Path, tmp_path: Path, private_tmp: Path
) -> None:
    zeros = bytes(50 << 20)
    huge = _bomb(members_of(sealed), tmp_path / "huge.fcase", declared=1 << 41, content=zeros)
    with pytest.raises(CaseFileRefused, match="over the limit"):
        open_casefile(huge)
    dense = _bomb(members_of(sealed), tmp_path / "dense.fcase", declared=len(zeros), content=zeros)
    with pytest.raises(CaseFileRefused, match="fold: a ZIP bomb"):
        open_casefile(dense)
    assert "forensiclog.db" in wheres(dense)


def test_a_member_inflating_past_its_declared_size_is_stopped(
    sealed: Path, tmp_path: Path, private_tmp: Path
) -> None:
    lying = _bomb(
        members_of(sealed), tmp_path / "lying.fcase", declared=4096, content=bytes(1 << 20)
    )
    with pytest.raises(CaseFileRefused, match="inflates to more than its declared size"):
        open_casefile(lying, limits=Limits(ratio=1000))


def test_a_file_needing_more_than_the_limits_is_refused(sealed: Path, private_tmp: Path) -> None:
    with pytest.raises(CaseFileRefused, match="over the limit"):
        open_casefile(sealed, limits=Limits(total=100))
    with pytest.raises(CaseFileRefused, match=r"only .* are free"):
        open_casefile(sealed, limits=Limits(free_margin=1 << 62))


# -- not a case file at all ------------------------------------------------------------------


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are a POSIX thing")
def test_a_named_pipe_is_refused_at_once(tmp_path: Path, private_tmp: Path) -> None:
    # Found by the hostile case-files figure: reading a named pipe waited for a writer for ever.
    pipe = tmp_path / "pipe.fcase"
    os.mkfifo(pipe)
    found: list[set[str]] = []
    worker = threading.Thread(target=lambda: found.append(wheres(pipe)), daemon=True)
    worker.start()
    worker.join(timeout=20)
    assert not worker.is_alive(), "verifying a named pipe blocked"
    assert found == [{"zip structure"}]
    with pytest.raises(CaseFileRefused, match="not a regular file"):
        open_casefile(pipe)


def test_what_is_not_a_case_file_is_refused(
    sealed: Path, tmp_path: Path, private_tmp: Path
) -> None:
    text = tmp_path / "notes.fcase"
    text.write_text("not a zip at all")
    assert wheres(text) == {"zip structure"}
    cut = tmp_path / "cut.fcase"
    cut.write_bytes(sealed.read_bytes()[: sealed.stat().st_size // 2])
    assert wheres(cut) == {"zip structure"}
    plain = tmp_path / "plain.fcase"
    with zipfile.ZipFile(plain, "w") as archive:
        archive.writestr("hello.txt", "hi")
    with pytest.raises(CaseFileRefused, match=r"manifest\.json: is missing"):
        open_casefile(plain)
    with pytest.raises(NotFound):
        verify_casefile(tmp_path / "absent.fcase")
