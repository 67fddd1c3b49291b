"""Creating a workspace: its folder, site and team codes, and the first administrator."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from forensiclog.domain.errors import InvalidInput
from forensiclog.domain.records import WorkspaceInfo
from forensiclog.services.workspace_setup import init_workspace
from forensiclog.ui.refusal_text import describe_refusal
from forensiclog.ui.tasks import TaskFailure, TaskRunner

translate = QCoreApplication.translate


class NewWorkspaceDialog(QDialog):
    """Asks for what a workspace needs and creates it off the GUI thread; ``created`` after."""

    problem_shown = Signal(str)

    def __init__(self, runner: TaskRunner, folder: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self.created: WorkspaceInfo | None = None
        self.setWindowTitle(translate("NewWorkspaceDialog", "New workspace"))
        self._build(folder)
        self.buttons.accepted.connect(self._create)
        self.buttons.rejected.connect(self.reject)
        self.browse.clicked.connect(self._on_browse_clicked)

    def _build(self, folder: Path) -> None:
        self.folder = QLineEdit(str(folder))
        self.folder.setObjectName("folder")
        self.browse = QPushButton(translate("NewWorkspaceDialog", "&Browse…"))
        self.name = QLineEdit()
        self.name.setObjectName("name")
        self.name.setPlaceholderText(translate("NewWorkspaceDialog", "e.g. Kyiv morgue, team 2"))
        self.site = QLineEdit()
        self.site.setObjectName("site")
        self.site.setPlaceholderText(translate("NewWorkspaceDialog", "2–5 Latin letters, e.g. KYV"))
        self.team = QLineEdit()
        self.team.setObjectName("team")
        self.team.setPlaceholderText(
            translate("NewWorkspaceDialog", "1–4 letters or digits, e.g. T2")
        )
        self.admin = QLineEdit("admin")
        self.admin.setObjectName("admin")
        self.password = QLineEdit()
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat = QLineEdit()
        self.repeat.setObjectName("repeat")
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #b00020;")
        self.problem.hide()
        where = QHBoxLayout()
        where.addWidget(self.folder, 1)
        where.addWidget(self.browse)
        form = QFormLayout()
        rows = (
            (translate("NewWorkspaceDialog", "&Folder:"), self.folder, where),
            (translate("NewWorkspaceDialog", "&Name:"), self.name, self.name),
            (translate("NewWorkspaceDialog", "&Site code:"), self.site, self.site),
            (translate("NewWorkspaceDialog", "&Team code:"), self.team, self.team),
            (translate("NewWorkspaceDialog", "First &administrator:"), self.admin, self.admin),
            (translate("NewWorkspaceDialog", "&Password:"), self.password, self.password),
            (translate("NewWorkspaceDialog", "&Repeat password:"), self.repeat, self.repeat),
        )
        for text, buddy, field in rows:
            label = QLabel(text)
            label.setBuddy(buddy)
            form.addRow(label, field)
        note = QLabel(
            translate(
                "NewWorkspaceDialog",
                "Case numbers start with the site and team codes, so two laptops never issue the "
                "same number. They cannot be changed later.",
            )
        )
        note.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(
            translate("NewWorkspaceDialog", "Create")
        )
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(520)
        self.site.setFocus()

    def _on_browse_clicked(self) -> None:
        chosen = QFileDialog.getExistingDirectory(
            self,
            translate("NewWorkspaceDialog", "Folder for the new workspace"),
            self.folder.text(),
        )
        if chosen:
            self.folder.setText(chosen)

    def _create(self) -> None:
        if self.password.text() != self.repeat.text():
            refusal = InvalidInput("password", "the two passwords differ")
            self._show_problem(describe_refusal(refusal))
            return
        path = Path(self.folder.text().strip()).expanduser()
        site, team, admin = self.site.text(), self.team.text(), self.admin.text()
        password, name = self.password.text(), self.name.text().strip() or None
        self.buttons.setEnabled(False)
        self._runner.write(
            lambda state: init_workspace(
                path, site=site, team=team, admin=admin, password=password, name=name
            ),
            name="create workspace",
            on_finished=self._on_created,
            on_failed=self._on_create_failed,
        )

    def _on_created(self, info: WorkspaceInfo) -> None:
        self.created = info
        self.accept()

    def _on_create_failed(self, failure: TaskFailure) -> None:
        self.buttons.setEnabled(True)
        self._show_problem(failure.message)

    def _show_problem(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.show()
        self.problem_shown.emit(text)

    @property
    def admin_name(self) -> str:
        return self.admin.text().strip()
