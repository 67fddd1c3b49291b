"""Checking a case file: the archive's layout and traps, the signed manifest, every member's
hash, and the database inside (its chains and signed heads, its records against their history).

Traps (a name that would escape the folder, a link, a name twice, a size past the limits, an
unknown format version, no manifest or no database) are *refusals*: nothing of such a file is
extracted. Everything else is a *problem*: the file does not verify, each problem named.
"""

from __future__ import annotations

import concurrent.futures as cf
import hashlib
import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from forensiclog.domain.casefile_manifest import (
    DATABASE_MEMBER,
    MANIFEST_MAX_BYTES,
    MANIFEST_MEMBER,
    SIGNATURE_MEMBER,
    SIGNATURE_SIZE,
    Manifest,
    ManifestError,
    Member,
    UnknownVersion,
    name_problem,
    parse_manifest,
    photo_sha,
    unsafe_name,
)
from forensiclog.domain.errors import EnvironmentProblem, NotFound
from forensiclog.domain.records import Problem
from forensiclog.services.casefile_database import check_database
from forensiclog.services.casefile_history import ChainState
from forensiclog.services.casefile_layout import DEFLATED, Entry, StructureError, read_layout
from forensiclog.services.casefile_zip import SizeExceeded, member_chunks
from forensiclog.services.signing import verify_signature
from forensiclog.services.storage_errors import storage_errors


@dataclass(frozen=True)
class Limits:
    """What a case file may claim before it is refused as a ZIP bomb."""

    member: int = 64 << 30
    total: int = 1 << 40
    # The database is the only deflated member; SQLite pages shrink a few times, not a hundred.
    ratio: int = 100
    # Left free on the disk after extracting, so the rest of the machine keeps working.
    free_margin: int = 256 << 20


@dataclass
class Inspection:
    """What checking a case file found; ``folder`` holds what was extracted."""

    path: Path
    folder: Path
    manifest: Manifest | None = None
    manifest_bytes: bytes = b""
    entries: dict[str, Entry] = field(default_factory=dict)
    listed: dict[str, Member] = field(default_factory=dict)
    refusals: list[Problem] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    database: Path | None = None
    chains: dict[str, ChainState] = field(default_factory=dict)

    @property
    def verified(self) -> bool:
        return not self.refusals and not self.problems

    @property
    def all_problems(self) -> list[Problem]:
        return self.refusals + self.problems

    @property
    def photo_entries(self) -> list[Entry]:
        return [e for n, e in sorted(self.entries.items()) if photo_sha(n) and n in self.listed]


def inspect(path: Path, folder: Path, *, extract_photos: bool, limits: Limits) -> Inspection:
    """Check the case file at ``path``, extracting its database (and photos, if asked) into
    ``folder``, a private folder the caller owns."""
    found = Inspection(path, folder)
    if not _outline(found, limits, extract_photos) or not _read_manifest(found):
        return found
    _compare_members(found)
    # Extracting into the temporary folder can meet a full or failing disk: a refusal.
    with storage_errors(str(folder)):
        _extract_database(found)
    if found.refusals or found.database is None or found.manifest is None:
        return found
    with cf.ThreadPoolExecutor(1) as pool:
        # SQLite and the history's hashes hold the interpreter; hashing photos mostly does not.
        database = pool.submit(check_database, found.database, found.manifest, _photo_names(found))
        with storage_errors(str(folder)):
            _check_photos(found, extract_photos)
        checked = database.result()
    found.problems += checked.problems
    found.refusals += checked.refusals
    found.chains = checked.chains
    return found


