"""Figure: search input — query syntax, SQL and random strings through the search box and
``forensiclog search --``: no error, and real names still found with punctuation around them."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import tempfile
import unicodedata
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from forensiclog.domain.errors import Refusal
from forensiclog.services import search
from tests.conftest import PASSWORDS, Team
from tests.validation.harness import Figure, Outcome, Scale
from tests.validation.hostile_bench import check_problems, opened, unexpected, workspace_copy
from tests.validation.text_queries import (
    HOSTILE_QUERIES,
    PUNCTUATION_GARNISH,
    WORD_GARNISH,
    surrogates_for_argv,
)

FIGURE = Figure(
    "search_input",
    "Search input",
    "query syntax (`\"`, `NEAR(`, `O'Neil`, `-x`, `*`, `AND`, `%`, `_`, `\\`, `'; DROP TABLE`, "
    "10 KB, lone surrogates) and hypothesis-generated strings through the search service and "
    "`forensiclog search --`; real names wrapped in punctuation",
    "0 errors; every real name still found; the workspace checks clean",
)

EXCHANGE = "R1"
# (what is typed, the case it must find). Names as printed on documents, in either script.
PEOPLE: list[dict[str, str]] = [
    {"kind": "internal_passport", "country": "RUS", "number": "4510 123456", "surname": "Иванов"},
    {"kind": "passport", "country": "UKR", "number": "FE123456", "surname": "IVANENKO"},
    {"kind": "passport", "country": "IRL", "number": "PA7654321", "surname": "O'Neil"},
    {"kind": "passport", "country": "UKR", "number": "EK 998877", "surname": "Гнатюк"},
    {"kind": "military_id", "country": "UKR", "number": "AA-000111", "surname": "Smith_Jones"},
]
REAL_QUERIES = [
    ("Ivanov", 0),
    ("Иванов", 0),
    ("4510 123456", 0),
    ("Іваненко", 1),
    ("Ivanenko", 1),
    ("O'Neil", 2),
    ("O’Neil", 2),
    ("ONeil", 2),
    ("Gnatiuk", 3),
    ("Hnatiuk", 3),
    ("EK 998877", 3),
    ("KYV-T1-00002", 1),
    ("UA-104", 4),
    ("Smith", 4),
    ("Smith Jones", 4),
]


def _people(team: Team) -> list[str]:
    team.coordinator.exchanges.add(EXCHANGE, date="2025-06-13", declared=len(PEOPLE))
    numbers = []
    for index, person in enumerate(PEOPLE):
        number = team.examiner.cases.register(EXCHANGE, tag=f"UA-{100 + index}").case_number
        team.examiner.documents.add(
            number,
            kind=person["kind"],
            country=person["country"],
            number=person["number"],
            surname=person["surname"],
        )
        numbers.append(number)
    return numbers


def _table_counts(path: Path) -> dict[str, int]:
    with sqlite3.connect(f"{(path / 'forensiclog.db').as_uri()}?mode=ro", uri=True) as db:
        tables = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        return {t: db.execute(f'SELECT COUNT(*) FROM "{t}"').fetchone()[0] for t in tables}


class Searcher:
    """Runs queries through the service and records what went wrong."""

    def __init__(self, team: Team, numbers: list[str], outcome: Outcome) -> None:
        self.service = team.auditor.search
        self.numbers = numbers
        self.outcome = outcome

    def query(self, text: str, expect: int | None = None, limit: int = 50) -> None:
        self.outcome.attempts += 1
        self.outcome.count("service queries")
        try:
            rows = self.service.search(text, limit=limit)
        except Refusal as error:
            self.outcome.fail(f"search {text[:60]!r}: refused ({error})")
            return
        except Exception as error:  # noqa: BLE001 — every error is what this figure counts
            self.outcome.fail(f"search {text[:60]!r}: {unexpected(error)}")
            return
        if len(rows) > limit:
            self.outcome.fail(f"search {text[:60]!r}: {len(rows)} rows over the limit {limit}")
        if expect is not None:
            self.outcome.count("real names mixed in")
            if self.numbers[expect] not in [r.case_number for r in rows]:
                self.outcome.fail(
                    f"search {text[:60]!r}: did not find {self.numbers[expect]} "
                    f"({PEOPLE[expect]['surname']})"
                )


def _garnish_alphabet() -> st.SearchStrategy[str]:
    """Characters that are neither letters, digits nor marks, even after NFKC (so they can
    only ever separate words): punctuation, symbols, spaces, controls, lone surrogates."""

    def separator(c: str) -> bool:
        folded = unicodedata.normalize("NFKC", c)
        return not any(ch.isalnum() or unicodedata.category(ch).startswith("M") for ch in folded)

    return st.one_of(
        st.characters(categories=["P", "S", "Z", "Cc", "Cf"]).filter(separator),
        st.characters(categories=["Cs"]),
    )


def _hypothesis(searcher: Searcher, examples: int) -> None:
    run_settings = settings(
        max_examples=examples,
        database=None,
        derandomize=True,
        deadline=None,
        phases=[Phase.generate],
        suppress_health_check=list(HealthCheck),
    )

    @run_settings
    @given(st.text(st.one_of(st.characters(), st.characters(categories=["Cs"])), max_size=200))
    def random_text(text: str) -> None:
        searcher.outcome.count("hypothesis strings")
        searcher.query(text)

    garnish = st.text(_garnish_alphabet(), max_size=12)

    @run_settings
    @given(st.sampled_from(REAL_QUERIES), garnish, garnish)
    def wrapped_names(real: tuple[str, int], before: str, after: str) -> None:
        name, expect = real
        # Words of a name typed with spaces ("4510 123456") keep them; the garnish cannot
        # glue itself to a word, since it holds no letter or digit.
        searcher.query(f"{before} {name} {after}" if " " in name else before + name + after, expect)

    random_text()
    wrapped_names()


def _fixed(searcher: Searcher) -> None:
    for text in HOSTILE_QUERIES:
        searcher.query(text)
    for name, expect in REAL_QUERIES:
        searcher.query(name, expect)
        for pattern in PUNCTUATION_GARNISH:
            searcher.query(pattern.format(name), expect)
        for pattern in WORD_GARNISH:
            searcher.query(pattern.format(name))
    for limit in (1, 2, 1000):
        searcher.query("Ivanov", expect=0, limit=limit)


def _cli(path: Path, queries: list[str], outcome: Outcome) -> None:
    """``forensiclog search -- TEXT --json`` as a user runs it: JSON out, exit 0, no traceback."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("FORENSICLOG_")}
    env |= {"FORENSICLOG_USER": "iryna", "FORENSICLOG_PASSWORD": PASSWORDS["iryna"]}
    for text in queries:
        outcome.attempts += 1
        outcome.count("command-line queries")
        argv = [sys.executable, "-m", "forensiclog", "--workspace", str(path), "--json"]
        done = subprocess.run(
            [*argv, "search", "--", surrogates_for_argv(text)],
            capture_output=True,
            env=env,
            timeout=120,
            check=False,
        )
        problem = _cli_problem(done)
        if problem:
            outcome.fail(f"forensiclog search -- {text[:60]!r}: {problem}")


