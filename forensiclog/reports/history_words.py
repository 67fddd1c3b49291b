"""The history of a case as a report prints it: each action named, each changed field named and
its coded values in words, in English or Ukrainian. Internal identifiers are left out; the
stored entries themselves are unchanged and verified elsewhere (``audit verify``)."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from forensiclog.reports.markup import capped
from forensiclog.reports.wording import DASH, Wording

# action → (English, Ukrainian)
ACTIONS: dict[str, tuple[str, str]] = {
    "case.register": ("Body registered", "Тіло зареєстровано"),
    "case.check_in": (
        "Body checked in against the handover list",
        "Тіло прийнято за списком передачі",
    ),
    "case.create": ("Case created from the handover list", "Справу створено зі списку передачі"),
    "case.register_part": ("Body part registered", "Фрагмент тіла зареєстровано"),
    "case.edit": ("Findings edited", "Огляд змінено"),
    "case.link": ("Linked as a suspected duplicate", "Пов’язано як можливий дублікат"),
    "case.status": ("Status moved", "Статус змінено"),
    "checklist.set": ("Checklist changed", "Перелік досліджень змінено"),
    "custody.move": ("Body moved", "Тіло переміщено"),
    "declared.create": ("Declared data recorded", "Заявлені дані записано"),
    "mark.add": ("Distinguishing mark added", "Прикмету додано"),
    "sample.add": ("Sample taken", "Зразок відібрано"),
    "sample.result": ("Sample result recorded", "Результат зразка записано"),
    "document.add": ("Document added", "Документ додано"),
    "document.edit": ("Document edited", "Документ змінено"),
    "effect.add": ("Personal effect added", "Особисту річ додано"),
    "effect.edit": ("Personal effect edited", "Особисту річ змінено"),
    "photo.add": ("Photo added", "Фото додано"),
    "photo.edit": ("Photo details edited", "Опис фото змінено"),
    "photo_file.add": ("Photo file stored", "Файл фото збережено"),
    "identification.propose": ("Identification proposed", "Ідентифікацію запропоновано"),
    "identification.confirm": ("Identification confirmed", "Ідентифікацію підтверджено"),
    "exclusion.propose": ("Exclusion proposed", "Виключення запропоновано"),
    "exclusion.confirm": ("Exclusion confirmed", "Виключення підтверджено"),
    "decision.withdraw": ("Decision withdrawn", "Рішення відкликано"),
    "report.export": ("Report exported", "Звіт сформовано"),
}
CORRECTION = ".correction"
_CORRECTED = (" (correction)", " (виправлення)")

# field → (English, Ukrainian)
FIELDS: dict[str, tuple[str, str]] = {
    "case_number": ("case number", "номер справи"),
    "tag": ("tag", "бирка"),
    "condition": ("condition", "стан"),
    "sex": ("sex", "стать"),
    "age_min": ("age from", "вік від"),
    "age_max": ("age to", "вік до"),
    "stature_cm": ("stature (cm)", "зріст (см)"),
    "clothing": ("clothing", "одяг"),
    "notes": ("notes", "примітки"),
    "nationality": ("nationality", "громадянство"),
    "nationality_basis": ("basis", "підстава"),
    "burial_cemetery": ("cemetery", "кладовище"),
    "burial_plot": ("plot", "ділянка"),
    "status": ("status", "статус"),
    "location": ("storage location", "місце зберігання"),
    "from_location": ("from", "звідки"),
    "to_location": ("to", "куди"),
    "kind": ("kind", "вид"),
    "caption": ("caption", "підпис"),
    "country": ("issuing state", "держава видачі"),
    "number": ("number", "номер"),
    "surname": ("surname", "прізвище"),
    "given_names": ("given names", "ім’я"),
    "birth_date": ("date of birth", "дата народження"),
    "birth_place": ("place of birth", "місце народження"),
    "expiry_date": ("expiry date", "дійсний до"),
    "personal_number": ("personal number", "особистий номер"),
    "mrz_valid": ("MRZ valid", "MRZ дійсна"),
    "description": ("description", "опис"),
    "found_at": ("found at", "де знайдено"),
    "bag": ("bag / seal", "пакет / пломба"),
    "result": ("result", "результат"),
    "lab": ("laboratory", "лабораторія"),
    "state": ("state", "стан"),
    "methods": ("basis", "підстава"),
    "reason": ("reason", "причина"),
    "decision_reason": ("reason for the decision", "причина рішення"),
    "arrived_at": ("arrived", "надійшло"),
    "original_name": ("file", "файл"),
    "service_number": ("service number", "службовий номер"),
    "unit": ("unit", "підрозділ"),
    "body_location": ("where on the body", "де на тілі"),
    "serial_number": ("serial number", "серійний номер"),
    "sha256": ("SHA-256", "SHA-256"),
}
# Stored codes a field holds, by the group that names them (forensiclog/reports/code_names.py).
_CODED = {
    "status": "status",
    "condition": "condition",
    "nationality": "nationality",
    "sex": "sex",
    "methods": "method",
}
_KINDS = {
    "document": "document_kind",
    "photo": "photo_kind",
    "mark": "mark_kind",
    "sample": "sample_kind",
    "decision": "decision_kind",
}
# What the application writes itself as a reason (forensiclog/services/cases.py, decisions.py).
REASONS: dict[str, tuple[str, str]] = {
    "registered": ("on registration", "під час реєстрації"),
    "location edited": ("location edited with the findings", "місце змінено разом з оглядом"),
    "replaced by a new identification proposal": (
        "replaced by a new identification proposal",
        "замінено новою пропозицією ідентифікації",
    ),
    "replaced by a new exclusion proposal": (
        "replaced by a new exclusion proposal",
        "замінено новою пропозицією виключення",
    ),
}
# Internal identifiers and bookkeeping: the same in every copy, and meaningless to a reader.
HIDDEN = frozenset(
    {"uid", "id", "case_id", "exchange_id", "photo_id", "manifest_id", "parent_id", "row_number",
     "created_at", "created_by", "added_at", "added_by", "moved_at", "moved_by", "proposed_at",
     "proposed_by", "decided_at", "decided_by", "taken_at", "taken_by", "result_at", "result_by",
     "imported_at", "imported_by", "completeness_score", "completeness_missing", "next_part_seq",
     "part_seq", "source", "document_id", "effect_id", "basis_document_id",
     "nationality_document_id", "media_type", "width", "height", "size", "mrz", "mrz_format",
     "mrz_failures", "warnings", "taken_at_local", "gps_lat", "gps_lon", "checklist"}
)  # fmt: skip
LONGEST = 80


def action_name(words: Wording, action: str) -> str:
    base = action.removesuffix(CORRECTION)
    names = ACTIONS.get(base) or ACTIONS.get(action)
    if names is None:
        return action
    shown = names[words.index]
    return shown + _CORRECTED[words.index] if action.endswith(CORRECTION) else shown


def reason_name(words: Wording, reason: str | None) -> str | None:
    names = REASONS.get(reason or "")
    return names[words.index] if names else reason


def change_lines(
    words: Wording,
    entity: str,
    before: Mapping[str, Any] | None,
    after: Mapping[str, Any] | None,
) -> str:
    """One line per changed field, ``field: old → new``, in the report's language."""
    old, new = before or {}, after or {}
    lines = _checklist_lines(words, old.get("checklist"), new.get("checklist"))
    for key in sorted((set(old) | set(new)) - HIDDEN):
        if old.get(key) != new.get(key):
            name = FIELDS.get(key, (key, key))[words.index]
            was, now = (_value(words, entity, key, side.get(key)) for side in (old, new))
            lines.append(f"{name}: {was} → {now}")
    return "\n".join(lines)


