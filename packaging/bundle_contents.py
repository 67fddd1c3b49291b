"""What goes into the bundle: the modules the program imports by name, its data folders, and
the few Qt files it uses out of everything PyInstaller's Qt hooks collect.

Used by ``forensiclog.spec`` at build time and by ``tests/packaging`` without a build. Lives
beside the spec (not in ``forensiclog``): nothing here runs inside the application.
"""

from __future__ import annotations

import argparse
import importlib.util
import re
import tomllib
from collections.abc import Iterable, Iterator
from pathlib import Path, PurePosixPath

ROOT = Path(__file__).resolve().parent.parent

# Qt's own shared libraries the program needs: the three modules it imports (QtCore, QtGui,
# QtWidgets), DBus (QtGui links it), the xcb and Wayland platform back-ends, and Svg for
# SVG icons under resources/icons. ICU comes with QtCore and cannot be left out.
QT_LIBRARIES = frozenset(
    {"Core", "Gui", "Widgets", "DBus", "XcbQpa", "WaylandClient", "Svg"},
)

# Plugins kept, by folder: the platforms the application runs on (a desktop under X11 or
# Wayland, and offscreen for tests and the smoke test), what X11 and Wayland windows need to
# get decorations and GL, typing dead keys and input methods, the desktop portal's file
# dialogs, and JPEG (PNG is built into QtGui) and SVG images. Everything else — eglfs,
# linuxfb, vnc, the virtual keyboard (it pulls in QtQuick), SQL drivers, TLS, QML tooling,
# GTK3's theme (it would pull in GTK itself) — is left out.
QT_PLUGINS: dict[str, frozenset[str]] = {
    "platforms": frozenset({"qoffscreen", "qxcb", "qwayland", "qwindows", "qminimal"}),
    "xcbglintegrations": frozenset({"qxcb-glx-integration", "qxcb-egl-integration"}),
    "wayland-shell-integration": frozenset({"xdg-shell"}),
    "wayland-decoration-client": frozenset({"adwaita", "bradient"}),
    "platforminputcontexts": frozenset(
        {"composeplatforminputcontextplugin", "ibusplatforminputcontextplugin"}
    ),
    "platformthemes": frozenset({"qxdgdesktopportal"}),
    "imageformats": frozenset({"qjpeg", "qsvg"}),
    "iconengines": frozenset({"qsvgicon"}),
    "styles": frozenset({"qmodernwindowsstyle", "qwindowsvistastyle"}),
}

# Qt's translations: only Ukrainian for Qt's own widgets. ``qt_uk.qm`` is a meta-catalogue
# that refuses to load without qtdeclarative_uk and the rest, so it is not worth shipping;
# the application loads ``qtbase_uk`` itself.
QT_TRANSLATIONS = frozenset({"qtbase_uk.qm"})

# Standard-library and third-party modules the program never imports but PyInstaller would
# follow from its dependencies' optional imports.
EXCLUDED_MODULES = (
    "tkinter",
    "_tkinter",
    "unittest",
    "pydoc_data",
    "lib2to3",
    "distutils",
    "setuptools",
    "pip",
    "IPython",
    "numpy",
    # Pillow: AVIF is not a photo format the application accepts (its library is 5 MB), and Tk
    # is not used.
    "PIL.AvifImagePlugin",
    # HEIC support is an optional extra (pillow-heif): its wheels carry libheif and the GPL
    # x265 encoder, so the bundle does not ship it even where the build environment has it.
    "pillow_heif",
    "PIL._avif",
    "PIL.ImageTk",
    "PIL._imagingtk",
    "PySide6.QtNetwork",
    "PySide6.QtQml",
    "PySide6.QtQuick",
    "PySide6.QtQuickWidgets",
    "PySide6.QtWebEngineCore",
    "PySide6.QtWebEngineWidgets",
    "PySide6.QtOpenGL",
    "PySide6.QtOpenGLWidgets",
    "PySide6.QtPrintSupport",
    "PySide6.QtSql",
    "PySide6.QtTest",
    "PySide6.QtDesigner",
    "PySide6.QtUiTools",
    "PySide6.QtHelp",
    "PySide6.QtXml",
    "PySide6.QtConcurrent",
)

