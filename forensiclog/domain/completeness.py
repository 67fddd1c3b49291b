"""What a case still lacks, and its 1–5 identification-potential score.

Coordinators sort thousands of cases by what needs work. The score counts what is present
that can lead to an identification, weighted as DVI practice weighs it: the primary
identifiers (DNA, fingerprints, dental) count most, documents next, then the secondary
evidence (face photo, marks, effects, declared identity, biological profile).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Missing(StrEnum):
    EXTERNAL_EXAM = "external_exam"
    OVERVIEW_PHOTO = "overview_photo"
    FACE_PHOTO = "face_photo"
    EFFECTS_INVENTORY = "effects_inventory"
    FINGERPRINTS = "fingerprints"
    DENTAL = "dental"
    DNA_SAMPLE = "dna_sample"
    DNA_RESULT = "dna_result"
    BIOLOGICAL_PROFILE = "biological_profile"
    NATIONALITY = "nationality"
    LOCATION = "location"


@dataclass(frozen=True)
class CaseFacts:
    """What is present on a case, as far as completeness is concerned."""

    external_done: bool = False
    effects_settled: bool = False
    fingerprints_done: bool = False
    dental_done: bool = False
    dna_settled: bool = False
    has_overview_photo: bool = False
    has_face_photo: bool = False
    has_dna_sample: bool = False
    has_dna_result: bool = False
    has_identity_document: bool = False
    has_marks: bool = False
    has_effects: bool = False
    has_declared_identity: bool = False
    has_biological_profile: bool = False
    nationality_assessed: bool = False
    has_location: bool = False


@dataclass(frozen=True)
class Completeness:
    score: int
    missing: tuple[Missing, ...]


def missing_items(f: CaseFacts) -> tuple[Missing, ...]:
    checks = (
        (f.external_done, Missing.EXTERNAL_EXAM),
        (f.has_overview_photo, Missing.OVERVIEW_PHOTO),
        (f.has_face_photo, Missing.FACE_PHOTO),
        (f.effects_settled, Missing.EFFECTS_INVENTORY),
        (f.fingerprints_done, Missing.FINGERPRINTS),
        (f.dental_done, Missing.DENTAL),
        (f.has_dna_sample or f.dna_settled, Missing.DNA_SAMPLE),
        (f.has_dna_result or not f.has_dna_sample, Missing.DNA_RESULT),
        (f.has_biological_profile, Missing.BIOLOGICAL_PROFILE),
        (f.nationality_assessed, Missing.NATIONALITY),
        (f.has_location, Missing.LOCATION),
    )
    return tuple(item for present, item in checks if not present)


def potential_points(f: CaseFacts) -> int:
    points = 0
    points += 4 if f.has_dna_result else 2 if f.has_dna_sample else 0
    points += 3 if f.fingerprints_done else 0
    points += 3 if f.dental_done else 0
    points += 2 if f.has_identity_document else 0
    points += sum(
        1
        for present in (
            f.has_face_photo,
            f.has_marks,
            f.has_effects,
            f.has_declared_identity,
            f.has_biological_profile,
        )
        if present
    )
    return points


# Points → score: 0–1 nothing to go on (1), 2–3 (2), 4–6 (3), 7–8 (4), 9 and more (5):
# a 5 needs a primary identifier result plus corroboration.
_THRESHOLDS = (2, 4, 7, 9)


def identification_potential(f: CaseFacts) -> int:
    points = potential_points(f)
    return 1 + sum(1 for threshold in _THRESHOLDS if points >= threshold)


def assess(f: CaseFacts) -> Completeness:
    return Completeness(score=identification_potential(f), missing=missing_items(f))
