"""One command as a user types it, run in a child whose disk fails on purpose: under a file-size
limit, or with the fault shim failing one chosen disk call (see fault_shim.c).

What it printed is caught through pipes (a file-size limit would refuse a file), and written
with its exit status and the number of disk calls it made once the limit is lifted, to files
outside the failing folder.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import resource
import signal
import sys
import tempfile
import threading
from pathlib import Path

from forensiclog.main import main
from tests.conftest import PASSWORDS

# Imported by the fork server before it forks, so no child pays for them.
PRELOAD = (
    "tests.validation.fault_child",
    "forensiclog.cli.case_commands",
    "forensiclog.cli.evidence_commands",
    "forensiclog.cli.exchange_commands",
    "forensiclog.cli.casefile_commands",
    "forensiclog.cli.workspace_commands",
    "forensiclog.services.cases",
    "forensiclog.services.documents",
    "forensiclog.services.photos",
    "forensiclog.services.manifest",
    "forensiclog.services.casefiles",
    "forensiclog.services.merge",
    "forensiclog.services.backup",
    "forensiclog.services.opening",
)


def warm() -> None:
    """Done once in the fork server: what every child would otherwise do first."""
    from sqlalchemy.orm import configure_mappers

    configure_mappers()


class Captured:
    """Standard output and error sent into pipes and read on threads while the command runs."""

    def __init__(self) -> None:
        self.texts: list[list[bytes]] = [[], []]
        self._saved = (os.dup(1), os.dup(2))
        self._readers = []
        for stream, chunks in zip((1, 2), self.texts, strict=True):
            read, write = os.pipe()
            os.dup2(write, stream)
            os.close(write)
            reader = threading.Thread(target=self._drain, args=(read, chunks), daemon=True)
            reader.start()
            self._readers.append(reader)

    @staticmethod
    def _drain(descriptor: int, chunks: list[bytes]) -> None:
        while chunk := os.read(descriptor, 65536):
            chunks.append(chunk)
        os.close(descriptor)

    def finish(self) -> tuple[str, str]:
        sys.stdout.flush()
        sys.stderr.flush()
        for stream, saved in zip((1, 2), self._saved, strict=True):
            os.dup2(saved, stream)
        for reader in self._readers:
            reader.join()
        out, err = (b"".join(c).decode(errors="replace") for c in self.texts)
        return out, err


def disk_calls() -> int:
    """What the fault shim counted, or -1 when it is not loaded."""
    with contextlib.suppress(AttributeError):
        counter = ctypes.CDLL(None).fault_calls
        counter.restype = ctypes.c_long
        return int(counter())
    return -1


def _limit_file_size(limit: int | None) -> None:
    if limit is None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (resource.RLIM_INFINITY,) * 2)
        return
    # Ignored, SIGXFSZ turns a write past the limit into an EFBIG error instead of a kill.
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, resource.RLIM_INFINITY))


def _stdin(text: str) -> None:
    read, write = os.pipe()
    os.write(write, text.encode())
    os.close(write)
    os.dup2(read, 0)
    os.close(read)


def command(
    args: list[str],
    workspace: Path,
    user: str | None,
    report: Path,
    limit: int | None = None,
    stdin: str = "",
) -> int:
    """Run ``forensiclog --workspace W --json ARGS`` as ``user`` (nobody if None), under a
    file-size limit of ``limit`` bytes if given, ``stdin`` as its input; what it said goes to
    ``report.out`` and ``report.err``."""
    for name in ("FORENSICLOG_USER", "FORENSICLOG_PASSWORD"):
        os.environ.pop(name, None)
    if user is not None:
        os.environ["FORENSICLOG_USER"] = user
        os.environ["FORENSICLOG_PASSWORD"] = PASSWORDS[user]
    if stdin:
        _stdin(stdin)
    tempfile.tempdir = None  # the fork server may have cached another temporary folder
    captured = Captured()
    _limit_file_size(limit)
    try:
        code = main(["--workspace", str(workspace), "--json", *args])
    finally:
        _limit_file_size(None)
        out, err = captured.finish()
        report.with_suffix(".out").write_text(out)
        report.with_suffix(".err").write_text(err)
    report.with_suffix(".calls").write_text(str(disk_calls()))
    report.with_suffix(".code").write_text(str(code))
    return code
