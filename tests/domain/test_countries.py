"""Country codes: the ISO list, the ICAO additions, parsing and names in both languages."""

from __future__ import annotations

import re
import unicodedata

import pytest

from forensiclog.domain.countries import (
    ICAO_CODES,
    ISO_COUNTRIES,
    alphabetical_key,
    country_choices,
    country_name,
    is_known,
    is_state,
    parse_country,
)
from forensiclog.domain.errors import InvalidInput


def test_every_current_iso_code_is_listed() -> None:
    assert len(ISO_COUNTRIES) == 249
    assert all(re.fullmatch(r"[A-Z]{3}", code) for code in ISO_COUNTRIES)
    for code in ("UKR", "RUS", "BLR", "POL", "MDA", "GEO", "KAZ", "USA", "SSD", "BES", "CUW"):
        assert code in ISO_COUNTRIES
    # Withdrawn codes are not current: the Netherlands Antilles, Serbia and Montenegro, USSR.
    for code in ("ANT", "SCG", "SUN", "YUG"):
        assert not is_known(code)


BRITISH_CLASSES = ["GBD", "GBN", "GBO", "GBP", "GBS"]
ORGANISATIONS = ["UNO", "UNA", "UNK", "EUE", "XOM", "XPO"]
NATIONALITY_STATUSES = ["XXA", "XXB", "XXC", "XXX"]


@pytest.mark.parametrize(
    "code", [*BRITISH_CLASSES, *ORGANISATIONS, *NATIONALITY_STATUSES, "RKS", "UTO"]
)
def test_icao_codes_that_are_not_iso_are_known(code: str) -> None:
    assert is_known(code)
    assert parse_country(code) == code


@pytest.mark.parametrize(
    ("text", "code"),
    [("UKR", "UKR"), (" ukr ", "UKR"), ("Rus", "RUS"), ("D", "DEU"), ("D<<", "DEU"), ("d<", "DEU")],
)
def test_parse_country(text: str, code: str) -> None:
    assert parse_country(text) == code


@pytest.mark.parametrize("text", ["", "UA", "XYZ", "Ukraine", "УКР", "SUN", "DE"])
def test_an_unknown_code_is_refused_naming_the_value_and_field(text: str) -> None:
    with pytest.raises(InvalidInput) as refused:
        parse_country(text, "issuing_state")
    assert refused.value.field == "issuing_state"
    assert repr(text) in str(refused.value)
    assert "ISO 3166-1 alpha-3" in refused.value.reason


def test_the_default_field_name_is_country() -> None:
    with pytest.raises(InvalidInput, match=r"^country: 'ZZZ' is not a country code"):
        parse_country("ZZZ")


@pytest.mark.parametrize(
    ("code", "english", "ukrainian"),
    [
        ("UKR", "Ukraine", "Україна"),
        ("RUS", "Russian Federation", "Російська Федерація"),
        ("DEU", "Germany", "Німеччина"),
        ("D", "Germany", "Німеччина"),
        ("GBR", "United Kingdom", "Велика Британія"),
        ("MDA", "Moldova", "Молдова"),
        ("XXA", "Stateless person", "Особа без громадянства"),
        ("UTO", "Utopia (ICAO specimen)", "Утопія (зразок ICAO)"),
    ],
)
def test_country_names(code: str, english: str, ukrainian: str) -> None:
    assert country_name(code) == english
    assert country_name(code, "en") == english
    assert country_name(code.lower(), "uk") == ukrainian


def test_an_unknown_code_is_printed_as_it_is() -> None:
    assert country_name("SUN", "uk") == "SUN"


def test_an_unknown_language_is_refused() -> None:
    with pytest.raises(InvalidInput, match="'ru' is not one of en, uk"):
        country_name("UKR", "ru")


def test_every_code_has_both_names_in_the_right_script() -> None:
    for code, (english, ukrainian) in {**ISO_COUNTRIES, **ICAO_CODES}.items():
        assert english[0].isupper() and ukrainian[0].isupper(), code
        assert not any(_is_cyrillic(char) for char in english), code
        assert any(_is_cyrillic(char) for char in ukrainian), code
        # Ukrainian spelling has no Ы, Э or Ъ and writes the apostrophe as ’.
        assert not set("ыэъЫЭЪ'") & set(ukrainian), code


def test_states_are_told_from_organisations_and_statuses() -> None:
    assert is_state("UKR") and is_state("D") and is_state("GBD") and is_state("RKS")
    for code in ("UNO", "EUE", "XPO", "XXA", "XXX", "UTO", "ZZZ"):
        assert not is_state(code), code


def test_choices_follow_the_ukrainian_alphabet() -> None:
    names = [name for _, name in country_choices("uk")]
    assert len(names) == len(set(code for code, _ in country_choices("uk"))) == 274
    assert names == sorted(names, key=alphabetical_key)
    # Code-point order would put І (U+0406) after Я; the alphabet puts it before Й.
    assert names.index("Ізраїль") < names.index("Йорданія") < names.index("Японія")
    assert names.index("Естонія") < names.index("Єгипет") < names.index("Замбія")


def test_english_choices_ignore_accents() -> None:
    names = [name for _, name in country_choices("en")]
    assert names.index("Afghanistan") < names.index("Åland Islands") < names.index("Albania")


def _is_cyrillic(char: str) -> bool:
    return "CYRILLIC" in unicodedata.name(char, "")
