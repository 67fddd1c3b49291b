"""The case report: everything about one body, for the officials who hand it over.

Header with the case number (large and as QR), then what was declared beside what was found,
the examination and checklist, documents with their MRZ check, effects, samples, decisions,
custody log, notes, photos two or four to a page, the full history and signature lines.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import PageBreak, Paragraph, Table

from forensiclog.domain.records import CaseRecord
from forensiclog.domain.report_inputs import ReportContext, ReportPhoto
from forensiclog.reports import case_sections, styles
from forensiclog.reports.blocks import (
    QrFlowable,
    cell_cap,
    data_table,
    field_block,
    field_table,
    heading,
    long_text,
    section,
    signature_block,
    subheading,
    wrapped,
)
from forensiclog.reports.markup import para_text
from forensiclog.reports.photo_blocks import grid_geometry, photo_rows
from forensiclog.reports.report_base import Flowables, Report
from forensiclog.reports.wording import DASH, date_text

QR_SIDE = 30 * mm
DECLARED_LABEL = 36 * mm
Row = tuple[str, str | None]


class CaseReport(Report):
    title_key = "case_report"

    def __init__(
        self,
        case: CaseRecord,
        photos: Sequence[ReportPhoto],
        context: ReportContext,
        *,
        photos_per_page: int = 4,
        invariant: bool = False,
    ) -> None:
        super().__init__(context, invariant=invariant)
        self.case = case
        self.photos = tuple(photos)
        self.grid = grid_geometry(photos_per_page)

    def records(self) -> Any:
        return {"case": self.case, "photos": self.photos}

    def title(self) -> str:
        return f"{self.words('case_report')} {self.case.case_number}"

    def subtitle(self) -> str:
        return f"{self.words('exchange')} {self.case.exchange}"

    def keywords(self) -> list[str]:
        return [self.case.case_number, self.case.exchange, *super().keywords()]

    def title_block(self) -> Flowables:
        w, sheet, case = self.words, self.styles, self.case
        facts = f"{w('exchange')} {case.exchange} · {w('status')}: {w.code('status', case.status)}"
        left = [
            Paragraph(para_text(w("case_report")), sheet.subtitle),
            Paragraph(para_text(case.case_number), sheet.big_number),
            Paragraph(para_text(facts), sheet.body),
        ]
        table = Table(
            [[left, QrFlowable(case.case_number, QR_SIDE)]],
            colWidths=[styles.TEXT_WIDTH - QR_SIDE, QR_SIDE],
        )
        table.setStyle(styles.layout_commands(("BOTTOMPADDING", (0, 0), (-1, -1), 4)))
        return [table]

    def body(self) -> Flowables:
        w, sheet, case = self.words, self.styles, self.case
        return [
            *self.overview(),
            *self.declared_and_found(),
            *self.examination(),
            *self.checklist(),
            *case_sections.documents_section(case, w, sheet),
            *case_sections.effects_section(case, w, sheet),
            *case_sections.samples_section(case, w, sheet),
            *case_sections.decisions_section(case, w, sheet),
            *case_sections.custody_section(case, w, sheet),
            *self.notes(),
            *self.photo_pages(),
            *case_sections.history_section(case.history, w, sheet),
            signature_block(w, sheet),
        ]

    # ---- sections ----------------------------------------------------------------------------

    def overview(self) -> Flowables:
        w, case = self.words, self.case
        nationality = w.code("nationality", case.nationality)
        rows: list[Row] = [
            (w("status"), w.code("status", case.status)),
            (w("nationality"), nationality),
            (w("basis"), case.nationality_basis),
            (w("tag"), case.tag),
            (w("condition"), w.code("condition", case.condition)),
            (w("location"), case.location),
            (w("registered_on"), w("by_at", by=case.created_by, at=w.time(case.created_at))),
            (w("arrived_at"), w.time(case.arrived_at)),
        ]
        rows += self._relations()
        if case.locked:
            decision = case.identification
            kind = w.code("decision_kind", decision.kind) if decision else w("yes")
            rows.append((w("locked"), kind))
        return [heading(w("overview"), self.styles), *field_block(rows, self.styles)]

    def _relations(self) -> list[Row]:
        w, case = self.words, self.case
        rows: list[Row] = []
        if case.parent:
            rows.append((w("fragment_of"), case.parent))
        if case.parts:
            rows.append((w("parts"), ", ".join(case.parts)))
        for link in case.links:
            text = f"{link.other_case} ({w.code('link_kind', link.kind)})"
            rows.append((w("links"), f"{text}: {link.reason}" if link.reason else text))
        if case.burial_cemetery or case.burial_plot:
            rows.append(
                (w("burial"), ", ".join(p for p in (case.burial_cemetery, case.burial_plot) if p))
            )
        return rows

    def declared_and_found(self) -> Flowables:
        w, sheet = self.words, self.styles
        declared = self.case.declared
        if declared is None and not self._found("surname"):
            return [
                heading(w("declared_and_found"), sheet),
                Paragraph(para_text(w("no_declared")), sheet.body),
            ]
        d = declared
        source = None
        if d and d.row is not None:
            source = (
                w("row_of_file", row=d.row, file=d.source_file)
                if d.source_file
                else w("row_n", row=d.row)
            )
        rows = [
            (w("surname"), d.surname if d else None, self._found("surname")),
            (w("given_names"), d.given_names if d else None, self._found("given_names")),
            (
                w("birth_date"),
                date_text(d.birth_date) if d and d.birth_date else None,
                self._found("birth_date"),
            ),
            (w("service_number"), d.service_number if d else None, self._found("service_number")),
            (w("unit"), d.unit if d else None, None),
            (w("notes"), d.notes if d else None, None),
            (w("handover_row"), source, None),
        ]
        out: Flowables = [heading(w("declared_and_found"), sheet), self._two_columns(rows)]
        column = (styles.TEXT_WIDTH - DECLARED_LABEL) / 2
        if d and d.notes and len(d.notes) > cell_cap(column):
            out += [
                subheading(f"{w('declared')}: {w('notes')}", sheet),
                *long_text(d.notes, sheet),
            ]
        return out

    def _two_columns(self, rows: list[tuple[str, str | None, str | None]]) -> Table:
        w, sheet = self.words, self.styles
        label = DECLARED_LABEL
        column = (styles.TEXT_WIDTH - label) / 2
        data: list[list[Any]] = [
            [
                "",
                Paragraph(para_text(w("declared")), sheet.cell_header),
                Paragraph(para_text(w("found")), sheet.cell_header),
            ]
        ]
        for name, declared, found in rows:
            data.append(
                [
                    Paragraph(para_text(name), sheet.label),
                    wrapped(declared, sheet.cell, column),
                    wrapped(found, sheet.cell, column),
                ]
            )
        table = Table(data, colWidths=[label, column, column], hAlign="LEFT")
        table.setStyle(
            [
                *styles.field_commands(),
                ("BACKGROUND", (1, 0), (-1, 0), styles.HEADER_FILL),
                ("LINEBEFORE", (2, 0), (2, -1), 0.5, styles.RULE),
            ]
        )
        return table

    def _found(self, attribute: str) -> str | None:
        """What the identification and the documents say about ``attribute``, with the source."""
        w, case = self.words, self.case
        found: list[str] = []
        decision = case.identification
        if decision is not None and getattr(decision, attribute, None):
            source = w.code("decision_kind", decision.kind)
            found.append(
                w("from_source", value=_shown(getattr(decision, attribute)), source=source)
            )
        for document in case.documents:
            item = getattr(document, attribute, None)
            if item:
                source = w.code("document_kind", document.kind) + (
                    f" {document.country}" if document.country else ""
                )
                entry = w("from_source", value=_shown(item), source=source)
                if entry not in found:
                    found.append(entry)
        return "\n".join(found) or None

    def examination(self) -> Flowables:
        w, case, sheet = self.words, self.case, self.styles
        age = None
        if case.age_min is not None or case.age_max is not None:
            age = w.age_range(case.age_min, case.age_max)
        stature = w("centimetres", cm=case.stature_cm) if case.stature_cm else None
        rows: list[Row] = [
            (w("condition"), w.code("condition", case.condition)),
            (w("sex"), w.code("sex", case.sex)),
            (w("age_range"), age),
            (w("stature"), stature),
            (w("clothing"), case.clothing),
        ]
        out: Flowables = [heading(w("examination"), sheet), *field_block(rows, sheet)]
        if case.marks:
            header = [w("kind"), w("description"), w("body_location"), w("serial_number")]
            marks = [
                [w.code("mark_kind", m.kind), m.description, m.body_location, m.serial_number]
                for m in case.marks
            ]
            widths = [26 * mm, styles.TEXT_WIDTH - 100 * mm, 40 * mm, 34 * mm]
            out += [
                subheading(w("marks"), sheet),
                data_table(header, marks, widths, sheet, wrap=frozenset({1, 2, 3})),
            ]
        return out

    def checklist(self) -> Flowables:
        w, case, sheet = self.words, self.case, self.styles
        header = [w("item"), w("state"), w("reason")]
        rows = [
            [w.code("checklist_item", c.item), w.code("checklist_state", c.state), c.reason]
            for c in case.checklist
        ]
        widths = [62 * mm, 34 * mm, styles.TEXT_WIDTH - 96 * mm]
        table = [data_table(header, rows, widths, sheet, wrap=frozenset({0, 2}))] if rows else []
        missing = w.codes("missing", case.missing) if case.missing else w("nothing_missing")
        completeness = field_table(
            [
                (w("potential"), w("score_of", score=case.completeness_score)),
                (w("missing"), missing),
            ],
            sheet,
        )
        return [
            *section(w("checklist"), table, w, sheet),
            heading(w("completeness"), sheet),
            completeness,
        ]

    def notes(self) -> Flowables:
        if not self.case.notes:
            return []
        return [
            heading(self.words("notes"), self.styles),
            *long_text(self.case.notes, self.styles),
        ]

    def photo_pages(self) -> Flowables:
        if not self.photos:
            return section(self.words("photos"), [], self.words, self.styles)
        columns, box_height = self.grid
        rows = photo_rows(
            self.photos,
            columns=columns,
            box_height=box_height,
            caption=self.caption,
            missing=self.words("preview_missing"),
            sheet=self.styles,
        )
        return [PageBreak(), heading(self.words("photos"), self.styles), *rows]

    def caption(self, photo: ReportPhoto) -> str:
        w, record = self.words, photo.photo
        taken = w.taken(record.taken_at)
        line = f"{w.code('photo_kind', record.kind)} · {taken} · {record.sha256[:12]}"
        text = para_text(line)
        if record.caption:
            text += "<br/>" + para_text(record.caption, cap=160, lines=3)
        return text


def _shown(item: Any) -> str:
    if item is None:
        return DASH
    return item.isoformat() if hasattr(item, "isoformat") else str(item)
