"""The case editor: one window per case, with a tab for each part of the examination.

The shell opens it with ``open_case_editor(services, case_number, parent, runner=...)``, which
returns the shown ``CaseEditorWindow``. Pass the application's ``TaskRunner``, so the editor's
writes queue behind the rest of the application's on the one writer; without one, the editor
makes its own. ``save_editor_screenshots`` writes the documents and photos tabs as PNG files
for ``make screenshots``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path

    from PySide6.QtWidgets import QWidget

    from forensiclog.services.build import Services
    from forensiclog.ui.case_editor.editor_window import CaseEditorWindow
    from forensiclog.ui.tasks import TaskRunner


def open_case_editor(
    services: Services,
    case_number: str,
    parent: QWidget | None = None,
    *,
    runner: TaskRunner | None = None,
) -> CaseEditorWindow:
    """Open (show) the editor of ``case_number``; the window reads the case off the GUI thread."""
    from forensiclog.ui.case_editor.editor_window import CaseEditorWindow
    from forensiclog.ui.tasks import TaskRunner

    window = CaseEditorWindow(services, case_number, runner or TaskRunner(), parent)
    window.show()
    return window


def save_editor_screenshots(
    services: Services,
    case_number: str,
    folder: Path,
    language: str = "en",
    *,
    runner: TaskRunner | None = None,
    size: tuple[int, int] = (1366, 768),
) -> list[Path]:
    """Write the documents and photos tabs of ``case_number`` as PNGs into ``folder``."""
    from forensiclog.ui.case_editor.editor_screenshots import save_editor_screenshots as save

    return save(services, case_number, folder, language, runner=runner, size=size)
