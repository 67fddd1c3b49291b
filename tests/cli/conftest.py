"""Running the real ``forensiclog`` command as a user would: a subprocess, its exit status, its output."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest


@dataclass
class Result:
    code: int
    stdout: str
    stderr: str

    @property
    def json(self) -> Any:
        return json.loads(self.stdout)


def forensiclog(
    workspace: Path | None,
    *args: str,
    user: str | None = None,
    password: str | None = None,
    stdin: str = "",
    env: dict[str, str] | None = None,
) -> Result:
    environment = {k: v for k, v in os.environ.items() if not k.startswith("FORENSICLOG_")}
    environment.update(env or {})
    if user:
        environment["FORENSICLOG_USER"] = user
    if password is not None:
        environment["FORENSICLOG_PASSWORD"] = password
    command = [sys.executable, "-m", "forensiclog"]
    if workspace is not None:
        command += ["--workspace", str(workspace)]
    done = subprocess.run(
        [*command, *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=environment,
        timeout=120,
        check=False,
    )
    assert "Traceback" not in done.stderr, done.stderr
    assert "Traceback" not in done.stdout
    if done.returncode == 1:
        assert done.stderr.startswith("error:"), done.stderr
    return Result(done.returncode, done.stdout, done.stderr)


Run = Callable[..., Result]


@pytest.fixture
def cli(workspace_path: Path) -> Run:
    """The command on a prepared workspace (users of every role), acting as ``user``."""

    def run(*args: str, user: str = "olena", **kw: Any) -> Result:
        from tests.conftest import PASSWORDS

        return forensiclog(
            workspace_path, *args, user=user, password=kw.pop("password", PASSWORDS.get(user)), **kw
        )

    return run
