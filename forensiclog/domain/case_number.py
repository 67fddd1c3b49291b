"""Case numbers: SITE-TEAM-NNNNN, unique across laptops that never talk, and body-part suffixes.

DVI practice numbers bodies by place, team and sequence. Each workspace has its own site and
team code, so two laptops with different codes can never issue the same number; a body part is
numbered from its case with a ``-Pnn`` suffix.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from forensiclog.domain.errors import InvalidInput

SITE_PATTERN = re.compile(r"[A-Z]{2,5}")
TEAM_PATTERN = re.compile(r"[A-Z0-9]{1,4}")
CASE_PATTERN = re.compile(
    r"(?P<site>[A-Z]{2,5})-(?P<team>[A-Z0-9]{1,4})-(?P<seq>\d{5,})(?:-P(?P<part>\d{2,}))?"
)


@dataclass(frozen=True)
class CaseNumber:
    site: str
    team: str
    seq: int
    part: int | None = None

    def __str__(self) -> str:
        base = f"{self.site}-{self.team}-{self.seq:05d}"
        return base if self.part is None else f"{base}-P{self.part:02d}"

    @property
    def parent(self) -> CaseNumber:
        return CaseNumber(self.site, self.team, self.seq)


def site_code(text: str) -> str:
    code = text.strip().upper()
    if not SITE_PATTERN.fullmatch(code):
        raise InvalidInput("site", f"{text!r} is not a site code: 2 to 5 Latin letters, e.g. KYV")
    return code


def team_code(text: str) -> str:
    code = text.strip().upper()
    if not TEAM_PATTERN.fullmatch(code):
        raise InvalidInput(
            "team", f"{text!r} is not a team code: 1 to 4 Latin letters or digits, e.g. T2"
        )
    return code


def parse_case_number(text: str) -> CaseNumber:
    match = CASE_PATTERN.fullmatch(text.strip().upper())
    if not match:
        raise InvalidInput(
            "case", f"{text!r} is not a case number like KYV-T2-00153 or KYV-T2-00153-P01"
        )
    part = match["part"]
    return CaseNumber(match["site"], match["team"], int(match["seq"]), int(part) if part else None)


def looks_like_case_number(text: str) -> bool:
    return CASE_PATTERN.fullmatch(text.strip().upper()) is not None
