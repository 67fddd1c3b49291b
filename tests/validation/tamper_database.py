"""Mutations of the workspace's database behind the application's back: rows of every audited
table, the history, its signed heads, and rollbacks of each to an older copy.

Each mutation changes something (a value is always replaced by a different one) and returns
what it did, or None when it does not apply to the row drawn (another is drawn then).
"""

from __future__ import annotations

import datetime as dt
import json
import random
import sqlite3
import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy import JSON, Boolean, Date, DateTime, Integer, Table

from forensiclog.db.base import table_of
from forensiclog.db.models import AUDITED_MODELS
from forensiclog.domain.audit_chain import REDACTED, content_hash_of, link_hash
from tests.validation.tamper_target import Copy

_LETTERS = "abcdefghijklmnopqrstuvwxyzАБВГҐДЕЄЖЗИІЇЙКЛМНОПРСТУФХЦЧШЩЬЮЯ0123456789"
CHAIN = (
    "origin", "seq", "at", "user_name", "action", "entity", "entity_uid", "case_number",
    "reason", "before", "after", "state_hash", "prev_hash", "entry_hash", "content_hash",
)  # fmt: skip
_STORED_TIME = "%Y-%m-%d %H:%M:%S.%f"


@dataclass(frozen=True)
class Audited:
    """An audited table: the columns its recorded state covers, and those it leaves out."""

    table: Table
    entity: str
    hashed: tuple[str, ...]
    derived: tuple[str, ...]


AUDITED = tuple(
    Audited(
        table_of(m),
        m.audit_entity,
        tuple(c.key for c in table_of(m).columns if c.key != "id" and c.key not in m.audit_exclude),
        tuple(sorted(m.audit_exclude - {"location"})),
    )
    for m in AUDITED_MODELS
)


def _is_time(column: Any) -> bool:
    return isinstance(getattr(column.type, "impl", column.type), DateTime)


def altered_text(text: str, rng: random.Random) -> str:
    if not text:
        return rng.choice(_LETTERS)
    at = rng.randrange(len(text))
    choices = [c for c in _LETTERS if c != text[at]]
    return text[:at] + rng.choice(choices) + text[at + 1 :]


def _altered_json(value: Any, rng: random.Random) -> Any:
    if isinstance(value, dict) and value:
        key = rng.choice(sorted(value))
        return {**value, key: _altered_json(value[key], rng)}
    if isinstance(value, list):
        return [*value, "tampered"] if not value or rng.random() < 0.5 else value[:-1]
    if isinstance(value, str):
        return altered_text(value, rng)
    if isinstance(value, bool) or value is None:
        return not value
    if isinstance(value, int | float):
        return value + rng.randint(1, 9)
    return "tampered"


def altered(value: Any, column: Any, rng: random.Random) -> Any:
    """A different value of the column's kind, as SQLite stores it."""
    kind = column.type
    if isinstance(kind, Boolean):
        return 0 if value else 1
    if isinstance(kind, Integer):
        return (value or 0) + rng.randint(1, 9)
    if _is_time(column):
        moment = dt.datetime.strptime(value, _STORED_TIME) if value else dt.datetime(2025, 6, 13)
        return (moment + dt.timedelta(seconds=rng.randint(1, 86_400))).strftime(_STORED_TIME)
    if isinstance(kind, Date):
        day = dt.date.fromisoformat(value) if value else dt.date(2025, 6, 13)
        return (day + dt.timedelta(days=rng.randint(1, 400))).isoformat()
    if isinstance(kind, JSON):
        return json.dumps(_altered_json(json.loads(value) if value else None, rng))
    return altered_text(value or "", rng)


def _random_row(db: sqlite3.Connection, table: str, rng: random.Random) -> dict[str, Any] | None:
    db.row_factory = sqlite3.Row
    rows = db.execute(f"SELECT rowid AS _rowid, * FROM {table}").fetchall()
    db.row_factory = None
    return dict(rng.choice(rows)) if rows else None


