"""A table model fed frozen records (documents, samples, custody moves, history entries).

It never queries: the editor hands it the records of the case it has read, as Vorta's models
are handed rows. Each column is a title and a function from a record to the text shown.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QAbstractItemView, QTableView

Index = QModelIndex | QPersistentModelIndex
RECORD_ROLE = Qt.ItemDataRole.UserRole + 1


@dataclass(frozen=True)
class Column:
    title: str
    text: Callable[[Any], str]


class RecordTableModel(QAbstractTableModel):
    def __init__(self, columns: Sequence[Column], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.columns = tuple(columns)
        self.records: tuple[Any, ...] = ()

    def set_records(self, records: Sequence[Any]) -> None:
        self.beginResetModel()
        self.records = tuple(records)
        self.endResetModel()

    def record(self, row: int) -> Any:
        return self.records[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt API
        return 0 if parent.isValid() else len(self.records)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt API
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.records):
            return None
        record = self.records[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self.columns[index.column()].text(record)
        if role == RECORD_ROLE:
            return record
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.columns):
            return self.columns[section].title
        if orientation == Qt.Orientation.Vertical and 0 <= section < len(self.records):
            return str(section + 1)
        return None


class RecordTableView(QTableView):
    """A read-only table of records whose columns fit their contents each time the records or
    the width change; when they do not all fit, the widest give way first, so a short column
    is never cut for a long one's sake, and no scroll bar is needed."""

    def __init__(self, model: RecordTableModel) -> None:
        super().__init__()
        self.setModel(model)
        model.modelReset.connect(self.fit_columns)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit_columns()

    def fit_columns(self) -> None:
        header = self.horizontalHeader()
        count = self.model().columnCount()
        if count == 0:
            return
        natural = [max(self.sizeHintForColumn(c), header.sectionSizeHint(c)) for c in range(count)]
        cap = fair_cap(natural, self.viewport().width())
        # The last column stretches over what is left, so only the others are set.
        for column in range(count - 1):
            self.setColumnWidth(
                column, natural[column] if cap is None else min(natural[column], cap)
            )


def fair_cap(widths: Sequence[int], available: int) -> int | None:
    """The widest a column may be so that all fit in ``available`` (None: all fit as they are):
    the narrow keep their width and the wide share what is left equally."""
    if sum(widths) <= available:
        return None
    remaining, left = available, len(widths)
    for width in sorted(widths):
        share = remaining // left
        if width > share:
            return max(share, MIN_COLUMN)
        remaining, left = remaining - width, left - 1
    return None


MIN_COLUMN = 48


def record_table_view(model: RecordTableModel, accessible_name: str) -> RecordTableView:
    """A read-only table of ``model``: whole rows selected, one at a time, columns fitted."""
    view = RecordTableView(model)
    view.setAccessibleName(accessible_name)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.verticalHeader().setVisible(False)
    header = view.horizontalHeader()
    # Fitting a column reads this many rows, not all of them: a history of thousands of
    # entries must not stall the window each time the case is read again.
    header.setResizeContentsPrecision(64)
    header.setStretchLastSection(True)
    header.setHighlightSections(False)
    return view
