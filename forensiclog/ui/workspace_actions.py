"""The File menu's workspace actions: new, open (folder or sealed case file), recent, settings.

They only ask; switching workspaces is the application's job (``app.py``), told through the
main window's signals, because it means signing in again and building a new window.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QFileDialog, QMenu

from forensiclog.paths import default_workspace
from forensiclog.ui.app_context import AppContext
from forensiclog.ui.settings_dialog import SettingsDialog

if TYPE_CHECKING:
    from forensiclog.ui.main_window import MainWindow

translate = QCoreApplication.translate


class WorkspaceActions(QObject):
    """Fills the File menu and turns choices into the window's requests."""

    def __init__(self, context: AppContext, window: MainWindow) -> None:
        super().__init__(window)
        self._context = context
        self._window = window
        self.recent_menu = QMenu(translate("WorkspaceActions", "Open &recent"))
        self.recent_menu.aboutToShow.connect(self._fill_recent)

    def fill_menu(self, menu: QMenu) -> None:
        self._add(
            menu,
            translate("WorkspaceActions", "&New workspace…"),
            QKeySequence("Ctrl+Shift+N"),
            self._window.new_workspace_requested.emit,
        )
        self._add(
            menu,
            translate("WorkspaceActions", "&Open workspace…"),
            QKeySequence.StandardKey.Open,
            self._open_folder,
        )
        self._add(
            menu,
            translate("WorkspaceActions", "Open sealed &case file…"),
            None,
            self._open_case_file,
        )
        menu.addMenu(self.recent_menu)
        menu.addSeparator()
        self._add(
            menu,
            translate("WorkspaceActions", "&Settings…"),
            QKeySequence("Ctrl+,"),
            self.edit_settings,
        )

    def _add(
        self,
        menu: QMenu,
        text: str,
        shortcut: QKeySequence | QKeySequence.StandardKey | None,
        slot: Callable[[], object],
    ) -> QAction:
        action = QAction(text, self._window)
        if shortcut is not None:
            action.setShortcut(shortcut)
        action.triggered.connect(lambda _checked=False: slot())
        menu.addAction(action)
        return action

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        current = Path(self._context.services.workspace.path).resolve()
        paths = [p for p in self._context.settings.recent_workspaces() if p.resolve() != current]
        for path in paths:
            action = self.recent_menu.addAction(str(path))
            action.triggered.connect(
                lambda _c=False, p=path: self._window.workspace_requested.emit(p)
            )
        if not paths:
            empty = self.recent_menu.addAction(
                translate("WorkspaceActions", "No other workspace yet")
            )
            empty.setEnabled(False)

    def _open_folder(self) -> None:
        chosen = QFileDialog.getExistingDirectory(
            self._window,
            translate("WorkspaceActions", "Open a workspace folder"),
            str(default_workspace().parent),
        )
        if chosen:
            self._window.workspace_requested.emit(Path(chosen))

    def _open_case_file(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(
            self._window,
            translate("WorkspaceActions", "Open a sealed case file"),
            str(Path.home()),
            translate("WorkspaceActions", "Sealed case files (*.fcase)"),
        )
        if chosen:
            self._window.workspace_requested.emit(Path(chosen))

    def edit_settings(self) -> None:
        dialog = SettingsDialog(self._context.settings.language, self._window)
        if (
            dialog.exec() == QDialog.DialogCode.Accepted
            and dialog.language != self._context.settings.language
        ):
            self._context.settings.language = dialog.language
            self._window.language_chosen.emit(dialog.language)
