"""The discrepancy list: four sections, each a table or "none"; user text printed literally."""

from __future__ import annotations

from pdf_reading import needs_pdftotext, text
from report_records import EXCHANGE, HOSTILE_SURNAME, T0, context

from forensiclog.domain.report_inputs import (
    BodyWithoutManifestLine,
    Discrepancies,
    DuplicateTag,
    ManifestLineWithoutBody,
    SharedDocumentNumber,
)
from forensiclog.reports.discrepancy_report import DiscrepancyReport

pytestmark = needs_pdftotext


def render(data: Discrepancies, language: str = "uk") -> str:
    return text(DiscrepancyReport(data, context(language), invariant=True).render().pdf)


def test_all_four_sections_with_their_rows() -> None:
    data = Discrepancies(
        EXCHANGE,
        manifest_without_body=(
            ManifestLineWithoutBody(
                "KYV-T2-00160", "Б-160", 160, "Гнатюк", "Олексій", "0123456789"
            ),
            ManifestLineWithoutBody("KYV-T2-00161", None, 161, HOSTILE_SURNAME),
        ),
        bodies_without_manifest=(BodyWithoutManifestLine("KYV-T2-00170", "X-1", T0, "burnt"),),
        duplicate_tags=(DuplicateTag("Б-153", ("KYV-T2-00153", "KYV-T2-00190")),),
        shared_document_numbers=(
            SharedDocumentNumber(
                "4509 123456", "RUS", "internal_passport", ("KYV-T2-00153", "KYV-T2-00201")
            ),
        ),
    )
    found = render(data)
    assert "Рядки списку передачі без тіла (2)" in found
    assert "Тіла без рядка у списку передачі (1)" in found
    assert "Повторювані бирки (1)" in found
    assert "Однаковий номер документа в кількох справах (1)" in found
    for expected in (
        "KYV-T2-00160",
        "Гнатюк",
        "0123456789",
        "KYV-T2-00170",
        "обгоріле",
        "KYV-T2-00153, KYV-T2-00190",
        "4509 123456",
        "внутрішній паспорт",
        "KYV-T2-00153, KYV-T2-00201",
        HOSTILE_SURNAME,
    ):
        assert expected in found, expected
    assert "немає" not in found


def test_empty_sections_say_none() -> None:
    found = render(Discrepancies(EXCHANGE), "en")
    assert found.count("none") == 4
    assert "Page 1 of 1" in found
