"""Defects the validation figures found, each reproduced on its own so it stays fixed."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from forensiclog.db import engine as engine_module
from forensiclog.domain.errors import EnvironmentProblem
from forensiclog.services.workspace import open_workspace
from forensiclog.services.workspace_setup import init_workspace

ROOT = Path(__file__).resolve().parents[2]


def _failing_disk(connection: sqlite3.Connection) -> None:
    raise sqlite3.OperationalError("disk I/O error")


def test_a_workspace_on_a_failing_disk_is_refused_with_a_message(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Found by the fault figure: the first write of any command (SQLite's shared-memory file)
    # failing reached the crash handler as "internal error" instead of a refusal.
    path = tmp_path / "workspace"
    init_workspace(path, site="KYV", team="T1", admin="admin", password="admin-password")
    monkeypatch.setattr(engine_module, "_writable_pragmas", _failing_disk)
    with pytest.raises(EnvironmentProblem, match="the disk reported an I/O error"):
        open_workspace(path)


CRASH_ON_A_FULL_DISK = """
import resource, signal
from forensiclog.crash_log import record_crash
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
resource.setrlimit(resource.RLIMIT_FSIZE, (0, resource.RLIM_INFINITY))
try:
    raise RuntimeError("a defect")
except RuntimeError:
    record_crash("test")
"""


@pytest.mark.parametrize("log_folder", ["writable", "a file in the way"])
def test_a_crash_log_that_cannot_be_written_puts_no_traceback_on_screen(
    tmp_path: Path, log_folder: str
) -> None:
    # Found by the fault figure: on a full disk the crash log could not be written, and
    # logging reported that with the whole traceback on stderr.
    state = tmp_path / "state"
    if log_folder == "a file in the way":
        state.write_text("not a folder")
    env = {**os.environ, "XDG_STATE_HOME": str(state), "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-c", CRASH_ON_A_FULL_DISK],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    assert done.stderr == ""
