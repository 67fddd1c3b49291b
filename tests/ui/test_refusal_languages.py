"""Refusals in the interface language: the field's name and the services' English reason, rebuilt
in Ukrainian from its parts; a reason of an unknown form shown as it is."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

import pytest

from forensiclog.domain.countries import parse_country
from forensiclog.domain.errors import AlreadyExists, InvalidInput, NotFound, Refusal
from forensiclog.domain.statuses import MoveFacts, Status, check_correction
from forensiclog.domain.text import clean_text, parse_count, parse_date, required_date, short_text
from forensiclog.domain.vocabulary import Condition, parse_code
from forensiclog.services.passwords import check_strength
from forensiclog.ui.reason_text import reason_text
from forensiclog.ui.refusal_text import describe_refusal
from forensiclog.ui.translators import LanguageSwitch, translations_folder
from tests.ui.conftest import signed_in
from tests.ui.editor_fixtures import open_editor
from tests.ui.test_case_editor_documents import documents_tab

pytestmark = pytest.mark.skipif(
    not (translations_folder() / "forensiclog_uk.qm").is_file(),
    reason="the catalogues are built by `make translations`",
)

__all__ = ["open_editor"]

SPECIMEN_MRZ = (
    "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10"
)
# Three English words in a row: a reason left untranslated.
ENGLISH = re.compile(r"\b[a-z]{2,} [a-z]{2,} [a-z]{2,}\b")


@pytest.fixture
def ukrainian(qapp) -> Iterator[None]:
    switch = LanguageSwitch()
    assert not switch.apply("uk")
    yield
    switch.remove()


def refusal_of(action: Callable[[], object]) -> Refusal:
    with pytest.raises(Refusal) as caught:
        action()
    return caught.value


REFUSALS = [
    (lambda: parse_date("1990-13-01", "birth_date"), "дата народження: «1990-13-01» — такої дати не існує"),
    (lambda: parse_date("13.01.1990", "expiry_date"), "дійсний до: «13.01.1990» — не дата у форматі РРРР-ММ-ДД"),
    (lambda: required_date(None, "date"), "дата: обов’язкове поле (РРРР-ММ-ДД)"),
    (lambda: parse_count("abc", "stature_cm"), "зріст (см): «abc» — не ціле число"),
    (lambda: parse_count(900, "stature_cm", maximum=300), "зріст (см): 900 — поза межами 0–300"),
    (lambda: clean_text("x" * 12, "notes", max_length=5), "примітки: довжина — 12 симв.; можна зберегти не більше 5"),
    (lambda: short_text("a\nb", "tag"), "бирка: має бути в один рядок"),
    (lambda: clean_text("a\x00b", "notes"), "примітки: містить символ NUL"),
    (lambda: clean_text("a\ud800", "surname"), "прізвище: містить пошкоджений символ"),
    (lambda: parse_code(Condition, "melted", "condition"), "стан: «melted» — не з допустимих значень:"),
    (lambda: parse_country("ZZZZ"), "держава видачі: «ZZZZ» — не код держави"),
    (lambda: check_strength("short"), "пароль: має містити щонайменше"),
]  # fmt: skip


@pytest.mark.parametrize(("action", "expected"), REFUSALS)
def test_a_field_refusal_reads_in_ukrainian(ukrainian, action, expected):
    text = describe_refusal(refusal_of(action))
    assert text.startswith(expected[:1].upper() + expected[1:])
    assert not ENGLISH.search(text), text


@pytest.mark.parametrize(("action", "expected"), REFUSALS)
def test_in_english_the_field_is_named_in_words(qapp, action, expected):
    refusal = refusal_of(action)
    assert isinstance(refusal, InvalidInput)
    text = describe_refusal(refusal)
    # The services' reason word for word, a quoted value in typographic quotes.
    assert text.endswith(re.sub(r"'([^']*)'", r"“\1”", refusal.reason))
    assert "_" not in text.split(":")[0]


def test_a_failed_mrz_check_names_the_check_in_ukrainian(ukrainian, sample):
    services = signed_in(sample.path, "taras")
    case = sample.registered[0]
    damaged = SPECIMEN_MRZ.replace("7408122F", "7408132F")  # the birth date, its check digit kept
    try:
        before = services.documents.for_case(case)
        refusal = refusal_of(lambda: services.documents.add(case, kind="passport", mrz=damaged))
        assert services.documents.for_case(case) == before
    finally:
        services.workspace.close()
    text = describe_refusal(refusal)
    assert text.startswith(
        "машинозчитувана зона (MRZ) — дата народження, загальна контрольна цифра: "
        "перевірка MRZ не пройшла — дата народження: рядок 2, позиція 20: контрольна цифра 2, "
        "а обчислена — 3; загальна контрольна цифра: рядок 2, позиція 44:"
    )
    assert not ENGLISH.search(text), text


def test_photo_refusals_keep_the_file_name_and_translate_the_reason(ukrainian):
    refusal = InvalidInput(
        "photo", "truncated or corrupt image data; nothing was added", where="cut.jpg"
    )
    assert describe_refusal(refusal) == (
        "cut.jpg — фото: обрізані або пошкоджені дані зображення; нічого не додано"
    )
    assert reason_text("not an image file (accepted: JPEG, PNG)") == (
        "не файл зображення (приймаються: JPEG, PNG)"
    )


def test_a_reason_of_an_unknown_form_is_shown_as_the_services_wrote_it(ukrainian):
    assert reason_text("a reason nobody has seen before") == "a reason nobody has seen before"
    refusal = InvalidInput("a_new_field", "a reason nobody has seen before")
    assert describe_refusal(refusal).endswith("_new_field: a reason nobody has seen before")


def test_the_editor_shows_a_refused_date_in_ukrainian(qtbot, ukrainian, open_editor, sample):
    window = open_editor("taras", sample.registered[3])
    tab = documents_tab(window)
    form = tab.form
    form.fields.widgets["kind"].setCurrentIndex(1)
    form.fields.widgets["number"].setText("AB123456")
    form.fields.widgets["birth_date"].setText("1990-13-01")
    before = len(window.context.record.documents)
    with qtbot.waitSignal(window.context.failure_shown, timeout=10_000):
        form.save_button.click()
    qtbot.waitUntil(lambda: not window.context.runner.busy, timeout=10_000)
    shown = window.messages.text.text()
    assert shown == "Дата народження: «1990-13-01» — такої дати не існує"
    assert len(window.context.record.documents) == before


@pytest.mark.parametrize(
    ("refusal", "expected"),
    [
        (NotFound("case", "KYV-T2-99999"), "Не знайдено: справа «KYV-T2-99999»."),
        (NotFound("case or exchange", "BOGUS-1"), "Не знайдено: справа чи обмін «BOGUS-1»."),
        (NotFound("document on case KYV-T2-00001", "7"), "Не знайдено: документ справи KYV-T2-00001 «7»."),
        (AlreadyExists("sample", "S-1"), "Зразок «S-1» уже існує."),
    ],
)  # fmt: skip
def test_what_was_not_found_or_is_already_there_is_named_in_ukrainian(ukrainian, refusal, expected):
    assert describe_refusal(refusal) == expected


def test_a_refused_status_move_gives_its_reason_in_ukrainian(ukrainian):
    facts = MoveFacts()
    refusal = refusal_of(
        lambda: check_correction("KYV-T2-00001", Status.EXAMINED, Status.BURIED_UNIDENTIFIED, facts)
    )
    text = describe_refusal(refusal)
    assert "для статусу «поховано під номером» потрібні кладовище й номер ділянки" in text
    assert not ENGLISH.search(text), text


def test_document_warnings_read_in_ukrainian(ukrainian):
    assert reason_text("surname: typed PETRENKO, MRZ says ERIKSSON") == (
        "прізвище: введено PETRENKO, а в MRZ — ERIKSSON"
    )
    assert reason_text("document number: the MRZ check failed, so the MRZ value is not used") == (
        "номер документа: перевірка MRZ не пройшла, тож значення з MRZ не використано"
    )
