"""Taking a sealed case file apart and putting hostile ones together: any member name, mode,
method or declared size; the manifest rewritten and signed by the real key or a stranger's."""

from __future__ import annotations

import hashlib
import json
import stat
import struct
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from forensiclog.services.casefile_layout import (
    DEFLATED,
    STORED,
    Entry,
    central_header,
    end_records,
    local_header,
    read_layout,
)
from forensiclog.services.casefile_zip import member_chunks
from forensiclog.services.signing import load_key

MANIFEST, SIGNATURE, DATABASE = "manifest.json", "manifest.sig", "forensiclog.db"
Sign = Callable[[bytes], bytes]


@dataclass(frozen=True)
class Part:
    """One member to write: its name and content, and anything its headers should lie about."""

    name: str
    content: bytes
    method: int = STORED
    mode: int = stat.S_IFREG | 0o444
    declared_size: int | None = None  # what the headers claim, if not the truth
    flags: int = 0x0800
    stored: bytes | None = None  # the bytes as they lie in the file, if not made from content


def parts_of(path: Path) -> list[Part]:
    """The members of a genuine case file, in order, as they are stored."""
    layout = read_layout(path, lambda _: None)
    parts = []
    for entry in layout.entries:
        raw: list[bytes] = []
        content = b"".join(member_chunks(path, entry, raw.append))
        parts.append(Part(entry.name, content, entry.method, stored=b"".join(raw)))
    return parts


def deflated(content: bytes) -> bytes:
    packer = zlib.compressobj(6, zlib.DEFLATED, -15)
    return packer.compress(content) + packer.flush()


def _stored_bytes(part: Part) -> bytes:
    if part.stored is not None:
        return part.stored
    return deflated(part.content) if part.method == DEFLATED else part.content


def write(parts: list[Part], target: Path) -> Path:
    """An archive in the canonical layout, except where a part asks its headers to lie."""
    directory: list[bytes] = []
    offset = 0
    with target.open("wb") as handle:
        for part in parts:
            body = _stored_bytes(part)
            size = len(part.content) if part.declared_size is None else part.declared_size
            entry = Entry(part.name, part.method, zlib.crc32(part.content), len(body), size, offset)
            local = _with_flags(local_header(entry), 6, part.flags)
            handle.write(local + body)
            central = _with_flags(central_header(entry), 8, part.flags)
            directory.append(central[:38] + struct.pack("<I", part.mode << 16) + central[42:])
            offset += len(local) + len(body)
        joined = b"".join(directory)
        handle.write(joined + end_records(len(directory), offset, len(joined)))
    return target


def _with_flags(header: bytes, at: int, flags: int) -> bytes:
    return header[:at] + struct.pack("<H", flags) + header[at + 2 :]


def listing(part: Part) -> dict[str, Any]:
    item: dict[str, Any] = {
        "path": part.name,
        "size": len(part.content),
        "sha256": hashlib.sha256(part.content).hexdigest(),
        "crc32": zlib.crc32(part.content),
    }
    if part.method == DEFLATED:
        body = _stored_bytes(part)
        item |= {"stored_size": len(body), "stored_sha256": hashlib.sha256(body).hexdigest()}
    return item


def manifest_bytes(manifest: dict[str, Any]) -> bytes:
    return json.dumps(manifest, ensure_ascii=False, sort_keys=True, indent=1).encode()


def resealed(
    parts: list[Part],
    sign: Sign,
    edit: Callable[[dict[str, Any]], None] | None = None,
    *,
    relist: bool = True,
) -> list[Part]:
    """``parts`` with the manifest listing them exactly (if ``relist``), edited, and signed."""
    found = {p.name: p for p in parts}
    manifest = json.loads(found[MANIFEST].content)
    others = [p for p in parts if p.name not in (MANIFEST, SIGNATURE)]
    if relist:
        manifest["members"] = [listing(p) for p in others]
    if edit is not None:
        edit(manifest)
    data = manifest_bytes(manifest)
    return [*others, Part(MANIFEST, data), Part(SIGNATURE, sign(data))]


def workspace_signer(workspace: Path) -> Sign:
    """Signing as the workspace that exported the file: its own private key."""
    signer = load_key(workspace)
    return lambda data: bytes.fromhex(signer.sign(data))


def stranger() -> tuple[Sign, str]:
    """A key nobody knows, and its public key in hex."""
    key = Ed25519PrivateKey.generate()
    public = key.public_key().public_bytes_raw().hex()
    return key.sign, public
