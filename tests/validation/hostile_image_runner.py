"""Imports photos one at a time, each in a forked child under a memory cap and a time cap.

    python -m tests.validation.hostile_image_runner JOBS RESULTS WORKSPACE CAP_BYTES SECONDS

JOBS holds one JSON object per line (``path``, ``case``); RESULTS receives one per line: what
``photo add`` did (``imported``, ``refused`` with the refusal's field, place and message, or
``error`` with the exception), or ``hang`` / ``crash`` when the child had to be killed or died,
with the child's peak resident memory. The runner imports ForensicLog and Pillow once; a fork
costs milliseconds where an interpreter costs most of a second.
"""

from __future__ import annotations

import json
import os
import resource
import select
import signal
import sys
import time
import traceback
from pathlib import Path
from typing import Any

from PIL import Image

from forensiclog.domain.errors import InvalidInput, Refusal
from forensiclog.domain.roles import Role
from forensiclog.services import photos  # noqa: F401 — loaded before forking, not per child
from forensiclog.services.build import build
from forensiclog.services.context import Actor
from forensiclog.services.workspace import open_workspace


def _photo_add(workspace: Path, case: str, path: Path) -> dict[str, Any]:
    opened = open_workspace(workspace)
    try:
        services = build(opened, Actor("petro", Role.EXAMINER))
        added = services.photos.add(case, [path], kind="overview")
        return {
            "status": "imported",
            "photos": [p.sha256 for p in added.photos],
            "duplicates": list(added.duplicates),
        }
    except Refusal as error:
        return {
            "status": "refused",
            "refusal": type(error).__name__,
            "field": error.field if isinstance(error, InvalidInput) else None,
            "where": error.where if isinstance(error, InvalidInput) else None,
            "message": str(error),
        }
    finally:
        opened.close()


def _child(job: dict[str, Any], workspace: Path, cap: int, out: int) -> None:
    try:
        resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
        result = _photo_add(workspace, job["case"], Path(job["path"]))
    except BaseException as error:  # noqa: BLE001 — a child reports everything, then exits
        result = {
            "status": "error",
            "error": f"{type(error).__name__}: {error}"[:500],
            "trace": traceback.format_exc()[-3000:],
        }
    data = json.dumps(result).encode()
    while data:
        data = data[os.write(out, data) :]


def attempt(job: dict[str, Any], workspace: Path, cap: int, seconds: float) -> dict[str, Any]:
    reader, writer = os.pipe()
    started = time.monotonic()
    pid = os.fork()
    if pid == 0:
        os.close(reader)
        code = 0
        try:
            _child(job, workspace, cap, writer)
        except BaseException:  # noqa: BLE001 — even a failed report must not return into the loop
            code = 70
        os._exit(code)
    os.close(writer)
    chunks, hung = _collect(reader, started + seconds)
    if hung:
        os.kill(pid, signal.SIGKILL)
    _, status, usage = os.wait4(pid, 0)
    os.close(reader)
    result = _verdict(chunks, hung, status)
    result |= {"path": job["path"], "case": job["case"], "max_rss_kb": usage.ru_maxrss}
    result["seconds"] = round(time.monotonic() - started, 3)
    return result


def _collect(reader: int, deadline: float) -> tuple[list[bytes], bool]:
    chunks: list[bytes] = []
    while True:
        left = deadline - time.monotonic()
        ready = select.select([reader], [], [], max(left, 0))[0] if left > 0 else []
        if not ready:
            return chunks, True
        data = os.read(reader, 1 << 16)
        if not data:
            return chunks, False
        chunks.append(data)


def _verdict(chunks: list[bytes], hung: bool, status: int) -> dict[str, Any]:
    if hung:
        return {"status": "hang"}
    if os.WIFSIGNALED(status):
        return {"status": "crash", "error": f"killed by signal {os.WTERMSIG(status)}"}
    if not chunks:
        return {"status": "crash", "error": f"exited {os.WEXITSTATUS(status)} without a result"}
    result: dict[str, Any] = json.loads(b"".join(chunks))
    return result


def _break_pixel_cap() -> None:
    """The negative control's broken build: no pixel cap of ours, none of Pillow's."""
    from forensiclog.services import images

    images.MAX_PIXELS = 2**62
    Image.MAX_IMAGE_PIXELS = None


def main(argv: list[str]) -> int:
    jobs, results, workspace, cap, seconds, *broken = argv
    Image.init()  # every Pillow plugin loaded once, before the children fork
    if "break-pixel-cap" in broken:
        _break_pixel_cap()
    with Path(jobs).open(encoding="utf-8") as source, Path(results).open("w") as sink:
        for line in source:
            outcome = attempt(json.loads(line), Path(workspace), int(cap), float(seconds))
            sink.write(json.dumps(outcome) + "\n")
            sink.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
