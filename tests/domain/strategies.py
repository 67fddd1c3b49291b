"""Hypothesis strategies for MRZ fields and zones, shared by the domain tests."""

from __future__ import annotations

import datetime as dt
import string

from hypothesis import strategies as st

from forensiclog.domain.countries import NAMES
from forensiclog.domain.mrz import LAYOUTS, MrzFields
from forensiclog.domain.mrz_compose import compose_mrz

# A fixed "today" keeps the two-digit years of generated zones unambiguous.
TODAY = dt.date(2026, 5, 1)
ALPHANUMERIC = string.ascii_uppercase + string.digits
DOCUMENT_CODES = {"TD1": ["I", "ID", "IR", "A", "AC", "C"], "TD2": ["I", "ID", "A", "C"]}
DOCUMENT_CODES["TD3"] = ["P", "PN", "PO", "PD"]

countries = st.sampled_from([*sorted(NAMES), "D"])
sexes = st.sampled_from(["M", "F", "X", ""])
# Births within 99 years and expiries within 49 years of TODAY: what two-digit years can tell.
birth_dates = st.none() | st.dates(
    TODAY.replace(year=TODAY.year - 99) + dt.timedelta(days=1), TODAY
)
expiry_dates = st.none() | st.dates(
    TODAY.replace(year=TODAY.year - 49), TODAY.replace(year=TODAY.year + 49)
)
words = st.text(string.ascii_uppercase, min_size=1, max_size=10)


def alphanumeric(min_size: int, max_size: int) -> st.SearchStrategy[str]:
    return st.text(ALPHANUMERIC, min_size=min_size, max_size=max_size)


@st.composite
def names(draw: st.DrawFn, width: int) -> tuple[str, str]:
    """A surname and given names in Latin capitals that fit a name field of ``width``."""
    surname = " ".join(draw(st.lists(words, min_size=1, max_size=2)))[: width - 3].strip()
    given: list[str] = []
    for word in draw(st.lists(words, max_size=3)):
        candidate = " ".join([*given, word])
        if len(surname) + 2 + len(candidate) <= width:
            given.append(word)
    return surname, " ".join(given)


@st.composite
def number_and_personal(draw: st.DrawFn, format_name: str) -> tuple[str, str]:
    """A document number (longer than 9 only where the format allows) and the optional data."""
    layout = LAYOUTS[format_name]
    width = layout.optional.stop - layout.optional.start
    longest = 9 + width - 1 if layout.overflow else 9
    number = draw(alphanumeric(1, longest))
    room = width if len(number) <= 9 else width - (len(number) - 9 + 1) - 1
    personal = draw(alphanumeric(0, max(room, 0)))
    return number, personal


@st.composite
def mrz_fields(draw: st.DrawFn, format_name: str) -> MrzFields:
    """Fields that ``compose_mrz(format_name, ...)`` accepts."""
    layout = LAYOUTS[format_name]
    surname, given = draw(names(layout.names.stop - layout.names.start))
    number, personal = draw(number_and_personal(format_name))
    optional_2 = draw(alphanumeric(0, 11)) if format_name == "TD1" else ""
    return MrzFields(
        document_code=draw(st.sampled_from(DOCUMENT_CODES[format_name])),
        issuing_state=draw(countries),
        surname=surname,
        given_names=given,
        document_number=number,
        nationality=draw(countries),
        birth_date=draw(birth_dates),
        sex=draw(sexes),
        expiry_date=draw(expiry_dates),
        personal_number=personal,
        optional_data_2=optional_2,
    )


formats = st.sampled_from(["TD1", "TD2", "TD3"])


@st.composite
def mrz_zones(draw: st.DrawFn) -> tuple[str, MrzFields, tuple[str, ...]]:
    """A format, its fields and the valid zone composed from them."""
    format_name = draw(formats)
    fields = draw(mrz_fields(format_name))
    return format_name, fields, compose_mrz(format_name, fields)