def _checklist_lines(words: Wording, old: Any, new: Any) -> list[str]:
    if not isinstance(new, Mapping):
        return []
    before = old if isinstance(old, Mapping) else {}
    lines = []
    for item, entry in new.items():
        was = (before.get(item) or {}).get("state")
        now = (entry or {}).get("state") if isinstance(entry, Mapping) else None
        if was != now:
            shown = [words.code("checklist_state", s) if s else DASH for s in (was, now)]
            lines.append(f"{words.code('checklist_item', item)}: {shown[0]} → {shown[1]}")
    return lines


def _value(words: Wording, entity: str, key: str, item: Any) -> str:
    if item is None or item in ("", []):
        return DASH
    group = _KINDS.get(entity) if key == "kind" else _CODED.get(key)
    if key == "state" and entity == "decision":
        group = "decision_state"
    if group is not None:
        codes = item if isinstance(item, list) else [item]
        return words.codes(group, [str(c) for c in codes])
    if key.endswith("_at") and isinstance(item, str):
        return words.time(item)
    if key in ("reason", "decision_reason") and isinstance(item, str):
        return reason_name(words, item) or DASH
    text = item if isinstance(item, str) else json.dumps(item, ensure_ascii=False, sort_keys=True)
    return capped(" ".join(text.split()), LONGEST)
