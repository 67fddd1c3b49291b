"""Benchmark: importing 12-megapixel photos against the floor of copying them durably.

Run: .venv/bin/python tests/bench/bench_photo_pipeline.py [--count 200]

The photos (4000 × 3000 JPEG, about 3 MB each) are made once and kept under tests/bench/out/.
Measured, with the source files already in the page cache:
- the floor: read + SHA-256 + write + fsync of each file, one after another;
- ``prepare_photos`` with one and two workers: check (full JPEG data read at draft scale),
  store the original, and make its thumbnail. The import makes thumbnails eagerly, because the
  draft decode that checks the file already yields the thumbnail's pixels.
Targets: two workers reach at least 50 % of the floor's photos/s; peak memory at most 400 MB.
"""

from __future__ import annotations

import argparse
import concurrent.futures as cf
import hashlib
import os
import shutil
import statistics
import tempfile
import time
from pathlib import Path

from memory import peak_rss_mb
from PIL import ExifTags, Image

from forensiclog.services.images import Prepared, prepare_photos
from forensiclog.services.photo_store import PhotoStore

OUT = Path(__file__).resolve().parent / "out"
SIZE = (4000, 3000)


def _make_photo(path: Path) -> None:
    gradient = Image.linear_gradient("L").resize(SIZE)
    flipped = (Image.Transpose.FLIP_LEFT_RIGHT, Image.Transpose.FLIP_TOP_BOTTOM)
    base = Image.merge("RGB", [gradient, *(gradient.transpose(f) for f in flipped)])
    noise = Image.merge("RGB", [Image.effect_noise(SIZE, 30) for _ in range(3)])
    exif = Image.Exif()
    exif.get_ifd(ExifTags.IFD.Exif)[ExifTags.Base.DateTimeOriginal] = "2025:06:01 10:00:00"
    picture = Image.blend(base, noise, 0.4)
    # effect_noise draws from C's rand(), which forked workers share: a strip of os.urandom
    # keeps every photo distinct, so no run is shortened by de-duplication.
    picture.paste(Image.frombytes("RGB", (SIZE[0], 16), os.urandom(SIZE[0] * 16 * 3)))
    partial = path.with_suffix(".part")
    picture.save(partial, "JPEG", quality=85, exif=exif)
    partial.replace(path)


def photos(count: int) -> list[Path]:
    folder = OUT / "photos"
    folder.mkdir(parents=True, exist_ok=True)
    paths = [folder / f"photo_{i:04d}.jpg" for i in range(count)]
    missing = [p for p in paths if not p.exists()]
    if missing:
        print(f"making {len(missing)} photos under {folder} (once) …", flush=True)
        with cf.ProcessPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
            list(pool.map(_make_photo, missing))
    return paths


def floor(paths: list[Path], dest: Path) -> float:
    """Seconds to read, hash, write and fsync every file, one after another."""
    start = time.perf_counter()
    for path in paths:
        digest = hashlib.sha256()
        with path.open("rb") as source, (dest / path.name).open("wb") as target:
            while chunk := source.read(1 << 20):
                digest.update(chunk)
                target.write(chunk)
            target.flush()
            os.fsync(target.fileno())
    return time.perf_counter() - start


def import_run(
    paths: list[Path], root: Path, workers: int, thumbnails: bool
) -> tuple[float, float]:
    """Wall-clock and CPU seconds (all threads) to prepare every photo."""
    start, cpu = time.perf_counter(), time.process_time()
    results = list(prepare_photos(paths, PhotoStore(root), workers=workers, thumbnails=thumbnails))
    elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
    stored = sum(isinstance(r, Prepared) for r in results)
    if stored != len(paths):
        raise SystemExit(f"only {stored} of {len(paths)} photos were stored")
    return elapsed, cpu


RUNS = {"workers=1 with thumbnails": (1, True), "workers=2 with thumbnails": (2, True)}
RUNS["workers=2 no thumbnails  "] = (2, False)


def measure_round(paths: list[Path]) -> dict[str, tuple[float, float]]:
    """One floor and one run of each import setting: wall-clock and CPU seconds."""
    with tempfile.TemporaryDirectory(dir=OUT) as scratch:
        timings = {"floor": (floor(paths, Path(scratch)), 0.0)}
    for label, (workers, thumbnails) in RUNS.items():
        with tempfile.TemporaryDirectory(dir=OUT) as scratch:
            timings[label] = import_run(paths, Path(scratch), workers, thumbnails)
            shutil.rmtree(scratch, ignore_errors=True)
    return timings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=3, help="the median of this many rounds")
    args = parser.parse_args()
    paths = photos(args.count)
    megabytes = sum(p.stat().st_size for p in paths) / 1e6
    print(f"{len(paths)} photos, {megabytes / len(paths):.1f} MB each, {os.cpu_count()} cores")
    # Other work on the machine takes cores and fsync time from the runs: the load shows how
    # much, and the median of several rounds is reported.
    print("load average before: {:.2f} {:.2f} {:.2f}".format(*os.getloadavg()))
    for path in paths:  # warm the page cache so every run reads from memory
        path.read_bytes()

    rounds = [measure_round(paths) for _ in range(args.rounds)]
    mid = {label: statistics.median_low(r[label] for r in rounds) for label in rounds[0]}
    n = len(paths)
    rate = n / mid["floor"][0]
    spread = sorted(n / r["floor"][0] for r in rounds)
    print(
        f"floor (read+sha256+write+fsync): {rate:6.1f} photos/s  {1000 / rate:5.1f} ms each"
        f"  (rounds: {', '.join(f'{x:.0f}' for x in spread)} photos/s)"
    )
    for label in RUNS:
        took, cpu = mid[label]
        speed = n / took
        print(
            f"prepare_photos {label}: {speed:6.1f} photos/s ({100 * speed / rate:3.0f} % of floor)"
            f"  CPU {1000 * cpu / n:4.1f} ms/photo, {cpu / took:3.1f} cores busy"
        )
    cpu_per_photo = mid["workers=2 with thumbnails"][1] / n
    print(
        f"two free cores would allow {2 / cpu_per_photo:5.1f} photos/s "
        f"({100 * 2 / cpu_per_photo / rate:3.0f} % of floor) at this CPU cost per photo"
    )
    print("load average after:  {:.2f} {:.2f} {:.2f}".format(*os.getloadavg()))
    print(f"peak RSS: {peak_rss_mb():.0f} MB (target ≤ 400 MB); target ≥ 50 % of floor, 2 workers")


if __name__ == "__main__":
    main()
