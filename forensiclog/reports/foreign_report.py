"""The foreign-nationals report: each case assessed foreign, its basis, and the documents of a
foreign state found on it with their photos — what is handed to the foreign counterpart.

The first page lists the cases; then each case has a page of its own.
"""

from __future__ import annotations

from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, PageBreak, Paragraph, Spacer

from forensiclog.domain.records import CaseRecord, DocumentRecord
from forensiclog.domain.report_inputs import ForeignCase, ForeignNationalsInput, ReportContext
from forensiclog.reports import styles
from forensiclog.reports.blocks import data_table, field_table, heading, subheading
from forensiclog.reports.case_sections import decision_rows, document_heading, document_rows
from forensiclog.reports.markup import para_text
from forensiclog.reports.photo_blocks import photo_rows
from forensiclog.reports.report_base import Flowables, Report
from forensiclog.reports.wording import date_text

PHOTO_BOX_HEIGHT = 62 * mm
NBSP = "\u00a0"


class ForeignNationalsReport(Report):
    title_key = "foreign_report"

    def __init__(
        self, data: ForeignNationalsInput, context: ReportContext, *, invariant: bool = False
    ) -> None:
        super().__init__(context, invariant=invariant)
        self.data = data

    def records(self) -> Any:
        return self.data

    def title(self) -> str:
        return f"{self.words('foreign_report')} — {self.data.exchange.code}"

    def subtitle(self) -> str:
        exchange = self.data.exchange
        return " · ".join(p for p in (date_text(exchange.date_received), exchange.place) if p)

    def keywords(self) -> list[str]:
        return [self.data.exchange.code, *super().keywords()]

    def foreign_documents(self, case: CaseRecord) -> list[DocumentRecord]:
        own = self.data.own_state.upper()
        return [d for d in case.documents if d.country and d.country.upper() != own]

    def body(self) -> Flowables:
        w, sheet = self.words, self.styles
        intro = w("foreign_intro", exchange=self.data.exchange.code, n=len(self.data.cases))
        out: Flowables = [Paragraph(para_text(intro), sheet.body)]
        if not self.data.cases:
            return [*out, Paragraph(para_text(w("no_foreign_cases")), sheet.body)]
        out.append(self.case_list())
        for foreign in self.data.cases:
            out += [PageBreak(), *self.case_page(foreign)]
        return out

    def case_list(self) -> Any:
        w = self.words
        header = [w("case_number"), w("tag"), w("status"), w("basis"), w("foreign_documents")]
        rows = [
            [
                f.case.case_number,
                f.case.tag,
                w.code("status", f.case.status),
                f.case.nationality_basis,
                "\n".join(self.document_line(d) for d in self.foreign_documents(f.case)),
            ]
            for f in self.data.cases
        ]
        widths = [30 * mm, 20 * mm, 28 * mm, 48 * mm, styles.TEXT_WIDTH - 126 * mm]
        return data_table(header, rows, widths, self.styles, wrap=frozenset({1, 2, 3, 4}))

    def document_line(self, document: DocumentRecord) -> str:
        kind = self.words.code("document_kind", document.kind)
        # No line break inside a number ("46 70 966911") or between it and its sign.
        kept = document.number.replace(" ", NBSP) if document.number else ""
        number = f" №{NBSP}{kept}" if kept else ""
        return f"{document.country} {kind}{number}"

    def case_page(self, foreign: ForeignCase) -> Flowables:
        w, sheet, case = self.words, self.styles, foreign.case
        rows = [
            (w("status"), w.code("status", case.status)),
            (w("nationality"), w.code("nationality", case.nationality)),
            (w("basis"), case.nationality_basis),
            (w("tag"), case.tag),
            (w("condition"), w.code("condition", case.condition)),
            (w("location"), case.location),
        ]
        out: Flowables = [
            heading(f"{w('case_number')} {case.case_number}", sheet),
            field_table(rows, sheet),
        ]
        if case.identification is not None:
            out += [
                subheading(w("identification"), sheet),
                field_table(decision_rows(case.identification, w, case.documents), sheet),
            ]
        out.append(heading(w("foreign_documents"), sheet))
        documents = self.foreign_documents(case)
        if not documents:
            out.append(Paragraph(para_text(w("no_foreign_document")), sheet.body))
        for index, document in enumerate(documents, start=1):
            block = self.document_block(document, foreign)
            # The heading, the fields and the first row of photos on one page: a photo is
            # never left at the top of a page without the document it shows.
            head = [Spacer(1, 2 * mm), subheading(document_heading(index, document, w), sheet)]
            out += [KeepTogether([*head, *block[:2]]), *block[2:]]
        return out

    def document_block(self, document: DocumentRecord, foreign: ForeignCase) -> Flowables:
        w = self.words
        # The evidence in full, as the case report gives it: where it was found, its bag or
        # seal, the zone as printed.
        rows = [(w("kind"), w.code("document_kind", document.kind)), *document_rows(document, w)]
        photos = [p for p in foreign.photos if p.photo.document == document.id]
        out: Flowables = [field_table(rows, self.styles)]
        if photos:
            out += photo_rows(
                photos,
                columns=2,
                box_height=PHOTO_BOX_HEIGHT,
                caption=self.caption,
                missing=w("preview_missing"),
                sheet=self.styles,
            )
        return out

    def caption(self, photo: Any) -> str:
        record = photo.photo
        taken = self.words.taken(record.taken_at)
        return para_text(
            f"{self.words.code('photo_kind', record.kind)} · {taken} · {record.sha256[:12]}"
        )
