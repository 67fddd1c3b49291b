"""The exchange report: counts and a bar chart by status, then a table of every case.

An exchange can hold 6,000 cases, so the case table is built for speed: plain strings in every
cell (no Paragraph), one fixed row height (no measuring), the header repeated on every page.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.shapes import Drawing
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import CondPageBreak, Paragraph, Spacer, Table

from forensiclog.domain.case_number import parse_case_number
from forensiclog.domain.records import CaseRow, ExchangeRecord, ExchangeSummary
from forensiclog.domain.report_inputs import ExchangeReportInput, ReportContext
from forensiclog.domain.statuses import Status
from forensiclog.domain.vocabulary import Nationality
from forensiclog.reports import styles
from forensiclog.reports.blocks import field_table, heading, none_line, subheading
from forensiclog.reports.fonts import BOLD, REGULAR
from forensiclog.reports.markup import clipped, one_line, para_text
from forensiclog.reports.report_base import Flowables, Report
from forensiclog.reports.wording import DASH, Wording, date_text, value

ROW_HEIGHT = styles.CELL_LEADING + 4.5
CHART_WIDTH = 88 * mm


class ExchangeReport(Report):
    title_key = "exchange_report"

    def __init__(
        self, data: ExchangeReportInput, context: ReportContext, *, invariant: bool = False
    ) -> None:
        super().__init__(context, invariant=invariant)
        self.data = data

    @property
    def exchange(self) -> ExchangeRecord:
        return self.data.summary.exchange

    def records(self) -> Any:
        return self.data

    def title(self) -> str:
        return f"{self.words('exchange_report')} {self.exchange.code}"

    def subtitle(self) -> str:
        parts = [date_text(self.exchange.date_received), self.exchange.place]
        return " · ".join(p for p in parts if p)

    def keywords(self) -> list[str]:
        return [self.exchange.code, *super().keywords()]

    def body(self) -> Flowables:
        return [*self.summary(), Spacer(1, 4 * mm), *self.case_table()]

    def summary(self) -> Flowables:
        w, sheet, summary = self.words, self.styles, self.data.summary
        left = styles.TEXT_WIDTH - CHART_WIDTH - 4 * mm
        totals = field_table(total_rows(summary, w), sheet, label_width=60 * mm)
        by_status = [(w.code("status", code), str(n)) for code, n in status_counts(summary)]
        counts = field_table(by_status, sheet, width=left, label_width=left - 22 * mm)
        layout = Table(
            [[counts, status_chart(summary, w)]],
            colWidths=[left + 4 * mm, CHART_WIDTH],
            hAlign="LEFT",
        )
        layout.setStyle(styles.layout_commands())
        details = field_table(exchange_rows(self.exchange, w), sheet, label_width=60 * mm)
        return [
            heading(w("summary"), sheet),
            details,
            Spacer(1, 3 * mm),
            totals,
            subheading(w("by_status"), sheet),
            layout,
        ]

    def case_table(self) -> Flowables:
        w, sheet = self.words, self.styles
        header = [
            w("row_number"),
            w("case_number"),
            w("tag"),
            w("status"),
            w("nationality_short"),
            w("documents_short"),
            w("photos_short"),
            w("completeness_short"),
        ]
        widths = column_widths(self.data.cases, header, w)
        head = [Paragraph(para_text(text), sheet.cell_header) for text in header]
        rows = case_cells(self.data.cases, w, widths[2] - 2 * styles.CELL_PADDING)
        table = Table(
            [head, *rows],
            colWidths=widths,
            rowHeights=[None] + [ROW_HEIGHT] * len(rows),
            repeatRows=1,
            hAlign="LEFT",
        )
        table.setStyle([*styles.grid_commands(), ("ALIGN", (5, 1), (-1, -1), "RIGHT")])
        # The summary above counts bodies; the table lists body parts too, on their own rows.
        parts = sum(1 for c in self.data.cases if parse_case_number(c.case_number).part)
        counted = w("cases_with_parts", count=len(rows), parts=parts) if parts else str(len(rows))
        title = Paragraph(para_text(f"{w('cases')} ({counted})"), sheet.heading_flowing)
        if not rows:
            return [title, none_line(w, sheet)]
        # Not kept with the table: a table of thousands of rows would be pushed to a new page.
        return [CondPageBreak(40 * mm), title, table]


def column_widths(cases: Sequence[CaseRow], header: Sequence[str], words: Wording) -> list[float]:
    """Widths that fit the longest value of each column in this language; the tag takes the rest."""
    pad = 2 * styles.CELL_PADDING + 1

    def fits(texts: Sequence[str], font: str = REGULAR, size: float = styles.CELL_SIZE) -> float:
        return max(float(stringWidth(t, font, size)) for t in texts) + pad

    def head(index: int) -> float:
        return float(stringWidth(header[index], BOLD, 7.5)) + pad

    longest_case = max((c.case_number for c in cases), key=len, default="KYV-T2-00000")
    widths = [
        max(fits([str(len(cases)), "000"]), head(0)),
        max(fits([longest_case]), head(1)),
        0.0,
        max(fits([words.code("status", s.value) for s in Status]), head(3)),
        max(fits([words.code("nationality", n.value) for n in Nationality]), head(4)),
        max(fits(["000"]), head(5)),
        max(fits(["000"]), head(6)),
        max(fits(["5/5"]), head(7)),
    ]
    widths[2] = max(styles.TEXT_WIDTH - sum(widths), 20 * mm)
    return widths


def case_cells(cases: Sequence[CaseRow], words: Wording, tag_room: float) -> list[list[str]]:
    """Plain one-line strings; the tag (typed by people) is clipped to its column."""
    status = {s.value: words.code("status", s.value) for s in Status}
    nationality: dict[str, str] = {}
    rows = []
    for number, case in enumerate(cases, start=1):
        tag = one_line(case.tag)
        if len(tag) > 12:  # short tags always fit; measure only the long ones
            tag = clipped(tag, REGULAR, styles.CELL_SIZE, tag_room)
        if case.nationality not in nationality:
            nationality[case.nationality] = words.code("nationality", case.nationality)
        rows.append(
            [
                str(number),
                case.case_number,
                tag or DASH,
                status.get(case.status) or words.code("status", case.status),
                nationality[case.nationality],
                str(case.documents),
                str(case.photos),
                f"{case.completeness}/5",
            ]
        )
    return rows


def exchange_rows(exchange: ExchangeRecord, words: Wording) -> list[tuple[str, str | None]]:
    rows = [
        (words("exchange"), exchange.code),
        (words("date_received"), date_text(exchange.date_received)),
        (words("place"), exchange.place),
        (words("counterparty"), exchange.counterparty),
        (words("reference"), exchange.reference),
    ]
    if exchange.notes:
        rows.append((words("notes"), exchange.notes))
    return rows


def total_rows(summary: ExchangeSummary, words: Wording) -> list[tuple[str, str | None]]:
    return [
        (words("declared_count"), value(summary.exchange.declared)),
        (words("registered"), value(summary.registered)),
        (words("arrived"), value(summary.arrived)),
        (words("foreign_count"), value(summary.foreign)),
        (words("unexamined"), value(summary.unexamined)),
    ]


def status_counts(summary: ExchangeSummary) -> list[tuple[str, int]]:
    """Every status in workflow order, then any status code the workflow does not know."""
    known = [(s.value, summary.by_status.get(s.value, 0)) for s in Status]
    extra = sorted(
        (code, n)
        for code, n in summary.by_status.items()
        if code not in Status.__members__.values()
    )
    return known + extra


def tick_step(largest: int) -> int:
    """A whole-number axis step giving about four ticks: 1, 2, 5, 10, 20, 50 …"""
    step = 1
    while largest / step > 5:
        for factor in (2, 2.5, 2):
            step = int(step * factor)
            if largest / step <= 5:
                break
    return step


def status_chart(summary: ExchangeSummary, words: Wording) -> Drawing:
    """A horizontal bar for each status, its count at the end of the bar."""
    counts = status_counts(summary)
    bar = 11.0
    height = bar * len(counts) + 24
    drawing = Drawing(CHART_WIDTH, height)
    # A drawing starts from Helvetica unless told otherwise, even if no text uses it.
    drawing.initialFontName = REGULAR
    drawing.initialFontSize = 7
    chart = HorizontalBarChart()
    chart.x, chart.y = 74 * mm - 50, 14
    chart.width, chart.height = CHART_WIDTH - chart.x - 22, bar * len(counts)
    chart.data = [[n for _, n in reversed(counts)]]
    chart.categoryAxis.categoryNames = [words.code("status", c) for c, _ in reversed(counts)]
    chart.categoryAxis.labels.fontName = REGULAR
    chart.categoryAxis.labels.fontSize = 7
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.categoryAxis.labels.dx = -3
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueStep = tick_step(max((n for _, n in counts), default=0))
    chart.valueAxis.labels.fontName = REGULAR
    chart.valueAxis.labels.fontSize = 6.5
    chart.valueAxis.forceZero = 1
    chart.bars[0].fillColor = styles.ACCENT
    chart.bars[0].strokeColor = None
    chart.barLabelFormat = "%d"
    chart.barLabels.fontName = REGULAR
    chart.barLabels.fontSize = 6.5
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.dx = 3
    drawing.add(chart)
    return drawing
