"""Documents found on a body: the MRZ checked digit by digit, filling and cross-checking the
typed fields; documents without an MRZ; photos of a document; edits; the foreign-state basis."""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

import image_factory as make
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from forensiclog.domain.errors import CaseLocked, InvalidInput, NotFound
from forensiclog.domain.mrz import MrzFields
from forensiclog.domain.mrz_compose import compose_mrz
from tests.conftest import Team

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


def changed(lines: tuple[str, ...], line: int, position: int, char: str) -> tuple[str, ...]:
    """``lines`` with the character at ``line``/``position`` (both from 1) replaced."""
    text = lines[line - 1]
    new = text[: position - 1] + char + text[position:]
    return (*lines[: line - 1], new, *lines[line:])


@pytest.fixture
def case(team: Team, exchange: str) -> str:
    return team.examiner.cases.register(exchange, tag="UA-1").case_number


def _count(team: Team, case: str) -> int:
    return len(team.examiner.documents.for_case(case))


def test_the_icao_specimen_passport_is_accepted_and_fills_the_fields(team: Team, case: str) -> None:
    result = team.examiner.documents.add(case, kind="passport", mrz=TD3_SPECIMEN)

    d = result.document
    assert result.mrz is not None and result.mrz.valid and result.mrz.format == "TD3"
    assert (d.country, d.number, d.surname, d.given_names) == (
        "UTO",
        "L898902C3",
        "ERIKSSON",
        "ANNA MARIA",
    )
    assert (d.birth_date, d.expiry_date, d.sex, d.personal_number) == (
        dt.date(1974, 8, 12),
        dt.date(2012, 4, 15),
        "F",
        "ZE184226B",
    )
    assert d.mrz == TD3_SPECIMEN and d.mrz_valid is True and d.mrz_failures == ()
    assert result.warnings == () and not result.foreign  # Utopia is ICAO's, not a state
    history = team.examiner.cases.show(case).history
    assert [h.action for h in history][-1] == "document.add"
    assert history[-1].after is not None and history[-1].after["number"] == "L898902C3"


@pytest.mark.parametrize("zone", [TD1_SPECIMEN, TD2_SPECIMEN], ids=["TD1", "TD2"])
def test_the_id_card_specimens_are_accepted(team: Team, case: str, zone: tuple[str, ...]) -> None:
    result = team.examiner.documents.add(case, kind="id_card", mrz="\n".join(zone))
    assert result.document.number == "D23145890" and result.document.surname == "ERIKSSON"
    assert result.mrz is not None and result.mrz.valid


@pytest.mark.parametrize(
    ("line", "position", "fields"),
    [
        (2, 14, "birth_date, composite"),  # a digit of the birth date
        (2, 20, "birth_date, composite"),  # the birth date's check digit
        (2, 3, "document_number, composite"),
        (2, 22, "expiry_date, composite"),
        (2, 30, "personal_number, composite"),
        (2, 44, "composite"),
    ],
)
def test_one_changed_digit_refuses_the_document_naming_the_field(
    team: Team, case: str, line: int, position: int, fields: str
) -> None:
    original = TD3_SPECIMEN[line - 1][position - 1]
    zone = changed(TD3_SPECIMEN, line, position, "1" if original != "1" else "2")

    with pytest.raises(InvalidInput) as refused:
        team.examiner.documents.add(case, kind="passport", mrz=zone)

    assert refused.value.field == fields and refused.value.where == "mrz"
    assert "line 2, position" in str(refused.value)
    assert "--accept-invalid-mrz" in str(refused.value)
    assert _count(team, case) == 0


def test_a_damaged_zone_accepted_as_such_is_recorded_with_its_failures(
    team: Team, case: str
) -> None:
    zone = changed(TD3_SPECIMEN, 2, 14, "5")

    result = team.examiner.documents.add(case, kind="passport", mrz=zone, accept_invalid_mrz=True)

    d = result.document
    assert d.mrz_valid is False and d.mrz_failures == ("birth_date", "composite")
    assert result.mrz is not None and not result.mrz.valid
    assert d.birth_date is None  # a value whose check failed is not used
    assert d.number == "L898902C3"  # the fields whose checks held are
    assert any("damaged" in w and "birth date" in w for w in d.warnings)


def test_a_typed_value_that_disagrees_with_the_zone_is_kept_with_a_warning(
    team: Team, case: str
) -> None:
    result = team.examiner.documents.add(
        case, kind="passport", mrz=TD3_SPECIMEN, birth_date="1974-08-13", surname="Eriksson"
    )

    assert result.document.birth_date == dt.date(1974, 8, 13)
    assert result.warnings == ("birth date: typed 1974-08-13, MRZ says 1974-08-12",)
    assert team.examiner.documents.show(result.document.id).warnings == result.warnings


