"""Roles and what each may do; the services ask here before every action."""

from __future__ import annotations

from enum import StrEnum

from forensiclog.domain.errors import InvalidInput


class Role(StrEnum):
    EXAMINER = "examiner"
    COORDINATOR = "coordinator"
    AUDITOR = "auditor"
    ADMIN = "admin"


class Action(StrEnum):
    READ = "read"
    REGISTER_CASE = "register_case"
    EDIT_CASE = "edit_case"
    ADD_EVIDENCE = "add_evidence"
    MOVE_STATUS = "move_status"
    CORRECT = "correct_records"
    PROPOSE_IDENTIFICATION = "propose_identification"
    CONFIRM_IDENTIFICATION = "confirm_identification"
    MANAGE_EXCHANGES = "manage_exchanges"
    IMPORT_MANIFEST = "import_handover_lists"
    EXPORT_REPORT = "export_reports"
    EXPORT_CASEFILE = "export_case_files"
    IMPORT_CASEFILE = "import_case_files"
    RESOLVE_CONFLICT = "resolve_merge_conflicts"
    BACKUP = "back_up_the_workspace"
    REPAIR = "repair_the_workspace"
    MANAGE_USERS = "manage_users"


_EXAMINER = frozenset(
    {
        Action.READ,
        Action.REGISTER_CASE,
        Action.EDIT_CASE,
        Action.ADD_EVIDENCE,
        Action.MOVE_STATUS,
        Action.PROPOSE_IDENTIFICATION,
        Action.EXPORT_REPORT,
    }
)

PERMISSIONS: dict[Role, frozenset[Action]] = {
    Role.EXAMINER: _EXAMINER,
    Role.COORDINATOR: _EXAMINER
    | {
        Action.CORRECT,
        Action.CONFIRM_IDENTIFICATION,
        Action.MANAGE_EXCHANGES,
        Action.IMPORT_MANIFEST,
        Action.EXPORT_CASEFILE,
        Action.IMPORT_CASEFILE,
        Action.RESOLVE_CONFLICT,
        Action.BACKUP,
        Action.REPAIR,
    },
    Role.AUDITOR: frozenset({Action.READ, Action.EXPORT_REPORT}),
    # CLI.md gives reports to "any" role; an export changes no record, so the admin may too.
    Role.ADMIN: frozenset({Action.READ, Action.EXPORT_REPORT, Action.MANAGE_USERS}),
}

# Actions that change records; a read-only workspace refuses all of them.
WRITES = frozenset(Action) - {Action.READ, Action.EXPORT_REPORT}


def parse_role(text: str) -> Role:
    try:
        return Role(text.strip().lower())
    except ValueError:
        valid = ", ".join(r.value for r in Role)
        raise InvalidInput("role", f"{text!r} is not a role; use one of {valid}") from None


def may(role: Role, action: Action) -> bool:
    return action in PERMISSIONS[role]
