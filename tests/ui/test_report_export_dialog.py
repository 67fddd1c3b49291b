"""The report export dialog: a report chosen, prepared and saved off the GUI thread, with progress,
refusals shown in the dialog, cancelling, and the folder opened when done."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt

from forensiclog.services.build import build
from forensiclog.services.reports import ExportedReport
from forensiclog.services.workspace import open_workspace
from forensiclog.ui.app_context import AppContext
from forensiclog.ui.report_export_dialog import ReportExportDialog
from forensiclog.ui.tasks import TaskRunner
from tests.ui.conftest import context_of, make_context
from tests.ui.sample_workspace import Sample

WAIT = 30_000


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Folders the dialog would have shown in the file manager."""
    folders: list[Path] = []
    monkeypatch.setattr("forensiclog.ui.report_export_dialog.open_folder", folders.append)
    return folders


@pytest.fixture
def coordinator(sample: Sample, runner: TaskRunner) -> Iterator[AppContext]:
    with context_of(sample, runner, "olena") as context:
        yield context


def open_dialog(qtbot, context: AppContext, **preselected: str) -> ReportExportDialog:
    dialog = ReportExportDialog(context, None, **preselected)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.exchange.count() > 0, timeout=WAIT)
    return dialog


def export(qtbot, dialog: ReportExportDialog, output: Path) -> ExportedReport:
    dialog.output.setText(str(output))
    with qtbot.waitSignal(dialog.report_exported, timeout=WAIT) as done:
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    exported: ExportedReport = done.args[0]
    return exported


def choose(combo, data: str) -> None:
    index = combo.findData(data)
    assert index >= 0, data
    combo.setCurrentIndex(index)


def test_the_exchange_report_is_exported_noted_and_its_folder_opened(
    qtbot, coordinator: AppContext, tmp_path: Path, opened: list[Path]
) -> None:
    dialog = open_dialog(qtbot, coordinator, preselected_exchange="R2-0613")
    assert dialog.kind.currentData() == "exchange" and dialog.exchange.currentText() == "R2-0613"
    assert Path(dialog.output.text()).name == "exchange-report-R2-0613.pdf"
    assert not dialog.form.isRowVisible(dialog.case) and dialog.form.isRowVisible(dialog.exchange)

    exported = export(qtbot, dialog, tmp_path / "обмін.pdf")

    pdf = (tmp_path / "обмін.pdf").read_bytes()
    assert exported.file == tmp_path / "обмін.pdf" and exported.noted
    assert exported.sha256 == hashlib.sha256(pdf).hexdigest()
    assert exported.pages == len(PdfReader(tmp_path / "обмін.pdf").pages)
    assert opened == [tmp_path]
    assert exported.sha256 in dialog.status.text() and dialog.export_button.isEnabled()
    assert f"{exported.pages} pages" in dialog.status.text()
    entry = coordinator.services.audit.log(limit=1)[0]
    assert entry.action == "report.export" and entry.after is not None
    assert entry.after["sha256"] == exported.sha256


def test_a_case_report_in_english_with_its_photo_and_progress(
    qtbot, coordinator: AppContext, sample: Sample, tmp_path: Path, opened: list[Path]
) -> None:
    assert sample.foreign_case is not None
    dialog = open_dialog(qtbot, coordinator, preselected_case=sample.foreign_case)
    assert dialog.kind.currentData() == "body" and dialog.case.text() == sample.foreign_case
    assert dialog.form.isRowVisible(dialog.case) and not dialog.form.isRowVisible(dialog.exchange)
    choose(dialog.language, "en")
    dialog.open_when_done.setChecked(False)
    progress: list[tuple[int, int]] = []
    dialog.progress.valueChanged.connect(
        lambda value: progress.append((value, dialog.progress.maximum()))
    )

    exported = export(qtbot, dialog, tmp_path / "case.pdf")

    assert exported.kind == "body" and exported.target == sample.foreign_case
    text = "".join(page.extract_text() for page in PdfReader(tmp_path / "case.pdf").pages)
    assert sample.foreign_case in text and "Page 1 of" in text
    assert (1, 1) in progress  # the one photo's preview
    assert opened == []


