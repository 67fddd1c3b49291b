"""Mutations of files: the photo store's originals, and a sealed case file's bytes and members.

A member edited "in place" keeps its length and has its CRC-32 fixed in both ZIP headers, so
the archive's layout stays canonical and only the hashes and the signature can tell; a member
removed, added or moved is written back with ``zipfile``, as a tamperer's tool would.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import random
import sqlite3
import struct
import warnings
import zipfile
import zlib
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from tests.validation.tamper_target import Copy

# -- the photo store -----------------------------------------------------------------------


def _original(rng: random.Random, copy: Copy) -> Path:
    copy.photos_touched = True
    path = rng.choice(sorted(p for p in (copy.workspace / "photos").glob("??/*") if p.is_file()))
    os.chmod(path, 0o644)
    return path


def photo_bit_flipped(rng: random.Random, copy: Copy) -> str:
    path = _original(rng, copy)
    data = bytearray(path.read_bytes())
    at = rng.randrange(len(data))
    data[at] ^= 1 << rng.randrange(8)
    path.write_bytes(bytes(data))
    return f"photo {path.name[:12]}: one bit of byte {at} flipped"


def photo_truncated(rng: random.Random, copy: Copy) -> str:
    path = _original(rng, copy)
    data = path.read_bytes()
    keep = rng.randrange(len(data))
    path.write_bytes(data[:keep])
    return f"photo {path.name[:12]}: cut to {keep} of {len(data)} bytes"


def photo_extended(rng: random.Random, copy: Copy) -> str:
    path = _original(rng, copy)
    path.write_bytes(path.read_bytes() + rng.randbytes(rng.randint(1, 64)))
    return f"photo {path.name[:12]}: bytes appended"


def photo_deleted(rng: random.Random, copy: Copy) -> str:
    path = _original(rng, copy)
    path.unlink()
    return f"photo {path.name[:12]}: deleted"


def photo_swapped(rng: random.Random, copy: Copy) -> str | None:
    path, other = _original(rng, copy), _original(rng, copy)
    if path == other:
        return None
    path.write_bytes(other.read_bytes())
    return f"photo {path.name[:12]}: replaced by the bytes of {other.name[:12]}"


def photo_planted(rng: random.Random, copy: Copy) -> str:
    copy.photos_touched = True
    data = rng.randbytes(rng.randint(100, 4000))
    sha = hashlib.sha256(data).hexdigest()
    folder = copy.workspace / "photos" / sha[:2]
    folder.mkdir(exist_ok=True)
    (folder / sha).write_bytes(data)
    return f"photo {sha[:12]}: a file with no record planted in the store"


# -- a sealed case file: bytes -------------------------------------------------------------


def _sealed(copy: Copy) -> bytearray:
    return bytearray(copy.sealed)


def casefile_bit_flipped(rng: random.Random, copy: Copy) -> str:
    data = _sealed(copy)
    at = rng.randrange(len(data))
    data[at] ^= 1 << rng.randrange(8)
    copy.casefile.write_bytes(bytes(data))
    return f"case file: one bit of byte {at} of {len(data)} flipped"


def casefile_truncated(rng: random.Random, copy: Copy) -> str:
    keep = rng.randrange(len(copy.sealed))
    copy.casefile.write_bytes(copy.sealed[:keep])
    return f"case file: cut to {keep} of {len(copy.sealed)} bytes"


def casefile_extended(rng: random.Random, copy: Copy) -> str:
    copy.casefile.write_bytes(copy.sealed + rng.randbytes(rng.randint(1, 512)))
    return "case file: bytes appended"


def casefile_spliced(rng: random.Random, copy: Copy) -> str:
    at = rng.randrange(len(copy.sealed))
    extra = rng.randbytes(rng.randint(1, 64))
    copy.casefile.write_bytes(copy.sealed[:at] + extra + copy.sealed[at:])
    return f"case file: {len(extra)} bytes inserted at {at}"


# -- a sealed case file: members, in place -------------------------------------------------


def _central_offsets(data: bytes) -> dict[str, int]:
    """Where each member's central-directory header starts."""
    end = data.rfind(b"PK\x05\x06")
    count, _, start = struct.unpack_from("<HII", data, end + 10)
    offsets, at = {}, start
    for _ in range(count):
        name_length, extra_length, comment_length = struct.unpack_from("<HHH", data, at + 28)
        offsets[data[at + 46 : at + 46 + name_length].decode()] = at
        at += 46 + name_length + extra_length + comment_length
    return offsets


