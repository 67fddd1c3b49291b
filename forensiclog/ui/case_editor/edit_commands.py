"""Undo and redo of edits in the case editor, each one a new service call and history entry.

Nothing is erased: undoing an edit writes the earlier values back through the services, which
record it as a new change. The service call runs first, off the GUI thread; the ``QUndoStack``
moves only once it has succeeded, so a refused undo leaves both the case and the stack as
they were.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence, QUndoCommand
from PySide6.QtWidgets import QWidget

from forensiclog.services.build import Services
from forensiclog.ui.case_editor.editor_context import EditorContext

# (services, the correction's reason or None) -> whatever the service returns
Step = Callable[[Services, str | None], Any]


class ServiceEditCommand(QUndoCommand):
    """An edit already written; ``forward`` writes it again, ``backward`` writes it back."""

    def __init__(self, text: str, forward: Step, backward: Step) -> None:
        super().__init__(text)
        self.forward = forward
        self.backward = backward

    def undo(self) -> None:
        """The stack only moves after ``backward`` has been written (see ``UndoActions``)."""

    def redo(self) -> None:
        """The stack only moves after ``forward`` has been written (see ``UndoActions``)."""


class UndoActions(QObject):
    """The editor's Undo and Redo actions, driving the stack through the services."""

    def __init__(self, context: EditorContext, window: QWidget) -> None:
        super().__init__(window)
        self.context = context
        self.window = window
        self.stack = context.undo_stack
        self.undo_action = QAction(self.tr("&Undo"), window)
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = QAction(self.tr("&Redo"), window)
        self.redo_action.setShortcut(QKeySequence.StandardKey.Redo)
        self._connect_signals()
        self._refresh()

    def _connect_signals(self) -> None:
        self.undo_action.triggered.connect(self.undo)
        self.redo_action.triggered.connect(self.redo)
        self.stack.indexChanged.connect(self._refresh)
        self.context.busy_changed.connect(self._refresh)

    def record(self, text: str, forward: Step, backward: Step) -> None:
        """Put an edit that has just been written on the stack."""
        self.stack.push(ServiceEditCommand(text, forward, backward))

    def undo(self) -> None:
        if self.context.busy or not self.stack.canUndo():
            return
        command = self.stack.command(self.stack.index() - 1)
        assert isinstance(command, ServiceEditCommand)
        self._write(command.backward, self.stack.undo, self.tr("undo"))

    def redo(self) -> None:
        if self.context.busy or not self.stack.canRedo():
            return
        command = self.stack.command(self.stack.index())
        assert isinstance(command, ServiceEditCommand)
        self._write(command.forward, self.stack.redo, self.tr("redo"))

    def _write(self, step: Step, move_stack: Callable[[], None], name: str) -> None:
        go_ahead, reason = self.context.correction_reason(self.window)
        if not go_ahead:
            return
        self.context.write(
            lambda services: step(services, reason),
            name=f"case editor: {name}",
            on_finished=lambda _result: move_stack(),
        )

    def _refresh(self) -> None:
        if not shiboken6.isValid(self.stack):
            return  # the stack empties itself while the window is destroyed
        idle = not self.context.busy
        self.undo_action.setEnabled(idle and self.stack.canUndo())
        self.redo_action.setEnabled(idle and self.stack.canRedo())
        undo_text, redo_text = self.stack.undoText(), self.stack.redoText()
        self.undo_action.setText(
            self.tr("&Undo %1").replace("%1", undo_text) if undo_text else self.tr("&Undo")
        )
        self.redo_action.setText(
            self.tr("&Redo %1").replace("%1", redo_text) if redo_text else self.tr("&Redo")
        )
