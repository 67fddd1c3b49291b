"""The case list as a table model fed rows a window at a time; it never queries anything itself.

The model knows how many cases match and keeps a few hundred rows per page in a small cache.
When the view asks for a row that is not there, the model emits ``page_wanted`` and shows a
placeholder; whoever owns it (the case list panel) reads that page off the GUI thread and hands
it back with ``put_page``. Pages from before a filter or sort change carry an old generation and
are dropped. Search results are a short list shown whole (``show_rows``).
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from forensiclog.domain.records import CaseRow
from forensiclog.ui.vocabulary_text import nationality_label, status_label

PAGE_SIZE = 200
KEEP_PAGES = 40  # at most 8,000 rows in memory, however long the list
ROW_ROLE = Qt.ItemDataRole.UserRole + 1
PLACEHOLDER = "…"

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Column:
    title: object  # a QT_TRANSLATE_NOOP source string
    order: str | None  # the service's ORDER name; None when the column cannot be sorted


COLUMNS = (
    Column(QT_TRANSLATE_NOOP("CaseListModel", "Case number"), "case"),
    Column(QT_TRANSLATE_NOOP("CaseListModel", "Tag"), "tag"),
    Column(QT_TRANSLATE_NOOP("CaseListModel", "Status"), "status"),
    Column(QT_TRANSLATE_NOOP("CaseListModel", "Nationality"), "nationality"),
    Column(QT_TRANSLATE_NOOP("CaseListModel", "Documents"), None),
    Column(QT_TRANSLATE_NOOP("CaseListModel", "Photos"), None),
    Column(QT_TRANSLATE_NOOP("CaseListModel", "Potential"), "completeness"),
)
NUMERIC_COLUMNS = frozenset({4, 5, 6})
# Plain ints, compared first thing in data(): the view asks about ten roles per cell and
# every call crosses into Python, so the roles that are not answered leave at once.
DISPLAY = int(Qt.ItemDataRole.DisplayRole)
ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole)
ANSWERED = frozenset({DISPLAY, ALIGNMENT, int(Qt.ItemDataRole.ToolTipRole), int(ROW_ROLE)})


def cell_texts(row: CaseRow) -> tuple[str, ...]:
    """Every cell of a row as shown, worked out once when its page arrives."""
    return (
        row.case_number,
        row.tag or "",
        status_label(row.status),
        nationality_label(row.nationality),
        str(row.documents),
        str(row.photos),
        f"{row.completeness} / 5",
    )


def cell_text(row: CaseRow, column: int) -> str:
    return cell_texts(row)[column]


def _alignment(column: int) -> Qt.AlignmentFlag:
    horizontal = (
        Qt.AlignmentFlag.AlignRight if column in NUMERIC_COLUMNS else Qt.AlignmentFlag.AlignLeft
    )
    return horizontal | Qt.AlignmentFlag.AlignVCenter


ALIGNMENTS = tuple(_alignment(column) for column in range(len(COLUMNS)))


class CaseListModel(QAbstractTableModel):
    """Rows of ``CaseRow``: a windowed view of the whole list, or a fixed list of search results."""

    page_wanted = Signal(int, int, int)  # generation, offset, limit
    sort_requested = Signal(str, bool)  # order, descending

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._total = 0
        self._pages: OrderedDict[int, list[CaseRow]] = OrderedDict()
        self._texts: dict[str, tuple[str, ...]] = {}  # by case number, for the rows held
        self._pending: set[int] = set()
        self._fixed: list[CaseRow] | None = None
        self.generation = 0
        self.order = "case"
        self.descending = False

    # -- feeding ---------------------------------------------------------------------------

    def reset_list(self, total: int, first_page: list[CaseRow] | None = None) -> int:
        """Show a new list of ``total`` rows; returns the generation its pages must carry."""
        self.beginResetModel()
        self.generation += 1
        self._fixed = None
        self._total = total
        self._pages.clear()
        self._texts.clear()
        self._pending.clear()
        if first_page is not None:
            self._pages[0] = first_page
        self.endResetModel()
        return self.generation

    def show_rows(self, rows: list[CaseRow]) -> None:
        """Show exactly these rows (search results), best match first."""
        self.beginResetModel()
        self.generation += 1
        self._pages.clear()
        self._texts.clear()
        self._pending.clear()
        self._fixed = list(rows)
        self._total = len(rows)
        self.endResetModel()

    def put_page(self, generation: int, page: int, rows: list[CaseRow]) -> None:
        """A page read for the list of ``generation``; ignored if the list changed since."""
        self._pending.discard(page)
        if generation != self.generation or self._fixed is not None:
            return
        self._pages[page] = rows
        self._pages.move_to_end(page)
        while len(self._pages) > KEEP_PAGES:
            _page, dropped = self._pages.popitem(last=False)
            for gone in dropped:
                self._texts.pop(gone.case_number, None)
        first = page * PAGE_SIZE
        last = min(first + PAGE_SIZE, self._total) - 1
        if last >= first:
            self.dataChanged.emit(self.index(first, 0), self.index(last, len(COLUMNS) - 1))

    def drop_pending(self, page: int) -> None:
        """A page read failed or was cancelled: ask again when it is next shown."""
        self._pending.discard(page)

    @property
    def showing_results(self) -> bool:
        return self._fixed is not None

    def row_at(self, row: int) -> CaseRow | None:
        """The case on ``row`` if it is loaded (never triggers a read)."""
        if not 0 <= row < self._total:
            return None
        if self._fixed is not None:
            return self._fixed[row]
        rows = self._pages.get(row // PAGE_SIZE)
        if rows is None or row % PAGE_SIZE >= len(rows):
            return None
        return rows[row % PAGE_SIZE]

    def row_of(self, case_number: str) -> int | None:
        """The row of a loaded case, or None."""
        rows: Iterable[tuple[int, CaseRow]]
        if self._fixed is not None:
            rows = enumerate(self._fixed)
        else:
            rows = (
                (page * PAGE_SIZE + i, r)
                for page, got in self._pages.items()
                for i, r in enumerate(got)
            )
        return next((n for n, r in rows if r.case_number == case_number), None)

    # -- Qt's model interface --------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._total

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: Index, role: int = DISPLAY) -> Any:
        if role not in ANSWERED or not index.isValid():
            return None
        if role == ALIGNMENT:
            return ALIGNMENTS[index.column()]
        number = index.row()
        if number >= self._total:
            return None
        row = self._fetch(number)
        if role == ROW_ROLE:
            return row
        if row is None:
            return PLACEHOLDER if index.column() == 0 else ""
        texts = self._texts.get(row.case_number)
        if texts is None:
            texts = self._texts[row.case_number] = cell_texts(row)
        return texts[index.column()]

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1)
        if 0 <= section < len(COLUMNS):
            return QCoreApplication.translate("CaseListModel", str(COLUMNS[section].title))
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(COLUMNS) or COLUMNS[column].order is None:
            return
        self.order = str(COLUMNS[column].order)
        self.descending = order == Qt.SortOrder.DescendingOrder
        if self._fixed is not None:
            self.show_rows(self._sorted(self._fixed))
        else:
            self.sort_requested.emit(self.order, self.descending)

    # -- inside ----------------------------------------------------------------------------

    def _fetch(self, row: int) -> CaseRow | None:
        found = self.row_at(row)
        if found is not None or self._fixed is not None:
            return found
        page = row // PAGE_SIZE
        if page in self._pages:
            self._pages.move_to_end(page)
        elif page not in self._pending:
            self._pending.add(page)
            self.page_wanted.emit(self.generation, page * PAGE_SIZE, PAGE_SIZE)
        return None

    def _sorted(self, rows: list[CaseRow]) -> list[CaseRow]:
        keys = {
            "case": lambda r: r.case_number,
            "tag": lambda r: r.tag or "",
            "status": lambda r: r.status,
            "nationality": lambda r: r.nationality,
            "completeness": lambda r: r.completeness,
        }
        key = keys.get(self.order)
        if key is None:
            return list(rows)
        return sorted(rows, key=key, reverse=self.descending)
