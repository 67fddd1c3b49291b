"""Inserting many plain rows at once, straight through the driver.

SQLAlchemy's per-row parameter processing costs more than SQLite's own work for the tens of
thousands of search keys and history entries a handover list brings. Tables whose columns are
plain integers and strings need no processing, so their rows go to the driver's executemany.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import Connection, Integer, String, Table, Text

_PLAIN = (Integer, String, Text)


def _placeholders(connection: Connection, count: int) -> str:
    style = connection.dialect.paramstyle
    marker = {"qmark": "?", "format": "%s", "pyformat": "%s", "numeric": ":{}"}.get(style)
    if marker is None:
        raise ValueError(f"unsupported parameter style {style}")
    return ", ".join(marker.format(i + 1) for i in range(count))


def insert_plain(connection: Connection, table: Table, rows: Sequence[Mapping[str, Any]]) -> None:
    """Insert ``rows`` into ``table``, whose given columns must all be plain ints and strings."""
    if not rows:
        return
    names = list(rows[0])
    for name in names:
        if not isinstance(table.c[name].type, _PLAIN):
            raise TypeError(f"{table.name}.{name} needs type processing; use a Core insert")
    columns = ", ".join(connection.dialect.identifier_preparer.quote(n) for n in names)
    sql = f"INSERT INTO {table.name} ({columns}) VALUES ({_placeholders(connection, len(names))})"  # noqa: S608
    connection.exec_driver_sql(sql, [tuple(row[n] for n in names) for row in rows])
