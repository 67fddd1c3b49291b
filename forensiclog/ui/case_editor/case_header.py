"""The editor's header: the case number large, its status and lock, and the allowed status moves."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QWidget,
)

from forensiclog.domain.records import CaseRecord
from forensiclog.domain.roles import Action
from forensiclog.domain.statuses import Status
from forensiclog.ui.case_editor.editor_context import EditorContext
from forensiclog.ui.case_editor.labels import MISSING, label
from forensiclog.ui.translators import fill
from forensiclog.ui.vocabulary_text import status_label

CHIP = "QLabel { background: %s; color: %s; border-radius: 9px; }"


def capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


class CaseHeader(QWidget):
    """Shows where the case stands and offers only the moves the workflow would accept now."""

    def __init__(self, context: EditorContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.number = QLabel(context.case_number)
        self.status = QLabel()
        self.lock = QLabel()
        self.details = QLabel()
        self.completeness = QLabel()
        self.moves_label = QLabel(self.tr("Move to:"))
        self.move_buttons: dict[str, QPushButton] = {}
        self.moves = QHBoxLayout()
        self.correct_button = QPushButton()
        self._build()

    def _build(self) -> None:
        font = QFont(self.number.font())
        font.setPointSizeF(font.pointSizeF() * 2.0)
        font.setBold(True)
        self.number.setFont(font)
        self.number.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.number.setAccessibleName(self.tr("Case number"))
        strong = QFont(self.status.font())
        strong.setBold(True)
        self.status.setFont(strong)
        self.completeness.setWordWrap(True)
        self.correct_button.setText(self.tr("&Correct status"))
        self.correct_button.setMenu(QMenu(self.correct_button))
        for chip in (self.status, self.lock):
            chip.setContentsMargins(8, 2, 8, 2)
        grid = QGridLayout(self)
        grid.setContentsMargins(4, 2, 4, 2)
        grid.setHorizontalSpacing(18)
        grid.addWidget(self.number, 0, 0, 2, 1)
        line = QHBoxLayout()
        line.setSpacing(10)
        line.addWidget(self.status)
        line.addWidget(self.lock)
        line.addWidget(self.details)
        line.addStretch(1)
        grid.addLayout(line, 0, 1)
        grid.addWidget(self.completeness, 1, 1)
        self.moves.addWidget(self.moves_label)
        self.moves.addStretch(1)
        self.moves.addWidget(self.correct_button)
        grid.addLayout(self.moves, 0, 2, 2, 1, Qt.AlignmentFlag.AlignVCenter)
        grid.setColumnStretch(1, 1)

    # -- showing ----------------------------------------------------------------------------

    def show_case(self, record: CaseRecord) -> None:
        self.status.setText(capitalised(status_label(record.status)))
        self.status.setAccessibleName(fill(self.tr("Status: %1"), self.status.text()))
        self.status.setStyleSheet(CHIP % ("#e3ecf7", "#1d3f66"))
        lock = self._lock_text(record)
        self.lock.setText(lock)
        self.lock.setVisible(bool(lock))
        explained = self.tr("Confirmed decision: corrections only by a coordinator, with a reason")
        self.lock.setToolTip(explained if record.locked else "")
        self.lock.setAccessibleDescription(explained if record.locked else "")
        colours = ("#fbe3e0", "#8c1d18") if record.locked else ("#ececec", "#3c3c3c")
        self.lock.setStyleSheet(CHIP % colours)
        tag = record.tag or self.tr("none")
        self.details.setText(fill(self.tr("Exchange %1 · tag %2"), record.exchange, tag))
        missing = ", ".join(label(MISSING, code) for code in record.missing)
        text = fill(self.tr("Identification potential %1 of 5"), record.completeness_score)
        if missing:
            text += " · " + fill(self.tr("missing: %1"), missing)
        self.completeness.setText(text)
        self._offer_corrections(record)

    def _lock_text(self, record: CaseRecord) -> str:
        if record.locked:
            return self.tr("Locked")
        if not self.context.may(Action.EDIT_CASE):
            return self.tr("Read only")
        return ""

    def show_moves(self, allowed: tuple[Status, ...]) -> None:
        """One button per move the workflow would accept now, and nothing else."""
        for button in self.move_buttons.values():
            self.moves.removeWidget(button)
            button.deleteLater()
        self.move_buttons.clear()
        offered = allowed if self.context.may(Action.MOVE_STATUS) else ()
        for position, target in enumerate(offered, start=1):
            button = QPushButton(capitalised(status_label(target)))
            button.setAccessibleName(fill(self.tr("Move to %1"), status_label(target)))
            button.clicked.connect(lambda _checked=False, t=target: self._on_move_clicked(t))
            self.moves.insertWidget(position, button)
            self.move_buttons[target.value] = button
        self.moves_label.setVisible(bool(offered))

    def _offer_corrections(self, record: CaseRecord) -> None:
        menu = self.correct_button.menu()
        menu.clear()
        self.correct_button.setVisible(self.context.may(Action.CORRECT))
        for target in Status:
            if target.value != record.status:
                action = menu.addAction(capitalised(status_label(target)))
                action.triggered.connect(lambda _checked=False, t=target: self._on_correct(t))

    # -- moving -----------------------------------------------------------------------------

    def _on_move_clicked(self, target: Status) -> None:
        self._move(target, correction=False)

    def _on_correct(self, target: Status) -> None:
        self._move(target, correction=True)

    def _move(self, target: Status, *, correction: bool) -> None:
        context = self.context
        title = self.tr("Correct the status") if correction else self.tr("Move the status")
        question = fill(
            self.tr("Move case %1 from “%2” to “%3”. Why?"),
            context.case_number,
            status_label(context.record.status if context.record else ""),
            status_label(target),
        )
        reason = context.ask_reason(title, question, self)
        if reason is None:
            return
        number = context.case_number
        context.write(
            lambda services: services.workflow.move(
                number, target.value, reason=reason, correction=correction
            ),
            name="move status",
        )
