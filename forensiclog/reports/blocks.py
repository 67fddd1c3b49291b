"""Building blocks the reports share: headings, label–value tables, data tables, long text,
signature lines and the QR code flowable.

User text goes into a ``Paragraph`` only escaped (``markup.para_text``), and into a table cell
capped, so no name or note can inject markup or make a cell taller than a page.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table

from forensiclog.reports import styles
from forensiclog.reports.fonts import REGULAR
from forensiclog.reports.markup import clipped, one_line, para_text, text_pieces
from forensiclog.reports.qr_code import draw_qr
from forensiclog.reports.styles import Stylesheet
from forensiclog.reports.wording import DASH, Wording

Cell = str | None
# A wrapped cell taller than a page raises ReportLab's LayoutError. At most this many lines of
# the widest letters go in one; word wrapping can at worst double that, still under a page.
MAX_CELL_LINES = 25


def heading(text: str, sheet: Stylesheet) -> Paragraph:
    return Paragraph(para_text(text), sheet.heading)


def subheading(text: str, sheet: Stylesheet) -> Paragraph:
    return Paragraph(para_text(text), sheet.subheading)


def cell_cap(width: float, size: float = styles.CELL_SIZE) -> int:
    """How many characters a wrapped cell ``width`` points wide may hold."""
    per_line = max(1, int((width - 2 * styles.CELL_PADDING) / (size * 1.15)))
    return per_line * MAX_CELL_LINES


def wrapped(text: Cell, style: Any, width: float) -> Paragraph:
    """A cell that wraps: escaped user text, capped so the cell stays shorter than a page."""
    cap = cell_cap(width, style.fontSize)
    return Paragraph(para_text(text, cap=cap, lines=MAX_CELL_LINES) or DASH, style)


def fits_cell(text: str, width: float) -> bool:
    """Whether a wrapped cell ``width`` points wide shows ``text`` whole."""
    return len(text) <= cell_cap(width) and text.count("\n") < MAX_CELL_LINES


def field_table(
    rows: Sequence[tuple[str, Cell]],
    sheet: Stylesheet,
    *,
    width: float = styles.TEXT_WIDTH,
    label_width: float = 42 * mm,
) -> Table:
    """Label on the left, value on the right; values wrap (capped)."""
    room = width - label_width
    data = [
        [wrapped(label, sheet.label, label_width), wrapped(text, sheet.cell, room)]
        for label, text in rows
    ]
    table = Table(data, colWidths=[label_width, room], hAlign="LEFT")
    table.setStyle(styles.field_commands())
    return table


def field_block(
    rows: Sequence[tuple[str, Cell]], sheet: Stylesheet, *, label_width: float = 42 * mm
) -> list[Any]:
    """A label–value table, then in full any value the table had to cap (for the case body)."""
    room = styles.TEXT_WIDTH - label_width
    blocks: list[Any] = [field_table(rows, sheet, label_width=label_width)]
    for label, text in rows:
        if text and not fits_cell(text, room):
            blocks += [subheading(label, sheet), *long_text(text, sheet)]
    return blocks


def data_table(
    header: Sequence[str],
    rows: Sequence[Sequence[Cell]],
    widths: Sequence[float],
    sheet: Stylesheet,
    *,
    wrap: frozenset[int] = frozenset(),
) -> Table:
    """A ruled table with a header row repeated on every page.

    Columns in ``wrap`` become wrapping paragraphs; the others stay plain strings (far faster
    to lay out) on one line, clipped to their column with an ellipsis.
    """
    head = [Paragraph(para_text(text), sheet.cell_header) for text in header]
    body = [_row_cells(row, widths, sheet, wrap) for row in rows]
    table = Table([head, *body], colWidths=list(widths), repeatRows=1, hAlign="LEFT")
    table.setStyle(styles.grid_commands())
    return table


def _row_cells(
    row: Sequence[Cell], widths: Sequence[float], sheet: Stylesheet, wrap: frozenset[int]
) -> list[Any]:
    cells: list[Any] = []
    for index, text in enumerate(row):
        if index in wrap:
            cells.append(wrapped(text, sheet.cell, widths[index]))
        else:
            room = widths[index] - 2 * styles.CELL_PADDING
            cells.append(clipped(one_line(text) or DASH, REGULAR, styles.CELL_SIZE, room))
    return cells


def none_line(words: Wording, sheet: Stylesheet) -> Paragraph:
    return Paragraph(para_text(words("none")), sheet.body)


def long_text(text: str | None, sheet: Stylesheet) -> list[Paragraph]:
    """A long text in full, in pieces that flow over pages; paragraphs spaced, lines not."""
    return [
        Paragraph(piece, sheet.body if ends else sheet.body_line)
        for piece, ends in text_pieces(text)
    ]


def section(title: str, content: Sequence[Any], words: Wording, sheet: Stylesheet) -> list[Any]:
    """A heading and its content, or the heading and "none" when there is no content."""
    return [heading(title, sheet), *(content or [none_line(words, sheet)])]


def signature_block(words: Wording, sheet: Stylesheet) -> KeepTogether:
    """Lines for the examiner and the coordinator to sign."""
    roles = [words("examiner"), words("coordinator")]
    line = "_" * 34
    cells = [[Paragraph(para_text(role), sheet.cell_bold) for role in roles]]
    cells.append([Paragraph(line, sheet.body) for _ in roles])
    cells.append([Paragraph(para_text(words("sign_here")), sheet.small) for _ in roles])
    table = Table(cells, colWidths=[styles.TEXT_WIDTH / 2] * 2, hAlign="LEFT")
    table.setStyle(styles.layout_commands(("TOPPADDING", (0, 1), (-1, 1), 14)))
    return KeepTogether([heading(words("signatures"), sheet), Spacer(1, 2 * mm), table])


class QrFlowable(Flowable):  # type: ignore[misc]  # ReportLab is untyped
    """The QR code of a text (a case number), ``side`` points square including its quiet zone."""

    def __init__(self, text: str, side: float) -> None:
        super().__init__()
        self.text = text
        self.side = side

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.side, self.side

    def draw(self) -> None:
        draw_qr(self.canv, self.text, 0, 0, self.side)
