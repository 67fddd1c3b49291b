"""Identification and exclusion as decisions: proposed with a basis, confirmed by a coordinator."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
)

from forensiclog.domain.records import CaseRecord, DecisionRecord
from forensiclog.domain.roles import Action
from forensiclog.domain.vocabulary import DecisionState, IdentificationMethod, Nationality
from forensiclog.ui.case_editor.case_tab import CaseTab, form_layout, labelled_row
from forensiclog.ui.case_editor.edit_commands import UndoActions
from forensiclog.ui.case_editor.editor_context import EditorContext
from forensiclog.ui.case_editor.form_fields import FormFields, fill_combo
from forensiclog.ui.case_editor.labels import DECISION_KINDS, DECISION_STATES, METHODS, label
from forensiclog.ui.case_editor.nationality_panel import NationalityPanel, foreign_documents
from forensiclog.ui.case_editor.record_table_model import (
    Column,
    RecordTableModel,
    record_table_view,
)
from forensiclog.ui.case_editor.samples_tab import when
from forensiclog.ui.photos.photo_details_panel import document_title
from forensiclog.ui.tasks import Task
from forensiclog.ui.translators import fill


def _names(decision: DecisionRecord) -> str:
    return " ".join(n for n in (decision.surname, decision.given_names) if n)


class IdentificationTab(CaseTab):
    def __init__(self, context: EditorContext, undo: UndoActions) -> None:
        super().__init__(context)
        self.nationality = NationalityPanel(context, undo)
        self.current = QLabel()
        self.confirm_button = QPushButton(self.tr("&Confirm…"))
        self.withdraw_button = QPushButton(self.tr("&Withdraw…"))
        self.identify = FormFields(self)
        self.methods: dict[str, QCheckBox] = {}
        self.identify_button = QPushButton(self.tr("&Propose identification"))
        self.exclude = FormFields(self)
        self.exclude_button = QPushButton(self.tr("Propose e&xclusion"))
        self.exclusion_hint = QLabel()
        self.decisions = RecordTableModel(
            [
                Column(self.tr("Decision"), lambda d: label(DECISION_KINDS, d.kind)),
                Column(self.tr("State"), lambda d: label(DECISION_STATES, d.state)),
                Column(self.tr("Proposed"), lambda d: f"{when(d.proposed_at)} · {d.proposed_by}"),
                Column(
                    self.tr("Decided"),
                    lambda d: f"{when(d.decided_at)} · {d.decided_by}" if d.decided_by else "",
                ),
                Column(
                    self.tr("Basis"),
                    lambda d: ", ".join(label(METHODS, m) for m in d.methods) or d.reason,
                ),
            ],
            self,
        )
        self._record: CaseRecord | None = None
        self._build()
        self._connect_signals()

    def _build(self) -> None:
        standing = QGroupBox(self.tr("Standing decision"))
        self.current.setWordWrap(True)
        self.current.setTextFormat(Qt.TextFormat.PlainText)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.withdraw_button)
        buttons.addWidget(self.confirm_button)
        column = QVBoxLayout(standing)
        column.addWidget(self.current)
        column.addLayout(buttons)
        column.addWidget(record_table_view(self.decisions, self.tr("Decisions of this case")), 1)
        left = QVBoxLayout()
        left.addWidget(self.nationality)
        left.addWidget(standing, 1)
        right = QVBoxLayout()
        right.addWidget(self._identification_box())
        right.addWidget(self._exclusion_box())
        right.addStretch(1)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 1)
        layout.addLayout(right, 1)

    def _identification_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Propose an identification"))
        form = form_layout()
        for name, text in (
            ("surname", self.tr("&Surname")),
            ("given_names", self.tr("&Given names")),
            ("birth_date", self.tr("Date of &birth")),
            ("service_number", self.tr("Service n&umber")),
        ):
            field = self.identify.add(name, QLineEdit())
            labelled_row(form, text, field, field)
        birth = self.identify.widgets["birth_date"]
        assert isinstance(birth, QLineEdit)
        birth.setPlaceholderText(self.tr("YYYY-MM-DD"))
        grid = QGridLayout()
        for index, method in enumerate(IdentificationMethod):
            check = QCheckBox(label(METHODS, method))
            self.methods[method.value] = check
            grid.addWidget(check, index // 3, index % 3)
        form.addRow(self.tr("On the basis of"), grid)
        document = QComboBox()
        labelled_row(
            form, self.tr("Supporting &document"), self.identify.add("document", document), document
        )
        reason = self.identify.add("reason", QLineEdit())
        labelled_row(form, self.tr("&Reasoning"), reason, reason)
        form.addRow("", self.identify_button)
        QVBoxLayout(box).addLayout(form)
        return box

    def _exclusion_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Propose an exclusion (not one of ours)"))
        form = form_layout()
        document = QComboBox()
        labelled_row(
            form, self.tr("Foreign d&ocument"), self.exclude.add("document", document), document
        )
        basis = self.exclude.add("basis", QLineEdit())
        labelled_row(form, self.tr("B&asis"), basis, basis)
        self.exclusion_hint.setWordWrap(True)
        self.exclusion_hint.setStyleSheet("color: #5f5f5f;")
        form.addRow("", self.exclusion_hint)
        form.addRow("", self.exclude_button)
        QVBoxLayout(box).addLayout(form)
        return box

    def _connect_signals(self) -> None:
        self.identify_button.clicked.connect(self._on_identify_clicked)
        self.exclude_button.clicked.connect(self._on_exclude_clicked)
        self.confirm_button.clicked.connect(self._on_confirm_clicked)
        self.withdraw_button.clicked.connect(self._on_withdraw_clicked)

    # -- showing ----------------------------------------------------------------------------

    def show_case(self, record: CaseRecord) -> None:
        self._record = record
        self.nationality.show_case(record)
        self.decisions.set_records(tuple(reversed(record.decisions)))
        self.current.setText(self._describe(record.identification))
        self._fill_documents(record)
        may_propose = self.context.may_edit(Action.PROPOSE_IDENTIFICATION)
        self.identify.set_read_only(not may_propose)
        self.exclude.set_read_only(not may_propose)
        for check in self.methods.values():
            check.setEnabled(may_propose)
        foreign = record.nationality == Nationality.FOREIGN.value
        self.identify_button.setEnabled(may_propose)
        self.exclude_button.setEnabled(may_propose and foreign)
        self.exclusion_hint.setText(
            "" if foreign else self.tr("Assess the nationality as foreign, with its basis, first.")
        )
        standing = record.identification
        proposed = standing is not None and standing.state == DecisionState.PROPOSED.value
        self.confirm_button.setVisible(self.context.may(Action.CONFIRM_IDENTIFICATION))
        self.confirm_button.setEnabled(proposed)
        self.withdraw_button.setEnabled(standing is not None and may_propose)

    def _fill_documents(self, record: CaseRecord) -> None:
        for fields, documents in (
            (self.identify, record.documents),
            (self.exclude, foreign_documents(record)),
        ):
            combo = fields.widgets["document"]
            assert isinstance(combo, QComboBox)
            chosen = combo.currentData()
            blocked = combo.blockSignals(True)
            fill_combo(
                combo, [(str(d.id), document_title(d)) for d in documents], blank=self.tr("(none)")
            )
            combo.setCurrentIndex(max(combo.findData(chosen), 0))
            combo.blockSignals(blocked)

    def _describe(self, decision: DecisionRecord | None) -> str:
        if decision is None:
            return self.tr("No identification or exclusion has been proposed.")
        lines = [
            fill(
                self.tr("%1 — %2"),
                label(DECISION_KINDS, decision.kind),
                label(DECISION_STATES, decision.state).lower(),  # "Identification — proposed"
            ),
            fill(
                self.tr("Proposed by %1 on %2: %3"),
                decision.proposed_by,
                when(decision.proposed_at),
                decision.reason,
            ),
        ]
        if _names(decision):
            lines.insert(1, _names(decision))
        if decision.methods:
            methods = ", ".join(label(METHODS, m) for m in decision.methods)
            kind = (
                self.tr("primary identifier")
                if decision.primary
                else self.tr("presumptive: secondary evidence only")
            )
            lines.append(fill(self.tr("Basis: %1 (%2)"), methods, kind))
        if decision.decided_by:
            lines.append(
                fill(
                    self.tr("Decided by %1 on %2: %3"),
                    decision.decided_by,
                    when(decision.decided_at),
                    decision.decision_reason or "",
                )
            )
        return "\n".join(lines)

    # -- deciding ---------------------------------------------------------------------------

    def _document_id(self, fields: FormFields) -> int | None:
        value = fields.values()["document"]
        return int(value) if value else None

    def _on_identify_clicked(self) -> None:
        values, number = self.identify.values(), self.context.case_number
        methods = [code for code, check in self.methods.items() if check.isChecked()]
        document = self._document_id(self.identify)
        self.context.write(
            lambda services: services.decisions.propose_identification(
                number,
                surname=values["surname"],
                given_names=values["given_names"],
                methods=methods,
                reason=values["reason"],
                birth_date=values["birth_date"] or None,
                service_number=values["service_number"] or None,
                document=document,
            ),
            name="propose identification",
            on_finished=lambda _decision: self._clear_identification(),
        )

    def _clear_identification(self) -> None:
        self.identify.show(dict.fromkeys(self.identify.widgets, ""), keep_edits=False)
        for check in self.methods.values():
            check.setChecked(False)

    def _on_exclude_clicked(self) -> None:
        values, number = self.exclude.values(), self.context.case_number
        document = self._document_id(self.exclude)
        self.context.write(
            lambda services: services.decisions.propose_exclusion(
                number, basis=values["basis"], document=document
            ),
            name="propose exclusion",
            on_finished=lambda _decision: self.exclude.show(
                dict.fromkeys(self.exclude.widgets, ""), keep_edits=False
            ),
        )

    def _on_confirm_clicked(self) -> None:
        reason = self.context.ask_reason(
            self.tr("Confirm the decision"),
            fill(
                self.tr("Confirming locks case %1 against edits. On what grounds do you confirm?"),
                self.context.case_number,
            ),
            self,
        )
        if reason is None:
            return
        number = self.context.case_number
        self.context.write(
            lambda services: services.decisions.confirm(number, reason=reason),
            name="confirm decision",
        )

    def _on_withdraw_clicked(self) -> None:
        reason = self.context.ask_reason(
            self.tr("Withdraw the decision"),
            self.tr("Why is the standing decision withdrawn?"),
            self,
        )
        if reason is None:
            return
        number = self.context.case_number
        self.context.write(
            lambda services: services.decisions.withdraw(number, reason=reason),
            name="withdraw decision",
        )

    # -- unsaved ----------------------------------------------------------------------------

    def has_unsaved(self) -> bool:
        return self.nationality.fields.dirty

    def discard(self) -> None:
        self.nationality.fields.reset()

    def save(self) -> Task | None:
        return self.nationality.save()