def _outline(found: Inspection, limits: Limits, extract_photos: bool) -> bool:
    try:
        layout = read_layout(found.path, unsafe_name)
    except FileNotFoundError:
        raise NotFound("case file", str(found.path)) from None
    except IsADirectoryError:
        raise NotFound("case file", str(found.path)) from None
    except OSError as error:
        raise EnvironmentProblem(f"{found.path}: cannot be read: {error.strerror}") from None
    except StructureError as error:
        found.refusals.append(Problem("zip structure", str(error)))
        return False
    for finding in layout.findings:
        problem = Problem(shown_name(finding.member), finding.what)
        (found.refusals if finding.trap else found.problems).append(problem)
    if found.refusals:
        return False
    found.entries = {e.name: e for e in layout.entries}
    found.refusals += _size_refusals(found, limits, extract_photos)
    return not found.refusals


def shown_name(name: str) -> str:
    """A member name fit to print: control characters (a damaged or hostile name) escaped."""
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in name)


def _size_refusals(found: Inspection, limits: Limits, extract_photos: bool) -> list[Problem]:
    refusals = []
    for entry in found.entries.values():
        if entry.size > limits.member:
            refusals.append(
                Problem(
                    entry.name, f"declares {entry.size} bytes, over the limit of {limits.member}"
                )
            )
        elif entry.method == DEFLATED and entry.size > max(entry.compressed, 1) * limits.ratio:
            refusals.append(
                Problem(
                    entry.name,
                    f"would inflate {entry.size // max(entry.compressed, 1)}-fold: a ZIP bomb",
                )
            )
    wanted = [
        e
        for n, e in found.entries.items()
        if n == DATABASE_MEMBER or (extract_photos and photo_sha(n))
    ]
    total = sum(e.size for e in wanted)
    if total > limits.total:
        refusals.append(
            Problem(
                str(found.path), f"would extract {total} bytes, over the limit of {limits.total}"
            )
        )
    free = shutil.disk_usage(found.folder).free
    if total + limits.free_margin > free:
        refusals.append(
            Problem(
                str(found.path),
                f"needs {total} bytes to open but only {free} are free in {found.folder}",
            )
        )
    return refusals


def _small_member(found: Inspection, name: str, limit: int) -> bytes | None:
    entry = found.entries.get(name)
    if entry is None or entry.size > limit:
        return None
    try:
        return b"".join(member_chunks(found.path, entry))
    except SizeExceeded as error:
        found.problems.append(Problem(name, str(error)))
        return None


def _read_manifest(found: Inspection) -> bool:
    data = _small_member(found, MANIFEST_MEMBER, MANIFEST_MAX_BYTES)
    if data is None:
        found.refusals.append(
            Problem(MANIFEST_MEMBER, "is missing or unreadable: this is not a sealed case file")
        )
        return False
    try:
        found.manifest = parse_manifest(data)
    except UnknownVersion as error:
        found.refusals.append(Problem(MANIFEST_MEMBER, str(error)))
        return False
    except ManifestError as error:
        found.refusals.append(Problem(MANIFEST_MEMBER, f"cannot be read: {error}"))
        return False
    found.manifest_bytes = data
    signature = _small_member(found, SIGNATURE_MEMBER, SIGNATURE_SIZE)
    if signature is None or len(signature) != SIGNATURE_SIZE:
        found.problems.append(Problem(SIGNATURE_MEMBER, "is missing or not an Ed25519 signature"))
    elif not verify_signature(found.manifest.workspace.public_key, data, signature.hex()):
        found.problems.append(
            Problem(
                SIGNATURE_MEMBER,
                "does not match manifest.json: the manifest was changed or signed by another key",
            )
        )
    return True


