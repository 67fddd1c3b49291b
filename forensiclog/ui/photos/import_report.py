"""What a finished photo import says to the user, with Ukrainian plural forms."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from forensiclog.ui.photos.photo_import import ImportOutcome
from forensiclog.ui.refusal_text import describe_refusal
from forensiclog.ui.translators import english_plural, fill


def _counted(text: str, n: int) -> str:
    return english_plural(text, n)


def outcome_text(outcome: ImportOutcome) -> str:
    translate = QCoreApplication.translate
    if outcome.total == 0:
        return translate("ImportReport", "No photo files were found in what was dropped or chosen.")
    added, refused, twice = len(outcome.added), len(outcome.refused), len(outcome.duplicates)
    parts = [_counted(translate("ImportReport", "%n photo(s) added.", None, added), added)]
    if refused:
        text = translate(
            "ImportReport", "%n file(s) refused — listed below with the reason.", None, refused
        )
        parts.append(_counted(text, refused))
    if twice:
        text = translate(
            "ImportReport", "%n photo(s) already on this case, not added again.", None, twice
        )
        parts.append(_counted(text, twice))
    if outcome.cancelled:
        parts.append(
            translate(
                "ImportReport", "Import cancelled: the photos added before cancelling are kept."
            )
        )
    if outcome.stopped_by is not None:
        stopped = translate("ImportReport", "Import stopped: %1")
        parts.append(fill(stopped, describe_refusal(outcome.stopped_by)))
    return " ".join(parts)


# The photo checks' reasons (services/images.py), translated where they begin; what follows
# (the accepted formats, the pixel count) is kept as it is.
_REASONS: dict[str, object] = {
    "empty file": QT_TRANSLATE_NOOP("ImportReport", "empty file"),
    "not an image file": QT_TRANSLATE_NOOP("ImportReport", "not an image file"),
    "corrupt image header": QT_TRANSLATE_NOOP("ImportReport", "corrupt image header"),
    "truncated or corrupt image data": QT_TRANSLATE_NOOP(
        "ImportReport", "truncated or corrupt image data"
    ),
    "too large to decode safely": QT_TRANSLATE_NOOP("ImportReport", "too large to decode safely"),
    "image has no pixels": QT_TRANSLATE_NOOP("ImportReport", "image has no pixels"),
    "cannot be read": QT_TRANSLATE_NOOP("ImportReport", "cannot be read"),
}


def refused_reason(reason: str) -> str:
    for start, source in _REASONS.items():
        if reason.startswith(start):
            return QCoreApplication.translate("ImportReport", str(source)) + reason[len(start) :]
    return reason
