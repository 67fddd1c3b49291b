"""Benchmark: ``PhotoService.add`` with 200 twelve-megapixel JPEGs, next to the floor.

    .venv/bin/python tests/bench/bench_photo_import.py [--count 200] [--batch 0]

The photos (4000 × 3000 JPEG, about 3 MB each) are the ones ``bench_photo_pipeline.py`` makes
and keeps under tests/bench/out/photos (made here too if missing). Measured in the same run,
with the source files in the page cache:
- the floor: read + SHA-256 + write + fsync of each file, one after another;
- the import as a user runs it: one ``PhotoService.add`` call (or one per ``--batch`` files, as
  the GUI may send them) on a fresh workspace: every file checked, its original stored and
  fsynced, its thumbnail made, then one transaction with the rows and their history.
- the ceiling: the check's decode alone (every file's data read at 1/8 scale, as the import
  does to refuse a truncated file and to make the thumbnail) on two threads, with nothing stored.
  No import that checks every file can be faster than this.
Targets: the import reaches at least 50 % of the floor's photos/s; peak memory ≤ 400 MB.
"""

from __future__ import annotations

import argparse
import concurrent.futures as cf
import os
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))
sys.path.insert(0, str(HERE))

from bench_photo_pipeline import OUT, floor, photos  # noqa: E402
from memory import peak_rss_mb  # noqa: E402

from forensiclog.domain.roles import Role  # noqa: E402
from forensiclog.services.build import build  # noqa: E402
from forensiclog.services.context import Actor  # noqa: E402
from forensiclog.services.images import THUMBNAIL_SIDE, decode, open_photo_file  # noqa: E402
from forensiclog.services.workspace import open_workspace  # noqa: E402
from forensiclog.services.workspace_setup import init_workspace  # noqa: E402


def import_all(paths: list[Path], root: Path, batch: int) -> tuple[float, float, int]:
    """Wall-clock and CPU seconds of the import, and the photos added."""
    init_workspace(root, site="KYV", team="T1", admin="admin", password="bench-password")
    workspace = open_workspace(root)
    examiner = build(workspace, Actor("petro", Role.EXAMINER))
    build(workspace, Actor("olena", Role.COORDINATOR)).exchanges.add(
        "R1", date="2025-06-13", declared=1
    )
    case = examiner.cases.register("R1").case_number
    size = batch or len(paths)
    started, cpu, added = time.perf_counter(), time.process_time(), 0
    for start in range(0, len(paths), size):
        result = examiner.photos.add(case, paths[start : start + size], kind="overview")
        added += len(result.photos)
    elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
    report = examiner.integrity.check()
    workspace.close()
    if not report.ok or added != len(paths):
        raise SystemExit(f"added {added} of {len(paths)}; check: {report.problems[:3]}")
    return elapsed, cpu, added


def _decode_only(path: Path) -> None:
    with open_photo_file(path) as fp:
        decode(fp, path.name, THUMBNAIL_SIDE)[1].close()


def decode_ceiling(paths: list[Path]) -> float:
    """Seconds to decode every file as the import's check does, on two threads."""
    started = time.perf_counter()
    with cf.ThreadPoolExecutor(2) as pool:
        list(pool.map(_decode_only, paths))
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=200)
    parser.add_argument("--batch", type=int, default=0, help="files per call (0: all in one)")
    options = parser.parse_args()
    paths = photos(options.count)
    megabytes = sum(p.stat().st_size for p in paths) / 1e6
    print(f"{len(paths)} photos, {megabytes / len(paths):.1f} MB each, {os.cpu_count()} cores")
    print("load average before: {:.2f} {:.2f} {:.2f}".format(*os.getloadavg()))
    for path in paths:  # warm the page cache so every run reads from memory
        path.read_bytes()
    with tempfile.TemporaryDirectory(dir=OUT) as scratch:
        base = floor(paths, Path(scratch))
    rate = len(paths) / base
    print(
        f"floor (read+sha256+write+fsync): {rate:6.1f} photos/s  {1000 * base / len(paths):5.1f} ms each"
    )
    ceiling = len(paths) / decode_ceiling(paths)
    print(
        f"ceiling (the check's decode alone, two threads): {ceiling:6.1f} photos/s "
        f"({100 * ceiling / rate:3.0f} % of floor)"
    )
    with tempfile.TemporaryDirectory(dir=OUT) as scratch:
        took, cpu, added = import_all(paths, Path(scratch) / "workspace", options.batch)
    speed = added / took
    share = 100 * speed / rate
    peak = peak_rss_mb()
    print(
        f"PhotoService.add ({'one call' if not options.batch else f'{options.batch} per call'}): "
        f"{speed:6.1f} photos/s ({share:3.0f} % of floor, target ≥ 50 %)  "
        f"CPU {1000 * cpu / added:4.1f} ms/photo, {cpu / took:3.1f} cores busy"
    )
    # Other work on the machine takes cores from the import's threads; the CPU it spent per
    # photo says what two free cores would give.
    ideal = 2 * added / cpu
    print(
        f"two free cores would allow {ideal:6.1f} photos/s ({100 * ideal / rate:3.0f} % of floor)"
    )
    print(f"peak RSS {peak:.0f} MB (target ≤ 400 MB)")
    print("load average after: {:.2f} {:.2f} {:.2f}".format(*os.getloadavg()))


if __name__ == "__main__":
    main()
