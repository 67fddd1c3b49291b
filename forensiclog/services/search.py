"""One search box: a case number, tag, document number or name in either script, found in SQL.

The text is turned into keys (``name_keys``) and answered by B-tree range scans over
``search_keys``: a key ``k`` matches every stored key in ``[k, k || U+FFFF)``. Each word of the
text must match (words are ANDed); the whole text also counts as one identifier, so
``ЕК 123456`` or ``KYV-T2-00153`` typed with spaces or hyphens still meets its number. The text
is only ever a bound value: no query syntax exists that a user could break.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy import bindparam, select, text
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
WHOLE = -1


@dataclass(frozen=True)
class SearchPlan:
    """Key groups of a text: each word's keys (all must match), and the whole text's keys as
    one identifier (enough on its own)."""

    words: tuple[frozenset[str], ...]
    whole: frozenset[str]

    @property
    def empty(self) -> bool:
        return not self.words and not self.whole

    def groups(self) -> list[tuple[int, frozenset[str]]]:
        numbered = list(enumerate(self.words))
        return numbered + ([(WHOLE, self.whole)] if self.whole else [])


def plan(text: object) -> SearchPlan:
    """The keys of ``text``; anything a user can type gives a plan (perhaps empty), never an error."""
    if not isinstance(text, str):
        return SearchPlan((), frozenset())
    # A lone surrogate (pasted from a broken source) cannot be encoded for the database.
    clean = text[:MAX_QUERY_CHARS].encode("utf-8", "ignore").decode("utf-8")
    words = tuple(group for group in name_query_keys(clean) if group)
    return SearchPlan(words, identifier_keys(clean))


# The query is written as SQL text: it is assembled from placeholders only (every key and
# number is a bound value), and building it as SQLAlchemy expressions cost more than running it.
_KEYS = SearchKey.__tablename__
_CASES = Case.__tablename__
_KIND_RANK = " ".join(f"WHEN '{kind}' THEN {order}" for kind, order in KIND_ORDER.items())
_RANK = (
    "CASE WHEN key IN ({exact}) THEN 0 ELSE {prefix} END"
    f" + CASE kind {_KIND_RANK} ELSE {len(KIND_ORDER)} END"
    f" + CASE WHEN substr(key, 1, 1) = '{LOOSE_MARK}' THEN {LOOSE_RANK} ELSE 0 END"
)


def _arm(position: int, group: int, keys: frozenset[str], params: dict[str, Any]) -> str:
    """One group's keys as one SELECT of its hits: case, group, rank, key, kind."""
    ranges, names = [], []
    for i, key in enumerate(sorted(keys)):
        name = f"k{position}_{i}"
        params[name] = key
        names.append(f":{name}")
        if len(key) >= MIN_PREFIX:
            params[f"{name}_end"] = key + HIGH
            ranges.append(f"(key >= :{name} AND key < :{name}_end)")
        else:
            ranges.append(f"key = :{name}")
    rank = _RANK.format(exact=", ".join(names), prefix=PREFIX_RANK)
    return (
        f"SELECT case_id, {group} AS grp, {rank} AS rank, key, kind FROM {_KEYS} "  # noqa: S608
        f"WHERE ({' OR '.join(ranges)})"
    )


def _hits(search: SearchPlan, params: dict[str, Any], *, restricted: bool = False) -> str:
    only = " AND case_id IN :case_ids" if restricted else ""
    arms = [
        _arm(position, group, keys, params) + only
        for position, (group, keys) in enumerate(search.groups())
    ]
    return " UNION ALL ".join(arms)


def _best_cases(session: Session, search: SearchPlan, limit: int) -> list[int]:
    """The ids of the best-ranked cases that match every word, or the whole text."""
    params: dict[str, Any] = {"words": len(search.words), "limit": limit}
    sql = (
        f"SELECT best.case_id FROM ("  # noqa: S608 - placeholders only, see above
        f"SELECT case_id, MIN(rank) AS best FROM ({_hits(search, params)}) AS hits "
        f"GROUP BY case_id "
        f"HAVING SUM(CASE WHEN grp = {WHOLE} THEN 1 ELSE 0 END) > 0 "
        f"OR COUNT(DISTINCT CASE WHEN grp <> {WHOLE} THEN grp END) = :words"
        f") AS best JOIN {_CASES} ON {_CASES}.id = best.case_id "
        f"ORDER BY best.best, {_CASES}.case_number LIMIT :limit"
    )
    return list(session.scalars(text(sql), params))


def _matched(session: Session, search: SearchPlan, case_ids: list[int]) -> dict[int, str]:
    """For each case, what matched best: the kind of key and the key."""
    params: dict[str, Any] = {"case_ids": case_ids}
    sql = text(_hits(search, params, restricted=True)).bindparams(
        bindparam("case_ids", expanding=True)
    )
    best: dict[int, tuple[int, str, str]] = {}
    for case_id, _, rank, key, kind in session.execute(sql, params):
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
    ids = _best_cases(session, search, check_limit(limit))
    if not ids:
        return []
    rows = {r.case_number: r for r in page(session, CaseFilter(ids=tuple(ids)))}
    numbers = dict(session.execute(select(Case.id, Case.case_number).where(Case.id.in_(ids))).all())
    matched = _matched(session, search, ids)
    return [replace(rows[numbers[i]], matched=matched.get(i)) for i in ids if numbers[i] in rows]


class SearchService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def search(self, text: str, limit: int = 50) -> list[CaseRow]:
        """Cases whose number, tag, document numbers or names match ``text``, best first:
        exact case number, exact document number, exact tag, exact name, then prefixes."""
        with self.ctx.reading() as session:
            return search_cases(session, text, limit)
