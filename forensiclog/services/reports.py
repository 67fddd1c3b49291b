"""Exporting PDF reports: gather the records, render, write the file atomically, note it.

Each report is made in two steps so the interface can keep writes short: ``prepare`` reads the
workspace in one snapshot and renders the PDF (no write), ``save`` writes the file through a
temporary file in the target folder (flushed, then renamed) and appends a ``report.export``
entry to the history in the same step, so the file and its entry appear together or not at all.
On a read-only workspace (a sealed case file) reports are made and written but nothing is
noted, since nothing can be written there.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any

from forensiclog.domain.errors import InvalidInput
from forensiclog.domain.records import PhotoRecord
from forensiclog.domain.report_inputs import (
    OWN_STATE,
    ForeignCase,
    ForeignNationalsInput,
    LabelLayout,
    ReportContext,
    ReportLanguage,
    ReportPhoto,
    parse_label_layout,
    parse_language,
)
from forensiclog.domain.roles import Action
from forensiclog.reports.case_report import CaseReport
from forensiclog.reports.discrepancy_report import DiscrepancyReport
from forensiclog.reports.exchange_report import ExchangeReport
from forensiclog.reports.foreign_report import ForeignNationalsReport
from forensiclog.reports.label_sheet import LabelSheet
from forensiclog.reports.report_base import RenderedReport, Report
from forensiclog.services import report_data
from forensiclog.services.case_lookup import load_case
from forensiclog.services.case_records import case_record
from forensiclog.services.context import ServiceContext
from forensiclog.services.exchanges import exchange_record, find_exchange
from forensiclog.services.photo_store import PhotoStore
from forensiclog.services.report_file import checked_output, flush_folder, place, write_temporary

# ``progress(done, total, stage)``: ``total`` is 0 while the length of a stage is unknown.
# It may raise to stop the work; nothing is written then.
Progress = Callable[[int, int, str], None]

# Stages named to ``progress``; the interface words them in the user's language.
READING, PHOTOS, RENDERING = "reading", "photos", "rendering"

# Who made a report opened from a sealed case file, where nobody signs in.
READ_ONLY_AUTHOR = {
    ReportLanguage.UK: "аудитор (лише перегляд)",
    ReportLanguage.EN: "auditor (read-only)",
}

# The label stock as the command line and the export dialog name it.
LAYOUT_NAMES = {"a4-24": LabelLayout.SMALL, "a4-14": LabelLayout.MEDIUM, "a4-8": LabelLayout.LARGE}


class ReportKind(StrEnum):
    BODY = "body"
    EXCHANGE = "exchange"
    FOREIGN = "foreign"
    LABELS = "labels"
    DISCREPANCIES = "discrepancies"


def label_layout(text: str | LabelLayout | None) -> LabelLayout:
    """``a4-24``, ``a4-14`` or ``a4-8`` (also ``3x8`` … or ``small`` …); none: 24 to a sheet."""
    if text is None or isinstance(text, LabelLayout):
        return text or LabelLayout.SMALL
    return LAYOUT_NAMES.get(text.strip().lower()) or parse_label_layout(text)


def report_language(text: str | ReportLanguage | None) -> ReportLanguage:
    """The language asked for; Ukrainian when none was chosen."""
    if text is None or text == "":
        return ReportLanguage.UK
    return parse_language(str(text))


@dataclass(frozen=True)
class ReportRequest:
    """Which report, of what: a case number, an exchange code, or (labels) either, several."""

    kind: ReportKind
    targets: tuple[str, ...]
    language: ReportLanguage = ReportLanguage.UK
    layout: LabelLayout = LabelLayout.SMALL
    photos_per_page: int = 4

    @property
    def target(self) -> str:
        return " ".join(self.targets)


def report_request(
    kind: str | ReportKind,
    targets: str | Sequence[str],
    *,
    language: str | ReportLanguage | None = None,
    layout: str | LabelLayout | None = None,
    photos_per_page: int = 4,
) -> ReportRequest:
    """A request from what the user typed; refuses a kind, language or layout it does not know."""
    try:
        chosen = ReportKind(kind)
    except ValueError:
        known = ", ".join(k.value for k in ReportKind)
        raise InvalidInput("report", f"{kind!r} is not a report; use one of {known}") from None
    named = (targets,) if isinstance(targets, str) else tuple(targets)
    named = tuple(t.strip() for t in named if t.strip())
    if not named:
        raise InvalidInput("target", f"name what the {chosen.value} report is about")
    if chosen is not ReportKind.LABELS and len(named) != 1:
        raise InvalidInput("target", f"a {chosen.value} report is about one {_noun(chosen)}")
    return ReportRequest(
        chosen, named, report_language(language), label_layout(layout), photos_per_page
    )


def _noun(kind: ReportKind) -> str:
    return "case" if kind is ReportKind.BODY else "exchange"


@dataclass(frozen=True)
class PreparedReport:
    """A rendered report not yet written anywhere."""

    request: ReportRequest
    rendered: RenderedReport
    case_number: str | None = None


@dataclass(frozen=True)
class ExportedReport:
    file: Path
    kind: str
    target: str
    pages: int
    sha256: str
    fingerprint: str
    noted: bool

    def as_dict(self) -> dict[str, Any]:
        """The command line's JSON (CLI.md): file, pages, sha256, and the data fingerprint."""
        return {
            "file": str(self.file),
            "pages": self.pages,
            "sha256": self.sha256,
            "fingerprint": self.fingerprint,
        }


