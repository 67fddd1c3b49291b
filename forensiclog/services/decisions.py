"""Identification and exclusion as decisions: proposed with a basis, confirmed by a coordinator.

A confirmed decision locks the case; a new proposal replaces a standing one, which is
withdrawn (kept in the history, never deleted).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from forensiclog.db.models import Case, Decision, Document
from forensiclog.domain.errors import InvalidInput, NotFound
from forensiclog.domain.records import DecisionRecord
from forensiclog.domain.roles import Action
from forensiclog.domain.text import parse_date, required_text, short_text
from forensiclog.domain.vocabulary import (
    DecisionKind,
    DecisionState,
    IdentificationMethod,
    Nationality,
    parse_code,
)
from forensiclog.services import case_state, search_index
from forensiclog.services.case_lookup import edit_action, load_case
from forensiclog.services.case_records import decision_record
from forensiclog.services.context import ServiceContext
from forensiclog.services.history import Tx, snapshot


def standing(session: Session, case: Case) -> list[Decision]:
    return list(
        session.scalars(
            select(Decision)
            .where(Decision.case_id == case.id, Decision.state != DecisionState.WITHDRAWN.value)
            .order_by(Decision.id)
        )
    )


def _withdraw_standing(tx: Tx, case: Case, reason: str) -> None:
    for decision in standing(tx.session, case):
        before = snapshot(decision)
        decision.state = DecisionState.WITHDRAWN.value
        decision.decided_at, decision.decided_by, decision.decision_reason = tx.now, tx.user, reason
        tx.record(
            "decision.withdraw",
            decision,
            before=before,
            case_number=case.case_number,
            reason=reason,
        )


def _basis_document(session: Session, case: Case, document_id: int | None) -> int | None:
    if document_id is None:
        return None
    document = session.get(Document, document_id)
    if document is None or document.case_id != case.id:
        raise NotFound("document on this case", str(document_id))
    return document.id


class DecisionService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def propose_identification(
        self,
        number: str,
        *,
        surname: str,
        given_names: str,
        methods: Sequence[str],
        reason: str,
        birth_date: str | None = None,
        service_number: str | None = None,
        document: int | None = None,
    ) -> DecisionRecord:
        parsed = sorted({parse_code(IdentificationMethod, m, "method").value for m in methods})
        if not parsed:
            raise InvalidInput(
                "method",
                "name at least one basis: dna, fingerprints, dental, documents, visual, effects",
            )
        fields = {
            "surname": required_text(surname, "surname", max_length=500),
            "given_names": required_text(given_names, "given-names", max_length=500),
            "birth_date": parse_date(birth_date, "birth-date"),
            "service_number": short_text(service_number, "service-number"),
            "methods": parsed,
        }
        return self._propose(number, DecisionKind.IDENTIFICATION, fields, reason, document)

    def propose_exclusion(
        self, number: str, *, basis: str, document: int | None = None
    ) -> DecisionRecord:
        """ "Not one of ours": proposes the exclusion and its basis (e.g. a foreign passport)."""
        return self._propose(
            number, DecisionKind.EXCLUSION, {"methods": []}, basis, document, field="basis"
        )

    def _propose(
        self,
        number: str,
        kind: DecisionKind,
        fields: Mapping[str, object],
        reason: str,
        document: int | None,
        *,
        field: str = "reason",
    ) -> DecisionRecord:
        why = required_text(reason, field)
        with self.ctx.writing(Action.PROPOSE_IDENTIFICATION) as tx:
            case = load_case(tx.session, number)
            action = edit_action(self.ctx, tx.session, case, f"{kind.value}.propose", why)
            if kind is DecisionKind.EXCLUSION and case.nationality != Nationality.FOREIGN.value:
                raise InvalidInput(
                    "nationality",
                    f"case {case.case_number}: assess the nationality as "
                    "foreign with its basis before proposing an exclusion",
                )
            _withdraw_standing(tx, case, f"replaced by a new {kind.value} proposal")
            decision = Decision(
                case_id=case.id,
                kind=kind.value,
                state=DecisionState.PROPOSED.value,
                reason=why,
                basis_document_id=_basis_document(tx.session, case, document),
                proposed_at=tx.now,
                proposed_by=tx.user,
                **fields,
            )
            tx.session.add(decision)
            tx.record(action, decision, case_number=case.case_number, reason=why)
            search_index.reindex_case(tx.session, case)
            return decision_record(decision)

    def confirm(self, number: str, *, reason: str) -> DecisionRecord:
        """A coordinator confirms the standing proposal; the case is then locked."""
        why = required_text(reason, "reason")
        with self.ctx.writing(Action.CONFIRM_IDENTIFICATION) as tx:
            case = load_case(tx.session, number)
            proposals = [
                d for d in standing(tx.session, case) if d.state == DecisionState.PROPOSED.value
            ]
            if not proposals:
                raise InvalidInput(
                    "case",
                    f"{case.case_number} has no proposed identification or exclusion to confirm",
                )
            decision = proposals[-1]
            before = snapshot(decision)
            decision.state = DecisionState.CONFIRMED.value
            decision.decided_at, decision.decided_by, decision.decision_reason = (
                tx.now,
                tx.user,
                why,
            )
            tx.record(
                f"{decision.kind}.confirm",
                decision,
                before=before,
                case_number=case.case_number,
                reason=why,
            )
            case_state.refresh(tx.session, case)
            return decision_record(decision)

    def withdraw(self, number: str, *, reason: str) -> None:
        """Withdraw the standing decision; withdrawing a confirmed one is a coordinator's correction."""
        why = required_text(reason, "reason")
        with self.ctx.writing(Action.PROPOSE_IDENTIFICATION) as tx:
            case = load_case(tx.session, number)
            edit_action(self.ctx, tx.session, case, "decision.withdraw", why)
            if not standing(tx.session, case):
                raise InvalidInput(
                    "case", f"{case.case_number} has no standing decision to withdraw"
                )
            _withdraw_standing(tx, case, why)
