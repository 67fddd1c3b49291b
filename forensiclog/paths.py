"""Where things live: bundled resources, the default workspace, logs and settings.

One module owns file locations, so the source tree, an installed package and a PyInstaller
bundle all resolve resources the same way. Qt's ``AppLocalDataLocation`` and platformdirs'
``user_data_dir`` agree on every platform, so the command line finds the workspace the
desktop application created without importing Qt.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

from forensiclog import APP_NAME

WORKSPACE_ENV = "FORENSICLOG_WORKSPACE"


def _bundle_root() -> Path:
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen)
    return Path(__file__).resolve().parent.parent


def resource_path(*parts: str) -> Path:
    """A file under ``resources/`` (fonts, icons, translations)."""
    return _bundle_root().joinpath("resources", *parts)


def seeds_path(*parts: str) -> Path:
    """A file under ``seeds/`` (the demo scenario)."""
    return _bundle_root().joinpath("seeds", *parts)


def data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, APP_NAME, roaming=False))


def default_workspace() -> Path:
    """The workspace used when none is named: ``$FORENSICLOG_WORKSPACE`` or the user data folder."""
    named = os.environ.get(WORKSPACE_ENV)
    return Path(named) if named else data_dir() / "workspace"


def cache_dir() -> Path:
    """Derived files that can be made again (thumbnails of an opened case file)."""
    return Path(platformdirs.user_cache_dir(APP_NAME, APP_NAME))


def log_dir() -> Path:
    return Path(platformdirs.user_log_dir(APP_NAME, APP_NAME))
