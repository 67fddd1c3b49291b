"""The case editor in Ukrainian: complete catalogues, three plural forms, translated tabs."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication

from forensiclog.ui.translators import LanguageSwitch, translations_folder
from tests.ui.editor_fixtures import open_editor

__all__ = ["open_editor"]

UI = Path(__file__).resolve().parents[2] / "forensiclog" / "ui"
# Each catalogue and the sources whose strings it holds (the Makefile's translations target).
CATALOGUES = {
    "forensiclog_editor_uk.ts": [
        *sorted((UI / "case_editor").glob("*.py")),
        *sorted((UI / "photos").glob("*.py")),
    ],
    "forensiclog_uk.ts": [UI.parent / "app.py", *sorted(UI.glob("*.py"))],
}
built = pytest.mark.skipif(
    not (translations_folder() / "forensiclog_editor_uk.qm").is_file(),
    reason="the catalogues are built by `make translations`",
)


def messages(path: Path) -> dict[tuple[str, str], ET.Element]:
    found = {}
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            found[(name, message.findtext("source") or "")] = message
    return found


@pytest.mark.parametrize("catalogue", sorted(CATALOGUES))
def test_every_string_is_translated(catalogue):
    for key, message in messages(translations_folder() / catalogue).items():
        translation = message.find("translation")
        assert translation is not None and translation.get("type") is None, key
        if message.get("numerus") == "yes":
            forms = [form.text for form in translation.iter("numerusform")]
            assert len(forms) == 3 and all(forms), key
        else:
            assert translation.text, key


@pytest.mark.parametrize("catalogue", sorted(CATALOGUES))
def test_the_catalogue_holds_every_string_in_the_code(tmp_path, catalogue):
    lupdate = Path(sys.executable).with_name("pyside6-lupdate")
    if not lupdate.exists():
        lupdate = Path(shutil.which("pyside6-lupdate") or "missing")
    if not lupdate.exists():
        pytest.skip("pyside6-lupdate is not installed")
    fresh = tmp_path / "fresh.ts"
    subprocess.run(
        [str(lupdate), *map(str, CATALOGUES[catalogue]), "-ts", str(fresh)],
        check=True,
        capture_output=True,
    )
    assert set(messages(fresh)) <= set(messages(translations_folder() / catalogue))


@pytest.fixture
def ukrainian(qapp) -> Iterator[LanguageSwitch]:
    switch = LanguageSwitch()
    assert "forensiclog_editor" not in switch.apply("uk")
    yield switch
    switch.remove()


@built
@pytest.mark.parametrize(
    ("count", "expected"),
    [(1, "1 файл відхилено"), (3, "3 файли відхилено"), (5, "5 файлів відхилено"),
     (21, "21 файл відхилено"), (12, "12 файлів відхилено")],
)  # fmt: skip
def test_refused_files_take_the_three_ukrainian_plural_forms(ukrainian, count, expected):
    text = QCoreApplication.translate(
        "ImportReport", "%n file(s) refused — listed below with the reason.", None, count
    )
    assert text.startswith(expected)


@built
def test_the_editor_speaks_ukrainian(qtbot, ukrainian, open_editor, sample):
    window = open_editor("taras", sample.foreign_case)
    tabs = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    assert tabs[:3] == ["Огляд", "Дослідження", "Документи"]
    assert window.header.status.text() == "Іноземний громадянин"
    assert window.windowTitle() == f"Справа {sample.foreign_case} — ForensicLog"
