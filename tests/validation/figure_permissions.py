"""Permissions: every role, and nobody on a sealed case file, tries every action through the
services and through the command; what happens is compared with the matrix written out from
the specification (permission_actions.py). On a sealed case file, writes are also tried raw,
through the storage engine itself.
"""

from __future__ import annotations

import concurrent.futures as cf
import hashlib
import queue
import shutil
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.exc import DBAPIError

from forensiclog.domain.errors import PermissionDenied, ReadOnly, Refusal
from forensiclog.domain.roles import Role
from forensiclog.services.build import Services, build
from forensiclog.services.casefiles import open_casefile
from forensiclog.services.context import Actor
from forensiclog.services.workspace import open_workspace
from tests.conftest import create_workspace
from tests.validation import fault_child
from tests.validation.forker import Call, Forker
from tests.validation.harness import Figure, Outcome, Scale
from tests.validation.permission_actions import (
    ACTS,
    FOREIGN,
    PROPOSED,
    ROLES,
    Act,
    Paths,
    expected_on_a_sealed_file,
)
from tests.validation.workloads import (
    FIELD_EXCHANGE,
    build_material,
    copy_tree,
    services,
)

FIGURE = Figure(
    key="permissions",
    title="Permissions",
    tries=(
        "every role (examiner, coordinator, auditor, admin) and nobody on a sealed case file × "
        "every action, through the services and the command line; raw writes through the "
        "storage engine of a sealed case file"
    ),
    target="matches the specification's matrix exactly; 0 auditor writes succeed; 0 raw writes to a sealed file succeed",
)
NOBODY = "nobody"
LANES = 2
# The quick run tries every n-th action at each door: (services, sealed file, command line).
STRIDE = {Scale.QUICK: (2, 3, 4), Scale.FULL: (1, 1, 1)}
RAW_WRITES = (
    "INSERT INTO exchanges (uid, code, date_received, declared, created_at, created_by) "
    "VALUES ('x', 'RAW', '2025-01-01', 1, '2025-01-01 00:00:00', 'raw')",
    "UPDATE cases SET notes = 'raw'",
    "DELETE FROM audit_entries",
    "UPDATE chain_heads SET seq = seq + 1",
    "DELETE FROM photo_files",
    "UPDATE workspace SET name = 'raw'",
    "CREATE TABLE raw (x)",
)


@dataclass(frozen=True)
class Setting:
    template: Path
    sealed: Path
    paths: Paths


def _setting(root: Path) -> Setting:
    material = build_material(root / "material")
    template = copy_tree(material.field, root / "template")
    examiner = services(template, "petro")
    examiner.decisions.propose_identification(
        PROPOSED, surname="Іваненко", given_names="Петро", methods=["dna"], reason="DNA"
    )
    examiner.examination.add_sample("KYV-T1-00005", kind="bone", sample_number="S-1")
    examiner.cases.edit(FOREIGN, {"nationality": "foreign", "nationality_basis": "RUS passport"})
    examiner.workspace.close()
    laptop = services(create_workspace(root / "laptop", team="T3"), "olena")
    laptop.exchanges.add(FIELD_EXCHANGE, date="2025-06-01", declared=3)
    case = laptop.cases.register(FIELD_EXCHANGE, tag="L-1").case_number
    laptop.casefiles.export(root / "laptop.fcase", cases=[case])
    laptop.workspace.close()
    coordinator = services(template, "olena")
    coordinator.casefiles.export(root / "sealed.fcase", exchange=FIELD_EXCHANGE)
    coordinator.workspace.close()
    paths = Paths(material.photos[0], material.lists[0], root / "laptop.fcase", root / "out")
    return Setting(template, root / "sealed.fcase", paths)


# The users of the workspaces in workloads.py, by role.
USERS = {"examiner": "petro", "coordinator": "olena", "auditor": "iryna", "admin": "admin"}


def _actor(who: str) -> Actor | None:
    return None if who == NOBODY else Actor(USERS[who], Role(who))


class Tally:
    """Observed against expected, for every door, actor and action."""

    def __init__(self, outcome: Outcome) -> None:
        self.outcome = outcome

    def record(self, door: str, who: str, act: Act, allowed: bool | str, expected: bool) -> None:
        self.outcome.attempts += 1
        self.outcome.count(f"{door}: tried")
        if isinstance(allowed, str):
            self.outcome.fail(f"{door}, {who}, {act.name}: refused for another reason: {allowed}")
            return
        self.outcome.count(f"{door}: {'allowed' if allowed else 'refused'}")
        if who == "auditor" and act.write:
            self.outcome.count("auditor writes tried")
            self.outcome.count("auditor writes that succeeded", int(allowed))
        if allowed != expected:
            said = "allowed" if allowed else "refused"
            self.outcome.fail(
                f"{door}, {who}, {act.name}: {said}, the specification says otherwise"
            )


def _attempt(act: Act, services_: Services, paths: Paths) -> bool | str:
    assert act.service is not None
    try:
        result = act.service(services_, paths)
    except (PermissionDenied, ReadOnly):
        return False
    except Refusal as refusal:
        return str(refusal)[:200]
    # A check or a verification that finds problems is not a permission refusal: it is a
    # failure of its own (on a sealed file, of reading what the file holds).
    if getattr(result, "ok", True) is False or getattr(result, "valid", True) is False:
        return f"reported problems: {getattr(result, 'problems', ())[:1]}"
    return True


