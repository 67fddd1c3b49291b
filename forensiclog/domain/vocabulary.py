"""The closed lists of the trade (conditions, checklist, kinds, methods) and their parsers.

Codes are stable English identifiers used in storage, on the command line and in JSON; the
interface and the reports translate them.
"""

from __future__ import annotations

from enum import StrEnum
from typing import TypeVar

from forensiclog.domain.errors import InvalidInput


class Condition(StrEnum):
    COMPLETE = "complete"
    INCOMPLETE = "incomplete"
    FRAGMENTED = "fragmented"
    COMMINGLED = "commingled"
    DECOMPOSED = "decomposed"
    SKELETONISED = "skeletonised"
    BURNT = "burnt"


class Sex(StrEnum):
    MALE = "M"
    FEMALE = "F"
    UNDETERMINED = "U"


class Nationality(StrEnum):
    OWN = "own"
    FOREIGN = "foreign"
    UNDETERMINED = "undetermined"


class ChecklistItem(StrEnum):
    EXTERNAL = "external"
    EFFECTS = "effects"
    FINGERPRINTS = "fingerprints"
    DENTAL = "dental"
    ANTHROPOLOGY = "anthropology"
    PATHOLOGY = "pathology"
    DNA = "dna"


class ChecklistState(StrEnum):
    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    NOT_POSSIBLE = "not_possible"


class SampleKind(StrEnum):
    BONE = "bone"
    TOOTH = "tooth"
    TISSUE = "tissue"
    BLOOD = "blood"


class IdentificationMethod(StrEnum):
    DNA = "dna"
    FINGERPRINTS = "fingerprints"
    DENTAL = "dental"
    DOCUMENTS = "documents"
    VISUAL = "visual"
    EFFECTS = "effects"


# Interpol DVI: DNA, fingerprints and dental records are the primary identifiers; the rest
# are secondary and make an identification presumptive on their own.
PRIMARY_METHODS = frozenset(
    {IdentificationMethod.DNA, IdentificationMethod.FINGERPRINTS, IdentificationMethod.DENTAL}
)


class DecisionKind(StrEnum):
    IDENTIFICATION = "identification"
    EXCLUSION = "exclusion"


class DecisionState(StrEnum):
    PROPOSED = "proposed"
    CONFIRMED = "confirmed"
    WITHDRAWN = "withdrawn"


class DocumentKind(StrEnum):
    PASSPORT = "passport"
    INTERNAL_PASSPORT = "internal_passport"
    MILITARY_ID = "military_id"
    ID_CARD = "id_card"
    IDENTITY_TAG = "identity_tag"
    DRIVING_LICENCE = "driving_licence"
    OTHER = "other"


class PhotoKind(StrEnum):
    OVERVIEW = "overview"
    FACE = "face"
    DOCUMENT = "document"
    EFFECT = "effect"
    MARK = "mark"
    CLOTHING = "clothing"
    OTHER = "other"


class MarkKind(StrEnum):
    TATTOO = "tattoo"
    SCAR = "scar"
    PROSTHESIS = "prosthesis"
    OTHER = "other"


class LinkKind(StrEnum):
    SUSPECTED_DUPLICATE = "suspected_duplicate"


E = TypeVar("E", bound=StrEnum)


def parse_code(kind: type[E], text: str, field: str) -> E:
    """The member of ``kind`` whose code is ``text``; a refusal naming the field and the codes."""
    wanted = text.strip()
    for member in kind:
        if member.value.lower() == wanted.lower():
            return member
    valid = ", ".join(m.value for m in kind)
    raise InvalidInput(field, f"{text!r} is not one of {valid}")


def empty_checklist() -> dict[str, dict[str, str | None]]:
    return {
        item.value: {"state": ChecklistState.NOT_STARTED.value, "reason": None}
        for item in ChecklistItem
    }
