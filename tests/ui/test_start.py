"""Starting the application: first-run welcome, creating a workspace, signing in, a sealed case
file opened read-only, and the crash handler."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QApplication, QDialog

from forensiclog.app import Shell
from forensiclog.ui.app_settings import AppSettings
from forensiclog.ui.crash_handler import CrashHandler
from forensiclog.ui.new_workspace_dialog import NewWorkspaceDialog
from forensiclog.ui.sign_in_dialog import SignInDialog
from forensiclog.ui.welcome_dialog import WelcomeDialog
from tests.ui.conftest import signed_in
from tests.ui.sample_workspace import PASSWORD, build_sample

Step = Callable[[QDialog], None]


class ModalDriver:
    """Answers modal dialogs as they open, by class, as a user at the keyboard would."""

    def __init__(self, steps: dict[type, Step]) -> None:
        self.steps = steps
        self.seen: list[str] = []
        QTimer.singleShot(0, self._look)

    def _look(self) -> None:
        # Look again first: a step may open a nested modal dialog and not return until it closes.
        QTimer.singleShot(20, self._look)
        dialog = QApplication.activeModalWidget()
        if dialog is not None and not dialog.property("driven"):
            step = self.steps.get(type(dialog))
            if step is not None:
                dialog.setProperty("driven", True)  # ids of Python wrappers get reused
                self.seen.append(type(dialog).__name__)
                step(dialog)


def sign_in_as(user: str, password: str = PASSWORD) -> Step:
    def step(dialog: QDialog) -> None:
        assert isinstance(dialog, SignInDialog)
        dialog.user.setText(user)
        dialog.password.setText(password)
        dialog.buttons.accepted.emit()

    return step


@pytest.fixture
def shell(qapp, runner, monkeypatch):
    monkeypatch.setattr(CrashHandler, "install", lambda self: None)
    AppSettings().language = "en"
    made = Shell(QCoreApplication.instance())
    made.runner = runner
    yield made
    made.languages.remove()
    if made.window is not None:
        made.window.close()
        made.window.context.services.workspace.close()


def test_start_signs_in_and_shows_the_main_window(qtbot, shell, sample):
    driver = ModalDriver({SignInDialog: sign_in_as("taras")})
    assert shell.start(sample.path)
    assert driver.seen == ["SignInDialog"]
    window = shell.window
    assert window is not None and window.isVisible()
    qtbot.waitUntil(lambda: window.cases.model.rowCount() == 95, timeout=10_000)
    assert "taras" in window.user_label.text()
    assert shell.settings.recent_workspaces()[0] == sample.path.resolve()
    assert shell.settings.last_user == "taras"


def test_a_wrong_password_is_refused_in_the_dialog(qtbot, sample, runner):
    dialog = SignInDialog(sample.path, runner, "taras")
    qtbot.addWidget(dialog)
    dialog.password.setText("not-the-password")
    with qtbot.waitSignal(dialog.problem_shown, timeout=10_000):
        dialog.buttons.accepted.emit()
    assert "wrong user name or password" in dialog.problem.text()
    assert dialog.services is None and dialog.password.isEnabled()
    dialog.password.setText(PASSWORD)
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        dialog.buttons.accepted.emit()
    assert dialog.services is not None
    assert dialog.services.ctx.actor.name == "taras"
    dialog.services.workspace.close()


def test_a_first_run_creates_a_workspace_and_signs_its_admin_in(qtbot, shell, tmp_path):
    target = tmp_path / "fresh"

    def create(dialog: QDialog) -> None:
        assert isinstance(dialog, WelcomeDialog)
        dialog.create_button.click()

    def fill(dialog: QDialog) -> None:
        assert isinstance(dialog, NewWorkspaceDialog)
        assert Path(dialog.folder.text()) == target
        dialog.site.setText("lvi")
        dialog.team.setText("t4")
        dialog.admin.setText("olha")
        dialog.password.setText(PASSWORD)
        dialog.repeat.setText(PASSWORD)
        dialog.buttons.accepted.emit()

    def sign_in(dialog: QDialog) -> None:
        assert isinstance(dialog, SignInDialog)
        assert dialog.user.text() == "olha"
        dialog.password.setText(PASSWORD)
        dialog.buttons.accepted.emit()

    driver = ModalDriver({WelcomeDialog: create, NewWorkspaceDialog: fill, SignInDialog: sign_in})
    assert shell.start(target)
    assert driver.seen == ["WelcomeDialog", "NewWorkspaceDialog", "SignInDialog"]
    assert (target / "forensiclog.db").is_file()
    window = shell.window
    assert window is not None
    assert "olha" in window.user_label.text() and "Administrator" in window.user_label.text()
    assert not window.register_action.isVisible()  # an admin manages users, not cases


def test_new_workspace_refuses_two_different_passwords(qtbot, runner, tmp_path):
    dialog = NewWorkspaceDialog(runner, tmp_path / "w")
    qtbot.addWidget(dialog)
    dialog.site.setText("KYV")
    dialog.team.setText("T1")
    dialog.password.setText(PASSWORD)
    dialog.repeat.setText(PASSWORD + "x")
    dialog.buttons.accepted.emit()
    assert "differ" in dialog.problem.text()
    assert not (tmp_path / "w").exists()


def test_new_workspace_shows_a_refused_site_code(qtbot, runner, tmp_path):
    dialog = NewWorkspaceDialog(runner, tmp_path / "w")
    qtbot.addWidget(dialog)
    dialog.site.setText("K1")
    dialog.team.setText("T1")
    dialog.password.setText(PASSWORD)
    dialog.repeat.setText(PASSWORD)
    with qtbot.waitSignal(dialog.problem_shown, timeout=10_000):
        dialog.buttons.accepted.emit()
    assert "site" in dialog.problem.text()


@dataclass(frozen=True)
class FakeDemo:
    workspace: Path
    users: tuple[object, ...]


def test_the_demo_is_built_and_its_coordinator_signed_in(qtbot, shell, tmp_path, monkeypatch):
    @dataclass(frozen=True)
    class User:
        name: str
        role: str
        password: str

    def build(path: Path) -> FakeDemo:
        build_sample(path)
        return FakeDemo(
            path, (User("taras", "examiner", PASSWORD), User("olena", "coordinator", PASSWORD))
        )

    monkeypatch.setattr("forensiclog.ui.welcome_dialog.find_demo_builder", lambda: build)
    monkeypatch.setattr("forensiclog.paths.data_dir", lambda: tmp_path / "data")
    driver = ModalDriver({WelcomeDialog: lambda dialog: dialog.demo_button.click()})
    assert shell.start(tmp_path / "nothing-here")
    assert driver.seen == ["WelcomeDialog"]
    assert shell.window is not None
    assert "olena" in shell.window.user_label.text()
    assert shell.window.context.services.workspace.path == tmp_path / "data" / "demo"


def test_a_sealed_case_file_opens_read_only_without_signing_in(qtbot, shell, sample, tmp_path):
    coordinator = signed_in(sample.path, "olena")
    exported = coordinator.casefiles.export(tmp_path / "r2.fcase", exchange="R2-0613")
    coordinator.workspace.close()
    assert shell.start(Path(exported.file))
    window = shell.window
    assert window is not None
    qtbot.waitUntil(lambda: window.cases.model.rowCount() == 65, timeout=10_000)
    assert window.user_label.text() == "Read-only: nobody signed in"
    assert "read-only" in window.workspace_label.text()
    assert not window.register_action.isVisible()


def test_a_bug_is_logged_and_the_user_told_where(tmp_path):
    told: list[str] = []
    handler = CrashHandler(told.append)
    try:
        raise ZeroDivisionError("a bug")
    except ZeroDivisionError as error:
        handler.on_exception(type(error), error, error.__traceback__)
    assert "ZeroDivisionError: a bug" in Path(told[0]).read_text(encoding="utf-8")


def test_the_crash_message_names_the_log_and_no_traceback(qapp):
    from forensiclog.ui.refusal_text import unexpected_error_text

    text = unexpected_error_text(Path("/var/log/forensiclog.log"))
    assert "/var/log/forensiclog.log" in text
    assert "Traceback" not in text
