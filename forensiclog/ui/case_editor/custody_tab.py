"""The custody and movement log: where the body has been, who moved it, when and why."""

from __future__ import annotations

from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout

from forensiclog.domain.records import CaseRecord
from forensiclog.domain.roles import Action
from forensiclog.ui.case_editor.case_tab import CaseTab, form_layout, labelled_row
from forensiclog.ui.case_editor.editor_context import EditorContext
from forensiclog.ui.case_editor.form_fields import FormFields
from forensiclog.ui.case_editor.history_text import stored_reason_text
from forensiclog.ui.case_editor.record_table_model import (
    Column,
    RecordTableModel,
    record_table_view,
)
from forensiclog.ui.case_editor.samples_tab import when
from forensiclog.ui.tasks import Task
from forensiclog.ui.translators import fill


class CustodyTab(CaseTab):
    def __init__(self, context: EditorContext) -> None:
        super().__init__(context)
        self.model = RecordTableModel(
            [
                Column(self.tr("When"), lambda c: when(c.at)),
                Column(self.tr("Who"), lambda c: c.by),
                Column(self.tr("From"), lambda c: c.from_location or "—"),
                Column(self.tr("To"), lambda c: c.to_location),
                Column(self.tr("Why"), lambda c: stored_reason_text(c.reason)),
            ],
            self,
        )
        self.table = record_table_view(self.model, self.tr("Custody and movement log"))
        self.location = QLabel()
        self.fields = FormFields(self)
        self.move_button = QPushButton(self.tr("&Move the body"))
        self._build()
        self.move_button.clicked.connect(self._on_move_clicked)
        self.fields.edited.connect(self._refresh)

    def _build(self) -> None:
        box = QGroupBox(self.tr("Move the body"))
        form = form_layout()
        to = self.fields.add("to", QLineEdit())
        to.setPlaceholderText(self.tr("refrigerator, shelf, box"))
        labelled_row(form, self.tr("New &location"), to, to)
        reason = self.fields.add("reason", QLineEdit())
        labelled_row(form, self.tr("&Why"), reason, reason)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.move_button)
        column = QVBoxLayout(box)
        column.addLayout(form)
        column.addLayout(row)
        layout = QVBoxLayout(self)
        layout.addWidget(self.location)
        layout.addWidget(self.table, 1)
        layout.addWidget(box)

    def show_case(self, record: CaseRecord) -> None:
        self.model.set_records(tuple(reversed(record.custody)))
        where = record.location or self.tr("not recorded")
        self.location.setText(fill(self.tr("Now at: %1"), where))
        # Custody goes on after a case is locked: moving the body is not an edit of the findings.
        self.fields.set_read_only(not self.context.may(Action.EDIT_CASE))
        self._refresh()

    def _refresh(self) -> None:
        values = self.fields.values()
        ready = bool(values["to"] and values["reason"])
        self.move_button.setEnabled(ready and self.context.may(Action.EDIT_CASE))

    def has_unsaved(self) -> bool:
        return bool(self.fields.values()["to"])

    def discard(self) -> None:
        self.fields.reset()

    def save(self) -> Task | None:
        if not self.move_button.isEnabled():
            return None
        return self._on_move_clicked()

    def _on_move_clicked(self) -> Task:
        values, number = self.fields.values(), self.context.case_number
        return self.context.write(
            lambda services: services.examination.move(
                number, to=values["to"], reason=values["reason"]
            ),
            name="move body",
            on_finished=lambda _where: self.fields.reset(),
        )
