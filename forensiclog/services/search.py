"""One search box: a case number, tag, document number or name in either script, found in SQL.

The text is turned into keys (``name_keys``) and answered by B-tree range scans over
``search_keys``: a key ``k`` matches every stored key in ``[k, k || U+FFFF)``. Each word of the
text must match (words are ANDed); the whole text also counts as one identifier, so
``ЕК 123456`` or ``KYV-T2-00153`` typed with spaces or hyphens still meets its number. The text
is only ever a bound value: no query syntax exists that a user could break.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy import bindparam, text
from sqlalchemy.orm import Session

from forensiclog.db.models import Case, SearchKey
from forensiclog.domain.errors import InvalidInput
from forensiclog.domain.records import CaseRow
from forensiclog.services.case_list import CaseFilter, page
from forensiclog.services.context import ServiceContext
from forensiclog.services.name_keys import LOOSE_MARK, identifier_keys, name_query_keys

# The upper bound of a prefix range; name_keys drops characters above U+FFFF from every key.
HIGH = "\uffff"
# A pasted page is not a search; the keys are cut at 63 characters anyway.
MAX_QUERY_CHARS = 1000
# A one-character key matches only itself: as a prefix it would match most of the index.
MIN_PREFIX = 2
MAX_LIMIT = 1000
# What is neither a letter nor a digit at either end of the text.
_AROUND = re.compile(r"^[\W_]+|[\W_]+$")
# Ranks: exact before prefix, loose (phonetic) matches after both; within each, by kind.
KIND_ORDER = {"case": 0, "document": 1, "tag": 2, "number": 3, "name": 4}
PREFIX_RANK = 10
LOOSE_RANK = 20
KIND_LABELS = {
    "case": "case number",
    "document": "document number",
    "tag": "tag",
    "number": "number",
    "name": "name",
}


@dataclass(frozen=True)
class SearchPlan:
    """Key groups of a text: each word's keys (all must match), and the whole text's keys as
    one identifier (enough on its own)."""

    words: tuple[frozenset[str], ...]
    whole: frozenset[str]

    @property
    def empty(self) -> bool:
        return not self.words and not self.whole


def plan(text: object) -> SearchPlan:
    """The keys of ``text``; anything a user can type gives a plan (perhaps empty), never an error."""
    if not isinstance(text, str):
        return SearchPlan((), frozenset())
    # A lone surrogate (pasted from a broken source) cannot be encoded for the database.
    clean = text[:MAX_QUERY_CHARS].encode("utf-8", "ignore").decode("utf-8")
    words = tuple(group for group in name_query_keys(clean) if group)
    # Quotes, brackets or a wildcard typed around a number ("EK 998877", (KYV-T1-00153)) are
    # not part of it; the text as typed still counts too, for a tag that holds such signs.
    whole = identifier_keys(clean) | identifier_keys(_AROUND.sub("", clean))
    return SearchPlan(words, whole)


# The query is written as SQL text: it is assembled from placeholders only (every key and
# number is a bound value), and building it as SQLAlchemy expressions cost more than running it.
_KEYS = SearchKey.__tablename__
_CASES = Case.__tablename__
_KIND_RANK = " ".join(f"WHEN '{kind}' THEN {order}" for kind, order in KIND_ORDER.items())
# A word whose keys reach BROAD stored keys ("Іва", "kyv", or a surname that is also a common
# patronymic) is broad: ranking every case it matches would cost more than a search box allows.
# Of a broad word, each key contributes only the first CAPPED entries of its range in index
# order: its exact matches first, then the alphabetically nearest longer keys. The person
# typing sees some of the matches at once and narrows them by typing on.
BROAD = 5000
CAPPED = 100


@dataclass(frozen=True)
class Group:
    """Keys of which one must match: a word's, or the whole text's as an identifier."""

    keys: frozenset[str]
    size: int = 0

    @property
    def broad(self) -> bool:
        return self.size >= BROAD


class _Sql:
    """Placeholders and their values for one statement."""

    def __init__(self) -> None:
        self.params: dict[str, Any] = {}

    def bind(self, value: Any) -> str:
        name = f"p{len(self.params)}"
        self.params[name] = value
        return f":{name}"

    def matches(self, group: Group, *, indexed: bool = True) -> str:
        # coalesce(key, '') is the same text, but no index can serve it: where the rows are
        # reached by their case, the planner must not scan the key index instead.
        column = "key" if indexed else "coalesce(key, '')"
        terms = []
        for key in sorted(group.keys):
            if len(key) >= MIN_PREFIX:
                low, high = self.bind(key), self.bind(key + HIGH)
                terms.append(f"({column} >= {low} AND {column} < {high})")
            else:
                terms.append(f"{column} = {self.bind(key)}")
        return f"({' OR '.join(terms)})"

    def any_matches(self, groups: list[Group]) -> str:
        return " OR ".join(self.matches(g, indexed=False) for g in groups)

    def rank(self, groups: list[Group]) -> str:
        exact = ", ".join(self.bind(k) for g in groups for k in sorted(g.keys))
        return (
            f"(CASE WHEN key IN ({exact}) THEN 0 ELSE {PREFIX_RANK} END"
            f" + CASE kind {_KIND_RANK} ELSE {len(KIND_ORDER)} END"
            f" + CASE WHEN substr(key, 1, 1) = '{LOOSE_MARK}' THEN {LOOSE_RANK} ELSE 0 END)"
        )


def _groups(search: SearchPlan) -> tuple[list[Group], Group | None]:
    words = [Group(keys) for keys in search.words]
    # One word is its own identifier already; the whole text adds something only when the
    # words split a number typed with spaces, hyphens or slashes ("ЕК 123456", "KYV-T1-00153").
    whole = Group(search.whole) if search.whole and len(words) != 1 else None
    return words, whole


def _sizes(session: Session, groups: list[Group]) -> list[int]:
    """How many stored keys each group matches, counted up to BROAD."""
    sql = _Sql()
    counts = [
        f"(SELECT COUNT(*) FROM (SELECT 1 FROM {_KEYS} WHERE {sql.matches(g)} LIMIT {BROAD}) AS n)"  # noqa: S608
        for g in groups
    ]
    row = session.execute(text(f"SELECT {', '.join(counts)}"), sql.params).one()
    return [int(n) for n in row]


def _sized(session: Session, groups: list[Group]) -> list[Group]:
    sizes = _sizes(session, groups)
    return [Group(g.keys, size=n) for g, n in zip(groups, sizes, strict=True)]


def _cases_of(sql: _Sql, group: Group) -> str:
    """SQL for the ids of the cases one group finds (an id may repeat)."""
    if not group.broad:
        # "case_id + 0": a bare case_id tempts the planner to walk the whole case_id index in
        # order (to make it distinct) instead of reading the few key ranges.
        return f"SELECT case_id + 0 AS case_id FROM {_KEYS} WHERE {sql.matches(group)}"  # noqa: S608
    arms = [
        f"SELECT case_id FROM (SELECT case_id FROM {_KEYS} "  # noqa: S608
        f"WHERE {sql.matches(Group(frozenset([key])))} ORDER BY key, case_id LIMIT {CAPPED}) AS k{n}"
        for n, key in enumerate(sorted(group.keys))
    ]
    return " UNION ALL ".join(arms)


def _candidates(sql: _Sql, words: list[Group], whole: Group | None) -> str:
    """SQL for the ids of the cases that match every word, or the whole text."""
    parts = []
    if words and all(g.size > 0 for g in words):
        # The rarest word finds the candidates; each other word is checked on their own keys.
        rarest, *others = sorted(words, key=lambda g: g.size)
        checks = [
            f"EXISTS (SELECT 1 FROM {_KEYS} AS s WHERE s.case_id = d.case_id "  # noqa: S608
            f"AND {sql.matches(g, indexed=False)})"
            for g in others
        ]
        parts.append(
            f"SELECT DISTINCT d.case_id FROM ({_cases_of(sql, rarest)}) AS d "  # noqa: S608
            f"WHERE {' AND '.join(checks) or '1 = 1'}"
        )
    if whole is not None and whole.size > 0:
        parts.append(f"SELECT case_id FROM ({_cases_of(sql, whole)}) AS w")  # noqa: S608
    return " UNION ".join(parts)


def _best_cases(session: Session, search: SearchPlan, limit: int) -> list[tuple[int, str]]:
    """The best-ranked cases (id, number) that match every word, or the whole text."""
    words, whole = _groups(search)
    sized = _sized(session, words + ([whole] if whole else []))
    sql = _Sql()
    if len(sized) == 1 and not sized[0].broad:
        # One group: its own hits, straight from the key index.
        hits = (
            f"SELECT case_id, {sql.rank(sized)} AS rank FROM {_KEYS} WHERE {sql.matches(sized[0])}"  # noqa: S608
        )
    else:
        found = _candidates(sql, sized[: len(words)], sized[-1] if whole else None)
        if not found:
            return []
        hits = (
            f"SELECT s.case_id, {sql.rank(sized)} AS rank FROM ({found}) AS c "  # noqa: S608
            f"JOIN {_KEYS} AS s ON s.case_id = c.case_id WHERE {sql.any_matches(sized)}"
        )
    statement = (
        f"SELECT hits.case_id, {_CASES}.case_number FROM ({hits}) AS hits "  # noqa: S608
        f"JOIN {_CASES} ON {_CASES}.id = hits.case_id "
        f"GROUP BY hits.case_id, {_CASES}.case_number "
        f"ORDER BY MIN(hits.rank), {_CASES}.case_number LIMIT {sql.bind(limit)}"
    )
    return [(row[0], row[1]) for row in session.execute(text(statement), sql.params)]


def _matched(session: Session, search: SearchPlan, case_ids: list[int]) -> dict[int, str]:
    """For each case, what matched best: the kind of key and the key."""
    words, whole = _groups(search)
    groups = words + ([whole] if whole else [])
    sql = _Sql()
    statement = text(
        f"SELECT case_id, {sql.rank(groups)}, key, kind FROM {_KEYS} "  # noqa: S608
        f"WHERE case_id IN :case_ids AND ({sql.any_matches(groups)})"
    ).bindparams(bindparam("case_ids", expanding=True))
    best: dict[int, tuple[int, str, str]] = {}
    for case_id, rank, key, kind in session.execute(
        statement, {**sql.params, "case_ids": case_ids}
    ):
        if case_id not in best or (rank, key) < best[case_id][:2]:
            best[case_id] = (rank, key, kind)
    return {
        case_id: f"{KIND_LABELS.get(kind, kind)}: {key}" for case_id, (_, key, kind) in best.items()
    }


def check_limit(limit: int) -> int:
    if not 1 <= limit <= MAX_LIMIT:
        raise InvalidInput("limit", f"{limit} is outside 1–{MAX_LIMIT}")
    return limit


def search_cases(session: Session, text: object, limit: int = 50) -> list[CaseRow]:
    search = plan(text)
    if search.empty:
        return []
    best = _best_cases(session, search, check_limit(limit))
    if not best:
        return []
    ids = [case_id for case_id, _ in best]
    rows = {r.case_number: r for r in page(session, CaseFilter(ids=tuple(ids)))}
    matched = _matched(session, search, ids)
    return [replace(rows[number], matched=matched.get(i)) for i, number in best if number in rows]


class SearchService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def search(self, text: str, limit: int = 50) -> list[CaseRow]:
        """Cases whose number, tag, document numbers or names match ``text``, best first:
        exact case number, exact document number, exact tag, exact name, then prefixes."""
        with self.ctx.reading() as session:
            return search_cases(session, text, limit)
