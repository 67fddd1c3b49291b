"""The MRZ while it is typed: each check digit decided as soon as it is in, fields filled."""

from __future__ import annotations

import pytest

from forensiclog.ui.case_editor.mrz_live import INVALID, PENDING, VALID, read_live

# ICAO Doc 9303 part 4, the specimen passport of Utopia (TD3).
TD3 = (
    "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
    "L898902C36UTO7408122F1204159ZE184226B<<<<<10",
)
# Doc 9303 part 5, the specimen identity card (TD1).
TD1 = (
    "I<UTOD231458907<<<<<<<<<<<<<<<",
    "7408122F1204159UTO<<<<<<<<<<<6",
    "ERIKSSON<<ANNA<MARIA<<<<<<<<<<",
)


def states(text: str) -> dict[str, str]:
    return {check.code: check.state for check in read_live(text).checks}


def test_the_specimen_passport_passes_every_check():
    reading = read_live("\n".join(TD3))
    assert reading.layout is not None and reading.layout.name == "TD3"
    assert set(states("\n".join(TD3)).values()) == {VALID}
    assert reading.valid
    assert reading.result is not None
    assert reading.result.fields.document_number == "L898902C3"


def test_the_specimen_identity_card_passes_every_check():
    reading = read_live("\n".join(TD1))
    assert reading.layout is not None and reading.layout.name == "TD1"
    assert set(states("\n".join(TD1)).values()) == {VALID}


def test_each_check_is_decided_as_soon_as_its_digit_is_typed():
    typed = TD3[0] + "\n" + TD3[1][:10]
    assert states(typed) == {
        "document_number": VALID,
        "birth_date": PENDING,
        "expiry_date": PENDING,
        "personal_number": PENDING,
        "composite": PENDING,
    }
    assert states(TD3[0] + "\n" + TD3[1][:20])["birth_date"] == VALID
    assert not read_live(typed).complete


@pytest.mark.parametrize(
    ("position", "field"),
    [(2, "document_number"), (15, "birth_date"), (23, "expiry_date"), (30, "personal_number")],
)
def test_one_changed_digit_marks_that_check_invalid(position, field):
    line = TD3[1]
    changed = "0" if line[position] != "0" else "1"
    found = states(TD3[0] + "\n" + line[:position] + changed + line[position + 1 :])
    assert found[field] == INVALID
    others = {code for code, state in found.items() if state == INVALID} - {field, "composite"}
    assert not others


def test_a_character_outside_the_mrz_alphabet_is_named_with_its_place():
    reading = read_live("P<UTOERIKSSÖN")
    assert reading.problem is not None
    assert (reading.problem.kind, reading.problem.line, reading.problem.position) == (
        "character",
        1,
        12,
    )


def test_lower_case_and_spaces_as_pasted_are_read():
    pasted = "  " + TD3[0].lower() + "\n\n " + TD3[1] + "  \n"
    assert read_live(pasted).valid
