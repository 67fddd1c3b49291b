"""A strip above the tabs that says what went wrong (or what was done), until dismissed."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QToolButton, QWidget

STYLES = {
    "error": "background: #fbe9e7; color: #8c1d18; border: 1px solid #e0a39b; border-radius: 4px;",
    "info": "background: #e8f1fb; color: #17406b; border: 1px solid #a9c4e4; border-radius: 4px;",
}


class MessageBar(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.text = QLabel(self)
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.close_button = QToolButton(self)
        self.close_button.setText("×")
        self.close_button.setAccessibleName(self.tr("Dismiss message"))
        self.close_button.setAutoRaise(True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 4, 4)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignTop)
        self.close_button.clicked.connect(self.hide)
        self.hide()

    def show_error(self, message: str) -> None:
        self._show(message, "error")

    def show_info(self, message: str) -> None:
        self._show(message, "info")

    @property
    def kind(self) -> str:
        return str(self.property("kind") or "")

    def _show(self, message: str, kind: str) -> None:
        self.setProperty("kind", kind)
        self.setStyleSheet(f"MessageBar {{{STYLES[kind]}}} QLabel {{border: none;}}")
        self.text.setText(message)
        self.setAccessibleDescription(message)
        self.show()
