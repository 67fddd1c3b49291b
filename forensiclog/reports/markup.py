"""User text on its way into a PDF: escaped for Paragraph markup, capped or clipped for tables.

Names and notes are text, never markup: a surname with ``<`` or ``&`` must print as typed, and
``<img src=…>`` or ``<link href=…>`` in a note must not make ReportLab open a file or add a
link. Every piece of user text that reaches a ``Paragraph`` goes through ``para_text``.
"""

from __future__ import annotations

import re
from xml.sax.saxutils import escape

from reportlab.pdfbase.pdfmetrics import stringWidth

ELLIPSIS = "…"
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_BLANK_LINES = re.compile(r"\n\s*\n")


def plain(text: str) -> str:
    """Text without control characters (a stray one can upset a PDF viewer), CRs folded."""
    return _CONTROL.sub(" ", text.replace("\r\n", "\n").replace("\r", "\n"))


def para_text(text: str | None, *, cap: int | None = None) -> str:
    """``text`` as Paragraph markup that prints literally; line breaks kept; capped if asked."""
    if not text:
        return ""
    value = plain(text)
    if cap is not None:
        value = capped(value, cap)
    return escape(value).replace("\n", "<br/>")


def capped(text: str, limit: int) -> str:
    """At most ``limit`` characters, with an ellipsis when something was cut."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + ELLIPSIS


def one_line(text: str | None) -> str:
    """Text for a plain-string table cell: one line (a plain cell does not wrap)."""
    return " ".join(plain(text).split()) if text else ""


def clipped(text: str, font: str, size: float, width: float) -> str:
    """The longest start of ``text`` that fits ``width`` points, with an ellipsis if cut."""
    if stringWidth(text, font, size) <= width:
        return text
    low, high = 0, len(text)
    while low < high:
        middle = (low + high + 1) // 2
        if stringWidth(text[:middle] + ELLIPSIS, font, size) <= width:
            low = middle
        else:
            high = middle - 1
    return text[:low].rstrip() + ELLIPSIS


def paragraphs(text: str | None) -> list[str]:
    """A long text split at blank lines, each part as escaped markup (for the case body)."""
    if not text:
        return []
    parts = _BLANK_LINES.split(plain(text).strip())
    return [escape(part.strip()).replace("\n", "<br/>") for part in parts if part.strip()]
