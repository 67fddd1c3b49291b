"""Frozen records that cross the rings: what services return and what views and reports show.

They hold plain values only (str, int, date, datetime, tuples), never database objects, so a
record can travel to another thread, into a report, or out as JSON.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class WorkspaceInfo:
    uid: str
    name: str
    site: str
    team: str
    created_at: dt.datetime
    public_key_fingerprint: str
    path: str
    read_only: bool = False


@dataclass(frozen=True)
class UserRecord:
    name: str
    role: str
    active: bool = True


@dataclass(frozen=True)
class ExchangeRecord:
    code: str
    date_received: dt.date
    declared: int
    place: str | None = None
    counterparty: str | None = None
    reference: str | None = None
    notes: str | None = None


@dataclass(frozen=True)
class ExchangeSummary:
    """An exchange with its progress counts."""

    exchange: ExchangeRecord
    registered: int
    arrived: int
    by_status: dict[str, int]
    foreign: int
    unexamined: int


@dataclass(frozen=True)
class CaseRow:
    """One line of a case list."""

    case_number: str
    exchange: str
    tag: str | None
    status: str
    nationality: str
    condition: str | None = None
    documents: int = 0
    photos: int = 0
    completeness: int = 1
    locked: bool = False
    matched: str | None = None


@dataclass(frozen=True)
class DeclaredRecord:
    """What the handing-over side declared about a body; kept apart from findings."""

    surname: str | None = None
    given_names: str | None = None
    birth_date: dt.date | None = None
    unit: str | None = None
    service_number: str | None = None
    notes: str | None = None
    row: int | None = None
    source_file: str | None = None


@dataclass(frozen=True)
class ChecklistEntry:
    item: str
    state: str
    reason: str | None = None


@dataclass(frozen=True)
class SampleRecord:
    number: str
    kind: str
    taken_by: str
    taken_at: dt.datetime
    lab: str | None = None
    result: str | None = None
    result_at: dt.datetime | None = None
    result_by: str | None = None
    case: str | None = None


@dataclass(frozen=True)
class CustodyRecord:
    at: dt.datetime
    by: str
    to_location: str
    from_location: str | None = None
    reason: str | None = None


@dataclass(frozen=True)
class MarkRecord:
    uid: str
    kind: str
    description: str
    body_location: str | None = None
    serial_number: str | None = None


@dataclass(frozen=True)
class DecisionRecord:
    """An identification ("this is …") or an exclusion ("not one of ours"), and its state."""

    uid: str
    kind: str
    state: str
    reason: str
    proposed_by: str
    proposed_at: dt.datetime
    methods: tuple[str, ...] = ()
    primary: bool = False
    surname: str | None = None
    given_names: str | None = None
    birth_date: dt.date | None = None
    service_number: str | None = None
    basis_document: int | None = None
    decided_by: str | None = None
    decided_at: dt.datetime | None = None
    decision_reason: str | None = None

    @property
    def presumptive(self) -> bool:
        return self.kind == "identification" and not self.primary


@dataclass(frozen=True)
class MrzCheck:
    """The result of checking a machine-readable zone."""

    format: str
    valid: bool
    fields: dict[str, str]
    failures: tuple[str, ...] = ()


@dataclass(frozen=True)
class DocumentRecord:
    id: int
    uid: str
    kind: str
    country: str | None = None
    number: str | None = None
    surname: str | None = None
    given_names: str | None = None
    birth_date: dt.date | None = None
    birth_place: str | None = None
    sex: str | None = None
    expiry_date: dt.date | None = None
    personal_number: str | None = None
    mrz: tuple[str, ...] = ()
    mrz_format: str | None = None
    mrz_valid: bool | None = None
    mrz_failures: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()
    found_at: str | None = None
    bag: str | None = None
    notes: str | None = None
    photos: tuple[str, ...] = ()


@dataclass(frozen=True)
class EffectRecord:
    id: int
    uid: str
    kind: str
    description: str
    found_at: str | None = None
    bag: str | None = None
    photos: tuple[str, ...] = ()


@dataclass(frozen=True)
class PhotoRecord:
    sha256: str
    kind: str
    caption: str | None
    imported_at: dt.datetime
    imported_by: str
    original_name: str | None = None
    # Aware when the camera recorded its zone; naive when only its clock is known.
    taken_at: dt.datetime | None = None
    width: int | None = None
    height: int | None = None
    media_type: str | None = None
    size: int | None = None
    document: int | None = None
    effect: int | None = None
    gps: tuple[float, float] | None = None


@dataclass(frozen=True)
class AuditRecord:
    seq: int
    origin: str
    at: str
    user: str
    action: str
    entity: str
    entity_uid: str | None = None
    case_number: str | None = None
    reason: str | None = None
    before: dict[str, Any] | None = None
    after: dict[str, Any] | None = None


@dataclass(frozen=True)
class CaseLinkRecord:
    kind: str
    other_case: str
    reason: str | None = None


@dataclass(frozen=True)
class CaseRecord:
    """Everything about one case."""

    uid: str
    case_number: str
    exchange: str
    status: str
    nationality: str
    created_at: dt.datetime
    created_by: str
    tag: str | None = None
    condition: str | None = None
    location: str | None = None
    sex: str | None = None
    age_min: int | None = None
    age_max: int | None = None
    stature_cm: int | None = None
    clothing: str | None = None
    nationality_basis: str | None = None
    notes: str | None = None
    burial_cemetery: str | None = None
    burial_plot: str | None = None
    arrived_at: dt.datetime | None = None
    parent: str | None = None
    parts: tuple[str, ...] = ()
    links: tuple[CaseLinkRecord, ...] = ()
    locked: bool = False
    declared: DeclaredRecord | None = None
    checklist: tuple[ChecklistEntry, ...] = ()
    marks: tuple[MarkRecord, ...] = ()
    samples: tuple[SampleRecord, ...] = ()
    custody: tuple[CustodyRecord, ...] = ()
    identification: DecisionRecord | None = None
    decisions: tuple[DecisionRecord, ...] = ()
    documents: tuple[DocumentRecord, ...] = ()
    effects: tuple[EffectRecord, ...] = ()
    photos: tuple[PhotoRecord, ...] = ()
    completeness_score: int = 1
    missing: tuple[str, ...] = ()
    history: tuple[AuditRecord, ...] = field(default=())


@dataclass(frozen=True)
class Problem:
    """One finding of a verification: where, and what is wrong."""

    where: str
    what: str

    def __str__(self) -> str:
        return f"{self.where}: {self.what}"


@dataclass(frozen=True)
class ChainVerdict:
    valid: bool
    entries: int
    first_bad: int | None = None
    problems: tuple[Problem, ...] = ()
    head_signed: bool = False
