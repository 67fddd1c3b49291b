"""Where a defect goes: one log file in the platform's log folder, never a traceback on screen."""

from __future__ import annotations

import logging
import sys
import traceback
from pathlib import Path

from forensiclog.paths import log_dir


class _LogFile(logging.FileHandler):
    """The log file; when it cannot be written (a full disk) the line is lost in silence:
    logging's own report of the failure would put a traceback on the user's screen."""

    def handleError(self, record: logging.LogRecord) -> None:
        return


def log_file() -> Path:
    return log_dir() / "forensiclog.log"


def setup_logging() -> Path:
    """Send the program's log to the log file (once per process); returns the file's path."""
    path = log_file()
    root = logging.getLogger("forensiclog")
    if root.handlers:
        return path
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = _LogFile(path, encoding="utf-8")
    except OSError:
        # No log folder (a full or read-only disk): nothing is logged rather than a
        # traceback shown.
        handler = logging.NullHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    return path


def record_crash(where: str) -> Path:
    """Log the exception being handled, with its traceback; returns the log file's path."""
    path = setup_logging()
    logging.getLogger("forensiclog.crash").error(
        "unexpected error in %s:\n%s", where, "".join(traceback.format_exception(*sys.exc_info()))
    )
    return path
