"""Label sheets: every case number as text and as a QR code that decodes back to it, the right
number of sheets for each layout, nothing but the bundled font."""

from __future__ import annotations

import io
import math
import shutil
import subprocess
from pathlib import Path

import pytest
from pdf_reading import font_names, needs_pdftotext, reader, text
from PIL import Image
from report_records import context

from forensiclog.domain.errors import InvalidInput
from forensiclog.domain.report_inputs import LabelItem, LabelLayout, parse_label_layout
from forensiclog.reports.label_sheet import STOCK, LabelSheet, split_number

pytestmark = needs_pdftotext


def items(count: int) -> list[LabelItem]:
    return [
        LabelItem(
            f"KYV-T2-{i:05d}" + ("-P01" if i % 7 == 0 else ""),
            f"Б-{i}" if i % 2 else None,
            "R2-0613",
        )
        for i in range(1, count + 1)
    ]


@pytest.mark.parametrize("layout", list(LabelLayout))
def test_every_number_prints_on_the_right_number_of_sheets(layout: LabelLayout) -> None:
    labels = items(30)
    sheet = LabelSheet(labels, layout, context("uk"), invariant=True)
    rendered = sheet.render()
    assert (
        rendered.pages == len(reader(rendered.pdf).pages) == math.ceil(30 / STOCK[layout].per_sheet)
    )
    found = text(rendered.pdf).replace("\n", "")
    assert all(label.case_number in found for label in labels)
    assert "Бирка: Б-1" in found and "Обмін: R2-0613" in found
    assert font_names(rendered.pdf) <= {"DejaVuSans", "DejaVuSans-Bold"}


def test_the_stock_fits_on_a_4_sheet() -> None:
    for stock in STOCK.values():
        assert stock.left * 2 + stock.pitch_x * (stock.columns - 1) + stock.width <= 210.01
        assert stock.top + stock.pitch_y * (stock.rows - 1) + stock.height <= 297.01


def test_metadata_carries_title_author_and_fingerprint() -> None:
    sheet = LabelSheet(items(3), LabelLayout.LARGE, context("en"), invariant=True)
    info = reader(sheet.render().pdf).metadata
    assert info is not None and info.title == "Labels — 3 × 2x4"
    assert info.author == "Олена Коваль" and sheet.fingerprint in str(info.get("/Keywords"))


def test_nothing_to_label_is_refused() -> None:
    with pytest.raises(InvalidInput, match="nothing to label"):
        LabelSheet([], LabelLayout.SMALL, context("en"))


def test_layout_codes_parse() -> None:
    assert parse_label_layout(" 3X8 ") is LabelLayout.SMALL
    assert parse_label_layout("large") is LabelLayout.LARGE
    with pytest.raises(InvalidInput, match="3x8, 2x7, 2x4"):
        parse_label_layout("4x10")


def test_split_number_keeps_site_and_team_together() -> None:
    assert split_number("KYV-T2-00153-P01") == ("KYV-T2-", "00153-P01")
    assert split_number("odd") == ("", "odd")


@pytest.mark.skipif(
    shutil.which("zbarimg") is None or shutil.which("pdftoppm") is None,
    reason="zbar-tools or poppler-utils missing",
)
@pytest.mark.parametrize("layout", list(LabelLayout))
def test_each_qr_code_decodes_to_its_case_number(layout: LabelLayout, tmp_path: Path) -> None:
    stock = STOCK[layout]
    labels = items(stock.per_sheet)
    pdf = LabelSheet(labels, layout, context("uk"), invariant=True).render().pdf
    dpi = 200
    png = subprocess.run(
        ["pdftoppm", "-png", "-r", str(dpi), "-f", "1", "-l", "1", "-"],
        input=pdf,
        capture_output=True,
        check=True,
    ).stdout
    page = Image.open(io.BytesIO(png))
    scale = dpi / 25.4
    for slot, label in enumerate(labels):
        row, column = divmod(slot, stock.columns)
        left, top = stock.left + column * stock.pitch_x, stock.top + row * stock.pitch_y
        box = (
            left * scale,
            top * scale,
            (left + stock.width) * scale,
            (top + stock.height) * scale,
        )
        crop = tmp_path / f"{slot}.png"
        page.crop(tuple(round(v) for v in box)).save(crop)
        decoded = subprocess.run(
            ["zbarimg", "-q", "--raw", str(crop)], check=False, capture_output=True, text=True
        )
        assert decoded.stdout.strip() == label.case_number
