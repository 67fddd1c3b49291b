"""The case list: one search box, filters by status, nationality and exchange, and the table.

The panel feeds ``CaseListModel``: counts and pages are read off the GUI thread through the
task runner, sorted and filtered in SQL; search runs as the user types (debounced), and a newer
search cancels an older one so a stale result never replaces a fresh one.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from forensiclog.domain.records import CaseRow
from forensiclog.domain.statuses import Status
from forensiclog.domain.vocabulary import Nationality
from forensiclog.services.case_list import CaseFilter
from forensiclog.ui.app_context import AppContext
from forensiclog.ui.case_list_delegates import CompletenessDelegate, StatusDelegate
from forensiclog.ui.case_list_model import COLUMNS, PAGE_SIZE, CaseListModel
from forensiclog.ui.tasks import JobState, Task, TaskFailure
from forensiclog.ui.translators import english_plural
from forensiclog.ui.vocabulary_text import nationality_label, status_label

translate = QCoreApplication.translate
SEARCH_DELAY_MS = 40  # skips a scanner's or a paste's burst of keys; the results still feel live
SEARCH_LIMIT = 500
# What each column must show whole: the widest sample text (translated words are added).
COLUMN_SAMPLES = ("KYV-T2-00153-P01", "N0613-00000", "", "", "000", "00", "")
COMPLETENESS_WIDTH = 80


def chosen_code(combo: QComboBox) -> str | None:
    """The code of the chosen item; None for the item that stands for "any" (stored as "")."""
    if combo.currentIndex() < 0:
        return None
    return str(combo.currentData()) or None


class CaseListPanel(QWidget):
    """Search, filters and the lazily loaded table of cases."""

    case_selected = Signal(object)  # a case number, or None
    case_activated = Signal(str)  # open this case
    list_loaded = Signal(int)  # rows now in the list
    search_done = Signal(str, int)  # the text searched, and how many results are shown

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self.model = CaseListModel(self)
        self._page_tasks: list[Task] = []
        self._selected: str | None = None
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._build()
        self._connect_signals()

    # -- building ----------------------------------------------------------------------------

    def _build(self) -> None:
        self.search = QLineEdit()
        self.search.setObjectName("search")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(
            translate("CaseListPanel", "Case number, tag, document number or name (any script)")
        )
        search_label = QLabel(translate("CaseListPanel", "&Find:"))
        search_label.setBuddy(self.search)
        self.status_filter = self._combo(
            "status",
            [(s.value, status_label(s)) for s in Status],
            translate("CaseListPanel", "All statuses"),
        )
        self.nationality_filter = self._combo(
            "nationality",
            [(n.value, nationality_label(n)) for n in Nationality],
            translate("CaseListPanel", "All nationalities"),
        )
        self.exchange_filter = self._combo(
            "exchange", [], translate("CaseListPanel", "All exchanges")
        )
        self.table = self._table()
        self.count_label = QLabel()
        self.count_label.setObjectName("count")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self._row(search_label, self.search))
        layout.addLayout(self._filters_row())
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count_label)

    def _combo(self, name: str, items: list[tuple[str, str]], everything: str) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(f"{name}_filter")
        # "" rather than None: PySide6 6.12 on Python 3.11 drops a reference to None each time
        # currentData() hands one back.
        combo.addItem(everything, "")
        for code, text in items:
            combo.addItem(text, code)
        # As wide as about a dozen letters, not as its longest entry: the filter row must let
        # the window narrow to 1024 pixels in either language; the list opens at full width.
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(12)
        return combo

    def _row(self, *widgets: QWidget) -> QHBoxLayout:
        row = QHBoxLayout()
        for widget in widgets:
            row.addWidget(widget, 1 if isinstance(widget, QLineEdit) else 0)
        return row

    def _filters_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        for text, combo in (
            (translate("CaseListPanel", "&Status:"), self.status_filter),
            (translate("CaseListPanel", "&Nationality:"), self.nationality_filter),
            (translate("CaseListPanel", "E&xchange:"), self.exchange_filter),
        ):
            label = QLabel(text)
            label.setBuddy(combo)
            row.addWidget(label)
            # Wider when the window has room, up to its longest entry.
            longest = max(
                (
                    combo.fontMetrics().horizontalAdvance(combo.itemText(i))
                    for i in range(combo.count())
                ),
                default=0,
            )
            combo.setMaximumWidth(max(combo.sizeHint().width(), longest + 48))
            combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            row.addWidget(combo, 1)
        row.addStretch(0)
        return row

    def _table(self) -> QTableView:
        table = QTableView()
        table.setObjectName("cases")
        table.setModel(self.model)
        table.setAccessibleName(translate("CaseListPanel", "Cases"))
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        table.setSortingEnabled(True)
        table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        table.verticalHeader().hide()
        # Fixed row heights: the view never measures 100,000 rows.
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
        header = table.horizontalHeader()
        header.setHighlightSections(False)
        header.setStretchLastSection(True)
        self._fit_columns(table)
        table.setItemDelegateForColumn(2, StatusDelegate(table))
        table.setItemDelegateForColumn(6, CompletenessDelegate(table))
        return table

    def _fit_columns(self, table: QTableView) -> None:
        """Widths from the words a column can hold, in the current language — never from
        the rows, which are not loaded."""
        metrics = table.fontMetrics()
        bold_font = table.font()
        bold_font.setBold(True)
        # The status delegate draws some statuses in bold (foreign national).
        bold = QFontMetrics(bold_font)
        header = table.horizontalHeader()
        words: dict[int, list[str]] = {
            2: [status_label(s) for s in Status],
            3: [nationality_label(n) for n in Nationality],
        }
        for column, sample in enumerate(COLUMN_SAMPLES):
            title = str(self.model.headerData(column, Qt.Orientation.Horizontal))
            texts = [sample, *words.get(column, [])]
            measure = bold if column == 2 else metrics
            cell = max(measure.horizontalAdvance(t) for t in texts) + 12
            heading = header.fontMetrics().horizontalAdvance(title) + 20  # room for the arrow
            table.setColumnWidth(column, max(cell, heading))
        table.setColumnWidth(6, max(table.columnWidth(6), COMPLETENESS_WIDTH))

    def _connect_signals(self) -> None:
        self.search.textChanged.connect(self._on_search_text_changed)
        self._search_timer.timeout.connect(self._run_search)
        for combo in (self.status_filter, self.nationality_filter, self.exchange_filter):
            combo.currentIndexChanged.connect(self._on_filter_changed)
        self.model.page_wanted.connect(self._on_model_page_wanted)
        self.model.sort_requested.connect(lambda order, descending: self.reload())
        self.model.modelReset.connect(self._on_model_reset)
        self.table.horizontalHeader().sortIndicatorChanged.connect(self._on_sort_indicator_changed)
        self.table.selectionModel().currentRowChanged.connect(self._on_table_current_changed)
        self.table.activated.connect(self._on_table_activated)

    # -- what the window asks ----------------------------------------------------------------

    def set_exchanges(self, codes: list[str]) -> None:
        keep = chosen_code(self.exchange_filter) or ""
        blocker = self.exchange_filter.blockSignals(True)
        while self.exchange_filter.count() > 1:
            self.exchange_filter.removeItem(1)
        for code in codes:
            self.exchange_filter.addItem(code, code)
        self.exchange_filter.setCurrentIndex(max(self.exchange_filter.findData(keep), 0))
        self.exchange_filter.blockSignals(blocker)

    def set_exchange(self, code: str | None) -> None:
        found = self.exchange_filter.findData(code or "")
        self.exchange_filter.setCurrentIndex(max(found, 0))

    def current_filter(self) -> CaseFilter:
        return CaseFilter(
            exchange=chosen_code(self.exchange_filter),
            status=chosen_code(self.status_filter),
            nationality=chosen_code(self.nationality_filter),
        )

    @property
    def selected_case(self) -> str | None:
        return self._selected

    def reload(self) -> None:
        """Read the list again (after a change, or a filter or sort change)."""
        if self.search.text().strip():
            self._run_search()
            return
        for task in self._page_tasks:
            task.cancel()
        self._page_tasks.clear()
        where, order, descending = self.current_filter(), self.model.order, self.model.descending
        case_list = self._context.services.case_list

        def first_page(state: JobState) -> tuple[int, list[CaseRow]]:
            total = case_list.count(where)
            state.check()
            rows = case_list.page(
                where, offset=0, limit=PAGE_SIZE, order=order, descending=descending
            )
            return total, rows

        self._context.runner.read(
            first_page, name="case list", latest="case list", on_finished=self._on_list_loaded
        )

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    # -- slots -------------------------------------------------------------------------------

    def _on_list_loaded(self, loaded: tuple[int, list[CaseRow]]) -> None:
        total, rows = loaded
        self.model.reset_list(total, rows)
        self._show_count(total, searching=False)
        self.list_loaded.emit(total)

    def _on_model_page_wanted(self, generation: int, offset: int, limit: int) -> None:
        where, order, descending = self.current_filter(), self.model.order, self.model.descending
        case_list = self._context.services.case_list
        page = offset // PAGE_SIZE
        task = self._context.runner.read(
            lambda state: case_list.page(
                where, offset=offset, limit=limit, order=order, descending=descending
            ),
            name="case list page",
            on_finished=lambda rows: self.model.put_page(generation, page, rows),
            on_failed=lambda failure: self._on_page_failed(page, failure),
        )
        task.signals.cancelled.connect(lambda: self.model.drop_pending(page))
        recent = [t for t in self._page_tasks if not t.is_cancelled][-20:]
        self._page_tasks = [*recent, task]

    def _on_page_failed(self, page: int, failure: TaskFailure) -> None:
        self.model.drop_pending(page)
        self._context.runner.failure_reported.emit(failure)

    def _on_search_text_changed(self, text: str) -> None:
        if text.strip():
            self._search_timer.start()
        else:
            self._search_timer.stop()
            self.reload()

    def _run_search(self) -> None:
        text = self.search.text().strip()
        if not text:
            return
        search = self._context.services.search
        self._context.runner.read(
            lambda state: search.search(text, SEARCH_LIMIT),
            name="search",
            latest="case list",
            on_finished=lambda rows: self._on_search_finished(text, rows),
        )

    def _on_search_finished(self, text: str, rows: list[CaseRow]) -> None:
        where = self.current_filter()
        shown = [
            r
            for r in rows
            if (not where.exchange or r.exchange == where.exchange)
            and (not where.status or r.status == where.status)
            and (not where.nationality or r.nationality == where.nationality)
        ]
        self.model.show_rows(shown)
        self._show_count(len(shown), searching=True)
        self.search_done.emit(text, len(shown))
        if shown:
            self.table.selectRow(0)

    def _on_filter_changed(self) -> None:
        self.reload()

    def _on_sort_indicator_changed(self, column: int, order: Qt.SortOrder) -> None:
        if COLUMNS[column].order is None:  # counted columns are not sortable: put the arrow back
            current = next(i for i, c in enumerate(COLUMNS) if c.order == self.model.order)
            sort = (
                Qt.SortOrder.DescendingOrder
                if self.model.descending
                else Qt.SortOrder.AscendingOrder
            )
            header = self.table.horizontalHeader()
            blocker = header.blockSignals(True)
            header.setSortIndicator(current, sort)
            header.blockSignals(blocker)

    def _on_model_reset(self) -> None:
        row = self.model.row_of(self._selected) if self._selected else None
        if row is not None:
            self.table.selectRow(row)
        elif self._selected is not None:
            self._selected = None
            self.case_selected.emit(None)

    def _on_table_current_changed(self, current: QModelIndex, previous: QModelIndex) -> None:
        row = self.model.row_at(current.row()) if current.isValid() else None
        number = row.case_number if row else None
        if number != self._selected:
            self._selected = number
            self.case_selected.emit(number)

    def _on_table_activated(self, index: QModelIndex) -> None:
        row = self.model.row_at(index.row())
        if row is not None:
            self.case_activated.emit(row.case_number)

    def _show_count(self, total: int, *, searching: bool) -> None:
        if searching:
            text = translate("CaseListPanel", "%n case(s) found", None, total)
        else:
            text = translate("CaseListPanel", "%n case(s)", None, total)
        self.count_label.setText(english_plural(text, total))
