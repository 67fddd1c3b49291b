"""Telling the user: a refusal or a failure as a message box, worded in their language.

Every window shows failures through here, so tests can replace one function instead of
driving modal boxes, and no message ever carries a traceback.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from forensiclog.crash_log import log_file
from forensiclog.ui.tasks import TaskFailure
from forensiclog.ui.translators import fill

translate = QCoreApplication.translate


def show_failure(parent: QWidget | None, failure: TaskFailure) -> None:
    """A refusal as a warning; a bug as an error naming the log file."""
    if failure.refusal is not None:
        title = translate("Notices", "Not done")
        QMessageBox.warning(parent, title, failure.message)
    else:
        QMessageBox.critical(parent, translate("Notices", "Unexpected error"), failure.message)


def show_crash(parent: QWidget | None, log_path: str) -> None:
    """After a bug outside any task: what happened and where the details are."""
    text = translate(
        "Notices",
        "Something went wrong inside ForensicLog. Your saved work is safe.\n"
        "The details were written to %1 — please send that file to your coordinator.",
    )
    QMessageBox.critical(parent, translate("Notices", "Unexpected error"), fill(text, log_path))


def show_log_location(parent: QWidget | None) -> None:
    text = translate("Notices", "ForensicLog writes its log to:\n%1")
    QMessageBox.information(parent, translate("Notices", "Log file"), fill(text, log_file()))


def ask_yes_no(parent: QWidget | None, title: str, question: str) -> bool:
    answer = QMessageBox.question(
        parent,
        title,
        question,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes
