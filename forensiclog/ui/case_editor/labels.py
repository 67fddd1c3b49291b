"""The case editor's words for the codes of the trade (checklist, kinds, methods), translated.

Statuses, conditions, sex and nationality are in ``ui.vocabulary_text``, shared with the shell.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from forensiclog.domain.completeness import Missing
from forensiclog.domain.vocabulary import (
    ChecklistItem,
    ChecklistState,
    DecisionKind,
    DecisionState,
    DocumentKind,
    IdentificationMethod,
    MarkKind,
    SampleKind,
)

CONTEXT = "Vocabulary"

CHECKLIST_ITEMS: Mapping[str, object] = {
    ChecklistItem.EXTERNAL: QT_TRANSLATE_NOOP("Vocabulary", "External examination and photos"),
    ChecklistItem.EFFECTS: QT_TRANSLATE_NOOP("Vocabulary", "Effects and documents"),
    ChecklistItem.FINGERPRINTS: QT_TRANSLATE_NOOP("Vocabulary", "Fingerprints"),
    ChecklistItem.DENTAL: QT_TRANSLATE_NOOP("Vocabulary", "Dental"),
    ChecklistItem.ANTHROPOLOGY: QT_TRANSLATE_NOOP("Vocabulary", "Anthropology"),
    ChecklistItem.PATHOLOGY: QT_TRANSLATE_NOOP("Vocabulary", "Pathology"),
    ChecklistItem.DNA: QT_TRANSLATE_NOOP("Vocabulary", "DNA sampling"),
}

CHECKLIST_STATES: Mapping[str, object] = {
    ChecklistState.NOT_STARTED: QT_TRANSLATE_NOOP("Vocabulary", "Not started"),
    ChecklistState.IN_PROGRESS: QT_TRANSLATE_NOOP("Vocabulary", "In progress"),
    ChecklistState.DONE: QT_TRANSLATE_NOOP("Vocabulary", "Done"),
    ChecklistState.NOT_POSSIBLE: QT_TRANSLATE_NOOP("Vocabulary", "Not possible"),
}

SAMPLE_KINDS: Mapping[str, object] = {
    SampleKind.BONE: QT_TRANSLATE_NOOP("Vocabulary", "Bone"),
    SampleKind.TOOTH: QT_TRANSLATE_NOOP("Vocabulary", "Tooth"),
    SampleKind.TISSUE: QT_TRANSLATE_NOOP("Vocabulary", "Tissue"),
    SampleKind.BLOOD: QT_TRANSLATE_NOOP("Vocabulary", "Blood"),
}

METHODS: Mapping[str, object] = {
    IdentificationMethod.DNA: QT_TRANSLATE_NOOP("Vocabulary", "DNA"),
    IdentificationMethod.FINGERPRINTS: QT_TRANSLATE_NOOP("Vocabulary", "Fingerprints"),
    IdentificationMethod.DENTAL: QT_TRANSLATE_NOOP("Vocabulary", "Dental"),
    IdentificationMethod.DOCUMENTS: QT_TRANSLATE_NOOP("Vocabulary", "Documents"),
    IdentificationMethod.VISUAL: QT_TRANSLATE_NOOP("Vocabulary", "Visual recognition"),
    IdentificationMethod.EFFECTS: QT_TRANSLATE_NOOP("Vocabulary", "Personal effects"),
}

DECISION_KINDS: Mapping[str, object] = {
    DecisionKind.IDENTIFICATION: QT_TRANSLATE_NOOP("Vocabulary", "Identification"),
    DecisionKind.EXCLUSION: QT_TRANSLATE_NOOP("Vocabulary", "Exclusion"),
}

DECISION_STATES: Mapping[str, object] = {
    DecisionState.PROPOSED: QT_TRANSLATE_NOOP("Vocabulary", "Proposed"),
    DecisionState.CONFIRMED: QT_TRANSLATE_NOOP("Vocabulary", "Confirmed"),
    DecisionState.WITHDRAWN: QT_TRANSLATE_NOOP("Vocabulary", "Withdrawn"),
}

DOCUMENT_KINDS: Mapping[str, object] = {
    DocumentKind.PASSPORT: QT_TRANSLATE_NOOP("Vocabulary", "International passport"),
    DocumentKind.INTERNAL_PASSPORT: QT_TRANSLATE_NOOP("Vocabulary", "Internal passport"),
    DocumentKind.MILITARY_ID: QT_TRANSLATE_NOOP("Vocabulary", "Military ID"),
    DocumentKind.ID_CARD: QT_TRANSLATE_NOOP("Vocabulary", "ID card"),
    DocumentKind.IDENTITY_TAG: QT_TRANSLATE_NOOP("Vocabulary", "Identity tag"),
    DocumentKind.DRIVING_LICENCE: QT_TRANSLATE_NOOP("Vocabulary", "Driving licence"),
    DocumentKind.OTHER: QT_TRANSLATE_NOOP("Vocabulary", "Other"),
}

MARK_KINDS: Mapping[str, object] = {
    MarkKind.TATTOO: QT_TRANSLATE_NOOP("Vocabulary", "Tattoo"),
    MarkKind.SCAR: QT_TRANSLATE_NOOP("Vocabulary", "Scar"),
    MarkKind.PROSTHESIS: QT_TRANSLATE_NOOP("Vocabulary", "Prosthesis"),
    MarkKind.OTHER: QT_TRANSLATE_NOOP("Vocabulary", "Other mark"),
}

MISSING: Mapping[str, object] = {
    Missing.EXTERNAL_EXAM: QT_TRANSLATE_NOOP("Vocabulary", "external examination"),
    Missing.OVERVIEW_PHOTO: QT_TRANSLATE_NOOP("Vocabulary", "overview photo"),
    Missing.FACE_PHOTO: QT_TRANSLATE_NOOP("Vocabulary", "face photo"),
    Missing.EFFECTS_INVENTORY: QT_TRANSLATE_NOOP("Vocabulary", "effects inventory"),
    Missing.FINGERPRINTS: QT_TRANSLATE_NOOP("Vocabulary", "fingerprints"),
    Missing.DENTAL: QT_TRANSLATE_NOOP("Vocabulary", "dental examination"),
    Missing.DNA_SAMPLE: QT_TRANSLATE_NOOP("Vocabulary", "DNA sample"),
    Missing.DNA_RESULT: QT_TRANSLATE_NOOP("Vocabulary", "DNA result"),
    Missing.BIOLOGICAL_PROFILE: QT_TRANSLATE_NOOP("Vocabulary", "biological profile"),
    Missing.NATIONALITY: QT_TRANSLATE_NOOP("Vocabulary", "nationality assessment"),
    Missing.LOCATION: QT_TRANSLATE_NOOP("Vocabulary", "storage location"),
}


def label(table: Mapping[str, object], code: str | None) -> str:
    """The translated word for ``code``; a code the table does not know is shown as it is."""
    if not code:
        return ""
    source = table.get(code)
    return QCoreApplication.translate(CONTEXT, str(source)) if source else code


def choices(table: Mapping[str, object]) -> list[tuple[str, str]]:
    """(code, translated word) pairs in the table's order, for combo boxes."""
    return [(str(code), label(table, code)) for code in table]
