"""Issue 6's figures: a sealed case file of an exchange of 6,000 cases with 20,000 photos —
export and verify next to the floor measured in the same run (reading + SHA-256 of the same
bytes), and its merge into an office workspace of 100,000 cases.

    .venv/bin/python tests/bench/bench_casefile.py [--cases 6000] [--photos 20000]
        [--photo-kb 48] [--office 100000]

Targets: export and verify at least 50 % of their floor's MB/s; the import at most 60 s.
An export must also write and fsync what it reads, so a second floor is printed beside it:
read + SHA-256 + write + fsync of the same bytes.
The workspaces are generated once with bulk inserts (the handover-list service for cases,
Core inserts for photos, each with its history) and cached under tests/bench/out/. The
photos are small random files, written straight into the photo store.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import os
import sys
import time
from pathlib import Path
from typing import Any

from cached import OUT, cached_workspace, working_copy

PASSWORD = "bench-password"
EXCHANGE = "R-BENCH"
_JPEG_START = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00"


def _coordinator(path: Path) -> Any:
    from forensiclog.domain.roles import Role
    from forensiclog.services.build import build
    from forensiclog.services.context import Actor
    from forensiclog.services.workspace import open_workspace

    return build(open_workspace(path), Actor("olena", Role.COORDINATOR))


def _new_workspace(path: Path, team: str) -> Any:
    from forensiclog.domain.roles import Role
    from forensiclog.services.build import build
    from forensiclog.services.context import Actor
    from forensiclog.services.workspace import open_workspace
    from forensiclog.services.workspace_setup import init_workspace

    init_workspace(path, site="KYV", team=team, admin="admin", password=PASSWORD)
    workspace = open_workspace(path)
    build(workspace, Actor("admin", Role.ADMIN)).users.add("olena", "coordinator", PASSWORD)
    return _coordinator(path)


def _handover_list(path: Path, start: int, count: int) -> Path:
    lines = ["tag,surname,given_names,birth_date,service_number"]
    names = ["Гнатюк", "Іваненко", "Шевченко", "Иванов", "Смирнов", "Мʼязовий"]
    lines += [
        f"T-{i:07d},{names[i % 6]},Іван Петрович,19{70 + i % 30}-0{1 + i % 9}-1{i % 10},{1000000 + i}"
        for i in range(start, start + count)
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _cases(services: Any, prefix: str, total: int, start: int = 0) -> None:
    for n, first in enumerate(range(0, total, 6000)):
        code = EXCHANGE if prefix == "laptop" else f"R{n + 1:03d}"
        services.exchanges.add(code, date="2025-06-13", declared=6000)
        listing = _handover_list(OUT / f"{prefix}.csv", start + first, min(6000, total - first))
        services.manifest.import_file(code, listing)
        print(f"  {prefix}: {min(first + 6000, total)} cases", file=sys.stderr)


def _photo_rows(root: Path, count: int, size: int, now: dt.datetime) -> list[dict[str, Any]]:
    from forensiclog.db.base import new_uid

    rows = []
    for i in range(count):
        data = _JPEG_START + os.urandom(size - len(_JPEG_START))
        sha = hashlib.sha256(data).hexdigest()
        target = root / "photos" / sha[:2] / sha
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        target.chmod(0o444)
        rows.append(
            {
                "uid": new_uid(), "sha256": sha, "size": size, "media_type": "image/jpeg",
                "width": 640, "height": 480, "taken_at": None, "taken_at_local": False,
                "gps_lat": None, "gps_lon": None,
                "original_name": f"IMG_{i:05d}.jpg", "imported_at": now, "imported_by": "olena",
            }
        )  # fmt: skip
    return rows


def _photos(path: Path, count: int, size: int) -> None:
    """``count`` photo files spread over the cases, with their history, in one transaction."""
    from sqlalchemy import insert, select

    from forensiclog.db.base import new_uid, table_of
    from forensiclog.db.models import Case, CasePhoto, PhotoFile
    from forensiclog.services import history
    from forensiclog.services.workspace import open_workspace

    workspace = open_workspace(path)
    now = dt.datetime.now(dt.UTC)
    files, links = table_of(PhotoFile), table_of(CasePhoto)
    with workspace.write_session() as session, session.begin():
        tx = history.Tx(session, "olena", workspace.info.uid, now)
        cases = session.execute(select(Case.id, Case.case_number).order_by(Case.id)).all()
        rows = _photo_rows(path, count, size, now)
        ids: dict[str, int] = dict(
            session.connection()
            .execute(insert(files).returning(files.c.uid, files.c.id), rows)
            .all()
        )
        kinds = ("overview", "face", "clothing", "mark")
        link_rows = [
            {
                "uid": new_uid(), "case_id": cases[i % len(cases)].id, "photo_id": ids[row["uid"]],
                "kind": kinds[i % 4], "caption": None, "document_id": None, "effect_id": None,
                "added_at": now, "added_by": "olena",
            }
            for i, row in enumerate(rows)
        ]  # fmt: skip
        session.connection().execute(insert(links), link_rows)
        for i, (row, link) in enumerate(zip(rows, link_rows, strict=True)):
            number = cases[i % len(cases)].case_number
            tx.record_state(
                "photo_file.add", "photo_file", row["uid"], history.state_of(files, row), number
            )
            tx.record_state(
                "photo.add", "photo", link["uid"], history.state_of(links, link), number
            )
        history.append(tx, workspace.signer())
    workspace.close()


def _cached(name: str, make: Any) -> Path:
    return working_copy(cached_workspace(name, make), f"{name}-work")


def _floor(paths: list[Path]) -> tuple[int, float]:
    """Read + SHA-256 of the files, one after another: the bytes and the seconds."""
    started, total = time.perf_counter(), 0
    for path in paths:
        digest = hashlib.sha256()
        with path.open("rb") as handle:
            while chunk := handle.read(1 << 20):
                digest.update(chunk)
                total += len(chunk)
    return total, time.perf_counter() - started


def _copy_floor(paths: list[Path], target: Path) -> tuple[int, float]:
    """Read + SHA-256 + write into one file + fsync: what an export cannot do without."""
    started, total = time.perf_counter(), 0
    with target.open("wb") as out:
        for path in paths:
            data = path.read_bytes()
            hashlib.sha256(data).hexdigest()
            out.write(data)
            total += len(data)
        out.flush()
        os.fsync(out.fileno())
    target.unlink()
    return total, time.perf_counter() - started


def _line(what: str, seconds: float, size: int, floor: tuple[int, float]) -> float:
    rate, floor_rate = size / seconds / 1e6, floor[0] / floor[1] / 1e6
    share = rate / floor_rate * 100
    print(
        f"{what:<28} {seconds:7.2f} s  {rate:8.1f} MB/s   floor {floor_rate:8.1f} MB/s   {share:5.1f} %"
    )
    return share


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cases", type=int, default=6000)
    parser.add_argument("--photos", type=int, default=20_000)
    parser.add_argument("--photo-kb", type=int, default=48)
    parser.add_argument("--office", type=int, default=100_000)
    o = parser.parse_args()
    OUT.mkdir(exist_ok=True)

    def make_laptop(path: Path) -> None:
        _cases(_new_workspace(path, "T2"), "laptop", o.cases, start=5_000_000)
        _photos(path, o.photos, o.photo_kb * 1024)

    def make_office(path: Path) -> None:
        _cases(_new_workspace(path, "T1"), "office", o.office)

    laptop = _cached(f"casefile-laptop-{o.cases}-{o.photos}-{o.photo_kb}", make_laptop)
    office = _cached(f"casefile-office-{o.office}", make_office)
    sealed = OUT / "bench.fcase"
    sealed.unlink(missing_ok=True)
    originals = sorted(p for p in (laptop / "photos").rglob("*") if p.is_file())
    print(
        f"laptop: {o.cases} cases, {len(originals)} photos of {o.photo_kb} KiB; office: {o.office} cases"
    )

    export_floor = _floor([*originals, laptop / "forensiclog.db"])
    copy_floor = _copy_floor([*originals, laptop / "forensiclog.db"], OUT / "copy-floor.bin")
    started = time.perf_counter()
    result = _coordinator(laptop).casefiles.export(sealed, exchange=EXCHANGE)
    exported = time.perf_counter() - started
    size = sealed.stat().st_size
    shares = [_line("export", exported, size, export_floor)]
    copy_rate = copy_floor[0] / copy_floor[1] / 1e6
    print(
        f"{'':<28} (read + SHA-256 + write + fsync of the same bytes: {copy_rate:.1f} MB/s,"
        f" export at {size / exported / 1e6 / copy_rate * 100:.0f} % of it)"
    )

    from forensiclog.services.casefiles import verify_casefile

    verify_floor = _floor([sealed])
    started = time.perf_counter()
    verdict = verify_casefile(sealed)
    shares.append(_line("verify", time.perf_counter() - started, size, verify_floor))
    assert verdict.valid, verdict.problems[:5]

    merge = _coordinator(office).merge
    started = time.perf_counter()
    merged = merge.import_file(sealed)
    imported = time.perf_counter() - started
    started = time.perf_counter()
    again = merge.import_file(sealed)
    repeated = time.perf_counter() - started
    print(
        f"{'import into the office':<28} {imported:7.2f} s  (target ≤ 60 s): {merged.added} cases, {merged.photos_added} photos added"
    )
    print(
        f"{'the same file again':<28} {repeated:7.2f} s  {again.unchanged} unchanged, {again.added} added"
    )
    print(
        f"file {size / 1e6:.1f} MB, {result.cases} cases, {result.photos} photos, SHA-256 {result.sha256[:16]}…"
    )
    ok = all(s >= 50 for s in shares) and imported <= 60 and merged.added == o.cases
    print("targets met" if ok else "TARGETS NOT MET")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
