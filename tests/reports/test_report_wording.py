"""Report wording: both languages for every label, a name for every stored code, and times."""

from __future__ import annotations

import datetime as dt
import re
from enum import StrEnum

import pytest

from forensiclog.domain.completeness import Missing
from forensiclog.domain.report_inputs import ReportLanguage
from forensiclog.domain.statuses import Status
from forensiclog.domain.vocabulary import (
    ChecklistItem,
    ChecklistState,
    Condition,
    DecisionKind,
    DecisionState,
    DocumentKind,
    IdentificationMethod,
    LinkKind,
    MarkKind,
    Nationality,
    PhotoKind,
    SampleKind,
    Sex,
)
from forensiclog.reports.code_names import CODE_NAMES
from forensiclog.reports.wording import TEXT, Wording, time_text

GROUPS: dict[str, type[StrEnum]] = {
    "status": Status,
    "condition": Condition,
    "nationality": Nationality,
    "sex": Sex,
    "checklist_item": ChecklistItem,
    "checklist_state": ChecklistState,
    "sample_kind": SampleKind,
    "method": IdentificationMethod,
    "decision_kind": DecisionKind,
    "decision_state": DecisionState,
    "document_kind": DocumentKind,
    "photo_kind": PhotoKind,
    "mark_kind": MarkKind,
    "link_kind": LinkKind,
    "missing": Missing,
}
CYRILLIC = re.compile("[а-яіїєґ]", re.IGNORECASE)


def test_every_label_has_both_languages_with_the_same_placeholders() -> None:
    for key, (english, ukrainian) in TEXT.items():
        assert english and ukrainian, key
        assert set(re.findall(r"{\w+}", english)) == set(re.findall(r"{\w+}", ukrainian)), key


@pytest.mark.parametrize("group", list(GROUPS))
def test_every_stored_code_has_a_name_in_both_languages(group: str) -> None:
    names = CODE_NAMES[group]
    for member in GROUPS[group]:
        english, ukrainian = names[member.value]
        assert english and ukrainian
        assert CYRILLIC.search(ukrainian) or ukrainian.isupper(), (group, member)


def test_glossary_terms_are_used() -> None:
    uk = Wording(ReportLanguage.UK)
    assert uk.code("status", "buried_unidentified") == "поховано під номером"
    assert uk.code("condition", "commingled") == "змішані останки"
    assert uk.code("document_kind", "military_id") == "військовий квиток"
    assert uk("page_of", page=2, total=9) == "Сторінка 2 з 9"
    assert Wording(ReportLanguage.EN)("page_of", page=2, total=9) == "Page 2 of 9"


def test_a_plain_language_code_is_understood() -> None:
    assert Wording("uk")("labels") == "Етикетки"
    with pytest.raises(ValueError, match="de"):
        Wording("de")


def test_an_unknown_code_prints_as_itself_and_nothing_as_a_dash() -> None:
    en = Wording(ReportLanguage.EN)
    assert en.code("status", "under_review") == "under review"
    assert en.code("nowhere", "x") == "x"
    assert en.code("status", None) == "—"
    assert en.codes("method", ["dna", "visual"]) == "DNA, visual recognition"
    assert en.codes("method", []) == "—"


def test_times_are_shown_in_the_report_zone() -> None:
    kyiv = dt.timezone(dt.timedelta(hours=3))
    utc_time = dt.datetime(2025, 6, 13, 6, 30, tzinfo=dt.UTC)
    assert time_text(utc_time, kyiv) == "2025-06-13 09:30"
    assert time_text("2025-06-13T06:30:00+00:00", kyiv) == "2025-06-13 09:30"
    assert time_text(utc_time.astimezone(kyiv), with_zone=True) == "2025-06-13 09:30 UTC+03:00"
    assert time_text(dt.datetime(2025, 6, 13, 6, 30)) == "2025-06-13 06:30"
    assert time_text("not a time") == "not a time"
    assert time_text(None) == "—"


def test_a_documents_warnings_print_in_the_reports_language() -> None:
    from forensiclog.domain.document_fields import DocumentFields, reconcile
    from forensiclog.domain.mrz import parse_mrz

    zone = parse_mrz(
        [
            "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
            "L898902C36UTO7408122F1204159ZE184226B<<<<<10",
        ],
        today=dt.date(2026, 5, 1),
    )
    _filled, warnings = reconcile(
        DocumentFields(surname="PETRENKO", birth_date=dt.date(1974, 8, 13)), zone
    )
    uk, en = Wording(ReportLanguage.UK), Wording(ReportLanguage.EN)
    assert [uk.warning(w) for w in warnings] == [
        "прізвище: введено PETRENKO, а в MRZ — ERIKSSON",
        "дата народження: введено 1974-08-13, а в MRZ — 1974-08-12",
    ]
    assert [en.warning(w) for w in warnings] == [  # named by the report's own labels
        "surname: typed PETRENKO, MRZ says ERIKSSON",
        "date of birth: typed 1974-08-13, MRZ says 1974-08-12",
    ]
    assert uk.warning("a warning of another form") == "a warning of another form"


@pytest.mark.parametrize(
    ("low", "high", "expected"),
    [(52, 62, "52–62 роки"), (20, 25, "20–25 років"), (30, 41, "30–41 рік"),
     (10, 12, "10–12 років"), (40, None, "40–? років")],
)  # fmt: skip
def test_an_age_range_agrees_with_its_last_number_in_ukrainian(
    low: int, high: int | None, expected: str
) -> None:
    assert Wording(ReportLanguage.UK).age_range(low, high) == expected
    assert Wording(ReportLanguage.EN).age_range(low, high).endswith(" years")
