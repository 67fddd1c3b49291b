"""The examination and findings tab: condition, biological profile, clothing, marks, notes, burial."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QIntValidator
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
)

from forensiclog.domain.records import CaseRecord
from forensiclog.services.build import Services
from forensiclog.ui.case_editor.case_tab import CaseTab, form_layout, labelled_row
from forensiclog.ui.case_editor.edit_commands import UndoActions
from forensiclog.ui.case_editor.editor_context import EditorContext
from forensiclog.ui.case_editor.form_fields import FormFields, as_text, fill_combo
from forensiclog.ui.case_editor.labels import MARK_KINDS, choices, label
from forensiclog.ui.case_editor.record_table_model import (
    Column,
    RecordTableModel,
    record_table_view,
)
from forensiclog.ui.tasks import Task
from forensiclog.ui.vocabulary_text import CONDITION_LABELS, SEX_LABELS, condition_label, sex_label

FIELDS = (
    "tag",
    "condition",
    "sex",
    "age_min",
    "age_max",
    "stature_cm",
    "clothing",
    "notes",
    "burial_cemetery",
    "burial_plot",
)


class FindingsTab(CaseTab):
    def __init__(self, context: EditorContext, undo: UndoActions) -> None:
        super().__init__(context)
        self.undo = undo
        self.fields = FormFields(self)
        self.save_button = QPushButton(self.tr("&Save findings"))
        self.revert_button = QPushButton(self.tr("Re&vert"))
        self.marks = RecordTableModel(
            [
                Column(self.tr("Kind"), lambda m: label(MARK_KINDS, m.kind)),
                Column(self.tr("Description"), lambda m: m.description),
                Column(self.tr("Where on the body"), lambda m: m.body_location or ""),
                Column(self.tr("Serial number"), lambda m: m.serial_number or ""),
            ],
            self,
        )
        self.mark_fields = FormFields(self)
        self.add_mark_button = QPushButton(self.tr("&Add mark"))
        layout = QHBoxLayout(self)
        layout.addWidget(self._build_profile(), 1)
        layout.addLayout(self._build_right(), 1)
        self._connect_signals()

    def _build_profile(self) -> QGroupBox:
        box = QGroupBox(self.tr("Examination"))
        form = form_layout()
        tag = self.fields.add("tag", QLineEdit())
        labelled_row(form, self.tr("&Tag"), tag, tag)
        condition = QComboBox()
        fill_combo(condition, [(c, condition_label(c)) for c in CONDITION_LABELS])
        labelled_row(
            form, self.tr("C&ondition"), self.fields.add("condition", condition), condition
        )
        sex = QComboBox()
        fill_combo(sex, [(s, sex_label(s)) for s in SEX_LABELS])
        labelled_row(form, self.tr("S&ex"), self.fields.add("sex", sex), sex)
        ages = QHBoxLayout()
        age_min, age_max = self._number_field("age_min", 130), self._number_field("age_max", 130)
        ages.addWidget(age_min)
        ages.addWidget(QLabel(self.tr("to")))
        ages.addWidget(age_max)
        ages.addStretch(1)
        labelled_row(form, self.tr("&Age range (years)"), ages, age_min)
        age_max.setAccessibleName(self.tr("Age range, upper bound"))
        stature = self._number_field("stature_cm", 250)
        labelled_row(form, self.tr("Stat&ure (cm)"), stature, stature)
        cemetery = self.fields.add("burial_cemetery", QLineEdit())
        labelled_row(form, self.tr("Burial ce&metery"), cemetery, cemetery)
        plot = self.fields.add("burial_plot", QLineEdit())
        labelled_row(form, self.tr("Burial &plot"), plot, plot)
        column = QVBoxLayout(box)
        column.addLayout(form)
        for name, text in (
            ("clothing", self.tr("&Clothing and uniform")),
            ("notes", self.tr("&Notes")),
        ):
            caption = QLabel(text)
            column.addWidget(caption)
            field = self._text_field(name, column)
            caption.setBuddy(field)
            field.setAccessibleName(text.replace("&", ""))
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.save_button)
        column.addLayout(buttons)
        return box

    def _number_field(self, name: str, top: int) -> QLineEdit:
        field = QLineEdit()
        field.setValidator(QIntValidator(0, top, field))
        field.setMaximumWidth(90)
        self.fields.add(name, field)
        return field

    def _text_field(self, name: str, column: QVBoxLayout) -> QPlainTextEdit:
        text = QPlainTextEdit()
        text.setTabChangesFocus(True)
        text.setMinimumHeight(60)
        self.fields.add(name, text)
        column.addWidget(text, 1)
        return text

    def _build_right(self) -> QVBoxLayout:
        box = QGroupBox(self.tr("Distinguishing marks"))
        column = QVBoxLayout(box)
        column.addWidget(record_table_view(self.marks, self.tr("Distinguishing marks")), 1)
        grid = QGridLayout()
        kind = QComboBox()
        fill_combo(kind, choices(MARK_KINDS), blank=None)
        self.mark_fields.add("kind", kind)
        description = self.mark_fields.add("description", QLineEdit())
        where = self.mark_fields.add("body_location", QLineEdit())
        serial = self.mark_fields.add("serial_number", QLineEdit())
        rows = (
            (self.tr("Mark &kind"), kind),
            (self.tr("&Description"), description),
            (self.tr("&Where on the body"), where),
            (self.tr("Serial &number (prostheses)"), serial),
        )
        for row, (text, widget) in enumerate(rows):
            caption = QLabel(text)
            caption.setBuddy(widget)
            widget.setAccessibleName(text.replace("&", ""))
            grid.addWidget(caption, row, 0)
            grid.addWidget(widget, row, 1)
        grid.addWidget(self.add_mark_button, len(rows), 1, Qt.AlignmentFlag.AlignRight)
        column.addLayout(grid)
        outer = QVBoxLayout()
        outer.addWidget(box)
        return outer

    def _connect_signals(self) -> None:
        self.save_button.clicked.connect(self.save)
        self.revert_button.clicked.connect(self.discard)
        self.fields.edited.connect(self._on_fields_edited)
        self.add_mark_button.clicked.connect(self._on_add_mark_clicked)

    # -- showing ----------------------------------------------------------------------------

    def show_case(self, record: CaseRecord) -> None:
        self.fields.show({name: as_text(getattr(record, name)) for name in FIELDS})
        self.marks.set_records(record.marks)
        editable = self.context.may_edit()
        self.fields.set_read_only(not editable)
        self.mark_fields.set_read_only(not editable)
        self.add_mark_button.setEnabled(editable)
        self._on_fields_edited()

    def _on_fields_edited(self) -> None:
        dirty = self.fields.dirty
        self.save_button.setEnabled(dirty and self.context.may_edit())
        self.revert_button.setEnabled(dirty)

    # -- saving -----------------------------------------------------------------------------

    def has_unsaved(self) -> bool:
        return self.fields.dirty

    def discard(self) -> None:
        self.fields.reset()

    def save(self) -> Task | None:
        changes = self.fields.changes()
        if not changes:
            return None
        go_ahead, reason = self.context.correction_reason(self)
        if not go_ahead:
            return None
        number, before = self.context.case_number, self.fields.previous(changes)

        def forward(services: Services, why: str | None) -> str:
            return services.cases.edit(number, changes, reason=why)

        def backward(services: Services, why: str | None) -> str:
            return services.cases.edit(number, before, reason=why)

        def saved(_result: object) -> None:
            self.fields.baseline.update(changes)
            self._on_fields_edited()
            self.undo.record(self.tr("edit of the findings"), forward, backward)

        return self.context.write(
            lambda services: forward(services, reason), name="save findings", on_finished=saved
        )

    def _on_add_mark_clicked(self) -> None:
        values = self.mark_fields.values()
        go_ahead, reason = self.context.correction_reason(self)
        if not go_ahead:
            return
        number = self.context.case_number
        self.context.write(
            lambda services: services.cases.add_mark(number, **values, reason=reason),
            name="add mark",
            on_finished=lambda _uid: self._clear_mark_form(),
        )

    def _clear_mark_form(self) -> None:
        for name in ("description", "body_location", "serial_number"):
            widget = self.mark_fields.widgets[name]
            if isinstance(widget, QLineEdit):
                widget.clear()
