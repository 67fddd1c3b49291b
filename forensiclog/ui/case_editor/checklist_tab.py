"""The examination checklist: each examination's state, written as soon as it is chosen."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QGridLayout, QLabel, QVBoxLayout

from forensiclog.domain.records import CaseRecord, ChecklistEntry
from forensiclog.domain.vocabulary import ChecklistItem, ChecklistState
from forensiclog.services.build import Services
from forensiclog.ui.case_editor.case_tab import CaseTab
from forensiclog.ui.case_editor.edit_commands import UndoActions
from forensiclog.ui.case_editor.editor_context import EditorContext
from forensiclog.ui.case_editor.form_fields import fill_combo
from forensiclog.ui.case_editor.labels import CHECKLIST_ITEMS, CHECKLIST_STATES, choices, label
from forensiclog.ui.translators import fill


class ChecklistTab(CaseTab):
    def __init__(self, context: EditorContext, undo: UndoActions) -> None:
        super().__init__(context)
        self.undo = undo
        self.states: dict[str, QComboBox] = {}
        self.reasons: dict[str, QLabel] = {}
        self.entries: dict[str, ChecklistEntry] = {}
        self._build()

    def _build(self) -> None:
        grid = QGridLayout()
        grid.setHorizontalSpacing(16)
        grid.setVerticalSpacing(8)
        for column, title in enumerate(
            (self.tr("Examination"), self.tr("State"), self.tr("Why not possible / note"))
        ):
            heading = QLabel(f"<b>{title}</b>")
            grid.addWidget(heading, 0, column)
        for row, item in enumerate(ChecklistItem, start=1):
            caption = QLabel(label(CHECKLIST_ITEMS, item))
            state = QComboBox()
            fill_combo(state, choices(CHECKLIST_STATES), blank=None)
            state.setAccessibleName(caption.text())
            state.setMinimumWidth(180)
            caption.setBuddy(state)
            reason = QLabel()
            reason.setWordWrap(True)
            reason.setTextFormat(Qt.TextFormat.PlainText)
            state.activated.connect(lambda _index, code=item.value: self._on_state_chosen(code))
            grid.addWidget(caption, row, 0)
            grid.addWidget(state, row, 1)
            grid.addWidget(reason, row, 2)
            self.states[item.value], self.reasons[item.value] = state, reason
        grid.setColumnStretch(2, 1)
        hint = QLabel(
            self.tr("A change is saved as soon as it is chosen; “Not possible” asks why.")
        )
        hint.setStyleSheet("color: #5f5f5f;")
        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addWidget(hint)
        layout.addStretch(1)

    def show_case(self, record: CaseRecord) -> None:
        self.entries = {entry.item: entry for entry in record.checklist}
        editable = self.context.may_edit()
        for item, combo in self.states.items():
            entry = self.entries.get(item)
            state = entry.state if entry else ChecklistState.NOT_STARTED.value
            blocked = combo.blockSignals(True)
            combo.setCurrentIndex(max(combo.findData(state), 0))
            combo.blockSignals(blocked)
            combo.setEnabled(editable)
            self.reasons[item].setText(entry.reason or "" if entry else "")

    def _on_state_chosen(self, item: str) -> None:
        combo = self.states[item]
        state = str(combo.currentData())
        entry = self.entries.get(item) or ChecklistEntry(item, ChecklistState.NOT_STARTED.value)
        if state == entry.state:
            return
        go_ahead, reason = self._reason_for(item, state)
        if not go_ahead:
            self._show_entry(item, entry)
            return
        self._write(item, state, reason, entry)

    def _reason_for(self, item: str, state: str) -> tuple[bool, str | None]:
        """(go ahead?, the reason to send): why it is not possible, or a locked case's correction."""
        if state == ChecklistState.NOT_POSSIBLE.value:
            why = self.context.ask_reason(
                self.tr("Examination not possible"),
                fill(self.tr("Why is “%1” not possible?"), label(CHECKLIST_ITEMS, item)),
                self,
            )
            return why is not None, why
        return self.context.correction_reason(self)

    def _show_entry(self, item: str, entry: ChecklistEntry) -> None:
        combo = self.states[item]
        blocked = combo.blockSignals(True)
        combo.setCurrentIndex(max(combo.findData(entry.state), 0))
        combo.blockSignals(blocked)

    def _write(self, item: str, state: str, reason: str | None, before: ChecklistEntry) -> None:
        number = self.context.case_number

        def forward(services: Services, why: str | None) -> object:
            return services.examination.set_checklist(number, item, state, reason=reason or why)

        def backward(services: Services, why: str | None) -> object:
            return services.examination.set_checklist(
                number, item, before.state, reason=before.reason or why
            )

        text = fill(self.tr("%1: %2"), label(CHECKLIST_ITEMS, item), label(CHECKLIST_STATES, state))
        self.context.write(
            lambda services: forward(services, None),
            name="set checklist",
            on_finished=lambda _entries: self.undo.record(text, forward, backward),
            on_failed=lambda _failure: self._show_entry(item, before),
        )
