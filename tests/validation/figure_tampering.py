"""Tampering: thousands of changes made behind the application's back, each on a fresh copy,
each put to the detector that must catch it — and the detectors run on untouched copies too.

Two lanes (children of a fork server) share the drawn mutations; each keeps its own copy of the
workspace and case file and puts it back after every mutation. What a workspace alone cannot
tell (a rollback of everything, a history signed again with a new key) is tried apart, against
the office that has seen the laptop before.
"""

from __future__ import annotations

import concurrent.futures as cf
import pickle
import random
import tempfile
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from tests.validation import tamper_database as rows
from tests.validation import tamper_files as files
from tests.validation.forker import Call, Forker
from tests.validation.harness import Figure, Outcome, Scale
from tests.validation.tamper_scenarios import history_rewritten, office_scenarios
from tests.validation.tamper_target import (
    AUDIT,
    CASEFILE,
    CHECK,
    Copy,
    Detectors,
    Prepared,
    prepare,
)

FIGURE = Figure(
    key="tampering",
    title="Tampering",
    tries=(
        "random edits, deletions, insertions, reorderings, truncations and rollbacks of rows of "
        "every audited table, the history, its signed heads, the photo store and sealed case "
        "files; histories rewritten consistently without the key"
    ),
    target="100 % detected by check, audit verify or casefile verify; 0 false alarms on untouched copies; ≥ 10,000 mutations",
)
# Enough that the mutations in scope (all but the hints) pass 10,000.
MUTATIONS = {Scale.QUICK: 240, Scale.FULL: 10_200}
UNTOUCHED_EVERY = 25
SEED = 8_172_025
LANES = 2
Mutate = Callable[[random.Random, Copy], str | None]


@dataclass(frozen=True)
class Kind:
    name: str
    target: str
    detector: str
    mutate: Mutate
    weight: float
    in_scope: bool = True


KINDS = (
    Kind("value edited", "database rows", CHECK, rows.row_edited, 22),
    Kind("row deleted", "database rows", CHECK, rows.row_deleted, 6),
    Kind("row inserted", "database rows", CHECK, rows.row_inserted, 6),
    Kind("row rolled back", "database rows", CHECK, rows.row_rolled_back, 4),
    Kind("location edited", "database rows", CHECK, rows.location_edited, 2),
    Kind("hint edited", "database rows", CHECK, rows.derived_edited, 1, in_scope=False),
    Kind("entry edited", "history", AUDIT, rows.entry_edited, 14),
    Kind("entry deleted", "history", AUDIT, rows.entry_deleted, 4),
    Kind("entry inserted", "history", AUDIT, rows.entry_inserted, 4),
    Kind("entries reordered", "history", AUDIT, rows.entries_reordered, 4),
    Kind("history truncated", "history", AUDIT, rows.entries_truncated, 3),
    Kind("entry blanked out", "history", AUDIT, rows.entry_blanked, 3),
    Kind("history rolled back", "history", CHECK, rows.history_rolled_back, 1),
    Kind("history rewritten without the key", "history", AUDIT, history_rewritten, 1.5),
    Kind("head edited", "chain head", AUDIT, rows.head_edited, 4),
    Kind("head deleted", "chain head", AUDIT, rows.head_deleted, 1),
    Kind("head rolled back", "chain head", AUDIT, rows.head_rolled_back, 1),
    Kind("database rolled back", "database rows", CHECK, rows.database_rolled_back, 0.5),
    Kind("bit flipped", "photo store", CHECK, files.photo_bit_flipped, 3),
    Kind("truncated", "photo store", CHECK, files.photo_truncated, 2),
    Kind("bytes appended", "photo store", CHECK, files.photo_extended, 1),
    Kind("deleted", "photo store", CHECK, files.photo_deleted, 1),
    Kind("swapped", "photo store", CHECK, files.photo_swapped, 1),
    Kind("file planted", "photo store", CHECK, files.photo_planted, 1),
    Kind("bit flipped", "case file", CASEFILE, files.casefile_bit_flipped, 5),
    Kind("truncated", "case file", CASEFILE, files.casefile_truncated, 2),
    Kind("bytes appended", "case file", CASEFILE, files.casefile_extended, 1),
    Kind("bytes inserted", "case file", CASEFILE, files.casefile_spliced, 1),
    Kind("photo member edited in place", "case file", CASEFILE, files.photo_member_edited, 2),
    Kind("manifest edited in place", "case file", CASEFILE, files.manifest_edited, 2),
    Kind("signature edited in place", "case file", CASEFILE, files.signature_edited, 1),
    Kind("manifest signed by a new key", "case file", CASEFILE, files.manifest_resigned, 1),
    Kind("member removed", "case file", CASEFILE, files.member_removed, 1),
    Kind("member added", "case file", CASEFILE, files.member_added, 1),
    Kind("members reordered", "case file", CASEFILE, files.members_reordered, 1),
    Kind("database member edited", "case file", CASEFILE, files.database_member_edited, 1),
)


@dataclass(frozen=True)
class Tried:
    """One mutation: which kind, what it did, whether its detector caught it, and what it said
    (or how the detector failed)."""

    kind: int
    what: str
    detected: bool
    said: str
    crashed: bool = False
    applied: bool = True


def _mutate(kind: Kind, rng: random.Random, copy: Copy) -> str | None:
    for _ in range(20):
        copy.restore()
        what = kind.mutate(rng, copy)
        if what is not None:
            copy.release()
            return what
    return None


