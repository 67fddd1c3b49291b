"""The trade's codes (statuses, conditions, sex, nationality, roles, actions) as the user reads them.

Storage, the command line and JSON keep the stable English codes; only the interface translates.
A code not listed here is shown as it is.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from forensiclog.domain.roles import Action, Role
from forensiclog.domain.statuses import Status
from forensiclog.domain.vocabulary import Condition, Nationality, Sex

STATUS_LABELS: Mapping[str, object] = {
    Status.RECEIVED: QT_TRANSLATE_NOOP("Status", "Received"),
    Status.EXAMINED: QT_TRANSLATE_NOOP("Status", "Examined"),
    Status.SAMPLED: QT_TRANSLATE_NOOP("Status", "Sampled"),
    Status.AWAITING_RESULTS: QT_TRANSLATE_NOOP("Status", "Awaiting results"),
    Status.IDENTIFIED: QT_TRANSLATE_NOOP("Status", "Identified"),
    Status.FOREIGN_NATIONAL: QT_TRANSLATE_NOOP("Status", "Foreign national"),
    Status.UNIDENTIFIED: QT_TRANSLATE_NOOP("Status", "Unidentified"),
    Status.RELEASED: QT_TRANSLATE_NOOP("Status", "Released"),
    Status.RETURNED: QT_TRANSLATE_NOOP("Status", "Returned"),
    Status.BURIED_UNIDENTIFIED: QT_TRANSLATE_NOOP("Status", "Buried unidentified"),
}

CONDITION_LABELS: Mapping[str, object] = {
    Condition.COMPLETE: QT_TRANSLATE_NOOP("Condition", "Complete"),
    Condition.INCOMPLETE: QT_TRANSLATE_NOOP("Condition", "Incomplete"),
    Condition.FRAGMENTED: QT_TRANSLATE_NOOP("Condition", "Fragmented"),
    Condition.COMMINGLED: QT_TRANSLATE_NOOP("Condition", "Commingled"),
    Condition.DECOMPOSED: QT_TRANSLATE_NOOP("Condition", "Decomposed"),
    Condition.SKELETONISED: QT_TRANSLATE_NOOP("Condition", "Skeletonised"),
    Condition.BURNT: QT_TRANSLATE_NOOP("Condition", "Burnt"),
}

SEX_LABELS: Mapping[str, object] = {
    Sex.MALE: QT_TRANSLATE_NOOP("Sex", "Male"),
    Sex.FEMALE: QT_TRANSLATE_NOOP("Sex", "Female"),
    Sex.UNDETERMINED: QT_TRANSLATE_NOOP("Sex", "Undetermined"),
}

NATIONALITY_LABELS: Mapping[str, object] = {
    Nationality.OWN: QT_TRANSLATE_NOOP("Nationality", "Own"),
    Nationality.FOREIGN: QT_TRANSLATE_NOOP("Nationality", "Foreign"),
    Nationality.UNDETERMINED: QT_TRANSLATE_NOOP("Nationality", "Undetermined"),
}

ROLE_LABELS: Mapping[str, object] = {
    Role.EXAMINER: QT_TRANSLATE_NOOP("Role", "Examiner"),
    Role.COORDINATOR: QT_TRANSLATE_NOOP("Role", "Coordinator"),
    Role.AUDITOR: QT_TRANSLATE_NOOP("Role", "Auditor"),
    Role.ADMIN: QT_TRANSLATE_NOOP("Role", "Administrator"),
}

# Completes "… may not %3": a verb phrase.
ACTION_LABELS: Mapping[str, object] = {
    Action.READ: QT_TRANSLATE_NOOP("Action", "read the workspace"),
    Action.REGISTER_CASE: QT_TRANSLATE_NOOP("Action", "register bodies"),
    Action.EDIT_CASE: QT_TRANSLATE_NOOP("Action", "edit cases"),
    Action.ADD_EVIDENCE: QT_TRANSLATE_NOOP("Action", "add evidence"),
    Action.MOVE_STATUS: QT_TRANSLATE_NOOP("Action", "change a case's status"),
    Action.CORRECT: QT_TRANSLATE_NOOP("Action", "correct records"),
    Action.PROPOSE_IDENTIFICATION: QT_TRANSLATE_NOOP("Action", "propose an identification"),
    Action.CONFIRM_IDENTIFICATION: QT_TRANSLATE_NOOP("Action", "confirm an identification"),
    Action.MANAGE_EXCHANGES: QT_TRANSLATE_NOOP("Action", "manage exchanges"),
    Action.IMPORT_MANIFEST: QT_TRANSLATE_NOOP("Action", "import handover lists"),
    Action.EXPORT_REPORT: QT_TRANSLATE_NOOP("Action", "export reports"),
    Action.EXPORT_CASEFILE: QT_TRANSLATE_NOOP("Action", "export case files"),
    Action.IMPORT_CASEFILE: QT_TRANSLATE_NOOP("Action", "import case files"),
    Action.RESOLVE_CONFLICT: QT_TRANSLATE_NOOP("Action", "resolve merge conflicts"),
    Action.BACKUP: QT_TRANSLATE_NOOP("Action", "back up the workspace"),
    Action.REPAIR: QT_TRANSLATE_NOOP("Action", "repair the workspace"),
    Action.MANAGE_USERS: QT_TRANSLATE_NOOP("Action", "manage users"),
}


def _label(context: str, labels: Mapping[str, object], code: str | None) -> str:
    if not code:
        return ""
    source = labels.get(code)
    return QCoreApplication.translate(context, str(source)) if source else code


def status_label(code: str | None) -> str:
    return _label("Status", STATUS_LABELS, code)


def condition_label(code: str | None) -> str:
    return _label("Condition", CONDITION_LABELS, code)


def sex_label(code: str | None) -> str:
    return _label("Sex", SEX_LABELS, code)


def nationality_label(code: str | None) -> str:
    return _label("Nationality", NATIONALITY_LABELS, code)


def role_label(code: str | None) -> str:
    return _label("Role", ROLE_LABELS, code)


def action_label(code: str | None) -> str:
    return _label("Action", ACTION_LABELS, code)
