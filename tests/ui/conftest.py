"""GUI test fixtures: offscreen Qt, an isolated settings store and log folder, a sample
workspace copied per test, and any unexpected Qt warning failing the test."""

from __future__ import annotations

import contextlib
import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QLocale, QSettings

from forensiclog.services.build import Services, sign_in
from forensiclog.services.workspace import open_workspace
from forensiclog.ui.app_context import AppContext
from forensiclog.ui.app_settings import AppSettings
from forensiclog.ui.tasks import TaskFailure, TaskRunner
from forensiclog.ui.translators import LanguageSwitch
from tests.ui.sample_workspace import PASSWORD, Sample, build_sample

# Warnings the offscreen platform prints on its own, whatever the code under test does.
KNOWN_QT_NOISE = (
    r"This plugin does not support propagateSizeHints\(\)",
    r"This plugin does not support raise\(\)",
    r"QFont::setPointSizeF: Point size <= 0",
)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    for item in items:
        if Path(str(item.fspath)).is_relative_to(here):
            item.add_marker(pytest.mark.qt_log_level_fail("WARNING"))
            item.add_marker(pytest.mark.qt_log_ignore(*KNOWN_QT_NOISE))


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Settings and logs of a test go to its own folder, never the user's."""
    folder = tmp_path / "settings"
    for kind in (QSettings.Format.IniFormat, QSettings.Format.NativeFormat):
        QSettings.setPath(kind, QSettings.Scope.UserScope, str(folder))
    monkeypatch.setattr("forensiclog.crash_log.log_dir", lambda: tmp_path / "logs")
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    yield


@pytest.fixture(scope="session")
def sample_template(tmp_path_factory: pytest.TempPathFactory) -> Sample:
    return build_sample(tmp_path_factory.mktemp("template") / "workspace")


@pytest.fixture
def sample(sample_template: Sample, tmp_path: Path) -> Sample:
    """A fresh copy of the sample workspace for this test."""
    target = tmp_path / "workspace"
    shutil.copytree(sample_template.path, target)
    return Sample(
        target, sample_template.exchanges, sample_template.registered, sample_template.foreign_case
    )


def signed_in(path: Path, user: str) -> Services:
    return sign_in(open_workspace(path), user, PASSWORD)


@pytest.fixture
def runner(qtbot) -> Iterator[TaskRunner]:
    made = TaskRunner()
    yield made
    made.cancel_all()
    assert made.wait(10_000)


@dataclass
class Boxes:
    """What the windows would have shown in modal boxes; tests never block on one."""

    failures: list[str] = field(default_factory=list)
    questions: list[str] = field(default_factory=list)
    answer: bool = True


@pytest.fixture(autouse=True)
def boxes(monkeypatch: pytest.MonkeyPatch) -> Boxes:
    seen = Boxes()

    def show_failure(parent: object, failure: TaskFailure) -> None:
        seen.failures.append(failure.message)

    def ask_yes_no(parent: object, title: str, question: str) -> bool:
        seen.questions.append(question)
        return seen.answer

    monkeypatch.setattr("forensiclog.ui.notices.show_failure", show_failure)
    monkeypatch.setattr("forensiclog.ui.notices.ask_yes_no", ask_yes_no)
    return seen


def make_context(services: Services, runner: TaskRunner) -> AppContext:
    return AppContext(services, runner, AppSettings(), LanguageSwitch())


@contextlib.contextmanager
def context_of(sample: Sample, runner: TaskRunner, user: str) -> Iterator[AppContext]:
    """``user`` signed in on the sample; afterwards their tasks are stopped and it is closed."""
    context = make_context(signed_in(sample.path, user), runner)
    try:
        yield context
    finally:
        runner.cancel_all()
        runner.wait(10_000)
        context.services.workspace.close()


@pytest.fixture
def examiner(sample: Sample, runner: TaskRunner) -> Iterator[AppContext]:
    with context_of(sample, runner, "taras") as context:
        yield context


def type_text(widget, text: str) -> None:
    """Type ``text`` key by key, any script (QTest's key clicks know only ASCII)."""
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char)
            QApplication.sendEvent(widget, event)
