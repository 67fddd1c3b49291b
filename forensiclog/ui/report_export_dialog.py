"""Exporting a PDF report: which report, of which case or exchange, in which language, to which
file — then the folder is opened.

The report is prepared (records read, PDF laid out) as a read task and saved (file written,
export noted in the history) as a write task, so other writes wait only for the short save. Both
run through the task runner with progress; the user can cancel until the file is being written.
"""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStandardPaths, QUrl, Signal
from PySide6.QtGui import QCloseEvent, QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from forensiclog.domain.errors import Refusal
from forensiclog.services.reports import (
    PHOTOS,
    RENDERING,
    ExportedReport,
    PreparedReport,
    ReportKind,
    ReportRequest,
    report_request,
)
from forensiclog.ui.app_context import AppContext
from forensiclog.ui.refusal_text import describe_refusal
from forensiclog.ui.tasks import JobState, Task, TaskFailure
from forensiclog.ui.translators import english_plural, fill

translate = QCoreApplication.translate

# File names suggested for each report, followed by what it is about.
FILE_PREFIX = {
    ReportKind.BODY: "case-report",
    ReportKind.EXCHANGE: "exchange-report",
    ReportKind.FOREIGN: "foreign-nationals",
    ReportKind.DISCREPANCIES: "discrepancies",
    ReportKind.LABELS: "labels",
}
_UNSAFE_IN_NAMES = re.compile(r'[\\/:*?"<>|\s]+')
# The stage of the second task, which the service does not report itself.
SAVING = "saving"


def open_folder(folder: Path) -> None:
    """Show the folder in the system's file manager."""
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))


def default_folder() -> Path:
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(documents) if documents and Path(documents).is_dir() else Path.home()


def kind_labels() -> list[tuple[ReportKind, str]]:
    return [
        (ReportKind.BODY, translate("ReportExportDialog", "Case report")),
        (ReportKind.EXCHANGE, translate("ReportExportDialog", "Exchange report")),
        (ReportKind.FOREIGN, translate("ReportExportDialog", "Foreign nationals")),
        (ReportKind.DISCREPANCIES, translate("ReportExportDialog", "Discrepancies")),
        (ReportKind.LABELS, translate("ReportExportDialog", "Labels (QR codes)")),
    ]


def layout_labels() -> list[tuple[str, str]]:
    return [
        ("a4-24", translate("ReportExportDialog", "A4, 24 labels of 70 × 37 mm")),
        ("a4-14", translate("ReportExportDialog", "A4, 14 labels of 99.1 × 38.1 mm")),
        ("a4-8", translate("ReportExportDialog", "A4, 8 labels of 99.1 × 67.7 mm (body bags)")),
    ]


