"""Commands on exchanges and handover lists."""

from __future__ import annotations

from pathlib import Path

from forensiclog.cli import views
from forensiclog.cli.runner import Invocation, Output
from forensiclog.domain.records import ExchangeSummary


def _line(s: ExchangeSummary) -> str:
    e = s.exchange
    return (
        f"{e.code}  {e.date_received}  declared {e.declared}  registered {s.registered}  "
        f"arrived {s.arrived}  foreign {s.foreign}  unexamined {s.unexamined}"
    )


def add(run: Invocation) -> Output:
    o = run.options
    record = run.services.exchanges.add(
        o.code,
        date=o.date,
        declared=o.declared,
        place=o.place,
        counterparty=o.counterparty,
        reference=o.reference,
        notes=o.notes,
    )
    return Output({"exchange": record.code}, f"exchange {record.code} added")


def list_exchanges(run: Invocation) -> Output:
    summaries = run.services.exchanges.list_all()
    return Output([views.exchange(s) for s in summaries], "\n".join(_line(s) for s in summaries))


def show(run: Invocation) -> Output:
    summary = run.services.exchanges.show(run.options.code)
    statuses = "\n".join(f"  {status:<20} {n}" for status, n in summary.by_status.items() if n)
    return Output(views.exchange(summary), _line(summary) + ("\n" + statuses if statuses else ""))


def manifest_import(run: Invocation) -> Output:
    result = run.services.manifest.import_file(
        run.options.code, Path(run.options.file).expanduser()
    )
    first, last = (result.cases[0], result.cases[-1]) if result.cases else ("", "")
    return Output(
        {"created": result.created, "cases": result.cases},
        f"{result.created} cases created ({first} … {last})",
    )
