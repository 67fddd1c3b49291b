"""Settings: the interface language (each language named in itself)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

translate = QCoreApplication.translate
# Each language is named in itself, so a user who cannot read the current one still finds theirs.
LANGUAGE_NAMES = {"uk": "Українська", "en": "English"}


class SettingsDialog(QDialog):
    """Chooses the language; the caller applies it (``language``) once accepted."""

    def __init__(self, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("SettingsDialog", "Settings"))
        self.language_box = QComboBox()
        self.language_box.setObjectName("language")
        for code, name in LANGUAGE_NAMES.items():
            self.language_box.addItem(name, code)
        self.language_box.setCurrentIndex(max(self.language_box.findData(language), 0))
        label = QLabel(translate("SettingsDialog", "&Language:"))
        label.setBuddy(self.language_box)
        note = QLabel(
            translate(
                "SettingsDialog",
                "The new language applies at once when no case window is open and nothing is "
                "being typed; otherwise from the next start.",
            )
        )
        note.setWordWrap(True)
        form = QFormLayout()
        form.addRow(label, self.language_box)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(buttons)
        self.setMinimumWidth(420)

    @property
    def language(self) -> str:
        return str(self.language_box.currentData())
