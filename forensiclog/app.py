"""The desktop application: builds everything in order (paths, logging, Qt, translators, the
main window) and runs it."""

from __future__ import annotations

import argparse
import sys


def run_gui(options: argparse.Namespace) -> int:
    from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

    from forensiclog import APP_NAME, __version__

    app = QApplication.instance() or QApplication(sys.argv[:1])
    window = QMainWindow()
    window.setWindowTitle(f"{APP_NAME} {__version__}")
    window.setCentralWidget(QLabel(f"{APP_NAME} {__version__}"))
    window.show()
    return int(app.exec())
