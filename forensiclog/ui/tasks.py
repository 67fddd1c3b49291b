"""The one task runner: every database, photo and PDF job runs here, off the GUI thread.

A job is a plain function ``job(state) -> result`` that calls the services and returns plain
records (never ORM objects, never a Session). ``state`` is a ``JobState``: the job calls
``state.progress(done, total, text)`` to report and ``state.check()`` (or reads
``state.cancelled``) to stop early when the user cancels; the state itself can be handed to a
service as its ``progress`` callback and ``cancel`` flag. Jobs are testable without widgets.

    task = runner.write(lambda state: services.cases.register(...), name="register")
    task.signals.finished.connect(self._on_registered)       # the job's return value
    task.signals.failed.connect(self._on_register_failed)    # a TaskFailure
    task.signals.progress.connect(self._bar.set_progress)    # (done, total, text)
    task.cancel()                                             # asks the job to stop

Writes run one at a time on a single worker (SQLite has one writer, and a user's actions keep
their order); reads run in parallel on a small pool. Every signal of a task is delivered on the
GUI thread, and a cancelled task delivers nothing but ``cancelled`` — so a stale search result
never overwrites a newer one. A ``Refusal`` becomes a ``TaskFailure`` with a translated message;
anything else is a bug: it is logged by the crash handler and the failure names the log file.
A failure nobody listens to is re-emitted as ``TaskRunner.failure_reported`` for the window to
show, so no error is ever silent.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import SIGNAL, QObject, QThreadPool, Signal

from forensiclog.domain.errors import Refusal
from forensiclog.ui.crash_handler import log_exception
from forensiclog.ui.refusal_text import describe_refusal, unexpected_error_text

log = logging.getLogger(__name__)

READ_THREADS = 2


class Cancelled(Exception):
    """Raised by ``JobState.check()`` when the user cancelled; the runner ends the task quietly."""


class JobState:
    """What a running job may ask: whether to stop, and where to report progress."""

    def __init__(self, report: Callable[[int, int, str], None] | None = None) -> None:
        self._stop = threading.Event()
        self._report = report

    @property
    def cancelled(self) -> bool:
        return self._stop.is_set()

    def cancel(self) -> None:
        self._stop.set()

    def is_set(self) -> bool:
        """Whether the user cancelled: a ``JobState`` is a cancel flag the services accept."""
        return self._stop.is_set()

    def check(self) -> None:
        """Stop the job here (raise ``Cancelled``) if the user cancelled it."""
        if self._stop.is_set():
            raise Cancelled

    def progress(self, done: int, total: int, text: str = "") -> None:
        if self._report is not None and not self._stop.is_set():
            self._report(done, total, text)


@dataclass(frozen=True)
class TaskFailure:
    """Why a task failed: a refusal (the user's doing) or a bug logged to ``log_file``."""

    task: str
    refusal: Refusal | None = None
    log_file: Path | None = None

    @property
    def message(self) -> str:
        """The translated text to show the user (built on the GUI thread, in its language)."""
        if self.refusal is not None:
            return describe_refusal(self.refusal)
        return unexpected_error_text(self.log_file)


class TaskSignals(QObject):
    """A task's signals; every public one arrives on the GUI thread."""

    finished = Signal(object)  # the job's result
    failed = Signal(object)  # a TaskFailure
    progress = Signal(int, int, str)  # done, total, text
    cancelled = Signal()

    # Emitted by the worker thread; the runner turns them into the public signals above.
    _returned = Signal(object)
    _refused = Signal(object)
    _crashed = Signal(object)
    _stopped = Signal()
    _reported = Signal(int, int, str)


class Task:
    """One job on its way through a pool; the handle the caller keeps to cancel or listen.

    Not a QRunnable: the pool runs ``Task.run`` through a runnable Qt owns and deletes itself,
    so dropping the handle once its result is delivered can never free an object a worker
    thread is still returning through.
    """

    def __init__(self, job: Callable[[JobState], Any], name: str, signals: TaskSignals) -> None:
        self.name = name
        self.signals = signals
        self.state = JobState(signals._reported.emit)
        self._job = job

    def cancel(self) -> None:
        """Ask the job to stop; nothing but ``cancelled`` is delivered from now on."""
        self.state.cancel()

    @property
    def is_cancelled(self) -> bool:
        return self.state.cancelled

    def run(self) -> None:
        if self.state.cancelled:
            self.signals._stopped.emit()
            return
        try:
            result = self._job(self.state)
        except Cancelled:
            self.signals._stopped.emit()
        except Refusal as refusal:
            self.signals._refused.emit(refusal)
        except Exception:  # noqa: BLE001 - a bug in a job must reach the crash log, not kill the worker
            self.signals._crashed.emit(log_exception(f"task {self.name}"))
        else:
            self.signals._returned.emit(result)


class TaskRunner(QObject):
    """Runs jobs off the GUI thread: writes one at a time, reads in parallel."""

    failure_reported = Signal(object)  # a TaskFailure no caller handled
    busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None, read_threads: int = READ_THREADS) -> None:
        super().__init__(parent)
        self._reads = QThreadPool(self)
        self._reads.setMaxThreadCount(read_threads)
        self._writes = QThreadPool(self)
        self._writes.setMaxThreadCount(1)
        self._live: dict[int, Task] = {}
        self._latest: dict[str, Task] = {}

    def read(
        self,
        job: Callable[[JobState], Any],
        *,
        name: str = "read",
        on_finished: Callable[[Any], None] | None = None,
        on_failed: Callable[[TaskFailure], None] | None = None,
        latest: str | None = None,
    ) -> Task:
        """Run a job that only reads. With ``latest``, a newer task of that key cancels this one."""
        task = self._prepare(job, name, on_finished, on_failed)
        if latest is not None:
            self._supersede(latest, task)
        self._reads.start(task.run)
        return task

    def write(
        self,
        job: Callable[[JobState], Any],
        *,
        name: str = "write",
        on_finished: Callable[[Any], None] | None = None,
        on_failed: Callable[[TaskFailure], None] | None = None,
    ) -> Task:
        """Run a job that changes the workspace, after every write queued before it."""
        task = self._prepare(job, name, on_finished, on_failed)
        self._writes.start(task.run)
        return task

    @property
    def busy(self) -> bool:
        return bool(self._live)

    def cancel_all(self) -> None:
        for task in list(self._live.values()):
            task.cancel()

    def wait(self, msecs: int = -1) -> bool:
        """Block until every queued job has run (on quit: writes must land); True if all did."""
        reads_done = self._reads.waitForDone(msecs)
        return self._writes.waitForDone(msecs) and reads_done

    def _prepare(
        self,
        job: Callable[[JobState], Any],
        name: str,
        on_finished: Callable[[Any], None] | None,
        on_failed: Callable[[TaskFailure], None] | None,
    ) -> Task:
        # Parented to the runner so the signals object is deleted on the GUI thread, never by
        # the worker dropping the last reference.
        signals = TaskSignals(self)
        task = Task(job, name, signals)
        self._wire(task, on_finished, on_failed)
        was_busy = self.busy
        self._live[id(task)] = task
        if not was_busy:
            self.busy_changed.emit(True)
        return task

    def _wire(
        self,
        task: Task,
        on_finished: Callable[[Any], None] | None,
        on_failed: Callable[[TaskFailure], None] | None,
    ) -> None:
        signals = task.signals
        if on_finished is not None:
            signals.finished.connect(on_finished)
        if on_failed is not None:
            signals.failed.connect(on_failed)
        signals._returned.connect(lambda result: self._deliver_result(task, result))
        signals._refused.connect(
            lambda refusal: self._deliver_failure(task, TaskFailure(task.name, refusal=refusal))
        )
        signals._crashed.connect(
            lambda path: self._deliver_failure(task, TaskFailure(task.name, log_file=path))
        )
        signals._stopped.connect(lambda: self._deliver_cancelled(task))
        signals._reported.connect(
            lambda done, total, text: self._relay_progress(task, done, total, text)
        )

    def _supersede(self, key: str, task: Task) -> None:
        previous = self._latest.get(key)
        if previous is not None:
            previous.cancel()
        self._latest[key] = task

    def _relay_progress(self, task: Task, done: int, total: int, text: str) -> None:
        if not task.is_cancelled:
            task.signals.progress.emit(done, total, text)

    def _deliver_result(self, task: Task, result: Any) -> None:
        if task.is_cancelled:
            self._deliver_cancelled(task)
            return
        self._retire(task)
        task.signals.finished.emit(result)
        task.signals.deleteLater()

    def _deliver_failure(self, task: Task, failure: TaskFailure) -> None:
        if task.is_cancelled:
            self._deliver_cancelled(task)
            return
        self._retire(task)
        if failure.refusal is None:
            log.error("task %s failed; details in %s", task.name, failure.log_file)
        if task.signals.receivers(SIGNAL("failed(PyObject)")) > 0:
            task.signals.failed.emit(failure)
        else:
            self.failure_reported.emit(failure)
        task.signals.deleteLater()

    def _deliver_cancelled(self, task: Task) -> None:
        self._retire(task)
        task.signals.cancelled.emit()
        task.signals.deleteLater()

    def _retire(self, task: Task) -> None:
        self._live.pop(id(task), None)
        for key, latest in list(self._latest.items()):
            if latest is task:
                del self._latest[key]
        if not self._live:
            self.busy_changed.emit(False)
