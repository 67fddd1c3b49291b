"""Commands on cases: registering, editing, the workflow, decisions, custody, samples."""

from __future__ import annotations

from typing import Any

from forensiclog.cli import views
from forensiclog.cli.runner import Invocation, Output
from forensiclog.services.case_list import CaseFilter


def add(run: Invocation) -> Output:
    o = run.options
    result = run.services.cases.register(
        o.exchange,
        tag=o.tag,
        condition=o.condition,
        location=o.location,
        sex=o.sex,
        notes=o.notes,
        allow_duplicate_tag=o.duplicate_tag,
    )
    how = "checked in from the handover list" if result.checked_in else "registered"
    return Output(
        {"case": result.case_number, "checked_in": result.checked_in}, f"{result.case_number} {how}"
    )


def add_part(run: Invocation) -> Output:
    o = run.options
    number = run.services.cases.add_part(
        o.case, condition=o.condition, location=o.location, notes=o.notes, reason=o.reason
    )
    return Output(
        {"case": number, "part_of": o.case.upper()}, f"{number} registered as a part of {o.case}"
    )


_EDIT_OPTIONS = {
    "tag": "tag",
    "condition": "condition",
    "sex": "sex",
    "age_min": "age_min",
    "age_max": "age_max",
    "stature_cm": "stature_cm",
    "clothing": "clothing",
    "notes": "notes",
    "nationality": "nationality",
    "basis": "nationality_basis",
    "basis_document": "nationality_document_id",
    "cemetery": "burial_cemetery",
    "plot": "burial_plot",
    "location": "location",
}


def edit(run: Invocation) -> Output:
    o = run.options
    changes: dict[str, Any] = {
        field: getattr(o, option)
        for option, field in _EDIT_OPTIONS.items()
        if getattr(o, option) is not None
    }
    number = run.services.cases.edit(
        o.case, changes, reason=o.reason, allow_duplicate_tag=o.duplicate_tag
    )
    return Output({"case": number}, f"{number} updated")


def status(run: Invocation) -> Output:
    o = run.options
    new = run.services.workflow.move(o.case, o.status, reason=o.reason, correction=o.correction)
    return Output(
        {"case": o.case.upper(), "status": new.value}, f"{o.case.upper()} is now {new.value}"
    )


def identify(run: Invocation) -> Output:
    o = run.options
    decision = run.services.decisions.propose_identification(
        o.case,
        surname=o.surname,
        given_names=o.given_names,
        methods=o.method,
        reason=o.reason,
        birth_date=o.birth_date,
        service_number=o.service_number,
        document=o.document,
    )
    kind = "presumptive" if decision.presumptive else "by a primary identifier"
    return Output(
        {"case": o.case.upper(), "identification": views.decision(decision)},
        f"identification of {o.case.upper()} proposed ({kind}); a coordinator confirms it",
    )


def exclude(run: Invocation) -> Output:
    o = run.options
    decision = run.services.decisions.propose_exclusion(o.case, basis=o.basis, document=o.document)
    return Output(
        {"case": o.case.upper(), "identification": views.decision(decision)},
        f"exclusion of {o.case.upper()} proposed; a coordinator confirms it",
    )


def confirm(run: Invocation) -> Output:
    o = run.options
    decision = run.services.decisions.confirm(o.case, reason=o.reason)
    return Output(
        {"case": o.case.upper(), "identification": views.decision(decision)},
        f"{decision.kind} of {o.case.upper()} confirmed; the case is locked",
    )


def withdraw(run: Invocation) -> Output:
    o = run.options
    run.services.decisions.withdraw(o.case, reason=o.reason)
    return Output(
        {"case": o.case.upper(), "identification": None}, f"decision on {o.case.upper()} withdrawn"
    )


def move(run: Invocation) -> Output:
    o = run.options
    where = run.services.examination.move(o.case, to=o.to, reason=o.reason)
    return Output({"case": o.case.upper(), "location": where}, f"{o.case.upper()} moved to {where}")


def mark(run: Invocation) -> Output:
    o = run.options
    uid = run.services.cases.add_mark(
        o.case,
        kind=o.kind,
        description=o.description,
        body_location=o.body_location,
        serial_number=o.serial_number,
        reason=o.reason,
    )
    return Output({"case": o.case.upper(), "mark": uid}, f"mark recorded on {o.case.upper()}")


def link(run: Invocation) -> Output:
    o = run.options
    run.services.cases.link_duplicate(o.case, o.other, reason=o.reason)
    return Output(
        {"case": o.case.upper(), "linked": o.other.upper()},
        f"{o.case.upper()} and {o.other.upper()} linked as suspected duplicates",
    )


def show(run: Invocation) -> Output:
    record = run.services.cases.show(run.options.case)
    lines = [
        f"{record.case_number}  {record.status}  tag {record.tag or '-'}  exchange {record.exchange}",
        f"nationality {record.nationality}"
        + (f" ({record.nationality_basis})" if record.nationality_basis else ""),
        f"completeness {record.completeness_score}/5; missing: {', '.join(record.missing) or 'nothing'}",
    ]
    return Output(views.case(record), "\n".join(lines))


def list_cases(run: Invocation) -> Output:
    o = run.options
    where = CaseFilter(exchange=o.exchange, status=o.status, nationality=o.nationality)
    if o.exchange:
        run.services.exchanges.show(o.exchange)
    rows = run.services.case_list.page(where, limit=o.limit)
    text = "\n".join(f"{r.case_number}\t{r.tag or '-'}\t{r.status}\t{r.nationality}" for r in rows)
    return Output([views.case_row(r) for r in rows], text)


def checklist_set(run: Invocation) -> Output:
    o = run.options
    entries = run.services.examination.set_checklist(o.case, o.item, o.state, reason=o.reason)
    return Output(
        {"case": o.case.upper(), "checklist": {e.item: e.state for e in entries}},
        f"{o.case.upper()}: {o.item} is {o.state}",
    )


def sample_add(run: Invocation) -> Output:
    o = run.options
    sample = run.services.examination.add_sample(
        o.case, kind=o.kind, sample_number=o.number, lab=o.lab, reason=o.reason
    )
    return Output(
        {"sample": sample.number, "case": o.case.upper(), "kind": sample.kind, "lab": sample.lab},
        f"sample {sample.number} recorded on {o.case.upper()}",
    )


def sample_result(run: Invocation) -> Output:
    o = run.options
    sample = run.services.examination.record_result(o.number, result=o.result, lab=o.lab)
    return Output(
        {"sample": sample.number, "case": sample.case, "result": sample.result},
        f"result recorded for sample {sample.number}",
    )
