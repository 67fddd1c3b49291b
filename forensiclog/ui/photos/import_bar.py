"""Starting a photo import, following it (progress, cancel), and listing the files refused."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from forensiclog.ui.case_editor.form_fields import fill_combo
from forensiclog.ui.case_editor.record_table_model import (
    Column,
    RecordTableModel,
    record_table_view,
)
from forensiclog.ui.photos.photo_import import RefusedFile
from forensiclog.ui.photos.photo_kinds import photo_kind_choices
from forensiclog.ui.reason_text import reason_text


class ImportBar(QWidget):
    """The row above the grid: add photos, what new photos show, and the running import."""

    add_requested = Signal()
    cancel_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.add_button = QPushButton(self.tr("&Add photos…"), self)
        self.kind = QComboBox(self)
        fill_combo(self.kind, photo_kind_choices(), blank=None)
        self.kind.setCurrentIndex(self.kind.findData("overview"))
        # Wide enough for the longest kind in either language ("Загальний вигляд").
        self.kind.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.kind_label = QLabel(self.tr("New photos &show:"), self)
        self.kind_label.setBuddy(self.kind)
        self.kind.setAccessibleName(self.tr("What new photos show"))
        self.hint = QLabel(self.tr("or drop files and folders here"), self)
        self.hint.setStyleSheet("color: #5f5f5f;")
        self.count = QLabel(self)
        self.progress = QProgressBar(self)
        self.progress.setAccessibleName(self.tr("Import progress"))
        self.progress.setMinimumWidth(220)
        self.cancel_button = QPushButton(self.tr("&Cancel import"), self)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        widgets: tuple[QWidget, ...] = (self.add_button, self.kind_label, self.kind, self.hint)
        for widget in widgets:
            layout.addWidget(widget)
        layout.addStretch(1)
        widgets = (self.count, self.progress, self.cancel_button)
        for widget in widgets:
            layout.addWidget(widget)
        self.add_button.clicked.connect(self.add_requested)
        self.cancel_button.clicked.connect(self.cancel_requested)
        self.set_running(False)

    def set_running(self, running: bool) -> None:
        self.progress.setVisible(running)
        self.cancel_button.setVisible(running)
        self.cancel_button.setEnabled(running)
        self.add_button.setEnabled(not running)
        if running:
            self.progress.setRange(0, 0)  # busy until the first file is counted
        self.count.setVisible(not running)

    def show_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        self.progress.setFormat(f"{done} / {total}")


class RefusedFilesPanel(QGroupBox):
    """The files the last import refused, each with the reason; stays until dismissed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Files not imported"))
        self.model = RecordTableModel(
            [
                Column(self.tr("File"), lambda r: str(r.path)),
                Column(self.tr("Why"), lambda r: reason_text(r.reason)),
            ],
            self,
        )
        self.table = record_table_view(self.model, self.tr("Files not imported"))
        self.table.setMaximumHeight(130)
        self.dismiss = QPushButton(self.tr("&Dismiss list"), self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.dismiss)
        layout.addLayout(row)
        self.dismiss.clicked.connect(self.hide)
        self.hide()

    def show_refused(self, refused: list[RefusedFile]) -> None:
        self.model.set_records(refused)
        self.table.resizeColumnToContents(0)
        self.setVisible(bool(refused))
