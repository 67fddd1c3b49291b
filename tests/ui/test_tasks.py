"""The task runner: results, refusals, bugs, progress, cancellation and write ordering."""

from __future__ import annotations

import threading

import pytest

from forensiclog.domain.errors import NotFound
from forensiclog.ui.tasks import JobState, TaskFailure, TaskRunner


@pytest.fixture
def runner(qtbot):
    made = TaskRunner()
    yield made
    made.cancel_all()
    assert made.wait(5000)


def test_a_result_arrives_on_the_gui_thread(qtbot, runner):
    seen: list[tuple[object, str]] = []

    def job(state: JobState) -> int:
        return 6 * 7

    task = runner.read(job)
    task.signals.finished.connect(lambda r: seen.append((r, threading.current_thread().name)))
    with qtbot.waitSignal(task.signals.finished, timeout=5000):
        pass
    assert seen == [(42, threading.main_thread().name)]


def test_a_refusal_becomes_a_translated_failure(qtbot, runner):
    def job(state: JobState) -> None:
        raise NotFound("case", "UA-0001")

    task = runner.read(job)
    with qtbot.waitSignal(task.signals.failed, timeout=5000) as blocker:
        pass
    failure = blocker.args[0]
    assert isinstance(failure, TaskFailure)
    assert failure.refusal is not None
    assert "UA-0001" in failure.message
    assert failure.log_file is None


def test_a_bug_is_logged_and_the_message_names_the_log(qtbot, runner, tmp_path, monkeypatch):
    monkeypatch.setattr("forensiclog.paths.log_dir", lambda: tmp_path)
    monkeypatch.setattr("forensiclog.crash_log.log_dir", lambda: tmp_path)

    def job(state: JobState) -> None:
        raise ZeroDivisionError("boom")

    task = runner.write(job, name="divide")
    with qtbot.waitSignal(task.signals.failed, timeout=5000) as blocker:
        pass
    failure = blocker.args[0]
    assert failure.refusal is None
    assert str(failure.log_file) in failure.message
    assert "ZeroDivisionError" in failure.log_file.read_text(encoding="utf-8")


def test_an_unhandled_failure_reaches_the_window(qtbot, runner):
    def job(state: JobState) -> None:
        raise NotFound("exchange", "EX-9")

    with qtbot.waitSignal(runner.failure_reported, timeout=5000) as blocker:
        runner.read(job)
    assert "EX-9" in blocker.args[0].message


def test_progress_is_reported_and_cancel_stops_the_job(qtbot, runner):
    release = threading.Event()
    steps: list[int] = []

    def job(state: JobState) -> str:
        for done in range(1000):
            state.progress(done, 1000, "step")
            if done == 3:
                release.wait(5)
            state.check()
        return "ran to the end"

    task = runner.read(job)
    task.signals.progress.connect(lambda done, total, text: steps.append(done))
    task.signals.finished.connect(lambda r: pytest.fail("a cancelled task delivered a result"))
    with qtbot.waitSignal(task.signals.progress, timeout=5000):
        pass
    with qtbot.waitSignal(task.signals.cancelled, timeout=5000):
        task.cancel()
        release.set()
    assert steps and max(steps) <= 4


def test_a_newer_search_drops_the_stale_one(qtbot, runner):
    gate = threading.Event()
    results: list[str] = []

    def slow(state: JobState) -> str:
        gate.wait(5)
        return "stale"

    first = runner.read(slow, latest="search", on_finished=results.append)
    second = runner.read(lambda state: "fresh", latest="search", on_finished=results.append)
    with qtbot.waitSignals([first.signals.cancelled, second.signals.finished], timeout=5000):
        gate.set()
    assert results == ["fresh"]


def test_writes_run_one_at_a_time_in_order(qtbot, runner):
    order: list[int] = []
    inside = threading.Semaphore(1)

    def write(number: int):
        def job(state: JobState) -> int:
            assert inside.acquire(blocking=False), "two writes overlapped"
            order.append(number)
            inside.release()
            return number

        return job

    tasks = [runner.write(write(n)) for n in range(20)]
    with qtbot.waitSignals([t.signals.finished for t in tasks], timeout=10000):
        pass
    assert order == list(range(20))
    assert not runner.busy
