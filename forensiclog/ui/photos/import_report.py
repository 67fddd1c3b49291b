"""What a finished photo import says to the user, with Ukrainian plural forms."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

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
