"""The case report, read back: names in both scripts, numbers, pages, fingerprints, metadata,
fonts, photos embedded untouched, and hostile or huge text printed as text."""

from __future__ import annotations

import re

import pytest
from pdf_reading import font_names, images, needs_pdftotext, page_texts, reader, text
from report_records import (
    HOSTILE_NOTE,
    HOSTILE_SURNAME,
    case_record,
    context,
    jpeg,
    photo,
    report_photos,
)

from forensiclog.domain.errors import InvalidInput
from forensiclog.domain.records import CustodyRecord, DeclaredRecord, EffectRecord
from forensiclog.domain.report_inputs import ReportPhoto
from forensiclog.reports.case_report import CaseReport
from forensiclog.reports.fingerprint import fingerprint

pytestmark = needs_pdftotext


def render(language: str = "uk", **changes: object) -> tuple[CaseReport, bytes]:
    case = case_record(**changes)
    report = CaseReport(case, report_photos(case), context(language), invariant=True)
    return report, report.render().pdf


@pytest.mark.parametrize("language", ["uk", "en"])
def test_names_numbers_and_documents_print_in_both_scripts(language: str) -> None:
    _, pdf = render(language)
    found = text(pdf)
    for expected in (
        "KYV-T2-00153",
        "R2-0613",
        "Гнатюк",
        "Иванов",
        "IVANOV",
        "Сергей Петрович",
        "4509 123456",
        "751234567",
        "АА 123456",
        "Б-153",
        "S-2025-0042",
        "EB-0042",
    ):
        assert expected in found, expected
    assert "ʼ" in found and "№" in found


def test_page_x_of_y_on_every_page_matches_the_page_count() -> None:
    report, pdf = render("uk")
    pages = page_texts(pdf)
    assert len(pages) == len(reader(pdf).pages) == report.pages >= 3
    for number, page in enumerate(pages, start=1):
        assert f"Сторінка {number} з {len(pages)}" in page


def test_english_labels_and_page_numbers() -> None:
    _, pdf = render("en")
    found = text(pdf)
    assert "Page 1 of" in found
    assert "internal passport" in found and "foreign national" in found
    assert "Сторінка" not in found


def test_fingerprint_in_full_on_the_first_page_and_short_on_every_page() -> None:
    report, pdf = render("uk")
    pages = page_texts(pdf)
    assert report.fingerprint in pages[0]
    assert all(report.fingerprint[:16] in page for page in pages)
    assert report.fingerprint == fingerprint({"case": report.case, "photos": report.photos})
    assert "SHA256:q1Xb9a0Zk2m8Rt4y7Vc3PpL0sWnE6uJ5hG1dF2aB3cD" in pages[0]


def test_same_records_same_fingerprint_other_records_another() -> None:
    first, _ = render("uk")
    again = CaseReport(first.case, first.photos, context("en"))
    changed = CaseReport(case_record(tag="Б-154"), first.photos, context("uk"))
    assert first.fingerprint == again.fingerprint
    assert first.fingerprint != changed.fingerprint


def test_invariant_output_is_repeatable() -> None:
    case = case_record()
    one = CaseReport(case, report_photos(case), context("uk"), invariant=True).render()
    two = CaseReport(case, report_photos(case), context("uk"), invariant=True).render()
    assert one.pdf == two.pdf and one.sha256 == two.sha256


def test_metadata_names_title_author_subject_language_and_creator() -> None:
    _, pdf = render("uk")
    info = reader(pdf).metadata
    assert info is not None
    assert info.title == "Звіт у справі KYV-T2-00153 — Обмін R2-0613"
    assert info.author == "Олена Коваль"
    assert info.subject == "Звіт у справі"
    assert info.creator == "ForensicLog 0.1.0"
    assert reader(pdf).trailer["/Root"]["/Lang"] == "uk"


def test_only_the_bundled_font_is_embedded() -> None:
    _, pdf = render("uk", notes=HOSTILE_NOTE)
    assert font_names(pdf) <= {
        "DejaVuSans",
        "DejaVuSans-Bold",
        "DejaVuSans-Oblique",
        "DejaVuSans-BoldOblique",
    }


def test_markup_in_a_surname_and_a_note_prints_literally() -> None:
    declared = DeclaredRecord(surname=HOSTILE_SURNAME, given_names="<i>Jan</i>")
    _, pdf = render("en", declared=declared, notes=HOSTILE_NOTE, clothing="a < b & c > d")
    found = text(pdf)
    assert HOSTILE_SURNAME in found
    assert "<i>Jan</i>" in found
    assert '<img src="/etc/passwd"/>' in found
    assert '<link href="file:///etc/shadow">a link</link>' in found
    assert "a < b & c > d" in found
    assert len(images(pdf)) == 2  # the two photos, nothing from the note's <img>
    for page in reader(pdf).pages:
        assert "/Annots" not in page  # no link made from the note's <link>


def test_a_100_kb_note_renders_in_full() -> None:
    words = [f"слово{i}" for i in range(14_000)]
    note = "\n".join(" ".join(words[i : i + 12]) for i in range(0, len(words), 12))
    assert len(note) >= 100_000
    _, pdf = render("uk", notes=note)
    found = text(pdf)
    assert "слово0 " in found and "слово13999" in found
    assert len(reader(pdf).pages) > 20