def _audited(rng: random.Random, db: sqlite3.Connection) -> tuple[Audited, dict[str, Any]] | None:
    audited = rng.choice(AUDITED)
    row = _random_row(db, audited.table.name, rng)
    return (audited, row) if row else None


def _update(db: sqlite3.Connection, table: str, rowid: int, values: dict[str, Any]) -> bool:
    sets = ", ".join(f'"{k}" = ?' for k in values)
    try:
        db.execute(f"UPDATE {table} SET {sets} WHERE rowid = ?", [*values.values(), rowid])
    except sqlite3.IntegrityError:
        return False
    return True


# -- rows of audited tables -------------------------------------------------------------------


def row_edited(rng: random.Random, copy: Copy, *, derived: bool = False) -> str | None:
    db = copy.connect()
    drawn = _audited(rng, db)
    if drawn is None:
        return None
    audited, row = drawn
    columns = audited.derived if derived else audited.hashed
    if not columns:
        return None
    name = rng.choice(columns)
    new = altered(row[name], audited.table.c[name], rng)
    if new == row[name] or not _update(db, audited.table.name, row["_rowid"], {name: new}):
        return None
    return f"{audited.table.name}.{name} of row {row['_rowid']}: {row[name]!r:.40} → {new!r:.40}"


def derived_edited(rng: random.Random, copy: Copy) -> str | None:
    """A value kept only as a hint (completeness, the next part number), recomputed from the
    audited records on their next change."""
    return row_edited(rng, copy, derived=True)


def location_edited(rng: random.Random, copy: Copy) -> str | None:
    """Where a body is: kept beside the custody log, out of the history's hash."""
    db = copy.connect()
    rowid, location = rng.choice(db.execute("SELECT rowid, location FROM cases").fetchall())
    new = altered_text(location or "", rng)
    db.execute("UPDATE cases SET location = ? WHERE rowid = ?", [new, rowid])
    return f"cases.location of row {rowid}: {location!r} → {new!r}"


def row_deleted(rng: random.Random, copy: Copy) -> str | None:
    db = copy.connect()
    drawn = _audited(rng, db)
    if drawn is None:
        return None
    audited, row = drawn
    db.execute(f"DELETE FROM {audited.table.name} WHERE rowid = ?", [row["_rowid"]])
    return f"{audited.table.name} row {row['_rowid']} deleted"


def row_inserted(rng: random.Random, copy: Copy) -> str | None:
    """A fabricated record: a copy of a real one under a new identity, its unique values changed."""
    db = copy.connect()
    drawn = _audited(rng, db)
    if drawn is None:
        return None
    audited, row = drawn
    values = {k: v for k, v in row.items() if k not in ("_rowid", "id")}
    values["uid"] = str(uuid.uuid4())
    for column in audited.table.columns:
        if column.unique and column.key != "uid" and values.get(column.key) is not None:
            values[column.key] = altered(values[column.key], column, rng)
    names = ", ".join(f'"{k}"' for k in values)
    marks = ", ".join("?" for _ in values)
    try:
        db.execute(
            f"INSERT INTO {audited.table.name} ({names}) VALUES ({marks})", list(values.values())
        )
    except sqlite3.IntegrityError:
        return None
    return f"{audited.table.name}: a fabricated row inserted"


def _stored(value: Any, column: Any) -> Any:
    """A value from the history's JSON, as the database column stores it."""
    if value is None:
        return None
    if isinstance(column.type, JSON):
        return json.dumps(value)
    if _is_time(column):
        moment = dt.datetime.fromisoformat(value)
        if moment.tzinfo is not None:
            moment = moment.astimezone(dt.UTC).replace(tzinfo=None)
        return moment.strftime(_STORED_TIME)
    return value


