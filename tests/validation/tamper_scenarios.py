"""Tampering by someone who understands the history: a record changed and the whole chain
rewritten to match, hashes and links recomputed — everything but the signature, which needs the
workspace's key. And what only the office can see: a laptop rolled back, an old file replayed,
a history re-signed with a new key.
"""

from __future__ import annotations

import json
import random
import shutil
import sqlite3
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import create_engine, select

from forensiclog.db.engine import DATABASE_FILE
from forensiclog.domain.audit_chain import (
    canonical_json,
    content_hash_of,
    head_message,
    link_hash,
    state_hash,
)
from forensiclog.domain.errors import Refusal
from forensiclog.services.signing import KEY_FILE
from tests.validation.tamper_database import AUDITED, CHAIN
from tests.validation.tamper_target import Copy, Prepared
from tests.validation.workloads import FIELD_EXCHANGE, copy_tree, services

CASES = next(a for a in AUDITED if a.entity == "case")


def _state_hash(database: Path, uid: str) -> tuple[str, str]:
    """The case's state as the application hashes it: its canonical text and hash."""
    engine = create_engine(f"sqlite:///{database}")
    try:
        with engine.connect() as connection:
            columns = [CASES.table.c[k] for k in CASES.hashed]
            row = connection.execute(select(*columns).where(CASES.table.c.uid == uid)).one()
    finally:
        engine.dispose()
    state = dict(zip(CASES.hashed, row, strict=True))
    return canonical_json(state), state_hash(state)


def _rechain(db: sqlite3.Connection, origin: str, from_seq: int) -> tuple[int, str]:
    """Recompute every content hash and link of ``origin`` from ``from_seq``; the new head."""
    rows = db.execute(
        f"SELECT id, {', '.join(CHAIN[:12])} FROM audit_entries WHERE origin = ? ORDER BY seq",
        [origin],
    ).fetchall()
    prev = ""
    for row in rows:
        seq = row[2]
        if seq < from_seq:
            prev = db.execute(
                "SELECT entry_hash FROM audit_entries WHERE id = ?", [row[0]]
            ).fetchone()[0]
            continue
        content = content_hash_of(list(row[1:13]))
        if not prev:
            prev = db.execute(
                "SELECT prev_hash FROM audit_entries WHERE id = ?", [row[0]]
            ).fetchone()[0]
        entry = link_hash(prev, content)
        db.execute(
            "UPDATE audit_entries SET prev_hash = ?, content_hash = ?, entry_hash = ? WHERE id = ?",
            [prev, content, entry, row[0]],
        )
        prev = entry
    return rows[-1][2], prev


def rewrite(db: sqlite3.Connection, workspace: Path, rng: random.Random) -> tuple[str, int, str]:
    """A case's notes changed and the local chain rewritten to match; returns the origin and
    the head the rewritten chain would need signed."""
    origin = db.execute("SELECT uid FROM workspace").fetchone()[0]
    latest = db.execute(
        "SELECT e.id, e.seq, e.entity_uid FROM audit_entries e JOIN cases c ON c.uid = e.entity_uid "
        "WHERE e.origin = ? AND e.entity = 'case' AND e.state_hash IS NOT NULL "
        "AND e.id = (SELECT max(id) FROM audit_entries WHERE entity_uid = e.entity_uid "
        "AND state_hash IS NOT NULL)",
        [origin],
    ).fetchall()
    entry_id, seq, uid = rng.choice(latest)
    db.execute("UPDATE cases SET notes = ? WHERE uid = ?", [f"rewritten {rng.random()}", uid])
    text, digest = _state_hash(workspace / DATABASE_FILE, uid)
    recorded = db.execute("SELECT after FROM audit_entries WHERE id = ?", [entry_id]).fetchone()
    after = json.loads(recorded[0]) if recorded[0] else {}
    after.update({k: v for k, v in json.loads(text).items() if k in after or k == "notes"})
    db.execute(
        "UPDATE audit_entries SET after = ?, state_hash = ? WHERE id = ?",
        [canonical_json(after), digest, entry_id],
    )
    last_seq, last_hash = _rechain(db, origin, seq)
    return origin, last_seq, last_hash


