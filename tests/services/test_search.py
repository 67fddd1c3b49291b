"""The search box: case numbers, tags, document numbers and names in either script, ranked,
answered in SQL by index range scans, and safe against anything typed into it."""

from __future__ import annotations

import csv
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event

from forensiclog.domain.errors import InvalidInput
from forensiclog.services.workspace import open_workspace
from tests.conftest import Team


def make_cases(team: Team, exchange: str, write_csv: Callable[..., Path]) -> dict[str, str]:
    """Cases by a short name: documents in both scripts, a handover-list name, a tag."""
    team.coordinator.manifest.import_file(
        exchange,
        write_csv(
            [
                ["UA-100", "Коваленко", "Андрій", ""],
                ["UA-101", "Демʼяненко", "Олег", ""],
            ]
        ),
    )
    ex = team.examiner
    made = {"listed": "KYV-T1-00001", "apostrophe": "KYV-T1-00002"}
    for name, tag, documents in (
        ("ivanov", "T-1", [{"kind": "internal_passport", "surname": "Иванов", "number": "4512 777888"}]),
        ("ivanenko", "T-2", [{"kind": "passport", "surname": "IVANENKO", "given_names": "PETRO", "number": "FA123456"}]),
        ("hnatiuk", "T-3", [{"kind": "passport", "surname": "HNATIUK", "number": "EK123456"}]),
        ("gnatiuk", "T-4", [{"kind": "passport", "surname": "GNATIUK", "number": "EK1234567"}]),
        ("ivanenko_ivan", "EK123456", [{"kind": "military_id", "surname": "Іваненко", "given_names": "Іван"}]),
        ("oneil", "T-6", [{"kind": "passport", "surname": "O'Neil", "number": "X1"}]),
    ):  # fmt: skip
        made[name] = ex.cases.register(exchange, tag=tag).case_number
        for document in documents:
            ex.documents.add(made[name], **document)
    return made


@pytest.fixture
def cases(team: Team, exchange: str, write_csv: Callable[..., Path]) -> dict[str, str]:
    return make_cases(team, exchange, write_csv)


@pytest.fixture(scope="module")
def shared(
    template_workspace: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[Team, dict[str, str]]]:
    """One workspace for the tests that only search (building it per test costs seconds)."""
    folder = tmp_path_factory.mktemp("search")
    workspace = open_workspace(shutil.copytree(template_workspace, folder / "workspace"))
    team = Team(workspace)
    team.coordinator.exchanges.add("R2-0613", date="2025-06-13", declared=6000)

    def write_csv(rows: list[list[str]]) -> Path:
        path = folder / "list.csv"
        with path.open("w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle)
            writer.writerow(["tag", "surname", "given_names", "birth_date"])
            writer.writerows(rows)
        return path

    yield team, make_cases(team, "R2-0613", write_csv)
    assert team.auditor.integrity.check().ok
    workspace.close()


def found(team: Team, text: str, limit: int = 50) -> list[str]:
    return [row.case_number for row in team.examiner.search.search(text, limit)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ivanov", ["ivanov"]),
        ("иванов", ["ivanov"]),
        ("IVANOV", ["ivanov"]),
        ("Іваненко", ["ivanenko", "ivanenko_ivan"]),
        ("Ivanenko Petro", ["ivanenko"]),
        ("Іваненко Петро", ["ivanenko"]),
        ("Гнатюк", ["gnatiuk", "hnatiuk"]),
        ("Гнат", ["gnatiuk", "hnatiuk"]),
        ("hNaTiUk", ["hnatiuk", "gnatiuk"]),
        ("Gnatyuk", ["gnatiuk", "hnatiuk"]),
        ("Коваленко", ["listed"]),
        ("Kovalenko Andrii", ["listed"]),
        ("Дем'яненко", ["apostrophe"]),
        ("Demianenko", ["apostrophe"]),
        ("O'Neil", ["oneil"]),
        ("ONeil", ["oneil"]),
    ],
)
def test_names_are_found_in_either_script(
    shared: tuple[Team, dict[str, str]], text: str, expected: list[str]
) -> None:
    team, cases = shared
    assert sorted(found(team, text)) == sorted(cases[name] for name in expected)


def test_an_exact_name_ranks_before_a_loose_match(shared: tuple[Team, dict[str, str]]) -> None:
    team, cases = shared
    rows = team.examiner.search.search("hnatiuk")
    assert [r.case_number for r in rows] == [cases["hnatiuk"], cases["gnatiuk"]]
    assert rows[0].matched == "name: hnatiuk" and rows[1].matched is not None
    assert rows[1].matched.startswith("name: ~")


def test_an_exact_case_number_ranks_first(team: Team, cases: dict[str, str]) -> None:
    number = cases["ivanov"]
    part = team.examiner.cases.add_part(number)

    rows = team.examiner.search.search(number.lower().replace("-", " "))

    assert [r.case_number for r in rows] == [number, part]
    assert rows[0].matched == f"case number: {number.lower().replace('-', '')}"


