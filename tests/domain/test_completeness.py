"""What a case lacks and its identification potential."""

from __future__ import annotations

from forensiclog.domain.completeness import CaseFacts, Missing, assess, identification_potential


def test_an_empty_case_lacks_everything_and_scores_one() -> None:
    result = assess(CaseFacts())
    assert result.score == 1
    assert Missing.FACE_PHOTO in result.missing
    assert Missing.DNA_SAMPLE in result.missing
    assert Missing.DNA_RESULT not in result.missing  # no sample yet: the sample is what is missing


def test_a_sample_without_result_asks_for_the_result() -> None:
    result = assess(CaseFacts(has_dna_sample=True))
    assert Missing.DNA_SAMPLE not in result.missing
    assert Missing.DNA_RESULT in result.missing


def test_dna_not_possible_settles_the_sample() -> None:
    assert Missing.DNA_SAMPLE not in assess(CaseFacts(dna_settled=True)).missing


def test_primary_identifiers_with_corroboration_score_five() -> None:
    strong = CaseFacts(
        has_dna_sample=True,
        has_dna_result=True,
        fingerprints_done=True,
        has_identity_document=True,
        has_face_photo=True,
    )
    assert identification_potential(strong) == 5


def test_score_grows_with_evidence() -> None:
    steps = [
        CaseFacts(),
        CaseFacts(has_identity_document=True),
        CaseFacts(has_identity_document=True, has_dna_sample=True),
        CaseFacts(has_identity_document=True, has_dna_sample=True, fingerprints_done=True),
        CaseFacts(
            has_identity_document=True,
            has_dna_sample=True,
            has_dna_result=True,
            fingerprints_done=True,
        ),
    ]
    scores = [identification_potential(f) for f in steps]
    assert scores == sorted(scores)
    assert scores[0] == 1 and scores[-1] == 5
    assert len(set(scores)) == 5
