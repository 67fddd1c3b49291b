"""Hostile text for every field: Cyrillic, Latin, right-to-left, emoji, combining marks, control
characters, lone surrogates and ReportLab markup, mixed; and how a value is expected to be
stored and printed (the product's documented normalisation: NFC, trimmed)."""

from __future__ import annotations

import random
import re
import unicodedata

from hypothesis import strategies as st

CYRILLIC = "АБВГҐДЕЄЖЗИІЇЙКЛМНОПРСТУФХЦЧШЩЬЮЯабвгґдеєжзиіїйклмнопрстуфхцчшщьюяЁёЪъЫыЭэ"
LATIN = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyzÄÖÜßàéèçñøåœŁłŠšŽžĆćĞğİı"
DIGITS = "0123456789"
RIGHT_TO_LEFT = "שלוםעולםمرحباالعالم"
EMOJI = ["😀", "🙂", "👍🏽", "👨‍👩‍👧", "🇺🇦", "🕯", "✝", "☦"]
MARKS = "\u0301\u0308\u0306\u0311\u20dd"
CONTROLS = "\x01\x07\x08\x0b\x0c\x1b\x1f\x7f\x85\u200b\u200e\u200f\u202a\u202e\u2028\ufeff"
SPACES = [" ", "\n", "\r\n", "\t", "\u00a0", "  "]
MARKUP = [
    "<b>",
    "</b>",
    "<i>x</i>",
    '<img src="/etc/passwd"/>',
    "<img src='file:///etc/hostname' width='10' height='10'/>",
    '<link href="file:///etc/passwd">зв\'язок</link>',
    '<a href="javascript:alert(1)">a</a>',
    "<para>",
    "</para>",
    "<br/>",
    '<font color="red">',
    '<font color="[x for x in ().__class__.__bases__]">',
    "<unclosed",
    "<",
    ">",
    "&",
    "&amp;",
    "&lt;b&gt;",
    "&#0;",
    "&#x1F600;",
    "&nbsp;",
    "<![CDATA[",
    "<!--",
    "%s",
    "{0}",
    "\\",
    '"',
    "'",
    "ʼ",
    "№",
]
NAMES = ["Іваненко", "Иванов", "O'Neil", "Гнатюк", "Дем'яненко", "Müller", "Smith-Jones", "Ёлкин"]
# Characters a refusal, not a crash, must meet: NUL, and lone surrogates from broken sources.
FORBIDDEN = ["\x00", "\ud800", "\udfff", "\udcff"]

_CHECKABLE = re.compile(f"[{re.escape(CYRILLIC + LATIN + DIGITS)}<>&]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _piece() -> st.SearchStrategy[str]:
    letters = st.text(st.sampled_from(CYRILLIC + LATIN + DIGITS), min_size=1, max_size=12)
    return st.one_of(
        letters,
        letters,
        st.sampled_from(NAMES),
        st.sampled_from(MARKUP),
        st.text(st.sampled_from(RIGHT_TO_LEFT), min_size=1, max_size=6),
        st.sampled_from(EMOJI),
        st.text(st.sampled_from(MARKS), min_size=1, max_size=2),
        st.text(st.sampled_from(CONTROLS), min_size=1, max_size=2),
        st.sampled_from(SPACES),
        st.characters(codec="utf-8", exclude_categories=["Cs"]),
    )


def hostile_text() -> st.SearchStrategy[str]:
    """Mixed pieces, now and then with a character that must be refused."""
    plain = st.lists(_piece(), min_size=1, max_size=14).map("".join)
    spoiled = st.tuples(plain, st.sampled_from(FORBIDDEN), plain).map("".join)
    return st.one_of(plain, plain, plain, plain, spoiled)


def long_note(seed: int, length: int) -> str:
    """A note of ``length`` characters: words in both scripts, markup, lines and paragraphs."""
    rng = random.Random(seed)
    words = [*NAMES, *MARKUP[:20], "шрам", "татуювання", "scar", "tattoo", "<b>увага</b>"]
    parts: list[str] = []
    size = 0
    while size < length:
        word = rng.choice(words) + rng.choice([" ", " ", " ", "\n", "\n\n", ", "])
        parts.append(word)
        size += len(word)
    text = "".join(parts)[:length]
    return "А" + text[1:-1] + "Я"


def stored_form(text: str) -> str | None:
    """What the product keeps of a value it accepts: NFC, trimmed; None when empty."""
    value = unicodedata.normalize("NFC", text).strip()
    return value or None


def fitted(text: str, *, one_line: bool, limit: int) -> str:
    """``text`` made acceptable for a field: no NUL or lone surrogate, one line if it must be,
    within the field's length once normalised."""
    value = "".join(c for c in text if c != "\x00" and not "\ud800" <= c <= "\udfff")
    if one_line:
        value = value.replace("\r", " ").replace("\n", " ")
    value = unicodedata.normalize("NFC", value).strip()[:limit].strip()
    return value or "x"


def printable_form(text: str) -> str:
    """The value as a PDF prints it: control characters as spaces (``reports.markup.plain``)."""
    return _CONTROL.sub(" ", text.replace("\r\n", "\n").replace("\r", "\n"))


def checkable(text: str) -> str:
    """Only what the report font must draw and a text extractor gives back unchanged:
    Cyrillic and Latin letters, digits, and the markup signs ``<``, ``>`` and ``&``."""
    return "".join(_CHECKABLE.findall(unicodedata.normalize("NFC", text)))


def must_draw(text: str) -> set[str]:
    """The Cyrillic and Latin letters of ``text``: each must have its glyph in the PDF."""
    return {c for c in unicodedata.normalize("NFC", text) if c in CYRILLIC or c in LATIN}
