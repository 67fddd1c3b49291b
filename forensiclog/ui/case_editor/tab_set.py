"""The editor's tabs, in the order an examination runs."""

from __future__ import annotations

from PySide6.QtWidgets import QTabWidget

from forensiclog.ui.case_editor.case_tab import CaseTab
from forensiclog.ui.case_editor.checklist_tab import ChecklistTab
from forensiclog.ui.case_editor.custody_tab import CustodyTab
from forensiclog.ui.case_editor.documents_tab import DocumentsTab
from forensiclog.ui.case_editor.edit_commands import UndoActions
from forensiclog.ui.case_editor.editor_context import EditorContext
from forensiclog.ui.case_editor.effects_tab import EffectsTab
from forensiclog.ui.case_editor.findings_tab import FindingsTab
from forensiclog.ui.case_editor.history_tab import HistoryTab
from forensiclog.ui.case_editor.identification_tab import IdentificationTab
from forensiclog.ui.case_editor.samples_tab import SamplesTab
from forensiclog.ui.photos.photos_tab import PhotosTab


def build_tabs(context: EditorContext, undo: UndoActions, tabs: QTabWidget) -> list[CaseTab]:
    """Every tab, added to ``tabs``; Ctrl+1 … Ctrl+9 follow this order."""
    pages: list[tuple[CaseTab, str]] = [
        (FindingsTab(context, undo), tabs.tr("Findings")),
        (ChecklistTab(context, undo), tabs.tr("Checklist")),
        (DocumentsTab(context, undo), tabs.tr("Documents")),
        (EffectsTab(context, undo), tabs.tr("Effects")),
        (PhotosTab(context, undo), tabs.tr("Photos")),
        (SamplesTab(context), tabs.tr("Samples")),
        (IdentificationTab(context, undo), tabs.tr("Identification")),
        (CustodyTab(context), tabs.tr("Custody")),
        (HistoryTab(context), tabs.tr("History")),
    ]
    for page, title in pages:
        tabs.addTab(page, title)
    return [page for page, _title in pages]
