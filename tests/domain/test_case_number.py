"""Case numbers: site-team-sequence, parts, and the codes that make them unique."""

from __future__ import annotations

import pytest

from forensiclog.domain.case_number import CaseNumber, parse_case_number, site_code, team_code
from forensiclog.domain.errors import InvalidInput


def test_format_and_parse_round_trip() -> None:
    number = CaseNumber("KYV", "T2", 153)
    assert str(number) == "KYV-T2-00153"
    assert parse_case_number("kyv-t2-00153") == number
    part = CaseNumber("KYV", "T2", 153, 1)
    assert str(part) == "KYV-T2-00153-P01"
    assert parse_case_number(" KYV-T2-00153-P01 ").parent == number
    assert str(CaseNumber("KYV", "T2", 123456)) == "KYV-T2-123456"


@pytest.mark.parametrize(
    "text", ["", "KYV-T2", "KYV-T2-153", "КИЇ-T2-00153", "KYV-T2-00153-X1", "KYV_T2_00153"]
)
def test_malformed_numbers_are_refused(text: str) -> None:
    with pytest.raises(InvalidInput, match="case number"):
        parse_case_number(text)


def test_codes() -> None:
    assert site_code(" kyv ") == "KYV"
    assert team_code("t2") == "T2"
    for bad in ("K", "KYIVXX", "K1", "Київ"):
        with pytest.raises(InvalidInput, match="site"):
            site_code(bad)
    with pytest.raises(InvalidInput, match="team"):
        team_code("T-2")