@contextmanager
def _fresh(setting: Setting, folder: Path) -> Iterator[Paths]:
    shutil.rmtree(folder, ignore_errors=True)
    copy_tree(setting.template, folder / "workspace")
    (folder / "out").mkdir()
    paths = Paths(
        setting.paths.photo, setting.paths.listing, setting.paths.incoming, folder / "out"
    )
    try:
        yield paths
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def services_door(setting: Setting, scratch: Path, tally: Tally, every: int) -> None:
    for who in ROLES:
        for act in [a for a in ACTS if a.service is not None][::every]:
            with _fresh(setting, scratch / "services") as paths:
                opened = open_workspace(paths.out.parent / "workspace")
                try:
                    allowed = _attempt(act, build(opened, _actor(who)), paths)
                finally:
                    opened.close()
                tally.record("services", who, act, allowed, who in act.who)


def sealed_services_door(setting: Setting, scratch: Path, tally: Tally, every: int) -> None:
    for who in (NOBODY, *ROLES):
        opened = open_casefile(setting.sealed)
        try:
            for act in [a for a in ACTS if a.service is not None][::every]:
                with _fresh(setting, scratch / "sealed") as paths:
                    allowed = _attempt(act, build(opened, _actor(who)), paths)
                expected = expected_on_a_sealed_file(act, who)
                tally.record("services on a sealed file", who, act, allowed, expected)
        finally:
            opened.close()


def raw_writes(setting: Setting, tally: Tally) -> None:
    """Writes through the sealed file's own engine, with and without ``query_only`` lifted."""
    before = hashlib.sha256(setting.sealed.read_bytes()).hexdigest()
    opened = open_casefile(setting.sealed)
    try:
        for statement in RAW_WRITES:
            for lift in (False, True):
                tally.outcome.count("raw writes tried on a sealed file")
                try:
                    with opened.engine.connect() as connection:
                        if lift:
                            connection.exec_driver_sql("PRAGMA query_only=0")
                        connection.exec_driver_sql(statement)
                        connection.commit()
                except DBAPIError:
                    continue
                tally.outcome.fail(f"a raw write to a sealed file succeeded: {statement[:60]}")
    finally:
        opened.close()
    if hashlib.sha256(setting.sealed.read_bytes()).hexdigest() != before:
        tally.outcome.fail("the sealed file's bytes changed")


@dataclass(frozen=True)
class Job:
    who: str
    act: Act
    sealed: bool


class Lane:
    """One fork server running commands, each on a fresh copy of the workspace."""

    def __init__(self, setting: Setting, folder: Path) -> None:
        self.setting = setting
        self.folder = folder
        self.forker = Forker(list(fault_child.PRELOAD))

    def run(self, job: Job) -> bool | str:
        with _fresh(self.setting, self.folder / "job") as paths:
            workspace = self.setting.sealed if job.sealed else paths.out.parent / "workspace"
            report = paths.out.parent / "report"
            user = None if job.who == NOBODY else USERS[job.who]
            args = (job.act.cli(paths), workspace, user, report, None, job.act.stdin)
            log = str(self.folder / "log")
            self.forker.run(
                Call("tests.validation.fault_child:command", args, log=log), timeout=300
            )
            return _said(report)

    def close(self) -> None:
        self.forker.close()


def _said(report: Path) -> bool | str:
    code = report.with_suffix(".code")
    err = report.with_suffix(".err").read_text() if code.exists() else "(the command died)"
    if code.exists() and code.read_text() == "0":
        return True
    if err.startswith("error:") and ("may not" in err or "open read-only" in err):
        return False
    return err.strip()[:200]


def cli_door(setting: Setting, scratch: Path, tally: Tally, every: int) -> None:
    acts = ACTS[::every]
    jobs = [Job(who, act, False) for who in ROLES for act in acts]
    jobs += [Job(NOBODY, act, True) for act in acts]
    free: queue.Queue[Lane] = queue.Queue()
    lanes = []
    for n in range(LANES):
        lanes.append(Lane(setting, scratch / f"lane{n}"))
        free.put(lanes[-1])

    def one(job: Job) -> bool | str:
        lane = free.get()
        try:
            return lane.run(job)
        finally:
            free.put(lane)

    try:
        with cf.ThreadPoolExecutor(LANES) as pool:
            results = list(pool.map(one, jobs))
    finally:
        for lane in lanes:
            lane.close()
    for job, allowed in zip(jobs, results, strict=True):
        if job.sealed:
            expected = expected_on_a_sealed_file(job.act, job.who)
            tally.record("command line on a sealed file", job.who, job.act, allowed, expected)
        else:
            tally.record("command line", job.who, job.act, allowed, job.who in job.act.who)


def run(scale: Scale) -> Outcome:
    outcome = Outcome()
    tally = Tally(outcome)
    with tempfile.TemporaryDirectory(prefix="forensiclog-permissions-") as folder:
        scratch = Path(folder)
        setting = _setting(scratch / "setting")
        doors = (services_door, sealed_services_door, cli_door)
        for door, every in zip(doors, STRIDE[scale], strict=True):
            started = time.perf_counter()
            door(setting, scratch, tally, every)
            outcome.notes.append(f"{door.__name__}: {time.perf_counter() - started:.0f} s")
        raw_writes(setting, tally)
    outcome.count("actions in the matrix", len(ACTS))
    outcome.notes.append(
        "the matrix is written out in tests/validation/permission_actions.py from PRODUCT.md's "
        "roles and CLI.md's who column"
    )
    return outcome
