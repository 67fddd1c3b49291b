"""The discrepancy list of an exchange: handover-list lines with no body, bodies with no line,
duplicate tags, and the same document number on several cases — each a table, or "none"."""

from __future__ import annotations

from typing import Any

from reportlab.lib.units import mm

from forensiclog.domain.report_inputs import Discrepancies, ReportContext
from forensiclog.reports import styles
from forensiclog.reports.blocks import data_table, section
from forensiclog.reports.report_base import Flowables, Report
from forensiclog.reports.wording import date_text

W = styles.TEXT_WIDTH


class DiscrepancyReport(Report):
    title_key = "discrepancies"

    def __init__(
        self, data: Discrepancies, context: ReportContext, *, invariant: bool = False
    ) -> None:
        super().__init__(context, invariant=invariant)
        self.data = data

    def records(self) -> Any:
        return self.data

    def title(self) -> str:
        return f"{self.words('discrepancies')} — {self.data.exchange.code}"

    def subtitle(self) -> str:
        exchange = self.data.exchange
        return " · ".join(p for p in (date_text(exchange.date_received), exchange.place) if p)

    def keywords(self) -> list[str]:
        return [self.data.exchange.code, *super().keywords()]

    def body(self) -> Flowables:
        return [
            *self.manifest_without_body(),
            *self.bodies_without_manifest(),
            *self.duplicate_tags(),
            *self.shared_document_numbers(),
        ]

    def _section(self, key: str, count: int, table: Any) -> Flowables:
        title = f"{self.words(key)} ({count})"
        return section(title, [table] if count else [], self.words, self.styles)

    def manifest_without_body(self) -> Flowables:
        w, lines = self.words, self.data.manifest_without_body
        header = [
            w("case_number"),
            w("tag"),
            w("row"),
            w("surname"),
            w("given_names"),
            w("service_number"),
        ]
        rows = [
            [
                m.case_number,
                m.tag,
                str(m.row) if m.row is not None else None,
                m.surname,
                m.given_names,
                m.service_number,
            ]
            for m in lines
        ]
        widths = [30 * mm, 22 * mm, 14 * mm, 36 * mm, W - 132 * mm, 30 * mm]
        table = data_table(header, rows, widths, self.styles, wrap=frozenset({1, 3, 4, 5}))
        return self._section("manifest_without_body", len(rows), table)

    def bodies_without_manifest(self) -> Flowables:
        w, bodies = self.words, self.data.bodies_without_manifest
        header = [w("case_number"), w("tag"), w("arrived_at"), w("condition")]
        rows = [
            [b.case_number, b.tag, w.time(b.arrived_at), w.code("condition", b.condition)]
            for b in bodies
        ]
        widths = [34 * mm, W - 128 * mm, 48 * mm, 46 * mm]
        table = data_table(header, rows, widths, self.styles, wrap=frozenset({1}))
        return self._section("bodies_without_manifest", len(rows), table)

    def duplicate_tags(self) -> Flowables:
        w, tags = self.words, self.data.duplicate_tags
        header = [w("tag"), w("cases")]
        rows = [[t.tag, ", ".join(t.cases)] for t in tags]
        table = data_table(
            header, rows, [50 * mm, W - 50 * mm], self.styles, wrap=frozenset({0, 1})
        )
        return self._section("duplicate_tags", len(rows), table)

    def shared_document_numbers(self) -> Flowables:
        w, shared = self.words, self.data.shared_document_numbers
        header = [w("number"), w("issuing_state"), w("kind"), w("cases")]
        rows = [
            [s.number, s.country, w.code("document_kind", s.kind), ", ".join(s.cases)]
            for s in shared
        ]
        widths = [40 * mm, 24 * mm, 40 * mm, W - 104 * mm]
        table = data_table(header, rows, widths, self.styles, wrap=frozenset({0, 2, 3}))
        return self._section("shared_document_numbers", len(rows), table)
