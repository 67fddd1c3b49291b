"""Figure: hostile case files — crafted ``.fcase`` files through verify, open (read-only) and
import, by the services and by the command line: each refused with a reason, nothing written
outside the private temporary folder, nothing changed in the importing workspace."""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import secrets
import shutil
import subprocess
import sys
import tempfile
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PIL import Image

from forensiclog.domain.errors import Refusal
from forensiclog.services import casefile_check
from forensiclog.services.build import build
from forensiclog.services.casefiles import open_casefile, verify_casefile
from tests.conftest import PASSWORDS, Team
from tests.validation.harness import Figure, Outcome, Scale
from tests.validation.hostile_bench import opened, unexpected, workspace_copy
from tests.validation.hostile_casefile_damage import variants
from tests.validation.hostile_casefile_forge import Part, workspace_signer
from tests.validation.hostile_casefile_maker import TRAP, UNWELCOME, Maker, Variant
from tests.validation.hostile_casefile_sandbox import (
    database_state,
    differences,
    leftovers,
    snapshot,
    temporary_folder,
)

FIGURE = Figure(
    "hostile_casefiles",
    "Hostile case files",
    "crafted `.fcase` files: zip-slip names (`../`, absolute, `C:\\`, backslashes), links, "
    "bombs (declared and actual sizes, 70,000 members), doubles, missing and extra members, "
    "bad signatures, manifests and databases tampered (also re-signed with the exporter's own "
    "key), wrong versions, truncations, flipped bits, non-ZIPs, a file of the same workspace, "
    "an older file replayed — through `casefile verify`, open read-only and `casefile import`, "
    "by the services and the command line",
    "100 % refused with a reason; 0 writes outside the private temporary folder; "
    "the importing workspace unchanged",
)
EXCHANGE = "R1"
HANG_SECONDS = 60


@dataclass
class Bench:
    sandbox: Path
    tmp: Path
    office: Team
    laptop: Team
    token: str

    def state(self) -> tuple[dict[str, tuple[str, int, int]], str]:
        # From the sandbox's parent: a name climbing out of the sandbox lands there.
        return snapshot(self.sandbox.parent, self.tmp), database_state(self.office.path)


def _photo(folder: Path, seed: int) -> Path:
    path = folder / f"shot-{seed}.jpg"
    Image.new("RGB", (48, 32), (seed * 70 % 256, 90, 200)).save(path)
    return path


def _laptop_files(laptop: Team, folder: Path) -> tuple[Path, Path]:
    """An older file and the genuine current one of a laptop's exchange."""
    laptop.coordinator.exchanges.add(EXCHANGE, date="2025-06-13", declared=3, place="Київ")
    for tag in ("UA-1", "UA-2", "UA-3"):
        laptop.examiner.cases.register(EXCHANGE, tag=tag, condition="complete")
    shots = [_photo(folder, 1), _photo(folder, 2)]
    laptop.examiner.photos.add("KYV-T1-00001", shots, kind="face")
    laptop.examiner.documents.add(
        "KYV-T1-00001", kind="internal_passport", country="RUS", number="4510 123456"
    )
    older = laptop.coordinator.casefiles.export(folder / "older.fcase", exchange=EXCHANGE).file
    laptop.examiner.cases.edit("KYV-T1-00002", {"notes": "later"})
    genuine = laptop.coordinator.casefiles.export(folder / "genuine.fcase", exchange=EXCHANGE)
    return older, genuine.file


@contextmanager
def _bench(root: Path) -> Iterator[tuple[Bench, Path, Path, Path]]:
    sandbox = root / "sandbox"
    tmp, made = sandbox / "tmp", sandbox / "made"
    for folder in (tmp, made):
        folder.mkdir(parents=True)
    laptop_path = workspace_copy(sandbox / "laptop", team="T1")
    office_path = workspace_copy(sandbox / "office", team="T9")
    with opened(laptop_path) as laptop, opened(office_path) as office:
        older, genuine = _laptop_files(laptop, made)
        office.coordinator.merge.import_file(genuine)
        own = office.coordinator.casefiles.export(made / "own.fcase", cases=["KYV-T1-00001"])
        yield Bench(sandbox, tmp, office, laptop, secrets.token_hex(4)), genuine, older, own.file


