"""Running one command: signing in, calling its handler, printing its result or its refusal."""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import getpass
import importlib
import json
import logging
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from forensiclog.domain.errors import InvalidFile, InvalidInput, Refusal
from forensiclog.paths import default_workspace
from forensiclog.services.build import Services, build, sign_in
from forensiclog.services.workspace import OpenWorkspace

USER_ENV = "FORENSICLOG_USER"
PASSWORD_ENV = "FORENSICLOG_PASSWORD"  # noqa: S105 — the variable's name, not a password
log = logging.getLogger("forensiclog.cli")


@dataclass
class Output:
    """A command's result: the JSON document, and the short text shown without --json."""

    data: Any
    text: str = ""
    extra: dict[str, Any] = field(default_factory=dict)


class Invocation:
    """One command as typed: its options, its workspace, and who is acting."""

    def __init__(self, options: argparse.Namespace) -> None:
        self.options = options
        self._workspace: OpenWorkspace | None = None

    @property
    def workspace_path(self) -> Path:
        named = self.options.workspace
        return Path(named).expanduser() if named else default_workspace()

    def open(self) -> OpenWorkspace:
        if self._workspace is None:
            from forensiclog.services.opening import open_any

            self._workspace = open_any(self.workspace_path)
        return self._workspace

    @cached_property
    def services(self) -> Services:
        workspace = self.open()
        if workspace.read_only:
            # A sealed case file has no users to sign in as; it is read by anyone, written by no one.
            return build(workspace, None)
        user = self.options.user or os.environ.get(USER_ENV)
        if not user:
            raise InvalidInput("user", f"name who is acting: --user NAME or {USER_ENV}")
        return sign_in(workspace, user, self.password(f"password for {user}: "))

    def password(self, prompt: str) -> str:
        given = os.environ.get(PASSWORD_ENV)
        if given is not None:
            return given
        if sys.stdin.isatty():
            return getpass.getpass(prompt)
        raise InvalidInput("password", f"no password: set {PASSWORD_ENV} or run in a terminal")

    def stdin_secret(self, prompt: str, *, confirm: bool = False) -> str:
        """A new password: the first line of stdin, or typed (twice) on a terminal."""
        if not sys.stdin.isatty():
            line = sys.stdin.readline()
            if not line:
                raise InvalidInput(
                    "password", "expected the new password on the first line of stdin"
                )
            return line.rstrip("\r\n")
        first = getpass.getpass(prompt)
        if confirm and getpass.getpass("again: ") != first:
            raise InvalidInput("password", "the two entries differ")
        return first

    def close(self) -> None:
        if self._workspace is not None:
            self._workspace.close()


def _plain(value: Any) -> Any:
    if isinstance(value, (dt.datetime, dt.date)):
        return value.isoformat()
    if isinstance(value, Path):
        return str(value)
    raise TypeError(f"{type(value).__name__} is not JSON")


def _handler(dotted: str) -> Callable[[Invocation], Output]:
    module, _, name = dotted.partition(":")
    return getattr(importlib.import_module(module), name)  # type: ignore[no-any-return]


def _refusal_lines(error: Refusal) -> list[str]:
    if isinstance(error, InvalidFile) and error.problems:
        head = f"error: {error.file}: {len(error.problems)} bad row(s); nothing was imported"
        return [head] + [f"error: {error.file}: {p}" for p in error.problems]
    return [f"error: {error}"]


def execute(options: argparse.Namespace) -> int:
    invocation = Invocation(options)
    try:
        handler = _handler(options.handler)
        # Everything imported so far lives as long as the process: kept out of collections.
        gc.freeze()
        gc.enable()
        output = handler(invocation)
    except Refusal as error:
        print("\n".join(_refusal_lines(error)), file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("error: interrupted; nothing was changed", file=sys.stderr)
        return 130
    except Exception:  # noqa: BLE001 — the one crash handler of the command line: log it, no traceback
        from forensiclog.crash_log import record_crash

        where = record_crash("command line")
        print(
            f"error: internal error (a defect in ForensicLog); details were written to {where}",
            file=sys.stderr,
        )
        return 1
    finally:
        invocation.close()
    return _write(output, as_json=options.json)


# A reader that stops early (``| head``) closes the pipe: the command itself is done, and the
# shell's own convention for a writer cut off by its reader is 128 + SIGPIPE.
EXIT_PIPE_CLOSED = 141


def _write(output: Output, *, as_json: bool) -> int:
    try:
        if as_json:
            json.dump(output.data, sys.stdout, ensure_ascii=False, default=_plain, indent=None)
            sys.stdout.write("\n")
        elif output.text:
            print(output.text)
        sys.stdout.flush()
    except BrokenPipeError:
        # Python would meet the closed pipe again when it flushes stdout at exit.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
        return EXIT_PIPE_CLOSED
    return 0
