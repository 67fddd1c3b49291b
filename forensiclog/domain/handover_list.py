"""The rows of a handover list, checked: every problem found, with its row, column and reason."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from forensiclog.domain.errors import InvalidInput, RowProblem
from forensiclog.domain.text import MAX_SHORT_TEXT, clean_text

REQUIRED = ("tag",)
OPTIONAL = ("surname", "given_names", "birth_date", "unit", "service_number", "notes")
KNOWN = REQUIRED + OPTIONAL
MAX_ROWS = 100_000
_DOTTED_DATE = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})")


@dataclass(frozen=True)
class DeclaredRow:
    row: int
    tag: str
    surname: str | None = None
    given_names: str | None = None
    birth_date: dt.date | None = None
    unit: str | None = None
    service_number: str | None = None
    notes: str | None = None


def column_key(header: str) -> str:
    """A header as a column name: case, spaces and hyphens folded (``Given names`` → given_names)."""
    return re.sub(r"[\s\-]+", "_", header.strip().lstrip("\ufeff").casefold())


def parse_birth_date(value: object) -> dt.date | None:
    """YYYY-MM-DD, or DD.MM.YYYY as lists from Ukrainian and Russian offices write it."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    dotted = _DOTTED_DATE.fullmatch(text)
    try:
        if dotted:
            day, month, year = (int(g) for g in dotted.groups())
            return dt.date(year, month, day)
        return (
            dt.date.fromisoformat(text)
            if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text)
            else _bad_date(text)
        )
    except ValueError:
        raise InvalidInput("birth_date", f"{text!r} is not a real date") from None


def _bad_date(text: str) -> dt.date:
    raise InvalidInput("birth_date", f"{text!r} is not a date (YYYY-MM-DD or DD.MM.YYYY)")


def _text(value: object, column: str, limit: int = MAX_SHORT_TEXT) -> str | None:
    return clean_text(None if value is None else str(value), column, max_length=limit)


def check_header(header: Sequence[str]) -> tuple[list[str], list[str]]:
    """Column names, and the columns beyond the known ones; refuses a list without ``tag``."""
    names = [column_key(h) for h in header]
    missing = [c for c in REQUIRED if c not in names]
    if missing:
        raise InvalidInput(
            "header", f"no {', '.join(missing)} column (found: {', '.join(names) or 'nothing'})"
        )
    seen: set[str] = set()
    for name in names:
        if name and name in seen:
            raise InvalidInput("header", f"column {name!r} appears twice")
        seen.add(name)
    return names, [n for n in names if n and n not in KNOWN]


class _Row:
    """One row being read: its values, where it is, and what is wrong with it."""

    def __init__(self, number: int, data_row: int, record: Mapping[str, object]) -> None:
        self.number, self.data_row, self.record = number, data_row, record
        self.problems: list[RowProblem] = []

    def problem(self, column: str, reason: str) -> None:
        self.problems.append(RowProblem(self.number, column, reason, self.data_row))

    def text(self, column: str, limit: int = MAX_SHORT_TEXT) -> str | None:
        try:
            return _text(self.record.get(column), column, limit)
        except InvalidInput as error:
            self.problem(column, error.reason)
            return None

    def birth_date(self) -> dt.date | None:
        try:
            return parse_birth_date(self.record.get("birth_date"))
        except InvalidInput as error:
            self.problem("birth_date", error.reason)
            return None


def _check_tag(
    row: _Row, first_row_of: dict[str, int], taken_tags: Mapping[str, str]
) -> str | None:
    tag = row.text("tag")
    if tag is None:
        if not row.problems:
            row.problem("tag", "is empty")
        return None
    if tag in first_row_of:
        row.problem("tag", f"{tag!r} is also in row {first_row_of[tag]}")
    elif tag in taken_tags:
        row.problem("tag", f"{tag!r} is already on case {taken_tags[tag]}")
    first_row_of.setdefault(tag, row.number)
    return tag


def check_rows(
    rows: Sequence[tuple[int, Mapping[str, object]]],
    extra: Sequence[str],
    taken_tags: Mapping[str, str],
) -> tuple[list[DeclaredRow], list[RowProblem]]:
    """Every row checked; ``taken_tags`` maps tags already in the exchange to their case.

    Rows are ``(row number as the spreadsheet shows it, values by column)``. Columns beyond
    the known ones go into the notes, so nothing the other side declared is dropped.
    """
    good: list[DeclaredRow] = []
    problems: list[RowProblem] = []
    first_row_of: dict[str, int] = {}
    for data_row, (number, record) in enumerate(rows, start=1):
        row = _Row(number, data_row, record)
        tag = _check_tag(row, first_row_of, taken_tags)
        birth = row.birth_date()
        values = {c: row.text(c) for c in ("surname", "given_names", "unit", "service_number")}
        notes = [n for n in [row.text("notes", 10_000)] if n]
        notes += [f"{name}: {text}" for name in extra if (text := row.text(name, 10_000))]
        if row.problems:
            problems += row.problems
        elif tag is not None:
            good.append(
                DeclaredRow(number, tag, birth_date=birth, notes="\n".join(notes) or None, **values)
            )
    return good, problems
