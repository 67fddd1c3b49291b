"""Typed refusals: what a user can cause, each naming what was wrong and where.

Every refusal carries a stable ``code`` and the ``params`` that fill its message, so the
interface can show it translated; ``str(error)`` is the English message the command line prints.
Anything that is not a ``Refusal`` is a bug and goes to the crash handler.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any


class Refusal(Exception):
    """The action was refused and nothing was changed."""

    code = "refused"

    def __init__(self, message: str, **params: Any) -> None:
        super().__init__(message)
        self.message = message
        self.params: Mapping[str, Any] = params

    def __str__(self) -> str:
        return self.message


class InvalidInput(Refusal):
    """A value given by the user is malformed or out of range."""

    code = "invalid_input"

    def __init__(self, field: str, reason: str, *, where: str | None = None) -> None:
        place = f"{where}: " if where else ""
        super().__init__(f"{place}{field}: {reason}", field=field, reason=reason, where=where)
        self.field = field
        self.reason = reason
        self.where = where


class RowProblem:
    """One bad row of an imported file: its number, the column and why.

    ``row`` is the row as a spreadsheet shows it (the header is row 1); ``data_row`` counts
    the data rows only, as a program reading the list does.
    """

    __slots__ = ("column", "data_row", "reason", "row")

    def __init__(self, row: int, column: str, reason: str, data_row: int | None = None) -> None:
        self.row = row
        self.column = column
        self.reason = reason
        self.data_row = data_row

    def __str__(self) -> str:
        counted = f" (data row {self.data_row})" if self.data_row is not None else ""
        return f"row {self.row}{counted}, column {self.column}: {self.reason}"

    def as_dict(self) -> dict[str, Any]:
        return {
            "row": self.row,
            "data_row": self.data_row,
            "column": self.column,
            "reason": self.reason,
        }


class InvalidFile(Refusal):
    """An imported file was refused; every bad row is listed."""

    code = "invalid_file"

    def __init__(self, file: str, problems: Sequence[RowProblem] = (), reason: str = "") -> None:
        self.file = file
        self.problems = tuple(problems)
        shown = "; ".join(str(p) for p in self.problems[:20])
        more = len(self.problems) - 20
        if more > 0:
            shown += f"; and {more} more"
        text = reason or f"{len(self.problems)} bad row(s): {shown}"
        super().__init__(f"{file}: {text}", file=file, reason=text)


class NotFound(Refusal):
    code = "not_found"

    def __init__(self, what: str, key: str) -> None:
        super().__init__(f"no {what} {key!r}", what=what, key=key)
        self.what = what
        self.key = key


class AlreadyExists(Refusal):
    code = "already_exists"

    def __init__(self, what: str, key: str) -> None:
        super().__init__(f"{what} {key!r} already exists", what=what, key=key)


class AuthenticationFailed(Refusal):
    code = "authentication_failed"

    def __init__(self, user: str) -> None:
        # The same message for an unknown user and a wrong password: no user enumeration.
        super().__init__(
            f"sign-in refused for user {user!r}: wrong user name or password", user=user
        )


class PermissionDenied(Refusal):
    code = "permission_denied"

    def __init__(self, user: str, role: str, action: str) -> None:
        super().__init__(
            f"user {user!r} ({role}) may not {action.replace('_', ' ')}",
            user=user,
            role=role,
            action=action,
        )
        self.action = action


class ReadOnly(Refusal):
    code = "read_only"

    def __init__(self, where: str) -> None:
        super().__init__(f"{where} is open read-only: nothing can be changed", where=where)


class WorkflowRefused(Refusal):
    """A status move that the workflow does not allow, naming the moves that are allowed."""

    code = "workflow_refused"

    def __init__(
        self, case: str, current: str, target: str, allowed: Sequence[str], why: str = ""
    ) -> None:
        options = ", ".join(allowed) if allowed else "none"
        reason = why or f"{current} cannot move to {target}"
        super().__init__(
            f"case {case}: {reason}; allowed next: {options}",
            case=case,
            current=current,
            target=target,
            allowed=tuple(allowed),
            why=reason,
        )
        self.allowed = tuple(allowed)


class CaseLocked(Refusal):
    code = "case_locked"

    def __init__(self, case: str) -> None:
        super().__init__(
            f"case {case} is locked by a confirmed identification: "
            "a correction needs a coordinator and a reason",
            case=case,
        )


class VerificationFailed(Refusal):
    """A check of stored evidence failed (a hash, a signature, the audit chain)."""

    code = "verification_failed"


class EnvironmentProblem(Refusal):
    """The machine refused: disk full, file locked, folder not writable."""

    code = "environment"
