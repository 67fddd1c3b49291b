"""Report timings, in one run: the exchange report of 6,000 cases beside ReportLab's floor (a bare
6,000-row table of plain strings), the case report with 20 twelve-megapixel photos (downscaling
included), and the label sheet of 6,000 cases.

    .venv/bin/python tests/bench/bench_reports.py [--out DIR]

Targets (issue 5): exchange ≤ 5 s; case report ≤ 2 s and ≤ 3 MB; labels ≤ 5 s.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import os
import random
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PIL import Image, ImageDraw, ImageFilter
from reportlab.lib.units import mm
from reportlab.platypus import SimpleDocTemplate, Table

from forensiclog.domain.records import (
    CaseRecord,
    CaseRow,
    ExchangeRecord,
    ExchangeSummary,
    PhotoRecord,
    WorkspaceInfo,
)
from forensiclog.domain.report_inputs import (
    ExchangeReportInput,
    LabelItem,
    LabelLayout,
    ReportContext,
    ReportLanguage,
    ReportPhoto,
)
from forensiclog.reports import styles
from forensiclog.reports.case_report import CaseReport
from forensiclog.reports.exchange_report import ExchangeReport
from forensiclog.reports.fonts import REGULAR, register_fonts
from forensiclog.reports.label_sheet import LabelSheet
from forensiclog.reports.photo_preview import preview_many

CASES = 6000
PHOTOS = 20
NOW = dt.datetime(2025, 6, 13, 9, 30, tzinfo=dt.UTC)
STATUSES = ("received", "examined", "sampled", "awaiting_results", "identified", "foreign_national")


def context() -> ReportContext:
    workspace = WorkspaceInfo(
        "ws", "Київ, бюро №2", "KYV", "T2", NOW, "SHA256:bench-key", "/tmp/ws"
    )
    return ReportContext(ReportLanguage.UK, NOW, "Олена Коваль", workspace, "0" * 64)


def case_rows() -> tuple[CaseRow, ...]:
    return tuple(
        CaseRow(
            f"KYV-T2-{i:05d}",
            "R2-0613",
            f"Б-{i}",
            STATUSES[i % 6],
            ("own", "foreign", "undetermined")[i % 3],
            documents=i % 4,
            photos=i % 9,
            completeness=1 + i % 5,
        )
        for i in range(1, CASES + 1)
    )


def exchange_input(rows: tuple[CaseRow, ...]) -> ExchangeReportInput:
    exchange = ExchangeRecord("R2-0613", dt.date(2025, 6, 13), CASES, "Київська обл.", "РФ")
    by_status: dict[str, int] = {}
    for row in rows:
        by_status[row.status] = by_status.get(row.status, 0) + 1
    summary = ExchangeSummary(
        exchange,
        len(rows),
        len(rows),
        by_status,
        by_status["foreign_national"],
        by_status["received"],
    )
    return ExchangeReportInput(summary, rows)


def bare_table(rows: tuple[CaseRow, ...], *, fixed_heights: bool = False) -> int:
    """The floor: ReportLab alone laying out the same 6,000 rows of plain strings (by default
    measuring every row, as a table does unless given its row heights)."""
    data = [["№", "case", "tag", "status", "nationality", "docs", "photos", "score"]]
    data += [
        [
            str(i),
            r.case_number,
            r.tag or "",
            r.status,
            r.nationality,
            str(r.documents),
            str(r.photos),
            f"{r.completeness}/5",
        ]
        for i, r in enumerate(rows, 1)
    ]
    table = Table(
        data,
        colWidths=[12 * mm, 30 * mm, 40 * mm, 32 * mm, 28 * mm, 10 * mm, 10 * mm, 12 * mm],
        rowHeights=[14.0] * len(data) if fixed_heights else None,
        repeatRows=1,
    )
    table.setStyle([("FONT", (0, 0), (-1, -1), REGULAR, 8)])
    out = io.BytesIO()
    doc = SimpleDocTemplate(out, pagesize=styles.PAGE, invariant=1)
    doc.build([table])
    return len(out.getvalue())


def twelve_megapixel_photos(count: int) -> list[bytes]:
    """Distinct 4000×3000 JPEGs with the texture and size (2–4 MB) of real photos; every
    fourth one carries EXIF orientation 6 (taken with the phone turned), so it is rotated."""
    rng = random.Random(5)
    photos = []
    for index in range(count):
        small = Image.new("RGB", (16, 12))
        small.putdata([tuple(rng.randrange(40, 220) for _ in range(3)) for _ in range(16 * 12)])
        image = small.resize((4000, 3000), Image.Resampling.BICUBIC)
        noise = Image.effect_noise((4000, 3000), 28).convert("RGB")
        image = Image.blend(image, noise, 0.22).filter(ImageFilter.SMOOTH)
        ImageDraw.Draw(image).text((200, 200), f"photo {index}", fill="white", font_size=240)
        exif = Image.Exif()
        if index % 4 == 0:
            exif[0x0112] = 6
        out = io.BytesIO()
        image.save(out, "JPEG", quality=90, exif=exif)
        photos.append(out.getvalue())
    return photos


def case_with_photos(originals: list[bytes]) -> tuple[CaseRecord, list[PhotoRecord]]:
    records = [
        PhotoRecord(
            f"{i:02d}" + "ab" * 31,
            ("overview", "face", "document", "mark")[i % 4],
            f"photo {i}",
            NOW,
            "examiner1",
            taken_at=NOW,
            width=4000,
            height=3000,
            size=len(o),
        )
        for i, o in enumerate(originals)
    ]
    case = CaseRecord(
        "c",
        "KYV-T2-00153",
        "R2-0613",
        "examined",
        "undetermined",
        NOW,
        "examiner1",
        tag="Б-153",
        condition="decomposed",
        photos=tuple(records),
    )
    return case, records


def timed(action: Callable[[], Any]) -> tuple[float, Any]:
    start = time.perf_counter()
    result = action()
    return time.perf_counter() - start, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, help="also write the PDFs into this folder")
    args = parser.parse_args()
    register_fonts()
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(
        f"{os.cpu_count()} cores, load average {load} (other work on the machine slows every figure)"
    )
    rows = case_rows()
    floor_s, _ = timed(lambda: bare_table(rows))
    fixed_s, _ = timed(lambda: bare_table(rows, fixed_heights=True))
    exchange_s, exchange = timed(lambda: ExchangeReport(exchange_input(rows), context()).render())
    print(
        f"exchange report, {CASES} cases: {exchange_s:.2f} s, {exchange.pages} pages, "
        f"{len(exchange.pdf) / 1e6:.2f} MB  (target ≤ 5 s)"
    )
    print(
        f"  floor, bare {CASES}-row table of plain strings: {floor_s:.2f} s "
        f"({fixed_s:.2f} s when given its row heights, as the report gives them)"
    )

    originals = twelve_megapixel_photos(PHOTOS)
    case, records = case_with_photos(originals)
    previews_s, previews = timed(lambda: preview_many(originals))
    photos = [ReportPhoto(r, p) for r, p in zip(records, previews, strict=True)]
    case_s, case_pdf = timed(lambda: CaseReport(case, photos, context()).render())
    total = previews_s + case_s
    print(
        f"case report, {PHOTOS} photos of 12 MP ({sum(map(len, originals)) / 1e6:.1f} MB of originals): "
        f"{total:.2f} s including downscaling ({previews_s:.2f} s downscaling + {case_s:.2f} s PDF), "
        f"{len(case_pdf.pdf) / 1e6:.2f} MB, {case_pdf.pages} pages  (target ≤ 2 s, ≤ 3 MB)"
    )

    items = [LabelItem(r.case_number, r.tag, r.exchange) for r in rows]
    labels_s, labels = timed(lambda: LabelSheet(items, LabelLayout.SMALL, context()).render())
    print(
        f"label sheet, {CASES} labels (3×8): {labels_s:.2f} s, {labels.pages} pages, "
        f"{len(labels.pdf) / 1e6:.2f} MB  (target ≤ 5 s)"
    )
    if args.out:
        args.out.mkdir(parents=True, exist_ok=True)
        for name, rendered in (("exchange", exchange), ("case", case_pdf), ("labels", labels)):
            (args.out / f"{name}.pdf").write_bytes(rendered.pdf)


if __name__ == "__main__":
    sys.exit(main())