def _cli_problem(done: subprocess.CompletedProcess[bytes]) -> str | None:
    import json

    if b"Traceback" in done.stderr or b"Traceback" in done.stdout:
        return "printed a traceback"
    if done.returncode != 0:
        return f"exit {done.returncode}: {done.stderr.decode('utf-8', 'replace')[:200]}"
    try:
        rows = json.loads(done.stdout)
    except ValueError:
        return f"stdout is not JSON: {done.stdout[:100]!r}"
    return None if isinstance(rows, list) else "stdout is not a JSON list"


@contextmanager
def _inlined_sql() -> Iterator[None]:
    """The deliberately broken build: keys pasted into the SQL text instead of bound."""
    original: Callable[[Any, Any], str] = search._Sql.bind

    def pasted(self: Any, value: Any) -> str:
        original(self, value)
        return f"'{value}'" if isinstance(value, str) else str(value)

    setattr(search._Sql, "bind", pasted)  # noqa: B010 — a scratch patch, undone below
    try:
        yield
    finally:
        setattr(search._Sql, "bind", original)  # noqa: B010


def _negative_control(team: Team, numbers: list[str], outcome: Outcome) -> None:
    control = Outcome()
    with _inlined_sql():
        searcher = Searcher(team, numbers, control)
        for text in HOSTILE_QUERIES:
            searcher.query(text)
    caught = len(control.failures)
    outcome.negative_control = (
        "with the search keys pasted into the SQL instead of bound (a scratch patch of "
        f"search._Sql.bind), {caught} of {control.attempts} hostile queries failed"
    )
    if not caught:
        outcome.fail("negative control: the broken build passed every query")


def run(scale: Scale) -> Outcome:
    outcome = Outcome()
    full = scale is Scale.FULL
    with tempfile.TemporaryDirectory(prefix="forensiclog-search-") as folder:
        path = workspace_copy(Path(folder) / "workspace")
        with opened(path) as team:
            numbers = _people(team)
            before = _table_counts(path)
            searcher = Searcher(team, numbers, outcome)
            _fixed(searcher)
            _hypothesis(searcher, 2000 if full else 60)
            cli_queries = HOSTILE_QUERIES if full else HOSTILE_QUERIES[:6]
            _cli(path, [*cli_queries, "Ivanov", "O'Neil"], outcome)
            if _table_counts(path) != before:
                outcome.fail("the workspace's tables changed while only searching")
            outcome.failures += [f"check: {p}" for p in check_problems(team)]
            _negative_control(team, numbers, outcome)
    return outcome
