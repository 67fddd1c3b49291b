"""Figure: hostile images — a generated corpus through ``photo add``, each file in a child process
under a memory cap and a time cap: refused naming the file, or imported byte for byte with a
thumbnail; never a crash, a hang or an exhausted memory."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from PIL import Image

from forensiclog.services.images import MAX_PIXELS, THUMBNAIL_SIDE, accepted_formats
from forensiclog.services.photo_store import PhotoStore
from tests.conftest import Team
from tests.validation.harness import Figure, Outcome, Scale
from tests.validation.hostile_bench import check_problems, opened, workspace_copy
from tests.validation.hostile_image_corpus import (
    IMPORT,
    REFUSE,
    Specimen,
    quick_sample,
    specimens,
    write,
)

SEED = 20250613
# The address space of each child (RLIMIT_AS): the interpreter with ForensicLog, Pillow and
# SQLAlchemy loaded takes ~250 MB of it; an 80 MP RGBA photo, the largest admitted, ~320 MB.
MEMORY_CAP = 1 << 30
TIME_CAP = 60.0
RUNNERS = 2
CASES = 24
ROOT = Path(__file__).resolve().parents[2]

FIGURE = Figure(
    "hostile_images",
    "Hostile images",
    "a generated corpus (seeded): sound photos of every awkward kind (CMYK, YCCK, progressive, "
    "16-bit, palette, transparency, animated GIF/WebP, MPO, multi-page TIFF, HEIC where "
    "pillow_heif is), each truncated at ~45 offsets, garbled 12 ways and renamed 6 ways; "
    "headers claiming huge sizes; corrupt EXIF; bombs; files that are not images; special "
    "files — each through `photo add` in its own child process",
    f"0 crashes or hangs; memory under the cap ({MEMORY_CAP >> 20} MiB address space per "
    "child); each file refused naming it, or imported byte for byte with a thumbnail; "
    "the workspace checks clean",
)


def _cases(team: Team) -> list[str]:
    team.coordinator.exchanges.add("R1", date="2025-06-13", declared=CASES)
    return [team.examiner.cases.register("R1").case_number for _ in range(CASES)]


def _run_all(
    jobs: list[dict[str, Any]], folder: Path, workspace: Path, extra: tuple[str, ...] = ()
) -> list[dict[str, Any]]:
    """The jobs split over the runners (two cores), in parallel; their results in job order."""
    env = {**os.environ, "MALLOC_ARENA_MAX": "2", "PYTHONPATH": str(ROOT)}
    running = []
    for index in range(RUNNERS):
        mine = jobs[index::RUNNERS]
        source, sink = folder / f"jobs-{index}.jsonl", folder / f"results-{index}.jsonl"
        source.write_text("".join(json.dumps(j) + "\n" for j in mine), encoding="utf-8")
        argv = [str(source), str(sink), str(workspace), str(MEMORY_CAP), str(TIME_CAP), *extra]
        module = "tests.validation.hostile_image_runner"
        # Pillow warns about oddities it skips (a tag past the end of a file): kept, not shown.
        with (folder / f"stderr-{index}.txt").open("wb") as errors:
            process = subprocess.Popen(
                [sys.executable, "-m", module, *argv], env=env, stderr=errors
            )
        running.append((process, sink))
    results: dict[str, dict[str, Any]] = {}
    for process, sink in running:
        process.wait()  # a runner that died leaves its remaining files "lost", failures
        for line in sink.read_text(encoding="utf-8").splitlines():
            result = json.loads(line)
            results[result["path"]] = result
    return [results.get(j["path"], {"status": "lost", "path": j["path"]}) for j in jobs]


class Judge:
    """Holds each result against what the file is and what the store and case now hold."""

    def __init__(self, team: Team, outcome: Outcome) -> None:
        self.store = PhotoStore(team.path)
        self.outcome = outcome
        self.on_cases: dict[str, set[str]] = {}
        self.team = team

    def judge(self, specimen: Specimen, path: Path, result: dict[str, Any]) -> None:
        out, status = self.outcome, result["status"]
        out.attempts += 1
        out.count(f"files: {specimen.family}")
        out.count(f"outcome: {status}")
        out.counts["peak memory of a child (MiB)"] = max(
            out.counts.get("peak memory of a child (MiB)", 0), result.get("max_rss_kb", 0) >> 10
        )
        what = f"{specimen.family} {specimen.name}"
        if status not in ("imported", "refused"):
            out.fail(f"{what}: {status} — {result.get('error', '')} {result.get('trace', '')}")
        elif status == "refused":
            self._refused(specimen, path, result, what)
        else:
            self._imported(specimen, path, result, what)

    def _refused(self, specimen: Specimen, path: Path, result: dict[str, Any], what: str) -> None:
        if path.name not in result["message"]:
            self.outcome.fail(f"{what}: the refusal does not name the file: {result['message']}")
        if specimen.expect == IMPORT:
            self.outcome.fail(f"{what}: a sound photo was refused: {result['message']}")

    def _imported(self, specimen: Specimen, path: Path, result: dict[str, Any], what: str) -> None:
        if specimen.expect == REFUSE:
            self.outcome.fail(f"{what}: imported, but it must be refused")
            return
        data = path.read_bytes()
        sha = hashlib.sha256(data).hexdigest()
        if result["photos"] not in ([sha], []) or (
            not result["photos"] and not result["duplicates"]
        ):
            self.outcome.fail(f"{what}: reported {result['photos']} for a file hashing {sha}")
        original = self.store.path_of(sha)
        if not original.is_file() or original.read_bytes() != data:
            self.outcome.fail(f"{what}: the stored original is not the file byte for byte")
        self._thumbnail(sha, what)
        self.on_cases.setdefault(result["case"], set()).add(sha)

    def _thumbnail(self, sha: str, what: str) -> None:
        assert self.store.derived_dir is not None
        thumbnail = self.store.derived_dir / sha[:2] / f"{sha}-{THUMBNAIL_SIDE}.jpg"
        try:
            with Image.open(thumbnail) as image:
                fits = image.format == "JPEG" and max(image.size) <= THUMBNAIL_SIDE
        except OSError as error:
            self.outcome.fail(f"{what}: no thumbnail ({error})")
            return
        if not fits:
            self.outcome.fail(f"{what}: the thumbnail is not a JPEG within {THUMBNAIL_SIDE} px")

    def finish(self) -> None:
        for case, shas in sorted(self.on_cases.items()):
            held = {p.sha256 for p in self.team.auditor.photos.for_case(case)}
            for sha in sorted(shas - held):
                self.outcome.fail(f"case {case}: photo {sha[:12]} imported but not on the case")
        self.outcome.failures += [f"check: {p}" for p in check_problems(self.team)]


def _negative_control(
    corpus: list[Specimen], folder: Path, workspace: Path, cases: list[str]
) -> tuple[str, int]:
    """The same huge-dimension files through a build with the pixel cap removed."""
    huge = [s for s in corpus if s.family == "huge dimensions"]
    paths = write(huge, folder / "control")
    jobs = [{"path": str(p), "case": cases[0]} for p in paths]
    results = _run_all(jobs, folder, workspace, ("break-pixel-cap",))
    bad = [r for r in results if r["status"] not in ("imported", "refused")]
    return (
        f"with the pixel cap removed (images.MAX_PIXELS and Pillow's own limit lifted), "
        f"{len(bad)} of {len(results)} huge-dimension files crashed, hung or ran out of memory",
        len(bad),
    )


def run(scale: Scale) -> Outcome:
    outcome = Outcome()
    corpus = list(specimens(SEED))
    if scale is Scale.QUICK:
        corpus = quick_sample(corpus)
    with tempfile.TemporaryDirectory(prefix="forensiclog-images-") as root:
        folder = Path(root)
        paths = write(corpus, folder / "corpus")
        workspace = workspace_copy(folder / "workspace")
        with opened(workspace) as team:
            cases = _cases(team)
            jobs = [{"path": str(p), "case": cases[i % CASES]} for i, p in enumerate(paths)]
            results = _run_all(jobs, folder, workspace)
            judge = Judge(team, outcome)
            for specimen, path, result in zip(corpus, paths, results, strict=True):
                judge.judge(specimen, path, result)
            judge.finish()
            control, caught = _negative_control(corpus, folder, workspace, cases)
        outcome.negative_control = control
        if not caught:
            outcome.fail("negative control: the build without a pixel cap passed")
    outcome.notes += [
        f"corpus seed {SEED}; pixel cap {MAX_PIXELS:,}; formats accepted: "
        + ", ".join(accepted_formats()),
        "HEIC: "
        + (
            "pillow_heif present, HEIC opened through it"
            if "HEIF" in accepted_formats()
            else "pillow_heif not installed here, so HEIC files are refused as not images"
        ),
        f"per child: RLIMIT_AS {MEMORY_CAP >> 20} MiB, {TIME_CAP:.0f} s wall clock",
    ]
    return outcome
