"""Hostile case files that are damaged or unwelcome: tampered databases signed again,
truncations, flipped bits, files that are not case files, and genuine files that must not be
imported here (an older one replayed, one of the importing workspace itself)."""

from __future__ import annotations

import os
import random
import shutil
import sqlite3
import tempfile
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path

from forensiclog.services.casefile_layout import DEFLATED
from tests.validation.hostile_casefile_forge import DATABASE, Part
from tests.validation.hostile_casefile_maker import DAMAGED, TRAP, UNWELCOME, Maker, Variant
from tests.validation.hostile_casefile_variants import (
    bombs,
    doubles_and_gaps,
    links_and_modes,
    manifests,
    signatures,
    zip_slip,
)


def databases(m: Maker) -> None:
    """The database changed and the file signed again by the exporter: the records and the
    history inside must give it away."""
    changes = {
        "a case's notes edited behind the history": "UPDATE cases SET notes = 'forged' WHERE id = 1",
        "a user with a password hash": "INSERT INTO users (name, role, password_hash, created_at, created_by, uid, active) VALUES ('x', 'admin', 'h', '2025-01-01', 'x', 'u1', 1)",
        "a history entry removed": "DELETE FROM audit_entries WHERE id = (SELECT MAX(id) FROM audit_entries)",
        "the workspace's key changed": "UPDATE workspace SET public_key = '" + "ab" * 32 + "'",
        "a case deleted": "DELETE FROM cases WHERE id = (SELECT MAX(id) FROM cases)",
    }
    for label, sql in changes.items():
        m.add(label, "database", DAMAGED, m.signed(m.swapped(DATABASE, _edited_db(m, sql))))
    # (A byte flipped in a page's free space changes no record: signed again by the key's
    # holder, such a file is as good as the one exported, so it is not among these.)
    db = m.first(DATABASE)
    for label, content in (
        ("garbage for a database", random.Random(1).randbytes(8192)),
        ("an empty database", b""),
    ):
        m.add(
            f"{label}, signed",
            "database",
            DAMAGED,
            m.signed(m.swapped(DATABASE, replace(db, content=content, stored=None))),
        )


def _edited_db(m: Maker, sql: str) -> Part:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / DATABASE
        path.write_bytes(m.first(DATABASE).content)
        with sqlite3.connect(path) as db:
            try:
                db.execute(sql)
            except sqlite3.Error as error:
                raise RuntimeError(f"cannot forge the database: {error}: {sql}") from error
        db.close()
        return Part(DATABASE, path.read_bytes(), DEFLATED)


def damage(m: Maker, full: bool) -> None:
    data = m.genuine.read_bytes()
    rng = random.Random(m.token)
    cuts = sorted(
        {1, 2, 4, 22, 100, len(data) - 1, len(data) - 22, len(data) - 23}
        | {rng.randrange(1, len(data)) for _ in range(20 if full else 4)}
    )
    for offset in cuts:
        m.raw(f"cut at byte {offset}", "truncated", TRAP, data[:offset])
    for index in range(30 if full else 5):
        flipped = bytearray(data)
        at = rng.randrange(len(data))
        flipped[at] ^= 1 << rng.randrange(8)
        m.raw(f"bit flipped at byte {at} ({index})", "flipped", DAMAGED, bytes(flipped))
    m.raw("a byte added at the end", "flipped", DAMAGED, data + b"\0")
    m.raw("a byte added at the start", "flipped", DAMAGED, b"\0" + data)


def not_case_files(m: Maker) -> None:
    for label, data in (
        ("an empty file", b""),
        ("'PK' alone", b"PK"),
        ("text", "не файл справи\n".encode()),
        ("a PNG", b"\x89PNG\r\n\x1a\n" + bytes(40)),
        ("a gzip", b"\x1f\x8b\x08\x00" + bytes(20)),
        ("an end record alone", b"PK\x05\x06" + bytes(18)),
    ):
        m.raw(label, "not a case file", TRAP, data)
    m.made.append(
        Variant("an ordinary ZIP of the same members", "not a case file", DAMAGED, _plain_zip(m))
    )
    for label, make in _special_files(m).items():
        path = m.folder / f"{len(m.made):04d}.fcase"
        make(path)
        m.made.append(Variant(label, "not a case file", TRAP, path))


def _plain_zip(m: Maker) -> Path:
    path = m.folder / f"{len(m.made):04d}.fcase"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for part in m.parts:
            archive.writestr(part.name, part.content)
    return path


def _special_files(m: Maker) -> dict[str, Callable[[Path], None]]:
    return {
        "a folder named .fcase": lambda p: p.mkdir(),
        "a named pipe": os.mkfifo,
        "a link to /dev/zero": lambda p: p.symlink_to("/dev/zero"),
        "a link to nowhere": lambda p: p.symlink_to(p.with_name("gone.fcase")),
        "a link to the genuine file's folder": lambda p: p.symlink_to(m.genuine.parent),
    }


def unwelcome(m: Maker, replayed: Path, own: Path) -> None:
    for label, source in (
        ("an older file replayed", replayed),
        ("a file of this very workspace", own),
    ):
        path = m.folder / f"{len(m.made):04d}.fcase"
        shutil.copyfile(source, path)
        m.made.append(Variant(label, "unwelcome", UNWELCOME, path))


def variants(m: Maker, replayed: Path, own: Path, *, full: bool) -> Iterator[Variant]:
    zip_slip(m)
    links_and_modes(m)
    bombs(m, full)
    doubles_and_gaps(m)
    signatures(m)
    manifests(m)
    databases(m)
    damage(m, full)
    not_case_files(m)
    unwelcome(m, replayed, own)
    yield from m.made
