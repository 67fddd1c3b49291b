"""What the PDF reports are made from, beyond the case records: context, previews, rows, labels.

The service layer gathers these from the database and hands them to a report; the report
never queries. Everything here is a frozen record of plain values.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum

from forensiclog.domain.errors import InvalidInput
from forensiclog.domain.records import (
    CaseRecord,
    CaseRow,
    ExchangeRecord,
    ExchangeSummary,
    PhotoRecord,
    WorkspaceInfo,
)

# Documents issued by this state are the receiving side's own; any other state is foreign.
OWN_STATE = "UKR"


class ReportLanguage(StrEnum):
    UK = "uk"
    EN = "en"


def parse_language(text: str) -> ReportLanguage:
    try:
        return ReportLanguage(text.strip().lower())
    except ValueError:
        raise InvalidInput("language", f"{text!r} is not a report language; use uk or en") from None


@dataclass(frozen=True)
class ReportContext:
    """Who makes the report, when, where, and in which language; printed on every page."""

    language: ReportLanguage
    generated_at: dt.datetime
    generated_by: str
    workspace: WorkspaceInfo
    # The hash at the head of the workspace's audit chain: printed so that a later copy of the
    # chain can be checked against what was true when the report was made.
    audit_head: str | None = None


@dataclass(frozen=True)
class ReportPhoto:
    """A photo's record and its preview: JPEG bytes, downscaled, already turned upright.

    The preview is derived (its bytes depend on the encoder), so it is left out of the data
    fingerprint; the record, with the original's SHA-256, is in it.
    """

    photo: PhotoRecord
    jpeg: bytes = field(repr=False, metadata={"fingerprint": False})


@dataclass(frozen=True)
class ExchangeReportInput:
    summary: ExchangeSummary
    cases: tuple[CaseRow, ...]


@dataclass(frozen=True)
class ForeignCase:
    """A case assessed foreign, with previews of its photos (documents' photos among them)."""

    case: CaseRecord
    photos: tuple[ReportPhoto, ...] = ()


@dataclass(frozen=True)
class ForeignNationalsInput:
    exchange: ExchangeRecord
    cases: tuple[ForeignCase, ...]
    own_state: str = OWN_STATE


@dataclass(frozen=True)
class ManifestLineWithoutBody:
    """A handover-list line for which no body has arrived."""

    case_number: str
    tag: str | None
    row: int | None = None
    surname: str | None = None
    given_names: str | None = None
    service_number: str | None = None


@dataclass(frozen=True)
class BodyWithoutManifestLine:
    """A body registered in the exchange that matches no line of the handover list."""

    case_number: str
    tag: str | None
    arrived_at: dt.datetime | None = None
    condition: str | None = None


@dataclass(frozen=True)
class DuplicateTag:
    tag: str
    cases: tuple[str, ...]


@dataclass(frozen=True)
class SharedDocumentNumber:
    """One document number found on more than one case."""

    number: str
    country: str | None
    kind: str | None
    cases: tuple[str, ...]


@dataclass(frozen=True)
class Discrepancies:
    exchange: ExchangeRecord
    manifest_without_body: tuple[ManifestLineWithoutBody, ...] = ()
    bodies_without_manifest: tuple[BodyWithoutManifestLine, ...] = ()
    duplicate_tags: tuple[DuplicateTag, ...] = ()
    shared_document_numbers: tuple[SharedDocumentNumber, ...] = ()


@dataclass(frozen=True)
class LabelItem:
    case_number: str
    tag: str | None = None
    exchange: str | None = None


class LabelLayout(StrEnum):
    """A4 label stock: columns × rows."""

    SMALL = "3x8"  # 24 labels, 70 × 37 mm: evidence bags and photo boards
    MEDIUM = "2x7"  # 14 labels, 99.1 × 38.1 mm
    LARGE = "2x4"  # 8 labels, 99.1 × 67.7 mm: body bags


def parse_label_layout(text: str) -> LabelLayout:
    wanted = text.strip().lower()
    for layout in LabelLayout:
        if wanted in (layout.value, layout.name.lower()):
            return layout
    valid = ", ".join(layout.value for layout in LabelLayout)
    raise InvalidInput("layout", f"{text!r} is not a label layout; use one of {valid}")
