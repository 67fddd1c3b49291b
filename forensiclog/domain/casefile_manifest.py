"""The sealed case file's format: its member names, its signed manifest, and redacted history.

A case file is one ZIP holding ``forensiclog.db`` (the selected cases), ``photos/ab/<sha256>``
(the originals), ``manifest.json`` (every other member's path, size, SHA-256 and CRC-32, and
who exported what, when) and ``manifest.sig`` (the exporting workspace's Ed25519 signature
over the exact bytes of ``manifest.json``). docs/casefile.md describes it for auditors.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from forensiclog.domain.errors import Refusal
from forensiclog.domain.records import Problem

FORMAT = "forensiclog-casefile"
FORMAT_VERSION = 1
SUFFIX = ".fcase"
DATABASE_MEMBER = "forensiclog.db"
MANIFEST_MEMBER = "manifest.json"
SIGNATURE_MEMBER = "manifest.sig"
SIGNATURE_SIZE = 64
# A manifest lists one line per member; 64 MiB holds millions of them.
MANIFEST_MAX_BYTES = 64 << 20

_SHA256 = re.compile(r"[0-9a-f]{64}")
_PHOTO = re.compile(r"photos/([0-9a-f]{2})/([0-9a-f]{64})")
_HEX = re.compile(r"(?:[0-9a-f]{2})+")
_DRIVE = re.compile(r"[A-Za-z]:")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


class CaseFileRefused(Refusal):
    """A case file was refused (opening or importing it); every problem found is listed."""

    code = "casefile_refused"

    def __init__(self, file: str, problems: Sequence[Problem], reason: str = "") -> None:
        self.file = file
        self.problems = tuple(problems)
        shown = "; ".join(str(p) for p in self.problems[:20])
        more = len(self.problems) - 20
        if more > 0:
            shown += f"; and {more} more"
        text = f"{reason}: {shown}" if reason and shown else reason or shown
        super().__init__(f"{file}: {text}", file=file, reason=text)


class ManifestError(ValueError):
    """The manifest is not one this version can read; the message says why."""


class UnknownVersion(ManifestError):
    """The manifest names a format version this program does not know."""


def photo_member(sha256: str) -> str:
    return f"photos/{sha256[:2]}/{sha256}"


def photo_sha(name: str) -> str | None:
    """The SHA-256 a photo member is named by, or None if ``name`` is not a photo member."""
    match = _PHOTO.fullmatch(name)
    if match is None or not match.group(2).startswith(match.group(1)):
        return None
    return match.group(2)


def unsafe_name(name: str) -> str | None:
    """Why extracting a member named ``name`` could write outside its folder, or None."""
    parts = name.split("/")
    checks = (
        (bool(_CONTROL.search(name)), "its name holds control characters"),
        ("\\" in name, "its name holds a backslash (a Windows path)"),
        (name.startswith("/"), "its name is an absolute path"),
        (bool(_DRIVE.match(name)), "its name starts with a drive letter"),
        (".." in parts, "its name would escape the folder it is extracted to ('..')"),
        (any(p in ("", ".") for p in parts), "its name is not a plain relative path"),
    )
    return next((why for found, why in checks if found), None)


def name_problem(name: str) -> str | None:
    """Why a member may not be extracted under ``name``, or None when it is a name of the format.

    Unsafe names are named for what they would do; anything else not of the format is foreign.
    """
    unsafe = unsafe_name(name)
    if unsafe or name in (DATABASE_MEMBER, MANIFEST_MEMBER, SIGNATURE_MEMBER) or photo_sha(name):
        return unsafe
    return "it is not a member of the case file format"


@dataclass(frozen=True)
class Member:
    """One member of the archive as the manifest lists it: its content (uncompressed), and
    for a deflated member also the bytes stored, which the content alone does not fix."""

    path: str
    size: int
    sha256: str
    crc32: int
    stored_size: int | None = None
    stored_sha256: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return {k: v for k, v in vars(self).items() if v is not None}


@dataclass(frozen=True)
class Exporter:
    """The workspace that exported and signed the file."""

    uid: str
    name: str
    site: str
    team: str
    public_key: str


@dataclass(frozen=True)
class Head:
    """The exporting workspace's signed chain head at the moment of export."""

    origin: str
    seq: int
    entry_hash: str
    signature: str


@dataclass(frozen=True)
class Manifest:
    workspace: Exporter
    exported_by: str
    exported_role: str
    exported_at: str
    cases: tuple[str, ...]
    exchanges: tuple[str, ...]
    photos: int
    head: Head | None
    members: tuple[Member, ...]
    version: int = FORMAT_VERSION

    def to_bytes(self) -> bytes:
        """The bytes that are signed: sorted keys, one member per line, UTF-8."""
        return (json.dumps(self.as_dict(), ensure_ascii=False, sort_keys=True, indent=1)).encode()

    def as_dict(self) -> dict[str, Any]:
        head = self.head
        return {
            "format": FORMAT,
            "version": self.version,
            "workspace": vars(self.workspace),
            "exported_by": {"name": self.exported_by, "role": self.exported_role},
            "exported_at": self.exported_at,
            "cases": list(self.cases),
            "exchanges": list(self.exchanges),
            "photos": self.photos,
            "head": None if head is None else vars(head),
            "members": [m.as_dict() for m in self.members],
        }


