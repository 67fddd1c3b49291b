"""Benchmark: the search box over 100,000 cases with 150,000 documents.

    .venv/bin/python tests/bench/bench_search.py [--cases 100000] [--queries 200]

The workspace is generated once and cached under tests/bench/out/: cases and documents are
inserted with Core bulk inserts and indexed with ``search_index.key_rows`` (the keys the
services write), not through the per-case services. Surnames are drawn from about 700 made-up
Ukrainian and Russian surnames (stems and endings), so a surname matches a few hundred cases, as
the common ones do in a real list. Each query goes through ``SearchService.search`` as the
GUI's search box calls it (a read transaction, the ranked SQL, the rows of the page).
Target: p95 ≤ 20 ms for each kind of query.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import statistics
import sys
import time
import uuid
from pathlib import Path
from typing import Any

from sqlalchemy import insert

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from cached import cached_workspace

from forensiclog.db.base import table_of
from forensiclog.db.models import Case, Document, Exchange, SearchKey
from forensiclog.domain.roles import Role
from forensiclog.domain.vocabulary import empty_checklist
from forensiclog.services.build import build
from forensiclog.services.context import Actor
from forensiclog.services.search_index import CaseTerms, key_rows
from forensiclog.services.workspace import open_workspace
from forensiclog.services.workspace_setup import init_workspace


def _words(text: str) -> list[str]:
    return text.split()


UK_STEMS = _words(
    "Іван Петр Коваль Бондар Ткач Кравч Шевч Мельнич Гнат Олійнич Марч Савч Руд Лис Бой Гордій "
    "Клим Павл Левч Харч Кузьм Остап Мартин Гаврил Захарч Зінч Литвин Юрч Федор Гончар Ярош "
    "Сидор Яков Приход Кост Тимош Дорош Карп Соловй Панч Наум Єрем Ющ Прокоп Васил Нестер Роман "
    "Стась Пилип Собк Демʼян Проц Щерб Баб Голов Яким Гриц Данил Мирон Тарас Степан Богдан"
)
UK_ENDINGS = ("енко", "ук", "юк", "чук", "ишин", "ський", "ович", "ак")
RU_SURNAMES = _words(
    "Иванов Смирнов Кузнецов Попов Соколов Лебедев Козлов Новиков Морозов Волков Соловьёв "
    "Васильев Зайцев Павлов Семёнов Голубев Виноградов Богданов Воробьёв Фёдоров Михайлов"
)
GIVEN = _words(
    "Олександр Андрій Сергій Дмитро Іван Микола Василь Петро Юрій Олег Віктор Володимир "
    "Богдан Тарас Максим Роман Ігор Євген Михайло Степан Ярослав Артем Денис Віталій"
)


def surnames() -> list[str]:
    made = [stem + ending for stem in UK_STEMS for ending in UK_ENDINGS]
    return [s for s in made if len(s) > 3] + RU_SURNAMES


def _case_row(n: int, exchange_id: int, now: dt.datetime) -> dict[str, Any]:
    return {
        "uid": str(uuid.uuid4()),
        "case_number": f"KYV-T1-{n:05d}",
        "exchange_id": exchange_id,
        "tag": f"T-{n:06d}",
        "source": "manifest",
        "status": "received",
        "nationality": "undetermined",
        "checklist": empty_checklist(),
        "completeness_score": 1,
        "completeness_missing": [],
        "next_part_seq": 1,
        "created_at": now,
        "created_by": "bench",
    }


def _document(
    rng: random.Random, case_id: int, names: list[str], now: dt.datetime
) -> dict[str, Any]:
    foreign = rng.random() < 0.05
    return {
        "uid": str(uuid.uuid4()),
        "case_id": case_id,
        "kind": "passport" if foreign else rng.choice(("military_id", "id_card", "identity_tag")),
        "country": "RUS" if foreign else "UKR",
        "number": f"{rng.choice('АВЕКМНОРСТ')}{rng.choice('АВЕКМНОРСТ')} {rng.randrange(10**6):06d}",
        "surname": rng.choice(RU_SURNAMES) if foreign else rng.choice(names),
        "given_names": f"{rng.choice(GIVEN)} {rng.choice(GIVEN)}ович",
        "mrz_failures": [],
        "warnings": [],
        "created_at": now,
        "created_by": "bench",
    }


def generate(path: Path, cases: int, documents: int) -> None:
    """A workspace of ``cases`` cases and ``documents`` documents, inserted in bulk."""
    rng = random.Random(100_000)
    names, now = surnames(), dt.datetime.now(dt.UTC)
    init_workspace(path, site="KYV", team="T1", admin="admin", password="bench-password")
    workspace = open_workspace(path)
    started = time.perf_counter()
    with workspace.write_session() as session, session.begin():
        connection = session.connection()
        exchange = connection.execute(
            insert(table_of(Exchange)).returning(table_of(Exchange).c.id),
            [{"uid": str(uuid.uuid4()), "code": "R1", "date_received": dt.date(2025, 6, 13),
              "declared": cases, "created_at": now, "created_by": "bench"}],
        ).scalar_one()  # fmt: skip
        rows = [_case_row(n, exchange, now) for n in range(1, cases + 1)]
        connection.execute(insert(table_of(Case)), rows)
        owners = [1 + n % cases for n in range(documents)]  # every case one, half of them two
        docs = [_document(rng, case_id, names, now) for case_id in owners]
        connection.execute(insert(table_of(Document)), docs)
        terms = {n: CaseTerms(f"KYV-T1-{n:05d}", f"T-{n:06d}") for n in range(1, cases + 1)}
        for doc in docs:
            terms[doc["case_id"]].names += [doc["surname"], doc["given_names"]]
            terms[doc["case_id"]].documents.append(doc["number"])
        keys = [row for case_id, t in terms.items() for row in key_rows(case_id, t)]
        for start in range(0, len(keys), 200_000):
            connection.execute(insert(table_of(SearchKey)), keys[start : start + 200_000])
    workspace.close()
    print(
        f"generated {cases} cases, {documents} documents, {len(keys)} search keys "
        f"in {time.perf_counter() - started:.1f} s",
        flush=True,
    )


def queries(path: Path, count: int) -> dict[str, list[tuple[str, str]]]:
    """Texts to search for, drawn from what the workspace holds, each with the case it is from."""
    import sqlite3

    from translitua import UkrainianKMU, translit

    connection = sqlite3.connect(path / "forensiclog.db")
    picked = connection.execute(
        "SELECT c.case_number, d.number, d.surname, d.given_names FROM documents d "
        "JOIN cases c ON c.id = d.case_id WHERE d.id % 701 = 0 LIMIT ?",
        (count,),
    ).fetchall()
    connection.close()
    return {
        "case number": [(row[0], row[0]) for row in picked],
        "document number": [(row[1], row[0]) for row in picked],
        "Latin name": [(translit(row[2], UkrainianKMU), row[0]) for row in picked],
        "Cyrillic name": [(row[2], row[0]) for row in picked],
        "Cyrillic full name": [(f"{row[2]} {row[3].split()[0]}", row[0]) for row in picked],
        "prefix, 4 letters": [(row[2][:4], row[0]) for row in picked],
    }


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[int(share * (len(ordered) - 1))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--queries", type=int, default=200)
    options = parser.parse_args()
    documents = options.cases * 3 // 2
    path = cached_workspace(
        f"search-{options.cases}", lambda folder: generate(folder, options.cases, documents)
    )
    print(f"{options.cases} cases, {documents} documents; {os.cpu_count()} cores")
    print("load average before: {:.2f} {:.2f} {:.2f}".format(*os.getloadavg()))
    workspace = open_workspace(path)
    search = build(workspace, Actor("admin", Role.AUDITOR)).search
    for kind, texts in queries(path, options.queries).items():
        search.search(texts[0][0])  # the first query of a shape pays for compiling it
        times, cpu, found, first = [], [], [], 0
        for text, case in texts:
            started, busy = time.perf_counter(), time.process_time()
            rows = search.search(text)
            times.append(1000 * (time.perf_counter() - started))
            cpu.append(1000 * (time.process_time() - busy))
            found.append(len(rows))
            first += bool(rows) and rows[0].case_number == case
        p95 = percentile(times, 0.95)
        verdict = "ok" if p95 <= 20 else "OVER TARGET"
        ranked = f"  its case first {first}/{len(texts)}" if kind.endswith("number") else ""
        print(
            f"{kind:<20} median {statistics.median(times):6.2f} ms  p95 {p95:6.2f} ms  "
            f"(CPU median {statistics.median(cpu):5.2f}, p95 {percentile(cpu, 0.95):5.2f})  "
            f"results {statistics.median(found):3.0f}  {verdict}{ranked}"
        )
    workspace.close()
    print("load average after: {:.2f} {:.2f} {:.2f}".format(*os.getloadavg()))
    print("(wall time includes waiting for a core: compare the CPU figures when the load is high)")


if __name__ == "__main__":
    main()