def test_labels_for_typed_cases_on_the_body_bag_sheet(
    qtbot, coordinator: AppContext, sample: Sample, tmp_path: Path, opened: list[Path]
) -> None:
    dialog = open_dialog(qtbot, coordinator)
    choose(dialog.kind, "labels")
    assert dialog.form.isRowVisible(dialog.cases) and dialog.form.isRowVisible(dialog.layout_choice)
    dialog.cases.setText(f"{sample.registered[0]}, {sample.registered[1]}")
    choose(dialog.layout_choice, "a4-8")
    assert Path(dialog.output.text()).name == f"labels-{sample.registered[0]}-2.pdf"

    exported = export(qtbot, dialog, tmp_path / "labels.pdf")

    assert exported.pages == 1 and exported.target == " ".join(sample.registered[:2])


def test_an_unknown_case_is_shown_in_the_dialog_and_nothing_is_written(
    qtbot, coordinator: AppContext, tmp_path: Path, opened: list[Path]
) -> None:
    dialog = open_dialog(qtbot, coordinator, preselected_case="KYV-T2-09999")
    dialog.output.setText(str(tmp_path / "r.pdf"))
    with qtbot.waitSignal(dialog.problem_shown, timeout=WAIT) as shown:
        dialog.export()
    assert "KYV-T2-09999" in shown.args[0] and "KYV-T2-09999" in dialog.problem.text()
    assert dialog.export_button.isEnabled() and not dialog.cancel_button.isEnabled()
    assert list(tmp_path.glob("*.pdf")) == [] and opened == []


def test_a_missing_folder_or_an_empty_case_is_refused_before_any_work(
    qtbot, coordinator: AppContext, tmp_path: Path
) -> None:
    dialog = open_dialog(qtbot, coordinator, preselected_exchange="R2-0613")
    dialog.output.setText(str(tmp_path / "missing" / "r.pdf"))
    with qtbot.waitSignal(dialog.problem_shown, timeout=WAIT) as shown:
        dialog.export()
    assert "does not exist" in shown.args[0]
    choose(dialog.kind, "body")
    with qtbot.waitSignal(dialog.problem_shown, timeout=WAIT) as shown:
        dialog.export()  # no case typed
    assert "Report: name the case the report is about" in shown.args[0]
    assert not (tmp_path / "missing").exists()


def test_cancelling_while_the_report_is_prepared_writes_nothing(
    qtbot, coordinator: AppContext, tmp_path: Path, opened: list[Path]
) -> None:
    dialog = open_dialog(qtbot, coordinator, preselected_exchange="R2-0613")
    dialog.output.setText(str(tmp_path / "r.pdf"))
    before = len(coordinator.services.audit.log())
    dialog.export()
    assert dialog.running and dialog.cancel_button.isEnabled()
    assert not dialog.export_button.isEnabled() and "Reading" in dialog.status.text()
    with qtbot.waitSignal(dialog.export_cancelled, timeout=WAIT):
        qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert "Cancelled" in dialog.status.text() and not dialog.running
    coordinator.runner.wait(WAIT)
    assert not (tmp_path / "r.pdf").exists() and list(tmp_path.glob(".r.pdf.*")) == []
    assert len(coordinator.services.audit.log()) == before and opened == []


def test_an_auditor_exports_from_a_read_only_workspace_without_signing_in(
    qtbot, sample: Sample, runner: TaskRunner, tmp_path: Path, opened: list[Path]
) -> None:
    workspace = open_workspace(sample.path, read_only=True)
    context = make_context(build(workspace, None), runner)
    try:
        dialog = open_dialog(qtbot, context, preselected_exchange="R3-0627")
        choose(dialog.kind, "discrepancies")
        exported = export(qtbot, dialog, tmp_path / "d.pdf")
        assert not exported.noted and (tmp_path / "d.pdf").is_file()
    finally:
        runner.wait(WAIT)
        workspace.close()
