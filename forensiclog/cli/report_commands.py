"""PDF report commands: ``report body|exchange|foreign|labels|discrepancies … -o FILE``."""

from __future__ import annotations

from pathlib import Path

from forensiclog.cli.runner import Invocation, Output
from forensiclog.services.report_file import checked_output
from forensiclog.services.reports import ExportedReport, ReportKind, report_request


def _export(run: Invocation, kind: ReportKind, targets: str | list[str]) -> Output:
    options = run.options
    request = report_request(
        kind, targets, language=options.language, layout=getattr(options, "layout", None)
    )
    # Checked before signing in: a wrong path is refused without waiting for the password hash.
    output = checked_output(Path(options.output))
    exported = run.services.reports.export(request, output)
    return Output(exported.as_dict(), _line(exported))


def _line(exported: ExportedReport) -> str:
    pages = "page" if exported.pages == 1 else "pages"
    return f"{exported.file}: {exported.pages} {pages}, sha256 {exported.sha256}"


def body(run: Invocation) -> Output:
    return _export(run, ReportKind.BODY, run.options.case)


def exchange(run: Invocation) -> Output:
    return _export(run, ReportKind.EXCHANGE, run.options.code)


def foreign(run: Invocation) -> Output:
    return _export(run, ReportKind.FOREIGN, run.options.code)


def discrepancies(run: Invocation) -> Output:
    return _export(run, ReportKind.DISCREPANCIES, run.options.code)


def labels(run: Invocation) -> Output:
    return _export(run, ReportKind.LABELS, run.options.targets)
