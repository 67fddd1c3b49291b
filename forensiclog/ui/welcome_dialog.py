"""The first run: no workspace yet, so offer to create one, to open the demo, or to open one."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCommandLinkButton,
    QDialog,
    QFileDialog,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from forensiclog.domain.roles import Role
from forensiclog.ui.new_workspace_dialog import NewWorkspaceDialog
from forensiclog.ui.tasks import TaskFailure, TaskRunner

translate = QCoreApplication.translate


@dataclass(frozen=True)
class WelcomeChoice:
    """The workspace to open, and who signs in (with the password for the demo)."""

    path: Path
    user: str = ""
    password: str = ""


def find_demo_builder() -> Callable[[Path], Any] | None:
    try:
        from forensiclog.services.demo import build_demo
    except ImportError:
        return None
    return build_demo


class WelcomeDialog(QDialog):
    """Shown when the default workspace does not exist; ``choice`` once accepted."""

    def __init__(
        self, runner: TaskRunner, workspace: Path, demo_folder: Path, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._runner = runner
        self._workspace = workspace
        self._demo_folder = demo_folder
        self._demo = find_demo_builder()
        self.choice: WelcomeChoice | None = None
        self.setWindowTitle(translate("WelcomeDialog", "Welcome to ForensicLog"))
        self._build()
        self._connect_signals()

    def _build(self) -> None:
        title = QLabel(translate("WelcomeDialog", "Welcome to ForensicLog"))
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        title.setFont(font)
        intro = QLabel(
            translate(
                "WelcomeDialog",
                "There is no workspace on this computer yet. A workspace is one folder holding "
                "the cases, their photos and their history.",
            )
        )
        intro.setWordWrap(True)
        self.create_button = QCommandLinkButton(
            translate("WelcomeDialog", "&Create a workspace"),
            translate("WelcomeDialog", "Set the site and team codes and the first administrator."),
        )
        self.demo_button = QCommandLinkButton(
            translate("WelcomeDialog", "Open the &demo"),
            translate(
                "WelcomeDialog", "A synthetic exchange to try everything; invented people only."
            ),
        )
        self.demo_button.setVisible(self._demo is not None)
        self.open_button = QCommandLinkButton(
            translate("WelcomeDialog", "&Open a workspace…"),
            translate("WelcomeDialog", "A workspace folder, or a sealed case file (read-only)."),
        )
        self.progress = QLabel()
        self.progress.setWordWrap(True)
        layout = QVBoxLayout(self)
        for widget in (
            title,
            intro,
            self.create_button,
            self.demo_button,
            self.open_button,
            self.progress,
        ):
            layout.addWidget(widget)
        self.setMinimumWidth(520)

    def _connect_signals(self) -> None:
        self.create_button.clicked.connect(self._on_create_clicked)
        self.demo_button.clicked.connect(self._on_demo_clicked)
        self.open_button.clicked.connect(self._on_open_clicked)

    def _on_create_clicked(self) -> None:
        dialog = NewWorkspaceDialog(self._runner, self._workspace, self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.created is not None:
            self._choose(WelcomeChoice(Path(dialog.created.path), dialog.admin_name))

    def _on_demo_clicked(self) -> None:
        builder = self._demo
        if builder is None:
            return
        folder = self._demo_folder
        if folder.is_dir() and any(folder.iterdir()):  # built on an earlier run: open it again
            self._choose(WelcomeChoice(folder))
            return
        self._set_busy(
            translate("WelcomeDialog", "Building the demo workspace… this takes up to a minute.")
        )
        self._runner.write(
            lambda state: builder(folder),
            name="demo",
            on_finished=self._on_demo_built,
            on_failed=self._on_demo_failed,
        )

    def _on_demo_built(self, result: Any) -> None:
        users = list(getattr(result, "users", ()))
        chosen = next(
            (u for u in users if u.role == Role.COORDINATOR.value), users[0] if users else None
        )
        path = Path(getattr(result, "workspace", self._demo_folder))
        if chosen is None:
            self._choose(WelcomeChoice(path))
        else:
            self._choose(WelcomeChoice(path, chosen.name, chosen.password))

    def _on_demo_failed(self, failure: TaskFailure) -> None:
        self._set_busy("")
        self.progress.setText(failure.message)

    def _on_open_clicked(self) -> None:
        chosen = QFileDialog.getExistingDirectory(
            self, translate("WelcomeDialog", "Open a workspace folder"), str(self._workspace.parent)
        )
        if chosen:
            self._choose(WelcomeChoice(Path(chosen)))

    def _set_busy(self, text: str) -> None:
        busy = bool(text)
        for button in (self.create_button, self.demo_button, self.open_button):
            button.setEnabled(not busy)
        self.progress.setText(text)

    def _choose(self, choice: WelcomeChoice) -> None:
        self.choice = choice
        self.accept()