def row_rolled_back(rng: random.Random, copy: Copy) -> str | None:
    """A record set back to the values it had before one of its recorded edits."""
    db = copy.connect()
    edits = db.execute(
        "SELECT entity, entity_uid, before, seq FROM audit_entries WHERE before IS NOT NULL"
    ).fetchall()
    if not edits:
        return None
    entity, uid, before, seq = rng.choice(edits)
    audited = next((a for a in AUDITED if a.entity == entity), None)
    if audited is None:
        return None
    old = {
        k: _stored(v, audited.table.c[k])
        for k, v in json.loads(before).items()
        if k in audited.hashed
    }
    current = db.execute(f"SELECT rowid FROM {audited.table.name} WHERE uid = ?", [uid]).fetchone()
    if not old or current is None or not _update(db, audited.table.name, current[0], old):
        return None
    return f"{entity} {uid[:8]} rolled back to before history entry {seq}"


# -- the history ---------------------------------------------------------------------------


def _entry(db: sqlite3.Connection, rng: random.Random) -> dict[str, Any]:
    db.row_factory = sqlite3.Row
    rows = db.execute("SELECT * FROM audit_entries").fetchall()
    db.row_factory = None
    return dict(rng.choice(rows))


def entry_edited(rng: random.Random, copy: Copy) -> str | None:
    db = copy.connect()
    entry = _entry(db, rng)
    name = rng.choice(CHAIN)
    old = entry[name]
    new: Any = old + rng.choice((-1, 1, 1000)) if name == "seq" else altered_text(old or "", rng)
    if not _update(db, "audit_entries", entry["id"], {name: new}):
        return None
    return f"history entry {entry['seq']} ({entry['origin'][:8]}): {name} {old!r:.30} → {new!r:.30}"


def entry_deleted(rng: random.Random, copy: Copy) -> str | None:
    db = copy.connect()
    entry = _entry(db, rng)
    db.execute("DELETE FROM audit_entries WHERE id = ?", [entry["id"]])
    return f"history entry {entry['seq']} ({entry['origin'][:8]}) deleted"


def _chain_of(db: sqlite3.Connection, origin: str) -> list[dict[str, Any]]:
    db.row_factory = sqlite3.Row
    rows = db.execute(
        "SELECT * FROM audit_entries WHERE origin = ? ORDER BY seq", [origin]
    ).fetchall()
    db.row_factory = None
    return [dict(r) for r in rows]


def _rechained(entry: dict[str, Any], prev: str) -> dict[str, Any]:
    """The entry with its content hash and link recomputed: consistent on its own."""
    content = content_hash_of([entry[k] for k in CHAIN[:12]])
    return {
        **entry,
        "prev_hash": prev,
        "content_hash": content,
        "entry_hash": link_hash(prev, content),
    }


def entry_inserted(rng: random.Random, copy: Copy) -> str | None:
    """A fabricated entry, hashed and linked as the application would, at a random place."""
    db = copy.connect()
    origin = _entry(db, rng)["origin"]
    chain = _chain_of(db, origin)
    at = rng.randrange(len(chain) + 1)
    model = dict(chain[min(at, len(chain) - 1)])
    prev = chain[at - 1]["entry_hash"] if at else model["prev_hash"]
    fake = _rechained({**model, "seq": at + 1, "reason": "fabricated", "id": None}, prev)
    db.execute(
        "UPDATE audit_entries SET seq = seq + 100000 WHERE origin = ? AND seq > ?", [origin, at]
    )
    db.execute(
        "UPDATE audit_entries SET seq = seq - 99999 WHERE origin = ? AND seq > 100000", [origin]
    )
    names = [k for k in fake if k != "id"]
    db.execute(
        f"INSERT INTO audit_entries ({', '.join(names)}) VALUES ({', '.join('?' for _ in names)})",
        [fake[k] for k in names],
    )
    return f"a fabricated history entry inserted at {at + 1} of {len(chain)} ({origin[:8]})"