class ReportService:
    def __init__(self, ctx: ServiceContext, *, invariant: bool = False) -> None:
        self.ctx = ctx
        # Repeatable PDFs (fixed creation date and document id), for comparisons in tests.
        self.invariant = invariant

    # ---- the whole export --------------------------------------------------------------------

    def export(
        self, request: ReportRequest, output: Path | str, progress: Progress | None = None
    ) -> ExportedReport:
        """Make the report and write it to ``output``; the output is checked before any work."""
        checked_output(Path(output))
        return self.save(self.prepare(request, progress), output)

    def body(self, case: str, output: Path | str, **options: Any) -> ExportedReport:
        return self.export(report_request(ReportKind.BODY, case, **options), output)

    def exchange(self, code: str, output: Path | str, **options: Any) -> ExportedReport:
        return self.export(report_request(ReportKind.EXCHANGE, code, **options), output)

    def foreign(self, code: str, output: Path | str, **options: Any) -> ExportedReport:
        return self.export(report_request(ReportKind.FOREIGN, code, **options), output)

    def discrepancies(self, code: str, output: Path | str, **options: Any) -> ExportedReport:
        return self.export(report_request(ReportKind.DISCREPANCIES, code, **options), output)

    def labels(self, targets: Sequence[str], output: Path | str, **options: Any) -> ExportedReport:
        return self.export(report_request(ReportKind.LABELS, targets, **options), output)

    # ---- step one: read and render -----------------------------------------------------------

    def prepare(self, request: ReportRequest, progress: Progress | None = None) -> PreparedReport:
        """Read what the report needs (one snapshot) and render it; nothing is written."""
        self._require()
        step = progress or _silent
        step(0, 0, READING)
        makers = {
            ReportKind.BODY: self._case_report,
            ReportKind.EXCHANGE: self._exchange_report,
            ReportKind.FOREIGN: self._foreign_report,
            ReportKind.LABELS: self._label_sheet,
            ReportKind.DISCREPANCIES: self._discrepancy_report,
        }
        report, case_number = makers[request.kind](request, step)
        step(0, 0, RENDERING)
        return PreparedReport(request, report.render(), case_number)

    def _case_report(self, request: ReportRequest, step: Progress) -> tuple[Report, str]:
        with self.ctx.reading() as session:
            context = self._context(session, request.language)
            case = case_record(session, load_case(session, request.targets[0]))
        # A report is not a record of the case: with the exports of earlier copies in its
        # history, no two copies of unchanged records would share their data fingerprint.
        history = tuple(e for e in case.history if e.action != "report.export")
        case = dataclasses.replace(case, history=history)
        photos = self._previews(case.photos, step)
        report = CaseReport(
            case, photos, context, photos_per_page=request.photos_per_page, invariant=self.invariant
        )
        return report, case.case_number

    def _exchange_report(self, request: ReportRequest, step: Progress) -> tuple[Report, None]:
        with self.ctx.reading() as session:
            context = self._context(session, request.language)
            data = report_data.exchange_input(session, request.targets[0])
        return ExchangeReport(data, context, invariant=self.invariant), None

    def _discrepancy_report(self, request: ReportRequest, step: Progress) -> tuple[Report, None]:
        with self.ctx.reading() as session:
            context = self._context(session, request.language)
            found = report_data.discrepancies(session, request.targets[0])
        return DiscrepancyReport(found, context, invariant=self.invariant), None

    def _label_sheet(self, request: ReportRequest, step: Progress) -> tuple[Report, None]:
        with self.ctx.reading() as session:
            context = self._context(session, request.language)
            items = report_data.label_items(session, request.targets)
        return LabelSheet(items, request.layout, context, invariant=self.invariant), None

    def _foreign_report(self, request: ReportRequest, step: Progress) -> tuple[Report, None]:
        with self.ctx.reading() as session:
            context = self._context(session, request.language)
            exchange = find_exchange(session, request.targets[0])
            cases = report_data.foreign_cases(session, exchange)
            record = exchange_record(exchange)
        wanted = [report_data.foreign_document_photos(case, OWN_STATE) for case in cases]
        made = iter(self._previews([photo for photos in wanted for photo in photos], step))
        foreign = tuple(
            ForeignCase(case, tuple(next(made) for _ in photos))
            for case, photos in zip(cases, wanted, strict=True)
        )
        data = ForeignNationalsInput(record, foreign, OWN_STATE)
        return ForeignNationalsReport(data, context, invariant=self.invariant), None

    def _previews(self, photos: Sequence[PhotoRecord], step: Progress) -> tuple[ReportPhoto, ...]:
        total = len(photos)
        step(0, total, PHOTOS)
        return report_data.previews(
            self._store(), photos, done=lambda count: step(count, total, PHOTOS)
        )

    def _store(self) -> PhotoStore:
        workspace = self.ctx.workspace
        return PhotoStore(workspace.path, read_only=workspace.read_only)

    def _context(self, session: Any, language: ReportLanguage) -> ReportContext:
        workspace = self.ctx.workspace
        actor = self.ctx.actor
        return ReportContext(
            language=language,
            # Shown in the zone of the machine that made it; the report names the zone.
            generated_at=self.ctx.clock().astimezone(),
            generated_by=actor.name if actor else READ_ONLY_AUTHOR[language],
            workspace=workspace.info,
            audit_head=report_data.audit_head(session, workspace.info.uid),
        )

    def _require(self) -> None:
        # A sealed case file is read by whoever holds it, without signing in: reading it is
        # all a report does there, since nothing is noted.
        if self.ctx.actor is None and self.ctx.workspace.read_only:
            self.ctx.require(Action.READ)
        else:
            self.ctx.require(Action.EXPORT_REPORT)

    # ---- step two: write and note ------------------------------------------------------------

    def save(self, prepared: PreparedReport, output: Path | str) -> ExportedReport:
        """Write the PDF to ``output`` (whole or not at all) and note the export."""
        self._require()
        target = checked_output(Path(output))
        rendered, request = prepared.rendered, prepared.request
        temporary = write_temporary(target, rendered.pdf)
        placed, noted = False, False
        try:
            with self.ctx.noting() as tx:
                if tx is not None:
                    details = _details(prepared, target)
                    tx.note(
                        "report.export", "report", case_number=prepared.case_number, details=details
                    )
                    noted = True
                place(temporary, target)
                placed = True
            flush_folder(target.parent)
        except BaseException:
            if placed:
                target.unlink(missing_ok=True)
            raise
        finally:
            temporary.unlink(missing_ok=True)
        return ExportedReport(
            target,
            request.kind.value,
            request.target,
            rendered.pages,
            rendered.sha256,
            rendered.fingerprint,
            noted,
        )


def _silent(done: int, total: int, stage: str) -> None:
    return None


def _details(prepared: PreparedReport, target: Path) -> dict[str, Any]:
    request, rendered = prepared.request, prepared.rendered
    details: dict[str, Any] = {
        "kind": request.kind.value,
        "target": request.target,
        "language": request.language.value,
        "file": target.name,
        "sha256": rendered.sha256,
        "pages": rendered.pages,
        "fingerprint": rendered.fingerprint,
    }
    if request.kind is ReportKind.LABELS:
        details["layout"] = request.layout.value
    return details
