"""What every part of one case editor shares: the services, the task runner, the case as last
read, the undo stack, and the way a change is written and the case read back."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QWidget

from forensiclog.domain.records import CaseRecord
from forensiclog.domain.roles import Action
from forensiclog.services.build import Services
from forensiclog.ui.case_editor.reason_dialog import ask_for_reason
from forensiclog.ui.tasks import JobState, Task, TaskFailure, TaskRunner

# (title, question, parent) -> the reason typed, or None when the user cancelled.
ReasonAsker = Callable[[str, str, QWidget | None], str | None]
Job = Callable[[Services], Any]


class EditorContext(QObject):
    """One open case: reads and writes go through the runner; results come back as signals."""

    case_loaded = Signal(object)  # CaseRecord
    failure_shown = Signal(str)  # a translated message for the user
    info_shown = Signal(str)  # a translated note of what was done
    busy_changed = Signal(bool)
    written = Signal(str)  # the name of the write that succeeded

    def __init__(
        self, services: Services, case_number: str, runner: TaskRunner, parent: QObject | None
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.case_number = case_number
        self.runner = runner
        self.record: CaseRecord | None = None
        self.undo_stack = QUndoStack(self)
        self.ask_reason: ReasonAsker = ask_for_reason
        self._writes = 0

    # -- what the user may do ----------------------------------------------------------------

    def may(self, action: Action) -> bool:
        return self.services.ctx.may(action)

    @property
    def locked(self) -> bool:
        return self.record is not None and self.record.locked

    def may_edit(self, action: Action = Action.EDIT_CASE) -> bool:
        """Whether edits are offered: a locked case only to whoever may correct records."""
        if not self.may(action):
            return False
        return not self.locked or self.may(Action.CORRECT)

    @property
    def busy(self) -> bool:
        return self._writes > 0

    def correction_reason(self, parent: QWidget | None) -> tuple[bool, str | None]:
        """For an edit of a locked case: (go ahead?, the correction's reason)."""
        if not self.locked:
            return True, None
        reason = self.ask_reason(
            self.tr("Correction of a locked case"),
            self.tr(
                "This case is locked by a confirmed decision. Say why this correction is needed:"
            ),
            parent,
        )
        return reason is not None, reason

    # -- reading and writing -----------------------------------------------------------------

    def reload(self) -> Task:
        number = self.case_number
        return self.runner.read(
            lambda state: self.services.cases.show(number),
            name="case editor: read case",
            on_finished=self._on_case_read,
            on_failed=self._on_failed,
            latest=f"case editor {number}",
        )

    def read(self, job: Job, on_finished: Callable[[Any], None], name: str) -> Task:
        return self.runner.read(
            lambda state: job(self.services),
            name=name,
            on_finished=on_finished,
            on_failed=self._on_failed,
        )

    def write(
        self,
        job: Job,
        *,
        name: str,
        on_finished: Callable[[Any], None] | None = None,
        on_failed: Callable[[TaskFailure], None] | None = None,
    ) -> Task:
        """Run one change off the GUI thread, then read the case back so every tab shows it."""
        self._set_writes(self._writes + 1)

        def finished(result: Any) -> None:
            self._set_writes(self._writes - 1)
            if on_finished is not None:
                on_finished(result)
            self.written.emit(name)
            self.reload()

        def failed(failure: TaskFailure) -> None:
            self._set_writes(self._writes - 1)
            self._on_failed(failure)
            if on_failed is not None:
                on_failed(failure)

        task = self.runner.write(
            lambda state: job(self.services), name=name, on_finished=finished, on_failed=failed
        )
        task.signals.cancelled.connect(lambda: self._set_writes(self._writes - 1))
        return task

    def run_long(self, job: Callable[[Services, JobState], Any], name: str) -> Task:
        """A long write with progress and cancel (photo import); the caller wires its signals."""
        return self.runner.write(lambda state: job(self.services, state), name=name)

    def show_failure(self, message: str) -> None:
        self.failure_shown.emit(message)

    def show_info(self, message: str) -> None:
        self.info_shown.emit(message)

    def _set_writes(self, count: int) -> None:
        was_busy = self.busy
        self._writes = count
        if was_busy != self.busy:
            self.busy_changed.emit(self.busy)

    def _on_case_read(self, record: CaseRecord) -> None:
        self.record = record
        self.case_loaded.emit(record)

    def _on_failed(self, failure: TaskFailure) -> None:
        self.failure_shown.emit(failure.message)
