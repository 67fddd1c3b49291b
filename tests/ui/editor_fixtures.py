"""Opening a case editor on the sample workspace for a test, with its dialogs answered."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtWidgets import QMessageBox

from forensiclog.services.build import Services
from forensiclog.ui.case_editor.editor_window import CaseEditorWindow
from forensiclog.ui.tasks import TaskRunner
from tests.ui.conftest import signed_in
from tests.ui.sample_workspace import Sample

REASON = "stated in the test"
OpenEditor = Callable[[str, str], CaseEditorWindow]


@pytest.fixture
def open_editor(qtbot, sample: Sample, runner: TaskRunner) -> Iterator[OpenEditor]:
    """``open_editor(user, case_number)``: a shown editor whose case has been read."""
    opened: list[Services] = []

    def open_(user: str, number: str) -> CaseEditorWindow:
        services = signed_in(sample.path, user)
        opened.append(services)
        window = CaseEditorWindow(services, number, runner)
        qtbot.addWidget(window)
        window.context.ask_reason = lambda *_args: REASON
        # A modal box would hang an offscreen test; tests of the prompt answer it themselves.
        window.ask_unsaved = lambda *_args: QMessageBox.StandardButton.Discard
        window.show()
        wait_for_case(qtbot, window)
        assert not window.unsaved_tabs(), "a freshly read case shows no unsaved edits"
        return window

    yield open_
    runner.cancel_all()
    runner.wait(10_000)
    for services in opened:
        services.workspace.close()


def wait_for_case(qtbot, window: CaseEditorWindow) -> None:
    """Until the case is read and the allowed moves are shown."""
    qtbot.waitUntil(lambda: window.context.record is not None, timeout=10_000)
    qtbot.waitUntil(lambda: not window.context.runner.busy, timeout=10_000)


def after_write(qtbot, window: CaseEditorWindow, action: Callable[[], object]) -> None:
    """Run ``action`` (which writes) and wait until the case has been read back."""
    with qtbot.waitSignal(window.context.case_loaded, timeout=10_000):
        action()
    qtbot.waitUntil(lambda: not window.context.runner.busy, timeout=10_000)
