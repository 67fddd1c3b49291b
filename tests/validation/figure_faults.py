"""Disk full and I/O errors: each operation run as a command, with the disk failing at one
point after another, and what the user saw and what was left judged.

Two ways to make the disk fail. A file-size limit (``RLIMIT_FSIZE``, SIGXFSZ ignored) makes
every write past n bytes of any file fail with EFBIG, for n swept from 0 to past the largest
file the operation writes. The fault shim (fault_shim.c, compiled here and preloaded) counts
every call that writes under the trial's folder — SQLite's, Python's and the libraries' alike —
and fails the k-th: with ENOSPC for it and every later one (disk full), for every k up to the
calls an uncut run makes (evenly chosen past a cap), or with EIO for it alone.
"""

from __future__ import annotations

import concurrent.futures as cf
import pickle
import queue
import shutil
import subprocess
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path

from tests.validation import fault_child
from tests.validation.fault_operations import OPERATIONS, Judgement, Operation
from tests.validation.forker import Call, Forker
from tests.validation.harness import Figure, Outcome, Scale
from tests.validation.workloads import Material, build_material, copy_tree

FIGURE = Figure(
    key="faults",
    title="Disk full and I/O errors",
    tries=(
        "a write refused at every point of registration, a document with its photo, photo "
        "import, handover-list import, case-file export and import, and backup: each disk "
        "call in turn failing with ENOSPC (and all after it), some with EIO alone, and a "
        "file-size limit swept across the bytes written"
    ),
    target=(
        "the user gets a message, not a traceback or a crash; nothing half-saved; the "
        "workspace still opens and checks clean (orphan originals allowed, counted)"
    ),
)
# Injection points per operation: (disk calls failed from k on, EIO at k, file-size limits).
POINTS = {Scale.QUICK: (5, 2, 3), Scale.FULL: (150, 24, 16)}
LANES = 2
SHIM_SOURCE = Path(__file__).with_name("fault_shim.c")
LIMIT, FULL, EIO = "file-size limit", "disk full", "I/O error"


@dataclass(frozen=True)
class Injection:
    method: str
    point: int


def compile_shim(folder: Path) -> Path | None:
    target = folder / "fault_shim.so"
    compiler = shutil.which("cc") or shutil.which("gcc")
    if compiler is None:
        return None
    done = subprocess.run(
        [compiler, "-shared", "-fPIC", "-O2", "-o", str(target), str(SHIM_SOURCE), "-ldl"],
        capture_output=True,
        check=False,
    )
    return target if done.returncode == 0 else None


def _environment(folder: Path, injection: Injection | None) -> dict[str, str]:
    home = folder / "home"
    env = {
        "HOME": str(home),
        "XDG_STATE_HOME": str(home / "state"),
        "XDG_CACHE_HOME": str(home / "cache"),
        "XDG_DATA_HOME": str(home / "data"),
        "TMPDIR": str(folder / "disk" / "tmp"),
        "FAULT_ROOT": str(folder / "disk") + "/",
    }
    if injection and injection.method != LIMIT:
        env["FAULT_AT"] = str(injection.point)
        env["FAULT_MODE"] = "full" if injection.method == FULL else "eio"
    return env


