"""Every item model of the shell passes Qt's model tester, and the case list loads by windows."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from forensiclog.domain.records import CaseRow, ExchangeRecord, ExchangeSummary
from forensiclog.ui.case_list_model import (
    KEEP_PAGES,
    PAGE_SIZE,
    PLACEHOLDER,
    ROW_ROLE,
    CaseListModel,
)
from forensiclog.ui.exchange_model import ExchangeModel


def rows(start: int, count: int) -> list[CaseRow]:
    return [
        CaseRow(
            case_number=f"KYV-T2-{n:05d}",
            exchange="R2-0613",
            tag=f"{n:04d}",
            status="received" if n % 2 else "examined",
            nationality="undetermined",
            documents=n % 3,
            photos=n % 5,
            completeness=1 + n % 5,
        )
        for n in range(start + 1, start + count + 1)
    ]


def feeding(model: CaseListModel, total: int) -> list[int]:
    """Answer every page the model asks for at once, as the panel's read tasks would later."""
    asked: list[int] = []

    def answer(generation: int, offset: int, limit: int) -> None:
        asked.append(offset)
        model.put_page(generation, offset // PAGE_SIZE, rows(offset, min(limit, total - offset)))

    model.page_wanted.connect(answer)
    return asked


def test_the_case_list_model_passes_the_model_tester_while_pages_arrive(qtmodeltester):
    model = CaseListModel()
    feeding(model, 1000)
    model.reset_list(1000, rows(0, PAGE_SIZE))
    qtmodeltester.check(model, force_py=True)


def test_the_case_list_model_passes_the_model_tester_before_pages_arrive(qtmodeltester):
    model = CaseListModel()
    model.reset_list(5_000)
    qtmodeltester.check(model, force_py=True)
    assert model.index(4_999, 0).data() == PLACEHOLDER


def test_the_case_list_model_passes_the_model_tester_with_search_results(qtmodeltester):
    model = CaseListModel()
    model.show_rows(rows(0, 7))
    qtmodeltester.check(model, force_py=True)
    model.sort(0, Qt.SortOrder.DescendingOrder)
    assert model.index(0, 0).data() == "KYV-T2-00007"


def test_only_the_shown_window_is_asked_for_and_old_pages_are_dropped():
    model = CaseListModel()
    asked = feeding(model, 100_000)
    model.reset_list(100_000, rows(0, PAGE_SIZE))
    assert model.index(99_999, 0).data() == PLACEHOLDER  # asked for, not waited for
    assert model.index(99_999, 0).data() == "KYV-T2-100000"
    assert asked == [99_800]
    for page in range(KEEP_PAGES + 5):
        model.index(page * PAGE_SIZE + 5, 0).data()
    assert model.row_at(5) is None  # the first page was evicted
    assert model.index(5, 0).data(ROW_ROLE) is None  # and is asked for again
    assert model.index(5, 0).data(ROW_ROLE).case_number == "KYV-T2-00006"
    assert asked.count(0) == 1


def test_a_page_from_before_a_filter_change_is_ignored():
    model = CaseListModel()
    old = model.reset_list(500)
    model.reset_list(3, rows(0, 3))
    model.put_page(old, 0, rows(100, PAGE_SIZE))
    assert model.rowCount() == 3
    assert model.index(0, 0).data() == "KYV-T2-00001"


def summary(code: str, declared: int, arrived: int) -> ExchangeSummary:
    return ExchangeSummary(
        exchange=ExchangeRecord(code=code, date_received=dt.date(2025, 6, 13), declared=declared),
        registered=arrived + 3,
        arrived=arrived,
        by_status={"received": arrived},
        foreign=1,
        unexamined=arrived,
    )


def test_the_exchange_model_passes_the_model_tester(qtmodeltester):
    model = ExchangeModel()
    model.set_summaries([summary("R2-0613", 1212, 400), summary("R3-0627", 600, 0)])
    qtmodeltester.check(model, force_py=True)
    assert model.index(0).data() == "All exchanges"
    assert model.index(1).data().startswith("R2-0613")
    assert model.row_of("R3-0627") == 2
