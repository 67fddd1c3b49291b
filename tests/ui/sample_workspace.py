"""A small, realistic workspace built through the services: users of every role, two exchanges,
a handover list, registered bodies in several statuses, documents, effects and photos.

Used by the GUI tests (built once, copied per test) and by ``make screenshots``.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageDraw

from forensiclog.services.build import Services, sign_in
from forensiclog.services.workspace import open_workspace
from forensiclog.services.workspace_setup import init_workspace

PASSWORD = "correct-horse-7"
USERS = {"admin": "admin", "olena": "coordinator", "taras": "examiner", "iryna": "auditor"}

SURNAMES = (
    "Шевченко", "Коваленко", "Бондаренко", "Ткаченко", "Кравченко", "Олійник", "Мельник",
    "Шевчук", "Поліщук", "Лисенко", "Гнатюк", "Іваненко", "Савчук", "Руденко", "Мороз",
    "Бойко", "Петренко", "Марченко", "Романенко", "Кузьменко", "Зінченко", "Гончаренко",
)  # fmt: skip
GIVEN = (
    "Олександр", "Андрій", "Сергій", "Дмитро", "Іван", "Тарас", "Микола", "Василь", "Юрій",
    "Богдан", "Віталій", "Олег", "Петро", "Євген", "Ярослав",
)  # fmt: skip
UNITS = ("93 ОМБр", "72 ОМБр", "47 ОМБр", "3 ОШБр", "110 ОМБр", "25 ОПДБр")
LOCATIONS = ("Холодильник 1, полиця 2", "Холодильник 2, полиця 1", "Холодильник 3", "Секція Б-4")
CONDITIONS = ("complete", "incomplete", "decomposed", "skeletonised", "fragmented", "burnt")


@dataclass(frozen=True)
class Sample:
    path: Path
    exchanges: tuple[str, ...]
    registered: tuple[str, ...]
    foreign_case: str | None


def _handover_list(path: Path, rows: int, start: int, rng: random.Random) -> Path:
    lines = ["tag,surname,given_names,birth_date,unit,service_number"]
    for n in range(rows):
        birth = dt.date(1970, 1, 1) + dt.timedelta(days=rng.randrange(0, 12_000))
        lines.append(
            f"{start + n:04d},{rng.choice(SURNAMES)},{rng.choice(GIVEN)},{birth.isoformat()},"
            f"{rng.choice(UNITS)},ВС-{rng.randrange(100000, 999999)}"
        )
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _photo(path: Path, label: str, colour: tuple[int, int, int]) -> Path:
    image = Image.new("RGB", (640, 480), colour)
    draw = ImageDraw.Draw(image)
    draw.rectangle((40, 40, 600, 440), outline=(240, 240, 240), width=6)
    draw.text((60, 60), label, fill=(255, 255, 255))
    image.save(path, "JPEG", quality=85)
    return path


def _users(workspace_path: Path) -> None:
    admin = sign_in(open_workspace(workspace_path), "admin", PASSWORD)
    for name, role in USERS.items():
        if name != "admin":
            admin.users.add(name, role, PASSWORD)
    admin.workspace.close()


def _exchanges(coordinator: Services, folder: Path, rng: random.Random, rows: int) -> None:
    coordinator.exchanges.add(
        "R2-0613", date="2025-06-13", declared=rows + 40, place="Київ", counterparty="РФ"
    )
    coordinator.exchanges.add(
        "R3-0627", date="2025-06-27", declared=rows // 2, place="Київ", counterparty="РФ"
    )
    coordinator.manifest.import_file("R2-0613", _handover_list(folder / "r2.csv", rows, 1, rng))
    coordinator.manifest.import_file(
        "R3-0627", _handover_list(folder / "r3.csv", rows // 2, 5001, rng)
    )


def _register(examiner: Services, rng: random.Random, count: int) -> list[str]:
    numbers = []
    for n in range(count):
        done = examiner.cases.register(
            "R2-0613",
            tag=f"{n + 1:04d}" if n % 5 else f"X-{n:03d}",
            condition=rng.choice(CONDITIONS),
            location=rng.choice(LOCATIONS),
            sex="M" if n % 9 else "U",
        )
        numbers.append(done.case_number)
    return numbers


def _advance(examiner: Services, numbers: list[str]) -> None:
    for n, number in enumerate(numbers[: len(numbers) * 2 // 3]):
        examiner.workflow.move(number, "examined", reason="external examination done")
        if n % 2 == 0:
            examiner.workflow.move(number, "sampled", reason="DNA sample taken")
        if n % 4 == 0:
            examiner.workflow.move(number, "awaiting_results", reason="sent to the laboratory")


def _evidence(examiner: Services, numbers: list[str], folder: Path) -> str:
    foreign = numbers[1]
    examiner.documents.add(
        foreign,
        kind="internal_passport",
        country="RUS",
        number="4619 123456",
        surname="Иванов",
        given_names="Сергей Петрович",
        birth_date="1987-03-14",
        birth_place="Московская обл.",
        found_at="left breast pocket",
        bag="B-0042",
        photos=[_photo(folder / "passport.jpg", "document", (90, 70, 60))],
    )
    examiner.cases.edit(
        foreign, {"nationality": "foreign", "nationality_basis": "Russian internal passport"}
    )
    examiner.workflow.move(foreign, "foreign_national", reason="Russian internal passport found")
    own = numbers[3]
    examiner.documents.add(
        own,
        kind="military_id",
        country="UKR",
        number="АА 123456",
        surname="Гнатюк",
        given_names="Андрій Іванович",
        birth_date="1990-11-02",
        found_at="jacket",
        bag="B-0043",
    )
    examiner.effects.add(own, kind="other", description="Наручний годинник, браслет сталевий")
    shots = [
        _photo(folder / f"{kind}.jpg", kind, colour)
        for kind, colour in (("overview", (60, 80, 110)), ("face", (110, 90, 80)))
    ]
    examiner.photos.add(own, shots[:1], kind="overview")
    examiner.photos.add(own, shots[1:], kind="face")
    return foreign


def build_sample(path: Path, *, manifest_rows: int = 60, registered: int = 24) -> Sample:
    """A workspace at ``path`` (which must not exist yet) and what it holds."""
    rng = random.Random(20250613)
    init_workspace(path, site="KYV", team="T2", admin="admin", password=PASSWORD, name="Київ T2")
    _users(path)
    workspace = open_workspace(path)
    try:
        files = path.parent / f".{path.name}-files"
        files.mkdir(exist_ok=True)
        _exchanges(sign_in(workspace, "olena", PASSWORD), files, rng, manifest_rows)
        examiner = sign_in(workspace, "taras", PASSWORD)
        numbers = _register(examiner, rng, registered)
        _advance(examiner, numbers)
        foreign = _evidence(examiner, numbers, files)
    finally:
        workspace.close()
    return Sample(path, ("R2-0613", "R3-0627"), tuple(numbers), foreign)
