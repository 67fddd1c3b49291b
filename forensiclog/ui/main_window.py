"""The main window: exchanges on the left, the case list in the middle, the chosen case on the
right; menus, shortcuts, and the signed-in user always in the status bar.

It only assembles panels and actions: the panels read through the task runner, and what the
signed-in role may not do is not offered (``AppContext.may``).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QProgressBar,
    QSplitter,
    QWidget,
)

from forensiclog import APP_NAME, __version__
from forensiclog.domain.records import ExchangeSummary
from forensiclog.domain.roles import Action
from forensiclog.ui import notices
from forensiclog.ui.app_context import AppContext
from forensiclog.ui.case_list_panel import CaseListPanel, chosen_code
from forensiclog.ui.case_summary_panel import CaseSummaryPanel
from forensiclog.ui.exchange_panel import ExchangePanel
from forensiclog.ui.register_dialog import RegisterDialog
from forensiclog.ui.tasks import TaskFailure
from forensiclog.ui.translators import fill
from forensiclog.ui.vocabulary_text import role_label
from forensiclog.ui.workspace_actions import WorkspaceActions

translate = QCoreApplication.translate
# (services, case number, parent, runner=) -> the shown editor window
EditorOpener = Callable[..., QWidget]
MIN_SIZE = (1024, 640)


def find_case_editor() -> EditorOpener | None:
    """The case editor's entry point, imported only when a case is first opened."""
    try:
        from forensiclog.ui.case_editor import open_case_editor
    except ImportError:
        return None
    return open_case_editor


