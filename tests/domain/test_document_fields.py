"""Typed document fields against the MRZ: filled when empty, kept and named when different."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from forensiclog.domain.document_fields import DocumentFields, foreign_state, reconcile
from forensiclog.domain.errors import InvalidInput
from forensiclog.domain.mrz import MrzResult, parse_mrz
from forensiclog.domain.mrz_compose import compose_mrz

TODAY = dt.date(2026, 5, 1)
SPECIMEN = parse_mrz(
    [
        "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
        "L898902C36UTO7408122F1204159ZE184226B<<<<<10",
    ],
    today=TODAY,
)
FILLED = DocumentFields(
    country="UTO",
    number="L898902C3",
    surname="ERIKSSON",
    given_names="ANNA MARIA",
    birth_date=dt.date(1974, 8, 12),
    sex="F",
    expiry_date=dt.date(2012, 4, 15),
    personal_number="ZE184226B",
)


def zone(format_name: str = "TD3", **changes: object) -> MrzResult:
    fields = dataclasses.replace(SPECIMEN.fields, **changes)
    return parse_mrz(compose_mrz(format_name, fields), today=TODAY)


def test_empty_typed_fields_are_filled_from_the_mrz() -> None:
    assert reconcile(DocumentFields(), SPECIMEN) == (FILLED, ())


def test_empty_strings_count_as_empty() -> None:
    typed = DocumentFields(country="", number="", surname="", personal_number="")
    assert reconcile(typed, SPECIMEN) == (FILLED, ())


def test_agreeing_typed_fields_give_no_warning() -> None:
    typed = DocumentFields(
        country="uto",
        number="L 898902 C3",
        surname="Eriksson",
        given_names="Anna-Maria",
        birth_date=dt.date(1974, 8, 12),
        sex="f",
        personal_number="ze-184226-b",
    )
    filled, warnings = reconcile(typed, SPECIMEN)
    assert warnings == ()
    assert filled.surname == "Eriksson"  # the typed form is kept, as printed
    assert filled.expiry_date == dt.date(2012, 4, 15)


def test_a_disagreeing_date_is_kept_and_named() -> None:
    typed = DocumentFields(birth_date=dt.date(1974, 8, 13))
    filled, warnings = reconcile(typed, SPECIMEN)
    assert filled.birth_date == dt.date(1974, 8, 13)
    assert warnings == ("birth date: typed 1974-08-13, MRZ says 1974-08-12",)


def test_every_kind_of_disagreement_is_named_in_field_order() -> None:
    typed = DocumentFields(
        country="RUS",
        number="L898902C4",
        surname="Eriksen",
        given_names="Anna",
        sex="M",
        expiry_date=dt.date(2012, 4, 16),
        personal_number="ZE184226C",
    )
    filled, warnings = reconcile(typed, SPECIMEN)
    assert filled == dataclasses.replace(typed, birth_date=dt.date(1974, 8, 12))
    assert warnings == (
        "country: typed RUS, MRZ says UTO",
        "document number: typed L898902C4, MRZ says L898902C3",
        "surname: typed Eriksen, MRZ says ERIKSSON",
        "given names: typed Anna, MRZ says ANNA MARIA",
        "sex: typed M, MRZ says F",
        "expiry date: typed 2012-04-16, MRZ says 2012-04-15",
        "personal number: typed ZE184226C, MRZ says ZE184226B",
    )


def test_a_cyrillic_name_is_not_a_disagreement_with_the_latin_one() -> None:
    mrz = zone(surname="SHEVCHENKO", given_names="TARAS", issuing_state="UKR")
    typed = DocumentFields(surname="Шевченко", given_names="Тарас Григорович")
    filled, warnings = reconcile(typed, mrz)
    assert warnings == ()
    assert (filled.surname, filled.given_names) == ("Шевченко", "Тарас Григорович")


def test_a_latin_name_that_differs_from_the_mrz_is_a_disagreement() -> None:
    mrz = zone(surname="HNATIUK", given_names="OLHA", issuing_state="UKR")
    _, warnings = reconcile(DocumentFields(surname="Gnatyuk"), mrz)
    assert warnings == ("surname: typed Gnatyuk, MRZ says HNATIUK",)


@pytest.mark.parametrize(
    ("typed", "in_mrz"),
    [
        ("O'Neil", "ONEIL"),
        ("O’Neil", "ONEIL"),
        ("Smith-Jones", "SMITH JONES"),
        ("van der Berg", "VAN DER BERG"),
        ("Müller", "MUELLER"),
        ("Müller", "MULLER"),
        ("Ångström", "AANGSTROEM"),
        ("Nuñez", "NUNEZ"),
    ],
)
def test_names_are_compared_without_case_marks_and_separators(typed: str, in_mrz: str) -> None:
    _, warnings = reconcile(DocumentFields(surname=typed), zone(surname=in_mrz))
    assert warnings == ()


def test_a_cut_mrz_name_agrees_with_the_full_typed_name() -> None:
    mrz = zone("TD1", surname="KOSTIANTYNOPOLSKYKH", given_names="OLEKSANDR")
    assert mrz.name_may_be_truncated
    typed = DocumentFields(surname="Kostiantynopolskykh", given_names="Oleksandra Volodymyrivna")
    assert reconcile(typed, mrz)[1] == ()
    # The same prefix from a zone with room to spare is a real disagreement.
    roomy = zone("TD3", surname="KOSTIANTYNOPOLSKYKH", given_names="OLEKSANDR")
    assert reconcile(typed, roomy)[1] == (
        "given names: typed Oleksandra Volodymyrivna, MRZ says OLEKSANDR",
    )


def test_cyrillic_letters_that_look_latin_in_a_number_agree() -> None:
    mrz = zone(document_number="EK123456", issuing_state="UKR")
    _, warnings = reconcile(DocumentFields(number="ЕК 123456"), mrz)
    assert warnings == ()


def test_germany_written_d_in_the_mrz_fills_and_matches_deu() -> None:
    mrz = zone(issuing_state="D", nationality="D")
    assert mrz.fields.issuing_state == "D"
    assert reconcile(DocumentFields(), mrz)[0].country == "DEU"
    assert reconcile(DocumentFields(country="deu"), mrz)[1] == ()


def test_an_unspecified_mrz_sex_fills_nothing() -> None:
    filled, warnings = reconcile(DocumentFields(), zone(sex=""))
    assert filled.sex is None
    assert warnings == ()


def test_a_field_whose_check_failed_is_not_used() -> None:
    lines = list(SPECIMEN.lines)
    lines[1] = lines[1][:19] + "3" + lines[1][20:]  # the birth date's check digit
    broken = parse_mrz(lines, today=TODAY)
    assert broken.failures == ("birth_date", "composite")
    filled, warnings = reconcile(DocumentFields(birth_date=dt.date(1974, 8, 13)), broken)
    assert filled.birth_date == dt.date(1974, 8, 13)
    assert filled.number == "L898902C3"
    assert warnings == ("birth date: the MRZ check failed, so the MRZ value is not used",)
    assert reconcile(DocumentFields(), broken)[0].birth_date is None


def test_an_mrz_without_dates_leaves_typed_dates_alone() -> None:
    mrz = zone(birth_date=None, expiry_date=None, personal_number="")
    typed = DocumentFields(birth_date=dt.date(1980, 1, 2))
    filled, warnings = reconcile(typed, mrz)
    assert (filled.birth_date, filled.expiry_date, filled.personal_number) == (
        dt.date(1980, 1, 2),
        None,
        None,
    )
    assert warnings == ()


def test_a_typed_unknown_country_disagrees() -> None:
    assert reconcile(DocumentFields(country="ZZZ"), SPECIMEN)[1] == (
        "country: typed ZZZ, MRZ says UTO",
    )


@pytest.mark.parametrize(
    ("country", "own", "foreign"),
    [
        ("RUS", "UKR", True),
        ("rus", "UKR", True),
        ("UKR", "UKR", False),
        ("ukr", "UKR", False),
        ("D", "UKR", True),
        ("GBD", "UKR", True),
        (None, "UKR", False),
        ("", "UKR", False),
        ("UNO", "UKR", False),
        ("XXA", "UKR", False),
        ("UTO", "UKR", False),
        ("UKR", "RUS", True),
        ("RUS", "rus", False),
    ],
)
def test_foreign_state(country: str | None, own: str, foreign: bool) -> None:
    assert foreign_state(country, own) is foreign


def test_foreign_state_defaults_to_ukraine() -> None:
    assert foreign_state("RUS") and not foreign_state("UKR")


def test_foreign_state_refuses_an_unknown_code() -> None:
    with pytest.raises(InvalidInput, match="'ZZZ' is not a country code"):
        foreign_state("ZZZ")
