"""Ukrainian first-class: our catalogue and Qt's own, plural forms, switching at once."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialogButtonBox

from forensiclog.ui.app_settings import AppSettings
from forensiclog.ui.translators import PSEUDO_ENV, LanguageSwitch, translations_folder
from tests.ui.conftest import make_context, signed_in

pytestmark = pytest.mark.skipif(
    not (translations_folder() / "forensiclog_uk.qm").is_file(),
    reason="the catalogues are built by `make translations`",
)


@pytest.fixture
def ukrainian(qapp) -> Iterator[LanguageSwitch]:
    switch = LanguageSwitch()
    missing = switch.apply("uk")
    assert "forensiclog" not in missing and "qtbase" not in missing
    yield switch
    switch.remove()


@pytest.mark.parametrize(
    ("count", "expected"),
    [(1, "1 справа"), (2, "2 справи"), (4, "4 справи"), (5, "5 справ"), (11, "11 справ"),
     (21, "21 справа"), (22, "22 справи"), (25, "25 справ"), (111, "111 справ")],
)  # fmt: skip
def test_ukrainian_has_three_plural_forms(ukrainian, count, expected):
    assert QCoreApplication.translate("CaseListPanel", "%n case(s)", None, count) == expected


@pytest.mark.parametrize(
    ("pages", "expected"), [(1, "1 сторінка."), (3, "3 сторінки."), (12, "12 сторінок.")]
)
def test_a_saved_report_counts_its_pages_in_ukrainian(ukrainian, pages, expected):
    source = "Saved %1 — %n page(s).\nSHA-256: %2"
    text = QCoreApplication.translate("ReportExportDialog", source, None, pages)
    assert text.startswith(f"Збережено %1 — {expected}\nSHA-256: %2")


def test_qt_own_buttons_are_ukrainian_too(qtbot, ukrainian):
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(box)
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text() == "Скасувати"


def test_the_main_window_speaks_ukrainian(qtbot, ukrainian, sample, runner):
    from tests.ui.test_main_window import open_window

    context = make_context(signed_in(sample.path, "taras"), runner)
    window = open_window(qtbot, context)
    assert [a.text() for a in window.menuBar().actions()] == ["&Файл", "&Справи", "&Довідка"]
    assert window.user_label.text() == "Користувач: taras (Експерт)"
    assert window.cases.count_label.text() == "95 справ"
    model = window.cases.model
    assert model.headerData(0, model_orientation()) == "Номер справи"
    row = model.row_of(sample.foreign_case)
    assert model.index(row, 2).data() == "Іноземний громадянин"
    context.services.workspace.close()


def model_orientation():
    from PySide6.QtCore import Qt

    return Qt.Orientation.Horizontal


def test_switching_language_rebuilds_the_window_at_once(qtbot, sample, runner, monkeypatch):
    from forensiclog.app import Shell

    monkeypatch.setattr("forensiclog.ui.crash_handler.CrashHandler.install", lambda self: None)
    AppSettings().language = "en"
    shell = Shell(QCoreApplication.instance())
    shell.runner = runner
    shell.languages.apply("en")
    first = shell._show_window(signed_in(sample.path, "taras"))
    qtbot.addWidget(first)
    assert first.menuBar().actions()[0].text() == "&File"
    shell.settings.language = "uk"
    shell.change_language("uk")
    second = shell.window
    assert second is not first and second is not None
    qtbot.addWidget(second)
    assert second.menuBar().actions()[0].text() == "&Файл"
    assert not first.isVisible()
    shell.languages.remove()
    second.close()
    second.context.services.workspace.close()


def test_a_window_with_typed_values_keeps_its_language_until_restart(
    qtbot, sample, runner, monkeypatch
):
    from forensiclog.app import Shell

    told: list[str] = []
    monkeypatch.setattr("forensiclog.ui.crash_handler.CrashHandler.install", lambda self: None)
    monkeypatch.setattr(
        "PySide6.QtWidgets.QMessageBox.information", lambda parent, title, text: told.append(text)
    )
    AppSettings().language = "en"
    shell = Shell(QCoreApplication.instance())
    shell.runner = runner
    shell.languages.apply("en")
    window = shell._show_window(signed_in(sample.path, "taras"))
    qtbot.addWidget(window)
    window.start_registering()
    window.register_dialog.tag.setText("0042")
    shell.change_language("uk")
    assert shell.window is window
    assert told
    shell.languages.remove()
    window.register_dialog.tag.clear()
    window.close()
    window.context.services.workspace.close()


def test_the_pseudo_translation_stretches_every_string(qapp, monkeypatch):
    monkeypatch.setenv(PSEUDO_ENV, "1")
    switch = LanguageSwitch()
    switch.apply("uk")
    try:
        text = QCoreApplication.translate("MainWindow", "&File")
        assert text.startswith("[&File") and text.endswith("]") and len(text) > len("&File") + 2
    finally:
        switch.remove()
