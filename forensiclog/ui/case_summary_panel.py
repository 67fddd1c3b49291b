"""The selected case at a glance: number, status, findings, declared identity, documents,
completeness; and the button that opens it in the case editor."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication, QLocale, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from forensiclog.domain.records import CaseRecord, DocumentRecord
from forensiclog.ui.app_context import AppContext
from forensiclog.ui.tasks import TaskFailure
from forensiclog.ui.translators import fill
from forensiclog.ui.vocabulary_text import (
    condition_label,
    nationality_label,
    sex_label,
    status_label,
)

translate = QCoreApplication.translate


def editor_word(table: str, code: str) -> str:
    """The case editor's word for ``code`` in its table (document kinds, missing items…);
    the code itself, readable, when the editor or the table is not there."""
    try:
        from forensiclog.ui.case_editor import labels
    except ImportError:
        return code.replace("_", " ")
    words = getattr(labels, table, None)
    if words is None or code not in words:
        return code.replace("_", " ")
    return str(labels.label(words, code))


def bulleted(items: list[str]) -> str:
    """One item alone as it is; several as a bulleted list, so where each ends is plain."""
    return items[0] if len(items) == 1 else "\n".join(f"• {item}" for item in items)


class CaseSummaryPanel(QWidget):
    """Shows one ``CaseRecord``; ``open_requested`` when the user wants the full editor."""

    open_requested = Signal(str)
    shown = Signal(object)  # the CaseRecord now shown, or None

    def __init__(self, context: AppContext, can_open: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._number: str | None = None
        self._can_open = can_open
        self._build()
        self.show_case(None)

    def _build(self) -> None:
        self.number = QLabel()
        self.number.setObjectName("summary_number")
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.number.setFont(font)
        self.number.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status = QLabel()
        self.status.setObjectName("summary_status")
        self.open_button = QPushButton(translate("CaseSummaryPanel", "&Open case"))
        self.open_button.setObjectName("open_case")
        self.open_button.clicked.connect(self._on_open_clicked)
        self.open_button.setVisible(self._can_open)
        self.fields = QFormLayout()
        self.fields.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        # A narrow panel puts a value under its label rather than cutting it off.
        self.fields.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        body = QWidget()
        inner = QVBoxLayout(body)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.addLayout(self.fields)
        inner.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(body)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.number)
        layout.addWidget(self.status)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.open_button)

    # -- what the window asks ----------------------------------------------------------------

    def load(self, number: str | None) -> None:
        """Show ``number`` (read off the GUI thread), or nothing."""
        self._number = number
        if number is None:
            self.show_case(None)
            return
        cases = self._context.services.cases
        self._context.runner.read(
            lambda state: cases.show(number, with_history=False),
            name="case summary",
            latest="case summary",
            on_finished=self.show_case,
            on_failed=self._on_load_failed,
        )

    def reload(self) -> None:
        self.load(self._number)

    @property
    def case_number(self) -> str | None:
        return self._number

    def show_case(self, record: CaseRecord | None) -> None:
        while self.fields.rowCount():
            self.fields.removeRow(0)
        self.open_button.setEnabled(record is not None)
        if record is None:
            self.number.setText(translate("CaseSummaryPanel", "No case selected"))
            self.status.setText(
                translate("CaseSummaryPanel", "Choose a case in the list to see it here.")
            )
            self.status.setWordWrap(True)
            self.shown.emit(None)
            return
        self.number.setText(record.case_number)
        status = status_label(record.status)
        if record.locked:
            status = fill(translate("CaseSummaryPanel", "%1 · locked"), status)
        self.status.setText(status)
        for label, value in self._rows(record):
            self._add(label, value)
        self.shown.emit(record)

    # -- inside ------------------------------------------------------------------------------

    def _rows(self, record: CaseRecord) -> list[tuple[str, str]]:
        rows = [
            (translate("CaseSummaryPanel", "Exchange"), record.exchange),
            (translate("CaseSummaryPanel", "Tag"), record.tag or "—"),
            (translate("CaseSummaryPanel", "Condition"), condition_label(record.condition) or "—"),
            (translate("CaseSummaryPanel", "Location"), record.location or "—"),
            (translate("CaseSummaryPanel", "Sex"), sex_label(record.sex) or "—"),
            (translate("CaseSummaryPanel", "Nationality"), self._nationality(record)),
        ]
        declared = record.declared
        if declared is not None and (declared.surname or declared.given_names):
            name = " ".join(n for n in (declared.surname, declared.given_names) if n)
            extra = ", ".join(x for x in (self._date(declared.birth_date), declared.unit) if x)
            rows.append(
                (
                    translate("CaseSummaryPanel", "Declared as"),
                    f"{name} ({extra})" if extra else name,
                )
            )
        if record.identification is not None:
            rows.append((translate("CaseSummaryPanel", "Decision"), self._decision(record)))
        documents = [self._document(d) for d in record.documents]
        rows.append(
            (
                translate("CaseSummaryPanel", "Documents"),
                bulleted(documents) if documents else translate("CaseSummaryPanel", "none"),
            )
        )
        rows.append(
            (translate("CaseSummaryPanel", "Photos"), QLocale().toString(len(record.photos)))
        )
        rows.append(
            (
                translate("CaseSummaryPanel", "Identification potential"),
                fill(translate("CaseSummaryPanel", "%1 of 5"), record.completeness_score),
            )
        )
        if record.missing:
            rows.append(
                (
                    translate("CaseSummaryPanel", "Missing"),
                    bulleted([editor_word("MISSING", m) for m in record.missing]),
                )
            )
        return rows

    def _nationality(self, record: CaseRecord) -> str:
        text = nationality_label(record.nationality)
        return f"{text} — {record.nationality_basis}" if record.nationality_basis else text

    def _decision(self, record: CaseRecord) -> str:
        decision = record.identification
        assert decision is not None
        name = " ".join(n for n in (decision.surname, decision.given_names) if n)
        kind = editor_word("DECISION_KINDS", decision.kind)
        state = editor_word("DECISION_STATES", decision.state)
        return f"{kind}: {name} ({state})" if name else f"{kind} ({state})"

    def _document(self, document: DocumentRecord) -> str:
        parts = [editor_word("DOCUMENT_KINDS", document.kind)]
        parts += [p for p in (document.country, document.number) if p]
        name = " ".join(n for n in (document.surname, document.given_names) if n)
        return " · ".join([*parts, name] if name else parts)

    def _date(self, value: object) -> str:
        return str(value) if value else ""

    def _add(self, label: str, value: str) -> None:
        shown = QLabel(f"<span>{escape(value).replace(chr(10), '<br>')}</span>")
        shown.setTextFormat(Qt.TextFormat.RichText)
        shown.setWordWrap(True)
        shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        title = QLabel(label)
        title.setStyleSheet("color: palette(placeholder-text);")
        self.fields.addRow(title, shown)

    def _on_open_clicked(self) -> None:
        if self._number:
            self.open_requested.emit(self._number)

    def _on_load_failed(self, failure: TaskFailure) -> None:
        self.show_case(None)
        self.status.setText(failure.message)
