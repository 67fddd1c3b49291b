"""Crash: a child process doing real work is killed with SIGKILL at a random moment, and what it
left is judged — then the same is done with SQLite's journal and syncing off, which must fail.

Children are forked from a server that has already imported ForensicLog, so a trial costs the
work and the judging, not an interpreter's start; two lanes run trials side by side. A first,
uncut run of each workload measures how long it takes; each trial then kills it at a moment
drawn uniformly from that span.
"""

from __future__ import annotations

import concurrent.futures as cf
import pickle
import queue
import random
import shutil
import sqlite3
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from forensiclog.db.engine import DATABASE_FILE
from tests.validation import crash_child
from tests.validation.crash_checks import Verdict
from tests.validation.forker import Call, Forker
from tests.validation.harness import Figure, Outcome, Scale
from tests.validation.workloads import Material, build_material, copy_tree, handover_list

FIGURE = Figure(
    key="crash",
    title="Crash (kill -9)",
    tries=(
        "SIGKILL at a random moment during registration with documents and photos, handover-list "
        "import, case-file export and import, backup, and migration"
    ),
    target=(
        "0 corrupt databases, 0 lost acknowledged records, 0 half-saved actions, 0 rows without "
        "their photo file, history intact, check clean but for leftovers; ≥ 1,000 trials "
        "(≥ 50 quick); with journalling off the same trials must corrupt or lose"
    ),
)
SHARES = {"intake": 3, "manifest": 2, "export": 1.5, "import": 1.5, "backup": 1, "migration": 1}
TRIALS = {Scale.QUICK: 60, Scale.FULL: 1000}
CONTROL_TRIALS = {Scale.QUICK: 8, Scale.FULL: 120}
# Journalling off can only hurt while a transaction's pages are being written; handover lists
# of this many rows outgrow SQLite's page cache, so their pages are written for a long while.
CONTROL_LIST_ROWS = 1000
LANES = 2
SEED = 20250613
# Kill moments are drawn up to a little past the uncut run, so some trials finish their work.
SPAN = 1.05
CATEGORIES = {
    "corrupt databases": ("integrity_check", "could not be examined", "does not open"),
    "lost acknowledged records": ("lost an acknowledged",),
    "half-saved actions": ("half-", "imported", "registered", "records an"),
    "rows without their photo file": ("photo rows without",),
    "histories that do not verify": ("audit verify",),
}


@dataclass(frozen=True)
class Trial:
    kind: str
    delay: float | None
    journal_off: bool = False
    lists: tuple[Path, ...] = ()


@dataclass(frozen=True)
class Result:
    trial: Trial
    verdict: Verdict
    killed: bool
    seconds: float


class Lane:
    """One fork server, running one trial at a time in its own scratch folder."""

    def __init__(self, material: Material, scratch: Path) -> None:
        self.material = material
        self.scratch = scratch
        self.forker = Forker([*crash_child.PRELOAD, "tests.validation.crash_checks"])
        self.serial = 0

    def run(self, trial: Trial, field: Path) -> Result:
        self.serial += 1
        folder = self._prepare(trial.kind, self.scratch / f"t{self.serial}", field)
        material = replace(self.material, lists=trial.lists) if trial.lists else self.material
        work = Call(
            "tests.validation.crash_child:run",
            (trial.kind, folder, material, trial.journal_off),
            log=str(folder / "log"),
        )
        started = time.perf_counter()
        ended = self.forker.run(work, trial.delay)
        seconds = time.perf_counter() - started
        verdict = self._judge(trial.kind, folder, material)
        if not ended.killed and ended.code != 0:
            log = (folder / "log").read_text(errors="replace").strip().splitlines()
            verdict.problems.append(f"the child failed on its own: {log[-1:] or ended}")
        shutil.rmtree(folder, ignore_errors=True)
        return Result(trial, verdict, ended.killed, seconds)

    def _judge(self, kind: str, folder: Path, material: Material) -> Verdict:
        output = folder / "verdict"
        judging = Call(
            "tests.validation.crash_checks:judge_into",
            (kind, folder, material, output),
            log=str(folder / "judge-log"),
        )
        self.forker.run(judging)
        if not output.exists():
            log = (folder / "judge-log").read_text(errors="replace").strip().splitlines()
            return Verdict(problems=[f"the judge failed: {log[-1:]}"], corrupt=True)
        verdict: Verdict = pickle.loads(output.read_bytes())
        return verdict

    def _prepare(self, kind: str, folder: Path, field: Path) -> Path:
        folder.mkdir()
        (folder / "out").mkdir()
        if kind == "migration":
            (folder / "old").mkdir()
            shutil.copyfile(self.material.golden, folder / "old" / DATABASE_FILE)
        else:
            office = crash_child.STARTS_FROM.get(kind) == "office"
            copy_tree(self.material.office if office else field, folder / "workspace")
        return folder

    def close(self) -> None:
        self.forker.close()