def _compare_members(found: Inspection) -> None:
    assert found.manifest is not None
    for member in found.manifest.members:
        if member.path in found.listed or member.path in (MANIFEST_MEMBER, SIGNATURE_MEMBER):
            found.problems.append(
                Problem(MANIFEST_MEMBER, f"lists {member.path!r} wrongly or twice")
            )
        found.listed[member.path] = member
    for name, entry in found.entries.items():
        listed = found.listed.get(name)
        if name in (MANIFEST_MEMBER, SIGNATURE_MEMBER):
            continue
        foreign = name_problem(name)
        if foreign:
            # Listed and signed or not: nothing but photos and the database is carried.
            found.problems.append(Problem(name, foreign))
        elif listed is None:
            found.problems.append(Problem(name, "is not listed in the manifest"))
        elif (listed.size, listed.crc32, listed.stored_size or listed.size) != (
            entry.size,
            entry.crc32,
            entry.compressed,
        ):
            found.problems.append(Problem(name, "its sizes or CRC-32 differ from the manifest"))
    for name in sorted(found.listed.keys() - found.entries.keys()):
        found.problems.append(Problem(name, "is listed in the manifest but missing from the file"))
    photos = sum(1 for name in found.listed if photo_sha(name))
    if found.manifest.photos != photos:
        found.problems.append(
            Problem(
                MANIFEST_MEMBER,
                f"says the file holds {found.manifest.photos} photos but lists {photos}",
            )
        )


def _expected_sha(found: Inspection, name: str) -> str | None:
    member = found.listed.get(name)
    return None if member is None else member.sha256


def _extract_database(found: Inspection) -> None:
    entry = found.entries.get(DATABASE_MEMBER)
    if entry is None:
        found.refusals.append(Problem(DATABASE_MEMBER, "is missing: the file holds no records"))
        return
    target = found.folder / DATABASE_MEMBER
    stored = hashlib.sha256()
    try:
        digest = _write_member(found.path, entry, target, stored.update)
    except SizeExceeded as error:
        found.refusals.append(Problem(DATABASE_MEMBER, f"cannot be read: {error}"))
        return
    member = found.listed.get(DATABASE_MEMBER)
    if member is not None and digest != member.sha256:
        found.problems.append(
            Problem(DATABASE_MEMBER, "its content does not match the manifest's SHA-256")
        )
    elif member is not None and stored.hexdigest() != member.stored_sha256:
        # Deflate streams have slack (padding bits, unused codes): other stored bytes can
        # inflate to the same content, so the stored bytes have a hash of their own.
        found.problems.append(
            Problem(DATABASE_MEMBER, "its stored bytes do not match the manifest's SHA-256")
        )
    found.database = target


def _photo_names(found: Inspection) -> set[str]:
    return {e.name for e in found.photo_entries}


def _check_photos(found: Inspection, extract: bool) -> None:
    fd = os.open(found.path, os.O_RDONLY)
    try:
        for entry in found.photo_entries:
            _check_photo(found, fd, entry, extract)
    finally:
        os.close(fd)


def _check_photo(found: Inspection, fd: int, entry: Entry, extract: bool) -> None:
    target = found.folder / entry.name if extract else None
    try:
        digest = _write_member(fd, entry, target) if target else _hash_member(fd, entry)
    except SizeExceeded as error:
        found.problems.append(Problem(entry.name, str(error)))
        return
    what = None
    if digest != _expected_sha(found, entry.name):
        what = "its content does not match the manifest's SHA-256"
    elif digest != photo_sha(entry.name):
        what = "its content does not match its name (the photo's SHA-256)"
    if what:
        found.problems.append(Problem(entry.name, what))
        if target is not None:
            target.unlink(missing_ok=True)


def _hash_member(source: Path | int, entry: Entry) -> str:
    digest = hashlib.sha256()
    for chunk in member_chunks(source, entry):
        digest.update(chunk)
    return digest.hexdigest()


def _write_member(
    source: Path | int, entry: Entry, target: Path, stored: Callable[[bytes], None] | None = None
) -> str:
    """Extract one member (its name already checked) into a file of its own, hashing it."""
    target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    flags = (
        os.O_WRONLY
        | os.O_CREAT
        | os.O_EXCL
        | getattr(os, "O_NOFOLLOW", 0)
        | getattr(os, "O_BINARY", 0)
    )
    fd = os.open(target, flags, 0o600)
    digest = hashlib.sha256()
    try:
        for chunk in member_chunks(source, entry, stored):
            digest.update(chunk)
            _write_all(fd, chunk)
    finally:
        os.close(fd)
    os.chmod(target, 0o400)
    return digest.hexdigest()


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]
