"""Personal effects found on a body: what, where, in which sealed bag, with photos.

Geneva Convention I, Art. 16: effects of the dead go into sealed packets with a complete list
of their contents, so each effect carries the number of its bag or seal.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from forensiclog.db.models import Case, CasePhoto, Effect, PhotoFile
from forensiclog.domain.errors import InvalidInput, NotFound
from forensiclog.domain.records import EffectRecord
from forensiclog.domain.roles import Action
from forensiclog.domain.text import clean_text, required_text, short_text
from forensiclog.domain.vocabulary import PhotoKind
from forensiclog.services import case_state
from forensiclog.services.case_lookup import edit_action, load_case
from forensiclog.services.case_records import effect_record
from forensiclog.services.context import ServiceContext
from forensiclog.services.evidence import adding_evidence
from forensiclog.services.history import snapshot
from forensiclog.services.photos import (
    PhotoImport,
    PhotoService,
)


def _limited(value: str | None, name: str, limit: int) -> str | None:
    text = short_text(value, name)
    if text is not None and len(text) > limit:
        raise InvalidInput(name, f"is {len(text)} characters long; at most {limit} are kept")
    return text


def _kind(value: str | None) -> str:
    text = _limited(value, "kind", 100)
    if text is None:
        raise InvalidInput("kind", "say what the effect is (e.g. watch, ring, phone, letter)")
    return text


_PARSERS: dict[str, Any] = {
    "kind": _kind,
    "description": lambda v: required_text(v, "description"),
    "found_at": lambda v: _limited(v, "found-at", 500),
    "bag": lambda v: _limited(v, "bag", 200),
}


def parse_fields(values: Mapping[str, Any]) -> dict[str, Any]:
    parsed = {}
    for name, value in values.items():
        if name not in _PARSERS:
            raise InvalidInput(name, "is not a field of a personal effect")
        parsed[name] = _PARSERS[name](None if value is None else str(value))
    return parsed


@dataclass(frozen=True)
class EffectResult:
    effect: EffectRecord
    photos: PhotoImport = field(default_factory=PhotoImport)


def _photo_shas(session: Session, effect_id: int) -> tuple[str, ...]:
    return tuple(
        session.scalars(
            select(PhotoFile.sha256)
            .join(CasePhoto, CasePhoto.photo_id == PhotoFile.id)
            .where(CasePhoto.effect_id == effect_id)
            .order_by(CasePhoto.id)
        )
    )


class EffectService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def add(
        self,
        case: str,
        *,
        kind: str,
        description: str,
        found_at: str | None = None,
        bag: str | None = None,
        photos: Sequence[Path | str] = (),
        reason: str | None = None,
    ) -> EffectResult:
        """Record a personal effect, with photos of it (kind ``effect``), in one transaction."""
        values = parse_fields(
            {"kind": kind, "description": description, "found_at": found_at, "bag": bag}
        )
        why = clean_text(reason, "reason")
        with adding_evidence(PhotoService(self.ctx), case, "effect.add", why, photos) as add:
            tx, found = add.tx, add.case
            effect = Effect(case_id=found.id, created_at=tx.now, created_by=tx.user, **values)
            tx.session.add(effect)
            tx.record(add.action, effect, case_number=found.case_number, reason=why)
            added = add.attach_photos(PhotoKind.EFFECT, effect=effect.id)
            case_state.refresh(tx.session, found)
            shas = tuple(p.sha256 for p in added.photos)
            return EffectResult(effect_record(effect, shas), added)

    def edit(
        self, effect_id: int, changes: Mapping[str, Any], *, reason: str | None = None
    ) -> EffectRecord:
        """Change an effect's kind, description, where found or bag; "" clears an optional one."""
        parsed = parse_fields(changes)
        why = clean_text(reason, "reason")
        with self.ctx.writing(Action.ADD_EVIDENCE) as tx:
            effect = tx.session.get(Effect, effect_id)
            if effect is None:
                raise NotFound("effect", str(effect_id))
            case = tx.session.get_one(Case, effect.case_id)
            action = edit_action(self.ctx, tx.session, case, "effect.edit", why)
            before = snapshot(effect)
            for name, value in parsed.items():
                setattr(effect, name, value)
            if not tx.record(
                action, effect, before=before, case_number=case.case_number, reason=why
            ):
                raise InvalidInput("effect", f"{effect_id}: nothing to change")
            return effect_record(effect, _photo_shas(tx.session, effect.id))

    def for_case(self, case: str) -> tuple[EffectRecord, ...]:
        with self.ctx.reading() as session:
            found = load_case(session, case)
            effects = session.scalars(
                select(Effect).where(Effect.case_id == found.id).order_by(Effect.id)
            ).all()
            return tuple(effect_record(e, _photo_shas(session, e.id)) for e in effects)
