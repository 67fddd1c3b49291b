"""The photos tab of a case: the thumbnail grid, the import, the selected photo's details."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QFileDialog, QSplitter, QVBoxLayout

from forensiclog.domain.records import CaseRecord
from forensiclog.domain.roles import Action
from forensiclog.services.build import Services
from forensiclog.ui.case_editor.case_tab import CaseTab
from forensiclog.ui.case_editor.edit_commands import UndoActions
from forensiclog.ui.case_editor.editor_context import EditorContext
from forensiclog.ui.photos.import_bar import ImportBar, RefusedFilesPanel
from forensiclog.ui.photos.import_report import outcome_text
from forensiclog.ui.photos.photo_details_panel import PhotoDetailsPanel
from forensiclog.ui.photos.photo_grid_model import RECORD_ROLE, PhotoGridModel
from forensiclog.ui.photos.photo_grid_view import PhotoGridView, dropped_paths
from forensiclog.ui.photos.photo_import import (
    ImportOutcome,
    ImportRequest,
    StopFlag,
    import_photos,
)
from forensiclog.ui.photos.photo_viewer import PhotoViewer
from forensiclog.ui.photos.thumbnail_loader import ThumbnailLoader
from forensiclog.ui.tasks import Task, TaskFailure
from forensiclog.ui.translators import english_plural, fill

FILE_FILTER = "*.jpg *.jpeg *.png *.tif *.tiff *.webp *.gif *.heic *.heif"


class PhotosTab(CaseTab):
    import_finished = Signal(object)  # ImportOutcome

    def __init__(self, context: EditorContext, undo: UndoActions) -> None:
        super().__init__(context)
        self.undo = undo
        photos = context.services.photos
        self.loader = ThumbnailLoader(context.runner, photos.thumbnail, self)
        self.model = PhotoGridModel(self.loader, self)
        self.grid = PhotoGridView(self)
        self.grid.setModel(self.model)
        self.details = PhotoDetailsPanel(self)
        self.bar = ImportBar(self)
        self.refused = RefusedFilesPanel(self)
        self.viewer: PhotoViewer | None = None
        self._stop: StopFlag | None = None
        self._import: Task | None = None
        self.setAcceptDrops(True)
        self._build()
        self._connect_signals()

    def _build(self) -> None:
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(self.grid)
        split.addWidget(self.details)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        split.setSizes([900, 320])
        split.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.bar)
        layout.addWidget(split, 1)
        layout.addWidget(self.refused)

    def _connect_signals(self) -> None:
        self.bar.add_requested.connect(self._on_bar_add_requested)
        self.bar.cancel_requested.connect(self.cancel_import)
        self.grid.files_dropped.connect(self.import_files)
        self.grid.photo_opened.connect(self._on_grid_photo_opened)
        self.grid.selectionModel().currentChanged.connect(self._on_grid_current_changed)
        self.details.save_requested.connect(self.save)
        self.details.open_requested.connect(
            lambda: self._on_grid_photo_opened(self.grid.currentIndex())
        )

    # -- showing ----------------------------------------------------------------------------

    def show_case(self, record: CaseRecord) -> None:
        current = self.details.photo.sha256 if self.details.photo else None
        self.model.set_photos(record.photos)
        self.details.show_case(record, self._may_edit())
        row = self.model.row_of(current) if current else -1
        if row >= 0:
            self.grid.setCurrentIndex(self.model.index(row, 0))
        count = len(record.photos)
        self.bar.count.setText(english_plural(self.tr("%n photo(s)", "", count), count))
        self.bar.add_button.setEnabled(self._may_add() and self._import is None)
        self.bar.hint.setVisible(self._may_add())

    def _may_add(self) -> bool:
        return self.context.may_edit(Action.ADD_EVIDENCE)

    def _may_edit(self) -> bool:
        return self.context.may_edit(Action.ADD_EVIDENCE)

    def _on_grid_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.details.show_photo(current.data(RECORD_ROLE) if current.isValid() else None)

    def _on_grid_photo_opened(self, index: QModelIndex) -> None:
        if not index.isValid():
            return
        self.viewer = PhotoViewer(
            self.context.runner,
            self.context.services.photos.preview,
            self.model.photos,
            index.row(),
            self,
        )
        self.viewer.show()

    # -- importing --------------------------------------------------------------------------

    def _on_bar_add_requested(self) -> None:
        names, _filter = QFileDialog.getOpenFileNames(
            self,
            self.tr("Add photos"),
            "",
            fill(self.tr("Photos (%1);;All files (*)"), FILE_FILTER),
        )
        if names:
            self.import_files([Path(name) for name in names])

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if dropped_paths(event) and self._may_add() and self._import is None:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = dropped_paths(event)
        if paths:
            event.acceptProposedAction()
            self.import_files(paths)

    def import_files(self, paths: list[Path]) -> Task | None:
        """Import dropped or chosen files and folders off the GUI thread, with progress."""
        if self._import is not None or not self._may_add() or not paths:
            return None
        go_ahead, reason = self.context.correction_reason(self)
        if not go_ahead:
            return None
        request = ImportRequest(
            self.context.case_number,
            tuple(paths),
            kind=str(self.bar.kind.currentData()),
            reason=reason,
        )
        stop = StopFlag()
        task = self.context.run_long(
            lambda services, state: import_photos(services, request, state, stop), "photo import"
        )
        task.signals.progress.connect(
            lambda done, total, _text: self.bar.show_progress(done, total)
        )
        task.signals.finished.connect(self._on_import_finished)
        task.signals.failed.connect(self._on_import_failed)
        self._stop, self._import = stop, task
        self.refused.hide()
        self.bar.set_running(True)
        return task

    def cancel_import(self) -> None:
        if self._stop is not None:
            self._stop.set()
            self.bar.cancel_button.setEnabled(False)

    @property
    def importing(self) -> bool:
        return self._import is not None

    def _on_import_finished(self, outcome: ImportOutcome) -> None:
        self._end_import()
        self.refused.show_refused(outcome.refused)
        text = outcome_text(outcome)
        if outcome.refused or outcome.stopped_by:
            self.context.show_failure(text)
        else:
            self.context.show_info(text)
        self.context.reload()
        self.import_finished.emit(outcome)

    def _on_import_failed(self, failure: TaskFailure) -> None:
        self._end_import()
        self.context.show_failure(failure.message)
        self.context.reload()

    def _end_import(self) -> None:
        self._import, self._stop = None, None
        self.bar.set_running(False)
        self.bar.add_button.setEnabled(self._may_add())

    # -- editing the selected photo ---------------------------------------------------------

    def has_unsaved(self) -> bool:
        return self.details.dirty

    def discard(self) -> None:
        self.details.fields.reset()

    def save(self) -> Task | None:
        photo = self.details.photo
        changes = self.details.changes()
        if photo is None or not changes:
            return None
        go_ahead, reason = self.context.correction_reason(self)
        if not go_ahead:
            return None
        number, sha = self.context.case_number, photo.sha256
        before = self.details.previous(list(changes))

        def forward(services: Services, why: str | None) -> object:
            return services.photos.edit(number, sha, changes, reason=why)

        def backward(services: Services, why: str | None) -> object:
            return services.photos.edit(number, sha, before, reason=why)

        def saved(_result: object) -> None:
            self.details.fields.baseline.update(changes)
            self.details.refresh_buttons()
            self.undo.record(
                fill(self.tr("edit of photo %1"), photo.original_name or sha[:8]), forward, backward
            )

        return self.context.write(
            lambda services: forward(services, reason), name="save photo", on_finished=saved
        )