class MainWindow(QMainWindow):
    """The workspace at a glance."""

    workspace_requested = Signal(object)  # a Path to open instead of this one
    new_workspace_requested = Signal()
    language_chosen = Signal(str)

    def __init__(
        self,
        context: AppContext,
        editor_opener: EditorOpener | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self._open_editor = editor_opener if editor_opener is not None else find_case_editor()
        self.editors: dict[str, QWidget] = {}
        self.exchanges = ExchangePanel(context)
        self.cases = CaseListPanel(context)
        self.summary = CaseSummaryPanel(context, can_open=self._open_editor is not None)
        self.register_dialog: RegisterDialog | None = None
        self.workspace_actions = WorkspaceActions(context, self)
        self._build()
        self._build_menus()
        self._build_status_bar()
        self._connect_signals()
        self.setWindowTitle(self._title())
        self._restore_geometry()

    # -- building ----------------------------------------------------------------------------

    def _build(self) -> None:
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("main_splitter")
        self.splitter.setChildrenCollapsible(False)
        for panel in (self.exchanges, self.cases, self.summary):
            panel.setContentsMargins(6, 6, 6, 6)
            self.splitter.addWidget(panel)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([230, 826, 310])
        self.setCentralWidget(self.splitter)
        self.setMinimumSize(*MIN_SIZE)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(translate("MainWindow", "&File"))
        self.workspace_actions.fill_menu(file_menu)
        file_menu.addSeparator()
        self.quit_action = self._action(
            file_menu, translate("MainWindow", "&Quit"), QKeySequence.StandardKey.Quit, self.close
        )
        cases_menu = bar.addMenu(translate("MainWindow", "&Cases"))
        self.register_action = self._action(
            cases_menu,
            translate("MainWindow", "&Register next body…"),
            QKeySequence("Ctrl+N"),
            self.start_registering,
        )
        self.register_action.setVisible(self.context.may(Action.REGISTER_CASE))
        self.open_action = self._action(
            cases_menu,
            translate("MainWindow", "&Open selected case"),
            QKeySequence("Ctrl+E"),
            self._open_selected,
        )
        self.open_action.setVisible(self._open_editor is not None)
        self.find_action = self._action(
            cases_menu,
            translate("MainWindow", "&Find…"),
            QKeySequence.StandardKey.Find,
            self.cases.focus_search,
        )
        self.refresh_action = self._action(
            cases_menu,
            translate("MainWindow", "Re&fresh"),
            QKeySequence.StandardKey.Refresh,
            self.refresh,
        )
        self.report_action = self._action(
            cases_menu,
            translate("MainWindow", "E&xport a report…"),
            QKeySequence("Ctrl+P"),
            self.export_report,
        )
        self.report_action.setVisible(self.context.may(Action.EXPORT_REPORT))
        help_menu = bar.addMenu(translate("MainWindow", "&Help"))
        self._action(
            help_menu,
            translate("MainWindow", "Where is the &log file?"),
            None,
            lambda: notices.show_log_location(self),
        )
        self._action(
            help_menu, translate("MainWindow", "&About ForensicLog"), None, self._show_about
        )

    def _action(
        self,
        menu: QMenu,
        text: str,
        shortcut: QKeySequence | QKeySequence.StandardKey | None,
        slot: Callable[[], object],
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(shortcut)
        action.triggered.connect(lambda _checked=False: slot())
        menu.addAction(action)
        return action

    def _build_status_bar(self) -> None:
        status = self.statusBar()
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setMaximumWidth(120)
        self.busy.setAccessibleName(translate("MainWindow", "Working"))
        self.busy.hide()
        self.user_label = QLabel(self._who())
        self.user_label.setObjectName("signed_in")
        self.workspace_label = QLabel(self._where())
        self.workspace_label.setObjectName("workspace")
        status.addPermanentWidget(self.busy)
        status.addPermanentWidget(self.workspace_label)
        status.addPermanentWidget(self.user_label)

    def _connect_signals(self) -> None:
        runner = self.context.runner
        runner.failure_reported.connect(self._on_runner_failure_reported)
        runner.busy_changed.connect(self.busy.setVisible)
        self.exchanges.exchange_chosen.connect(self.cases.set_exchange)
        self.exchanges.model.modelReset.connect(self._on_exchanges_loaded)
        self.cases.exchange_filter.currentIndexChanged.connect(
            lambda _i: self.exchanges.choose(chosen_code(self.cases.exchange_filter))
        )
        self.cases.case_selected.connect(self.summary.load)
        self.cases.case_activated.connect(self.open_case)
        self.summary.open_requested.connect(self.open_case)

    # -- what the user does ------------------------------------------------------------------

    def refresh(self) -> None:
        """Read exchanges, the list and the chosen case again."""
        self.exchanges.refresh()
        self.cases.reload()
        self.summary.reload()

    def start_registering(self) -> None:
        if not self.context.may(Action.REGISTER_CASE):
            return
        if self.register_dialog is None:
            self.register_dialog = RegisterDialog(self.context, self)
            self.register_dialog.case_registered.connect(self._on_register_case_registered)
        self.register_dialog.set_exchanges(self.exchanges.model.codes(), self.exchanges.chosen)
        self.register_dialog.start()

    def open_case(self, number: str) -> None:
        if self._open_editor is None:
            return
        editor = self.editors.get(number)
        if editor is None:
            editor = self._open_editor(
                self.context.services, number, self, runner=self.context.runner
            )
            self.editors[number] = editor
            self._watch_editor(number, editor)
        editor.show()
        editor.raise_()
        editor.activateWindow()

    def export_report(self) -> None:
        """The report dialog, set to the chosen case and exchange."""
        from forensiclog.ui.report_export_dialog import ReportExportDialog

        dialog = ReportExportDialog(
            self.context,
            self,
            preselected_case=self.cases.selected_case,
            preselected_exchange=self.exchanges.chosen,
        )
        dialog.report_exported.connect(lambda _report: self.exchanges.refresh())
        dialog.show()

    def _open_selected(self) -> None:
        if self.cases.selected_case:
            self.open_case(self.cases.selected_case)

    def _watch_editor(self, number: str, editor: QWidget) -> None:
        closed = getattr(editor, "closed", None)
        if closed is not None:
            closed.connect(lambda _n=None: self._on_editor_closed(number))
        written = getattr(getattr(editor, "context", None), "written", None)
        if written is not None:
            written.connect(lambda _what=None: self._on_case_changed())

    # -- slots -------------------------------------------------------------------------------

    def _on_exchanges_loaded(self) -> None:
        codes = self.exchanges.model.codes()
        self.cases.set_exchanges(codes)
        if self.register_dialog is not None:
            self.register_dialog.set_exchanges(codes)

    def _on_register_case_registered(self, number: str, checked_in: bool) -> None:
        self._on_case_changed()
        self.statusBar().showMessage(fill(translate("MainWindow", "%1 registered"), number), 5000)

    def _on_case_changed(self) -> None:
        self.exchanges.refresh()
        self.cases.reload()
        self.summary.reload()

    def _on_editor_closed(self, number: str) -> None:
        self.editors.pop(number, None)
        self._on_case_changed()

    def _on_runner_failure_reported(self, failure: TaskFailure) -> None:
        notices.show_failure(self, failure)

    def _show_about(self) -> None:
        text = fill(
            translate(
                "MainWindow",
                "%1 %2\nForensic identification case logging for repatriation exchanges.",
            ),
            APP_NAME,
            __version__,
        )
        QMessageBox.about(self, translate("MainWindow", "About ForensicLog"), text)

    # -- window state ------------------------------------------------------------------------

    def _who(self) -> str:
        if not self.context.role:
            return translate("MainWindow", "Read-only: nobody signed in")
        return fill(
            translate("MainWindow", "Signed in: %1 (%2)"),
            self.context.user_name,
            role_label(self.context.role),
        )

    def _where(self) -> str:
        info = self.context.services.workspace.info
        text = f"{info.name} · {info.site}-{info.team}"
        if self.context.read_only:
            text = fill(translate("MainWindow", "%1 · read-only"), text)
        return text

    def _title(self) -> str:
        return f"{self.context.services.workspace.info.name} — {APP_NAME}"

    def _restore_geometry(self) -> None:
        saved = self.context.settings.geometry("main_window")
        if saved is None or not self.restoreGeometry(saved):
            self.resize(1366, 768)

    def unsaved_work(self) -> bool:
        """Whether anything typed would be lost by closing (the editors ask for themselves)."""
        dialog = self.register_dialog
        return dialog is not None and dialog.isVisible() and not dialog.typed().empty

    def closeEvent(self, event: QCloseEvent) -> None:
        for editor in list(self.editors.values()):
            if not editor.close():
                event.ignore()
                return
        if self.register_dialog is not None and not self.register_dialog.close():
            event.ignore()
            return
        self.context.settings.save_geometry("main_window", self.saveGeometry())
        self.context.runner.wait()  # queued writes land before the window goes
        event.accept()

    def exchange_summaries(self) -> list[ExchangeSummary]:
        return self.exchanges.model_summaries()

    def recent_paths(self) -> list[Path]:
        return self.context.settings.recent_workspaces()
