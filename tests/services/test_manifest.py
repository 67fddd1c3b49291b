"""Importing handover lists: CSV and XLSX, any script, all rows or none."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from openpyxl import Workbook

from forensiclog.domain.errors import InvalidFile, NotFound, PermissionDenied
from forensiclog.services.case_list import CaseFilter
from tests.conftest import Team


def counts(path: Path) -> tuple[int, int, int]:
    connection = sqlite3.connect(path / "forensiclog.db")
    try:
        return tuple(
            connection.execute(f"SELECT count(*) FROM {t}").fetchone()[0]  # type: ignore[return-value]
            for t in ("cases", "declared_identities", "audit_entries")
        )
    finally:
        connection.close()


def test_a_csv_becomes_one_received_case_per_row(
    team: Team, exchange: str, write_csv: Callable[..., Path]
) -> None:
    path = write_csv(
        [
            ["UA-1", "Гнатюк", "Іван Петрович", "1990-01-02"],
            ["UA-2", "Иванов", "Пётр", ""],
            ["UA-3", "O'Neil <b>", "Jack & Jill", "03.04.1985"],
        ]
    )
    result = team.coordinator.manifest.import_file(exchange, path)
    assert result.created == 3
    assert result.cases == ["KYV-T1-00001", "KYV-T1-00002", "KYV-T1-00003"]
    record = team.auditor.cases.show("KYV-T1-00001")
    assert record.status == "received" and record.tag == "UA-1" and record.arrived_at is None
    assert record.declared is not None and record.declared.surname == "Гнатюк"
    assert record.declared.given_names == "Іван Петрович" and record.declared.row == 2
    assert team.auditor.cases.show("KYV-T1-00003").declared.surname == "O'Neil <b>"  # type: ignore[union-attr]
    summary = team.auditor.exchanges.show(exchange)
    assert summary.registered == 3 and summary.by_status["received"] == 3


def test_an_xlsx_list_with_dates_and_extra_columns(
    team: Team, exchange: str, tmp_path: Path
) -> None:
    import datetime as dt

    book = Workbook()
    sheet = book.active
    sheet.append(["Tag", "Surname", "Given names", "Birth date", "Unit", "Rank"])
    sheet.append(["T-1", "Шевченко", "Тарас", dt.datetime(1991, 3, 9), "в/ч А1234", "сержант"])
    sheet.append(["T-2", "Петренко", None, None, None, None])
    path = tmp_path / "handover.xlsx"
    book.save(path)
    result = team.coordinator.manifest.import_file(exchange, path)
    declared = team.auditor.cases.show(result.cases[0]).declared
    assert declared is not None
    assert (declared.birth_date, declared.unit, declared.notes) == (
        dt.date(1991, 3, 9),
        "в/ч А1234",
        "rank: сержант",
    )


def test_every_bad_row_is_named_and_nothing_is_imported(
    team: Team, exchange: str, write_csv: Callable[..., Path]
) -> None:
    rows = [[f"UA-{i}", "Гнатюк", "Іван", ""] for i in range(1, 101)]
    rows[56][0] = ""  # data row 57
    rows[80][0] = "UA-11"
    rows[90][3] = "1990-02-30"
    before = counts(team.path)
    with pytest.raises(InvalidFile) as refused:
        team.coordinator.manifest.import_file(exchange, write_csv(rows))
    found = [(p.row, p.data_row, p.column) for p in refused.value.problems]
    assert found == [(58, 57, "tag"), (82, 81, "tag"), (92, 91, "birth_date")]
    assert "also in row 12" in refused.value.problems[1].reason
    assert counts(team.path) == before


def test_tags_already_in_the_exchange_are_refused(
    team: Team, exchange: str, write_csv: Callable[..., Path]
) -> None:
    team.coordinator.manifest.import_file(exchange, write_csv([["UA-1", "A", "B", ""]]))
    with pytest.raises(InvalidFile, match="already on case KYV-T1-00001"):
        team.coordinator.manifest.import_file(
            exchange, write_csv([["UA-2", "", "", ""], ["UA-1", "", "", ""]])
        )


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "not UTF-8"),
        (b"", "empty"),
        (b"surname,given_names\nA,B\n", "no tag column"),
        (b"tag,surname\n", "no rows"),
        ("tag,surname\nA,Гнатюк\n".encode("cp1251"), "not UTF-8"),
        (b"PK\x03\x04not really a workbook", "not a readable XLSX"),
    ],
)
def test_files_that_are_not_handover_lists(
    team: Team, exchange: str, tmp_path: Path, content: bytes, message: str
) -> None:
    path = tmp_path / "list.csv"
    path.write_bytes(content)
    before = counts(team.path)
    with pytest.raises(InvalidFile, match=message):
        team.coordinator.manifest.import_file(exchange, path)
    assert counts(team.path) == before


def test_semicolon_separated_lists_and_a_bom_are_read(
    team: Team, exchange: str, tmp_path: Path
) -> None:
    path = tmp_path / "excel.csv"
    path.write_bytes("\ufefftag;surname;given_names\nUA-9;Коваленко;Олена\n".encode())
    result = team.coordinator.manifest.import_file(exchange, path)
    assert team.auditor.cases.show(result.cases[0]).declared.surname == "Коваленко"  # type: ignore[union-attr]


def test_only_a_coordinator_imports_and_only_into_an_existing_exchange(
    team: Team, exchange: str, write_csv: Callable[..., Path]
) -> None:
    path = write_csv([["UA-1", "A", "B", ""]])
    with pytest.raises(PermissionDenied):
        team.examiner.manifest.import_file(exchange, path)
    with pytest.raises(NotFound, match="R9"):
        team.coordinator.manifest.import_file("R9", path)
    assert team.auditor.case_list.count(CaseFilter()) == 0
