"""``make screenshots``: PNGs of the main window, the register-next-body form and the case
editor's documents and photos tabs, in English and Ukrainian, at 1366×768, from the demo.

    python tests/ui/screenshots.py docs/screenshots [--workspace DIR]

Runs offscreen. The demo workspace is built once (``forensiclog.services.demo``) unless
``--workspace`` names one; the case editor's shots come from its own
``save_editor_screenshots`` when the editor provides it.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from PySide6.QtCore import QEventLoop, QPoint, QSettings, QTimer, SignalInstance
from PySide6.QtGui import QColor, QPainter, QPixmap
from PySide6.QtWidgets import QApplication, QWidget

from forensiclog.services.build import Services, sign_in
from forensiclog.services.workspace import open_workspace
from forensiclog.ui.app_context import AppContext
from forensiclog.ui.app_settings import AppSettings
from forensiclog.ui.main_window import MainWindow
from forensiclog.ui.tasks import TaskRunner
from forensiclog.ui.translators import LanguageSwitch

SIZE = (1366, 768)
LANGUAGES = ("en", "uk")


def wait_for(signal: SignalInstance, timeout_ms: int = 20_000) -> None:
    """Run the event loop until ``signal`` fires (or the timeout passes)."""
    loop = QEventLoop()
    signal.connect(loop.quit)
    QTimer.singleShot(timeout_ms, loop.quit)
    loop.exec()
    signal.disconnect(loop.quit)


def settle(ms: int = 300) -> None:
    """Let queued paints and page reads finish before a grab."""
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def demo_workspace(folder: Path) -> tuple[Path, str, str]:
    from forensiclog.services.demo import build_demo

    result = build_demo(folder / "demo")
    coordinator = next(u for u in result.users if u.role == "coordinator")
    return result.workspace, coordinator.name, coordinator.password


def pick_case(services: Services) -> str:
    """A case with documents and photos, to show off the summary and the editor."""
    from forensiclog.services.case_list import CaseFilter

    rows = services.case_list.page(CaseFilter(nationality="foreign"), limit=50)
    rows = rows or services.case_list.page(CaseFilter(), limit=200)
    return max(rows, key=lambda r: (r.documents > 0, r.photos, r.completeness)).case_number


def shoot_main_window(context: AppContext, case: str, out: Path) -> MainWindow:
    window = MainWindow(context)
    window.resize(*SIZE)
    window.show()
    window.refresh()
    wait_for(window.cases.list_loaded)
    row = window.cases.model.row_of(case)
    if row is not None:
        window.cases.table.selectRow(row)
        window.cases.table.scrollTo(window.cases.model.index(row, 0))
        wait_for(window.summary.shown)
    settle()
    window.grab().save(str(out))
    return window


def shoot_register_form(window: MainWindow, out: Path, language: str) -> None:
    window.start_registering()
    form = window.register_dialog
    assert form is not None
    exchange = window.exchanges.model.codes()[-1]
    form.exchange.setCurrentIndex(form.exchange.findText(exchange))
    for tag, condition in ((f"{language.upper()}-0001", 2), (f"{language.upper()}-0002", 6)):
        form.tag.setText(tag)
        form.condition.setCurrentIndex(condition)
        form.location.setText("Рефрижератор 2, полиця 3")
        form.sex.setCurrentIndex(1)
        form.accept()
        wait_for(form.case_registered)
    form.tag.setText(f"{language.upper()}-0003")
    form.condition.setCurrentIndex(5)
    settle()
    composite(window, form, out)
    form.clear_form()
    form.close()


def composite(window: QWidget, dialog: QWidget, out: Path) -> None:
    """The dialog over its window, as the user sees it (offscreen grabs each one alone)."""
    canvas = QPixmap(*SIZE)
    canvas.fill(QColor("white"))
    painter = QPainter(canvas)
    painter.drawPixmap(0, 0, window.grab())
    painter.fillRect(canvas.rect(), QColor(0, 0, 0, 70))
    shot = dialog.grab()
    corner = QPoint((SIZE[0] - shot.width()) // 2, (SIZE[1] - shot.height()) // 2)
    painter.fillRect(
        corner.x() + 6, corner.y() + 6, shot.width(), shot.height(), QColor(0, 0, 0, 60)
    )
    painter.drawPixmap(corner, shot)
    painter.setPen(QColor("#555555"))
    painter.drawRect(corner.x() - 1, corner.y() - 1, shot.width() + 1, shot.height() + 1)
    painter.end()
    canvas.save(str(out))


def editor_screenshots() -> Callable[..., object] | None:
    try:
        from forensiclog.ui.case_editor import save_editor_screenshots  # type: ignore[attr-defined]
    except ImportError:
        return None
    return save_editor_screenshots  # type: ignore[no-any-return]


def shoot_language(language: str, services: Services, case: str, out: Path) -> list[Path]:
    switch = LanguageSwitch()
    missing = switch.apply(language)
    if missing:
        print(
            f"warning: no compiled catalogue for {language}: {', '.join(missing)}", file=sys.stderr
        )
    runner = TaskRunner()
    context = AppContext(services, runner, AppSettings(), switch)
    written = [out / f"main-window-{language}.png", out / f"register-body-{language}.png"]
    window = shoot_main_window(context, case, written[0])
    shoot_register_form(window, written[1], language)
    editor = editor_screenshots()
    if editor is not None:
        made = editor(services, case, out, language=language, runner=runner, size=SIZE)
        written += [Path(p) for p in made or ()]
    else:
        print("note: the case editor has no save_editor_screenshots yet", file=sys.stderr)
    window.close()
    runner.wait()
    switch.remove()
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument(
        "--workspace", type=Path, help="an existing workspace (else the demo is built)"
    )
    parser.add_argument("--user", default="")
    parser.add_argument("--password", default="")
    options = parser.parse_args(argv)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setStyle("Fusion")
    with tempfile.TemporaryDirectory() as scratch:
        QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, scratch)
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, scratch)
        if options.workspace:  # a copy: the shots register bodies
            path, user, password = Path(scratch) / "copy", options.user, options.password
            shutil.copytree(options.workspace, path)
        else:
            print("building the demo workspace…", file=sys.stderr)
            path, user, password = demo_workspace(Path(scratch))
        services = sign_in(open_workspace(path), user, password)
        case = pick_case(services)
        options.out.mkdir(parents=True, exist_ok=True)
        for language in LANGUAGES:
            for shot in shoot_language(language, services, case, options.out):
                print(shot)
        services.workspace.close()
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
