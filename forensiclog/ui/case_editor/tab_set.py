"""The editor's tabs, in the order an examination runs."""

from __future__ import annotations

from PySide6.QtWidgets import QTabWidget

from forensiclog.ui.case_editor.case_tab import CaseTab
from forensiclog.ui.case_editor.documents_tab import DocumentsTab
from forensiclog.ui.case_editor.edit_commands import UndoActions
from forensiclog.ui.case_editor.editor_context import EditorContext
from forensiclog.ui.case_editor.findings_tab import FindingsTab
from forensiclog.ui.photos.photos_tab import PhotosTab


def build_tabs(context: EditorContext, undo: UndoActions, tabs: QTabWidget) -> list[CaseTab]:
    pages: list[tuple[CaseTab, str]] = [
        (FindingsTab(context, undo), tabs.tr("Findings")),
        (DocumentsTab(context, undo), tabs.tr("Documents")),
        (PhotosTab(context, undo), tabs.tr("Photos")),
    ]
    for page, title in pages:
        tabs.addTab(page, title)
    return [page for page, _title in pages]
