"""Signing in to a workspace: user and password, checked off the GUI thread.

A sealed case file needs no user: it opens read-only for anyone, and the dialog only shows
that it is opening.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from forensiclog.services.build import Services, build, sign_in
from forensiclog.services.opening import is_casefile, open_any
from forensiclog.services.workspace import OpenWorkspace
from forensiclog.ui.tasks import JobState, TaskFailure, TaskRunner
from forensiclog.ui.translators import fill

translate = QCoreApplication.translate


class SignInDialog(QDialog):
    """Opens the workspace at ``path`` and signs the user in; ``services`` once accepted."""

    problem_shown = Signal(str)

    def __init__(
        self,
        path: Path,
        runner: TaskRunner,
        user: str = "",
        parent: QWidget | None = None,
        *,
        password: str = "",
    ) -> None:
        super().__init__(parent)
        self.path = path
        self.services: Services | None = None
        self._runner = runner
        self._workspace: OpenWorkspace | None = None
        self._read_only = is_casefile(path)
        self.setWindowTitle(translate("SignInDialog", "Sign in — ForensicLog"))
        self._build(user)
        self._connect_signals()
        if self._read_only or (user and password):  # a case file, or the demo's own user
            self.password.setText(password)
            self._sign_in()

    def _build(self, user: str) -> None:
        self.place = QLabel(fill(translate("SignInDialog", "Workspace: %1"), self.path))
        self.place.setWordWrap(True)
        self.place.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.user = QLineEdit(user)
        self.user.setObjectName("user")
        self.password = QLineEdit()
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.problem = QLabel()
        self.problem.setObjectName("problem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #b00020;")
        self.problem.hide()
        form = QFormLayout()
        user_label = QLabel(translate("SignInDialog", "&User:"))
        user_label.setBuddy(self.user)
        password_label = QLabel(translate("SignInDialog", "&Password:"))
        password_label.setBuddy(self.password)
        form.addRow(user_label, self.user)
        form.addRow(password_label, self.password)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(translate("SignInDialog", "Sign in"))
        ok.setDefault(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.place)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        if self._read_only:
            self.place.setText(
                fill(
                    translate("SignInDialog", "Opening the sealed case file %1 read-only…"),
                    self.path,
                )
            )
            for widget in (self.user, self.password, user_label, password_label):
                widget.hide()
            ok.hide()
        (self.password if user else self.user).setFocus()
        self.setMinimumWidth(440)

    def _connect_signals(self) -> None:
        self.buttons.accepted.connect(self._sign_in)
        self.buttons.rejected.connect(self.reject)

    def _sign_in(self) -> None:
        self._set_busy(True)
        user, password = self.user.text().strip(), self.password.text()
        self._runner.read(
            lambda state: self._open_and_sign_in(state, user, password),
            name="sign in",
            on_finished=self._on_signed_in,
            on_failed=self._on_sign_in_failed,
        )

    def _open_and_sign_in(self, state: JobState, user: str, password: str) -> Services:
        workspace = self._workspace or open_any(self.path)
        self._workspace = workspace
        if workspace.read_only and self._read_only:
            return build(workspace, None)
        return sign_in(workspace, user, password)

    def _on_signed_in(self, services: Services) -> None:
        self.services = services
        self.accept()

    def _on_sign_in_failed(self, failure: TaskFailure) -> None:
        self._set_busy(False)
        self.problem.setText(failure.message)
        self.problem.show()
        self.problem_shown.emit(failure.message)
        self.password.selectAll()
        self.password.setFocus()

    def _set_busy(self, busy: bool) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not busy)
        self.user.setEnabled(not busy)
        self.password.setEnabled(not busy)

    def reject(self) -> None:
        if self._workspace is not None and self.services is None:
            self._workspace.close()
        super().reject()
