"""The MRZ box: type or paste a machine-readable zone and see every check digit as it is keyed."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QFontDatabase, QFontMetrics
from PySide6.QtWidgets import (
    QGridLayout,
    QLabel,
    QPlainTextEdit,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from forensiclog.domain.mrz import MrzResult
from forensiclog.ui.case_editor.mrz_live import (
    CHECK_ORDER,
    INVALID,
    PENDING,
    VALID,
    LiveCheck,
    LiveReading,
    Problem,
    read_live,
)
from forensiclog.ui.translators import fill

# Colour is doubled by a symbol and a word, so the state reads without colour vision too.
STATE_STYLE = {
    VALID: ("✓", "#1b6e35"),
    INVALID: ("✗", "#b3261e"),
    PENDING: ("…", "#6b6b6b"),
}


def check_name(code: str) -> str:
    names = {
        "document_number": QCoreApplication.translate("MrzBox", "Document number"),
        "birth_date": QCoreApplication.translate("MrzBox", "Date of birth"),
        "expiry_date": QCoreApplication.translate("MrzBox", "Expiry date"),
        "personal_number": QCoreApplication.translate("MrzBox", "Personal number"),
        "composite": QCoreApplication.translate("MrzBox", "Composite check"),
    }
    return names.get(code, code)


class MrzBox(QWidget):
    """A monospaced editor for the zone, a line of check digits under it, and what is wrong."""

    reading_changed = Signal(object)  # LiveReading, on every keystroke
    zone_read = Signal(object)  # MrzResult, once the whole zone is in

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._reading = LiveReading()
        self.editor = QPlainTextEdit(self)
        self.caption = QLabel(self.tr("&Machine-readable zone (MRZ)"), self)
        self.shape = QLabel(self)
        self.problem = QLabel(self)
        self.check_labels: dict[str, QLabel] = {}
        self.checks_grid = QGridLayout()
        self._build()
        self._connect_signals()
        self._show(self._reading)

    def _build(self) -> None:
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        self.editor.setFont(font)
        self.editor.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.editor.setTabChangesFocus(True)
        self.editor.setPlaceholderText(
            self.tr("Type or paste the 2 or 3 lines printed at the foot of the page")
        )
        metrics = QFontMetrics(font)
        self.editor.setMinimumWidth(metrics.horizontalAdvance("M" * 44) + 24)
        self.editor.setFixedHeight(metrics.lineSpacing() * 3 + 16)
        self.editor.setAccessibleName(self.tr("Machine-readable zone"))
        self.caption.setBuddy(self.editor)
        self.problem.setWordWrap(True)
        self.shape.setWordWrap(True)
        self.problem.setStyleSheet("color: #b3261e;")
        # What the box says as the zone is typed wraps within the zone's width: it never
        # widens the form, so the table beside it does not jump at each keystroke.
        for label in (self.shape, self.problem):
            label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        checks = self.checks_grid
        checks.setHorizontalSpacing(16)
        for index, code in enumerate(CHECK_ORDER):
            label = QLabel(self)
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setWordWrap(True)
            label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
            self.check_labels[code] = label
            checks.addWidget(label, index // 2, index % 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.caption)
        layout.addWidget(self.editor)
        layout.addWidget(self.shape)
        layout.addLayout(checks)
        layout.addWidget(self.problem)
        # Room the form gives the box (no photo strip below it) goes under the zone, not
        # between its caption and its lines.
        layout.addStretch(1)

    def _connect_signals(self) -> None:
        self.editor.textChanged.connect(self._on_editor_text_changed)

    # -- reading ----------------------------------------------------------------------------

    def reading(self) -> LiveReading:
        return self._reading

    def lines(self) -> tuple[str, ...]:
        return self._reading.lines

    def set_text(self, text: str) -> None:
        self.editor.setPlainText(text)

    def clear(self) -> None:
        self.editor.clear()

    def setReadOnly(self, read_only: bool) -> None:
        self.editor.setReadOnly(read_only)

    def refresh(self) -> None:
        """Read the editor's text again (after it was set with its signals blocked)."""
        self._on_editor_text_changed()

    def _on_editor_text_changed(self) -> None:
        reading = read_live(self.editor.toPlainText())
        was_complete = self._reading.complete
        self._reading = reading
        self._show(reading)
        self.reading_changed.emit(reading)
        if reading.result is not None:
            self.zone_read.emit(reading.result)
        elif was_complete:
            self.zone_read.emit(None)

    # -- showing ----------------------------------------------------------------------------

    def _show(self, reading: LiveReading) -> None:
        self.shape.setText(self._shape_text(reading))
        shown = {check.code: check for check in reading.checks}
        self._place_checks([code for code in CHECK_ORDER if code in shown])
        for code, label in self.check_labels.items():
            check = shown.get(code)
            label.setVisible(check is not None)
            if check is not None:
                self._show_check(label, check)
        self.problem.setText(self._problem_text(reading.problem))
        self.problem.setVisible(reading.problem is not None)

    def _place_checks(self, codes: list[str]) -> None:
        """The format's checks two to a row, in order, with no gap for one it lacks."""
        for index, code in enumerate(codes):
            label = self.check_labels[code]
            self.checks_grid.removeWidget(label)
            self.checks_grid.addWidget(label, index // 2, index % 2)

    def _show_check(self, label: QLabel, check: LiveCheck) -> None:
        symbol, colour = STATE_STYLE[check.state]
        words = {
            VALID: self.tr("valid"),
            INVALID: fill(self.tr("invalid (line %1, position %2)"), check.line, check.position),
            PENDING: self.tr("not typed yet"),
        }
        label.setText(f"{symbol} {check_name(check.code)}: {words[check.state]}")
        label.setStyleSheet(f"color: {colour};")
        label.setAccessibleName(label.text())
        label.setProperty("check_state", check.state)

    def _shape_text(self, reading: LiveReading) -> str:
        if reading.layout is None:
            return self.tr("No zone typed.")
        layout = reading.layout
        typed = [len(line) for line in reading.lines] + [0] * (layout.lines - len(reading.lines))
        progress = ", ".join(
            fill(self.tr("line %1: %2 of %3"), number, count, layout.width)
            for number, count in enumerate(typed[: layout.lines], start=1)
        )
        verdict = ""
        if reading.result is not None:
            verdict = (
                self.tr(" — all checks valid") if reading.valid else self.tr(" — check failed")
            )
        return f"{layout.name}: {progress}{verdict}"

    def _problem_text(self, problem: Problem | None) -> str:
        if problem is None:
            return ""
        if problem.kind == "character":
            text = self.tr("Line %1, position %2: “%3” is not an MRZ character (A–Z, 0–9, <).")
            return fill(text, problem.line, problem.position, problem.text)
        if problem.kind == "too_long":
            return fill(self.tr("Line %1 is longer than this format allows."), problem.line)
        return fill(self.tr("This zone cannot be read: %1"), problem.text)


__all__ = ["MrzBox", "MrzResult"]