def run_trials(lanes: list[Lane], trials: list[Trial], field: Path) -> list[Result]:
    """Every trial, each on whichever lane is free, in the order given."""
    free: queue.Queue[Lane] = queue.Queue()
    for lane in lanes:
        free.put(lane)

    def one(trial: Trial) -> Result:
        lane = free.get()
        try:
            return lane.run(trial, field)
        finally:
            free.put(lane)

    with cf.ThreadPoolExecutor(len(lanes)) as pool:
        return list(pool.map(one, trials))


def calibrate(
    lanes: list[Lane], kinds: list[str], field: Path, outcome: Outcome | None, **kw: Any
) -> dict[str, float]:
    """How long each uncut workload takes with every lane busy, once the lanes are warm (a
    first run also pays for reading files into the cache); a failure there is reported."""
    uncut = [Trial(kind, None, **kw) for kind in kinds for _ in lanes]
    durations: dict[str, list[float]] = {}
    run_trials(lanes, uncut, field)
    for result in run_trials(lanes, uncut, field):
        durations.setdefault(result.trial.kind, []).append(result.seconds)
        for problem in result.verdict.problems:
            if outcome is not None:
                outcome.fail(f"{result.trial.kind}, uncut run: {problem}")
    return {kind: sum(times) / len(times) for kind, times in durations.items()}


def _plan(scale: Scale, rng: random.Random, durations: dict[str, float]) -> list[Trial]:
    total, weight = TRIALS[scale], sum(SHARES.values())
    kinds = [k for k, share in SHARES.items() for _ in range(round(total * share / weight))]
    kinds += list(SHARES)[: max(0, total - len(kinds))]
    rng.shuffle(kinds)
    return [Trial(k, rng.uniform(0, durations[k] * SPAN)) for k in kinds]


def _tally(outcome: Outcome, result: Result, label: str) -> None:
    verdict = result.verdict
    for name, value in verdict.counts.items():
        outcome.count(name, value)
    for problem in verdict.problems:
        outcome.fail(f"{label}: {problem}")
    for category, needles in CATEGORIES.items():
        hits = any(n in p for p in verdict.problems for n in needles) or (
            category == "corrupt databases" and verdict.corrupt
        )
        outcome.count(category, int(hits))
    outcome.count("children killed mid-work" if result.killed else "children that finished first")
    outcome.count(f"trials: {result.trial.kind}")


def _without_journal(material: Material) -> Path:
    """The field workspace in rollback-journal mode, so the child can turn journalling off."""
    copy = copy_tree(material.field, material.root / "field-no-journal")
    connection = sqlite3.connect(copy / DATABASE_FILE)
    connection.execute("PRAGMA journal_mode=DELETE")
    connection.close()
    return copy


def negative_control(lanes: list[Lane], scale: Scale, rng: random.Random) -> tuple[str, int]:
    material = lanes[0].material
    field = _without_journal(material)
    rows = CONTROL_LIST_ROWS
    lists = tuple(
        handover_list(material.root / f"control-{n}.csv", 100_000 + n * rows, rows)
        for n in range(3)
    )
    span = calibrate(lanes, ["manifest"], field, None, journal_off=True, lists=lists)["manifest"]
    runs = CONTROL_TRIALS[scale]
    trials = [
        Trial("manifest", rng.uniform(0, span * SPAN), journal_off=True, lists=lists)
        for _ in range(runs)
    ]
    damaged: Counter[str] = Counter()
    for result in run_trials(lanes, trials, field):
        if result.verdict.corrupt:
            damaged["corrupt"] += 1
        elif result.verdict.problems:
            damaged["half-saved, lost or failing check"] += 1
    found = sum(damaged.values())
    details = ", ".join(f"{v} {k}" for k, v in sorted(damaged.items())) or "none"
    text = (
        f"journal_mode=OFF and synchronous=OFF, {runs} trials importing handover lists of "
        f"{rows:,} rows: {found} damaged ({details})"
    )
    return text, found


def _figure(lanes: list[Lane], material: Material, scale: Scale, outcome: Outcome) -> None:
    rng = random.Random(SEED)
    durations = calibrate(lanes, list(SHARES), material.field, outcome)
    outcome.notes.append(
        "uncut run of each workload, two at a time: "
        + ", ".join(f"{k} {v:.2f} s" for k, v in durations.items())
    )
    for n, result in enumerate(run_trials(lanes, _plan(scale, rng, durations), material.field)):
        outcome.attempts += 1
        _tally(
            outcome, result, f"trial {n + 1} ({result.trial.kind}, at {result.trial.delay:.3f} s)"
        )
    outcome.negative_control, found = negative_control(lanes, scale, rng)
    if scale is Scale.FULL and not found:
        outcome.fail("the negative control damaged nothing: these trials could not see a failure")
    outcome.notes.append(f"kill moments drawn with random.Random({SEED})")


def run(scale: Scale) -> Outcome:
    outcome = Outcome()
    with tempfile.TemporaryDirectory(prefix="forensiclog-crash-") as folder:
        scratch = Path(folder)
        material = build_material(scratch / "material")
        lanes: list[Lane] = []
        try:
            for n in range(LANES):
                (scratch / f"lane{n}").mkdir()
                lanes.append(Lane(material, scratch / f"lane{n}"))
            _figure(lanes, material, scale, outcome)
        finally:
            for lane in lanes:
                lane.close()
    return outcome
