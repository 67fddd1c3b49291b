"""The personal effects found on the body: the inventory with bag or seal numbers, and a form."""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, Qt
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from forensiclog.domain.records import CaseRecord, EffectRecord
from forensiclog.domain.roles import Action
from forensiclog.services.build import Services
from forensiclog.ui.case_editor.case_tab import CaseTab, form_layout, labelled_row
from forensiclog.ui.case_editor.edit_commands import UndoActions
from forensiclog.ui.case_editor.editor_context import EditorContext
from forensiclog.ui.case_editor.form_fields import FormFields, as_text
from forensiclog.ui.case_editor.record_table_model import (
    Column,
    RecordTableModel,
    record_table_view,
)
from forensiclog.ui.tasks import Task
from forensiclog.ui.translators import fill

FIELDS = ("kind", "description", "found_at", "bag")
NEW_EFFECT = dict.fromkeys(FIELDS, "")


class EffectsTab(CaseTab):
    def __init__(self, context: EditorContext, undo: UndoActions) -> None:
        super().__init__(context)
        self.undo = undo
        self.effect: EffectRecord | None = None
        self.model = RecordTableModel(
            [
                Column(self.tr("Kind"), lambda e: e.kind),
                Column(self.tr("Description"), lambda e: e.description),
                Column(self.tr("Found at"), lambda e: e.found_at or ""),
                Column(self.tr("Bag / seal"), lambda e: e.bag or ""),
                Column(self.tr("Photos"), lambda e: str(len(e.photos))),
            ],
            self,
        )
        self.table = record_table_view(self.model, self.tr("Personal effects"))
        self.fields = FormFields(self)
        self.form = QGroupBox()
        self.new_button = QPushButton(self.tr("&New effect"))
        self.save_button = QPushButton(self.tr("&Save effect"))
        self.revert_button = QPushButton(self.tr("Re&vert"))
        self._select_after_save: int | None = None
        self._build()
        self._connect_signals()
        self._show_effect(None)

    def _build(self) -> None:
        form = form_layout()
        kind = self.fields.add("kind", QLineEdit())
        kind.setPlaceholderText(self.tr("e.g. watch, ring, phone, letter"))
        labelled_row(form, self.tr("&Kind"), kind, kind)
        description = QPlainTextEdit()
        description.setTabChangesFocus(True)
        description.setFixedHeight(90)
        labelled_row(
            form, self.tr("&Description"), self.fields.add("description", description), description
        )
        found = self.fields.add("found_at", QLineEdit())
        labelled_row(form, self.tr("&Found at (on the body)"), found, found)
        bag = self.fields.add("bag", QLineEdit())
        labelled_row(form, self.tr("Evidence &bag / seal"), bag, bag)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.save_button)
        column = QVBoxLayout(self.form)
        column.addLayout(form)
        column.addLayout(buttons)
        column.addStretch(1)
        left = QWidget()
        left_column = QVBoxLayout(left)
        left_column.setContentsMargins(0, 0, 0, 0)
        left_column.addWidget(self.table, 1)
        row = QHBoxLayout()
        row.addWidget(self.new_button)
        row.addStretch(1)
        left_column.addLayout(row)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(left)
        split.addWidget(self.form)
        split.setSizes([700, 500])
        split.setChildrenCollapsible(False)
        QVBoxLayout(self).addWidget(split)

    def _connect_signals(self) -> None:
        self.table.selectionModel().selectionChanged.connect(self._on_table_selection_changed)
        self.new_button.clicked.connect(lambda: self._show_effect(None))
        self.save_button.clicked.connect(self.save)
        self.revert_button.clicked.connect(self.discard)
        self.fields.edited.connect(self._refresh_buttons)

    # -- showing ----------------------------------------------------------------------------

    def show_case(self, record: CaseRecord) -> None:
        current = self.effect.id if self.effect else self._select_after_save
        self._select_after_save = None
        blocked = self.table.selectionModel().blockSignals(True)
        self.model.set_records(record.effects)
        self.table.selectionModel().blockSignals(blocked)
        editable = self.context.may_edit(Action.ADD_EVIDENCE)
        self.fields.set_read_only(not editable)
        self.new_button.setEnabled(editable)
        shown = next((e for e in record.effects if e.id == current), None)
        if shown is not None:
            self.table.selectRow(record.effects.index(shown))
        self._show_effect(shown, keep_edits=True)

    def _on_table_selection_changed(self, selected: QItemSelection, _old: QItemSelection) -> None:
        rows = selected.indexes()
        if rows:
            self._show_effect(self.model.record(rows[0].row()))

    def _show_effect(self, effect: EffectRecord | None, *, keep_edits: bool = False) -> None:
        same = (effect is None and self.effect is None) or (
            effect is not None and self.effect is not None and effect.id == self.effect.id
        )
        self.effect = effect
        if effect is None:
            self.table.clearSelection()
        self.form.setTitle(
            self.tr("New effect") if effect is None else fill(self.tr("Effect %1"), effect.id)
        )
        values = NEW_EFFECT if effect is None else {f: as_text(getattr(effect, f)) for f in FIELDS}
        self.fields.show(values, keep_edits=keep_edits and same)
        self._refresh_buttons()

    def _refresh_buttons(self) -> None:
        dirty = self.fields.dirty
        self.save_button.setEnabled(dirty and self.context.may_edit(Action.ADD_EVIDENCE))
        self.revert_button.setEnabled(dirty)

    # -- saving -----------------------------------------------------------------------------

    def has_unsaved(self) -> bool:
        return self.fields.dirty

    def discard(self) -> None:
        self.fields.reset()

    def save(self) -> Task | None:
        if not self.fields.dirty:
            return None
        go_ahead, reason = self.context.correction_reason(self)
        if not go_ahead:
            return None
        if self.effect is None:
            return self._add(reason)
        return self._edit(self.effect.id, reason)

    def _add(self, reason: str | None) -> Task:
        values, number = self.fields.values(), self.context.case_number

        def added(result: object) -> None:
            effect = getattr(result, "effect", None)
            self._select_after_save = effect.id if effect is not None else None
            self.fields.baseline.update(values)

        return self.context.write(
            lambda services: services.effects.add(
                number,
                kind=values["kind"],
                description=values["description"],
                found_at=values["found_at"] or None,
                bag=values["bag"] or None,
                reason=reason,
            ),
            name="add effect",
            on_finished=added,
        )

    def _edit(self, effect_id: int, reason: str | None) -> Task:
        changes = self.fields.changes()
        before = self.fields.previous(list(changes))

        def forward(services: Services, why: str | None) -> object:
            return services.effects.edit(effect_id, changes, reason=why)

        def backward(services: Services, why: str | None) -> object:
            return services.effects.edit(effect_id, before, reason=why)

        def saved(_result: object) -> None:
            self.fields.baseline.update(changes)
            self._refresh_buttons()
            self.undo.record(fill(self.tr("edit of effect %1"), effect_id), forward, backward)

        return self.context.write(
            lambda services: forward(services, reason), name="edit effect", on_finished=saved
        )
