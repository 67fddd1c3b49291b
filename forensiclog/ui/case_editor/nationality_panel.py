"""The nationality assessment: own, foreign or not determined, with its basis — a foreign
document of the case is offered as that basis."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QGroupBox, QHBoxLayout, QLineEdit, QPushButton, QVBoxLayout

from forensiclog.domain.document_fields import foreign_state
from forensiclog.domain.errors import InvalidInput
from forensiclog.domain.records import CaseRecord, DocumentRecord
from forensiclog.services.build import Services
from forensiclog.ui.case_editor.case_tab import form_layout, labelled_row
from forensiclog.ui.case_editor.edit_commands import UndoActions
from forensiclog.ui.case_editor.editor_context import EditorContext
from forensiclog.ui.case_editor.form_fields import FormFields, as_text, fill_combo
from forensiclog.ui.photos.photo_details_panel import document_title
from forensiclog.ui.tasks import Task
from forensiclog.ui.vocabulary_text import NATIONALITY_LABELS, nationality_label


def foreign_documents(record: CaseRecord) -> list[DocumentRecord]:
    """The case's documents of a state other than ours (the rule the document service applies)."""
    found = []
    for document in record.documents:
        try:
            if foreign_state(document.country):
                found.append(document)
        except InvalidInput:  # a stored code this version does not know: not offered
            continue
    return found


class NationalityPanel(QGroupBox):
    def __init__(self, context: EditorContext, undo: UndoActions) -> None:
        super().__init__()
        self.setTitle(self.tr("Nationality assessment"))
        self.context = context
        self.undo = undo
        self.fields = FormFields(self)
        self.save_button = QPushButton(self.tr("Save &assessment"))
        form = form_layout()
        nationality = QComboBox()
        fill_combo(nationality, [(c, nationality_label(c)) for c in NATIONALITY_LABELS], blank=None)
        labelled_row(
            form, self.tr("&Nationality"), self.fields.add("nationality", nationality), nationality
        )
        document = QComboBox()
        labelled_row(
            form,
            self.tr("Foreign &document"),
            self.fields.add("nationality_document_id", document),
            document,
        )
        basis = self.fields.add("nationality_basis", QLineEdit())
        basis.setPlaceholderText(self.tr("e.g. Russian internal passport found in a pocket"))
        labelled_row(form, self.tr("&Basis"), basis, basis)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.save_button)
        column = QVBoxLayout(self)
        column.addLayout(form)
        column.addLayout(row)
        self.fields.edited.connect(self._refresh)
        self.save_button.clicked.connect(self.save)

    def show_case(self, record: CaseRecord) -> None:
        combo = self.fields.widgets["nationality_document_id"]
        assert isinstance(combo, QComboBox)
        chosen = combo.currentData()
        blocked = combo.blockSignals(True)
        items = [(str(d.id), document_title(d)) for d in foreign_documents(record)]
        fill_combo(combo, items, blank=self.tr("(none found)") if not items else self.tr("(none)"))
        combo.setCurrentIndex(max(combo.findData(chosen), 0))
        combo.blockSignals(blocked)
        self.fields.show(
            {
                "nationality": record.nationality,
                "nationality_basis": as_text(record.nationality_basis),
                # The record keeps the basis text, not the document: what is shown counts as is.
                "nationality_document_id": as_text(combo.currentData()),
            }
        )
        self.fields.set_read_only(not self.context.may_edit())
        self._refresh()

    def _refresh(self) -> None:
        self.save_button.setEnabled(self.fields.dirty and self.context.may_edit())

    def save(self) -> Task | None:
        changes = self.fields.changes()
        if not changes:
            return None
        go_ahead, reason = self.context.correction_reason(self)
        if not go_ahead:
            return None
        number, before = self.context.case_number, self.fields.previous(list(changes))

        def forward(services: Services, why: str | None) -> str:
            return services.cases.edit(number, changes, reason=why)

        def backward(services: Services, why: str | None) -> str:
            return services.cases.edit(number, before, reason=why)

        def saved(_result: object) -> None:
            self.fields.baseline.update(changes)
            self._refresh()
            self.undo.record(self.tr("nationality assessment"), forward, backward)

        return self.context.write(
            lambda services: forward(services, reason), name="save nationality", on_finished=saved
        )
