"""The case editor window: header, tabs, undo and redo, saving, and the unsaved-edit prompt."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QMessageBox,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from forensiclog.domain.records import CaseRecord
from forensiclog.services.build import Services
from forensiclog.ui.case_editor.case_header import CaseHeader
from forensiclog.ui.case_editor.case_tab import CaseTab
from forensiclog.ui.case_editor.edit_commands import UndoActions
from forensiclog.ui.case_editor.editor_context import EditorContext
from forensiclog.ui.case_editor.message_bar import MessageBar
from forensiclog.ui.case_editor.tab_set import build_tabs
from forensiclog.ui.photos.photo_grid_view import dropped_paths
from forensiclog.ui.photos.photos_tab import PhotosTab
from forensiclog.ui.tasks import Task, TaskRunner
from forensiclog.ui.translators import fill

Button = QMessageBox.StandardButton
translate = QCoreApplication.translate
# (window, the titles of the tabs with unsaved edits) -> Save, Discard or Cancel
UnsavedAsker = Callable[[QWidget, list[str]], QMessageBox.StandardButton]


def ask_about_unsaved(window: QWidget, tabs: list[str]) -> QMessageBox.StandardButton:
    box = QMessageBox(window)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(translate("CaseEditorWindow", "Unsaved edits"))
    text = translate("CaseEditorWindow", "This case has edits that are not saved: %1.")
    box.setText(fill(text, ", ".join(tabs)))
    box.setInformativeText(translate("CaseEditorWindow", "Save them before closing?"))
    box.setStandardButtons(Button.Save | Button.Discard | Button.Cancel)
    box.setDefaultButton(Button.Save)
    return Button(box.exec())


class CaseEditorWindow(QMainWindow):
    """One case, open for reading and (as the role allows) for edits."""

    closed = Signal(str)  # the case number, once the window has closed

    def __init__(
        self,
        services: Services,
        case_number: str,
        runner: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
        self.context = EditorContext(services, case_number, runner, self)
        self.undo = UndoActions(self.context, self)
        self.ask_unsaved: UnsavedAsker = ask_about_unsaved
        self.messages = MessageBar()
        self.header = CaseHeader(self.context)
        self.tabs = QTabWidget()
        self.pages: list[CaseTab] = build_tabs(self.context, self.undo, self.tabs)
        self.busy_label = QLabel()
        self.save_action = QAction(self.tr("&Save"), self)
        self.reload_action = QAction(self.tr("Re&load"), self)
        self._closing = False
        self._pending_saves: set[int] = set()
        self._build()
        self._connect_signals()
        self.setAcceptDrops(True)
        self.setWindowTitle(fill(self.tr("Case %1 — ForensicLog"), case_number))
        self.resize(1280, 720)
        self.context.reload()

    def _build(self) -> None:
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(8, 4, 8, 8)
        layout.addWidget(self.header)
        layout.addWidget(self.messages)
        layout.addWidget(self.tabs, 1)
        self.setCentralWidget(central)
        self.save_action.setShortcut(QKeySequence.StandardKey.Save)
        self.reload_action.setShortcut(QKeySequence.StandardKey.Refresh)
        toolbar = QToolBar(self.tr("Case"), self)
        toolbar.setObjectName("case_editor_toolbar")
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        toolbar.setMovable(False)
        for action in (self.save_action, self.undo.undo_action, self.undo.redo_action):
            toolbar.addAction(action)
        toolbar.addSeparator()
        toolbar.addAction(self.reload_action)
        self.addToolBar(toolbar)
        self.statusBar().addPermanentWidget(self.busy_label)
        for index in range(min(self.tabs.count(), 9)):
            shortcut = QAction(self)
            shortcut.setShortcut(QKeySequence(f"Ctrl+{index + 1}"))
            shortcut.triggered.connect(lambda _c=False, i=index: self._show_tab(i))
            self.addAction(shortcut)

    def _connect_signals(self) -> None:
        self.context.case_loaded.connect(self._on_context_case_loaded)
        self.context.failure_shown.connect(self.messages.show_error)
        self.context.info_shown.connect(self.messages.show_info)
        self.context.busy_changed.connect(self._on_context_busy_changed)
        self.save_action.triggered.connect(self.save_all)
        self.reload_action.triggered.connect(self.context.reload)

    def _show_tab(self, index: int) -> None:
        self.tabs.setCurrentIndex(index)
        self.tabs.currentWidget().setFocus(Qt.FocusReason.ShortcutFocusReason)

    # -- the case as read --------------------------------------------------------------------

    def _on_context_case_loaded(self, record: CaseRecord) -> None:
        self.header.show_case(record)
        for page in self.pages:
            page.show_case(record)
        number = self.context.case_number
        self.context.read(
            lambda services: services.workflow.allowed(number),
            self.header.show_moves,
            name="case editor: allowed moves",
        )

    def _on_context_busy_changed(self, busy: bool) -> None:
        self.busy_label.setText(self.tr("Saving…") if busy else "")

    # -- saving and closing ------------------------------------------------------------------

    def unsaved_tabs(self) -> list[CaseTab]:
        return [page for page in self.pages if page.has_unsaved()]

    def save_all(self) -> list[Task]:
        tasks = [task for page in self.unsaved_tabs() if (task := page.save()) is not None]
        for task in tasks:
            self._watch_save(task)
        return tasks

    def _watch_save(self, task: Task) -> None:
        key = id(task)
        self._pending_saves.add(key)
        task.signals.finished.connect(lambda _result: self._on_save_settled(key, True))
        task.signals.failed.connect(lambda _failure: self._on_save_settled(key, False))

    def _on_save_settled(self, task_id: int, ok: bool) -> None:
        self._pending_saves.discard(task_id)
        if not ok:
            self._closing = False
        if self._closing and not self._pending_saves and not self.unsaved_tabs():
            self.close()

    # -- files dropped anywhere on the window go to the photos ---------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        photos = self._photos_page()
        if photos is not None and dropped_paths(event) and photos.bar.add_button.isEnabled():
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        photos, paths = self._photos_page(), dropped_paths(event)
        if photos is None or not paths:
            event.ignore()
            return
        event.acceptProposedAction()
        self.tabs.setCurrentWidget(photos)
        photos.import_files(paths)

    def _photos_page(self) -> PhotosTab | None:
        return next((p for p in self.pages if isinstance(p, PhotosTab)), None)

    def _tab_title(self, page: CaseTab) -> str:
        return self.tabs.tabText(self.tabs.indexOf(page)).replace("&", "")

    def closeEvent(self, event: QCloseEvent) -> None:
        dirty = self.unsaved_tabs()
        if not dirty:
            event.accept()
            self.closed.emit(self.context.case_number)
            return
        answer = self.ask_unsaved(self, [self._tab_title(p) for p in dirty])
        if answer == Button.Discard:
            for page in dirty:
                page.discard()
            event.accept()
            self.closed.emit(self.context.case_number)
            return
        event.ignore()
        if answer == Button.Save:
            self._closing = True
            if not self.save_all():
                self._closing = False
                titles = ", ".join(self._tab_title(p) for p in self.unsaved_tabs())
                self.messages.show_error(
                    fill(self.tr("Not saved — complete or revert the edits in: %1."), titles)
                )