def _try(number: int, index: int, copy: Copy, detectors: Detectors) -> Tried:
    kind = KINDS[index]
    try:
        what = _mutate(kind, random.Random(SEED * 100_003 + number), copy)
    except Exception as error:  # noqa: BLE001 — a mutation that fails is reported, not fatal
        what = f"{type(error).__name__}: {error}"[:300]
        return Tried(index, f"the mutation failed: {what}", False, "", applied=False)
    if what is None:
        return Tried(index, "no row it applies to", False, "", applied=False)
    path = copy.casefile if kind.detector == CASEFILE else copy.workspace
    return Tried(index, what, *_detect(detectors, path, kind.detector))


def _detect(detectors: Detectors, path: Path, detector: str) -> tuple[bool, str, bool]:
    try:
        found = detectors.detect(path, detector)
    except Exception as error:  # noqa: BLE001 — a detector failing on altered data is a finding
        return False, f"{type(error).__name__}: {error}"[:300], True
    return found.detected, found.what[:300], False


def _untouched(copy: Copy, detectors: Detectors) -> list[str]:
    """Every detector on the untouched copy: what each wrongly reports."""
    copy.restore()
    alarms = []
    for path, detector in (
        (copy.workspace, CHECK),
        (copy.workspace, AUDIT),
        (copy.casefile, CASEFILE),
    ):
        detected, said, crashed = _detect(detectors, path, detector)
        if detected or crashed:
            alarms.append(f"{detector} on an untouched copy: {said}")
    return alarms


def run_lane(prepared: Prepared, folder: Path, plan: list[tuple[int, int]], output: Path) -> None:
    """In a child: every (number, kind) of ``plan`` on this lane's own copy."""
    copy = Copy(prepared, folder)
    detectors = Detectors(copy.workspace)
    tried: list[Tried] = []
    untouched, alarms = 0, []
    for number, index in plan:
        tried.append(_try(number, index, copy, detectors))
        if number % UNTOUCHED_EVERY == 0:
            untouched += 1
            alarms += _untouched(copy, detectors)
    copy.restore()
    detectors.close()
    output.write_bytes(pickle.dumps((tried, untouched, alarms)))


def _plan(scale: Scale) -> list[tuple[int, int]]:
    rng = random.Random(SEED)
    weights = [k.weight for k in KINDS]
    return [(n, rng.choices(range(len(KINDS)), weights)[0]) for n in range(MUTATIONS[scale])]


def _run_lanes(
    prepared: Prepared, scratch: Path, plan: list[tuple[int, int]]
) -> tuple[list[Tried], int, list[str]]:
    def lane(n: int) -> tuple[list[Tried], int, list[str]]:
        folder = scratch / f"lane{n}"
        folder.mkdir()
        forker = Forker(["tests.validation.figure_tampering"])
        try:
            forker.run(
                Call(
                    "tests.validation.figure_tampering:run_lane",
                    (prepared, folder, plan[n::LANES], folder / "tried"),
                    log=str(folder / "log"),
                )
            )
        finally:
            forker.close()
        if not (folder / "tried").exists():
            return [], 0, [f"lane {n} failed: {(folder / 'log').read_text()[-500:]}"]
        result: tuple[list[Tried], int, list[str]] = pickle.loads((folder / "tried").read_bytes())
        return result

    with cf.ThreadPoolExecutor(LANES) as pool:
        results = list(pool.map(lane, range(LANES)))
    tried = [t for r in results for t in r[0]]
    return tried, sum(r[1] for r in results), [a for r in results for a in r[2]]


def _tally(outcome: Outcome, tried: list[Tried]) -> None:
    caught: Counter[str] = Counter()
    for item in tried:
        kind = KINDS[item.kind]
        label = f"{kind.target}: {kind.name}"
        outcome.count(f"{label} — tried")
        if item.detected:
            caught[label] += 1
        if not kind.in_scope:
            continue
        outcome.attempts += 1
        if not item.applied:
            outcome.fail(f"{label}: could not be tried: {item.what}")
        elif item.crashed:
            outcome.fail(f"{label}: {item.what}: the detector failed: {item.said}")
        elif not item.detected:
            outcome.fail(f"{label}: not detected by {kind.detector}: {item.what}")
    for label, n in caught.items():
        outcome.count(f"{label} — detected", n)


def run(scale: Scale) -> Outcome:
    outcome = Outcome()
    with tempfile.TemporaryDirectory(prefix="forensiclog-tampering-") as folder:
        scratch = Path(folder)
        prepared = prepare(scratch / "prepared")
        tried, untouched, alarms = _run_lanes(prepared, scratch, _plan(scale))
        _tally(outcome, tried)
        outcome.count("untouched copies checked (three detectors each)", untouched)
        outcome.count("false alarms on untouched copies", len(alarms))
        for alarm in alarms:
            outcome.fail(alarm)
        (scratch / "office").mkdir()
        for what, laptop_saw, office_refused, said in office_scenarios(
            prepared, scratch / "office"
        ):
            outcome.notes.append(
                f"{what}: the laptop's own check {'sees it' if laptop_saw else 'cannot see it'}; "
                f"the office {'refuses the file' if office_refused else 'TAKES the file'} ({said})"
            )
            if not office_refused:
                outcome.fail(f"{what}: the office took the file")
    outcome.notes.append(
        "out of scope, counted apart: hints recomputed from the audited records on their next "
        "change (completeness score and list, the next body-part number) are not hashed; a "
        "whole workspace set back to an older backup is consistent and only the office, "
        "holding a later head, can tell (above)"
    )
    return outcome