def _no_duplicate_keys(pairs: Sequence[tuple[str, Any]]) -> dict[str, Any]:
    found: dict[str, Any] = {}
    for key, value in pairs:
        if key in found:
            raise ManifestError(f"the key {key!r} appears twice")
        found[key] = value
    return found


def _refuse_constant(name: str) -> Any:
    raise ManifestError(f"{name} is not a number")


def _field(data: dict[str, Any], key: str, kind: type | tuple[type, ...], where: str) -> Any:
    value = data.get(key)
    if not isinstance(value, kind) or (isinstance(value, bool) and kind is int):
        raise ManifestError(f"{where}{key} is missing or of the wrong type")
    return value


def _hex(value: str, where: str, length: int | None = None) -> str:
    if not _HEX.fullmatch(value) or (length is not None and len(value) != length):
        raise ManifestError(f"{where} is not lowercase hexadecimal of the right length")
    return value


def _member(item: Any, index: int) -> Member:
    where = f"members[{index}]."
    if not isinstance(item, dict):
        raise ManifestError(f"members[{index}] is not an object")
    path = _field(item, "path", str, where)
    size = _field(item, "size", int, where)
    crc = _field(item, "crc32", int, where)
    sha = _field(item, "sha256", str, where)
    if not _SHA256.fullmatch(sha) or size < 0 or not 0 <= crc <= 0xFFFFFFFF:
        raise ManifestError(f"member {path!r}: its size, SHA-256 or CRC-32 is malformed")
    if "stored_sha256" not in item:
        return Member(path, size, sha, crc)
    stored = _field(item, "stored_sha256", str, where)
    stored_size = _field(item, "stored_size", int, where)
    if not _SHA256.fullmatch(stored) or stored_size < 0:
        raise ManifestError(f"member {path!r}: its stored size or SHA-256 is malformed")
    return Member(path, size, sha, crc, stored_size, stored)


def _head(value: Any) -> Head | None:
    if value is None:
        return None
    if not isinstance(value, dict):
        raise ManifestError("head is not an object")
    return Head(
        origin=_field(value, "origin", str, "head."),
        seq=_field(value, "seq", int, "head."),
        entry_hash=_hex(_field(value, "entry_hash", str, "head."), "head.entry_hash", 64),
        signature=_hex(_field(value, "signature", str, "head."), "head.signature", 128),
    )


def _exporter(value: Any) -> Exporter:
    if not isinstance(value, dict):
        raise ManifestError("workspace is not an object")
    fields = {k: _field(value, k, str, "workspace.") for k in ("uid", "name", "site", "team")}
    key = _hex(_field(value, "public_key", str, "workspace."), "workspace.public_key", 64)
    return Exporter(public_key=key, **fields)


def _strings(data: dict[str, Any], key: str) -> tuple[str, ...]:
    values = _field(data, key, list, "")
    if not all(isinstance(v, str) for v in values):
        raise ManifestError(f"{key} must list text only")
    return tuple(values)


def parse_manifest(data: bytes) -> Manifest:
    """Read a manifest strictly: UTF-8 JSON, no repeated keys, every field of the right type."""
    try:
        document = json.loads(
            data.decode("utf-8"),
            object_pairs_hook=_no_duplicate_keys,
            parse_constant=_refuse_constant,
        )
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise ManifestError(f"not UTF-8 JSON ({error})") from None
    except RecursionError:
        raise ManifestError("nested too deeply to be a case file manifest") from None
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise ManifestError(f"not a ForensicLog case file manifest (format is not {FORMAT!r})")
    version = document.get("version")
    # The number itself: true and 1.0 compare equal to 1 in Python, but are not version 1.
    if type(version) is not int or version != FORMAT_VERSION:
        raise UnknownVersion(
            f"format version {version!r} is not one this ForensicLog reads "
            f"(it reads version {FORMAT_VERSION}); update ForensicLog to open it"
        )
    by = _field(document, "exported_by", dict, "")
    members = _field(document, "members", list, "")
    return Manifest(
        workspace=_exporter(document.get("workspace")),
        exported_by=_field(by, "name", str, "exported_by."),
        exported_role=_field(by, "role", str, "exported_by."),
        exported_at=_field(document, "exported_at", str, ""),
        cases=_strings(document, "cases"),
        exchanges=_strings(document, "exchanges"),
        photos=_field(document, "photos", int, ""),
        head=_head(document.get("head")),
        members=tuple(_member(m, i) for i, m in enumerate(members)),
    )
