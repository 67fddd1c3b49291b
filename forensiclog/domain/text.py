"""Text as users type it: normalised to NFC, trimmed, checked; dates in YYYY-MM-DD."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

from forensiclog.domain.errors import InvalidInput

DATE_PATTERN = re.compile(r"\d{4}-\d{2}-\d{2}")
_SURROGATE = re.compile("[\ud800-\udfff]")
# Long enough for any note a person types; a cap keeps a pasted file out of a field.
MAX_TEXT = 100_000
MAX_SHORT_TEXT = 500


def clean_text(value: str | None, field: str, *, max_length: int = MAX_TEXT) -> str | None:
    """``value`` in NFC without surrounding whitespace, or None when empty."""
    if value is None:
        return None
    if _SURROGATE.search(value):
        # Pasted from a broken source, or an undecodable byte in a file name or argument:
        # it cannot be stored as UTF-8, so it is refused here rather than by the database.
        raise InvalidInput(field, "contains a broken character (a lone surrogate, not text)")
    text = unicodedata.normalize("NFC", value).strip()
    if not text:
        return None
    if "\x00" in text:
        raise InvalidInput(field, "contains a NUL character")
    if len(text) > max_length:
        raise InvalidInput(field, f"is {len(text)} characters long; at most {max_length} are kept")
    return text


def short_text(value: str | None, field: str) -> str | None:
    """A one-line value (a tag, a location, a name): no line breaks, at most 500 characters."""
    text = clean_text(value, field, max_length=MAX_SHORT_TEXT)
    if text is not None and ("\n" in text or "\r" in text):
        raise InvalidInput(field, "must be one line")
    return text


def required_text(value: str | None, field: str, *, max_length: int = MAX_TEXT) -> str:
    text = clean_text(value, field, max_length=max_length)
    if text is None:
        raise InvalidInput(field, "is required")
    return text


def parse_date(value: str | None, field: str) -> dt.date | None:
    """A date given as YYYY-MM-DD, or None when empty."""
    text = (value or "").strip()
    if not text:
        return None
    if not DATE_PATTERN.fullmatch(text):
        raise InvalidInput(field, f"{value!r} is not a date in the form YYYY-MM-DD")
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise InvalidInput(field, f"{value!r} is not a real date") from None


def parse_count(
    value: str | int | None, field: str, *, minimum: int = 0, maximum: int = 10**7
) -> int | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    try:
        number = int(value)
    except ValueError:
        raise InvalidInput(field, f"{value!r} is not a whole number") from None
    if not minimum <= number <= maximum:
        raise InvalidInput(field, f"{number} is outside {minimum}–{maximum}")
    return number


def required_date(value: str | None, field: str) -> dt.date:
    date = parse_date(value, field)
    if date is None:
        raise InvalidInput(field, "is required (YYYY-MM-DD)")
    return date
