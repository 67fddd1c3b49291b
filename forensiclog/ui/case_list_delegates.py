"""How some cells of the case list are drawn: completeness as five dots, statuses in colour."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPen
from PySide6.QtWidgets import (
    QApplication,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from forensiclog.domain.records import CaseRow
from forensiclog.ui.case_list_model import CaseListModel

Index = QModelIndex | QPersistentModelIndex


def loaded_row(index: Index) -> CaseRow | None:
    """The row behind ``index``, asked of the model in Python: ``index.data()`` would come back
    through a QVariant, and PySide6 6.12 on Python 3.11 drops a reference to None each time it
    hands back an empty one."""
    model = index.model()
    return model.row_at(index.row()) if isinstance(model, CaseListModel) else None


DOTS = 5
DOT = 9
GAP = 4
FILLED = QColor("#2e7d32")
EMPTY = QColor("#c8c8c8")


class CompletenessDelegate(QStyledItemDelegate):
    """The 1–5 identification potential as filled dots; the number stays the accessible text."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        return QSize(DOTS * (DOT + GAP) + 2 * GAP, option.fontMetrics.height() + 6)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        row = loaded_row(index)
        if row is None:
            super().paint(painter, option, index)
            return
        empty = QStyleOptionViewItem(option)
        empty.text = ""
        view = self.parent()
        widget = view if isinstance(view, QWidget) else None  # not option.widget: see loaded_row
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, empty, painter, widget)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        top = option.rect.center().y() - DOT / 2
        for n in range(DOTS):
            left = option.rect.left() + GAP + n * (DOT + GAP)
            colour = FILLED if n < row.completeness else EMPTY
            painter.setPen(QPen(colour.darker(115), 1))
            painter.setBrush(QBrush(colour))
            painter.drawEllipse(QRectF(left, top, DOT, DOT))
        painter.restore()


STATUS_COLOURS = {
    "foreign_national": QColor("#b45309"),
    "identified": QColor("#1b5e20"),
    "released": QColor("#1b5e20"),
    "returned": QColor("#6d4c41"),
    "unidentified": QColor("#7b1fa2"),
}


class StatusDelegate(QStyledItemDelegate):
    """Statuses that need attention, or are final, in their own colour."""

    def initStyleOption(self, option: QStyleOptionViewItem, index: Index) -> None:
        super().initStyleOption(option, index)
        row = loaded_row(index)
        if row is not None and row.status in STATUS_COLOURS:
            option.palette.setColor(option.palette.ColorRole.Text, STATUS_COLOURS[row.status])
            option.font.setBold(row.status == "foreign_national")
        option.displayAlignment = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
