"""The desktop application: builds everything in order — logging, Qt, the crash handler,
translators for the saved language, settings, the workspace, sign-in, the main window — and
runs it. This is the one place the rings are wired together for the GUI.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from forensiclog.services.build import Services
    from forensiclog.ui.app_settings import AppSettings
    from forensiclog.ui.main_window import MainWindow
    from forensiclog.ui.tasks import TaskRunner
    from forensiclog.ui.translators import LanguageSwitch
    from forensiclog.ui.welcome_dialog import WelcomeChoice


# While a task runs Python on a worker thread, the GUI thread waits for the interpreter lock
# at each call into Python (every cell it paints): 1 ms instead of the default 5 ms keeps a
# repaint during a background read from stalling (measured in tests/bench/bench_gui.py).
GUI_SWITCH_INTERVAL = 0.001


QUIT_AFTER_START_ENV = "FORENSICLOG_QUIT_AFTER_START"


def run_gui(options: argparse.Namespace) -> int:
    """Start the desktop application; returns the process exit status."""
    from forensiclog.crash_log import setup_logging

    setup_logging()
    sys.setswitchinterval(GUI_SWITCH_INTERVAL)
    app = _qt_application()
    # The welcome and sign-in dialogs come and go before the main window: closing one of them
    # must not end the application.
    app.setQuitOnLastWindowClosed(False)
    shell = Shell(app)
    # As on the command line: FORENSICLOG_USER and FORENSICLOG_PASSWORD sign in without asking.
    user = getattr(options, "user", None) or os.environ.get("FORENSICLOG_USER", "")
    password = os.environ.get("FORENSICLOG_PASSWORD", "") if user else ""
    if not shell.start(_requested_path(options), user=user, password=password):
        return 0
    app.setQuitOnLastWindowClosed(True)
    if os.environ.get(QUIT_AFTER_START_ENV):  # the packaged program's smoke test: shown, so quit
        from PySide6.QtCore import QTimer

        QTimer.singleShot(0, app.quit)
    return int(app.exec())


def _qt_application() -> QApplication:
    from PySide6.QtWidgets import QApplication

    from forensiclog import APP_NAME, __version__

    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setApplicationVersion(__version__)
    return app


def _requested_path(options: argparse.Namespace) -> Path | None:
    """What the command line named: ``open FILE``, or ``--workspace``; None for the usual one."""
    named = getattr(options, "file", None) or getattr(options, "workspace", None)
    return Path(named).expanduser() if named else None


class Shell:
    """Owns the windows: which workspace is open, who signed in, and the language."""

    def __init__(self, app: QApplication) -> None:
        from forensiclog.ui import notices
        from forensiclog.ui.app_settings import AppSettings
        from forensiclog.ui.crash_handler import CrashHandler
        from forensiclog.ui.tasks import TaskRunner
        from forensiclog.ui.translators import LanguageSwitch

        self.app = app
        self.settings: AppSettings = AppSettings()
        self.languages: LanguageSwitch = LanguageSwitch()
        self.languages.apply(self.settings.language)
        self.crash_handler = CrashHandler(lambda log: notices.show_crash(self.window, log))
        self.crash_handler.install()
        self.runner: TaskRunner = TaskRunner(app)
        self.window: MainWindow | None = None

    # -- starting ----------------------------------------------------------------------------

    def start(self, requested: Path | None, user: str = "", password: str = "") -> bool:
        """Open the named (or usual) workspace, or welcome a first run; False if the user quit."""
        path = requested or self._usual_workspace()
        if not _holds_workspace(path):
            choice = self._welcome(path)
            if choice is None:
                return False
            path, user, password = choice.path, choice.user or user, choice.password
        services = self._sign_in(path, user, password)
        if services is None:
            return False
        self._show_window(services)
        return True

    def _usual_workspace(self) -> Path:
        from forensiclog.paths import default_workspace

        recent = [p for p in self.settings.recent_workspaces() if _holds_workspace(p)]
        return recent[0] if recent else default_workspace()

    def _welcome(self, path: Path) -> WelcomeChoice | None:
        from PySide6.QtWidgets import QDialog

        from forensiclog.paths import data_dir
        from forensiclog.ui.welcome_dialog import WelcomeDialog

        dialog = WelcomeDialog(self.runner, path, data_dir() / "demo")
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.choice

    def _sign_in(self, path: Path, user: str, password: str = "") -> Services | None:
        from PySide6.QtWidgets import QDialog

        from forensiclog.ui.sign_in_dialog import SignInDialog

        dialog = SignInDialog(
            path, self.runner, user or self.settings.last_user, self.window, password=password
        )
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.services is None:
            return None
        if dialog.services.ctx.actor is not None:
            self.settings.last_user = dialog.services.ctx.actor.name
        self.settings.remember_workspace(path)
        return dialog.services

    # -- the main window ---------------------------------------------------------------------

    def _show_window(self, services: Services) -> MainWindow:
        from forensiclog.ui.app_context import AppContext
        from forensiclog.ui.main_window import MainWindow

        context = AppContext(services, self.runner, self.settings, self.languages)
        window = MainWindow(context)
        window.workspace_requested.connect(self.switch_workspace)
        window.new_workspace_requested.connect(self.new_workspace)
        window.language_chosen.connect(self.change_language)
        if self.window is not None:  # the same place on screen as the window it replaces
            window.restoreGeometry(self.window.saveGeometry())
        window.show()
        window.refresh()
        previous, self.window = self.window, window
        if previous is not None:
            previous.close()
            previous.deleteLater()
        return window

    def switch_workspace(self, path: Path) -> None:
        """Sign in to ``path``; only then close the current window (which may still refuse)."""
        if self.window is not None and self.window.unsaved_work():
            self.window.start_registering()  # show what is unsaved rather than drop it
            return
        services = self._sign_in(path, "")
        if services is None:
            return
        old = self.window
        if (
            old is not None
            and old.editors
            and not all(e.close() for e in list(old.editors.values()))
        ):
            services.workspace.close()
            return
        self._show_window(services)
        if old is not None:
            old.context.services.workspace.close()

    def new_workspace(self) -> None:
        from PySide6.QtWidgets import QDialog

        from forensiclog.paths import data_dir
        from forensiclog.ui.new_workspace_dialog import NewWorkspaceDialog

        dialog = NewWorkspaceDialog(
            self.runner, _free_folder(data_dir() / "workspace"), self.window
        )
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.created is not None:
            self.settings.last_user = dialog.admin_name
            self.switch_workspace(Path(dialog.created.path))

    def change_language(self, language: str) -> None:
        """Apply the language now by rebuilding the main window, unless that would lose work."""
        from PySide6.QtCore import QCoreApplication
        from PySide6.QtWidgets import QMessageBox

        self.languages.apply(language)
        window = self.window
        if window is None:
            return
        if window.editors or window.unsaved_work():
            QMessageBox.information(
                window,
                QCoreApplication.translate("Shell", "Language"),
                QCoreApplication.translate(
                    "Shell", "The new language will be used from the next start."
                ),
            )
            return
        self._show_window(window.context.services)


def _holds_workspace(path: Path) -> bool:
    """A workspace folder or a case file exists at ``path`` (an empty folder does not count)."""
    if path.is_file():
        return True
    return path.is_dir() and any(path.iterdir())


def _free_folder(base: Path) -> Path:
    """``base``, or ``base-2``, ``base-3``… — the first name not taken."""
    candidate, number = base, 1
    while candidate.exists():
        number += 1
        candidate = base.with_name(f"{base.name}-{number}")
    return candidate
