"""The fast QR encoder: every module the same as ReportLab's own encoder (which chooses the
mask by trying all eight), for case numbers and for long texts of higher versions."""

from __future__ import annotations

import random
import string

import pytest
from reportlab.graphics.barcode import qrencoder

from forensiclog.reports.qr_code import LEVELS, QUIET_ZONE, qr_path, qr_rows


def reportlab_rows(text: str, level: str) -> tuple[str, ...]:
    code = qrencoder.QRCode(None, LEVELS[level])
    code.addData(text)
    code.make()
    return tuple("".join("1" if m else "0" for m in row) for row in code.modules)


def texts() -> list[str]:
    rng = random.Random(7)
    alphabet = string.ascii_letters + string.digits + " -Гнатюкʼ№"
    numbers = [f"KYV-T2-{i:05d}" for i in range(0, 60000, 997)] + [
        "KYV-T2-00153-P01",
        "ODS-A-1234567",
    ]
    free = ["".join(rng.choice(alphabet) for _ in range(rng.randint(1, 180))) for _ in range(40)]
    return numbers + free


@pytest.mark.parametrize("level", list(LEVELS))
def test_modules_match_reportlab_exactly(level: str) -> None:
    for text in texts():
        assert qr_rows(text, level) == reportlab_rows(text, level), text


def test_versions_up_to_seven_and_beyond_are_covered() -> None:
    sizes = {len(qr_rows(t, "Q")) for t in texts()}
    assert min(sizes) == 21 and max(sizes) >= 45  # version 1 … version 7+ (version information)


def test_path_fills_each_dark_run_once() -> None:
    rows = ("1101", "0000", "0111", "1000")
    path = qr_path(rows).splitlines()
    top = len(rows) + QUIET_ZONE - 1
    assert path == [
        f"{QUIET_ZONE} {top} 2 1 re",
        f"{QUIET_ZONE + 3} {top} 1 1 re",
        f"{QUIET_ZONE + 1} {top - 2} 3 1 re",
        f"{QUIET_ZONE} {top - 3} 1 1 re",
    ]


def test_text_too_long_for_any_qr_code_is_refused() -> None:
    with pytest.raises(ValueError, match="do not fit"):
        qr_rows("x" * 5000)