def test_a_russian_internal_passport_with_cyrillic_names_and_no_mrz_is_recorded(
    team: Team, case: str
) -> None:
    result = team.examiner.documents.add(
        case,
        kind="internal_passport",
        country="rus",
        number="46 12 345678",
        surname="Иванов",
        given_names="Иван Петрович",
        birth_date="1990-03-04",
        birth_place="Московская обл., г. Подольск",
        found_at="внутрішня кишеня",
        bag="ПАК-0001",
    )

    d = result.document
    assert result.mrz is None and d.mrz == () and d.mrz_valid is None
    assert (d.country, d.surname, d.given_names, d.number) == (
        "RUS",
        "Иванов",
        "Иван Петрович",
        "46 12 345678",
    )
    assert result.foreign
    assert [x.id for x in team.examiner.documents.foreign_documents(case)] == [d.id]
    assert [r.case_number for r in team.examiner.search.search("Ivanov")] == [case]


def test_names_are_stored_as_printed_in_nfc(team: Team, case: str) -> None:
    decomposed = "Киі\u0308в"  # ї typed as і + combining diaeresis
    result = team.examiner.documents.add(case, kind="other", surname=decomposed)
    assert result.document.surname == "Київ"


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"country": "Ruritania"}, "country"),
        ({"birth_date": "04.03.1990"}, "birth-date"),
        ({"sex": "male"}, "sex"),
        ({"number": "9" * 101}, "number"),
        ({"surname": "Іва\nненко"}, "surname"),
        ({"colour": "blue"}, "colour"),
    ],
)
def test_bad_fields_are_refused_by_name(
    team: Team, case: str, fields: dict[str, str], field: str
) -> None:
    with pytest.raises(InvalidInput) as refused:
        team.examiner.documents.add(case, kind="passport", **fields)
    assert refused.value.field == field
    assert _count(team, case) == 0


def test_a_zone_of_the_wrong_shape_is_refused_even_when_damage_is_accepted(
    team: Team, case: str
) -> None:
    with pytest.raises(InvalidInput, match="line 2 has 43 characters"):
        team.examiner.documents.add(
            case,
            kind="passport",
            mrz=(TD3_SPECIMEN[0], TD3_SPECIMEN[1][:-1]),
            accept_invalid_mrz=True,
        )


def test_photos_of_the_document_are_added_with_it(team: Team, case: str, tmp_path: Path) -> None:
    page = make.plain(tmp_path / "page.png", "PNG")

    result = team.examiner.documents.add(case, kind="passport", mrz=TD3_SPECIMEN, photos=[page])

    sha = hashlib.sha256(page.read_bytes()).hexdigest()
    assert [p.sha256 for p in result.photos.photos] == [sha]
    assert result.document.photos == (sha,)
    (photo,) = team.examiner.photos.for_case(case)
    assert (photo.kind, photo.document) == ("document", result.document.id)


def test_a_bad_photo_refuses_the_document_too(team: Team, case: str, tmp_path: Path) -> None:
    good = make.plain(tmp_path / "good.png", "PNG")
    bad = make.truncated_jpeg(tmp_path / "bad.jpg")

    with pytest.raises(InvalidInput, match=r"bad\.jpg"):
        team.examiner.documents.add(case, kind="passport", mrz=TD3_SPECIMEN, photos=[good, bad])

    assert _count(team, case) == 0 and team.examiner.photos.for_case(case) == ()
    assert [p for p in (team.path / "photos").rglob("*") if p.is_file()] == []


def test_an_edit_changes_fields_and_works_out_the_zone_again(team: Team, case: str) -> None:
    added = team.examiner.documents.add(case, kind="passport", mrz=TD3_SPECIMEN)
    document = added.document.id

    edited = team.examiner.documents.edit(document, {"birth_date": "1974-08-13", "bag": "П-7"})

    assert edited.document.bag == "П-7" and edited.document.birth_date == dt.date(1974, 8, 13)
    assert edited.warnings == ("birth date: typed 1974-08-13, MRZ says 1974-08-12",)
    entry = team.examiner.cases.show(case).history[-1]
    assert entry.action == "document.edit" and entry.before == {
        "bag": None,
        "birth_date": "1974-08-12",
        "warnings": [],
    }
    with pytest.raises(InvalidInput, match="nothing to change"):
        team.examiner.documents.edit(document, {"bag": "П-7"})
    with pytest.raises(InvalidInput) as refused:
        team.examiner.documents.edit(document, {"mrz": changed(TD3_SPECIMEN, 2, 14, "5")})
    assert refused.value.field == "birth_date, composite"
    removed = team.examiner.documents.edit(document, {"mrz": ""})
    assert removed.document.mrz == () and removed.mrz is None and removed.warnings == ()


