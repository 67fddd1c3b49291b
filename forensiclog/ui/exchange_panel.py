"""The exchanges side panel: each exchange with its arrival progress, and the chosen one's counts."""

from __future__ import annotations

from PySide6.QtCore import (
    QCoreApplication,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QPainter, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QFormLayout,
    QGroupBox,
    QLabel,
    QListView,
    QProgressBar,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionProgressBar,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from forensiclog.domain.records import ExchangeSummary
from forensiclog.domain.statuses import Status
from forensiclog.ui.app_context import AppContext
from forensiclog.ui.exchange_model import ExchangeModel, examined
from forensiclog.ui.vocabulary_text import status_label

translate = QCoreApplication.translate
Index = QModelIndex | QPersistentModelIndex
BAR_HEIGHT = 14
PADDING = 6


def summary_at(index: Index) -> ExchangeSummary | None:
    """Asked of the model in Python, not through ``index.data()``: PySide6 6.12 on Python 3.11
    drops a reference to None whenever a QVariant comes back empty."""
    model = index.model()
    return model.summary(index.row()) if isinstance(model, ExchangeModel) else None


def title_at(index: Index) -> str:
    model = index.model()
    return model.title(index.row()) if isinstance(model, ExchangeModel) else ""


class ExchangeDelegate(QStyledItemDelegate):
    """Draws an exchange as its title over a bar of bodies arrived against bodies declared."""

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        height = option.fontMetrics.height()
        if summary_at(index) is None:
            return QSize(200, height + 2 * PADDING)
        return QSize(200, height + BAR_HEIGHT + 3 * PADDING)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        summary = summary_at(index)
        if summary is None:
            super().paint(painter, option, index)
            return
        view = self.parent()
        widget = view if isinstance(view, QWidget) else None  # never option.widget: see summary_at
        style = widget.style() if widget is not None else QApplication.style()
        style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewItem, option, painter, widget)
        rect = option.rect.adjusted(PADDING, PADDING, -PADDING, -PADDING)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        painter.save()
        painter.setPen(option.palette.color(role))
        line = QRect(rect.left(), rect.top(), rect.width(), option.fontMetrics.height())
        painter.drawText(
            line, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, title_at(index)
        )
        painter.restore()
        bar = QStyleOptionProgressBar()
        bar.rect = QRect(rect.left(), line.bottom() + PADDING, rect.width(), BAR_HEIGHT)
        bar.minimum, bar.maximum = 0, max(summary.exchange.declared, summary.arrived, 1)
        bar.progress = summary.arrived
        bar.textVisible = True
        locale = QLocale()
        bar.text = (
            f"{locale.toString(summary.arrived)} / {locale.toString(summary.exchange.declared)}"
        )
        bar.state = QStyle.StateFlag.State_Enabled | QStyle.StateFlag.State_Horizontal
        bar.palette = option.palette
        bar.fontMetrics = option.fontMetrics
        style.drawControl(QStyle.ControlElement.CE_ProgressBar, bar, painter, widget)


class ExchangePanel(QWidget):
    """Lists the exchanges; choosing one filters the case list (``exchange_chosen``)."""

    exchange_chosen = Signal(object)  # the exchange code, or None for all

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self.model = ExchangeModel(self)
        self._build()
        self._connect_signals()

    def _build(self) -> None:
        self.view = QListView()
        self.view.setObjectName("exchanges")
        self.view.setModel(self.model)
        self.view.setItemDelegate(ExchangeDelegate(self.view))
        self.view.setUniformItemSizes(False)
        # As tall as its exchanges (up to a limit), so the counts sit right under them.
        self.view.setSizeAdjustPolicy(QListView.SizeAdjustPolicy.AdjustToContents)
        self.view.setMaximumHeight(320)
        self.view.setAccessibleName(translate("ExchangePanel", "Exchanges"))
        title = QLabel(translate("ExchangePanel", "E&xchanges"))
        title.setBuddy(self.view)
        title.setStyleSheet("font-weight: bold;")
        self.details = QGroupBox(translate("ExchangePanel", "All exchanges"))
        self._form = QFormLayout(self.details)
        self._form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.bar = QProgressBar()
        self.bar.setAccessibleName(translate("ExchangePanel", "Bodies arrived of those declared"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(title)
        layout.addWidget(self.view)
        layout.addWidget(self.details)
        layout.addStretch(1)

    def _connect_signals(self) -> None:
        self.view.selectionModel().currentRowChanged.connect(self._on_view_current_changed)

    def refresh(self) -> None:
        exchanges = self._context.services.exchanges
        self._context.runner.read(
            lambda state: exchanges.list_all(),
            name="exchanges",
            latest="exchanges",
            on_finished=self._on_exchanges_loaded,
        )

    def choose(self, code: str | None) -> None:
        self.view.setCurrentIndex(self.model.index(self.model.row_of(code)))

    @property
    def chosen(self) -> str | None:
        index = self.view.currentIndex()
        return self.model.code_at(index.row()) if index.isValid() else None

    def _on_exchanges_loaded(self, summaries: list[ExchangeSummary]) -> None:
        keep = self.chosen
        blocker = self.view.selectionModel().blockSignals(True)
        self.model.set_summaries(summaries)
        self.view.setCurrentIndex(self.model.index(self.model.row_of(keep)))
        self.view.selectionModel().blockSignals(blocker)
        self._show_details()

    def _on_view_current_changed(self, current: QModelIndex, previous: QModelIndex) -> None:
        self._show_details()
        self.exchange_chosen.emit(self.model.code_at(current.row()) if current.isValid() else None)

    def _show_details(self) -> None:
        code = self.chosen
        found = [s for s in self.model_summaries() if code is None or s.exchange.code == code]
        self.details.setTitle(code or translate("ExchangePanel", "All exchanges"))
        while self._form.rowCount():
            self._form.removeRow(0)
        self.bar = QProgressBar()
        declared = sum(s.exchange.declared for s in found)
        arrived = sum(s.arrived for s in found)
        self.bar.setRange(0, max(declared, arrived, 1))
        self.bar.setValue(arrived)
        self.bar.setFormat("%p%")
        self.bar.setAccessibleName(translate("ExchangePanel", "Bodies arrived of those declared"))
        locale = QLocale()
        counts = [
            (translate("ExchangePanel", "Declared"), declared),
            (translate("ExchangePanel", "Registered"), sum(s.registered for s in found)),
            (translate("ExchangePanel", "Arrived"), arrived),
            (translate("ExchangePanel", "Examined"), sum(examined(s) for s in found)),
        ]
        for label, value in counts:
            self._form.addRow(label, QLabel(locale.toString(value)))
        self._form.addRow(self.bar)
        for status in Status:
            number = sum(s.by_status.get(status.value, 0) for s in found)
            if number:
                self._form.addRow(status_label(status), QLabel(locale.toString(number)))
        foreign = QLabel(locale.toString(sum(s.foreign for s in found)))
        foreign.setStyleSheet("font-weight: bold;")
        self._form.addRow(translate("ExchangePanel", "Assessed as foreign"), foreign)

    def model_summaries(self) -> list[ExchangeSummary]:
        return [s for row in range(1, self.model.rowCount()) if (s := self.model.summary(row))]