class Trial:
    """Tries one variant every way, holding each way to the variant's kind."""

    def __init__(self, bench: Bench, outcome: Outcome) -> None:
        self.bench = bench
        self.outcome = outcome

    def all_ways(self, variant: Variant) -> None:
        self.outcome.count(f"files: {variant.family}")
        self.attempt(variant, "verify", self.verify)
        self.attempt(variant, "open read-only", self.open)
        self.attempt(variant, "import", lambda v: self.imported(v, unverified=False))
        if variant.kind == TRAP:
            self.attempt(variant, "import --unverified", lambda v: self.imported(v, True))

    def attempt(self, variant: Variant, way: str, action: Callable[[Variant], str | None]) -> None:
        out = self.outcome
        out.attempts += 1
        out.count(f"tries: {way}")
        before = self.bench.state()
        problem = _guarded(variant, lambda: action(variant), self.bench.tmp)
        if problem:
            out.fail(f"{variant.family}: {variant.label}: {way}: {problem}")
        self._nothing_written(variant, way, before)

    def _nothing_written(self, variant: Variant, way: str, before: Any) -> None:
        where = f"{variant.family}: {variant.label}: {way}"
        files, database = self.bench.state()
        for change in differences(before[0], files)[:5]:
            self.outcome.fail(f"{where}: outside the private folder, {change}")
        if database != before[1]:
            self.outcome.fail(f"{where}: the importing workspace's database changed")
        left = leftovers(self.bench.tmp)
        if left:
            self.outcome.fail(f"{where}: left in the temporary folder: {left[:3]}")
            for name in left:
                _remove(self.bench.tmp / name)
        absolute = Path(f"/tmp/forensiclog-zipslip-{self.bench.token}")
        if absolute.exists():
            self.outcome.fail(f"{where}: wrote {absolute}")
            _remove(absolute)

    def verify(self, variant: Variant) -> str | None:
        try:
            verdict = verify_casefile(variant.path)
        except Refusal as refusal:
            return None if str(refusal) and variant.kind != UNWELCOME else f"refused: {refusal}"
        if variant.kind == UNWELCOME:
            return None if verdict.valid else f"a genuine file does not verify: {verdict.problems}"
        if verdict.valid or not verdict.problems or not all(str(p) for p in verdict.problems):
            return "verified, or not verified without a reason"
        return None

    def open(self, variant: Variant) -> str | None:
        try:
            workspace = open_casefile(variant.path)
        except Refusal as refusal:
            return f"a genuine file was refused: {refusal}" if variant.kind == UNWELCOME else None
        try:
            seal = workspace.seal
            build(workspace, None).exchanges.list_all()
        finally:
            workspace.close()
        if variant.kind == TRAP:
            return "a file with a trap was opened"
        if variant.kind == UNWELCOME:
            return None if seal and seal.verified else "a genuine file opened as not verified"
        if seal is None or seal.verified or not seal.problems:
            return "opened as verified, or as not verified without a reason"
        return None

    def imported(self, variant: Variant, unverified: bool) -> str | None:
        try:
            self.bench.office.coordinator.merge.import_file(variant.path, unverified=unverified)
        except Refusal as refusal:
            return None if str(refusal) else "refused without a reason"
        return "imported"


def _guarded(variant: Variant, action: Callable[[], str | None], tmp: Path) -> str | None:
    """Run ``action`` on a thread: a try that blocks is a failure, not a stalled figure."""
    found: list[str | None] = []

    def work() -> None:
        try:
            with temporary_folder(tmp):
                found.append(action())
        except Exception as error:  # noqa: BLE001 — anything but a refusal is what is counted
            found.append(unexpected(error))

    worker = threading.Thread(target=work, daemon=True)
    worker.start()
    worker.join(HANG_SECONDS)
    if worker.is_alive():
        _unblock(variant.path)
        worker.join(HANG_SECONDS)
        return f"blocked for {HANG_SECONDS} s"
    return found[0] if found else "no result"


def _unblock(path: Path) -> None:
    """A reader blocked on a named pipe gets its end of file once a writer has come and gone."""
    if path.is_fifo():
        with contextlib.suppress(OSError):
            os.close(os.open(path, os.O_WRONLY | os.O_NONBLOCK))


def _remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)
    else:
        path.unlink(missing_ok=True)