def test_a_locked_case_takes_documents_only_as_a_coordinators_correction(
    team: Team, case: str
) -> None:
    team.examiner.decisions.propose_identification(
        case, surname="Гнатюк", given_names="Іван", methods=["dna"], reason="збіг ДНК"
    )
    team.coordinator.decisions.confirm(case, reason="перевірено")

    with pytest.raises(CaseLocked):
        team.examiner.documents.add(case, kind="identity_tag", number="123")
    with pytest.raises(InvalidInput, match="needs a reason"):
        team.coordinator.documents.add(case, kind="identity_tag", number="123")
    team.coordinator.documents.add(
        case, kind="identity_tag", number="123", reason="знайдено пізніше"
    )

    assert team.examiner.cases.show(case).history[-1].action == "document.add.correction"


def test_a_correction_adds_the_documents_photos_as_corrections_too(
    team: Team, case: str, tmp_path: Path
) -> None:
    team.examiner.decisions.propose_identification(
        case, surname="Гнатюк", given_names="Іван", methods=["dna"], reason="збіг ДНК"
    )
    team.coordinator.decisions.confirm(case, reason="перевірено")
    page = make.plain(tmp_path / "tag.png", "PNG")

    result = team.coordinator.documents.add(
        case, kind="identity_tag", number="123", photos=[page], reason="знайдено пізніше"
    )

    actions = [entry.action for entry in team.examiner.cases.show(case).history[-3:]]
    assert actions == ["document.add.correction", "photo_file.add", "photo.add.correction"]
    (photo,) = team.examiner.photos.for_case(case)
    assert (photo.kind, photo.document) == ("document", result.document.id)


def test_a_foreign_document_is_the_basis_of_a_foreign_assessment(team: Team, case: str) -> None:
    rus = russian_passport_zone("SMIRNOV", "IVAN", "712345678")
    document = team.examiner.documents.add(case, kind="passport", mrz=rus).document.id
    assert team.examiner.cases.show(case).nationality == "undetermined"  # nothing set by itself

    team.examiner.cases.edit(case, {"nationality": "foreign", "nationality_document_id": document})

    record = team.examiner.cases.show(case)
    assert record.nationality == "foreign"
    assert record.nationality_basis == "RUS 712345678 (SMIRNOV IVAN)"


def test_unknown_cases_and_documents_are_refused(team: Team, case: str) -> None:
    with pytest.raises(NotFound):
        team.examiner.documents.add("KYV-T1-09999", kind="passport")
    with pytest.raises(NotFound):
        team.examiner.documents.edit(999, {"bag": "x"})
    with pytest.raises(InvalidInput):
        team.examiner.documents.add("not a case", kind="passport")


def russian_passport_zone(surname: str, given: str, number: str) -> tuple[str, ...]:
    fields = MrzFields(
        "P", "RUS", surname, given, number, "RUS", dt.date(1990, 1, 2), "M", dt.date(2030, 5, 6)
    )
    return compose_mrz("TD3", fields)


latin_words = st.text("ABCDEFGHIJKLMNOPQRSTUVWXYZ", min_size=2, max_size=12)


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    surname=latin_words,
    given_name=latin_words,
    number=st.text("0123456789ABCDEFGHJKLMNPRSTUVWXYZ", min_size=1, max_size=9),
    born=st.dates(dt.date(1940, 1, 1), dt.date(2008, 12, 31)),
)
def test_any_composed_zone_fills_the_document_with_what_it_holds(
    team: Team, case: str, surname: str, given_name: str, number: str, born: dt.date
) -> None:
    fields = MrzFields(
        "P", "RUS", surname, given_name, number, "RUS", born, "M", dt.date(2031, 2, 3)
    )

    document = team.examiner.documents.add(
        case, kind="passport", mrz=compose_mrz("TD3", fields)
    ).document

    assert (document.surname, document.given_names, document.number) == (
        surname,
        given_name,
        number,
    )
    assert (document.birth_date, document.expiry_date, document.country) == (
        born,
        dt.date(2031, 2, 3),
        "RUS",
    )
    assert document.mrz_valid and document.warnings == ()
