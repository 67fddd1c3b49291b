"""The editor's tabs, in the order an examination runs."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
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

translate = QCoreApplication.translate


def build_tabs(context: EditorContext, undo: UndoActions, tabs: QTabWidget) -> list[CaseTab]:
    """Every tab, added to ``tabs``; Ctrl+1 … Ctrl+9 follow this order."""
    pages: list[tuple[CaseTab, str]] = [
        (FindingsTab(context, undo), translate("CaseEditorTabs", "Findings")),
        (ChecklistTab(context, undo), translate("CaseEditorTabs", "Checklist")),
        (DocumentsTab(context, undo), translate("CaseEditorTabs", "Documents")),
        (EffectsTab(context, undo), translate("CaseEditorTabs", "Effects")),
        (PhotosTab(context, undo), translate("CaseEditorTabs", "Photos")),
        (SamplesTab(context), translate("CaseEditorTabs", "Samples")),
        (IdentificationTab(context, undo), translate("CaseEditorTabs", "Identification")),
        (CustodyTab(context), translate("CaseEditorTabs", "Custody")),
        (HistoryTab(context), translate("CaseEditorTabs", "History")),
    ]
    for page, title in pages:
        tabs.addTab(page, title)
    return [page for page, _title in pages]