# Modules imported only by name at run time, beyond the command handlers: Alembic's
# environment and revisions are loaded from files and import these.
RUNTIME_IMPORTS = (
    "alembic.command",
    "alembic.context",
    "alembic.op",
    "alembic.runtime.migration",
    "alembic.script",
    "alembic.ddl.sqlite",
    "forensiclog.db.models",
    "forensiclog.db.base",
)

# Packages whose submodules are imported by name from strings: ReportLab's barcode widgets
# (the label sheets' QR codes) import every barcode module through ``exec``.
COLLECTED_PACKAGES = ("reportlab.graphics.barcode",)


def project() -> tuple[str, str]:
    """The project's name and version, from ``pyproject.toml``."""
    data = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    return str(data["project"]["name"]), str(data["project"]["version"])


def _handlers(parser: argparse.ArgumentParser, skipped: frozenset[str]) -> Iterator[str]:
    handler = parser.get_default("handler")
    if isinstance(handler, str):
        yield handler
    for action in parser._actions:  # argparse has no public walk of its subcommands
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                if name not in skipped:
                    yield from _handlers(sub, frozenset())


def handler_modules() -> list[str]:
    """Every module the command line imports by dotted name (``handler=`` defaults).

    The desktop commands are left out: ``forensiclog.main`` starts the application for them
    without looking at their handler.
    """
    from forensiclog.cli.parser import build_parser
    from forensiclog.main import GUI_COMMANDS

    found = _handlers(build_parser(), frozenset(GUI_COMMANDS))
    return sorted({dotted.partition(":")[0] for dotted in found})


def split_present(modules: Iterable[str]) -> tuple[list[str], list[str]]:
    """Modules that can be imported from this tree, and those that cannot (yet)."""
    present: list[str] = []
    missing: list[str] = []
    for name in modules:
        try:
            found = importlib.util.find_spec(name) is not None
        except ModuleNotFoundError:
            found = False
        (present if found else missing).append(name)
    return present, missing


DATA_FOLDERS = ("resources", "seeds", "forensiclog/db/migrations")
_NOT_SHIPPED = frozenset({".pyc", ".ts", ".pro"})  # caches and translation sources


def data_files(root: Path = ROOT) -> list[tuple[str, str]]:
    """(file, folder in the bundle) for every file read from disk at run time.

    Resources and seeds are found through ``forensiclog.paths``; Alembic reads ``env.py`` and
    ``versions/*.py`` as files from beside ``forensiclog/db/migrate.py``.
    """
    pairs = []
    for folder in DATA_FOLDERS:
        for path in sorted((root / folder).rglob("*")):
            if (
                path.is_file()
                and path.suffix not in _NOT_SHIPPED
                and "__pycache__" not in path.parts
            ):
                pairs.append((str(path), path.parent.relative_to(root).as_posix()))
    return pairs


_QT_LIBRARY = re.compile(r"^(?:lib)?Qt6([A-Za-z]+?)(?:\.so(?:\.\d+)*|\.dll)$")
_PLUGIN_FILE = re.compile(r"^(?:lib)?(.+?)\.(?:so|dll)$")


def keep_qt_file(destination: str) -> bool:
    """Whether a file PyInstaller collected into ``destination`` (a path in the bundle) stays."""
    parts = PurePosixPath(destination.replace("\\", "/")).parts
    if not parts or parts[0] != "PySide6":
        return True
    name = parts[-1]
    if "plugins" in parts:
        folder = parts[parts.index("plugins") + 1] if parts[-2] != "plugins" else ""
        plugin = _PLUGIN_FILE.match(name)
        return plugin is not None and plugin.group(1) in QT_PLUGINS.get(folder, frozenset())
    if "translations" in parts:
        return name in QT_TRANSLATIONS
    if any(p in {"qml", "resources", "metatypes", "typesystems", "include"} for p in parts):
        return False
    library = _QT_LIBRARY.match(name)
    return library is None or library.group(1) in QT_LIBRARIES


def folder_size(folder: Path) -> int:
    """Bytes in every file under ``folder`` (symbolic links counted once, as links)."""
    return sum(p.lstat().st_size for p in folder.rglob("*") if p.is_file() or p.is_symlink())


def megabytes(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB"


def keep_collected(entries: Iterable[tuple[str, str]]) -> list[tuple[str, str]]:
    """A Qt hook's (source file, destination folder) pairs, less the files not kept."""
    return [(src, dest) for src, dest in entries if keep_qt_file(f"{dest}/{Path(src).name}")]
