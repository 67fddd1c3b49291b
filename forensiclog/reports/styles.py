"""The one stylesheet of every report: page geometry, colours, paragraph and table styles."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm

from forensiclog.reports.fonts import BOLD, REGULAR

PAGE = A4
MARGIN_LEFT = 18 * mm
MARGIN_RIGHT = 18 * mm
MARGIN_TOP = 22 * mm
MARGIN_BOTTOM = 24 * mm
TEXT_WIDTH = PAGE[0] - MARGIN_LEFT - MARGIN_RIGHT

INK = colors.HexColor("#1a1a1a")
ACCENT = colors.HexColor("#1f3a5f")
MUTED = colors.HexColor("#5a6470")
RULE = colors.HexColor("#9aa8b8")
HEADER_FILL = colors.HexColor("#e4eaf1")
ZEBRA = colors.HexColor("#f5f7fa")
WARNING = colors.HexColor("#8a1c1c")
PANEL = colors.HexColor("#f2f4f7")

CELL_SIZE = 8
CELL_LEADING = 10
CELL_PADDING = 3


@dataclass(frozen=True)
class Stylesheet:
    title: ParagraphStyle
    subtitle: ParagraphStyle
    heading: ParagraphStyle
    heading_flowing: ParagraphStyle
    subheading: ParagraphStyle
    body: ParagraphStyle
    body_line: ParagraphStyle
    small: ParagraphStyle
    label: ParagraphStyle
    cell: ParagraphStyle
    cell_bold: ParagraphStyle
    cell_header: ParagraphStyle
    caption: ParagraphStyle
    warning: ParagraphStyle
    big_number: ParagraphStyle
    centred: ParagraphStyle


def _style(name: str, **overrides: Any) -> ParagraphStyle:
    base: dict[str, Any] = {
        "fontName": REGULAR,
        "fontSize": 9,
        "leading": 12,
        "textColor": INK,
        "alignment": TA_LEFT,
        # A word longer than the line (a pasted hash, a run of letters) is broken, not cut off.
        "splitLongWords": 1,
    }
    base.update(overrides)
    return ParagraphStyle(name, **base)


@cache
def stylesheet() -> Stylesheet:
    return Stylesheet(
        title=_style(
            "title", fontName=BOLD, fontSize=17, leading=21, textColor=ACCENT, spaceAfter=2
        ),
        subtitle=_style("subtitle", fontSize=10, leading=13, textColor=MUTED, spaceAfter=6),
        heading=_style(
            "heading",
            fontName=BOLD,
            fontSize=11.5,
            leading=15,
            textColor=ACCENT,
            spaceBefore=10,
            spaceAfter=4,
            keepWithNext=1,
        ),
        heading_flowing=_style(
            "heading_flowing",
            fontName=BOLD,
            fontSize=11.5,
            leading=15,
            textColor=ACCENT,
            spaceBefore=10,
            spaceAfter=4,
        ),
        subheading=_style(
            "subheading",
            fontName=BOLD,
            fontSize=9.5,
            leading=12.5,
            spaceBefore=6,
            spaceAfter=3,
            keepWithNext=1,
        ),
        body=_style("body", spaceAfter=4),
        body_line=_style("body_line"),
        small=_style("small", fontSize=7, leading=9, textColor=MUTED),
        label=_style("label", fontSize=7.5, leading=10, textColor=MUTED),
        cell=_style("cell", fontSize=CELL_SIZE, leading=CELL_LEADING),
        cell_bold=_style("cell_bold", fontName=BOLD, fontSize=CELL_SIZE, leading=CELL_LEADING),
        cell_header=_style(
            "cell_header", fontName=BOLD, fontSize=7.5, leading=9.5, textColor=ACCENT
        ),
        caption=_style("caption", fontSize=7.5, leading=9.5, textColor=INK, alignment=TA_CENTER),
        warning=_style("warning", fontSize=8, leading=10, textColor=WARNING),
        big_number=_style("big_number", fontName=BOLD, fontSize=24, leading=28, textColor=INK),
        centred=_style("centred", alignment=TA_CENTER),
    )


def layout_commands(*extra: tuple[Any, ...]) -> list[tuple[Any, ...]]:
    """A table used only to place things side by side: no padding, no rules, our font.

    Every table names the font: a cell left empty would otherwise bring in Helvetica.
    """
    return [
        ("FONT", (0, 0), (-1, -1), REGULAR, CELL_SIZE, CELL_LEADING),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 0),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
        *extra,
    ]


def grid_commands(header_rows: int = 1) -> list[tuple[Any, ...]]:
    """Table commands shared by every data table: our font everywhere, a ruled grid, a header."""
    commands: list[tuple[Any, ...]] = [
        ("FONT", (0, 0), (-1, -1), REGULAR, CELL_SIZE, CELL_LEADING),
        ("TEXTCOLOR", (0, 0), (-1, -1), INK),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), CELL_PADDING),
        ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PADDING),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
        ("LINEBELOW", (0, 0), (-1, -1), 0.3, RULE),
        ("BOX", (0, 0), (-1, -1), 0.5, RULE),
    ]
    if header_rows:
        last = header_rows - 1
        commands += [
            ("FONT", (0, 0), (-1, last), BOLD, 7.5, 9.5),
            ("TEXTCOLOR", (0, 0), (-1, last), ACCENT),
            ("BACKGROUND", (0, 0), (-1, last), HEADER_FILL),
            ("LINEBELOW", (0, last), (-1, last), 0.7, ACCENT),
            ("ROWBACKGROUNDS", (0, header_rows), (-1, -1), [colors.white, ZEBRA]),
        ]
    return commands


def field_commands() -> list[tuple[Any, ...]]:
    """Label–value tables: labels muted on the left, values on the right, light rules."""
    return [
        ("FONT", (0, 0), (-1, -1), REGULAR, CELL_SIZE, CELL_LEADING),
        ("TEXTCOLOR", (0, 0), (0, -1), MUTED),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), CELL_PADDING),
        ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PADDING),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
        ("LINEBELOW", (0, 0), (-1, -1), 0.25, RULE),
    ]
