"""The named input widgets of one form, read and written as text, and which of them were edited.

A form keeps the values it last showed from the case (its baseline). When the case is read
again, a field the user has not touched takes the new value and an edited one keeps what the
user typed, so a reload caused by another tab never throws away typing.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TypeVar

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QPlainTextEdit, QWidget

Field = QLineEdit | QPlainTextEdit | QComboBox | QCheckBox
W = TypeVar("W", QLineEdit, QPlainTextEdit, QComboBox, QCheckBox)


def fill_combo(
    combo: QComboBox, pairs: Iterable[tuple[str, str]], *, blank: str | None = ""
) -> None:
    """Codes as item data, words as item text; ``blank`` adds an empty choice first.

    The box asks only for room for a short entry, so a long one never widens a form: it grows
    with its layout and the open list shows entries whole.
    """
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(10)
    combo.clear()
    if blank is not None:
        combo.addItem(blank, "")
    for code, text in pairs:
        combo.addItem(text, str(code))


def read_field(widget: Field) -> str:
    if isinstance(widget, QLineEdit):
        return widget.text().strip()
    if isinstance(widget, QPlainTextEdit):
        return widget.toPlainText().strip()
    if isinstance(widget, QCheckBox):
        return "1" if widget.isChecked() else ""
    if widget.isEditable():
        # A typed entry counts as the item it names, else as the text typed.
        index = widget.findText(widget.currentText())
        if index < 0:
            return widget.currentText().strip()
        data = widget.itemData(index)
    else:
        data = widget.currentData()
    return "" if data is None else str(data)


def write_field(widget: Field, value: str) -> None:
    if isinstance(widget, QLineEdit):
        widget.setText(value)
    elif isinstance(widget, QPlainTextEdit):
        widget.setPlainText(value)
    elif isinstance(widget, QCheckBox):
        widget.setChecked(bool(value))
    else:
        index = widget.findData(value)
        if index < 0 and widget.isEditable():
            widget.setEditText(value)
        else:
            widget.setCurrentIndex(max(index, 0))
        editor = widget.lineEdit()
        if editor is not None:
            # Show the start of a long entry ("UKR — Україна"), where the code is.
            editor.setCursorPosition(0)


def as_text(value: object) -> str:
    """A record's value as a form shows it: None as empty, dates as YYYY-MM-DD."""
    if value is None:
        return ""
    if hasattr(value, "isoformat"):
        return str(value.isoformat())
    return str(value)


class FormFields(QObject):
    edited = Signal()  # any field changed by the user or by a fill

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.widgets: dict[str, Field] = {}
        self.baseline: dict[str, str] = {}

    def add(self, name: str, widget: W) -> W:
        self.widgets[name] = widget
        self.baseline[name] = read_field(widget)  # a combo box without a blank starts on a value
        if isinstance(widget, QLineEdit | QPlainTextEdit):
            widget.textChanged.connect(self.edited)
        elif isinstance(widget, QCheckBox):
            widget.toggled.connect(self.edited)
        else:
            widget.currentIndexChanged.connect(self.edited)
            widget.editTextChanged.connect(self.edited)
        return widget

    def values(self) -> dict[str, str]:
        return {name: read_field(widget) for name, widget in self.widgets.items()}

    def changes(self) -> dict[str, str]:
        """The fields whose value differs from the baseline, with their new value."""
        return {k: v for k, v in self.values().items() if v != self.baseline[k]}

    def previous(self, names: Iterable[str]) -> dict[str, str]:
        return {name: self.baseline[name] for name in names}

    @property
    def dirty(self) -> bool:
        return bool(self.changes())

    def show(self, values: Mapping[str, str], *, keep_edits: bool = True) -> None:
        """Show new values from the case; an edited field keeps the user's text if asked."""
        edited = set(self.changes()) if keep_edits else set()
        for name, value in values.items():
            if name not in self.widgets:
                continue
            if name not in edited:
                self._quietly(self.widgets[name], value)
            self.baseline[name] = value

    def reset(self) -> None:
        """Throw the user's edits away: every field back to its baseline."""
        for name, widget in self.widgets.items():
            self._quietly(widget, self.baseline[name])
        self.edited.emit()

    def set_read_only(self, read_only: bool) -> None:
        for widget in self.widgets.values():
            if isinstance(widget, QLineEdit | QPlainTextEdit):
                widget.setReadOnly(read_only)
            else:
                widget.setEnabled(not read_only)

    def _quietly(self, widget: QWidget, value: str) -> None:
        blocked = widget.blockSignals(True)
        try:
            write_field(widget, value)  # type: ignore[arg-type]
        finally:
            widget.blockSignals(blocked)
