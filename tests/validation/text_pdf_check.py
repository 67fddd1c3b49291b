"""Reading a report back: its text (pdftotext), which characters were drawn without a glyph,
which fonts it uses, and whether markup in user text became a link or an image."""

from __future__ import annotations

import io
import re
import struct
import subprocess
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from pypdf import PdfReader

# ReportLab's built-in faces: no Cyrillic; user text drawn in one of them is black boxes.
STANDARD_FONTS = ("Helvetica", "Times", "Courier", "Symbol", "ZapfDingbats")
_BFCHAR = re.compile(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>")
_DIGITS = re.compile(r"\d+")


@dataclass
class PdfFacts:
    text: str
    fonts: set[str] = field(default_factory=set)
    missing_glyphs: set[str] = field(default_factory=set)
    links: list[str] = field(default_factory=list)
    images: int = 0


def extracted_text(pdf: bytes) -> str:
    """The text as drawn (``-raw``: content order, and "<", "&", ">" kept with their spaces)."""
    done = subprocess.run(
        ["pdftotext", "-raw", "-enc", "UTF-8", "-", "-"],
        input=pdf,
        capture_output=True,
        check=True,
        timeout=300,
    )
    return unicodedata.normalize("NFC", done.stdout.decode("utf-8", "replace"))


def read_pdf(pdf: bytes) -> PdfFacts:
    facts = PdfFacts(extracted_text(pdf))
    seen: set[int] = set()
    for page in PdfReader(io.BytesIO(pdf)).pages:
        resources: Any = page.get("/Resources") or {}
        resources = resources.get_object()
        for ref in _values(resources.get("/Font")):
            if ref.idnum not in seen:
                seen.add(ref.idnum)
                _font(ref.get_object(), facts)
        facts.images += sum(
            1
            for ref in _values(resources.get("/XObject"))
            if ref.get_object().get("/Subtype") == "/Image"
        )
        for annotation in _values(page.get("/Annots"), listed=True):
            action = annotation.get_object().get("/A") or {}
            facts.links.append(str(action.get("/URI") or action.get("/F") or action.get("/S")))
    return facts


def _values(holder: Any, *, listed: bool = False) -> list[Any]:
    if holder is None:
        return []
    holder = holder.get_object()
    return list(holder) if listed else list(holder.values())


def _font(font: Any, facts: PdfFacts) -> None:
    name = str(font.get("/BaseFont", "")).lstrip("/").split("+", 1)[-1]
    facts.fonts.add(name)
    descriptor = font.get("/FontDescriptor")
    unicode_map = font.get("/ToUnicode")
    if descriptor is None or unicode_map is None:
        return
    program = descriptor.get_object().get("/FontFile2")
    if program is None:
        return
    glyphs = subset_glyphs(program.get_object().get_data())
    for code, text in to_unicode(unicode_map.get_object().get_data()).items():
        if code and glyphs.get(code, 0) == 0:
            facts.missing_glyphs.add(text)


def to_unicode(cmap: bytes) -> dict[int, str]:
    """A ToUnicode CMap's single-code mappings (ReportLab writes ``bfchar`` entries)."""
    found = {}
    for code, text in _BFCHAR.findall(cmap):
        digits = text.decode()
        if len(digits) % 4:
            # ReportLab writes a character beyond U+FFFF as its code point, not UTF-16.
            point = int(digits, 16)
            found[int(code, 16)] = chr(point) if point <= 0x10FFFF else "\ufffd"
        else:
            found[int(code, 16)] = bytes.fromhex(digits).decode("utf-16-be", "replace")
    return found


def subset_glyphs(font: bytes) -> dict[int, int]:
    """Code → glyph index of a TrueType subset as ReportLab embeds it (one cmap, format 6);
    glyph 0 is the "missing character" box."""
    tables = struct.unpack(">H", font[4:6])[0]
    for index in range(tables):
        tag, _, offset, _ = struct.unpack(">4sIII", font[12 + 16 * index : 28 + 16 * index])
        if tag == b"cmap":
            return _cmap(font, offset)
    return {}


def _cmap(font: bytes, start: int) -> dict[int, int]:
    count = struct.unpack(">H", font[start + 2 : start + 4])[0]
    for index in range(count):
        _, _, offset = struct.unpack(">HHI", font[start + 4 + 8 * index : start + 12 + 8 * index])
        table = start + offset
        if struct.unpack(">H", font[table : table + 2])[0] == 6:
            first, entries = struct.unpack(">HH", font[table + 6 : table + 10])
            ids = struct.unpack(f">{entries}H", font[table + 10 : table + 10 + 2 * entries])
            return {first + i: glyph for i, glyph in enumerate(ids)}
    return {}


def without_furniture(text: str) -> str:
    """The text of every page without its running head and foot.

    A value that runs over a page break is interrupted by them in the extracted text. A line is
    furniture when it stands at the same place (one of a page's first three lines, or its last)
    on every page, the same but for its digits ("Page 2 of 5").
    """
    pages = [[line for line in page.split("\n") if line.strip()] for page in text.split("\f")]
    pages = [page for page in pages if page]
    if len(pages) < 2:
        return text
    drop: set[int] = set()
    for place in (0, 1, 2, -1):
        shapes = {_DIGITS.sub("#", page[place]) if len(page) > 3 else None for page in pages}
        if len(shapes) == 1 and None not in shapes:
            drop.add(place)
    kept = []
    for page in pages:
        places = {p % len(page) for p in drop}
        kept += [line for index, line in enumerate(page) if index not in places]
    return "\n".join(kept)


def standard_fonts(facts: PdfFacts) -> list[str]:
    return sorted(f for f in facts.fonts if f.startswith(STANDARD_FONTS))


def squeezed(text: str) -> str:
    """Text without any white space: line breaks where a report wrapped a long value vanish."""
    return "".join(text.split())
