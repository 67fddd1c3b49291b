"""DNA samples taken from the body: adding one, and recording a laboratory's result."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
)

from forensiclog.domain.records import CaseRecord, SampleRecord
from forensiclog.domain.roles import Action
from forensiclog.ui.case_editor.case_tab import CaseTab, form_layout, labelled_row
from forensiclog.ui.case_editor.editor_context import EditorContext
from forensiclog.ui.case_editor.form_fields import FormFields, fill_combo
from forensiclog.ui.case_editor.labels import SAMPLE_KINDS, choices, label
from forensiclog.ui.case_editor.record_table_model import (
    Column,
    RecordTableModel,
    record_table_view,
)
from forensiclog.ui.translators import fill


def when(value: object) -> str:
    return value.strftime("%Y-%m-%d %H:%M") if hasattr(value, "strftime") else ""


class SamplesTab(CaseTab):
    def __init__(self, context: EditorContext) -> None:
        super().__init__(context)
        self.model = RecordTableModel(
            [
                Column(self.tr("Sample number"), lambda s: s.number),
                Column(self.tr("Kind"), lambda s: label(SAMPLE_KINDS, s.kind)),
                Column(self.tr("Taken"), lambda s: f"{when(s.taken_at)} · {s.taken_by}"),
                Column(self.tr("Laboratory"), lambda s: s.lab or ""),
                Column(self.tr("Result"), lambda s: s.result or self.tr("awaited")),
            ],
            self,
        )
        self.table = record_table_view(self.model, self.tr("Samples"))
        self.new_fields = FormFields(self)
        self.result_fields = FormFields(self)
        self.add_button = QPushButton(self.tr("&Add sample"))
        self.result_button = QPushButton(self.tr("&Record result"))
        self.result_box = QGroupBox(self.tr("Result of the selected sample"))
        self._build()
        self._connect_signals()

    def _build(self) -> None:
        add_box = QGroupBox(self.tr("New sample"))
        form = form_layout()
        kind = QComboBox()
        fill_combo(kind, choices(SAMPLE_KINDS), blank=None)
        labelled_row(form, self.tr("&Kind"), self.new_fields.add("kind", kind), kind)
        number = self.new_fields.add("sample_number", QLineEdit())
        labelled_row(form, self.tr("Sample &number"), number, number)
        lab = self.new_fields.add("lab", QLineEdit())
        labelled_row(form, self.tr("Sent to &laboratory"), lab, lab)
        form.addRow("", self.add_button)
        QVBoxLayout(add_box).addLayout(form)
        result_form = form_layout()
        result = self.result_fields.add("result", QLineEdit())
        labelled_row(result_form, self.tr("Res&ult"), result, result)
        result_lab = self.result_fields.add("lab", QLineEdit())
        labelled_row(result_form, self.tr("La&boratory"), result_lab, result_lab)
        result_form.addRow("", self.result_button)
        QVBoxLayout(self.result_box).addLayout(result_form)
        forms = QHBoxLayout()
        forms.addWidget(add_box, 1)
        forms.addWidget(self.result_box, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(forms)

    def _connect_signals(self) -> None:
        self.add_button.clicked.connect(self._on_add_clicked)
        self.result_button.clicked.connect(self._on_result_clicked)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._refresh())

    def show_case(self, record: CaseRecord) -> None:
        self.model.set_records(record.samples)
        editable = self.context.may(Action.ADD_EVIDENCE)
        self.new_fields.set_read_only(not self.context.may_edit(Action.ADD_EVIDENCE))
        self.add_button.setEnabled(self.context.may_edit(Action.ADD_EVIDENCE))
        self.result_fields.set_read_only(not editable)
        self._refresh()

    def selected(self) -> SampleRecord | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.record(rows[0].row()) if rows else None

    def _refresh(self) -> None:
        sample = self.selected()
        # Results arrive after a case may be locked: the service takes them all the same.
        self.result_button.setEnabled(sample is not None and self.context.may(Action.ADD_EVIDENCE))
        title = (
            fill(self.tr("Result of sample %1"), sample.number)
            if sample
            else self.tr("Select a sample to record its result")
        )
        self.result_box.setTitle(title)

    def _on_add_clicked(self) -> None:
        values = self.new_fields.values()
        number = self.context.case_number
        self.context.write(
            lambda services: services.examination.add_sample(
                number,
                kind=values["kind"],
                sample_number=values["sample_number"],
                lab=values["lab"] or None,
            ),
            name="add sample",
            on_finished=lambda _sample: self._clear(self.new_fields, ("sample_number",)),
        )

    def _on_result_clicked(self) -> None:
        sample = self.selected()
        if sample is None:
            return
        values, sample_number = self.result_fields.values(), sample.number
        self.context.write(
            lambda services: services.examination.record_result(
                sample_number, result=values["result"], lab=values["lab"] or None
            ),
            name="record sample result",
            on_finished=lambda _sample: self._clear(self.result_fields, ("result", "lab")),
        )

    def _clear(self, fields: FormFields, names: tuple[str, ...]) -> None:
        for name in names:
            widget = fields.widgets[name]
            if isinstance(widget, QLineEdit):
                widget.clear()
