"""The one crash handler: a bug anywhere (a slot, a dialog, Qt itself) is logged with its
traceback and the user is told where the log is — never shown a traceback."""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QMessageLogContext, QtMsgType, qInstallMessageHandler

from forensiclog.crash_log import log_file, setup_logging

log = logging.getLogger("forensiclog.crash")
qt_log = logging.getLogger("forensiclog.qt")

QT_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}


def written_to() -> Path:
    """The file the log really goes to (set up once per process), else where it would go."""
    for handler in logging.getLogger("forensiclog").handlers:
        if isinstance(handler, logging.FileHandler):
            handler.flush()
            return Path(handler.baseFilename)
    return log_file()


def ensure_log() -> None:
    """Set the log up if nothing has yet (``setup_logging`` opens a file even when it then
    keeps the handler it had)."""
    if not logging.getLogger("forensiclog").handlers:
        setup_logging()


def log_exception(where: str) -> Path:
    """Log the exception being handled, with its traceback; the file it went to."""
    ensure_log()
    log.error("unexpected error in %s", where, exc_info=True)
    return written_to()


class CrashHandler:
    """Installed once at start-up; ``tell`` shows the user a message naming the log file."""

    def __init__(self, tell: Callable[[str], None]) -> None:
        self._tell = tell
        self._telling = False

    def install(self) -> None:
        setup_logging()
        sys.excepthook = self.on_exception
        qInstallMessageHandler(self.on_qt_message)

    def on_exception(
        self,
        kind: type[BaseException],
        error: BaseException,
        trace: TracebackType | None,
    ) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, error, trace)
            return
        ensure_log()  # a crash before start-up still lands
        log.error("unexpected error", exc_info=(kind, error, trace))
        if self._telling:  # a failure while telling the user: the log has it, stop there
            return
        self._telling = True
        try:
            self._tell(str(written_to()))
        finally:
            self._telling = False

    def on_qt_message(self, kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
        qt_log.log(QT_LEVELS.get(kind, logging.WARNING), "%s", message)