def _cli(bench: Bench, sample: list[Variant], outcome: Outcome) -> None:
    """``casefile verify``, ``casefile import`` and reading a file read-only, as a user runs them."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("FORENSICLOG_")}
    env |= {"TMPDIR": str(bench.tmp), "FORENSICLOG_PASSWORD": PASSWORDS["olena"]}
    base = [sys.executable, "-m", "forensiclog", "--json"]
    office = ["--workspace", str(bench.office.path), "--user", "olena"]
    for variant in sample:
        for way, argv in (
            ("verify", [*base, "casefile", "verify", str(variant.path)]),
            ("import", [*base, *office, "casefile", "import", str(variant.path)]),
            ("read", [*base, "--workspace", str(variant.path), "exchange", "list"]),
        ):
            outcome.attempts += 1
            outcome.count(f"command line: {way}")
            before = bench.state()
            try:
                done = subprocess.run(
                    argv, capture_output=True, env=env, timeout=HANG_SECONDS, check=False
                )
                problem = _cli_problem(variant, way, done)
            except subprocess.TimeoutExpired:
                problem = f"blocked for {HANG_SECONDS} s"
            if problem:
                outcome.fail(f"{variant.family}: {variant.label}: forensiclog {way}: {problem}")
            Trial(bench, outcome)._nothing_written(variant, f"forensiclog {way}", before)


def _cli_problem(
    variant: Variant, way: str, done: subprocess.CompletedProcess[bytes]
) -> str | None:
    err = done.stderr.decode("utf-8", "replace")
    if "Traceback" in err or "internal error" in err:
        return f"crashed: {err[-300:]}"
    if done.returncode == 1 and not err.startswith("error:"):
        return f"exit 1 without an error message: {err[:200]}"
    genuine_ok = variant.kind == UNWELCOME and way != "import"
    refused_ok = variant.kind != TRAP and way == "read"
    if done.returncode == 0 and not (genuine_ok or refused_ok):
        return "accepted (exit 0)"
    if done.returncode not in (0, 1):
        return f"exit {done.returncode}: {err[:200]}"
    if done.stdout:
        try:
            json.loads(done.stdout)
        except ValueError:
            return f"stdout is not JSON: {done.stdout[:100]!r}"
    return None


def _cli_sample(made: list[Variant], full: bool) -> list[Variant]:
    """One file of every family (a command costs most of a second to start)."""
    seen: set[str] = set()
    sample = []
    for variant in made:
        if variant.family not in seen:
            seen.add(variant.family)
            sample.append(variant)
    return sample if full else sample[:4]


@contextmanager
def _names_unchecked() -> Iterator[None]:
    """The deliberately broken build: member names not checked, a photo's SHA-256 read from the
    last part of any ``photos/…`` name."""
    saved = {name: getattr(casefile_check, name) for name in ("unsafe_name", "photo_sha")}
    setattr(casefile_check, "unsafe_name", lambda _: None)  # noqa: B010 — undone below
    setattr(casefile_check, "photo_sha", _any_photo_name)  # noqa: B010
    try:
        yield
    finally:
        for name, value in saved.items():
            setattr(casefile_check, name, value)


def _any_photo_name(name: str) -> str | None:
    return name.rsplit("/", 1)[-1] if name.startswith("photos/") else None


def _negative_control(bench: Bench, maker: Maker) -> tuple[str, int]:
    """Zip-slip files whose escaping member is listed, signed and named by its own SHA-256,
    opened by the broken build: the snapshots must catch what it writes outside."""
    content = b"written outside"
    sha = hashlib.sha256(content).hexdigest()
    for up in ("../..", "../../..", "../../../.."):
        name = f"photos/{up}/{sha}"
        maker.add(
            f"control {name}", "control", TRAP, maker.signed([Part(name, content), *maker.parts])
        )
    slips = [v for v in maker.made if v.family == "control"]
    control = Outcome()
    trial = Trial(bench, control)
    with _names_unchecked():
        for variant in slips:
            trial.attempt(variant, "open read-only", trial.open)
    caught = [f for f in control.failures if "outside the private folder" in f or "left in" in f]
    return (
        "with member names unchecked (scratch patches of casefile_check.unsafe_name and "
        f"photo_sha), {len(caught)} writes outside the private folder were caught in "
        f"{len(slips)} zip-slip files opened",
        len(caught),
    )


def run(scale: Scale) -> Outcome:
    outcome = Outcome()
    full = scale is Scale.FULL
    with tempfile.TemporaryDirectory(prefix="forensiclog-casefiles-") as root:
        with _bench(Path(root)) as (bench, genuine, older, own):
            files = bench.sandbox / "files"
            files.mkdir()
            signer = workspace_signer(bench.laptop.path)
            maker = Maker(genuine, files, signer, bench.token)
            every = list(variants(maker, older, own, full=full))
            made = every if full else every[::6]
            trial = Trial(bench, outcome)
            for variant in made:
                trial.all_ways(variant)
            _cli(bench, _cli_sample(made, full), outcome)
            control, caught = _negative_control(bench, maker)
        outcome.negative_control = control
        if not caught:
            outcome.fail("negative control: names unchecked, yet nothing was written outside")
    outcome.notes.append(
        "each file: verify, open read-only, import (and import --unverified for traps); "
        "the sandbox snapshotted before and after every try"
    )
    return outcome
