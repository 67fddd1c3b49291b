"""The evidence sections of a case report: documents, effects, samples, decisions, custody,
history. Each takes the case's records and returns flowables; none of them queries."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Spacer

from forensiclog.domain.records import (
    AuditRecord,
    CaseRecord,
    DecisionRecord,
    DocumentRecord,
)
from forensiclog.reports import styles
from forensiclog.reports.blocks import data_table, field_block, section, subheading
from forensiclog.reports.history_words import action_name, change_lines, reason_name
from forensiclog.reports.styles import Stylesheet
from forensiclog.reports.wording import DASH, Wording, date_text, value

W = styles.TEXT_WIDTH
Flowables = list[Any]


def mrz_validity(document: DocumentRecord, words: Wording) -> str:
    """valid (TD3) / invalid: the failing fields / none / not checked."""
    if document.mrz_valid is True:
        return words("mrz_valid", format=document.mrz_format or "MRZ")
    if document.mrz_valid is False:
        fields = words.codes("mrz_field", document.mrz_failures)
        return words("mrz_invalid", fields=fields)
    return words("mrz_unchecked") if document.mrz else words("none")


def document_heading(index: int, document: DocumentRecord, words: Wording) -> str:
    parts = [words("document_n", n=index, kind=words.code("document_kind", document.kind))]
    if document.country:
        parts.append(document.country)
    if document.number:
        parts.append(f"№ {document.number}")
    return " · ".join(parts)


def document_rows(document: DocumentRecord, words: Wording) -> list[tuple[str, str | None]]:
    """The fields that identify a document always; the others when they were recorded."""
    rows: list[tuple[str, str | None]] = [
        (words("issuing_state"), document.country),
        (words("number"), document.number),
        (words("surname"), document.surname),
        (words("given_names"), document.given_names),
        (words("birth_date"), date_text(document.birth_date)),
    ]
    optional: list[tuple[str, str | None]] = [
        (words("birth_place"), document.birth_place),
        (words("sex"), words.code("sex", document.sex) if document.sex else None),
        (words("expiry_date"), date_text(document.expiry_date) if document.expiry_date else None),
        (words("personal_number"), document.personal_number),
        (words("found_at"), document.found_at),
        (words("bag"), document.bag),
    ]
    rows += [(label, text) for label, text in optional if text]
    rows.append((words("mrz"), mrz_validity(document, words)))
    if document.mrz:
        rows.append((words("mrz_short"), "\n".join(document.mrz)))
    if document.warnings:
        rows.append((words("warnings"), "\n".join(map(words.warning, document.warnings))))
    if document.notes:
        rows.append((words("notes"), document.notes))
    return rows


def documents_section(case: CaseRecord, words: Wording, sheet: Stylesheet) -> Flowables:
    content: Flowables = []
    for index, document in enumerate(case.documents, start=1):
        content.append(subheading(document_heading(index, document, words), sheet))
        content += field_block(document_rows(document, words), sheet)
    return section(words("documents"), content, words, sheet)


def effects_section(case: CaseRecord, words: Wording, sheet: Stylesheet) -> Flowables:
    header = [words("kind"), words("description"), words("found_at"), words("bag")]
    rows = [[e.kind, e.description, e.found_at, e.bag] for e in case.effects]
    widths = [30 * mm, W - 100 * mm, 38 * mm, 32 * mm]
    content = (
        [data_table(header, rows, widths, sheet, wrap=frozenset({0, 1, 2, 3}))] if rows else []
    )
    return section(words("effects"), content, words, sheet)


def samples_section(case: CaseRecord, words: Wording, sheet: Stylesheet) -> Flowables:
    header = [words("sample_number"), words("kind"), words("taken"), words("lab"), words("result")]
    rows = [
        [
            s.number,
            words.code("sample_kind", s.kind),
            words("by_at", by=s.taken_by, at=words.time(s.taken_at)),
            s.lab,
            _result(s.result, s.result_by, words.time(s.result_at) if s.result_at else None, words),
        ]
        for s in case.samples
    ]
    # The number column as wide as the longest number (up to 50 mm), so a number is never
    # broken across lines; the result takes what is left.
    longest = max(
        (stringWidth(s.number, sheet.cell.fontName, sheet.cell.fontSize) for s in case.samples),
        default=0.0,
    )
    first = min(max(28 * mm, longest + 2 * styles.CELL_PADDING + 2), 50 * mm)
    widths = [first, 20 * mm, 38 * mm, 34 * mm, W - 92 * mm - first]
    content = (
        [data_table(header, rows, widths, sheet, wrap=frozenset({0, 2, 3, 4}))] if rows else []
    )
    return section(words("samples"), content, words, sheet)


def _result(result: str | None, by: str | None, at: str | None, words: Wording) -> str | None:
    if not result:
        return None
    return f"{result}\n{words('by_at', by=by or DASH, at=at or DASH)}" if by or at else result


def document_label(document_id: int, documents: Sequence[DocumentRecord], words: Wording) -> str:
    """A document as a reader knows it: kind, issuing state, number."""
    for document in documents:
        if document.id == document_id:
            parts = (words.code("document_kind", document.kind), document.country, document.number)
            return " · ".join(p for p in parts if p)
    return f"#{document_id}"


def decision_rows(
    decision: DecisionRecord, words: Wording, documents: Sequence[DocumentRecord] = ()
) -> list[tuple[str, str | None]]:
    kind = words.code("decision_kind", decision.kind)
    state = words.code("decision_state", decision.state)
    person = " ".join(p for p in (decision.surname, decision.given_names) if p)
    details = [
        person,
        date_text(decision.birth_date) if decision.birth_date else "",
        decision.service_number or "",
    ]
    methods = words.codes("method", decision.methods)
    if decision.kind == "identification":
        methods += "; " + (words("primary") if decision.primary else words("presumptive"))
    rows: list[tuple[str, str | None]] = [(words("decision"), f"{kind}: {state}")]
    if any(details):
        rows.append((words("person"), ", ".join(d for d in details if d)))
    if decision.kind == "identification":
        rows += [(words("methods"), methods), (words("reason"), decision.reason)]
    else:  # an exclusion has no identification methods: what it rests on is its basis
        rows.append((words("basis"), decision.reason))
    rows += [
        (
            words("proposed"),
            words("by_at", by=decision.proposed_by, at=words.time(decision.proposed_at)),
        ),
    ]
    if decision.basis_document is not None:
        rows.append(
            (words("basis_document"), document_label(decision.basis_document, documents, words))
        )
    if decision.decided_by or decision.decided_at:
        at = words.time(decision.decided_at)
        rows.append((words("decided"), words("by_at", by=value(decision.decided_by), at=at)))
    if decision.decision_reason:
        rows.append((words("decision_reason"), decision.decision_reason))
    return rows


def decisions_section(case: CaseRecord, words: Wording, sheet: Stylesheet) -> Flowables:
    decisions = case.decisions or ((case.identification,) if case.identification else ())
    content: Flowables = []
    for decision in decisions:
        rows = decision_rows(decision, words, case.documents)
        content += [*field_block(rows, sheet), Spacer(1, 3 * mm)]
    return section(words("identification"), content, words, sheet)


def custody_section(case: CaseRecord, words: Wording, sheet: Stylesheet) -> Flowables:
    header = [words("when"), words("who"), words("from"), words("to"), words("reason")]
    rows = [
        [words.time(c.at), c.by, c.from_location, c.to_location, reason_name(words, c.reason)]
        for c in case.custody
    ]
    widths = [30 * mm, 28 * mm, 34 * mm, 34 * mm, W - 126 * mm]
    content = (
        [data_table(header, rows, widths, sheet, wrap=frozenset({1, 2, 3, 4}))] if rows else []
    )
    return section(words("custody"), content, words, sheet)


def history_section(history: Sequence[AuditRecord], words: Wording, sheet: Stylesheet) -> Flowables:
    header = [words("when"), words("user"), words("action"), words("change"), words("reason")]
    rows = [
        [
            words.time(a.at),
            a.user,
            action_name(words, a.action),
            change_lines(words, a.entity, a.before, a.after),
            reason_name(words, a.reason),
        ]
        for a in history
    ]
    widths = [30 * mm, 24 * mm, 28 * mm, W - 118 * mm, 36 * mm]
    content = (
        [data_table(header, rows, widths, sheet, wrap=frozenset({1, 2, 3, 4}))] if rows else []
    )
    return section(words("history"), content, words, sheet)
