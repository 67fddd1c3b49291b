"""Refusals as the user reads them: each ``Refusal.code`` and its params in the chosen language.

A refusal whose code is not known here shows its English message, so a new refusal in the
services is never lost, only untranslated until it is added.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication

from forensiclog.domain.errors import Refusal
from forensiclog.ui.case_editor.history_text import field_text
from forensiclog.ui.reason_text import reason_text, thing_text
from forensiclog.ui.translators import fill
from forensiclog.ui.vocabulary_text import action_label, role_label, status_label

translate = QCoreApplication.translate
Params = Mapping[str, Any]


def _fields(names: str) -> str:
    """One field's name, or several ("document_number, composite" names failed MRZ checks).
    Some services name a field as its command-line option does ("birth-date")."""
    return ", ".join(field_text(name.replace("-", "_")) for name in names.split(", "))


def _invalid_input(p: Params) -> str:
    reason = reason_text(str(p["reason"]))
    text = fill(translate("Refusals", "%1: %2"), _fields(str(p["field"])), reason)
    if p.get("where"):
        # A place is a file's name as given, or a field ("mrz") when the value was inside it.
        return fill(translate("Refusals", "%1 — %2"), field_text(str(p["where"])), text)
    return text[:1].upper() + text[1:]  # a field's name, first in a sentence


def _invalid_file(p: Params) -> str:
    text = translate("Refusals", "The file %1 was refused: %2")
    return fill(text, p["file"], reason_text(str(p["reason"])))


def _not_found(p: Params) -> str:
    return fill(translate("Refusals", "Not found: %1 “%2”."), thing_text(str(p["what"])), p["key"])


def _already_exists(p: Params) -> str:
    text = fill(
        translate("Refusals", "%1 “%2” already exists."), thing_text(str(p["what"])), p["key"]
    )
    return text[:1].upper() + text[1:]


def _authentication_failed(p: Params) -> str:
    return translate("Refusals", "Sign-in refused: wrong user name or password.")


def _permission_denied(p: Params) -> str:
    return fill(
        translate("Refusals", "%1 (%2) may not %3."),
        p["user"],
        role_label(str(p["role"])),
        action_label(str(p["action"])),
    )


def _read_only(p: Params) -> str:
    text = translate("Refusals", "%1 is open read-only: nothing can be changed.")
    return fill(text, p["where"])


def _workflow_refused(p: Params) -> str:
    allowed = ", ".join(status_label(str(s)) for s in p.get("allowed", ()))
    text = translate("Refusals", "Case %1 cannot move from “%2” to “%3”: %4. Allowed next: %5.")
    return fill(
        text,
        p["case"],
        status_label(str(p["current"])),
        status_label(str(p["target"])),
        reason_text(str(p["why"])),
        allowed or translate("Refusals", "none"),
    )


def _case_locked(p: Params) -> str:
    text = translate(
        "Refusals",
        "Case %1 is locked by a confirmed identification: a correction needs a coordinator "
        "and a reason.",
    )
    return fill(text, p["case"])


_BY_CODE: dict[str, Callable[[Params], str]] = {
    "invalid_input": _invalid_input,
    "invalid_file": _invalid_file,
    "not_found": _not_found,
    "already_exists": _already_exists,
    "authentication_failed": _authentication_failed,
    "permission_denied": _permission_denied,
    "read_only": _read_only,
    "workflow_refused": _workflow_refused,
    "case_locked": _case_locked,
}


def describe_refusal(refusal: Refusal) -> str:
    """The refusal in the interface language; its English message when the code is unknown."""
    build = _BY_CODE.get(refusal.code)
    if build is None:
        return refusal.message
    try:
        return build(refusal.params)
    except KeyError:  # raised without the params its code promises: the English text still helps
        return refusal.message


def unexpected_error_text(log_file: Path | None) -> str:
    """What the user reads when a bug stopped an action."""
    if log_file is None:
        return translate("Refusals", "An unexpected error stopped this action.")
    text = translate(
        "Refusals",
        "An unexpected error stopped this action.\n"
        "The details were written to %1 — please send that file to your coordinator.",
    )
    return fill(text, log_file)
