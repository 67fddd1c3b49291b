"""Adding a found document by typing its MRZ in the editor: checks shown live, fields filled."""

from __future__ import annotations

from PySide6.QtCore import Qt

from forensiclog.ui.case_editor.documents_tab import DocumentsTab
from tests.ui.editor_fixtures import after_write, open_editor
from tests.ui.test_case_editor_mrz import TD3

__all__ = ["open_editor"]


def documents_tab(window) -> DocumentsTab:
    tab = next(p for p in window.pages if isinstance(p, DocumentsTab))
    window.tabs.setCurrentWidget(tab)
    return tab


def type_zone(qtbot, editor, lines) -> None:
    editor.setFocus()
    for number, line in enumerate(lines):
        if number:
            qtbot.keyClick(editor, Qt.Key.Key_Return)
        qtbot.keyClicks(editor, line)


def check_states(form) -> dict[str, str]:
    return {
        code: label.property("check_state")
        for code, label in form.mrz.check_labels.items()
        if not label.isHidden()
    }


def test_typing_the_specimen_passport_shows_every_check_valid_and_fills_the_form(
    qtbot, open_editor, sample
):
    window = open_editor("taras", sample.registered[3])
    form = documents_tab(window).form
    assert form.is_new
    type_zone(qtbot, form.mrz.editor, TD3[:1])
    assert set(check_states(form).values()) == {"pending"}
    type_zone(qtbot, form.mrz.editor, ["", TD3[1][:10]])
    assert check_states(form)["document_number"] == "valid"
    assert check_states(form)["birth_date"] == "pending"
    qtbot.keyClicks(form.mrz.editor, TD3[1][10:])
    assert check_states(form) == dict.fromkeys(
        ("document_number", "birth_date", "expiry_date", "personal_number", "composite"), "valid"
    )
    values = form.fields.values()
    assert values["number"] == "L898902C3"
    assert (values["surname"], values["given_names"]) == ("ERIKSSON", "ANNA MARIA")
    assert (values["birth_date"], values["expiry_date"]) == ("1974-08-12", "2012-04-15")
    assert (values["sex"], values["country"], values["personal_number"]) == (
        "F",
        "UTO",
        "ZE184226B",
    )
    assert form.accept_invalid.isHidden()
    assert form.save_button.isEnabled()


def test_a_document_added_by_mrz_is_stored_checked(qtbot, open_editor, sample):
    window = open_editor("taras", sample.registered[3])
    tab = documents_tab(window)
    before = len(window.context.record.documents)
    type_zone(qtbot, tab.form.mrz.editor, TD3)
    tab.form.fields.widgets["found_at"].setText("left breast pocket")
    after_write(qtbot, window, tab.form.save_button.click)
    documents = window.context.record.documents
    assert len(documents) == before + 1
    added = documents[-1]
    assert (added.number, added.country, added.mrz_valid) == ("L898902C3", "UTO", True)
    assert added.found_at == "left breast pocket"
    assert tab.form.document is not None and tab.form.document.id == added.id
    assert not tab.has_unsaved()
    assert window.context.services.audit.log(case=sample.registered[3])[-1].action == "document.add"


def test_one_changed_digit_marks_its_field_invalid_and_keeps_it_out_of_the_form(
    qtbot, open_editor, sample
):
    window = open_editor("taras", sample.registered[3])
    form = documents_tab(window).form
    damaged = TD3[1][:13] + "7408132" + TD3[1][20:]  # the day of birth mistyped
    type_zone(qtbot, form.mrz.editor, [TD3[0], damaged])
    states = check_states(form)
    assert states["birth_date"] == "invalid"
    assert states["document_number"] == states["expiry_date"] == "valid"
    assert "line 2, position 20" in form.mrz.check_labels["birth_date"].text()
    assert form.fields.values()["birth_date"] == ""  # a failed check fills nothing
    assert form.fields.values()["number"] == "L898902C3"
    assert not form.accept_invalid.isHidden()
    assert not form.save_button.isEnabled()
    form.accept_invalid.setChecked(True)
    assert form.save_button.isEnabled()
    after_write(qtbot, window, form.save_button.click)
    stored = window.context.record.documents[-1]
    assert stored.mrz_valid is False
    assert "birth_date" in stored.mrz_failures


def test_a_character_outside_the_zone_is_named_and_blocks_saving(qtbot, open_editor, sample):
    window = open_editor("taras", sample.registered[3])
    form = documents_tab(window).form
    form.mrz.set_text("P<UTOERIKSSON<<ÄNNA")
    assert "position 16" in form.mrz.problem.text()
    assert not form.mrz.problem.isHidden()
    assert not form.save_button.isEnabled()


def test_a_typed_field_that_disagrees_is_kept_and_warned_about(qtbot, open_editor, sample):
    window = open_editor("taras", sample.registered[3])
    form = documents_tab(window).form
    form.fields.widgets["number"].setText("L898902C4")
    form.mrz.set_text("\n".join(TD3))
    assert form.fields.values()["number"] == "L898902C4"
    assert "document number" in form.warnings.text()
    assert not form.warnings.isHidden()


def test_editing_a_document_is_undone_by_a_new_edit(qtbot, open_editor, sample):
    window = open_editor("taras", sample.foreign_case)
    tab = documents_tab(window)
    tab.table.selectRow(0)
    bag = tab.form.fields.widgets["bag"]
    assert bag.text() == "B-0042"
    bag.setText("B-0099")
    after_write(qtbot, window, tab.form.save_button.click)
    assert window.context.record.documents[0].bag == "B-0099"
    after_write(qtbot, window, window.undo.undo_action.trigger)
    assert window.context.record.documents[0].bag == "B-0042"
    actions = [e.action for e in window.context.services.audit.log(case=sample.foreign_case)]
    assert actions[-2:] == ["document.edit", "document.edit"]
