"""Composing a valid machine-readable zone from its fields (for specimens and the demo)."""

from __future__ import annotations

import datetime as dt
import string

from forensiclog.domain import countries
from forensiclog.domain.errors import InvalidInput
from forensiclog.domain.mrz import (
    ALPHABET,
    ASCII_UPPER,
    FILLER,
    LAYOUTS,
    Layout,
    MrzFields,
    check_digit,
)


def compose_mrz(format_name: str, fields: MrzFields) -> tuple[str, ...]:
    """The lines of a valid zone holding ``fields``, every check digit computed.

    Names must already be in Latin letters (the MRZ alphabet is A–Z, 0–9 and ``<``): a name
    in another script is refused, as is a field too long for the format.
    """
    layout = LAYOUTS.get(format_name)
    if layout is None:
        raise InvalidInput("format", f"{format_name!r} is not one of TD1, TD2, TD3")
    zone = [FILLER] * (layout.lines * layout.width)
    _put(zone, 0, _document_code(fields.document_code))
    _put(zone, 2, _country(fields.issuing_state, "issuing_state"))
    _put(zone, layout.names.start, _name_field(fields, layout))
    _put(zone, layout.nationality, _country(fields.nationality, "nationality"))
    _put_date(zone, layout.birth, fields.birth_date)
    _put(zone, layout.sex, _sex_code(fields.sex))
    _put_date(zone, layout.expiry, fields.expiry_date)
    _put_number_and_optional(zone, layout, fields)
    if layout.optional_2 is not None:
        width = layout.optional_2.stop - layout.optional_2.start
        _put(zone, layout.optional_2.start, _code(fields.optional_data_2, "optional_data_2", width))
    elif fields.optional_data_2:
        raise InvalidInput("optional_data_2", f"a {layout.name} zone has no second optional field")
    data = "".join("".join(zone[part]) for part in layout.composite_parts)
    zone[layout.composite] = check_digit(data)
    text = "".join(zone)
    return tuple(text[i : i + layout.width] for i in range(0, len(text), layout.width))


def _put(zone: list[str], start: int, text: str) -> None:
    zone[start : start + len(text)] = list(text)


def _put_date(zone: list[str], start: int, value: dt.date | None) -> None:
    text = value.strftime("%y%m%d") if value else FILLER * 6
    _put(zone, start, text + check_digit(text))


def _put_number_and_optional(zone: list[str], layout: Layout, fields: MrzFields) -> None:
    width = layout.optional.stop - layout.optional.start
    longest = 9 + width - 1 if layout.overflow else 9
    number = _code(fields.document_number, "document_number", longest, minimum=1)
    personal = _code(fields.personal_number, "personal_number", width)
    if len(number) <= 9:
        _put(zone, layout.number, number.ljust(9, FILLER) + check_digit(number.ljust(9, FILLER)))
    else:
        _put(zone, layout.number, number[:9] + FILLER)
        overflow = number[9:] + check_digit(number)
        personal = overflow + (FILLER + personal if personal else "")
        if len(personal) > width:
            raise InvalidInput(
                "personal_number", f"does not fit beside a {len(number)}-character number"
            )
    _put(zone, layout.optional.start, personal)
    if layout.optional_check is not None:
        check = check_digit(personal) if personal else FILLER
        _put(zone, layout.optional_check, check)


def _code(text: str, field: str, width: int, *, minimum: int = 0) -> str:
    value = text.strip().translate(ASCII_UPPER)
    bad = [char for char in value if char not in ALPHABET or char == FILLER]
    if bad:
        raise InvalidInput(field, f"{bad[0]!r} is not allowed; use A–Z and 0–9 only")
    if not minimum <= len(value) <= width:
        raise InvalidInput(field, f"{value!r} must have {minimum} to {width} characters here")
    return value


def _document_code(text: str) -> str:
    code = _code(text, "document_code", 2, minimum=1)
    if code.startswith("V"):
        raise InvalidInput("document_code", "visa zones (code V) are not composed here")
    return code


def _country(text: str, field: str) -> str:
    code = _code(text, field, 3, minimum=1)
    if not countries.is_known(code):
        raise InvalidInput(field, f"{code!r} is not a known country or ICAO code")
    return code.ljust(3, FILLER)


def _sex_code(sex: str) -> str:
    if sex not in ("", "M", "F", "X"):
        raise InvalidInput("sex", f"{sex!r} is not M, F, X or empty")
    return sex or FILLER


def _name_field(fields: MrzFields, layout: Layout) -> str:
    surname = _name_part(fields.surname, "surname")
    given = _name_part(fields.given_names, "given_names")
    text = f"{surname}{FILLER * 2}{given}" if given else surname
    width = layout.names.stop - layout.names.start
    if not surname or len(text) > width:
        raise InvalidInput(
            "surname",
            f"surname and given names need 1 to {width} characters in a {layout.name} zone",
        )
    return text


def _name_part(text: str, field: str) -> str:
    # Doc 9303 drops apostrophes and writes hyphens and spaces as filler.
    for apostrophe in "'’ʼ":
        text = text.replace(apostrophe, "")
    words = text.replace("-", " ").split()
    value = FILLER.join(words).translate(ASCII_UPPER)
    for char in value:
        if char not in string.ascii_uppercase and char != FILLER:
            raise InvalidInput(
                field, f"{char!r} is not a Latin letter A–Z; transliterate the name first"
            )
    return value