def test_an_exact_document_number_ranks_before_tags_and_prefixes(
    shared: tuple[Team, dict[str, str]],
) -> None:
    team, cases = shared
    rows = team.examiner.search.search("EK 123456")
    assert [r.case_number for r in rows] == [
        cases["hnatiuk"],  # the document number itself
        cases["ivanenko_ivan"],  # a tag that reads the same
        cases["gnatiuk"],  # a longer number that starts with it
    ]
    assert [r.matched for r in rows] == [
        "document number: ek123456",
        "tag: ek123456",
        "document number: ek1234567",
    ]
    # Typed with Cyrillic letters that look Latin, as series often are.
    assert found(team, "ЕК123456")[0] == cases["hnatiuk"]


@pytest.mark.parametrize(
    "typed", ['"EK 123456"', "(EK 123456)", "EK 123456*", "«EK 123456»", "_EK 123456;"]
)
def test_a_number_in_quotes_or_brackets_is_still_found(
    shared: tuple[Team, dict[str, str]], typed: str
) -> None:
    # Found by the search-input validation figure: only the bare number was found.
    team, cases = shared
    assert found(team, typed)[0] == cases["hnatiuk"]
    number = cases["ivanov"]
    assert found(team, f'"{number}"')[0] == number


def test_numbers_of_the_handover_list_samples_and_tags_are_found(
    team: Team, cases: dict[str, str]
) -> None:
    team.examiner.examination.add_sample(cases["ivanov"], kind="bone", sample_number="DNA-77")
    assert found(team, "dna-77") == [cases["ivanov"]]
    assert found(team, "UA-101") == [cases["apostrophe"]]
    assert found(team, "4512777888") == [cases["ivanov"]]


def test_the_index_follows_edits(team: Team, cases: dict[str, str]) -> None:
    (document,) = team.examiner.documents.for_case(cases["oneil"])
    team.examiner.documents.edit(document.id, {"surname": "Смирнов"})
    assert found(team, "O'Neil") == []
    assert found(team, "Smirnov") == [cases["oneil"]]
    team.examiner.decisions.propose_identification(
        cases["ivanov"], surname="Шевчук", given_names="Тарас", methods=["dna"], reason="ДНК"
    )
    assert found(team, "Shevchuk Taras") == [cases["ivanov"]]


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        '"',
        "NEAR(",
        "NEAR(a b",
        "-x",
        "*",
        "AND",
        "OR NOT",
        "%",
        "_",
        "\\",
        "'; DROP TABLE cases; --",
        "\x00",
        "\ud800",
        "𝕀𝕧𝕒𝕟𝕠𝕧",
        "x" * 10_240,
        "Іва " * 3000,
        "\uffff",
        "ʼ",
    ],
)
def test_hostile_text_gives_results_or_nothing_never_an_error(
    shared: tuple[Team, dict[str, str]], text: str
) -> None:
    team, cases = shared
    rows = team.examiner.search.search(text)
    assert isinstance(rows, list)
    assert team.examiner.cases.show(cases["ivanov"]).case_number  # nothing was harmed


def test_fancy_letters_pasted_from_a_chat_still_find_the_name(
    shared: tuple[Team, dict[str, str]],
) -> None:
    team, cases = shared
    assert found(team, "𝕀𝕧𝕒𝕟𝕠𝕧") == [cases["ivanov"]]


def test_one_letter_matches_only_itself(shared: tuple[Team, dict[str, str]]) -> None:
    team, cases = shared
    assert found(team, "i") == []
    assert sorted(found(team, "iv")) == sorted(
        cases[n] for n in ("ivanov", "ivanenko", "ivanenko_ivan")
    )


def test_the_limit_is_applied_and_checked(shared: tuple[Team, dict[str, str]]) -> None:
    team, _ = shared
    assert len(found(team, "kyv", limit=2)) == 2
    with pytest.raises(InvalidInput) as refused:
        team.examiner.search.search("kyv", 0)
    assert refused.value.field == "limit"


def test_the_search_runs_on_the_index_not_a_scan(shared: tuple[Team, dict[str, str]]) -> None:
    team, _ = shared
    statements: list[tuple[str, Any]] = []

    def seen(_conn: Any, _cursor: Any, statement: str, parameters: Any, *_: Any) -> None:
        if "search_keys" in statement:
            statements.append((statement, parameters))

    engine = team.workspace.engine
    event.listen(engine, "before_cursor_execute", seen)
    try:
        team.examiner.search.search("Гнатюк EK123")
    finally:
        event.remove(engine, "before_cursor_execute", seen)

    assert statements
    with engine.connect() as connection:
        for statement, parameters in statements:
            plan = connection.exec_driver_sql(f"EXPLAIN QUERY PLAN {statement}", parameters)
            details = [row[-1] for row in plan]
            scans = [d for d in details if "search_keys" in d and d.startswith("SCAN")]
            assert scans == [], details


def test_a_broad_word_still_finds_cases_exact_matches_first(
    shared: tuple[Team, dict[str, str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    from forensiclog.services import search

    team, cases = shared
    monkeypatch.setattr(search, "BROAD", 2)  # every word of this small workspace is broad
    monkeypatch.setattr(search, "CAPPED", 1)
    assert found(team, "Іваненко Петро") == [cases["ivanenko"]]
    assert found(team, "Гнатюк")[0] in (cases["hnatiuk"], cases["gnatiuk"])
    assert found(team, "EK 123456")[0] == cases["hnatiuk"]
    assert found(team, "iv")  # a prefix still finds some cases
