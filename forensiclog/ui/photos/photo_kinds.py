"""What a photo shows (overview, face, document …) in the interface language."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from forensiclog.domain.vocabulary import PhotoKind

PHOTO_KINDS: Mapping[str, object] = {
    PhotoKind.OVERVIEW: QT_TRANSLATE_NOOP("PhotoKind", "Overview"),
    PhotoKind.FACE: QT_TRANSLATE_NOOP("PhotoKind", "Face"),
    PhotoKind.DOCUMENT: QT_TRANSLATE_NOOP("PhotoKind", "Document"),
    PhotoKind.EFFECT: QT_TRANSLATE_NOOP("PhotoKind", "Personal effect"),
    PhotoKind.MARK: QT_TRANSLATE_NOOP("PhotoKind", "Tattoo or mark"),
    PhotoKind.CLOTHING: QT_TRANSLATE_NOOP("PhotoKind", "Clothing"),
    PhotoKind.OTHER: QT_TRANSLATE_NOOP("PhotoKind", "Other"),
}


def photo_kind_label(code: str | None) -> str:
    if not code:
        return ""
    source = PHOTO_KINDS.get(code)
    return QCoreApplication.translate("PhotoKind", str(source)) if source else code


def photo_kind_choices() -> list[tuple[str, str]]:
    return [(str(code), photo_kind_label(code)) for code in PHOTO_KINDS]
