"""Reading a handover list from CSV (UTF-8) or XLSX into a header and numbered rows."""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from forensiclog.domain.errors import InvalidFile
from forensiclog.domain.handover_list import MAX_ROWS

MAX_FILE_BYTES = 200 * 1024 * 1024
_ZIP_MAGIC = b"PK\x03\x04"


@dataclass(frozen=True)
class ListFile:
    name: str
    header: list[str]
    rows: list[tuple[int, list[object]]]


def _blank(values: Sequence[object]) -> bool:
    return all(v is None or str(v).strip() == "" for v in values)


def _numbered(
    rows: Iterable[tuple[int, Sequence[object]]], name: str
) -> tuple[list[str], list[tuple[int, list[object]]]]:
    header: list[str] | None = None
    body: list[tuple[int, list[object]]] = []
    for number, values in rows:
        if _blank(values):
            continue
        if header is None:
            header = ["" if v is None else str(v) for v in values]
            continue
        body.append((number, list(values)))
        if len(body) > MAX_ROWS:
            raise InvalidFile(name, reason=f"more than {MAX_ROWS} rows; split the list")
    if header is None:
        raise InvalidFile(name, reason="the file is empty: no header row")
    if not body:
        raise InvalidFile(name, reason="the list has a header but no rows")
    return header, body


def _decode(data: bytes, name: str) -> str:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InvalidFile(
            name, reason=f"not UTF-8 text (byte {error.start}); save the list as CSV UTF-8 or XLSX"
        ) from None
    if "\x00" in text:
        raise InvalidFile(name, reason="not a CSV text file (it contains NUL bytes)")
    return text


def _dialect(text: str) -> type[csv.Dialect] | csv.Dialect:
    first = text.split("\n", 1)[0]
    try:
        return csv.Sniffer().sniff(first, delimiters=",;\t")
    except csv.Error:
        return csv.excel


def read_csv(data: bytes, name: str) -> ListFile:
    text = _decode(data, name)
    reader = csv.reader(io.StringIO(text, newline=""), _dialect(text), strict=True)
    try:
        rows = [(reader.line_num, values) for values in reader]
    except csv.Error as error:
        raise InvalidFile(name, reason=f"line {reader.line_num}: not valid CSV ({error})") from None
    header, body = _numbered(((n, list(v)) for n, v in rows), name)
    return ListFile(name, header, body)


def read_xlsx(data: bytes, name: str) -> ListFile:
    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as error:
        raise InvalidFile(name, reason=f"not a readable XLSX workbook ({error})") from None
    try:
        sheet = book.worksheets[0]
        rows = (
            (n, list(values)) for n, values in enumerate(sheet.iter_rows(values_only=True), start=1)
        )
        header, body = _numbered(rows, name)
    finally:
        book.close()
    return ListFile(name, header, body)


def read_list(path: Path) -> tuple[ListFile, bytes]:
    """The list in ``path`` and the file's bytes (hashed into the history)."""
    name = path.name
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise InvalidFile(name, reason=f"{size} bytes is too large for a handover list")
        data = path.read_bytes()
    except FileNotFoundError:
        raise InvalidFile(str(path), reason="no such file") from None
    except IsADirectoryError:
        raise InvalidFile(str(path), reason="is a folder, not a file") from None
    except PermissionError:
        raise InvalidFile(str(path), reason="not allowed to read it") from None
    if data.startswith(_ZIP_MAGIC):
        return read_xlsx(data, name), data
    return read_csv(data, name), data
