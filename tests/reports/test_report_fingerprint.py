"""The data fingerprint: canonical JSON (sorted keys, ISO dates, previews left out) and its hash."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass, field

import pytest
from report_records import case_record, jpeg, photo

from forensiclog.domain.report_inputs import LabelLayout, ReportPhoto
from forensiclog.reports.fingerprint import canonical, canonical_json, fingerprint


def test_canonical_json_is_sorted_compact_utf8_with_iso_dates() -> None:
    @dataclass(frozen=True)
    class Row:
        zeta: str
        alpha: dt.date
        at: dt.datetime
        kind: LabelLayout
        parts: tuple[str, ...] = ()
        counts: dict[str, int] = field(default_factory=dict)

    row = Row(
        "Гнатюк",
        dt.date(2025, 6, 13),
        dt.datetime(2025, 6, 13, 9, 30),
        LabelLayout.SMALL,
        ("a",),
        {"b": 2, "a": 1},
    )
    assert canonical_json(row).decode() == (
        '{"alpha":"2025-06-13","at":"2025-06-13T09:30:00","counts":{"a":1,"b":2},'
        '"kind":"3x8","parts":["a"],"zeta":"Гнатюк"}'
    )
    assert fingerprint(row) == hashlib.sha256(canonical_json(row)).hexdigest()


def test_previews_are_left_out_but_the_photo_record_counts() -> None:
    record = photo("ab12cd34", "face")
    one = ReportPhoto(record, jpeg(100, 80, "#102030"))
    other = ReportPhoto(record, jpeg(100, 80, "#302010"))
    assert fingerprint(one) == fingerprint(other)
    assert "jpeg" not in json.loads(canonical_json(one))
    assert fingerprint(one) != fingerprint(ReportPhoto(photo("ef56ab78", "face"), one.jpeg))


def test_any_change_in_a_record_changes_the_fingerprint() -> None:
    assert fingerprint(case_record()) == fingerprint(case_record())
    assert fingerprint(case_record()) != fingerprint(case_record(location="Холодильник 4"))


def test_a_value_without_a_canonical_form_is_a_bug_not_a_guess() -> None:
    with pytest.raises(TypeError, match="bytes"):
        canonical({"raw": b"\x00"})
