"""A fork server: one interpreter that has imported ForensicLog forks a child per trial, so a
trial costs its work, not an interpreter's start.

The figures talk to it through ``Forker``: ``start`` a call in a new child (with extra
environment), ``wait`` for it with a timeout, ``kill`` it with SIGKILL. The server reaps a child only when asked, so a pid it reports is never reused while
the figure may still send it a signal.
"""

from __future__ import annotations

import importlib
import os
import pickle
import select
import signal
import struct
import subprocess
import sys
import traceback
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

ROOT = Path(__file__).resolve().parents[2]
_HEADER = struct.Struct("!I")


@dataclass(frozen=True)
class Call:
    """What a child runs: ``module:function`` with arguments, its log, its extra environment."""

    function: str
    args: tuple[Any, ...] = ()
    log: str = os.devnull
    env: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Ended:
    """How a child ended: its exit code, or the signal that killed it."""

    code: int | None
    signal: int | None

    @property
    def killed(self) -> bool:
        return self.signal == signal.SIGKILL


def _send(stream: IO[bytes], value: object) -> None:
    data = pickle.dumps(value)
    stream.write(_HEADER.pack(len(data)) + data)
    stream.flush()


def _receive(stream: IO[bytes]) -> Any:
    header = stream.read(_HEADER.size)
    if len(header) < _HEADER.size:
        raise EOFError("the fork server went away")
    (size,) = _HEADER.unpack(header)
    return pickle.loads(stream.read(size))


class Forker:
    """The figure's side: starts the server, then one child at a time."""

    def __init__(self, preload: list[str], env: dict[str, str] | None = None) -> None:
        environment = {**os.environ, **(env or {})}
        environment["PYTHONPATH"] = os.pathsep.join(
            p for p in (str(ROOT), environment.get("PYTHONPATH", "")) if p
        )
        self._server = subprocess.Popen(
            [sys.executable, "-m", "tests.validation.forker", *preload],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            cwd=ROOT,
            env=environment,
        )
        assert self._server.stdin is not None and self._server.stdout is not None
        self._to, self._from = self._server.stdin, self._server.stdout
        self.pid: int | None = None

    def start(self, call: Call) -> int:
        _send(self._to, call)
        self.pid = int(_receive(self._from))
        return self.pid

    def wait(self, timeout: float | None = None) -> Ended | None:
        """The child's end, or None if it is still running after ``timeout`` seconds."""
        if timeout is not None:
            ready, _, _ = select.select([self._from], [], [], max(timeout, 0.0))
            if not ready:
                return None
        ended: Ended = _receive(self._from)
        _send(self._to, "reap")
        self.pid = None
        return ended

    def kill(self) -> Ended:
        assert self.pid is not None
        os.kill(self.pid, signal.SIGKILL)
        ended = self.wait()
        assert ended is not None
        return ended

    def run(self, call: Call, timeout: float | None = None) -> Ended:
        """A child run to its end, or killed after ``timeout`` seconds."""
        self.start(call)
        return self.wait(timeout) or self.kill()

    def close(self) -> None:
        self._to.close()
        self._server.wait(timeout=30)
        self._from.close()


# -- the server ---------------------------------------------------------------------------


def _child(call: Call) -> None:
    """In the forked child: never returns."""
    code = 1
    try:
        log = os.open(call.log, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        os.dup2(os.open(os.devnull, os.O_RDONLY), 0)
        os.dup2(log, 1)
        os.dup2(log, 2)
        os.environ.update(call.env)
        module, _, name = call.function.partition(":")
        result = getattr(importlib.import_module(module), name)(*call.args)
        code = int(result or 0)
    except BaseException:  # noqa: BLE001 — the child's last word goes to its log
        traceback.print_exc()
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)


def _ended(pid: int) -> Ended:
    # Learn how the child ended without reaping it: its pid stays ours until "reap".
    info = os.waitid(os.P_PID, pid, os.WEXITED | os.WNOWAIT)
    assert info is not None
    if info.si_code == os.CLD_EXITED:
        return Ended(info.si_status, None)
    return Ended(None, info.si_status)


def serve(preload: list[str]) -> None:
    for module in preload:
        loaded = importlib.import_module(module)
        if hasattr(loaded, "warm"):
            loaded.warm()
    requests, replies = sys.stdin.buffer, sys.stdout.buffer
    while True:
        try:
            call = _receive(requests)
        except EOFError:
            return
        pid = os.fork()
        if pid == 0:
            _child(call)
        _send(replies, pid)
        _send(replies, _ended(pid))
        if _receive(requests) == "reap":
            os.waitpid(pid, 0)


if __name__ == "__main__":
    # Through the module's own name, so what it sends back unpickles in the figure.
    from tests.validation import forker

    forker.serve(sys.argv[1:])
