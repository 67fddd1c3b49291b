"""MRZ reading and checking against the ICAO Doc 9303 specimens, and composing round trips."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from forensiclog.domain.errors import InvalidInput
from forensiclog.domain.mrz import (
    LAYOUTS,
    VALUES,
    MrzFields,
    check_digit,
    parse_mrz,
)
from forensiclog.domain.mrz_compose import compose_mrz
from forensiclog.domain.records import MrzCheck

try:  # tests/ may or may not be a package; pytest puts this folder on sys.path if it is not
    from tests.domain.strategies import ALPHANUMERIC, TODAY, mrz_zones
except ModuleNotFoundError:
    from strategies import ALPHANUMERIC, TODAY, mrz_zones  # type: ignore[no-redef]

TD3_SPECIMEN = (
    "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
    "L898902C36UTO7408122F1204159ZE184226B<<<<<10",
)
TD1_SPECIMEN = (
    "I<UTOD231458907<<<<<<<<<<<<<<<",
    "7408122F1204159UTO<<<<<<<<<<<6",
    "ERIKSSON<<ANNA<MARIA<<<<<<<<<<",
)
TD2_SPECIMEN = (
    "I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<",
    "D231458907UTO7408122F1204159<<<<<<<6",
)
# Doc 9303 part 5: a 12-character number; its last three characters and check digit overflow.
TD1_LONG_NUMBER = ("I<UTOD23145890<7349<<<<<<<<<<<", *TD1_SPECIMEN[1:])


def changed(lines: tuple[str, ...], line: int, position: int, char: str) -> tuple[str, ...]:
    """``lines`` with the character at 1-based ``line`` and ``position`` replaced."""
    rows = list(lines)
    text = rows[line - 1]
    assert text[position - 1] != char
    rows[line - 1] = text[: position - 1] + char + text[position:]
    return tuple(rows)


# ---- the specimens -------------------------------------------------------------------------


def test_check_digits_of_the_specimen_fields() -> None:
    assert check_digit("L898902C3") == "6"
    assert check_digit("740812") == "2"
    assert check_digit("120415") == "9"
    assert check_digit("ZE184226B<<<<<") == "1"
    assert check_digit("D23145890734") == "9"
    assert check_digit("") == "0"


def test_td3_specimen() -> None:
    result = parse_mrz(TD3_SPECIMEN, today=TODAY)
    assert result.format == "TD3"
    assert result.valid and result.failures == ()
    assert result.checks == {
        "document_number": True,
        "birth_date": True,
        "expiry_date": True,
        "personal_number": True,
        "composite": True,
    }
    assert result.fields == MrzFields(
        document_code="P",
        issuing_state="UTO",
        surname="ERIKSSON",
        given_names="ANNA MARIA",
        document_number="L898902C3",
        nationality="UTO",
        birth_date=dt.date(1974, 8, 12),
        sex="F",
        expiry_date=dt.date(2012, 4, 15),
        personal_number="ZE184226B",
    )
    assert result.lines == TD3_SPECIMEN


@pytest.mark.parametrize(("lines", "format_name"), [(TD1_SPECIMEN, "TD1"), (TD2_SPECIMEN, "TD2")])
def test_td1_and_td2_specimens(lines: tuple[str, ...], format_name: str) -> None:
    result = parse_mrz(lines, today=TODAY)
    assert result.format == format_name
    assert result.valid
    assert list(result.checks) == ["document_number", "birth_date", "expiry_date", "composite"]
    f = result.fields
    assert (f.document_code, f.issuing_state, f.nationality) == ("I", "UTO", "UTO")
    assert (f.surname, f.given_names) == ("ERIKSSON", "ANNA MARIA")
    assert f.document_number == "D23145890"
    assert (f.birth_date, f.sex, f.expiry_date) == (dt.date(1974, 8, 12), "F", dt.date(2012, 4, 15))
    assert f.personal_number == ""


def test_td1_long_document_number_overflows_into_the_optional_data() -> None:
    result = parse_mrz(TD1_LONG_NUMBER, today=TODAY)
    assert result.valid
    assert result.fields.document_number == "D23145890734"
    assert result.fields.personal_number == ""


def test_td1_long_document_number_with_a_wrong_overflow_check_digit() -> None:
    result = parse_mrz(changed(TD1_LONG_NUMBER, 1, 19, "8"), today=TODAY)
    assert result.failures == ("document_number", "composite")
    assert "line 1, position 19: check digit is 8, computed 9" in result.details["document_number"]


def test_td1_filler_check_digit_without_an_overflow_fails_the_document_number() -> None:
    result = parse_mrz(changed(TD1_SPECIMEN, 1, 15, "<"), today=TODAY)
    assert "document_number" in result.failures
    assert "does not continue the number" in result.details["document_number"]


def test_td2_long_document_number() -> None:
    fields = MrzFields("I", "UTO", "ERIKSSON", "ANNA", "D2314589073", "UTO", None, "F", None)
    lines = compose_mrz("TD2", fields)
    assert lines[1][9] == "<"
    assert lines[1][28:31] == "73" + check_digit("D2314589073")
    assert parse_mrz(lines, today=TODAY).fields == fields


# ---- one changed character fails exactly the checks that cover it -------------------------

TD3_CHANGES = [
    (2, 3, "7", ("document_number", "composite")),  # document number
    (2, 10, "5", ("document_number", "composite")),  # its check digit
    (2, 16, "5", ("birth_date", "composite")),  # birth date
    (2, 20, "3", ("birth_date", "composite")),
    (2, 24, "5", ("expiry_date", "composite")),  # expiry date
    (2, 28, "8", ("expiry_date", "composite")),
    (2, 32, "5", ("personal_number", "composite")),  # personal number
    (2, 43, "2", ("personal_number", "composite")),
    (2, 44, "1", ("composite",)),
    (2, 12, "K", ()),  # nationality: no check digit covers it
    (1, 7, "X", ()),  # the name: no check digit covers it
]


@pytest.mark.parametrize(("line", "position", "char", "failures"), TD3_CHANGES)
def test_td3_one_changed_character(
    line: int, position: int, char: str, failures: tuple[str, ...]
) -> None:
    result = parse_mrz(changed(TD3_SPECIMEN, line, position, char), today=TODAY)
    assert result.failures == failures
    assert result.valid is (not failures)
    assert all(result.checks[code] is False for code in failures)


TD1_CHANGES = [
    (1, 8, "4", ("document_number", "composite")),
    (1, 15, "1", ("document_number", "composite")),
    (2, 3, "1", ("birth_date", "composite")),
    (2, 7, "3", ("birth_date", "composite")),
    (2, 11, "5", ("expiry_date", "composite")),
    (2, 15, "1", ("expiry_date", "composite")),
    (1, 20, "7", ("composite",)),  # optional data: covered by the composite check only
    (2, 22, "7", ("composite",)),
    (2, 30, "5", ("composite",)),
]


@pytest.mark.parametrize(("line", "position", "char", "failures"), TD1_CHANGES)
def test_td1_one_changed_character(
    line: int, position: int, char: str, failures: tuple[str, ...]
) -> None:
    assert parse_mrz(changed(TD1_SPECIMEN, line, position, char), today=TODAY).failures == failures


TD2_CHANGES = [
    (2, 1, "E", ("document_number", "composite")),
    (2, 18, "3", ("birth_date", "composite")),
    (2, 22, "2", ("expiry_date", "composite")),
    (2, 30, "5", ("composite",)),
    (2, 36, "0", ("composite",)),
]


@pytest.mark.parametrize(("line", "position", "char", "failures"), TD2_CHANGES)
def test_td2_one_changed_character(
    line: int, position: int, char: str, failures: tuple[str, ...]
) -> None:
    assert parse_mrz(changed(TD2_SPECIMEN, line, position, char), today=TODAY).failures == failures


def test_failures_are_listed_in_document_order() -> None:
    lines = changed(changed(TD3_SPECIMEN, 2, 44, "1"), 2, 3, "7")
    lines = changed(lines, 2, 24, "5")
    assert parse_mrz(lines, today=TODAY).failures == ("document_number", "expiry_date", "composite")


@pytest.mark.parametrize("char", ["O", "<", "K"])
def test_a_non_digit_where_a_check_digit_must_be(char: str) -> None:
    result = parse_mrz(changed(TD3_SPECIMEN, 2, 10, char), today=TODAY)
    assert result.failures[0] == "document_number"
    assert result.details["document_number"] == (
        f"line 2, position 10: {char!r} stands where a check digit must be"
    )


def test_failure_text_names_the_field_and_the_digits() -> None:
    result = parse_mrz(changed(TD3_SPECIMEN, 2, 20, "3"), today=TODAY)
    assert result.failure_text() == (
        "birth date: line 2, position 20: check digit is 3, computed 2; "
        "composite check: line 2, position 44: check digit is 0, computed 3"
    )


def test_an_ocr_confusion_is_reported_not_corrected() -> None:
    # The letter O typed for the digit 0 in the expiry date.
    result = parse_mrz(changed(TD3_SPECIMEN, 2, 24, "O"), today=TODAY)
    assert result.fields.expiry_date is None
    assert "expiry_date" in result.failures
    assert "'12O415' is not a date YYMMDD" in result.details["expiry_date"]


def test_an_impossible_date_with_correct_check_digits_names_the_field() -> None:
    line2 = "L898902C36UTO741312" + check_digit("741312") + "F1204159ZE184226B<<<<<1"
    composite = check_digit(line2[0:10] + line2[13:20] + line2[21:43])
    result = parse_mrz([TD3_SPECIMEN[0], line2 + composite], today=TODAY)
    assert result.failures == ("birth_date",)
    assert result.fields.birth_date is None
    assert "'741312' is not a real date" in result.details["birth_date"]


def test_an_all_filler_personal_number_may_carry_zero_or_filler() -> None:
    line2 = "L898902C36UTO7408122F1204159<<<<<<<<<<<<<<"
    for check in "0<":
        data = line2[0:10] + line2[13:20] + line2[21:28] + "<" * 14 + check
        lines = [TD3_SPECIMEN[0], line2 + check + check_digit(data)]
        result = parse_mrz(lines, today=TODAY)
        assert result.valid, result.failure_text()
        assert result.fields.personal_number == ""


def test_a_filler_check_digit_beside_a_personal_number_fails() -> None:
    line2 = "L898902C36UTO7408122F1204159ZE184226B<<<<<<"
    lines = [TD3_SPECIMEN[0], line2 + check_digit(line2[0:10] + line2[13:20] + line2[21:43])]
    assert parse_mrz(lines, today=TODAY).failures == ("personal_number",)


def test_an_unknown_birth_date_written_as_filler() -> None:
    line2 = "7408122F1204159UTO<<<<<<<<<<<6".replace("7408122", "74<<<<" + check_digit("74<<<<"))
    data = TD1_SPECIMEN[0][5:30] + line2[0:7] + line2[8:15] + line2[18:29]
    lines = [TD1_SPECIMEN[0], line2[:29] + check_digit(data), TD1_SPECIMEN[2]]
    result = parse_mrz(lines, today=TODAY)
    assert result.valid, result.failure_text()
    assert result.fields.birth_date is None


# ---- dates and centuries ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("yymmdd", "birth"),
    [
        ("260430", dt.date(2026, 4, 30)),
        ("260501", dt.date(2026, 5, 1)),
        ("260502", dt.date(1926, 5, 2)),
    ],
)
def test_birth_century_never_puts_the_birth_in_the_future(yymmdd: str, birth: dt.date) -> None:
    fields = dataclasses.replace(parse_mrz(TD3_SPECIMEN, today=TODAY).fields, birth_date=birth)
    lines = compose_mrz("TD3", fields)
    assert lines[1][13:19] == yymmdd
    assert parse_mrz(lines, today=TODAY).fields.birth_date == birth


@pytest.mark.parametrize(
    ("expiry", "today"),
    [
        (dt.date(2030, 1, 1), TODAY),
        (dt.date(1999, 1, 1), TODAY),
        (dt.date(2076, 4, 30), TODAY),
        (dt.date(2101, 3, 1), dt.date(2095, 6, 1)),
    ],
)
def test_expiry_century_is_the_nearest_to_today(expiry: dt.date, today: dt.date) -> None:
    fields = dataclasses.replace(parse_mrz(TD3_SPECIMEN, today=TODAY).fields, expiry_date=expiry)
    assert parse_mrz(compose_mrz("TD3", fields), today=today).fields.expiry_date == expiry


def test_today_defaults_to_the_current_date() -> None:
    assert parse_mrz(TD3_SPECIMEN).fields.birth_date == dt.date(1974, 8, 12)


# ---- input as people paste it ----------------------------------------------------------------


def test_pasted_text_is_normalised() -> None:
    pasted = (
        "\r\n  p<utoeriksson<<anna<maria<<<<<<<<<<<<<<<<<<<  \r\n"
        "\n L898902C36 UTO7408122F1204159ZE184226B<<<<<10\t\n"
    )
    assert parse_mrz(pasted, today=TODAY) == parse_mrz(TD3_SPECIMEN, today=TODAY)


def test_lines_given_as_a_list_are_normalised() -> None:
    lines = [
        " i<utoD231458907<<<<<<<<<<<<<<<",
        "7408122F1204159 UTO<<<<<<<<<<<6 ",
        "",
        TD1_SPECIMEN[2],
    ]
    assert parse_mrz(lines, today=TODAY).lines == TD1_SPECIMEN


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "mrz: has 0 line(s); a zone has 3 lines of 30 characters (TD1)"),
        (TD3_SPECIMEN[0], "has 1 line(s)"),
        ("\n".join(TD1_SPECIMEN + TD1_SPECIMEN[:1]), "has 4 line(s)"),
        (
            f"{TD3_SPECIMEN[0][:40]}\n{TD3_SPECIMEN[1][:40]}",
            "line 1 has 40 characters; a 2-line zone",
        ),
        (
            f"{TD3_SPECIMEN[0]}\n{TD3_SPECIMEN[1][:43]}",
            "line 2 has 43 characters; a TD3 zone has 2 lines of 44",
        ),
        (
            f"{TD2_SPECIMEN[0]}\n{TD3_SPECIMEN[1]}",
            "line 2 has 44 characters; a TD2 zone has 2 lines of 36",
        ),
        (
            "\n".join([*TD1_SPECIMEN[:2], TD1_SPECIMEN[2][:29]]),
            "line 3 has 29 characters; a TD1 zone",
        ),
    ],
)
def test_wrong_shapes_are_refused_naming_the_line_and_length(text: str, message: str) -> None:
    with pytest.raises(InvalidInput) as refused:
        parse_mrz(text, today=TODAY)
    assert refused.value.field == "mrz"
    assert message in str(refused.value)


def test_a_character_outside_the_mrz_alphabet_is_refused_with_its_place() -> None:
    cyrillic_er = "\u0420" + TD3_SPECIMEN[0][1:]  # Р, the Cyrillic letter that looks like P
    with pytest.raises(InvalidInput, match=r"line 1, position 1: 'Р' is not an MRZ character"):
        parse_mrz([cyrillic_er, TD3_SPECIMEN[1]], today=TODAY)
    with pytest.raises(InvalidInput, match=r"line 2, position 44: '«' is not an MRZ character"):
        parse_mrz([TD3_SPECIMEN[0], TD3_SPECIMEN[1][:43] + "«"], today=TODAY)


def test_sharp_s_is_refused_rather_than_widened() -> None:
    with pytest.raises(InvalidInput, match="'ß' is not an MRZ character"):
        parse_mrz([TD3_SPECIMEN[0][:43] + "ß", TD3_SPECIMEN[1]], today=TODAY)


def test_a_visa_zone_is_refused() -> None:
    with pytest.raises(InvalidInput, match="visa"):
        parse_mrz(["V" + TD3_SPECIMEN[0][1:], TD3_SPECIMEN[1]], today=TODAY)


def test_unknown_country_codes_and_odd_sex_are_warned_about() -> None:
    lines = changed(changed(TD3_SPECIMEN, 1, 5, "P"), 2, 21, "Q")
    result = parse_mrz(lines, today=TODAY)
    assert result.warnings == (
        "issuing state: 'UTP' is not a known country or ICAO code",
        "sex: 'Q' is not M, F, X or <",
    )


# ---- the record and the name field ---------------------------------------------------------------


def test_to_record_gives_strings_and_iso_dates() -> None:
    record = parse_mrz(changed(TD3_SPECIMEN, 2, 44, "1"), today=TODAY).to_record()
    assert isinstance(record, MrzCheck)
    assert (record.format, record.valid, record.failures) == ("TD3", False, ("composite",))
    assert record.fields["birth_date"] == "1974-08-12"
    assert record.fields["expiry_date"] == "2012-04-15"
    assert record.fields["given_names"] == "ANNA MARIA"
    assert all(isinstance(value, str) for value in record.fields.values())


def test_a_full_name_field_may_be_truncated() -> None:
    assert not parse_mrz(TD3_SPECIMEN, today=TODAY).name_may_be_truncated
    full = "P<UTOKOSTIANTYNOPOLSKA<<OLEKSANDRA<VOLODYMYR"
    assert parse_mrz([full, TD3_SPECIMEN[1]], today=TODAY).name_may_be_truncated


# ---- composing -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("format_name", "lines"),
    [("TD1", TD1_SPECIMEN), ("TD2", TD2_SPECIMEN), ("TD3", TD3_SPECIMEN), ("TD1", TD1_LONG_NUMBER)],
)
def test_composing_the_specimen_fields_gives_the_specimen(
    format_name: str, lines: tuple[str, ...]
) -> None:
    assert compose_mrz(format_name, parse_mrz(lines, today=TODAY).fields) == lines


def test_compose_writes_names_as_doc_9303_does() -> None:
    fields = dataclasses.replace(
        parse_mrz(TD3_SPECIMEN, today=TODAY).fields,
        surname="O'Neil-Smith",
        given_names="anna  maria",
    )
    assert compose_mrz("TD3", fields)[0] == "P<UTOONEIL<SMITH<<ANNA<MARIA<<<<<<<<<<<<<<<<"


@pytest.mark.parametrize(
    ("change", "field", "reason"),
    [
        ({"surname": "Шевченко"}, "surname", "'Ш' is not a Latin letter"),
        ({"given_names": "Zoë"}, "given_names", "'ë' is not a Latin letter"),
        ({"surname": "A" * 40}, "surname", "1 to 39 characters in a TD3 zone"),
        ({"surname": ""}, "surname", "1 to 39"),
        ({"issuing_state": "XYZ"}, "issuing_state", "'XYZ' is not a known country"),
        ({"nationality": "UA"}, "nationality", "'UA' is not a known country"),
        ({"document_number": "L898902C36"}, "document_number", "1 to 9"),
        ({"document_number": "L89-8902"}, "document_number", "'-' is not allowed"),
        ({"personal_number": "Z" * 15}, "personal_number", "0 to 14"),
        ({"sex": "U"}, "sex", "'U' is not M, F, X or empty"),
        ({"document_code": "V"}, "document_code", "visa"),
        ({"optional_data_2": "12"}, "optional_data_2", "no second optional field"),
    ],
)
def test_compose_refuses_what_an_mrz_cannot_hold(
    change: dict[str, str], field: str, reason: str
) -> None:
    fields = dataclasses.replace(parse_mrz(TD3_SPECIMEN, today=TODAY).fields, **change)
    with pytest.raises(InvalidInput) as refused:
        compose_mrz("TD3", fields)
    assert refused.value.field == field
    assert reason in refused.value.reason


def test_compose_refuses_an_unknown_format() -> None:
    with pytest.raises(InvalidInput, match="'TD4' is not one of TD1, TD2, TD3"):
        compose_mrz("TD4", parse_mrz(TD3_SPECIMEN, today=TODAY).fields)


def test_compose_refuses_personal_data_that_does_not_fit_beside_a_long_number() -> None:
    fields = dataclasses.replace(
        parse_mrz(TD1_SPECIMEN, today=TODAY).fields,
        document_number="D2314589073456",
        personal_number="123456789",
    )
    with pytest.raises(InvalidInput, match="does not fit beside a 14-character number"):
        compose_mrz("TD1", fields)


# ---- properties ------------------------------------------------------------------------------


@given(mrz_zones())
def test_compose_then_parse_gives_back_every_field(
    zone: tuple[str, MrzFields, tuple[str, ...]],
) -> None:
    format_name, fields, lines = zone
    layout = LAYOUTS[format_name]
    assert [len(line) for line in lines] == [layout.width] * layout.lines
    result = parse_mrz(lines, today=TODAY)
    assert result.format == format_name
    assert result.valid, result.failure_text()
    assert result.fields == fields


def protected_spans(format_name: str, lines: tuple[str, ...]) -> list[tuple[str | None, range]]:
    """Offsets of the characters each check covers: (code, offsets); None for composite-only."""
    layout = LAYOUTS[format_name]
    zone = "".join(lines)
    number = range(layout.number, layout.number + 9)
    spans: list[tuple[str | None, range]] = [
        ("birth_date", range(layout.birth, layout.birth + 6)),
        ("expiry_date", range(layout.expiry, layout.expiry + 6)),
    ]
    optional = range(layout.optional.start, layout.optional.stop)
    if zone[layout.number + 9] == "<":  # a long number: its tail opens the optional data
        tail = zone[layout.optional].partition("<")[0]
        spans.append(("document_number", range(optional.start, optional.start + len(tail) - 1)))
        optional = range(optional.start + len(tail) + 1, optional.stop)
    spans.append(("document_number", number))
    spans.append(("personal_number" if layout.optional_check else None, optional))
    if layout.optional_2 is not None:
        spans.append((None, range(layout.optional_2.start, layout.optional_2.stop)))
    return spans


@given(mrz_zones(), st.data())
def test_a_substituted_character_in_a_checked_field_is_caught(
    zone: tuple[str, MrzFields, tuple[str, ...]], data: st.DataObject
) -> None:
    """7-3-1 mod 10 sees a substitution unless the two values differ by a multiple of 10
    (0/A/K/U, 1/B/L/V, ...): then only a date's form can still give it away."""
    format_name, _, lines = zone
    layout = LAYOUTS[format_name]
    text = "".join(lines)
    candidates = [
        (code, offset)
        for code, offsets in protected_spans(format_name, lines)
        for offset in offsets
        if text[offset] != "<"
    ]
    code, offset = data.draw(st.sampled_from(candidates))
    new = data.draw(st.sampled_from(ALPHANUMERIC).filter(lambda c: c != text[offset]))
    altered = text[:offset] + new + text[offset + 1 :]
    rows = tuple(altered[i : i + layout.width] for i in range(0, len(altered), layout.width))

    result = parse_mrz(rows, today=TODAY)

    seen = (VALUES[new] - VALUES[text[offset]]) % 10 != 0
    expected = {code, "composite"} - {None} if seen else set()
    if code in ("birth_date", "expiry_date") and not new.isdigit():
        expected.add(code)
    assert set(result.failures) == expected
    if seen:
        assert code is None or result.checks[code] is False
