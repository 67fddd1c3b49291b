"""Exchanges as a list model fed ``ExchangeSummary`` records; the first row stands for all."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from forensiclog.domain.records import ExchangeSummary
from forensiclog.ui.translators import fill

SUMMARY_ROLE = Qt.ItemDataRole.UserRole + 1
CODE_ROLE = Qt.ItemDataRole.UserRole + 2
Index = QModelIndex | QPersistentModelIndex
translate = QCoreApplication.translate


def examined(summary: ExchangeSummary) -> int:
    """Bodies that arrived and were examined at least (past ``received``)."""
    return max(summary.registered - summary.unexamined, 0)


def progress_text(summary: ExchangeSummary) -> str:
    locale = QLocale()
    return fill(
        translate("ExchangeModel", "%1 of %2 declared arrived · %3 examined"),
        locale.toString(summary.arrived),
        locale.toString(summary.exchange.declared),
        locale.toString(examined(summary)),
    )


class ExchangeModel(QAbstractListModel):
    """Row 0: every exchange; then one row per exchange, oldest first."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._summaries: list[ExchangeSummary] = []

    def set_summaries(self, summaries: list[ExchangeSummary]) -> None:
        self.beginResetModel()
        self._summaries = list(summaries)
        self.endResetModel()

    def summary(self, row: int) -> ExchangeSummary | None:
        return self._summaries[row - 1] if 1 <= row <= len(self._summaries) else None

    def code_at(self, row: int) -> str | None:
        found = self.summary(row)
        return found.exchange.code if found else None

    def title(self, row: int) -> str:
        return self._title(self.summary(row))

    def codes(self) -> list[str]:
        return [s.exchange.code for s in self._summaries]

    def row_of(self, code: str | None) -> int:
        return next((n + 1 for n, s in enumerate(self._summaries) if s.exchange.code == code), 0)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._summaries) + 1

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() <= len(self._summaries):
            return None
        found = self.summary(index.row())
        if role == SUMMARY_ROLE:
            return found
        if role == CODE_ROLE:
            return found.exchange.code if found else None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._title(found)
        if role == Qt.ItemDataRole.ToolTipRole and found is not None:
            return progress_text(found)
        return None

    def _title(self, found: ExchangeSummary | None) -> str:
        if found is None:
            return translate("ExchangeModel", "All exchanges")
        record = found.exchange
        # ISO dates: unambiguous in every language, as forensic records need.
        return f"{record.code} · {record.date_received.isoformat()}"
