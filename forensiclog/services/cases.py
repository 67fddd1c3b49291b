"""Registering bodies and body parts, editing findings, and reading cases back."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from forensiclog.db.models import Case, CaseLink, CustodyEntry, Document, Exchange, Mark
from forensiclog.domain.case_number import CaseNumber, parse_case_number
from forensiclog.domain.errors import AlreadyExists, InvalidInput, NotFound
from forensiclog.domain.records import CaseRecord
from forensiclog.domain.roles import Action
from forensiclog.domain.statuses import Status
from forensiclog.domain.text import clean_text, parse_count, required_text, short_text
from forensiclog.domain.vocabulary import (
    Condition,
    LinkKind,
    MarkKind,
    Nationality,
    Sex,
    empty_checklist,
    parse_code,
)
from forensiclog.services import case_state, search_index
from forensiclog.services.case_lookup import edit_action, issue_numbers, load_case
from forensiclog.services.case_records import case_record
from forensiclog.services.context import ServiceContext
from forensiclog.services.exchanges import find_exchange
from forensiclog.services.history import Tx, snapshot


@dataclass(frozen=True)
class Registration:
    case_number: str
    checked_in: bool = False


def _text(value: Any) -> str | None:
    return None if value is None else str(value)


def _parse_field(name: str, value: Any) -> Any:
    text = _text(value)
    parsers: dict[str, Any] = {
        "tag": lambda: short_text(text, "tag"),
        "condition": lambda: parse_code(Condition, text, "condition") if text else None,
        "sex": lambda: parse_code(Sex, text, "sex").value if text else None,
        "age_min": lambda: parse_count(text, "age-min", maximum=130),
        "age_max": lambda: parse_count(text, "age-max", maximum=130),
        "stature_cm": lambda: parse_count(text, "stature-cm", minimum=30, maximum=250),
        "clothing": lambda: clean_text(text, "clothing"),
        "notes": lambda: clean_text(text, "notes"),
        "nationality": lambda: parse_code(Nationality, text, "nationality").value if text else None,
        "nationality_basis": lambda: clean_text(text, "basis"),
        "nationality_document_id": lambda: parse_count(
            text, "basis-document", minimum=1, maximum=2**62
        ),
        "burial_cemetery": lambda: short_text(text, "cemetery"),
        "burial_plot": lambda: short_text(text, "plot"),
    }
    if name not in parsers:
        raise InvalidInput(name, "is not a field of a case")
    return parsers[name]()


EDITABLE = (
    "tag",
    "condition",
    "sex",
    "age_min",
    "age_max",
    "stature_cm",
    "clothing",
    "notes",
    "nationality",
    "nationality_basis",
    "nationality_document_id",
    "burial_cemetery",
    "burial_plot",
)


def _document_basis(document: Document) -> str:
    """A document named as its basis, in no language: state, number, names as printed."""
    head = (
        " ".join(part for part in (document.country, document.number) if part) or f"#{document.id}"
    )
    names = " ".join(n for n in (document.surname, document.given_names) if n)
    return f"{head} ({names})" if names else head


def _check_profile(case: Case) -> None:
    if case.age_min is not None and case.age_max is not None and case.age_min > case.age_max:
        raise InvalidInput("age-min", f"{case.age_min} is above age-max {case.age_max}")
    if case.nationality == Nationality.FOREIGN.value and not case.nationality_basis:
        raise InvalidInput("basis", "a foreign nationality assessment needs its basis (--basis)")


def _new_case(tx: Tx, number: str, exchange: Exchange, tag: str | None, source: str) -> Case:
    return Case(
        case_number=number,
        exchange_id=exchange.id,
        tag=tag,
        source=source,
        status=Status.RECEIVED.value,
        nationality=Nationality.UNDETERMINED.value,
        checklist=empty_checklist(),
        completeness_missing=[],
        created_at=tx.now,
        created_by=tx.user,
    )


def move_to(tx: Tx, case: Case, location: str, reason: str | None) -> CustodyEntry:
    """Log a move of the body and update where it is now."""
    entry = CustodyEntry(
        case_id=case.id,
        from_location=case.location,
        to_location=location,
        reason=reason,
        moved_at=tx.now,
        moved_by=tx.user,
    )
    tx.session.add(entry)
    case.location = location
    tx.record("custody.move", entry, case_number=case.case_number, reason=reason)
    return entry


class CaseService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def register(
        self,
        exchange: str,
        *,
        tag: str | None = None,
        condition: str | None = None,
        location: str | None = None,
        sex: str | None = None,
        notes: str | None = None,
        allow_duplicate_tag: bool = False,
    ) -> Registration:
        """Register a body that has arrived. A tag that matches a handover-list case not yet
        checked in checks that case in instead of opening a new one."""
        fields = {
            "condition": _parse_field("condition", condition),
            "sex": _parse_field("sex", sex),
            "notes": _parse_field("notes", notes),
        }
        tag_text, where = short_text(tag, "tag"), short_text(location, "location")
        with self.ctx.writing(Action.REGISTER_CASE) as tx:
            found = find_exchange(tx.session, exchange)
            same_tag = self._cases_with_tag(tx, found, tag_text)
            waiting = [c for c in same_tag if c.arrived_at is None]
            if waiting:
                case, checked_in = waiting[0], True
                before = snapshot(case)
            else:
                if same_tag and not allow_duplicate_tag:
                    raise InvalidInput(
                        "tag",
                        f"{tag_text!r} is already on case {same_tag[0].case_number}; if two bodies "
                        "really carry the same tag, register it as a duplicate tag",
                    )
                case, checked_in = (
                    _new_case(tx, issue_numbers(tx.session, 1)[0], found, tag_text, "intake"),
                    False,
                )
                before = None
                tx.session.add(case)
            case.arrived_at = tx.now
            for name, value in fields.items():
                if value is not None:
                    setattr(case, name, value)
            tx.record(
                "case.check_in" if checked_in else "case.register",
                case,
                before=before,
                case_number=case.case_number,
            )
            if where:
                move_to(tx, case, where, "registered")
            self._derive(tx, case)
            return Registration(case.case_number, checked_in)

    def _refuse_a_tag_in_use(self, tx: Tx, case: Case, tag: str) -> None:
        exchange = tx.session.get_one(Exchange, case.exchange_id)
        holders = [c for c in self._cases_with_tag(tx, exchange, tag) if c.id != case.id]
        if holders:
            raise InvalidInput(
                "tag",
                f"{tag!r} is already on case {holders[0].case_number}",
            )

    def _cases_with_tag(self, tx: Tx, exchange: Exchange, tag: str | None) -> list[Case]:
        if tag is None:
            return []
        query = (
            select(Case).where(Case.exchange_id == exchange.id, Case.tag == tag).order_by(Case.id)
        )
        return list(tx.session.scalars(query))

    def _derive(self, tx: Tx, case: Case) -> None:
        tx.session.flush()
        case_state.refresh(tx.session, case)
        search_index.reindex_case(tx.session, case)

    def add_part(
        self,
        parent: str,
        *,
        condition: str | None = None,
        location: str | None = None,
        notes: str | None = None,
        reason: str | None = None,
    ) -> str:
        """A body part with its own number (``-Pnn``), linked to the case it belongs to."""
        fields = {
            "condition": _parse_field("condition", condition),
            "notes": _parse_field("notes", notes),
        }
        where = short_text(location, "location")
        with self.ctx.writing(Action.REGISTER_CASE) as tx:
            owner = load_case(tx.session, parent)
            if owner.parent_id is not None:
                raise InvalidInput(
                    "case", f"{owner.case_number} is itself a body part; add the part to its case"
                )
            seq = owner.next_part_seq
            owner.next_part_seq = seq + 1
            number = str(
                CaseNumber(**{**parse_case_number(owner.case_number).__dict__, "part": seq})
            )
            part = _new_case(
                tx, number, tx.session.get_one(Exchange, owner.exchange_id), None, "part"
            )
            part.parent_id, part.part_seq, part.arrived_at = owner.id, seq, tx.now
            for name, value in fields.items():
                setattr(part, name, value)
            tx.session.add(part)
            tx.record(
                "case.register_part", part, case_number=number, reason=clean_text(reason, "reason")
            )
            if where:
                move_to(tx, part, where, "registered")
            self._derive(tx, part)
            return number

    def edit(
        self,
        number: str,
        changes: Mapping[str, Any],
        *,
        reason: str | None = None,
        allow_duplicate_tag: bool = False,
    ) -> str:
        """Change findings; a value of "" clears a field. A locked case needs a correction.
        A new ``location`` is a move in the custody log, written in the same transaction."""
        fields = dict(changes)
        location = short_text(_text(fields.pop("location", None)), "location")
        parsed = {name: _parse_field(name, value) for name, value in fields.items()}
        why = clean_text(reason, "reason")
        with self.ctx.writing(Action.EDIT_CASE) as tx:
            case = load_case(tx.session, number)
            action = edit_action(self.ctx, tx.session, case, "case.edit", why)
            if parsed.get("tag") and parsed["tag"] != case.tag and not allow_duplicate_tag:
                self._refuse_a_tag_in_use(tx, case, parsed["tag"])
            before = snapshot(case)
            self._apply(tx, case, parsed)
            _check_profile(case)
            changed = tx.record(
                action, case, before=before, case_number=case.case_number, reason=why
            )
            if location and location != case.location:
                move_to(tx, case, location, why or "location edited")
                changed = True
            if not changed:
                raise InvalidInput("case", f"{case.case_number}: nothing to change")
            self._derive(tx, case)
            return case.case_number

    def _apply(self, tx: Tx, case: Case, parsed: dict[str, Any]) -> None:
        document_id = parsed.get("nationality_document_id")
        if document_id is not None:
            document = tx.session.get(Document, document_id)
            if document is None or document.case_id != case.id:
                raise NotFound("document on this case", str(document_id))
            if not parsed.get("nationality_basis"):
                parsed["nationality_basis"] = _document_basis(document)
        if parsed.get("nationality") == Nationality.UNDETERMINED.value:
            parsed.setdefault("nationality_basis", None)
            parsed.setdefault("nationality_document_id", None)
        for name, value in parsed.items():
            setattr(case, name, value)

    def add_mark(
        self,
        number: str,
        *,
        kind: str,
        description: str,
        body_location: str | None = None,
        serial_number: str | None = None,
        reason: str | None = None,
    ) -> str:
        mark_kind = parse_code(MarkKind, kind, "kind")
        text = required_text(description, "description")
        with self.ctx.writing(Action.EDIT_CASE) as tx:
            case = load_case(tx.session, number)
            action = edit_action(
                self.ctx, tx.session, case, "mark.add", clean_text(reason, "reason")
            )
            mark = Mark(
                case_id=case.id,
                kind=mark_kind.value,
                description=text,
                body_location=short_text(body_location, "body-location"),
                serial_number=short_text(serial_number, "serial-number"),
                created_at=tx.now,
                created_by=tx.user,
            )
            tx.session.add(mark)
            tx.record(action, mark, case_number=case.case_number, reason=reason)
            self._derive(tx, case)
            return mark.uid

    def link_duplicate(self, number: str, other: str, *, reason: str) -> None:
        """Record that two cases are suspected to be the same person."""
        why = required_text(reason, "reason")
        with self.ctx.writing(Action.EDIT_CASE) as tx:
            first, second = load_case(tx.session, number), load_case(tx.session, other)
            if first.id == second.id:
                raise InvalidInput("case", "a case cannot be a duplicate of itself")
            kind = LinkKind.SUSPECTED_DUPLICATE.value
            exists = tx.session.scalar(
                select(CaseLink.id).where(
                    CaseLink.case_id.in_((first.id, second.id)),
                    CaseLink.other_case_id.in_((first.id, second.id)),
                    CaseLink.kind == kind,
                )
            )
            if exists:
                raise AlreadyExists("link", f"{first.case_number} ↔ {second.case_number}")
            link = CaseLink(
                case_id=first.id,
                other_case_id=second.id,
                kind=kind,
                reason=why,
                created_at=tx.now,
                created_by=tx.user,
            )
            tx.session.add(link)
            tx.record("case.link", link, case_number=first.case_number, reason=why)

    def show(self, number: str, *, with_history: bool = True) -> CaseRecord:
        with self.ctx.reading() as session:
            return case_record(session, load_case(session, number), with_history=with_history)
