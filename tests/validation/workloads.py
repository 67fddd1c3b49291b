"""What the crash, fault and tampering figures work on: a field laptop's workspace with cases,
documents and photos, an office workspace, case files, fresh photos and handover lists.

Built once per figure run in a scratch folder; every trial works on its own copy.
"""

from __future__ import annotations

import csv
import shutil
from dataclasses import dataclass
from pathlib import Path

from PIL import Image

from forensiclog.services.build import Services, build
from forensiclog.services.context import Actor
from forensiclog.services.workspace import open_workspace
from tests.conftest import ROLES, create_workspace

ROOT = Path(__file__).resolve().parents[2]
GOLDEN = ROOT / "tests" / "data" / "schemas"
FIELD_EXCHANGE = "R1-0601"
LIST_EXCHANGE = "R2-0613"
FIELD_BODIES = 6


@dataclass(frozen=True)
class Material:
    """Everything a trial starts from; nothing here is ever written by a trial."""

    root: Path
    field: Path
    office: Path
    casefiles: tuple[Path, ...]
    photos: tuple[Path, ...]
    lists: tuple[Path, ...]
    golden: Path


def services(path: Path, user: str) -> Services:
    """The services of the workspace at ``path`` for ``user`` (signed in without a password)."""
    return build(open_workspace(path), Actor(user, ROLES[user]))


def photo(path: Path, index: int, side: int = 40) -> Path:
    """A small JPEG whose pixels (and so whose SHA-256) depend on ``index``."""
    image = Image.new("RGB", (side, side), (index * 37 % 256, index * 91 % 256, index % 256))
    image.putpixel((index % side, index // side % side), (255 - index % 256, 0, 0))
    image.save(path, "JPEG", quality=90)
    return path


def handover_list(path: Path, first: int, rows: int) -> Path:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["tag", "surname", "given_names", "birth_date", "unit"])
        for n in range(first, first + rows):
            writer.writerow([f"H-{n:05d}", f"Гнатюк{n}", "Іван", "1990-01-02", "ВЧ А0000"])
    return path


def _fill_field(path: Path, photos: list[Path]) -> None:
    coordinator = services(path, "olena")
    examiner = services(path, "petro")
    coordinator.exchanges.add(FIELD_EXCHANGE, date="2025-06-01", declared=20, place="Київ")
    coordinator.exchanges.add(LIST_EXCHANGE, date="2025-06-13", declared=6000, place="Київ")
    for i in range(FIELD_BODIES):
        case = examiner.cases.register(
            FIELD_EXCHANGE, tag=f"F-{i}", condition="decomposed", location=f"Fridge {i}"
        ).case_number
        examiner.documents.add(
            case, kind="military_id", country="RUS", number=f"MIL{i:04d}", photos=[photos[i]]
        )
        examiner.photos.add(case, [photos[FIELD_BODIES + i]], kind="overview", caption=f"F{i}")
    coordinator.workspace.close()
    examiner.workspace.close()


def _export_twice(field: Path, folder: Path) -> tuple[Path, ...]:
    """The field's exchange as a case file, then again after more work on it."""
    coordinator = services(field, "olena")
    first = folder / "field-1.fcase"
    coordinator.casefiles.export(first, exchange=FIELD_EXCHANGE)
    coordinator.cases.register(FIELD_EXCHANGE, tag="F-late", location="Fridge 9")
    second = folder / "field-2.fcase"
    coordinator.casefiles.export(second, exchange=FIELD_EXCHANGE)
    coordinator.workspace.close()
    return first, second


def build_material(root: Path, *, fresh_photos: int = 40, list_rows: int = 150) -> Material:
    """Make the material under ``root`` (an empty folder)."""
    sources = root / "sources"
    sources.mkdir(parents=True)
    used = [photo(sources / f"field-{i}.jpg", 1000 + i) for i in range(2 * FIELD_BODIES)]
    fresh = tuple(photo(sources / f"fresh-{i}.jpg", i) for i in range(fresh_photos))
    lists = tuple(
        handover_list(sources / f"list-{n}.csv", n * list_rows, list_rows) for n in range(3)
    )
    field = create_workspace(root / "field", team="T1")
    _fill_field(field, used)
    casefiles = _export_twice(field, sources)
    office = create_workspace(root / "office", team="T9")
    golden = sorted(GOLDEN.glob("*.sqlite"))[-1]
    return Material(root, field, office, casefiles, fresh, lists, golden)


def copy_tree(source: Path, target: Path) -> Path:
    shutil.copytree(source, target, symlinks=True)
    return target
