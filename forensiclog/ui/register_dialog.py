"""Register the next body, keyboard first: tag, condition, location, sex, Enter — and again.

A barcode scanner types the tag and Enter like a keyboard, so a scanned tag registers at once.
The form clears as soon as Enter is pressed and the write queues behind the others, so the next
body can be typed while the last one is saved; the number given (or the handover-list case
checked in) is shown large. A refused registration puts its values back with the reason.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QCloseEvent, QFont
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from forensiclog.domain.vocabulary import Condition, Sex
from forensiclog.services.cases import Registration
from forensiclog.ui import notices
from forensiclog.ui.app_context import AppContext
from forensiclog.ui.case_list_panel import chosen_code
from forensiclog.ui.tasks import TaskFailure
from forensiclog.ui.translators import fill
from forensiclog.ui.vocabulary_text import condition_label, sex_label

translate = QCoreApplication.translate


# A tag as the dialog repeats it: a long one (a whole scanned line) would widen the dialog
# past the screen, since a word cannot be wrapped.
SHOWN_TAG = 40


def shown_tag(tag: str) -> str:
    return tag if len(tag) <= SHOWN_TAG else tag[: SHOWN_TAG - 1] + "…"


def _never_widening(label: QLabel) -> None:
    """A wrapped message takes the dialog's width rather than setting it: a word too long to
    wrap (a scanned tag inside a refusal) is cut at the edge instead of widening the dialog."""
    label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)


@dataclass(frozen=True)
class BodyForm:
    """What was typed for one body."""

    exchange: str
    tag: str
    condition: str | None
    location: str
    sex: str | None

    @property
    def empty(self) -> bool:
        return not (self.tag or self.condition or self.location or self.sex)


class RegisterDialog(QDialog):
    """The "next body" form; stays open for the next one until closed."""

    case_registered = Signal(str, bool)  # case number, checked in from the handover list
    problem_shown = Signal(str)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._pending = 0
        self.setWindowTitle(translate("RegisterDialog", "Register next body"))
        self._build()
        self._connect_signals()

    # -- building ----------------------------------------------------------------------------

    def _build_banner(self) -> None:
        self.last_number = QLabel(translate("RegisterDialog", "No body registered yet"))
        self.last_number.setObjectName("last_number")
        self.last_number.setAlignment(Qt.AlignmentFlag.AlignCenter)
        big = QFont(self.font())
        big.setPointSizeF(big.pointSizeF() * 2.6)
        big.setBold(True)
        self.last_number.setFont(big)
        self.last_number.setMinimumHeight(self.last_number.fontMetrics().height() + 16)
        self.last_what = QLabel()
        self.last_what.setObjectName("last_what")
        self.last_what.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.last_what.setWordWrap(True)
        _never_widening(self.last_what)

    def _build(self) -> None:
        self._build_banner()
        self.exchange = QComboBox()
        self.exchange.setObjectName("exchange")
        self.tag = QLineEdit()
        self.tag.setObjectName("tag")
        self.tag.setPlaceholderText(translate("RegisterDialog", "Type or scan the tag"))
        self.condition = self._choices(
            "condition", [(c.value, condition_label(c)) for c in Condition]
        )
        self.location = QLineEdit()
        self.location.setObjectName("location")
        self.location.setPlaceholderText(translate("RegisterDialog", "Refrigerator, shelf, box"))
        self.sex = self._choices("sex", [(s.value, sex_label(s)) for s in Sex])
        self.problem = QLabel()
        self.problem.setObjectName("problem")
        self.problem.setWordWrap(True)
        _never_widening(self.problem)
        self.problem.setStyleSheet("color: #b00020;")
        self.problem.hide()
        self.recent = QListWidget()
        self.recent.setObjectName("recent")
        self.recent.setAccessibleName(translate("RegisterDialog", "Registered in this session"))
        self.buttons = QDialogButtonBox()
        self.save = self.buttons.addButton(
            translate("RegisterDialog", "&Register (Enter)"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.save.setDefault(True)
        self.save.setAutoDefault(True)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        caption = QLabel(translate("RegisterDialog", "Last registered case"))
        caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        layout.addWidget(caption)
        layout.addWidget(self.last_number)
        layout.addWidget(self.last_what)
        layout.addLayout(self._form())
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        recent_label = QLabel(translate("RegisterDialog", "Registered in this &session:"))
        recent_label.setBuddy(self.recent)
        layout.addWidget(recent_label)
        layout.addWidget(self.recent, 1)
        for first, second in (
            (self.tag, self.condition),
            (self.condition, self.location),
            (self.location, self.sex),
            (self.sex, self.save),
            (self.save, self.exchange),
        ):
            self.setTabOrder(first, second)
        self.recent.setMinimumHeight(120)
        self.resize(560, 500)

    def _form(self) -> QFormLayout:
        form = QFormLayout()
        for text, widget in (
            (translate("RegisterDialog", "E&xchange:"), self.exchange),
            (translate("RegisterDialog", "&Tag:"), self.tag),
            (translate("RegisterDialog", "&Condition:"), self.condition),
            (translate("RegisterDialog", "&Location:"), self.location),
            (translate("RegisterDialog", "S&ex:"), self.sex),
        ):
            label = QLabel(text)
            label.setBuddy(widget)
            form.addRow(label, widget)
        return form

    def _choices(self, name: str, items: list[tuple[str, str]]) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(name)
        combo.addItem(translate("RegisterDialog", "— not recorded —"), "")  # "": see chosen_code
        for code, text in items:
            combo.addItem(text, code)
        return combo

    def _connect_signals(self) -> None:
        self.save.clicked.connect(self._register)
        self.buttons.rejected.connect(self.close)

    # -- what the window asks ----------------------------------------------------------------

    def set_exchanges(self, codes: list[str], preferred: str | None = None) -> None:
        keep = self.exchange.currentText() or preferred or self._context.settings.last_exchange
        self.exchange.clear()
        self.exchange.addItems(codes)
        found = self.exchange.findText(keep) if keep else -1
        self.exchange.setCurrentIndex(found if found >= 0 else self.exchange.count() - 1)

    def start(self) -> None:
        """Show the form ready for the next tag."""
        self.show()
        self.raise_()
        self.activateWindow()
        self.tag.setFocus()

    @property
    def pending(self) -> int:
        return self._pending

    def typed(self) -> BodyForm:
        return BodyForm(
            exchange=self.exchange.currentText(),
            tag=self.tag.text().strip(),
            condition=chosen_code(self.condition),
            location=self.location.text().strip(),
            sex=chosen_code(self.sex),
        )

    # -- registering -------------------------------------------------------------------------

    def accept(self) -> None:
        """Enter anywhere in the form registers; it never closes the form."""
        self._register()

    def _register(self) -> None:
        body = self.typed()
        if not body.exchange:
            self._show_problem(
                translate(
                    "RegisterDialog",
                    "Add an exchange first: bodies are registered into an exchange.",
                )
            )
            return
        self.clear_form()
        self._pending += 1
        self._context.settings.last_exchange = body.exchange
        cases = self._context.services.cases
        self._context.runner.write(
            lambda state: cases.register(
                body.exchange,
                tag=body.tag or None,
                condition=body.condition,
                location=body.location or None,
                sex=body.sex,
            ),
            name="register body",
            on_finished=lambda done: self._on_registered(body, done),
            on_failed=lambda failure: self._on_register_failed(body, failure),
        )

    def _on_registered(self, body: BodyForm, done: Registration) -> None:
        self._pending -= 1
        self.last_number.setText(done.case_number)
        tag = shown_tag(body.tag)
        if done.checked_in:
            what = fill(
                translate("RegisterDialog", "Tag %1: checked in from the handover list"), tag
            )
        elif body.tag:
            what = fill(translate("RegisterDialog", "Tag %1: new case registered"), tag)
        else:
            what = translate("RegisterDialog", "New case registered without a tag")
        self.last_what.setText(what)
        self.last_what.setToolTip(body.tag)
        self.recent.insertItem(0, f"{done.case_number} — {what}")
        self.case_registered.emit(done.case_number, done.checked_in)

    def _on_register_failed(self, body: BodyForm, failure: TaskFailure) -> None:
        self._pending -= 1
        label = shown_tag(body.tag) or translate("RegisterDialog", "(no tag)")
        self._show_problem(
            fill(translate("RegisterDialog", "Not registered: %1 — %2"), label, failure.message)
        )
        self.recent.insertItem(0, fill(translate("RegisterDialog", "NOT registered: %1"), label))
        if self.typed().empty:  # give the values back unless the next body is being typed
            self._fill(body)

    def _show_problem(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.show()
        self.problem_shown.emit(text)

    def clear_form(self) -> None:
        self.problem.hide()
        self.tag.clear()
        self.condition.setCurrentIndex(0)
        self.location.clear()
        self.sex.setCurrentIndex(0)
        self.tag.setFocus()

    def _fill(self, body: BodyForm) -> None:
        self.tag.setText(body.tag)
        self.condition.setCurrentIndex(max(self.condition.findData(body.condition or ""), 0))
        self.location.setText(body.location)
        self.sex.setCurrentIndex(max(self.sex.findData(body.sex or ""), 0))
        self.tag.setFocus()
        self.tag.selectAll()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.typed().empty and not notices.ask_yes_no(
            self,
            translate("RegisterDialog", "Values not registered"),
            translate(
                "RegisterDialog",
                "The form holds values that are not registered yet. Close it and drop them?",
            ),
        ):
            event.ignore()
            return
        self.clear_form()
        event.accept()
