"""The case editor on real services: statuses, the lock, undo and redo, unsaved edits, models."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from forensiclog.domain.records import ChecklistEntry, CustodyRecord
from forensiclog.ui.case_editor.checklist_tab import ChecklistTab
from forensiclog.ui.case_editor.findings_tab import FindingsTab
from forensiclog.ui.case_editor.identification_tab import IdentificationTab
from forensiclog.ui.case_editor.record_table_model import Column, RecordTableModel
from tests.ui.conftest import signed_in
from tests.ui.editor_fixtures import after_write, open_editor

__all__ = ["open_editor"]  # the fixture, used by name


def page(window, kind):
    return next(p for p in window.pages if isinstance(p, kind))


def history_actions(window) -> list[str]:
    entries = window.context.services.audit.log(case=window.context.case_number)
    return [entry.action for entry in entries]


# -- header and status moves ------------------------------------------------------------------


def test_the_header_shows_the_case_number_status_and_completeness(qtbot, open_editor, sample):
    window = open_editor("taras", sample.foreign_case)
    assert window.header.number.text() == sample.foreign_case
    assert "Foreign national" in window.header.status.text()
    assert "Identification potential" in window.header.completeness.text()
    assert window.windowTitle().startswith(f"Case {sample.foreign_case}")


def test_only_the_moves_the_workflow_accepts_are_offered(qtbot, open_editor, sample):
    # Examined, nationality not assessed: "foreign national" would be refused, so it is not offered.
    examined = sample.registered[3]
    window = open_editor("taras", examined)
    qtbot.waitUntil(lambda: bool(window.header.move_buttons), timeout=10_000)
    assert list(window.header.move_buttons) == ["sampled"]
    assert "foreign_national" not in window.header.move_buttons
    assert not window.header.correct_button.isVisible()


def test_a_move_asks_for_the_reason_and_is_recorded(qtbot, open_editor, sample):
    received = sample.registered[-1]
    window = open_editor("taras", received)
    qtbot.waitUntil(lambda: "examined" in window.header.move_buttons, timeout=10_000)
    asked: list[str] = []
    window.context.ask_reason = lambda title, question, parent: asked.append(question) or "done"
    after_write(qtbot, window, window.header.move_buttons["examined"].click)
    assert window.context.record.status == "examined"
    assert asked and received in asked[0]
    last = window.context.services.audit.log(case=received)[-1]
    assert (last.action, last.reason) == ("case.status", "done")
    qtbot.waitUntil(lambda: list(window.header.move_buttons) == ["sampled"], timeout=10_000)


def test_a_cancelled_reason_moves_nothing(qtbot, open_editor, sample):
    received = sample.registered[-1]
    window = open_editor("taras", received)
    qtbot.waitUntil(lambda: "examined" in window.header.move_buttons, timeout=10_000)
    window.context.ask_reason = lambda *_args: None
    window.header.move_buttons["examined"].click()
    assert not window.context.busy
    assert window.context.services.cases.show(received).status == "received"


def test_a_coordinator_is_offered_corrections(qtbot, open_editor, sample):
    window = open_editor("olena", sample.registered[3])
    assert window.header.correct_button.isVisible()
    targets = [action.text() for action in window.header.correct_button.menu().actions()]
    assert "Received" in targets and "Examined" not in targets


# -- the lock after confirmation ----------------------------------------------------------------


def propose_and_confirm(qtbot, sample, number: str):
    examiner = signed_in(sample.path, "taras")
    examiner.decisions.propose_identification(
        number, surname="Гнатюк", given_names="Андрій", methods=["dna"], reason="DNA match"
    )
    examiner.workspace.close()
    return number


def test_a_coordinator_confirms_and_the_case_shows_locked(qtbot, open_editor, sample):
    number = propose_and_confirm(qtbot, sample, sample.registered[3])
    window = open_editor("olena", number)
    tab = page(window, IdentificationTab)
    assert not tab.confirm_button.isHidden() and tab.confirm_button.isEnabled()
    after_write(qtbot, window, tab.confirm_button.click)
    assert window.context.record.locked
    assert "Locked" in window.header.lock.text()
    assert window.context.record.identification.state == "confirmed"
    assert "identification.confirm" in history_actions(window)


def test_an_examiner_sees_a_locked_case_read_only(qtbot, open_editor, sample):
    number = propose_and_confirm(qtbot, sample, sample.registered[3])
    coordinator = signed_in(sample.path, "olena")
    coordinator.decisions.confirm(number, reason="checked")
    coordinator.workspace.close()
    window = open_editor("taras", number)
    findings = page(window, FindingsTab)
    assert findings.fields.widgets["notes"].isReadOnly()
    assert not findings.add_mark_button.isEnabled()
    assert page(window, IdentificationTab).confirm_button.isHidden()
    assert all(not combo.isEnabled() for combo in page(window, ChecklistTab).states.values())


def test_a_coordinators_edit_of_a_locked_case_is_a_correction_with_a_reason(
    qtbot, open_editor, sample
):
    number = propose_and_confirm(qtbot, sample, sample.registered[3])
    window = open_editor("olena", number)
    after_write(qtbot, window, page(window, IdentificationTab).confirm_button.click)
    findings = page(window, FindingsTab)
    assert not findings.fields.widgets["notes"].isReadOnly()
    findings.fields.widgets["notes"].setPlainText("Corrected after review")
    asked: list[str] = []
    window.context.ask_reason = lambda title, *_rest: asked.append(title) or "typing error"
    after_write(qtbot, window, findings.save_button.click)
    assert asked == ["Correction of a locked case"]
    last = window.context.services.audit.log(case=number)[-1]
    assert (last.action, last.reason) == ("case.edit.correction", "typing error")


# -- undo and redo ------------------------------------------------------------------------------


def test_undo_and_redo_are_new_history_entries(qtbot, open_editor, sample):
    number = sample.registered[5]
    window = open_editor("taras", number)
    findings = page(window, FindingsTab)
    before = window.context.record.notes
    count = len(history_actions(window))
    findings.fields.widgets["notes"].setPlainText("Tattoo on the left forearm")
    after_write(qtbot, window, window.save_action.trigger)
    assert window.context.record.notes == "Tattoo on the left forearm"
    assert window.undo.undo_action.isEnabled()
    assert "findings" in window.undo.undo_action.text()

    after_write(qtbot, window, window.undo.undo_action.trigger)
    assert window.context.record.notes == before
    assert findings.fields.widgets["notes"].toPlainText() == (before or "")
    after_write(qtbot, window, window.undo.redo_action.trigger)
    assert window.context.record.notes == "Tattoo on the left forearm"

    entries = window.context.services.audit.log(case=number)
    assert len(entries) == count + 3
    edits = entries[-3:]
    assert [e.action for e in edits] == ["case.edit"] * 3
    assert [e.after["notes"] for e in edits] == [
        "Tattoo on the left forearm",
        before,
        "Tattoo on the left forearm",
    ]


def test_a_refused_undo_leaves_the_stack_where_it_was(qtbot, open_editor, sample):
    number = sample.registered[5]
    window = open_editor("taras", number)
    findings = page(window, FindingsTab)
    findings.fields.widgets["notes"].setPlainText("first")
    after_write(qtbot, window, findings.save_button.click)
    other = signed_in(sample.path, "taras")  # the case changes behind the editor's back
    other.decisions.propose_identification(
        number, surname="A", given_names="B", methods=["dna"], reason="r"
    )
    coordinator = signed_in(sample.path, "olena")
    coordinator.decisions.confirm(number, reason="r")
    for services in (other, coordinator):
        services.workspace.close()
    with qtbot.waitSignal(window.context.failure_shown, timeout=10_000):
        window.undo.undo_action.trigger()
    assert window.undo.stack.index() == 1
    assert "locked" in window.messages.text.text()


# -- unsaved edits ------------------------------------------------------------------------------


@pytest.fixture
def dirty_editor(qtbot, open_editor, sample):
    window = open_editor("taras", sample.registered[6])
    page(window, FindingsTab).fields.widgets["clothing"].setPlainText("Olive uniform, boots")
    return window


def answer(window, button):
    asked: list[list[str]] = []
    window.ask_unsaved = lambda parent, tabs: asked.append(tabs) or button
    return asked


def test_closing_with_unsaved_edits_asks_and_cancel_keeps_the_window(qtbot, dirty_editor):
    asked = answer(dirty_editor, QMessageBox.StandardButton.Cancel)
    assert not dirty_editor.close()
    assert asked == [["Findings"]]
    assert dirty_editor.isVisible()
    answer(dirty_editor, QMessageBox.StandardButton.Discard)
    assert dirty_editor.close()  # a window left open would outlive the test


def test_discard_closes_without_writing(qtbot, dirty_editor, sample):
    answer(dirty_editor, QMessageBox.StandardButton.Discard)
    assert dirty_editor.close()
    assert dirty_editor.context.services.cases.show(sample.registered[6]).clothing is None


def test_save_writes_then_closes(qtbot, dirty_editor, sample):
    answer(dirty_editor, QMessageBox.StandardButton.Save)
    with qtbot.waitSignal(dirty_editor.closed, timeout=10_000):
        dirty_editor.close()
    shown = dirty_editor.context.services.cases.show(sample.registered[6])
    assert shown.clothing == "Olive uniform, boots"


def test_an_edit_in_one_tab_survives_a_reload_caused_by_another(qtbot, open_editor, sample):
    window = open_editor("taras", sample.registered[6])
    notes = page(window, FindingsTab).fields.widgets["notes"]
    notes.setPlainText("typed, not saved")
    checklist = page(window, ChecklistTab)
    combo = checklist.states["dental"]
    combo.setCurrentIndex(combo.findData("done"))
    after_write(qtbot, window, lambda: combo.activated.emit(combo.currentIndex()))
    assert notes.toPlainText() == "typed, not saved"
    assert page(window, FindingsTab).has_unsaved()


# -- checklist --------------------------------------------------------------------------------


def test_not_possible_asks_why(qtbot, open_editor, sample):
    window = open_editor("taras", sample.registered[6])
    checklist = page(window, ChecklistTab)
    window.context.ask_reason = lambda *_args: "no teeth recovered"
    combo = checklist.states["dental"]
    combo.setCurrentIndex(combo.findData("not_possible"))
    after_write(qtbot, window, lambda: combo.activated.emit(combo.currentIndex()))
    entry = {e.item: e for e in window.context.record.checklist}["dental"]
    assert (entry.state, entry.reason) == ("not_possible", "no teeth recovered")
    assert checklist.reasons["dental"].text() == "no teeth recovered"


# -- custody -----------------------------------------------------------------------------------


def test_moving_the_body_is_logged_with_its_reason(qtbot, open_editor, sample):
    window = open_editor("taras", sample.registered[6])
    from forensiclog.ui.case_editor.custody_tab import CustodyTab

    custody = page(window, CustodyTab)
    custody.fields.widgets["to"].setText("Холодильник 4")
    custody.fields.widgets["reason"].setText("space needed")
    after_write(qtbot, window, custody.move_button.click)
    assert window.context.record.location == "Холодильник 4"
    assert custody.model.record(0).to_location == "Холодильник 4"


# -- models ------------------------------------------------------------------------------------


def test_the_record_table_model_passes_the_model_tester(qtmodeltester):
    model = RecordTableModel([Column("Item", lambda e: e.item), Column("State", lambda e: e.state)])
    model.set_records([ChecklistEntry("dna", "done"), ChecklistEntry("dental", "not_started")])
    qtmodeltester.check(model)
    assert model.index(1, 1).data() == "not_started"
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Item"


def test_the_editor_tables_pass_the_model_tester(qtbot, qtmodeltester, open_editor, sample):
    window = open_editor("taras", sample.foreign_case)
    from forensiclog.ui.case_editor.custody_tab import CustodyTab
    from forensiclog.ui.case_editor.documents_tab import DocumentsTab
    from forensiclog.ui.case_editor.history_tab import HistoryTab

    window.tabs.setCurrentWidget(page(window, HistoryTab))  # the history is formatted when shown
    for model in (
        page(window, HistoryTab).model,
        page(window, DocumentsTab).model,
        page(window, CustodyTab).model,
    ):
        assert model.rowCount() > 0
        qtmodeltester.check(model)
    assert isinstance(page(window, CustodyTab).model.record(0), CustodyRecord)


def test_the_history_reads_as_who_when_what(qtbot, open_editor, sample):
    window = open_editor("taras", sample.foreign_case)
    from forensiclog.ui.case_editor.history_tab import HistoryTab

    assert page(window, HistoryTab).model.rowCount() == 0  # not formatted while hidden
    window.tabs.setCurrentWidget(page(window, HistoryTab))
    model = page(window, HistoryTab).model
    newest = [model.index(0, column).data() for column in range(5)]
    assert newest[1] == "taras"
    assert newest[2] == "Status moved"
    assert newest[3] == "Russian internal passport found"
    assert newest[4] == "status: Examined → Foreign national"


def test_screenshots_of_the_documents_and_photos_tabs(qtbot, sample, runner, tmp_path):
    from PySide6.QtGui import QImage

    from forensiclog.ui.case_editor import save_editor_screenshots

    services = signed_in(sample.path, "taras")
    try:
        shots = save_editor_screenshots(
            services, sample.registered[3], tmp_path, "en", runner=runner
        )
    finally:
        runner.wait(10_000)
        services.workspace.close()
    assert [p.name for p in shots] == [
        "case-editor-documents-en.png",
        "case-editor-photos-en.png",
    ]
    for shot in shots:
        image = QImage(str(shot))
        assert (image.width(), image.height()) == (1366, 768)
