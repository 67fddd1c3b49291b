"""The history of a case as people read it: what was done, and each change as before → after."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from forensiclog.domain.records import AuditRecord
from forensiclog.ui.case_editor.labels import (
    CHECKLIST_ITEMS,
    CHECKLIST_STATES,
    DECISION_KINDS,
    DECISION_STATES,
    DOCUMENT_KINDS,
    MARK_KINDS,
    METHODS,
    SAMPLE_KINDS,
    label,
)
from forensiclog.ui.photos.photo_kinds import photo_kind_label
from forensiclog.ui.vocabulary_text import (
    condition_label,
    nationality_label,
    sex_label,
    status_label,
)

CONTEXT = "History"
CORRECTION = ".correction"

ACTIONS: Mapping[str, object] = {
    "case.register": QT_TRANSLATE_NOOP("History", "Body registered"),
    "case.check_in": QT_TRANSLATE_NOOP("History", "Body checked in against the handover list"),
    "case.create": QT_TRANSLATE_NOOP("History", "Case created from the handover list"),
    "case.register_part": QT_TRANSLATE_NOOP("History", "Body part registered"),
    "case.edit": QT_TRANSLATE_NOOP("History", "Findings edited"),
    "case.link": QT_TRANSLATE_NOOP("History", "Linked as a suspected duplicate"),
    "case.status": QT_TRANSLATE_NOOP("History", "Status moved"),
    "case.status.correction": QT_TRANSLATE_NOOP("History", "Status corrected"),
    "checklist.set": QT_TRANSLATE_NOOP("History", "Checklist changed"),
    "custody.move": QT_TRANSLATE_NOOP("History", "Body moved"),
    "declared.create": QT_TRANSLATE_NOOP("History", "Declared data recorded"),
    "mark.add": QT_TRANSLATE_NOOP("History", "Distinguishing mark added"),
    "sample.add": QT_TRANSLATE_NOOP("History", "Sample taken"),
    "sample.result": QT_TRANSLATE_NOOP("History", "Sample result recorded"),
    "document.add": QT_TRANSLATE_NOOP("History", "Document added"),
    "document.edit": QT_TRANSLATE_NOOP("History", "Document edited"),
    "effect.add": QT_TRANSLATE_NOOP("History", "Personal effect added"),
    "effect.edit": QT_TRANSLATE_NOOP("History", "Personal effect edited"),
    "photo.add": QT_TRANSLATE_NOOP("History", "Photo added"),
    "photo.edit": QT_TRANSLATE_NOOP("History", "Photo details edited"),
    "photo_file.add": QT_TRANSLATE_NOOP("History", "Photo file stored"),
    "identification.propose": QT_TRANSLATE_NOOP("History", "Identification proposed"),
    "identification.confirm": QT_TRANSLATE_NOOP("History", "Identification confirmed"),
    "exclusion.propose": QT_TRANSLATE_NOOP("History", "Exclusion proposed"),
    "exclusion.confirm": QT_TRANSLATE_NOOP("History", "Exclusion confirmed"),
    "decision.withdraw": QT_TRANSLATE_NOOP("History", "Decision withdrawn"),
}

FIELDS: Mapping[str, object] = {
    "tag": QT_TRANSLATE_NOOP("History", "tag"),
    "condition": QT_TRANSLATE_NOOP("History", "condition"),
    "sex": QT_TRANSLATE_NOOP("History", "sex"),
    "age_min": QT_TRANSLATE_NOOP("History", "age from"),
    "age_max": QT_TRANSLATE_NOOP("History", "age to"),
    "stature_cm": QT_TRANSLATE_NOOP("History", "stature (cm)"),
    "clothing": QT_TRANSLATE_NOOP("History", "clothing"),
    "notes": QT_TRANSLATE_NOOP("History", "notes"),
    "nationality": QT_TRANSLATE_NOOP("History", "nationality"),
    "nationality_basis": QT_TRANSLATE_NOOP("History", "basis"),
    "burial_cemetery": QT_TRANSLATE_NOOP("History", "cemetery"),
    "burial_plot": QT_TRANSLATE_NOOP("History", "plot"),
    "status": QT_TRANSLATE_NOOP("History", "status"),
    "location": QT_TRANSLATE_NOOP("History", "location"),
    "to_location": QT_TRANSLATE_NOOP("History", "to"),
    "kind": QT_TRANSLATE_NOOP("History", "kind"),
    "caption": QT_TRANSLATE_NOOP("History", "caption"),
    "country": QT_TRANSLATE_NOOP("History", "issuing state"),
    "number": QT_TRANSLATE_NOOP("History", "number"),
    "surname": QT_TRANSLATE_NOOP("History", "surname"),
    "given_names": QT_TRANSLATE_NOOP("History", "given names"),
    "birth_date": QT_TRANSLATE_NOOP("History", "date of birth"),
    "description": QT_TRANSLATE_NOOP("History", "description"),
    "found_at": QT_TRANSLATE_NOOP("History", "found at"),
    "bag": QT_TRANSLATE_NOOP("History", "bag / seal"),
    "result": QT_TRANSLATE_NOOP("History", "result"),
    "lab": QT_TRANSLATE_NOOP("History", "laboratory"),
    "state": QT_TRANSLATE_NOOP("History", "state"),
    "methods": QT_TRANSLATE_NOOP("History", "methods"),
    "document_id": QT_TRANSLATE_NOOP("History", "document"),
    "effect_id": QT_TRANSLATE_NOOP("History", "effect"),
    "arrived_at": QT_TRANSLATE_NOOP("History", "arrived"),
    "original_name": QT_TRANSLATE_NOOP("History", "file"),
    # Also the fields a refusal names (forensiclog/ui/refusal_text.py).
    "birth_place": QT_TRANSLATE_NOOP("History", "place of birth"),
    "expiry_date": QT_TRANSLATE_NOOP("History", "expiry date"),
    "personal_number": QT_TRANSLATE_NOOP("History", "personal number"),
    "document_number": QT_TRANSLATE_NOOP("History", "document number"),
    "composite": QT_TRANSLATE_NOOP("History", "composite check"),
    "mrz": QT_TRANSLATE_NOOP("History", "machine-readable zone (MRZ)"),
    "body_location": QT_TRANSLATE_NOOP("History", "where on the body"),
    "serial_number": QT_TRANSLATE_NOOP("History", "serial number"),
    "service_number": QT_TRANSLATE_NOOP("History", "service number"),
    "date": QT_TRANSLATE_NOOP("History", "date"),
    "reason": QT_TRANSLATE_NOOP("History", "reason"),
    "basis": QT_TRANSLATE_NOOP("History", "basis"),
    "method": QT_TRANSLATE_NOOP("History", "basis"),
    "to": QT_TRANSLATE_NOOP("History", "to"),
    "place": QT_TRANSLATE_NOOP("History", "place"),
    "cemetery": QT_TRANSLATE_NOOP("History", "cemetery"),
    "plot": QT_TRANSLATE_NOOP("History", "plot"),
    "case": QT_TRANSLATE_NOOP("History", "case"),
    "document": QT_TRANSLATE_NOOP("History", "document"),
    "effect": QT_TRANSLATE_NOOP("History", "effect"),
    "photo": QT_TRANSLATE_NOOP("History", "photo"),
    "files": QT_TRANSLATE_NOOP("History", "files"),
    "user": QT_TRANSLATE_NOOP("History", "user"),
    "password": QT_TRANSLATE_NOOP("History", "password"),
    "site": QT_TRANSLATE_NOOP("History", "site code"),
    "team": QT_TRANSLATE_NOOP("History", "team code"),
    "exchange": QT_TRANSLATE_NOOP("History", "exchange"),
    "workspace": QT_TRANSLATE_NOOP("History", "workspace"),
    "output": QT_TRANSLATE_NOOP("History", "output file"),
    "destination": QT_TRANSLATE_NOOP("History", "destination"),
    "name": QT_TRANSLATE_NOOP("History", "name"),
    "target": QT_TRANSLATE_NOOP("History", "report"),
    # A decision, a sample and a custody entry.
    "basis_document_id": QT_TRANSLATE_NOOP("History", "basis document"),
    "proposed_at": QT_TRANSLATE_NOOP("History", "proposed"),
    "proposed_by": QT_TRANSLATE_NOOP("History", "proposed by"),
    "decided_at": QT_TRANSLATE_NOOP("History", "decided"),
    "decided_by": QT_TRANSLATE_NOOP("History", "decided by"),
    "decision_reason": QT_TRANSLATE_NOOP("History", "reason for the decision"),
    "taken_at": QT_TRANSLATE_NOOP("History", "taken"),
    "taken_by": QT_TRANSLATE_NOOP("History", "taken by"),
    "result_at": QT_TRANSLATE_NOOP("History", "result recorded"),
    "result_by": QT_TRANSLATE_NOOP("History", "result recorded by"),
    "from_location": QT_TRANSLATE_NOOP("History", "from"),
    "moved_at": QT_TRANSLATE_NOOP("History", "moved"),
    "moved_by": QT_TRANSLATE_NOOP("History", "moved by"),
}
# Reasons the application writes itself (forensiclog/services/cases.py), not a person.
SYSTEM_REASONS: Mapping[str, object] = {
    "registered": QT_TRANSLATE_NOOP("History", "on registration"),
    "location edited": QT_TRANSLATE_NOOP("History", "location edited with the findings"),
    "replaced by a new identification proposal": QT_TRANSLATE_NOOP(
        "History", "replaced by a new identification proposal"
    ),
    "replaced by a new exclusion proposal": QT_TRANSLATE_NOOP(
        "History", "replaced by a new exclusion proposal"
    ),
}
# What a new record is summed up by; its full state stays in the tooltip.
SUMMARY = (
    "tag",
    "condition",
    "to_location",
    "kind",
    "country",
    "number",
    "surname",
    "given_names",
    "description",
    "caption",
    "result",
)
HIDDEN = frozenset({"uid", "id", "case_id", "created_at", "created_by", "updated_at"})
LONGEST = 60


def _tr(source: object) -> str:
    return QCoreApplication.translate(CONTEXT, str(source))


def action_text(action: str) -> str:
    correction = action.endswith(CORRECTION) and action not in ACTIONS
    base = action.removesuffix(CORRECTION) if correction else action
    text = _tr(ACTIONS[base]) if base in ACTIONS else action
    return text + _tr(QT_TRANSLATE_NOOP("History", " (correction)")) if correction else text


def field_text(name: str) -> str:
    return _tr(FIELDS[name]) if name in FIELDS else name


def stored_reason_text(reason: str | None) -> str:
    """A reason as stored: a person's words as they are, the application's own translated."""
    if not reason:
        return ""
    return _tr(SYSTEM_REASONS[reason]) if reason in SYSTEM_REASONS else reason


def _kind_text(entity: str, value: str) -> str:
    if entity == "document":
        return label(DOCUMENT_KINDS, value)
    if entity == "photo":
        return photo_kind_label(value)
    if entity == "mark":
        return label(MARK_KINDS, value)
    if entity == "sample":
        return label(SAMPLE_KINDS, value)
    if entity == "decision":
        return label(DECISION_KINDS, value)
    return value


def _state_text(entity: str, value: str) -> str:
    return label(DECISION_STATES, value) if entity == "decision" else value


def value_text(name: str, value: Any, entity: str = "") -> str:
    if value is None or value in ("", []):
        return "—"
    shown = {
        "status": status_label,
        "condition": condition_label,
        "nationality": nationality_label,
        "sex": sex_label,
        "kind": lambda v: _kind_text(entity, v),
        "state": lambda v: _state_text(entity, v),
        "decision_reason": stored_reason_text,
    }
    if name in shown:
        return shown[name](str(value))
    if name.endswith("_at") and isinstance(value, str):
        return when_text(value)
    if isinstance(value, list):
        words = METHODS if name == "methods" else {}
        return ", ".join(label(words, str(v)) for v in value)
    text = str(value)
    return text if len(text) <= LONGEST else text[: LONGEST - 1] + "…"


def _checklist_changes(before: Mapping[str, Any], after: Mapping[str, Any]) -> list[str]:
    changes = []
    for item, entry in after.items():
        old = (before.get(item) or {}).get("state")
        new = (entry or {}).get("state")
        if old != new:
            changes.append(
                f"{label(CHECKLIST_ITEMS, item)}: {label(CHECKLIST_STATES, old)} → {label(CHECKLIST_STATES, new)}"
            )
    return changes


def change_text(entry: AuditRecord) -> str:
    """Each changed field as "name: before → after"; a new record by its main fields."""
    after = entry.after or {}
    if entry.before is None:
        parts = [
            f"{field_text(k)}: {value_text(k, after[k], entry.entity)}"
            for k in SUMMARY
            if after.get(k)
        ]
        return "; ".join(parts)
    parts = []
    for name, new in after.items():
        if name in HIDDEN:
            continue
        old = entry.before.get(name)
        if name == "checklist" and isinstance(new, dict) and isinstance(old, dict):
            parts += _checklist_changes(old, new)
        else:
            old_text, new_text = (
                value_text(name, old, entry.entity),
                value_text(name, new, entry.entity),
            )
            parts.append(f"{field_text(name)}: {old_text} → {new_text}")
    return "; ".join(parts)


def when_text(at: str) -> str:
    """A stored UTC timestamp in the laptop's local time."""
    try:
        moment = dt.datetime.fromisoformat(at.replace("Z", "+00:00"))
    except ValueError:
        return at
    if moment.tzinfo is None:
        return moment.strftime("%Y-%m-%d %H:%M")
    return moment.astimezone().strftime("%Y-%m-%d %H:%M:%S")
