"""The history tab: every entry of the case's audit trail — who, when, what, before → after."""

from __future__ import annotations

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QLabel, QVBoxLayout

from forensiclog.domain.records import AuditRecord, CaseRecord
from forensiclog.ui.case_editor.case_tab import CaseTab
from forensiclog.ui.case_editor.editor_context import EditorContext
from forensiclog.ui.case_editor.history_text import (
    action_text,
    change_text,
    stored_reason_text,
    when_text,
)
from forensiclog.ui.case_editor.record_table_model import (
    Column,
    RecordTableModel,
    record_table_view,
)


def reason_text(entry: AuditRecord) -> str:
    return stored_reason_text(entry.reason)


class HistoryTab(CaseTab):
    def __init__(self, context: EditorContext) -> None:
        super().__init__(context)
        self.model = RecordTableModel(
            [
                Column(self.tr("When"), lambda e: when_text(e.at)),
                Column(self.tr("Who"), lambda e: e.user),
                Column(self.tr("What"), lambda e: action_text(e.action)),
                Column(self.tr("Why"), reason_text),
                Column(self.tr("Change"), change_text),
            ],
            self,
        )
        self.table = record_table_view(self.model, self.tr("History of the case"))
        note = QLabel(
            self.tr(
                "Every change is kept: an undo or a correction is a new entry, never an erasure. "
                "Newest first."
            )
        )
        note.setWordWrap(True)
        note.setStyleSheet("color: #5f5f5f;")
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.table, 1)
        self._pending: CaseRecord | None = None

    def show_case(self, record: CaseRecord) -> None:
        # Formatting hundreds of entries waits until the tab is looked at.
        self._pending = record
        if self.isVisible():
            self._show_pending()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._show_pending()

    def _show_pending(self) -> None:
        if self._pending is None:
            return
        record, self._pending = self._pending, None
        self.model.set_records(tuple(reversed(record.history)))
