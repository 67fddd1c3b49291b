"""The encodings and hashes of the history chain."""

from __future__ import annotations

import datetime as dt

from forensiclog.domain.audit_chain import (
    ChainFields,
    canonical_json,
    content_hash_of,
    entry_problem,
    genesis_hash,
    iso_timestamp,
    redacted_fields,
)


def fields(**change: object) -> ChainFields:
    base: dict[str, object] = dict(
        origin="w",
        seq=1,
        at="2025-06-13T10:00:00.000000Z",
        user="petro",
        action="case.edit",
        entity="case",
        entity_uid="u",
        case_number="KYV-T1-00001",
        reason=None,
        before='{"a":1}',
        after='{"a":2}',
        state_hash="s",
        prev_hash=genesis_hash("w"),
    )
    base.update(change)
    return ChainFields(**base)  # type: ignore[arg-type]


def test_canonical_json_is_one_text_per_value() -> None:
    assert canonical_json({"b": 1, "a": "Гнатюк"}) == '{"a":"Гнатюк","b":1}'
    assert canonical_json({"d": dt.date(2025, 6, 13)}) == '{"d":"2025-06-13"}'


def test_every_field_changes_the_hash() -> None:
    reference = fields().entry_hash()
    for name, value in [
        ("origin", "x"),
        ("seq", 2),
        ("at", "2025-06-13T10:00:00.000001Z"),
        ("user", "olena"),
        ("action", "case.status"),
        ("entity", "document"),
        ("entity_uid", None),
        ("case_number", None),
        ("reason", ""),
        ("before", None),
        ("after", '{"a":3}'),
        ("state_hash", "t"),
        ("prev_hash", "0" * 64),
    ]:
        assert fields(**{name: value}).entry_hash() != reference, name


def test_field_boundaries_cannot_shift() -> None:
    assert content_hash_of(["ab", "c"]) != content_hash_of(["a", "bc"])


def test_genesis_depends_on_the_workspace_and_timestamps_are_exact() -> None:
    assert genesis_hash("a") != genesis_hash("b")
    moment = dt.datetime(2025, 6, 13, 10, 0, 0, 5, tzinfo=dt.UTC)
    assert iso_timestamp(moment) == "2025-06-13T10:00:00.000005Z"


def test_one_moment_has_one_text_whatever_its_zone() -> None:
    kyiv = dt.timezone(dt.timedelta(hours=3))
    a = dt.datetime(2025, 6, 13, 10, 0, tzinfo=kyiv)
    b = dt.datetime(2025, 6, 13, 7, 0, tzinfo=dt.UTC)
    assert canonical_json({"t": a}) == canonical_json({"t": b})


def test_a_redacted_entry_keeps_its_link_verifiable() -> None:
    entry = fields()
    content, stored = entry.content_hash(), entry.entry_hash()
    full = (*entry.content(), entry.prev_hash)
    blank = redacted_fields(entry.origin, entry.seq, entry.prev_hash)
    assert entry_problem(full, content, stored) is None
    assert entry_problem(blank, content, stored) is None  # withheld, but still bound to the chain
    assert "content" in str(entry_problem((*blank[:4], "case.edit", *blank[5:]), content, stored))
    assert "follow" in str(
        entry_problem(blank, "0" * 64, stored)
    )  # a forged content hash breaks the link
    assert "own history" in str(entry_problem(blank, content, stored, redaction_allowed=False))
    altered = (*full[:3], "mallory", *full[4:])
    assert "altered" in str(entry_problem(altered, content, stored))
