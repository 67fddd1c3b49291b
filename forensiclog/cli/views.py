"""Records as the JSON documents of the command-line contract (CLI.md: keys are a contract)."""

from __future__ import annotations

import dataclasses
from typing import Any

from forensiclog.domain.records import (
    AuditRecord,
    CaseRecord,
    CaseRow,
    ChainVerdict,
    DecisionRecord,
    ExchangeSummary,
)


def plain(record: Any) -> Any:
    """A dataclass record as a dict (tuples as lists); other values as they are."""
    if dataclasses.is_dataclass(record) and not isinstance(record, type):
        return {f.name: plain(getattr(record, f.name)) for f in dataclasses.fields(record)}
    if isinstance(record, (list, tuple)):
        return [plain(v) for v in record]
    if isinstance(record, dict):
        return {k: plain(v) for k, v in record.items()}
    return record


def exchange(summary: ExchangeSummary) -> dict[str, Any]:
    e = summary.exchange
    return {
        "exchange": e.code,
        "date": e.date_received,
        "declared": e.declared,
        "registered": summary.registered,
        "arrived": summary.arrived,
        "by_status": summary.by_status,
        "foreign": summary.foreign,
        "unexamined": summary.unexamined,
        "place": e.place,
        "counterparty": e.counterparty,
        "reference": e.reference,
        "notes": e.notes,
    }


def case_row(row: CaseRow) -> dict[str, Any]:
    data = {
        "case": row.case_number,
        "tag": row.tag,
        "status": row.status,
        "nationality": row.nationality,
        "exchange": row.exchange,
        "condition": row.condition,
        "documents": row.documents,
        "photos": row.photos,
        "completeness": row.completeness,
        "locked": row.locked,
    }
    if row.matched is not None:
        data["matched"] = row.matched
    return data


def decision(record: DecisionRecord | None) -> dict[str, Any] | None:
    if record is None:
        return None
    data: dict[str, Any] = plain(record)
    data["presumptive"] = record.presumptive
    return data


def history(entry: AuditRecord) -> dict[str, Any]:
    return {
        "at": entry.at,
        "user": entry.user,
        "action": entry.action,
        "case": entry.case_number,
        "entity": entry.entity,
        "entity_uid": entry.entity_uid,
        "reason": entry.reason,
        "before": entry.before,
        "after": entry.after,
        "seq": entry.seq,
        "origin": entry.origin,
    }


def case(record: CaseRecord) -> dict[str, Any]:
    return {
        "case": record.case_number,
        "uid": record.uid,
        "exchange": record.exchange,
        "tag": record.tag,
        "status": record.status,
        "nationality": record.nationality,
        "nationality_basis": record.nationality_basis,
        "condition": record.condition,
        "location": record.location,
        "sex": record.sex,
        "age_min": record.age_min,
        "age_max": record.age_max,
        "stature_cm": record.stature_cm,
        "clothing": record.clothing,
        "notes": record.notes,
        "burial": {"cemetery": record.burial_cemetery, "plot": record.burial_plot},
        "parent": record.parent,
        "parts": list(record.parts),
        "links": plain(record.links),
        "locked": record.locked,
        "declared": plain(record.declared) if record.declared else {},
        "checklist": {e.item: e.state for e in record.checklist},
        "checklist_reasons": {e.item: e.reason for e in record.checklist if e.reason},
        "marks": plain(record.marks),
        "samples": plain(record.samples),
        "custody": plain(record.custody),
        "identification": decision(record.identification),
        "decisions": [decision(d) for d in record.decisions],
        "completeness": {"score": record.completeness_score, "missing": list(record.missing)},
        "documents": plain(record.documents),
        "effects": plain(record.effects),
        "photos": [
            {
                "sha256": p.sha256,
                "kind": p.kind,
                "caption": p.caption,
                "taken_at": p.taken_at,
                "document": p.document,
                "effect": p.effect,
            }
            for p in record.photos
        ],
        "history": [history(h) for h in record.history],
        "created_at": record.created_at,
        "created_by": record.created_by,
        "arrived_at": record.arrived_at,
    }


def chain(verdict: ChainVerdict) -> dict[str, Any]:
    return {
        "valid": verdict.valid,
        "entries": verdict.entries,
        "first_bad": verdict.first_bad,
        "head_signed": verdict.head_signed,
        "problems": [str(p) for p in verdict.problems],
    }
