"""The foreign-nationals report: each foreign case with its basis, its foreign documents (not
its own-state ones), their MRZ validity and their photos."""

from __future__ import annotations

from pdf_reading import images, needs_pdftotext, page_texts, text
from report_records import DOCUMENTS, EXCHANGE, case_record, context, jpeg, photo, report_photos

from forensiclog.domain.report_inputs import ForeignCase, ForeignNationalsInput, ReportPhoto
from forensiclog.reports.foreign_report import ForeignNationalsReport

pytestmark = needs_pdftotext


def render(cases: tuple[ForeignCase, ...], language: str = "uk") -> bytes:
    data = ForeignNationalsInput(EXCHANGE, cases)
    return ForeignNationalsReport(data, context(language), invariant=True).render().pdf


def test_each_case_has_its_basis_foreign_documents_and_their_photos() -> None:
    first = case_record()
    second_photo = photo("cd34ef56", "document", document=11)
    second = case_record(
        case_number="KYV-T2-00154", documents=DOCUMENTS[:1], photos=(second_photo,)
    )
    second_photos = (ReportPhoto(second_photo, jpeg(800, 600, "#a04040")),)
    pdf = render(
        (ForeignCase(first, report_photos(first)), ForeignCase(second, second_photos)), "en"
    )
    pages = page_texts(pdf)
    # The list, then each case from a page of its own.
    starts = [
        next(i for i, p in enumerate(pages) if i and n in p)
        for n in ("KYV-T2-00153", "KYV-T2-00154")
    ]
    assert starts[0] == 1 and starts[1] > starts[0] and "KYV-T2-00153" not in pages[starts[1]]
    found = "\n".join(pages)
    assert "Внутрішній паспорт громадянина РФ № 4509 123456" in found
    assert "4509 123456" in found and "751234567" in found
    assert "Иванов" in found and "Сергей Петрович" in found
    assert "invalid: document number, composite check digit" in found
    # The evidence in full, as in the case report: where it was found and its bag or seal.
    assert "Where found" in found and "Evidence bag / seal" in found
    assert "АА 123456" not in found  # the Ukrainian military ID is not a foreign document
    # Only the photos linked to a foreign document: the document photo of each case.
    assert len(images(pdf)) == 2
    assert f"Page {len(pages)} of {len(pages)}" in pages[-1]


def test_a_case_without_a_foreign_document_says_so() -> None:
    case = case_record(documents=DOCUMENTS[2:], photos=())
    found = text(render((ForeignCase(case),), "en"))
    assert "No document of a foreign state is recorded on this case." in found


def test_no_foreign_cases() -> None:
    found = text(render((), "uk"))
    assert "Жодну справу не оцінено як іноземця." in found
    assert "Сторінка 1 з 1" in found