def history_rewritten(rng: random.Random, copy: Copy) -> str:
    """Rewritten without the key: the head is left, moved (its signature kept) or removed."""
    db = copy.connect()
    origin, seq, entry_hash = rewrite(db, copy.workspace, rng)
    how = rng.choice(("head left as it was", "head moved, old signature", "head removed"))
    if how == "head moved, old signature":
        db.execute(
            "UPDATE chain_heads SET seq = ?, entry_hash = ? WHERE origin = ?",
            [seq, entry_hash, origin],
        )
    elif how == "head removed":
        db.execute("DELETE FROM chain_heads WHERE origin = ?", [origin])
    return f"a case changed and the history rewritten to match it ({how})"


def resigned_with_a_new_key(workspace: Path, rng: random.Random) -> None:
    """Rewritten with a new key put in the key's place: the laptop alone cannot tell."""
    db = sqlite3.connect(workspace / DATABASE_FILE, isolation_level=None)
    origin, seq, entry_hash = rewrite(db, workspace, rng)
    key = Ed25519PrivateKey.generate()
    public = (
        key.public_key()
        .public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
        .hex()
    )
    signature = key.sign(head_message(origin, seq, entry_hash)).hex()
    db.execute("UPDATE workspace SET public_key = ?", [public])
    db.execute(
        "UPDATE chain_heads SET seq = ?, entry_hash = ?, public_key = ?, signature = ? WHERE origin = ?",
        [seq, entry_hash, public, signature, origin],
    )
    db.close()
    pem = key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    (workspace / KEY_FILE).chmod(0o600)
    (workspace / KEY_FILE).write_bytes(pem)


# -- what the office sees --------------------------------------------------------------------


def _refused(office: Path, casefile: Path) -> tuple[bool, str]:
    coordinator = services(office, "olena")
    try:
        result = coordinator.merge.import_file(casefile)
    except Refusal as refusal:
        return True, str(refusal).split("nothing was imported: ", 1)[-1][:160]
    finally:
        coordinator.workspace.close()
    return False, f"imported: {result.added} added, {result.updated} updated"


def _work_and_export(laptop: Path, tag: str, target: Path) -> Path:
    coordinator = services(laptop, "olena")
    coordinator.cases.register(FIELD_EXCHANGE, tag=tag)
    coordinator.casefiles.export(target, exchange=FIELD_EXCHANGE)
    coordinator.workspace.close()
    return target


def _laptop_sees(laptop: Path) -> bool:
    """Whether ``check`` on the laptop itself finds anything wrong."""
    reader = services(laptop, "iryna")
    try:
        return not reader.integrity.check().ok
    finally:
        reader.workspace.close()


def office_scenarios(prepared: Prepared, folder: Path) -> list[tuple[str, bool, bool, str]]:
    """Each case the laptop alone cannot detect: (what, the laptop saw it, the office refused
    it, what the office said)."""
    material = prepared.material
    office = copy_tree(material.office, folder / "office")
    laptop = copy_tree(material.field, folder / "laptop")
    saved = copy_tree(laptop, folder / "laptop-saved")
    _refused(office, _work_and_export(laptop, "later work", folder / "later.fcase"))
    results = []
    refused, said = _refused(office, material.casefiles[1])
    results.append(("an older case file of the laptop replayed", False, refused, said))
    shutil.rmtree(laptop)
    copy_tree(saved, laptop)
    seen = _laptop_sees(laptop)
    refused, said = _refused(
        office, _work_and_export(laptop, "other work", folder / "rolled.fcase")
    )
    results.append(("the laptop rolled back to a saved copy, then other work", seen, refused, said))
    forged = copy_tree(saved, folder / "forged")
    resigned_with_a_new_key(forged, random.Random(7))
    seen = _laptop_sees(forged)
    refused, said = _refused(
        office, _work_and_export(forged, "forged work", folder / "forged.fcase")
    )
    results.append(
        ("the laptop's history rewritten and signed with a new key", seen, refused, said)
    )
    return results
