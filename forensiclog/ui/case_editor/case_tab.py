"""What every tab of the case editor offers the window: show a case, and keep or drop edits."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLabel, QLayout, QWidget

from forensiclog.domain.records import CaseRecord
from forensiclog.ui.case_editor.editor_context import EditorContext
from forensiclog.ui.tasks import Task


class CaseTab(QWidget):
    """A page of the editor; one that holds a form overrides the unsaved-edit methods."""

    def __init__(self, context: EditorContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context

    def show_case(self, record: CaseRecord) -> None:
        raise NotImplementedError

    def has_unsaved(self) -> bool:
        return False

    def save(self) -> Task | None:
        """Write the unsaved edits; the task, or None when there was nothing to write."""
        return None

    def discard(self) -> None:
        """Drop the unsaved edits."""


def labelled_row(form: QFormLayout, text: str, field: QWidget | QLayout, buddy: QWidget) -> QLabel:
    """A form row whose label (with its ``&`` shortcut) moves the focus to ``buddy``."""
    label = QLabel(text)
    label.setBuddy(buddy)
    if isinstance(field, QLayout):
        form.addRow(label, field)
    else:
        form.addRow(label, field)
    buddy.setAccessibleName(label.text().replace("&", ""))
    return label


def form_layout() -> QFormLayout:
    form = QFormLayout()
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
    return form
