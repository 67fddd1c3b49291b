"""The report typeface: DejaVu Sans from ``resources/fonts``, registered once with ReportLab.

ReportLab's built-in fonts have no Cyrillic (Ukrainian and Russian come out as black boxes,
without an error), so every style, table and drawing names this family instead.
"""

from __future__ import annotations

import threading

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from forensiclog.domain.errors import EnvironmentProblem
from forensiclog.paths import resource_path

FAMILY = "ForensicSans"
REGULAR = FAMILY
BOLD = f"{FAMILY}-Bold"
ITALIC = f"{FAMILY}-Italic"
BOLD_ITALIC = f"{FAMILY}-BoldItalic"

FILES = {
    REGULAR: "DejaVuSans.ttf",
    BOLD: "DejaVuSans-Bold.ttf",
    ITALIC: "DejaVuSans-Oblique.ttf",
    BOLD_ITALIC: "DejaVuSans-BoldOblique.ttf",
}

# Reports are built on worker threads; two of them must not register the family twice at once.
_lock = threading.Lock()
_registered = False


def register_fonts() -> None:
    """Register the family with ReportLab (once per process)."""
    global _registered  # noqa: PLW0603 - ReportLab's font registry is process-wide too
    with _lock:
        if _registered:
            return
        for name, file in FILES.items():
            path = resource_path("fonts", file)
            if not path.is_file():
                raise EnvironmentProblem(
                    f"the report font {path} is missing; reinstall ForensicLog"
                )
            pdfmetrics.registerFont(TTFont(name, str(path)))
        pdfmetrics.registerFontFamily(
            FAMILY, normal=REGULAR, bold=BOLD, italic=ITALIC, boldItalic=BOLD_ITALIC
        )
        _registered = True
