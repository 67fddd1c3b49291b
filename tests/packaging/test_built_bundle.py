"""The built bundle in ``dist/forensiclog`` (``make package``): what it holds and its size.
Skipped when nothing is built; ``make smoke`` runs the program itself."""

from __future__ import annotations

import sys
from pathlib import Path
from types import ModuleType

import pytest

from forensiclog import crash_log

ROOT = Path(__file__).resolve().parents[2]
BUNDLE = ROOT / "dist" / "forensiclog"
INTERNAL = BUNDLE / "_internal"
LIMIT = 200_000_000  # issue 7: at most 200 MB unpacked

built = pytest.mark.skipif(
    not (INTERNAL.is_dir() and sys.platform.startswith("linux")),
    reason="no Linux bundle in dist/forensiclog (make package)",
)


@built
def test_the_bundle_is_within_its_size(contents: ModuleType) -> None:
    assert contents.folder_size(BUNDLE) <= LIMIT


@built
@pytest.mark.parametrize(
    "needed",
    [
        "forensiclog",
        "_internal/resources/fonts/DejaVuSans.ttf",
        "_internal/resources/fonts/LICENSE-DejaVu.txt",
        "_internal/resources/icons/forensiclog.png",
        "_internal/seeds/demo_scenario.json",
        "_internal/forensiclog/db/migrations/env.py",
        "_internal/forensiclog/db/migrations/versions/0001_initial_schema.py",
        "_internal/PySide6/Qt/translations/qtbase_uk.qm",
        "_internal/PySide6/Qt/plugins/platforms/libqoffscreen.so",
        "_internal/PySide6/Qt/plugins/platforms/libqxcb.so",
        "_internal/PySide6/Qt/plugins/platforms/libqwayland.so",
        "_internal/PySide6/Qt/plugins/imageformats/libqjpeg.so",
    ],
)
def test_the_bundle_holds_what_the_program_reads(needed: str) -> None:
    assert (BUNDLE / needed).is_file()


@built
def test_every_translation_catalogue_is_bundled() -> None:
    sources = sorted((ROOT / "resources" / "translations").glob("*.ts"))
    bundled = INTERNAL / "resources" / "translations"
    if any(ts.stat().st_mtime > BUNDLE.stat().st_mtime for ts in sources):
        pytest.skip("a catalogue changed after the bundle was built (make package)")
    assert [ts.stem for ts in sources if not (bundled / f"{ts.stem}.qm").is_file()] == []


@built
@pytest.mark.parametrize(
    "pattern",
    [
        "libQt6Quick*",
        "libQt6Qml*",
        "libQt6WebEngine*",
        "libqgtk3*",
        "libgtk-3*",
        "*_avif*",
        "pillow_heif*",
        "libx265*",
        "libheif*",
    ],
)
def test_the_bundle_leaves_out_what_is_not_used(pattern: str) -> None:
    assert [p.name for p in INTERNAL.rglob(pattern)] == []


@built
def test_no_link_in_the_bundle_points_nowhere() -> None:
    assert [p for p in BUNDLE.rglob("*") if p.is_symlink() and not p.exists()] == []


def test_the_smoke_test_looks_for_the_log_where_the_program_writes_it(
    smoke_module: ModuleType, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    program = smoke_module.Program(tmp_path / "forensiclog", tmp_path / "home")
    for name, value in program.env.items():
        monkeypatch.setenv(name, value)
    assert program.log_file() == crash_log.log_file()


def test_a_command_missing_from_the_bundle_is_a_skip_only_while_the_source_lacks_it_too(
    smoke_module: ModuleType, tmp_path: Path
) -> None:
    program = smoke_module.Program(tmp_path / "forensiclog", tmp_path / "home")
    log = program.log_file()
    log.parent.mkdir(parents=True)
    log.write_text(
        "ModuleNotFoundError: No module named 'forensiclog.cli.not_written_yet'\n"
        "ModuleNotFoundError: No module named 'forensiclog.cli.demo_commands'\n",
        encoding="utf-8",
    )
    failed = smoke_module.Ran(("demo",), 1, "", "error: internal error", 0.1)
    assert program.not_built(failed, "forensiclog.cli.not_written_yet")
    with pytest.raises(smoke_module.SmokeFailure, match="the source has"):
        program.not_built(failed, "forensiclog.cli.demo_commands")
    assert not program.not_built(failed, "forensiclog.cli.report_commands")