class ReportExportDialog(QDialog):
    """Choose a report and export it, off the GUI thread."""

    report_exported = Signal(object)  # an ExportedReport
    export_cancelled = Signal()
    problem_shown = Signal(str)

    def __init__(
        self,
        context: AppContext,
        parent: QWidget | None = None,
        preselected_case: str | None = None,
        preselected_exchange: str | None = None,
    ) -> None:
        super().__init__(parent)
        self._context = context
        self._preselected_exchange = preselected_exchange
        self._task: Task | None = None
        self._saving = False  # the file is being written: too late to cancel
        self._output_chosen = False  # typed or browsed: no longer suggested
        self.setWindowTitle(translate("ReportExportDialog", "Export a report"))
        self._build()
        self._connect_signals()
        self._preselect(preselected_case, preselected_exchange)
        self._load_exchanges()

    # -- building ----------------------------------------------------------------------------

    def _build(self) -> None:
        self.kind = self._combo("kind", [(k.value, text) for k, text in kind_labels()])
        self.exchange = QComboBox()
        self.exchange.setObjectName("exchange")
        self.case = QLineEdit()
        self.case.setObjectName("case")
        self.case.setPlaceholderText(translate("ReportExportDialog", "e.g. KYV-T1-00153"))
        self.cases = QLineEdit()
        self.cases.setObjectName("cases")
        self.cases.setPlaceholderText(
            translate("ReportExportDialog", "Empty: every case of the exchange")
        )
        self.language = self._combo("language", [("uk", "Українська"), ("en", "English")])
        chosen = self.language.findData(self._context.settings.language)
        self.language.setCurrentIndex(max(chosen, 0))
        self.layout_choice = self._combo("layout", layout_labels())
        self.output = QLineEdit()
        self.output.setObjectName("output")
        self.browse = QPushButton(translate("ReportExportDialog", "&Browse…"))
        self.open_when_done = QCheckBox(
            translate("ReportExportDialog", "&Open the folder when done")
        )
        self.open_when_done.setChecked(True)
        self.progress = QProgressBar()
        self.progress.setObjectName("progress")
        self.progress.hide()
        self.status = QLabel()
        self.status.setObjectName("status")
        self.status.setWordWrap(True)
        self.problem = QLabel()
        self.problem.setObjectName("problem")
        self.problem.setWordWrap(True)
        # Styled once here: changing a style sheet while tasks report back costs a restyle.
        self.problem.setStyleSheet("color: #b00020;")
        self.problem.hide()
        self.buttons = QDialogButtonBox()
        self.export_button = self.buttons.addButton(
            translate("ReportExportDialog", "&Export"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.export_button.setDefault(True)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setEnabled(False)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        layout = QVBoxLayout(self)
        # The form is in the dialog before its rows are added, so every label is parented
        # (owned by Qt) the moment it is made.
        self.form = QFormLayout()
        layout.addLayout(self.form)
        self._fill_form()
        layout.addWidget(self.open_when_done)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(self.problem)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.resize(620, 380)

    def _fill_form(self) -> None:
        self.file_row = QWidget(self)
        where = QHBoxLayout(self.file_row)
        where.setContentsMargins(0, 0, 0, 0)
        where.addWidget(self.output, 1)
        where.addWidget(self.browse)
        for text, field, buddy in (
            (translate("ReportExportDialog", "&Report:"), self.kind, self.kind),
            (translate("ReportExportDialog", "E&xchange:"), self.exchange, self.exchange),
            (translate("ReportExportDialog", "&Case:"), self.case, self.case),
            (translate("ReportExportDialog", "Case&s:"), self.cases, self.cases),
            (translate("ReportExportDialog", "&Language:"), self.language, self.language),
            (
                translate("ReportExportDialog", "Label s&heet:"),
                self.layout_choice,
                self.layout_choice,
            ),
            (translate("ReportExportDialog", "&File:"), self.file_row, self.output),
        ):
            label = QLabel(text, self)
            label.setBuddy(buddy)
            self.form.addRow(label, field)

    def _combo(self, name: str, items: list[tuple[str, str]]) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(name)
        for code, text in items:
            combo.addItem(text, code)
        return combo

    def _connect_signals(self) -> None:
        self.kind.currentIndexChanged.connect(self._on_choice_changed)
        self.exchange.currentIndexChanged.connect(self._on_choice_changed)
        self.case.textChanged.connect(self._on_choice_changed)
        self.cases.textChanged.connect(self._on_choice_changed)
        self.output.textEdited.connect(self._on_output_edited)
        self.browse.clicked.connect(self._browse)
        self.export_button.clicked.connect(self.export)
        self.cancel_button.clicked.connect(self.cancel)
        self.close_button.clicked.connect(self.close)

    def _preselect(self, case: str | None, exchange: str | None) -> None:
        if case:
            self.case.setText(case)
            self.kind.setCurrentIndex(self.kind.findData(ReportKind.BODY.value))
        elif exchange:
            self.kind.setCurrentIndex(self.kind.findData(ReportKind.EXCHANGE.value))
        self._on_choice_changed()

    def _load_exchanges(self) -> None:
        exchanges = self._context.services.exchanges
        self._context.runner.read(
            lambda state: exchanges.codes(),
            name="exchange codes",
            on_finished=self._on_exchanges_loaded,
            on_failed=self._on_failed,
        )

    # -- what the user chose -----------------------------------------------------------------

    @property
    def chosen_kind(self) -> ReportKind:
        return ReportKind(self.kind.currentData())

    def targets(self) -> list[str]:
        kind = self.chosen_kind
        if kind is ReportKind.BODY:
            return [self.case.text().strip()]
        if kind is ReportKind.LABELS:
            named = [t for t in re.split(r"[\s,;]+", self.cases.text()) if t]
            if named:
                return named
        return [self.exchange.currentText()]

    def request(self) -> ReportRequest:
        """What the form asks for; a refusal names what is missing or wrong."""
        return report_request(
            self.chosen_kind,
            self.targets(),
            language=self.language.currentData(),
            layout=self.layout_choice.currentData(),
        )

    def suggested_file(self) -> Path:
        targets = self.targets()
        about = targets[0] if len(targets) == 1 else f"{targets[0]}-{len(targets)}"
        name = f"{FILE_PREFIX[self.chosen_kind]}-{_UNSAFE_IN_NAMES.sub('-', about).strip('-')}"
        folder = Path(self.output.text()).parent if self.output.text() else default_folder()
        return folder / f"{name.rstrip('-')}.pdf"

    def _on_choice_changed(self) -> None:
        kind = self.chosen_kind
        self.form.setRowVisible(self.exchange, kind is not ReportKind.BODY)
        self.form.setRowVisible(self.case, kind is ReportKind.BODY)
        self.form.setRowVisible(self.cases, kind is ReportKind.LABELS)
        self.form.setRowVisible(self.layout_choice, kind is ReportKind.LABELS)
        if not self._output_chosen:
            self.output.setText(str(self.suggested_file()))

    def _on_output_edited(self, _text: str) -> None:
        self._output_chosen = True

    def _on_exchanges_loaded(self, codes: list[str]) -> None:
        keep = self._preselected_exchange or self._context.settings.last_exchange
        self.exchange.clear()
        self.exchange.addItems(codes)
        found = self.exchange.findText(keep) if keep else -1
        self.exchange.setCurrentIndex(found if found >= 0 else self.exchange.count() - 1)

    def _browse(self) -> None:
        chosen, _filter = QFileDialog.getSaveFileName(
            self,
            translate("ReportExportDialog", "Save the report as"),
            self.output.text(),
            translate("ReportExportDialog", "PDF documents (*.pdf)"),
        )
        if chosen:
            self._output_chosen = True
            self.output.setText(chosen)

    # -- exporting ---------------------------------------------------------------------------

    def export(self) -> None:
        """Prepare the report off the GUI thread, then save it."""
        try:
            request = self.request()
        except Refusal as refusal:
            self._show_problem(describe_refusal(refusal))
            return
        output = Path(self.output.text().strip()).expanduser()
        if not self.output.text().strip():
            self._show_problem(translate("ReportExportDialog", "Name the file to write."))
            return
        reports = self._context.services.reports

        def prepare(state: JobState) -> PreparedReport:
            def progress(done: int, total: int, stage: str) -> None:
                state.check()
                state.progress(done, total, stage)

            return reports.prepare(request, progress)

        self._set_running(True)
        self._show_status(translate("ReportExportDialog", "Reading the records…"))
        self._task = self._context.runner.read(
            prepare,
            name="prepare report",
            on_finished=lambda prepared: self._save(prepared, output),
            on_failed=self._on_failed,
        )
        self._follow(self._task)

    def _save(self, prepared: PreparedReport, output: Path) -> None:
        reports = self._context.services.reports
        self._saving = True
        self.cancel_button.setEnabled(False)
        self._on_progress(0, 0, SAVING)
        self._task = self._context.runner.write(
            lambda state: reports.save(prepared, output),
            name="save report",
            on_finished=self._on_exported,
            on_failed=self._on_failed,
        )
        self._follow(self._task)

    def _follow(self, task: Task) -> None:
        task.signals.progress.connect(self._on_progress)
        task.signals.cancelled.connect(self._on_cancelled)

    def cancel(self) -> None:
        """Stop preparing the report; once the file is being written it is finished."""
        if self._task is not None and not self._saving:
            self._task.cancel()

    @property
    def running(self) -> bool:
        return self._task is not None

    def _on_progress(self, done: int, total: int, stage: str) -> None:
        # A bar only for a stage of known length (the photos); the others are named in the
        # status line.
        self.progress.setVisible(total > 0)
        if total:
            self.progress.setRange(0, total)
            self.progress.setValue(done)
        if stage == PHOTOS and total:
            text = translate("ReportExportDialog", "Preparing photo %1 of %2…")
            self._show_status(fill(text, min(done + 1, total), total))
        elif stage == RENDERING:
            self._show_status(translate("ReportExportDialog", "Laying out the PDF…"))
        elif stage == SAVING:
            self._show_status(translate("ReportExportDialog", "Writing the file…"))

    def _on_exported(self, exported: ExportedReport) -> None:
        self._set_running(False)
        pages = exported.pages
        text = translate("ReportExportDialog", "Saved %1 — %n page(s).\nSHA-256: %2", None, pages)
        self._show_status(english_plural(fill(text, exported.file, exported.sha256), pages))
        self.report_exported.emit(exported)
        if self.open_when_done.isChecked():
            open_folder(exported.file.parent)

    def _on_failed(self, failure: TaskFailure) -> None:
        self._set_running(False)
        self._show_problem(failure.message)

    def _on_cancelled(self) -> None:
        self._set_running(False)
        self._show_status(translate("ReportExportDialog", "Cancelled; no file was written."))
        self.export_cancelled.emit()

    def _set_running(self, running: bool) -> None:
        if not running:
            self._task, self._saving = None, False
        inputs: list[QWidget] = [self.kind, self.exchange, self.case, self.cases, self.language]
        inputs += [self.layout_choice, self.output, self.browse, self.export_button]
        for widget in inputs:
            widget.setEnabled(not running)
        self.cancel_button.setEnabled(running)
        if not running:
            self.progress.hide()

    def _show_status(self, text: str) -> None:
        self.problem.hide()
        self.status.setText(text)

    def _show_problem(self, text: str) -> None:
        self.status.clear()
        self.problem.setText(text)
        self.problem.show()
        self.problem_shown.emit(text)

    def closeEvent(self, event: QCloseEvent) -> None:
        # A report still being prepared is dropped; one being saved is finished all the same.
        self.cancel()
        super().closeEvent(event)
