"""What the application remembers between runs: language, workspaces, window geometry.

Kept in ``QSettings`` (the registry on Windows, an ini file on Linux), never in a workspace:
they belong to the laptop's user, not to the evidence.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from forensiclog import APP_NAME
from forensiclog.ui.translators import DEFAULT_LANGUAGE, LANGUAGES

RECENT_LIMIT = 8


class AppSettings:
    """Typed access to the application's settings."""

    def __init__(self, store: QSettings | None = None) -> None:
        self._store = store if store is not None else QSettings(APP_NAME, APP_NAME)

    @property
    def language(self) -> str:
        value = str(self._store.value("language", DEFAULT_LANGUAGE))
        return value if value in LANGUAGES else DEFAULT_LANGUAGE

    @language.setter
    def language(self, value: str) -> None:
        self._store.setValue("language", value)

    @property
    def last_user(self) -> str:
        return str(self._store.value("last_user", ""))

    @last_user.setter
    def last_user(self, value: str) -> None:
        self._store.setValue("last_user", value)

    @property
    def last_exchange(self) -> str:
        return str(self._store.value("last_exchange", ""))

    @last_exchange.setter
    def last_exchange(self, value: str) -> None:
        self._store.setValue("last_exchange", value)

    def recent_workspaces(self) -> list[Path]:
        stored = self._store.value("recent_workspaces", [])
        if isinstance(stored, str):  # QSettings hands back a lone string for a one-item list
            stored = [stored]
        if not isinstance(stored, list):
            return []
        return [Path(str(p)) for p in stored if p]

    def remember_workspace(self, path: Path) -> None:
        """Put ``path`` first among the recent workspaces."""
        resolved = path.resolve()
        others = [p for p in self.recent_workspaces() if p.resolve() != resolved]
        items = [resolved, *others][:RECENT_LIMIT]
        self._store.setValue("recent_workspaces", [str(p) for p in items])

    def forget_workspace(self, path: Path) -> None:
        kept = [str(p) for p in self.recent_workspaces() if p != path]
        self._store.setValue("recent_workspaces", kept)

    def geometry(self, key: str) -> QByteArray | None:
        value = self._store.value(f"geometry/{key}")
        return value if isinstance(value, QByteArray) else None

    def save_geometry(self, key: str, value: QByteArray) -> None:
        self._store.setValue(f"geometry/{key}", value)

    def sync(self) -> None:
        self._store.sync()
