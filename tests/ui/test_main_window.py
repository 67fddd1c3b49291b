"""The main window: signed-in user shown, case list loaded lazily, search, role-based actions."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from forensiclog.ui.case_list_model import ROW_ROLE
from forensiclog.ui.main_window import MainWindow
from tests.ui.conftest import make_context, signed_in, type_text


def open_window(qtbot, context, editor_opener=None) -> MainWindow:
    window = MainWindow(context, editor_opener=editor_opener)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.cases.list_loaded, timeout=10_000):
        window.show()
        window.refresh()
    return window


def test_the_signed_in_user_and_role_are_shown(qtbot, examiner):
    window = open_window(qtbot, examiner)
    assert "taras" in window.user_label.text()
    assert "Examiner" in window.user_label.text()
    assert window.statusBar().isVisible()


def test_the_list_shows_every_case_with_its_columns(qtbot, examiner, sample):
    window = open_window(qtbot, examiner)
    model = window.cases.model
    assert model.rowCount() == 95
    assert window.cases.count_label.text() == "95 cases"
    first = model.index(0, 0).data(ROW_ROLE)
    assert first.case_number == "KYV-T2-00001"
    foreign_row = model.row_of(sample.foreign_case)
    assert model.index(foreign_row, 2).data() == "Foreign national"
    assert model.index(foreign_row, 3).data() == "Foreign"
    assert model.index(foreign_row, 4).data() == "1"


def test_filters_narrow_the_list_in_sql(qtbot, examiner):
    window = open_window(qtbot, examiner)
    combo = window.cases.nationality_filter
    with qtbot.waitSignal(window.cases.list_loaded, timeout=10_000) as blocker:
        combo.setCurrentIndex(combo.findData("foreign"))
    assert blocker.args == [1]
    with qtbot.waitSignal(window.cases.list_loaded, timeout=10_000) as blocker:
        window.exchanges.choose("R3-0627")
    assert window.cases.exchange_filter.currentData() == "R3-0627"
    assert blocker.args == [0]


def test_choosing_an_exchange_filters_and_shows_its_counts(qtbot, examiner):
    window = open_window(qtbot, examiner)
    qtbot.waitUntil(lambda: window.exchanges.model.rowCount() == 3, timeout=10_000)
    with qtbot.waitSignal(window.cases.list_loaded, timeout=10_000) as blocker:
        window.exchanges.choose("R3-0627")
    assert blocker.args == [30]
    assert window.exchanges.details.title() == "R3-0627"


def test_sorting_by_a_column_reads_the_list_again_in_that_order(qtbot, examiner):
    window = open_window(qtbot, examiner)
    with qtbot.waitSignal(window.cases.list_loaded, timeout=10_000):
        window.cases.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    assert window.cases.model.index(0, 0).data() == "KYV-T2-00095"


@pytest.mark.parametrize(
    ("typed", "expected"),
    [("Ivanov", "KYV-T2-00002"), ("Гнатюк", "KYV-T2-00004"), ("hnatiuk", "KYV-T2-00004")],
)
def test_search_finds_names_in_either_script(qtbot, examiner, typed, expected):
    window = open_window(qtbot, examiner)
    with qtbot.waitSignal(window.cases.search_done, timeout=10_000):
        type_text(window.cases.search, typed)
    numbers = [window.cases.model.index(r, 0).data() for r in range(window.cases.model.rowCount())]
    assert expected in numbers
    assert window.cases.count_label.text().endswith("found")


def test_clearing_the_search_brings_back_the_whole_list(qtbot, examiner):
    window = open_window(qtbot, examiner)
    with qtbot.waitSignal(window.cases.search_done, timeout=10_000):
        qtbot.keyClicks(window.cases.search, "KYV-T2-00004")
    with qtbot.waitSignal(window.cases.list_loaded, timeout=10_000):
        window.cases.search.clear()
    assert window.cases.model.rowCount() == 95


def test_selecting_a_case_shows_its_summary(qtbot, examiner, sample):
    window = open_window(qtbot, examiner)
    row = window.cases.model.row_of(sample.foreign_case)
    with qtbot.waitSignal(window.summary.shown, timeout=10_000):
        window.cases.table.selectRow(row)
    assert window.summary.number.text() == sample.foreign_case
    shown = " ".join(
        window.summary.fields.itemAt(i).widget().text()
        for i in range(window.summary.fields.count())
        if window.summary.fields.itemAt(i).widget() is not None
    )
    assert "4619 123456" in shown
    assert "Russian internal passport" in shown


def test_enter_on_a_case_opens_it_in_the_editor(qtbot, examiner):
    opened: list[str] = []

    def opener(services, number, parent, runner=None):
        opened.append(number)
        from PySide6.QtWidgets import QWidget

        widget = QWidget()
        qtbot.addWidget(widget)
        return widget

    window = open_window(qtbot, examiner, editor_opener=opener)
    window.cases.table.setFocus()
    window.cases.table.selectRow(3)
    qtbot.keyClick(window.cases.table, Qt.Key.Key_Return)
    assert opened == ["KYV-T2-00004"]


def test_an_auditor_is_not_offered_registration(qtbot, sample, runner):
    context = make_context(signed_in(sample.path, "iryna"), runner)
    window = open_window(qtbot, context)
    assert not window.register_action.isVisible()
    window.start_registering()
    assert window.register_dialog is None
    context.services.workspace.close()


def test_an_examiner_is_offered_registration(qtbot, examiner):
    window = open_window(qtbot, examiner)
    assert window.register_action.isVisible()
    assert window.register_action.shortcut().toString() == "Ctrl+N"