def test_a_single_100_kb_word_and_huge_table_cells_do_not_break_the_layout() -> None:
    huge = "Ж" * 100_000
    effect = EffectRecord(1, "e", "phone", huge, huge, huge)
    custody = CustodyRecord(case_record().created_at, huge, huge, huge, huge)
    _, pdf = render("uk", notes=huge, effects=(effect,), custody=(custody,), tag=huge[:500])
    assert "…" in text(pdf)  # the table cells were capped, the note kept in full
    assert text(pdf).count("Ж") > 100_000


def test_many_short_lines_in_table_cells_do_not_break_the_layout() -> None:
    # Found by the text-everywhere figure: the cells were capped by characters, not by lines.
    lines = "ряд\n" * 400 + "кінець"
    effect = EffectRecord(1, "e", lines, lines, lines, lines)
    _, pdf = render("uk", nationality_basis=lines, effects=(effect,), clothing=lines)
    found = text(pdf)
    assert "ряд…" in found  # the cells were capped
    assert found.count("кінець") >= 2  # the basis and the clothing in full below their table


def test_photos_are_embedded_as_the_given_jpeg_bytes_with_captions() -> None:
    report, pdf = render("en")
    embedded = sorted(data for _, data in images(pdf))
    assert embedded == sorted(p.jpeg for p in report.photos)
    assert {f for f, _ in images(pdf)} == {"['/DCTDecode']"}
    found = text(pdf)
    assert "ab12cd34ab12" in found and "ef56ab78ef56" in found  # SHA-256, first 12 characters
    assert "face · 2025-06-13 07:30" in found


@pytest.mark.parametrize(("per_page", "photo_pages"), [(4, 3), (2, 5)])
def test_photos_two_or_four_to_a_page(per_page: int, photo_pages: int) -> None:
    records = tuple(photo(f"{i:08x}", "overview") for i in range(10))
    case = case_record(photos=records, history=())
    photos = [
        ReportPhoto(r, jpeg(600, 400, f"#{i:02x}6080", text=str(i))) for i, r in enumerate(records)
    ]
    pdf = (
        CaseReport(case, photos, context("en"), photos_per_page=per_page, invariant=True)
        .render()
        .pdf
    )
    pages = page_texts(pdf)
    with_photos = [p for p in pages if re.search(r"overview · 2025", p)]
    assert len(with_photos) == photo_pages
    assert len(images(pdf)) == 10


def test_an_unreadable_preview_is_named_not_fatal() -> None:
    case = case_record()
    photos = [ReportPhoto(case.photos[0], b"not a jpeg"), ReportPhoto(case.photos[1], jpeg())]
    pdf = CaseReport(case, photos, context("en"), invariant=True).render().pdf
    assert "The preview could not be read." in text(pdf)
    assert len(images(pdf)) == 1


def test_photos_per_page_other_than_two_or_four_is_refused() -> None:
    with pytest.raises(InvalidInput, match="photos_per_page"):
        CaseReport(case_record(), (), context("en"), photos_per_page=3)


def test_a_bare_case_renders_with_none_in_every_empty_section() -> None:
    case = case_record(
        declared=None,
        checklist=(),
        marks=(),
        samples=(),
        custody=(),
        identification=None,
        documents=(),
        effects=(),
        photos=(),
        history=(),
        notes=None,
        missing=(),
    )
    pdf = CaseReport(case, (), context("uk"), invariant=True).render().pdf
    found = text(pdf)
    assert "Щодо цього тіла нічого не заявлено." in found
    assert found.count("немає") >= 6
    assert "Сторінка 1 з" in found


def test_the_history_names_actions_fields_and_codes_in_the_reports_language() -> None:
    from forensiclog.domain.records import AuditRecord

    checklist = {
        "before": {"checklist": {"dental": {"state": "not_started", "reason": None}}},
        "after": {"checklist": {"dental": {"state": "done", "reason": None}}},
    }
    extra = (
        AuditRecord(3, "ws-1", "2025-06-14T10:00:00+00:00", "examiner1", "checklist.set", "case",
                    **checklist),
        AuditRecord(4, "ws-1", "2025-06-14T10:05:00+00:00", "examiner1", "custody.move",
                    "custody", reason="registered",
                    after={"case_id": 7, "to_location": "Холодильник 2", "uid": "x" * 32}),
        AuditRecord(5, "ws-1", "2025-06-14T10:06:00+00:00", "examiner1", "document.add",
                    "document", after={"kind": "internal_passport", "number": "4509 123456"}),
    )  # fmt: skip
    base = case_record()
    history = (*base.history, *extra)
    found = {lang: text(render(lang, history=history)[1]) for lang in ("uk", "en")}
    uk = " ".join(found["uk"].split()).lower()
    for expected in (
        "справу створено зі списку передачі",
        "статус змінено",
        "статус: оглянуто → іноземний громадянин",
        "перелік досліджень змінено",
        "тіло переміщено",
        "куди: — → холодильник 2",
        "під час реєстрації",
        "вид: — → внутрішній паспорт",
    ):
        assert expected in uk, expected
    for raw in ("case.status", "checklist.set", "case_id", "internal_passport", "registered"):
        assert raw not in found["uk"], raw
    en = " ".join(found["en"].split()).lower()
    assert "status moved" in en and "status: examined → foreign national" in en
