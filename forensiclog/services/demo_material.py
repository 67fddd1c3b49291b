"""The demo scenario's material: invented people, their documents' zones, and photo boards.

Everything here is made up at build time from the name pools in ``seeds/``; no real person's
data is used.
"""

from __future__ import annotations

import datetime as dt
import io
import random
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from PIL import ExifTags, Image, ImageDraw, ImageFont
from translitua import RussianICAO, UkrainianKMU, translit

from forensiclog.domain.mrz import MrzFields
from forensiclog.domain.mrz_compose import compose_mrz
from forensiclog.paths import resource_path

_NOT_MRZ = re.compile(r"[^A-Z ]")


@dataclass(frozen=True)
class Person:
    surname: str
    given: str
    patronymic: str
    birth_date: dt.date
    birth_place: str

    @property
    def given_names(self) -> str:
        return f"{self.given} {self.patronymic}"


# -- people and their documents --------------------------------------------------------------


def invented_person(rng: random.Random, pool: dict[str, list[str]]) -> Person:
    born = dt.date(1966, 1, 1) + dt.timedelta(days=rng.randrange(365 * 38))
    return Person(
        rng.choice(pool["surnames"]),
        rng.choice(pool["given_names"]),
        rng.choice(pool["patronymics"]),
        born,
        rng.choice(pool["birth_places"]),
    )


def _latin(text: str, table: Any) -> str:
    return _NOT_MRZ.sub("", translit(text, table).upper())


def random_digits(rng: random.Random, count: int) -> str:
    return "".join(rng.choice("0123456789") for _ in range(count))


def document_series(rng: random.Random) -> str:
    return "".join(rng.choice("АВЕКМНОРСТ") for _ in range(2))


def ukrainian_id_card(person: Person, rng: random.Random) -> tuple[str, ...]:
    """The TD1 zone of a Ukrainian ID card (names by the national table, UNZR as optional data)."""
    unzr = person.birth_date.strftime("%Y%m%d") + random_digits(rng, 5)
    fields = MrzFields(
        document_code="ID",
        issuing_state="UKR",
        surname=_latin(person.surname, UkrainianKMU),
        given_names=_latin(person.given, UkrainianKMU),
        document_number=random_digits(rng, 9),
        nationality="UKR",
        birth_date=person.birth_date,
        sex="M",
        expiry_date=person.birth_date.replace(year=person.birth_date.year + 45),
        personal_number=unzr,
    )
    return compose_mrz("TD1", fields)


def russian_passport(person: Person, rng: random.Random) -> tuple[str, ...]:
    """The TD3 zone of a Russian international passport (names by ICAO Doc 9303)."""
    fields = MrzFields(
        document_code="P",
        issuing_state="RUS",
        surname=_latin(person.surname, RussianICAO),
        given_names=_latin(person.given, RussianICAO),
        document_number="7" + random_digits(rng, 8),
        nationality="RUS",
        birth_date=person.birth_date,
        sex="M",
        expiry_date=dt.date(2029, 1, 1) + dt.timedelta(days=rng.randrange(1500)),
    )
    return compose_mrz("TD3", fields)


def damaged(zone: tuple[str, ...]) -> tuple[str, ...]:
    """The zone with one digit of its birth date misread (a burnt or wet document)."""
    text, position = zone[1], 0 if len(zone) == 3 else 13
    wrong = str((int(text[position]) + 1) % 10)
    return (zone[0], text[:position] + wrong + text[position + 1 :], *zone[2:])


# -- photos ----------------------------------------------------------------------------------

_BACKGROUNDS = {"overview": (70, 80, 88), "face": (96, 92, 84), "document": (60, 70, 62)}


@cache
def _font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    bundled = resource_path("fonts", "DejaVuSans.ttf")
    if bundled.is_file():
        return ImageFont.truetype(str(bundled), size)
    return ImageFont.load_default(size)


def photo_board(
    path: Path, case: str, kind: str, lines: tuple[str, ...], *, size: tuple[int, int], taken: str
) -> Path:
    """A synthetic DVI photograph: the subject drawn plainly, the case number on a board and a
    scale in the frame, as every evidence photograph shows them."""
    width, height = size
    image = Image.new("RGB", size, _BACKGROUNDS.get(kind, (80, 80, 80)))
    draw = ImageDraw.Draw(image)
    if kind == "face":
        draw.ellipse(
            (width * 0.35, height * 0.12, width * 0.65, height * 0.62), fill=(170, 150, 130)
        )
    elif kind == "document":
        draw.rounded_rectangle(
            (width * 0.12, height * 0.1, width * 0.88, height * 0.62), 12, fill=(215, 210, 190)
        )
        for i, line in enumerate(lines):
            draw.text(
                (width * 0.15, height * 0.14 + i * 34), line, fill=(20, 20, 20), font=_font(20)
            )
    else:
        draw.rounded_rectangle(
            (width * 0.08, height * 0.2, width * 0.92, height * 0.6), 40, fill=(120, 120, 110)
        )
    board = (24, int(height * 0.7), int(width * 0.62), height - 24)
    draw.rectangle(board, fill=(250, 250, 245), outline=(0, 0, 0), width=3)
    draw.text((board[0] + 16, board[1] + 12), case, fill=(0, 0, 0), font=_font(44))
    draw.text(
        (board[0] + 16, board[1] + 70),
        f"{kind.upper()}  {taken[:10]}",
        fill=(0, 0, 0),
        font=_font(20),
    )
    for tick in range(11):  # a 10 cm scale, one tick per centimetre
        x = int(width * 0.68) + tick * 20
        draw.line(
            (x, height - 40, x, height - (70 if tick % 5 == 0 else 55)),
            fill=(255, 255, 255),
            width=2,
        )
    draw.line(
        (int(width * 0.68), height - 40, int(width * 0.68) + 200, height - 40),
        fill=(255, 255, 255),
        width=3,
    )
    exif = Image.Exif()
    exif.get_ifd(ExifTags.IFD.Exif)[ExifTags.Base.DateTimeOriginal] = taken
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=82, exif=exif)
    path.write_bytes(buffer.getvalue())
    return path
