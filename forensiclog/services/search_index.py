"""The search index: normalised keys for every number and name recorded on a case.

Keys are derived (never edited by hand) and rebuilt from a case's records whenever they
change; the search answers with B-tree prefix ranges over them, on SQLite and PostgreSQL alike.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from forensiclog.db.base import table_of
from forensiclog.db.bulk import insert_plain
from forensiclog.db.models import Case, Decision, DeclaredIdentity, Document, Sample, SearchKey
from forensiclog.services.name_keys import identifier_keys, name_index_keys


@dataclass
class CaseTerms:
    """What is searchable about one case."""

    case_number: str
    tag: str | None = None
    names: list[str] = field(default_factory=list)
    documents: list[str] = field(default_factory=list)
    others: list[str] = field(default_factory=list)

    def keys(self) -> set[tuple[str, str]]:
        found: set[tuple[str, str]] = {(k, "case") for k in identifier_keys(self.case_number)}
        if self.tag:
            found |= {(k, "tag") for k in identifier_keys(self.tag)}
        for number in self.documents:
            found |= {(k, "document") for k in identifier_keys(number)}
        for number in self.others:
            found |= {(k, "number") for k in identifier_keys(number)}
        for name in self.names:
            found |= {(k, "name") for k in name_index_keys(name)}
        return found


def _present(*values: str | None) -> list[str]:
    return [v for v in values if v]


def gather_terms(session: Session, case: Case) -> CaseTerms:
    terms = CaseTerms(case.case_number, case.tag)
    for d in session.scalars(select(DeclaredIdentity).where(DeclaredIdentity.case_id == case.id)):
        terms.names += _present(d.surname, d.given_names)
        terms.others += _present(d.service_number)
    for doc in session.scalars(select(Document).where(Document.case_id == case.id)):
        terms.names += _present(doc.surname, doc.given_names)
        terms.documents += _present(doc.number, doc.personal_number)
    for decision in session.scalars(select(Decision).where(Decision.case_id == case.id)):
        terms.names += _present(decision.surname, decision.given_names)
        terms.others += _present(decision.service_number)
    terms.others += list(session.scalars(select(Sample.number).where(Sample.case_id == case.id)))
    return terms


def key_rows(case_id: int, terms: CaseTerms) -> list[dict[str, object]]:
    return [{"case_id": case_id, "key": key, "kind": kind} for key, kind in sorted(terms.keys())]


def reindex_case(session: Session, case: Case) -> None:
    session.flush()
    session.execute(delete(SearchKey).where(SearchKey.case_id == case.id))
    rows = key_rows(case.id, gather_terms(session, case))
    if rows:
        session.connection().execute(insert(table_of(SearchKey)), rows)


def index_new_cases(session: Session, terms: Iterable[tuple[int, CaseTerms]]) -> None:
    """Keys for freshly inserted cases (the bulk path of a handover-list import)."""
    rows = [row for case_id, case_terms in terms for row in key_rows(case_id, case_terms)]
    insert_plain(session.connection(), table_of(SearchKey), rows)
