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


def para_text(text: str | None, *, cap: int | None = None, lines: int | None = None) -> str:
    """``text`` as Paragraph markup that prints literally; line breaks kept; capped to ``cap``
    characters and ``lines`` lines if asked."""
    if not text:
        return ""
    value = plain(text)
    if lines is not None:
        value = first_lines(value, lines)
    if cap is not None:
        value = capped(value, cap)
    return escape(value).replace("\n", "<br/>")


def first_lines(text: str, limit: int) -> str:
    """At most ``limit`` lines, the last ending in an ellipsis when lines were left out: a few
    hundred characters of line breaks would otherwise make a table cell taller than a page."""
    lines = text.split("\n")
    if len(lines) <= limit:
        return text
    return "\n".join([*lines[: limit - 1], lines[limit - 1].rstrip() + ELLIPSIS])


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


def text_pieces(text: str | None, piece: int = 2000) -> list[tuple[str, bool]]:
    """A long text for the case body as escaped pieces, each with whether a paragraph ends there.

    Every line is its own piece, and a line longer than ``piece`` characters is cut (at a space
    when there is one near): ReportLab re-wraps a paragraph's whole remainder at every page
    break, so one 100 KB paragraph would take seconds where pieces take a fraction.
    """
    if not text:
        return []
    out: list[tuple[str, bool]] = []
    for block in _BLANK_LINES.split(plain(text).strip()):
        lines = [line.strip() for line in block.split("\n") if line.strip()]
        for index, line in enumerate(lines):
            cuts = _cut(line, piece)
            out += [(escape(part), False) for part in cuts[:-1]]
            out.append((escape(cuts[-1]), index == len(lines) - 1))
    return out


def _cut(line: str, size: int) -> list[str]:
    parts = []
    while len(line) > size:
        space = line.rfind(" ", size // 2, size)
        at = space if space > 0 else size
        parts.append(line[:at])
        line = line[at:].lstrip(" ")
    return [*parts, line]
