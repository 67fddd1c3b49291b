"""The exchange report, read back: counts, every case on a table that repeats its header on
every page, page numbers, fingerprint, fonts; long tags clipped, not spilled."""

from __future__ import annotations

import pytest
from pdf_reading import font_names, needs_pdftotext, page_texts, reader, text
from report_records import case_rows, context, summary

from forensiclog.domain.records import CaseRow
from forensiclog.domain.report_inputs import ExchangeReportInput
from forensiclog.reports.exchange_report import ExchangeReport, status_counts, tick_step

pytestmark = needs_pdftotext


def render(rows: tuple[CaseRow, ...], language: str = "uk") -> tuple[ExchangeReport, bytes]:
    report = ExchangeReport(
        ExchangeReportInput(summary(len(rows)), rows), context(language), invariant=True
    )
    return report, report.render().pdf


def test_every_case_is_listed_and_the_header_repeats_on_every_table_page() -> None:
    rows = case_rows(300)
    report, pdf = render(rows)
    pages = page_texts(pdf)
    assert len(pages) == report.pages == len(reader(pdf).pages) > 4
    found = "\n".join(pages)
    assert all(row.case_number in found for row in rows)
    table_pages = [p for p in pages if "KYV-T2-00" in p]
    assert all("Номер справи" in p and "Статус" in p for p in table_pages)
    for number, page in enumerate(pages, start=1):
        assert f"Сторінка {number} з {len(pages)}" in page
        assert report.fingerprint[:16] in page


def test_summary_counts_and_statuses_are_named_in_the_language() -> None:
    _, pdf = render(case_rows(12), "en")
    found = text(pdf)
    for label in ("Declared", "Registered", "Arrived", "Foreign nationals", "Still unexamined"):
        assert label in found
    assert "awaiting results" in found and "buried unidentified" in found
    assert "Page 1 of" in found


def test_only_the_bundled_font_even_in_the_chart() -> None:
    _, pdf = render(case_rows(20))
    assert font_names(pdf) <= {"DejaVuSans", "DejaVuSans-Bold"}


def test_a_long_tag_is_clipped_to_its_column() -> None:
    long_tag = "Бирка-" + "Ж" * 400
    rows = (CaseRow("KYV-T2-00001", "R2-0613", long_tag, "received", "own"),)
    _, pdf = render(rows)
    found = text(pdf)
    assert "Бирка-Ж" in found and "…" in found
    assert long_tag not in found


def test_status_counts_follow_the_workflow_and_keep_unknown_codes() -> None:
    counts = status_counts(summary(6))
    assert counts[0] == ("received", 2)
    assert [c for c, _ in counts][:4] == ["received", "examined", "sampled", "awaiting_results"]
    extra = summary(6)
    extra.by_status["legacy_code"] = 3
    assert status_counts(extra)[-1] == ("legacy_code", 3)


@pytest.mark.parametrize(
    ("largest", "step"), [(0, 1), (5, 1), (9, 2), (24, 5), (49, 10), (6000, 2000)]
)
def test_chart_ticks_are_whole_numbers(largest: int, step: int) -> None:
    assert tick_step(largest) == step


def test_an_exchange_without_cases_says_none() -> None:
    _, pdf = render((), "en")
    found = text(pdf)
    assert "Cases (0)" in found and "none" in found and "Page 1 of 1" in found


def test_the_case_table_says_how_many_of_its_rows_are_body_parts() -> None:
    import dataclasses

    rows = case_rows(5)
    part = dataclasses.replace(rows[0], case_number=f"{rows[0].case_number}-P01", tag=None)
    found = {lang: " ".join(text(render((*rows, part), lang)[1]).split()) for lang in ("uk", "en")}
    assert "(6, з них фрагментів тіла: 1)" in found["uk"]
    assert "(6, including body parts: 1)" in found["en"]
    assert "(5)" in " ".join(text(render(rows, "en")[1]).split())
