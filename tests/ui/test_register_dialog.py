"""Registering bodies from the keyboard alone, as an examiner (or a scanner) does."""

from __future__ import annotations

from PySide6.QtCore import Qt

from forensiclog.services.case_list import CaseFilter
from forensiclog.ui.main_window import MainWindow


def open_form(qtbot, context):
    window = MainWindow(context, editor_opener=None)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.exchanges.model.modelReset, timeout=10_000):
        window.show()
        window.refresh()
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = window.register_dialog
    assert dialog is not None and dialog.isVisible()
    return window, dialog


def test_five_bodies_registered_from_the_keyboard_alone(qtbot, examiner):
    _window, form = open_form(qtbot, examiner)
    assert form.exchange.currentText() == "R3-0627"  # the newest exchange by default
    form.exchange.setCurrentIndex(form.exchange.findText("R2-0613"))
    form.tag.setFocus()
    registered: list[str] = []
    form.case_registered.connect(lambda number, checked_in: registered.append(number))
    for n in range(5):
        assert form.focusWidget() is form.tag
        qtbot.keyClicks(form.tag, f"NEW-{n}")
        qtbot.keyClick(form.focusWidget(), Qt.Key.Key_Tab)
        assert form.focusWidget() is form.condition
        qtbot.keyClick(form.condition, Qt.Key.Key_Down)  # complete
        qtbot.keyClick(form.condition, Qt.Key.Key_Down)  # incomplete
        qtbot.keyClick(form.focusWidget(), Qt.Key.Key_Tab)
        assert form.focusWidget() is form.location
        qtbot.keyClicks(form.location, f"Fridge 2, shelf {n}")
        qtbot.keyClick(form.focusWidget(), Qt.Key.Key_Tab)
        assert form.focusWidget() is form.sex
        qtbot.keyClick(form.sex, Qt.Key.Key_Down)  # male
        with qtbot.waitSignal(form.case_registered, timeout=10_000):
            qtbot.keyClick(form.focusWidget(), Qt.Key.Key_Return)
        assert form.tag.text() == ""
    assert len(registered) == 5
    assert form.last_number.text() == registered[-1]
    assert form.recent.count() == 5
    rows = examiner.services.case_list.page(CaseFilter(exchange="R2-0613"), limit=1000)
    new = {r.tag: r for r in rows if r.tag and r.tag.startswith("NEW-")}
    assert sorted(new) == [f"NEW-{n}" for n in range(5)]
    assert {r.condition for r in new.values()} == {"incomplete"}
    record = examiner.services.cases.show(new["NEW-3"].case_number, with_history=False)
    assert record.location == "Fridge 2, shelf 3"
    assert record.sex == "M"


def test_a_scanned_handover_tag_checks_its_case_in(qtbot, examiner):
    _window, form = open_form(qtbot, examiner)
    form.exchange.setCurrentIndex(form.exchange.findText("R3-0627"))
    form.tag.setFocus()
    with qtbot.waitSignal(form.case_registered, timeout=10_000) as blocker:
        qtbot.keyClicks(form.tag, "5003")
        qtbot.keyClick(form.tag, Qt.Key.Key_Return)
    number, checked_in = blocker.args
    assert checked_in
    assert "checked in from the handover list" in form.last_what.text()
    assert examiner.services.cases.show(number, with_history=False).tag == "5003"


def test_a_refused_registration_gives_the_values_back_with_the_reason(qtbot, examiner):
    _window, form = open_form(qtbot, examiner)
    form.exchange.setCurrentIndex(form.exchange.findText("R2-0613"))
    form.tag.setFocus()
    qtbot.keyClicks(form.tag, "X-000")  # already on a registered case
    qtbot.keyClicks(form.location, "Fridge 9")
    with qtbot.waitSignal(form.problem_shown, timeout=10_000):
        qtbot.keyClick(form.tag, Qt.Key.Key_Return)
    assert "X-000" in form.problem.text()
    assert "already on case" in form.problem.text()
    assert form.tag.text() == "X-000"
    assert form.location.text() == "Fridge 9"


def test_closing_with_typed_values_asks_first(qtbot, examiner, boxes):
    window, form = open_form(qtbot, examiner)
    qtbot.keyClicks(form.tag, "0099")
    boxes.answer = False
    assert not form.close()
    assert boxes.questions and form.isVisible()
    assert form.tag.text() == "0099"
    assert not window.close()  # the window asks the form, and stays
    boxes.answer = True
    assert window.close()


def test_a_very_long_tag_does_not_widen_the_dialog(qtbot, examiner):
    _window, form = open_form(qtbot, examiner)
    width = form.width()
    form.exchange.setCurrentIndex(form.exchange.findText("R2-0613"))
    long_tag = "T" * 300  # a whole scanned line, no space to wrap at
    # Registered, then refused as already on that case: both repeat the tag.
    for settled in (form.case_registered, form.problem_shown):
        form.tag.setText(long_tag)
        with qtbot.waitSignal(settled, timeout=10_000):
            qtbot.keyClick(form.tag, Qt.Key.Key_Return)
        qtbot.wait(50)
        assert form.width() <= max(width, 900)
    assert "…" in form.last_what.text() and form.last_what.toolTip() == long_tag
    assert "already on case" in form.problem.text()
