"""The history detects tampering: edited, removed, inserted and reordered entries, a rewritten
chain without the key, and records changed behind the application's back."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from forensiclog.domain.audit_chain import ChainFields, genesis_hash
from tests.conftest import Team

pytestmark = pytest.mark.tampers


@pytest.fixture
def busy(team: Team, exchange: str, write_csv: Callable[..., Path]) -> Team:
    team.coordinator.manifest.import_file(
        exchange, write_csv([[f"UA-{i}", "Гнатюк", "Іван", ""] for i in range(20)])
    )
    case = team.examiner.cases.register(exchange, tag="X", location="F1").case_number
    team.examiner.workflow.move(case, "examined", reason="exam")
    assert team.auditor.audit.verify().valid and team.auditor.integrity.check().ok
    return team


@pytest.fixture
def db(busy: Team) -> Iterator[sqlite3.Connection]:
    connection = sqlite3.connect(busy.path / "forensiclog.db")
    yield connection
    connection.commit()
    connection.close()


def verdict(team: Team) -> tuple[bool, int | None, str]:
    result = team.auditor.audit.verify()
    return result.valid, result.first_bad, " ".join(str(p) for p in result.problems)


def test_untouched_history_verifies(busy: Team) -> None:
    result = busy.auditor.audit.verify()
    assert result.valid and result.head_signed and result.entries > 40


def test_an_edited_entry_is_named(busy: Team, db: sqlite3.Connection) -> None:
    db.execute("UPDATE audit_entries SET user_name = 'mallory' WHERE seq = 12")
    db.commit()
    assert verdict(busy)[:2] == (False, 12)
    assert "history entry 12" in verdict(busy)[2]


def test_a_removed_entry_is_named(busy: Team, db: sqlite3.Connection) -> None:
    db.execute("DELETE FROM audit_entries WHERE seq = 20")
    db.commit()
    assert verdict(busy)[:2] == (False, 20)


def test_reordered_entries_are_caught(busy: Team, db: sqlite3.Connection) -> None:
    db.execute("UPDATE audit_entries SET seq = -1 WHERE seq = 10")
    db.execute("UPDATE audit_entries SET seq = 10 WHERE seq = 11")
    db.execute("UPDATE audit_entries SET seq = 11 WHERE seq = -1")
    db.commit()
    valid, first_bad, _ = verdict(busy)
    assert not valid and first_bad == 10


def test_removing_the_last_entries_is_caught_by_the_signed_head(
    busy: Team, db: sqlite3.Connection
) -> None:
    last = db.execute("SELECT max(seq) FROM audit_entries").fetchone()[0]
    db.execute("DELETE FROM audit_entries WHERE seq > ?", (last - 3,))
    db.commit()
    valid, first_bad, text = verdict(busy)
    assert not valid and first_bad == last - 2 and "removed" in text


def test_a_chain_rewritten_consistently_without_the_key_is_caught(
    busy: Team, db: sqlite3.Connection
) -> None:
    origin = busy.workspace.info.uid
    rows = db.execute(
        "SELECT id, seq, at, user_name, action, entity, entity_uid, case_number, reason, before, "
        "after, state_hash FROM audit_entries ORDER BY seq"
    ).fetchall()
    prev = genesis_hash(origin)
    for row in rows:
        user = "mallory" if row[1] == 5 else row[3]
        fields = ChainFields(
            origin,
            row[1],
            row[2],
            user,
            row[4],
            row[5],
            row[6],
            row[7],
            row[8],
            row[9],
            row[10],
            row[11],
            prev,
        )
        content = fields.content_hash()
        prev = fields.entry_hash()
        db.execute(
            "UPDATE audit_entries SET user_name=?, prev_hash=?, entry_hash=?, content_hash=? WHERE id=?",
            (user, fields.prev_hash, prev, content, row[0]),
        )
    db.execute("UPDATE chain_heads SET entry_hash=? WHERE origin=?", (prev, origin))
    db.commit()
    valid, _, text = verdict(busy)
    assert not valid and "signature" in text


def test_a_record_edited_behind_the_back_is_named_by_check(
    busy: Team, db: sqlite3.Connection
) -> None:
    db.execute("UPDATE cases SET status = 'released' WHERE case_number = 'KYV-T1-00003'")
    db.execute("UPDATE declared_identities SET surname = 'Інший' WHERE row_number = 5")
    db.commit()
    assert busy.auditor.audit.verify().valid  # the chain itself is intact
    problems = [str(p) for p in busy.auditor.integrity.check().problems]
    assert any("case KYV-T1-00003" in p and "behind the application's back" in p for p in problems)
    assert any(p.startswith("declared") and "changed behind" in p for p in problems)


def test_inserted_and_deleted_records_are_named_by_check(
    busy: Team, db: sqlite3.Connection
) -> None:
    db.execute(
        "INSERT INTO marks (uid, case_id, kind, description, created_at, created_by) "
        "VALUES ('forged', 1, 'tattoo', 'x', '2025-01-01 00:00:00', 'mallory')"
    )
    db.execute("DELETE FROM custody_entries")
    db.commit()
    problems = [str(p) for p in busy.auditor.integrity.check().problems]
    assert any("mark forged" in p and "not in the history" in p for p in problems)
    assert any(p.startswith("custody") and "missing from the database" in p for p in problems)


def test_a_replaced_signing_key_is_named_by_check(busy: Team) -> None:
    from forensiclog.services.signing import KEY_FILE, generate_key

    (busy.path / KEY_FILE).unlink()
    generate_key(busy.path)
    problems = [str(p) for p in busy.auditor.integrity.check().problems]
    assert any("signing key" in p and "does not match" in p for p in problems)
