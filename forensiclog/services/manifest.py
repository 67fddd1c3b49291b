"""Importing a handover list: one case per row, all rows or none, each bad row named."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import insert, select

from forensiclog.db.base import new_uid, table_of
from forensiclog.db.models import Case, DeclaredIdentity, Exchange, ManifestImport
from forensiclog.domain.errors import InvalidFile, InvalidInput
from forensiclog.domain.handover_list import DeclaredRow, check_header, check_rows
from forensiclog.domain.roles import Action
from forensiclog.domain.statuses import Status
from forensiclog.domain.vocabulary import Nationality, empty_checklist
from forensiclog.services import case_state
from forensiclog.services.case_lookup import issue_numbers
from forensiclog.services.context import ServiceContext
from forensiclog.services.exchanges import find_exchange
from forensiclog.services.history import Tx, state_of
from forensiclog.services.manifest_file import read_list
from forensiclog.services.search_index import CaseTerms, index_new_cases


@dataclass(frozen=True)
class ManifestResult:
    created: int
    cases: list[str]


def _case_row(
    exchange: Exchange, number: str, row: DeclaredRow, base: dict[str, Any]
) -> dict[str, Any]:
    score, missing = case_state.initial_completeness(declared_name=row.surname is not None)
    return {
        **base,
        "uid": new_uid(),
        "case_number": number,
        "exchange_id": exchange.id,
        "tag": row.tag,
        "completeness_score": score,
        "completeness_missing": missing,
    }


def _declared_row(case_id: int, manifest_id: int, row: DeclaredRow) -> dict[str, Any]:
    return {
        "uid": new_uid(),
        "case_id": case_id,
        "manifest_id": manifest_id,
        "row_number": row.row,
        "tag": row.tag,
        "surname": row.surname,
        "given_names": row.given_names,
        "birth_date": row.birth_date,
        "unit": row.unit,
        "service_number": row.service_number,
        "notes": row.notes,
    }


def _case_defaults(tx: Tx) -> dict[str, Any]:
    """The columns every handover-list case starts with (all given, so the state can be hashed)."""
    return {
        "parent_id": None,
        "part_seq": None,
        "next_part_seq": 1,
        "source": "manifest",
        "arrived_at": None,
        "status": Status.RECEIVED.value,
        "condition": None,
        "location": None,
        "sex": None,
        "age_min": None,
        "age_max": None,
        "stature_cm": None,
        "clothing": None,
        "nationality": Nationality.UNDETERMINED.value,
        "nationality_basis": None,
        "nationality_document_id": None,
        "checklist": empty_checklist(),
        "notes": None,
        "burial_cemetery": None,
        "burial_plot": None,
        "created_at": tx.now,
        "created_by": tx.user,
    }


class ManifestService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def import_file(self, exchange: str, path: Path) -> ManifestResult:
        self.ctx.require(Action.IMPORT_MANIFEST)
        listing, data = read_list(path)
        names, extra = _header(listing.header, listing.name)
        records = [(n, dict(zip(names, values, strict=False))) for n, values in listing.rows]
        with self.ctx.writing(Action.IMPORT_MANIFEST) as tx:
            found = find_exchange(tx.session, exchange)
            tagged = select(Case.tag, Case.case_number).where(
                Case.exchange_id == found.id, Case.tag.is_not(None)
            )
            taken = {str(tag): number for tag, number in tx.session.execute(tagged)}
            rows, problems = check_rows(records, extra, taken)
            if problems:
                raise InvalidFile(listing.name, problems)
            numbers = self._create(tx, found, rows, listing.name, hashlib.sha256(data).hexdigest())
        return ManifestResult(len(numbers), numbers)

    def _create(
        self, tx: Tx, exchange: Exchange, rows: list[DeclaredRow], name: str, sha: str
    ) -> list[str]:
        session = tx.session
        manifest = ManifestImport(
            exchange_id=exchange.id,
            file_name=name,
            file_sha256=sha,
            rows=len(rows),
            imported_at=tx.now,
            imported_by=tx.user,
        )
        session.add(manifest)
        tx.record("manifest.import", manifest, reason=f"{len(rows)} rows from {name}")
        numbers = issue_numbers(session, len(rows))
        case_table, declared_table = (
            table_of(Case),
            table_of(DeclaredIdentity),
        )
        base = _case_defaults(tx)
        case_rows = [_case_row(exchange, n, r, base) for n, r in zip(numbers, rows, strict=True)]
        connection = session.connection()
        ids: dict[str, int] = dict(
            connection.execute(
                insert(case_table).returning(case_table.c.uid, case_table.c.id), case_rows
            ).all()
        )
        declared_rows = [
            _declared_row(ids[c["uid"]], manifest.id, r)
            for c, r in zip(case_rows, rows, strict=True)
        ]
        connection.execute(insert(declared_table), declared_rows)
        for case, declared in zip(case_rows, declared_rows, strict=True):
            number = case["case_number"]
            tx.record_state(
                "case.create",
                "case",
                case["uid"],
                state_of(case_table, case, Case.audit_exclude),
                number,
            )
            tx.record_state(
                "declared.create",
                "declared",
                declared["uid"],
                state_of(declared_table, declared),
                number,
            )
        index_new_cases(
            session,
            (
                (
                    ids[c["uid"]],
                    CaseTerms(
                        c["case_number"],
                        r.tag,
                        [n for n in (r.surname, r.given_names) if n],
                        others=[r.service_number] if r.service_number else [],
                    ),
                )
                for c, r in zip(case_rows, rows, strict=True)
            ),
        )
        return numbers


def _header(header: list[str], name: str) -> tuple[list[str], list[str]]:
    try:
        return check_header(header)
    except InvalidInput as error:
        raise InvalidFile(name, reason=error.reason) from None