def _stored_member(data: bytes, name: str) -> tuple[int, int]:
    """Where a stored member's content starts in the file, and its length."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        info = archive.getinfo(name)
    name_length, extra_length = struct.unpack_from("<HH", data, info.header_offset + 26)
    return info.header_offset + 30 + name_length + extra_length, info.compress_size


def _replace_in_place(copy: Copy, name: str, content: bytes) -> None:
    """Put ``content`` (of the member's length) where the member's content is; fix its CRC."""
    data = _sealed(copy)
    start, length = _stored_member(bytes(data), name)
    if len(content) != length:
        raise ValueError(f"{name}: {len(content)} bytes for {length}")
    data[start : start + length] = content
    crc = struct.pack("<I", zlib.crc32(content))
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as archive:
        header = archive.getinfo(name).header_offset
    data[header + 14 : header + 18] = crc
    central = _central_offsets(bytes(data))[name]
    data[central + 16 : central + 20] = crc
    copy.casefile.write_bytes(bytes(data))


def _member(copy: Copy, name: str) -> bytes:
    with zipfile.ZipFile(copy.casefile) as archive:
        return archive.read(name)


def _names(copy: Copy) -> list[str]:
    with zipfile.ZipFile(copy.casefile) as archive:
        return archive.namelist()


def photo_member_edited(rng: random.Random, copy: Copy) -> str:
    name = rng.choice([n for n in _names(copy) if n.startswith("photos/")])
    content = bytearray(_member(copy, name))
    at = rng.randrange(len(content))
    content[at] ^= 1 << rng.randrange(8)
    _replace_in_place(copy, name, bytes(content))
    return f"case file: {name[:20]}… changed in place, its CRC fixed"


def _same_length_edit(text: str, rng: random.Random) -> str:
    at = rng.randrange(len(text))
    if text[at] in '"{}[],:\\':
        return _same_length_edit(text, rng)
    swap = "0123456789abcdef"[rng.randrange(16)] if text[at] != "0" else "1"
    return text[:at] + (swap if swap != text[at] else "x") + text[at + 1 :]


def manifest_edited(rng: random.Random, copy: Copy) -> str:
    text = _member(copy, "manifest.json").decode()
    edited = _same_length_edit(text, rng)
    _replace_in_place(copy, "manifest.json", edited.encode())
    return "case file: manifest.json changed in place (same length), its CRC fixed"


def signature_edited(rng: random.Random, copy: Copy) -> str:
    signature = bytearray(_member(copy, "manifest.sig"))
    signature[rng.randrange(len(signature))] ^= 1 << rng.randrange(8)
    _replace_in_place(copy, "manifest.sig", bytes(signature))
    return "case file: manifest.sig changed in place, its CRC fixed"


def manifest_resigned(rng: random.Random, copy: Copy) -> str:
    """The manifest changed and signed again by a new key named in it: it signs, but by whom?"""
    manifest = json.loads(_member(copy, "manifest.json"))
    key = Ed25519PrivateKey.generate()
    public = key.public_key().public_bytes(
        serialization.Encoding.Raw, serialization.PublicFormat.Raw
    )
    text = _member(copy, "manifest.json").decode()
    edited = text.replace(manifest["workspace"]["public_key"], public.hex())
    edited = _same_length_edit(edited, rng) if rng.random() < 0.5 else edited
    _replace_in_place(copy, "manifest.json", edited.encode())
    _replace_in_place(copy, "manifest.sig", key.sign(edited.encode()))
    return "case file: manifest signed again by a new key named in it (in place)"


# -- a sealed case file: members, rewritten ------------------------------------------------


def _rewritten(copy: Copy, members: list[tuple[str, bytes]]) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # a duplicate name is the point of one mutation
        with zipfile.ZipFile(copy.casefile, "w") as archive:
            for name, content in members:
                kind = zipfile.ZIP_DEFLATED if name == "forensiclog.db" else zipfile.ZIP_STORED
                archive.writestr(name, content, compress_type=kind)


def _all_members(copy: Copy) -> list[tuple[str, bytes]]:
    with zipfile.ZipFile(copy.casefile) as archive:
        return [(n, archive.read(n)) for n in archive.namelist()]


def member_removed(rng: random.Random, copy: Copy) -> str:
    members = _all_members(copy)
    gone = members.pop(rng.randrange(len(members)))
    _rewritten(copy, members)
    return f"case file: member {gone[0][:24]} removed"


def member_added(rng: random.Random, copy: Copy) -> str:
    members = _all_members(copy)
    data = rng.randbytes(rng.randint(10, 2000))
    sha = hashlib.sha256(data).hexdigest()
    name = rng.choice((f"photos/{sha[:2]}/{sha}", "notes.txt", members[0][0]))
    members.insert(rng.randrange(len(members) + 1), (name, data))
    _rewritten(copy, members)
    return f"case file: member {name[:24]} added"


def members_reordered(rng: random.Random, copy: Copy) -> str | None:
    members = _all_members(copy)
    order = members[:]
    rng.shuffle(order)
    if order == members:
        return None
    _rewritten(copy, order)
    return "case file: members written in another order"


def database_member_edited(rng: random.Random, copy: Copy) -> str:
    members = _all_members(copy)
    index = next(i for i, (n, _) in enumerate(members) if n == "forensiclog.db")
    database = copy.workspace.parent / "member.db"
    database.write_bytes(members[index][1])
    connection = sqlite3.connect(database)
    cases = [r[0] for r in connection.execute("SELECT rowid FROM cases")]
    connection.execute(
        "UPDATE cases SET notes = ? WHERE rowid = ?", ["altered in the file", rng.choice(cases)]
    )
    connection.commit()
    connection.close()
    members[index] = ("forensiclog.db", database.read_bytes())
    database.unlink()
    _rewritten(copy, members)
    return "case file: a case's notes changed inside its database"
