"""The documents tab: the documents found on the body, and the form to add or correct one."""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, QModelIndex, Qt
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QSplitter, QVBoxLayout, QWidget

from forensiclog.domain.records import CaseRecord, DocumentRecord
from forensiclog.domain.roles import Action
from forensiclog.services.build import Services
from forensiclog.services.documents import DocumentResult
from forensiclog.ui.case_editor.case_tab import CaseTab
from forensiclog.ui.case_editor.document_form import DocumentForm
from forensiclog.ui.case_editor.edit_commands import UndoActions
from forensiclog.ui.case_editor.editor_context import EditorContext
from forensiclog.ui.case_editor.labels import DOCUMENT_KINDS, label
from forensiclog.ui.case_editor.record_table_model import (
    Column,
    RecordTableModel,
    record_table_view,
)
from forensiclog.ui.photos.photo_viewer import PhotoViewer
from forensiclog.ui.photos.thumbnail_loader import ThumbnailLoader
from forensiclog.ui.tasks import Task
from forensiclog.ui.translators import fill


class DocumentsTab(CaseTab):
    def __init__(self, context: EditorContext, undo: UndoActions) -> None:
        super().__init__(context)
        self.undo = undo
        self.model = RecordTableModel(
            [
                Column(self.tr("Document"), self._kind),
                Column(self.tr("Number"), lambda d: d.number or ""),
                Column(self.tr("Name as printed"), self._names),
            ],
            self,
        )
        self.table = record_table_view(self.model, self.tr("Documents found"))
        self.new_button = QPushButton(self.tr("&New document"))
        self.loader = ThumbnailLoader(context.runner, context.services.photos.thumbnail, self)
        self.form = DocumentForm(self.loader)
        self.viewer: PhotoViewer | None = None
        self._select_after_save: int | None = None
        self._record: CaseRecord | None = None
        self._build()
        self._connect_signals()

    def _build(self) -> None:
        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.table, 1)
        row = QHBoxLayout()
        row.addWidget(self.new_button)
        row.addStretch(1)
        column.addLayout(row)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(left)
        split.addWidget(self.form)
        split.setStretchFactor(1, 1)
        split.setSizes([440, 840])
        split.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(split)

    def _connect_signals(self) -> None:
        self.table.selectionModel().selectionChanged.connect(self._on_table_selection_changed)
        self.new_button.clicked.connect(self._on_new_clicked)
        self.form.save_requested.connect(self.save)
        self.form.photo_strip.photo_opened.connect(self._on_strip_photo_opened)

    def _names(self, document: DocumentRecord) -> str:
        return " ".join(n for n in (document.surname, document.given_names) if n)

    def _kind(self, document: DocumentRecord) -> str:
        kind = label(DOCUMENT_KINDS, document.kind)
        text = f"{kind} ({document.country})" if document.country else kind
        if document.mrz and not document.mrz_valid:
            text += " · " + self.tr("MRZ damaged")
        return text

    # -- showing ----------------------------------------------------------------------------

    def show_case(self, record: CaseRecord) -> None:
        current = self.form.document.id if self.form.document else self._select_after_save
        self._select_after_save = None
        blocked = self.table.selectionModel().blockSignals(True)
        self.model.set_records(record.documents)
        self.table.selectionModel().blockSignals(blocked)
        editable = self.context.may_edit(Action.ADD_EVIDENCE)
        self.new_button.setEnabled(editable)
        self.form.set_editable(editable)
        shown = next((d for d in record.documents if d.id == current), None)
        if shown is not None:
            self.table.selectRow(record.documents.index(shown))
        self._record = record
        self._show(shown, keep_edits=True)

    def _show(self, document: DocumentRecord | None, *, keep_edits: bool = False) -> None:
        self.form.show_document(document, keep_edits=keep_edits)
        photos = self._record.photos if self._record and document else ()
        self.form.show_photos([p for p in photos if document and p.document == document.id])

    def _on_table_selection_changed(self, selected: QItemSelection, _old: QItemSelection) -> None:
        rows = selected.indexes()
        if rows:
            self._show(self.model.record(rows[0].row()))

    def _on_new_clicked(self) -> None:
        self.table.clearSelection()
        self._show(None)
        self.form.fields.widgets["kind"].setFocus()

    def _on_strip_photo_opened(self, index: QModelIndex) -> None:
        services = self.context.services
        photos = self.form.photos.photos
        self.viewer = PhotoViewer(
            self.context.runner, services.photos.preview, photos, index.row(), self
        )
        self.viewer.show()

    # -- saving -----------------------------------------------------------------------------

    def has_unsaved(self) -> bool:
        return self.form.fields.dirty

    def discard(self) -> None:
        self.form.discard()

    def save(self) -> Task | None:
        if not self.form.fields.dirty or not self.form.save_button.isEnabled():
            return None
        go_ahead, reason = self.context.correction_reason(self)
        if not go_ahead:
            return None
        if self.form.is_new:
            return self._add(reason)
        return self._edit(reason)

    def _add(self, reason: str | None) -> Task:
        values = self.form.new_document_values()
        kind = values.pop("kind")
        lines = self.form.mrz.lines() or None
        accept = self.form.accept_invalid.isChecked()
        number = self.context.case_number

        def added(result: DocumentResult) -> None:
            self._select_after_save = result.document.id
            self.form.fields.baseline.update(self.form.fields.values())
            self.form.document = result.document

        return self.context.write(
            lambda services: services.documents.add(
                number, kind=kind, mrz=lines, accept_invalid_mrz=accept, reason=reason, **values
            ),
            name="add document",
            on_finished=added,
        )

    def _edit(self, reason: str | None) -> Task:
        document = self.form.document
        assert document is not None
        changes = self.form.changes()
        before = self.form.fields.previous(list(changes))
        accept = self.form.accept_invalid.isChecked()
        document_id = document.id

        def forward(services: Services, why: str | None) -> DocumentResult:
            return services.documents.edit(
                document_id, changes, accept_invalid_mrz=accept, reason=why
            )

        def backward(services: Services, why: str | None) -> DocumentResult:
            # The zone written back was accepted before, damaged or not.
            return services.documents.edit(document_id, before, accept_invalid_mrz=True, reason=why)

        def saved(_result: DocumentResult) -> None:
            self.form.fields.baseline.update(changes)
            self.form.refresh_buttons()
            self.undo.record(fill(self.tr("edit of document %1"), document_id), forward, backward)

        return self.context.write(
            lambda services: forward(services, reason), name="edit document", on_finished=saved
        )
