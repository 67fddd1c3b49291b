"""Label sheets: each case number as large text and as a QR code, on common A4 label stock.

DVI practice: the number is on the body, on its bag and in every photograph. Sheets of 6,000
labels must be quick, so labels are drawn straight onto the canvas (no flowables) and the QR
codes come from ``qr_code`` (ReportLab's encoding, computed per version once).

Label stock is cut to the edge of the sheet, so nothing is printed outside the labels: the
title, who made the sheet and the data fingerprint are in the PDF's properties instead.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, BinaryIO, NamedTuple

from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from forensiclog.domain.errors import InvalidInput
from forensiclog.domain.report_inputs import LabelItem, LabelLayout, ReportContext
from forensiclog.reports import styles
from forensiclog.reports.fonts import BOLD, REGULAR
from forensiclog.reports.markup import clipped, one_line
from forensiclog.reports.qr_code import draw_qr
from forensiclog.reports.report_base import Flowables, Report


@dataclass(frozen=True)
class Stock:
    """Label stock geometry in millimetres (the common Avery-compatible A4 sheets)."""

    columns: int
    rows: int
    width: float
    height: float
    left: float
    top: float
    pitch_x: float
    pitch_y: float

    @property
    def per_sheet(self) -> int:
        return self.columns * self.rows


STOCK = {
    LabelLayout.SMALL: Stock(3, 8, 70, 37, 0, 0.5, 70, 37),
    LabelLayout.MEDIUM: Stock(2, 7, 99.1, 38.1, 4.65, 15.15, 101.6, 38.1),
    LabelLayout.LARGE: Stock(2, 4, 99.1, 67.7, 4.65, 13.1, 101.6, 67.7),
}


class LabelSheet(Report):
    title_key = "labels"

    def __init__(
        self,
        items: Sequence[LabelItem],
        layout: LabelLayout,
        context: ReportContext,
        *,
        outlines: bool = True,
        invariant: bool = False,
    ) -> None:
        super().__init__(context, invariant=invariant)
        if not items:
            raise InvalidInput("cases", "there is nothing to label")
        self.items = tuple(items)
        self.layout = layout
        self.stock = STOCK[layout]
        # Light outlines help cutting plain paper; on die-cut stock they fall on the cut.
        self.outlines = outlines

    def records(self) -> Any:
        return {"layout": self.layout, "items": self.items}

    def subtitle(self) -> str:
        return f"{len(self.items)} × {self.layout.value}"

    def body(self) -> Flowables:
        return []

    def build(self, stream: BinaryIO) -> int:
        canvas = Canvas(
            stream,
            pagesize=styles.PAGE,
            invariant=1 if self.invariant else 0,
            initialFontName=REGULAR,
            lang=self.words.language.value,
        )
        info = self.document_info()
        canvas.setTitle(info["title"])
        canvas.setAuthor(info["author"])
        canvas.setSubject(info["subject"])
        canvas.setKeywords(info["keywords"])
        canvas.setCreator(info["creator"])
        pages = math.ceil(len(self.items) / self.stock.per_sheet)
        for page in range(pages):
            start = page * self.stock.per_sheet
            for slot, item in enumerate(self.items[start : start + self.stock.per_sheet]):
                self.draw_label(canvas, item, self.label_box(slot))
            canvas.showPage()
        canvas.save()
        return pages

    def label_box(self, slot: int) -> Box:
        """Label ``slot`` (row by row from the top left) on the page, in points."""
        s = self.stock
        row, column = divmod(slot, s.columns)
        x = (s.left + column * s.pitch_x) * mm
        y = styles.PAGE[1] - (s.top + row * s.pitch_y + s.height) * mm
        return Box(x, y, s.width * mm, s.height * mm)

    def draw_label(self, canvas: Any, item: LabelItem, label: Box) -> None:
        if self.outlines:
            canvas.setStrokeGray(0.82)
            canvas.setLineWidth(0.3)
            edge = label.inset(0.4)
            canvas.roundRect(edge.x, edge.y, edge.width, edge.height, 2 * mm, stroke=1, fill=0)
        # Die-cut labels shift by a millimetre or so on the printer: keep clear of the edge.
        inner = label.inset(3 * mm)
        if self.stock.height >= 60:
            self.draw_tall(canvas, item, inner)
        else:
            self.draw_wide(canvas, item, inner)

    def draw_wide(self, canvas: Any, item: LabelItem, box: Box) -> None:
        """QR code on the left, the number and details on the right."""
        side = min(box.height, 0.42 * (box.width + 6 * mm))
        # The QR code's own quiet zone is white margin enough: it may reach into the padding.
        draw_qr(canvas, item.case_number, box.x - 1.5 * mm, box.y + (box.height - side) / 2, side)
        text = Box(box.x + side, box.y, box.width - side, box.height)
        self.draw_number(canvas, item, text, largest=22)

    def draw_tall(self, canvas: Any, item: LabelItem, box: Box) -> None:
        """The number across the top in very large type, the QR code and details below."""
        size = fitted(item.case_number, box.width, 30)
        canvas.setFillGray(0)
        canvas.setFont(BOLD, size)
        canvas.drawString(box.x, box.top - size * 0.85, item.case_number)
        side = box.height - size * 1.25
        draw_qr(canvas, item.case_number, box.x - 1.5 * mm, box.y, side)
        right = box.x + side + 2 * mm
        self.draw_details(canvas, item, Box(right, box.y, box.right - right, side / 2 + 12), 12)

    def draw_number(self, canvas: Any, item: LabelItem, box: Box, largest: float) -> None:
        """The case number in the largest type that fits (broken after its team code if that
        makes it larger), then the tag and exchange, centred in the height."""
        head, tail = split_number(item.case_number)
        whole = fitted(item.case_number, box.width, largest)
        lines = [(item.case_number, whole)]
        if head and fitted(tail, box.width, largest) > whole * 1.3:
            lines = [(head, fitted(head, box.width, 11)), (tail, fitted(tail, box.width, largest))]
        block = sum(size * 1.1 for _, size in lines) + 2 * 10
        top = box.y + (box.height + block) / 2
        canvas.setFillGray(0)
        for text, size in lines:
            top -= size * 1.05
            canvas.setFont(BOLD, size)
            canvas.drawString(box.x, top, text)
        self.draw_details(canvas, item, Box(box.x, box.y, box.width, top - 4 - box.y), 8)

    def draw_details(self, canvas: Any, item: LabelItem, box: Box, size: float) -> None:
        """Tag and exchange, one line each, from the top of ``box`` down."""
        details = []
        if item.tag:
            details.append(f"{self.words('tag')}: {one_line(item.tag)}")
        if item.exchange:
            details.append(f"{self.words('exchange')}: {one_line(item.exchange)}")
        canvas.setFont(REGULAR, size)
        canvas.setFillGray(0.15)
        top = box.top
        for line in details:
            top -= size * 1.25
            canvas.drawString(box.x, top, clipped(line, REGULAR, size, box.width))


class Box(NamedTuple):
    """A rectangle in points: bottom-left corner and size."""

    x: float
    y: float
    width: float
    height: float

    @property
    def top(self) -> float:
        return self.y + self.height

    @property
    def right(self) -> float:
        return self.x + self.width

    def inset(self, by: float) -> Box:
        return Box(self.x + by, self.y + by, self.width - 2 * by, self.height - 2 * by)


def fitted(text: str, width: float, largest: float) -> float:
    """The largest bold type size, at most ``largest``, at which ``text`` fits ``width``."""
    natural = stringWidth(text, BOLD, 1)
    return min(largest, width / natural) if natural else largest


def split_number(case_number: str) -> tuple[str, str]:
    """KYV-T2-00153-P01 → ("KYV-T2-", "00153-P01"): site and team, then sequence and part."""
    parts = case_number.split("-", 2)
    if len(parts) < 3:
        return "", case_number
    return f"{parts[0]}-{parts[1]}-", parts[2]