def entries_reordered(rng: random.Random, copy: Copy) -> str | None:
    db = copy.connect()
    origin = _entry(db, rng)["origin"]
    chain = _chain_of(db, origin)
    if len(chain) < 2:
        return None
    first, second = rng.sample(chain, 2)
    db.execute("UPDATE audit_entries SET seq = -1 WHERE id = ?", [first["id"]])
    db.execute("UPDATE audit_entries SET seq = ? WHERE id = ?", [first["seq"], second["id"]])
    db.execute("UPDATE audit_entries SET seq = ? WHERE id = ?", [second["seq"], first["id"]])
    return f"history entries {first['seq']} and {second['seq']} swapped ({origin[:8]})"


def entries_truncated(rng: random.Random, copy: Copy) -> str | None:
    db = copy.connect()
    origin = _entry(db, rng)["origin"]
    chain = _chain_of(db, origin)
    keep = rng.randrange(len(chain))
    db.execute("DELETE FROM audit_entries WHERE origin = ? AND seq > ?", [origin, keep])
    return f"history of {origin[:8]} cut to its first {keep} of {len(chain)} entries"


def entry_blanked(rng: random.Random, copy: Copy) -> str | None:
    """An entry's content withheld as a case file withholds it, its hashes kept."""
    db = copy.connect()
    entry = _entry(db, rng)
    if entry["action"] == REDACTED:
        return None
    blank: dict[str, Any] = {"at": "", "user_name": "", "action": REDACTED, "entity": REDACTED}
    blank |= dict.fromkeys(("entity_uid", "case_number", "reason", "before", "after", "state_hash"))
    _update(db, "audit_entries", entry["id"], blank)
    return f"history entry {entry['seq']} ({entry['origin'][:8]}, {entry['action']}) blanked out"


# -- the signed heads ----------------------------------------------------------------------


def head_edited(rng: random.Random, copy: Copy) -> str | None:
    db = copy.connect()
    db.row_factory = sqlite3.Row
    head = dict(rng.choice(db.execute("SELECT rowid AS _rowid, * FROM chain_heads").fetchall()))
    db.row_factory = None
    name = rng.choice(("seq", "entry_hash", "public_key", "signature"))
    new = head[name] + rng.choice((-1, 1)) if name == "seq" else altered_text(head[name], rng)
    _update(db, "chain_heads", head["_rowid"], {name: new})
    return f"signed head of {head['origin'][:8]}: {name} changed"


def head_deleted(rng: random.Random, copy: Copy) -> str | None:
    db = copy.connect()
    origins = [r[0] for r in db.execute("SELECT origin FROM chain_heads")]
    origin = rng.choice(origins)
    db.execute("DELETE FROM chain_heads WHERE origin = ?", [origin])
    return f"signed head of {origin[:8]} deleted"


# -- rollbacks to the older copy -----------------------------------------------------------


def _from_older(copy: Copy, tables: tuple[str, ...]) -> sqlite3.Connection:
    older = copy.workspace.parent / "older.db"
    older.write_bytes(copy.older_database)
    db = copy.connect()
    db.execute("ATTACH DATABASE ? AS older", [str(older)])
    for table in tables:
        db.execute(f"DELETE FROM main.{table}")
        db.execute(f"INSERT INTO main.{table} SELECT * FROM older.{table}")
    return db


def history_rolled_back(rng: random.Random, copy: Copy) -> str | None:
    _from_older(copy, ("audit_entries", "chain_heads")).execute("DETACH DATABASE older")
    return "history and its heads set back to an older copy, the records kept"


def head_rolled_back(rng: random.Random, copy: Copy) -> str | None:
    _from_older(copy, ("chain_heads",)).execute("DETACH DATABASE older")
    return "signed heads set back to an older copy"


def database_rolled_back(rng: random.Random, copy: Copy) -> str | None:
    """The whole database set back to an older copy, the photo store kept as it is now."""
    (copy.workspace / "forensiclog.db").write_bytes(copy.older_database)
    return "the database replaced by an older copy of itself (photos kept)"
