"""What the PyInstaller spec puts in the bundle, checked without building it."""

from __future__ import annotations

import tomllib
from pathlib import Path
from types import ModuleType

import pytest

import forensiclog
from forensiclog.cli.parser import build_parser

ROOT = Path(__file__).resolve().parents[2]
QT = "PySide6/Qt"


@pytest.mark.parametrize(
    "destination",
    [
        f"{QT}/plugins/platforms/libqoffscreen.so",
        f"{QT}/plugins/platforms/libqxcb.so",
        f"{QT}/plugins/platforms/libqwayland.so",
        f"{QT}/plugins/wayland-shell-integration/libxdg-shell.so",
        f"{QT}/plugins/wayland-decoration-client/libadwaita.so",
        f"{QT}/plugins/imageformats/libqjpeg.so",
        f"{QT}/plugins/platforminputcontexts/libcomposeplatforminputcontextplugin.so",
        f"{QT}/lib/libQt6Core.so.6",
        f"{QT}/lib/libQt6Widgets.so.6",
        f"{QT}/lib/libQt6XcbQpa.so.6",
        f"{QT}/lib/libicudata.so.73",
        f"{QT}/translations/qtbase_uk.qm",
        "PySide6/plugins/platforms/qwindows.dll",
        "PySide6/Qt6Gui.dll",
        "PySide6/QtWidgets.abi3.so",
        "PIL/_imaging.cpython-311-x86_64-linux-gnu.so",
        "libpython3.11.so.1.0",
    ],
)
def test_the_qt_files_the_application_uses_are_kept(contents: ModuleType, destination: str) -> None:
    assert contents.keep_qt_file(destination)


@pytest.mark.parametrize(
    "destination",
    [
        f"{QT}/plugins/platforminputcontexts/libqtvirtualkeyboardplugin.so",
        f"{QT}/plugins/platformthemes/libqgtk3.so",
        f"{QT}/plugins/platforms/libqeglfs.so",
        f"{QT}/plugins/platforms/libqvnc.so",
        f"{QT}/plugins/imageformats/libqpdf.so",
        f"{QT}/plugins/sqldrivers/libqsqlite.so",
        f"{QT}/plugins/tls/libqopensslbackend.so",
        f"{QT}/plugins/qmltooling/libqmldbg_tcp.so",
        f"{QT}/lib/libQt6Quick.so.6",
        f"{QT}/lib/libQt6Qml.so.6",
        f"{QT}/lib/libQt6Network.so.6",
        f"{QT}/lib/libQt6WebEngineCore.so.6",
        f"{QT}/qml/QtQuick/Controls/qmldir",
        f"{QT}/translations/qtbase_de.qm",
        f"{QT}/translations/qt_uk.qm",
        f"{QT}/translations/qt_help_uk.qm",
        "PySide6/Qt6Quick.dll",
        "PySide6/plugins/imageformats/qtiff.dll",
    ],
)
def test_qt_files_it_does_not_use_are_left_out(contents: ModuleType, destination: str) -> None:
    assert not contents.keep_qt_file(destination)


def test_hook_pairs_are_filtered_by_file_name_and_folder(contents: ModuleType) -> None:
    plugins = "/site/PySide6/Qt/plugins"
    pairs = [
        (f"{plugins}/platforms/libqxcb.so", f"{QT}/plugins/platforms"),
        (f"{plugins}/platforms/libqvnc.so", f"{QT}/plugins/platforms"),
        ("/site/PySide6/Qt/translations/qtbase_uk.qm", f"{QT}/translations"),
        ("/site/PySide6/Qt/translations/qtbase_fr.qm", f"{QT}/translations"),
    ]
    kept = contents.keep_collected(pairs)
    assert [Path(src).name for src, _ in kept] == ["libqxcb.so", "qtbase_uk.qm"]


def test_every_command_handler_module_is_collected(contents: ModuleType) -> None:
    modules = contents.handler_modules()
    assert "forensiclog.cli.workspace_commands" in modules
    assert "forensiclog.cli.demo_commands" in modules
    assert "forensiclog.cli.report_commands" in modules
    assert "forensiclog.cli.casefile_commands" in modules
    assert all(m.startswith("forensiclog.cli.") for m in modules)
    # gui and open are started by forensiclog.main; their handler is never imported
    assert "forensiclog.cli.app" not in modules
    exchange_add = build_parser().parse_args(
        ["exchange", "add", "R1", "--date", "x", "--declared", "1"]
    )
    assert exchange_add.handler.partition(":")[0] in modules


def test_split_present_names_modules_that_do_not_exist(contents: ModuleType) -> None:
    present, missing = contents.split_present(["forensiclog.paths", "forensiclog.cli.no_such"])
    assert present == ["forensiclog.paths"]
    assert missing == ["forensiclog.cli.no_such"]


def test_the_files_read_at_run_time_are_data(contents: ModuleType) -> None:
    pairs = dict(
        (Path(src).relative_to(ROOT).as_posix(), dest) for src, dest in contents.data_files()
    )
    assert pairs["resources/fonts/DejaVuSans.ttf"] == "resources/fonts"
    assert pairs["seeds/demo_scenario.json"] == "seeds"
    assert pairs["forensiclog/db/migrations/env.py"] == "forensiclog/db/migrations"
    assert pairs["forensiclog/db/migrations/versions/0001_initial_schema.py"] == (
        "forensiclog/db/migrations/versions"
    )
    assert not [p for p in pairs if "__pycache__" in p or p.endswith((".pyc", ".ts"))]


def test_the_bundle_is_named_and_versioned_as_the_package(contents: ModuleType) -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert contents.project() == (project["name"], project["version"])
    # --version prints forensiclog.__version__; the installer and the archive use pyproject's
    assert forensiclog.__version__ == project["version"]