class Lane:
    """One fork server (the shim preloaded when there is one), one attempt at a time."""

    def __init__(self, material: Material, scratch: Path, shim: Path | None) -> None:
        self.material = material
        self.scratch = scratch
        env = {"LD_PRELOAD": str(shim)} if shim else {}
        self.forker = Forker([*fault_child.PRELOAD, "tests.validation.fault_operations"], env)
        self.serial = 0

    def attempt(self, operation: Operation, injection: Injection | None) -> Judgement:
        self.serial += 1
        folder = self.scratch / f"a{self.serial}"
        disk = folder / "disk"
        for sub in ("out", "tmp"):
            (disk / sub).mkdir(parents=True)
        copy_tree(
            self.material.office if operation.office else self.material.field, disk / "workspace"
        )
        limit = injection.point if injection and injection.method == LIMIT else None
        args = (operation.args(disk, self.material), disk / "workspace", operation.user)
        command = Call(
            "tests.validation.fault_child:command",
            (*args, folder / "report", limit),
            log=str(folder / "log"),
            env=_environment(folder, injection),
        )
        self.forker.run(command, timeout=120)
        output = folder / "judgement"
        judging = Call(
            "tests.validation.fault_operations:judge_into",
            (operation.name, folder, self.material, output),
            log=str(folder / "judge-log"),
        )
        self.forker.run(judging)
        judgement = (
            pickle.loads(output.read_bytes())
            if output.exists()
            else Judgement(
                problems=[f"the judge failed: {(folder / 'judge-log').read_text()[-300:]}"]
            )
        )
        shutil.rmtree(folder, ignore_errors=True)
        return judgement

    def close(self) -> None:
        self.forker.close()


def spread(last: int, points: int, first: int = 1) -> list[int]:
    """``points`` values from ``first`` to ``last`` evenly, both ends included."""
    if last - first + 1 <= points:
        return list(range(first, last + 1))
    if points < 2:
        return [last]
    step = (last - first) / (points - 1)
    return sorted({round(first + i * step) for i in range(points)})


class Sweep:
    """Every injection into every operation, on two lanes."""

    def __init__(self, lanes: list[Lane], outcome: Outcome) -> None:
        self.outcome = outcome
        self.free: queue.Queue[Lane] = queue.Queue()
        for lane in lanes:
            self.free.put(lane)
        self.lanes = len(lanes)
        self._counting = threading.Lock()  # two lanes report into one outcome

    def one(self, operation: Operation, injection: Injection | None) -> Judgement:
        lane = self.free.get()
        try:
            judgement = lane.attempt(operation, injection)
        finally:
            self.free.put(lane)
        label = (
            f"{operation.name}, {injection.method} at {injection.point}"
            if injection
            else f"{operation.name}, no fault"
        )
        with self._counting:
            for problem in judgement.problems:
                self.outcome.fail(f"{label}: {problem}")
            self.outcome.count("orphan photo files left", judgement.orphans)
            self.outcome.count("temporary files left", judgement.leftovers)
            if injection is not None:
                self.outcome.attempts += 1
                how = "completed" if judgement.done else "refused with a message"
                self.outcome.count(f"{operation.name}: {how}")
        return judgement

    def sweep(self, operation: Operation, points: tuple[int, int, int], shim: bool) -> str:
        uncut = self.one(operation, None)
        calls = uncut.calls if shim else 0
        full, eio, limits = points
        injections = [Injection(FULL, k) for k in spread(calls, full)] if calls > 0 else []
        injections += [Injection(EIO, k) for k in spread(calls, eio)] if calls > 0 else []
        injections += [Injection(LIMIT, n) for n in [0, *spread(uncut.largest + 4096, limits - 1)]]
        with cf.ThreadPoolExecutor(self.lanes) as pool:
            list(pool.map(lambda i: self.one(operation, i), injections))
        return f"{operation.name}: {calls} disk calls, {len(injections)} injections"


def run(scale: Scale) -> Outcome:
    outcome = Outcome()
    with tempfile.TemporaryDirectory(prefix="forensiclog-faults-") as folder:
        scratch = Path(folder)
        material = build_material(scratch / "material")
        shim = compile_shim(scratch)
        lanes: list[Lane] = []
        try:
            for n in range(LANES):
                (scratch / f"lane{n}").mkdir()
                lanes.append(Lane(material, scratch / f"lane{n}", shim))
            sweep = Sweep(lanes, outcome)
            notes = [sweep.sweep(op, POINTS[scale], shim is not None) for op in OPERATIONS]
        finally:
            for lane in lanes:
                lane.close()
    outcome.notes.append("per operation: " + "; ".join(notes))
    if shim is None:
        outcome.notes.append("no C compiler here: only the file-size limit was used")
    return outcome
