"""Screenshots of the case editor's documents and photos tabs, for ``make screenshots``."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEventLoop, QTimer, SignalInstance
from PySide6.QtWidgets import QMessageBox

from forensiclog.services.build import Services
from forensiclog.ui.case_editor.documents_tab import DocumentsTab
from forensiclog.ui.case_editor.editor_window import CaseEditorWindow
from forensiclog.ui.photos.photos_tab import PhotosTab
from forensiclog.ui.tasks import TaskRunner
from forensiclog.ui.translators import LanguageSwitch

SIZE = (1366, 768)


def _wait(signal: SignalInstance | None = None, timeout_ms: int = 10_000) -> None:
    """Run the event loop until ``signal`` fires, or for ``timeout_ms`` without one."""
    loop = QEventLoop()
    if signal is not None:
        signal.connect(loop.quit)
    QTimer.singleShot(timeout_ms, loop.quit)
    loop.exec()
    if signal is not None:
        signal.disconnect(loop.quit)


def _until_idle(runner: TaskRunner) -> None:
    if runner.busy:
        _wait(runner.busy_changed, 20_000)


def save_editor_screenshots(
    services: Services,
    case_number: str,
    folder: Path,
    language: str = "en",
    *,
    runner: TaskRunner | None = None,
    size: tuple[int, int] = SIZE,
) -> list[Path]:
    """PNGs of the documents tab and the photos tab of ``case_number`` in ``language``."""
    switch = LanguageSwitch()
    switch.apply(language)
    runner = runner or TaskRunner()
    window = CaseEditorWindow(services, case_number, runner)
    window.ask_unsaved = lambda *_args: QMessageBox.StandardButton.Discard
    window.resize(*size)
    window.show()
    _wait(window.context.case_loaded)
    _until_idle(runner)
    folder.mkdir(parents=True, exist_ok=True)
    shots = [
        _documents_shot(window, folder / f"case-editor-documents-{language}.png"),
        _photos_shot(window, folder / f"case-editor-photos-{language}.png"),
    ]
    window.close()
    switch.remove()
    return shots


def _documents_shot(window: CaseEditorWindow, out: Path) -> Path:
    tab = next(p for p in window.pages if isinstance(p, DocumentsTab))
    window.tabs.setCurrentWidget(tab)
    documents = tab.model.records
    with_zone = [row for row, d in enumerate(documents) if d.mrz]
    if documents:
        tab.table.selectRow(with_zone[0] if with_zone else 0)
    _wait(timeout_ms=300)
    window.grab().save(str(out))
    return out


def _photos_shot(window: CaseEditorWindow, out: Path) -> Path:
    tab = next(p for p in window.pages if isinstance(p, PhotosTab))
    window.tabs.setCurrentWidget(tab)
    if tab.model.rowCount():
        tab.grid.setCurrentIndex(tab.model.index(0, 0))
    _wait(timeout_ms=200)  # the grid paints, and asks for the thumbnails it shows
    while tab.loader.pending:
        _wait(tab.loader.thumbnail_loaded, 5_000)
    _wait(timeout_ms=200)
    window.grab().save(str(out))
    return out
