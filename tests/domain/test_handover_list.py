"""Checking handover-list rows: every problem, with row, column and reason."""

from __future__ import annotations

import datetime as dt

import pytest

from forensiclog.domain.errors import InvalidInput
from forensiclog.domain.handover_list import check_header, check_rows, parse_birth_date


def rows(*records: dict[str, object]) -> list[tuple[int, dict[str, object]]]:
    return [(n + 2, r) for n, r in enumerate(records)]


def test_good_rows_become_declared_rows_and_extra_columns_go_to_notes() -> None:
    names, extra = check_header(["Tag", "Surname", "Given names", "birth_date", "Rank"])
    assert names == ["tag", "surname", "given_names", "birth_date", "rank"] and extra == ["rank"]
    good, problems = check_rows(
        rows({"tag": "A1", "surname": "Гнатюк", "birth_date": "05.03.1991", "rank": "солдат"}),
        extra,
        {},
    )
    assert problems == []
    assert good[0].tag == "A1" and good[0].birth_date == dt.date(1991, 3, 5)
    assert good[0].notes == "rank: солдат"
    assert good[0].row == 2


def test_every_bad_row_is_reported() -> None:
    good, problems = check_rows(
        rows(
            {"tag": "A1"},
            {"tag": ""},
            {"tag": "A1"},
            {"tag": "B2", "birth_date": "1990-02-30"},
            {"tag": "C3"},
        ),
        [],
        {"C3": "KYV-T1-00007"},
    )
    assert [(p.row, p.data_row, p.column) for p in problems] == [
        (3, 2, "tag"),
        (4, 3, "tag"),
        (5, 4, "birth_date"),
        (6, 5, "tag"),
    ]
    assert "also in row 2" in problems[1].reason
    assert "KYV-T1-00007" in problems[3].reason
    assert str(problems[0]) == "row 3 (data row 2), column tag: is empty"
    assert [g.tag for g in good] == ["A1"]


def test_a_list_without_a_tag_column_is_refused() -> None:
    with pytest.raises(InvalidInput, match="no tag column"):
        check_header(["surname", "given_names"])
    with pytest.raises(InvalidInput, match="twice"):
        check_header(["tag", "Tag"])


@pytest.mark.parametrize("text", ["1990/01/02", "02-01-1990", "yesterday", "1990-1-2"])
def test_dates_in_other_forms_are_refused(text: str) -> None:
    with pytest.raises(InvalidInput, match="birth_date"):
        parse_birth_date(text)
