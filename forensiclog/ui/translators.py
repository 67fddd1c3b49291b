"""The interface language: Qt translators for our strings and Qt's own, and placeholder filling.

Our catalogues are ``resources/translations/forensiclog_<lang>.qm`` and
``forensiclog_editor_<lang>.qm``; Qt's ``qtbase_<lang>.qm`` comes from Qt's own translations
folder (or the bundle's). ``FORENSICLOG_PSEUDO=1`` stretches every string by a third and marks
it, so a layout that clips text shows up before a translator does.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from forensiclog.paths import resource_path

LANGUAGES = ("uk", "en")
DEFAULT_LANGUAGE = "uk"
CATALOGUES = ("forensiclog", "forensiclog_editor")
PSEUDO_ENV = "FORENSICLOG_PSEUDO"


def fill(text: str, *values: object) -> str:
    """``text`` with ``%1``, ``%2`` … replaced, highest first so ``%1`` never eats ``%10``."""
    for number in range(len(values), 0, -1):
        text = text.replace(f"%{number}", str(values[number - 1]))
    return text


def english_plural(text: str, count: int) -> str:
    """A ``(s)`` plural left untranslated (English runs without a catalogue) made right."""
    return text.replace("(s)", "" if count == 1 else "s")


class PseudoTranslator(QTranslator):
    """Returns every string a third longer and bracketed, to test layouts for clipping."""

    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str:
        if not source:
            return source
        base = source.replace("%n", str(n)) if n >= 0 else source
        padding = "~" * max(2, len(base) // 3)
        return f"[{base}{padding}]"

    def isEmpty(self) -> bool:
        return False


def translations_folder() -> Path:
    return resource_path("translations")


def _qt_translations() -> list[Path]:
    bundled = translations_folder()
    return [bundled, Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))]


class LanguageSwitch:
    """Installs and removes the translators of one language on the running application."""

    def __init__(self) -> None:
        self._installed: list[QTranslator] = []
        self.language = "en"

    def apply(self, language: str) -> list[str]:
        """Switch to ``language``; returns the catalogues that were missing (empty when complete)."""
        self.remove()
        self.language = language if language in LANGUAGES else DEFAULT_LANGUAGE
        QLocale.setDefault(QLocale(self.language))
        missing: list[str] = []
        if os.environ.get(PSEUDO_ENV):
            self._install(PseudoTranslator())
            return missing
        if self.language == "en":
            return missing
        for name in CATALOGUES:
            if not self._load(name, [translations_folder()]):
                missing.append(name)
        if not self._load("qtbase", _qt_translations()):
            missing.append("qtbase")
        return missing

    def remove(self) -> None:
        app = QCoreApplication.instance()
        for translator in self._installed:
            if app is not None:
                app.removeTranslator(translator)
        self._installed.clear()

    def _load(self, name: str, folders: list[Path]) -> bool:
        translator = QTranslator()
        for folder in folders:
            if translator.load(f"{name}_{self.language}", str(folder)):
                self._install(translator)
                return True
        return False

    def _install(self, translator: QTranslator) -> None:
        app = QCoreApplication.instance()
        if app is not None:
            app.installTranslator(translator)
        self._installed.append(translator)
