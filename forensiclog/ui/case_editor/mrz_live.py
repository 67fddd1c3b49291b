"""Reading a machine-readable zone while it is typed: each check digit decided as soon as it is in.

Pure Python over ``domain.mrz``: a partly typed zone is padded with filler and read, and a
check counts only once every character it covers has been typed, so the examiner sees each
check digit turn valid or invalid the moment it is keyed — not only when the zone is whole.
"""

from __future__ import annotations

from dataclasses import dataclass

from forensiclog.domain.errors import InvalidInput
from forensiclog.domain.mrz import ALPHABET, FILLER, TD1, TD2, TD3, Layout, MrzResult, parse_mrz
from forensiclog.domain.mrz import normalise_lines as _normalise

CHECK_ORDER = ("document_number", "birth_date", "expiry_date", "personal_number", "composite")
VALID, INVALID, PENDING = "valid", "invalid", "pending"


@dataclass(frozen=True)
class LiveCheck:
    """One check digit: its code, "valid" / "invalid" / "pending", and where it stands."""

    code: str
    state: str
    line: int
    position: int


@dataclass(frozen=True)
class Problem:
    """Why the typed text cannot be a zone: ``kind`` is "character", "too_long" or "other"."""

    kind: str
    line: int = 0
    position: int = 0
    text: str = ""


@dataclass(frozen=True)
class LiveReading:
    lines: tuple[str, ...] = ()
    layout: Layout | None = None
    checks: tuple[LiveCheck, ...] = ()
    problem: Problem | None = None
    result: MrzResult | None = None  # only for a whole zone

    @property
    def complete(self) -> bool:
        return self.result is not None

    @property
    def valid(self) -> bool:
        return self.result is not None and self.result.valid


def normalise_lines(text: str) -> tuple[str, ...]:
    return _normalise(text)


def guess_layout(lines: tuple[str, ...]) -> Layout:
    """The format the typed lines are heading for, decided by their count, length and code."""
    if len(lines) >= 3:
        return TD1
    longest = max(len(line) for line in lines)
    if longest > TD2.width or lines[0].startswith("P"):
        return TD3  # passports are TD3
    if longest > TD1.width:
        return TD2
    if len(lines) == 2 and len(lines[0]) == TD1.width:
        return TD1
    return TD1 if lines[0][:1] in ("I", "A", "C") else TD3


def read_live(text: str) -> LiveReading:
    lines = normalise_lines(text)
    if not lines:
        return LiveReading()
    problem = _foreign_character(lines)
    layout = guess_layout(lines)
    problem = problem or _overlong(lines, layout)
    if problem:
        return LiveReading(lines, layout, problem=problem)
    padded = [line.ljust(layout.width, FILLER) for line in lines]
    padded += [FILLER * layout.width] * (layout.lines - len(lines))
    try:
        result = parse_mrz(padded)
    except InvalidInput as refusal:
        return LiveReading(lines, layout, problem=Problem("other", text=refusal.reason))
    whole = len(lines) == layout.lines and all(len(line) == layout.width for line in lines)
    checks = _checks(lines, layout, result)
    return LiveReading(lines, layout, checks, result=result if whole else None)


def _foreign_character(lines: tuple[str, ...]) -> Problem | None:
    for number, line in enumerate(lines, start=1):
        for position, char in enumerate(line, start=1):
            if char not in ALPHABET:
                return Problem("character", number, position, char)
    return None


def _overlong(lines: tuple[str, ...], layout: Layout) -> Problem | None:
    if len(lines) > layout.lines:
        return Problem("too_long", len(lines), 0)
    for number, line in enumerate(lines, start=1):
        if len(line) > layout.width:
            return Problem("too_long", number, len(line))
    return None


def _check_positions(zone: str, layout: Layout) -> dict[str, int]:
    """Where each check digit of ``layout`` stands, as an offset into the joined lines."""
    number_check = layout.number + 9
    if layout.overflow and zone[number_check] == FILLER:
        # A long number continues in the optional data: decided once that field is typed.
        number_check = layout.optional.stop - 1
    positions = {
        "document_number": number_check,
        "birth_date": layout.birth + 6,
        "expiry_date": layout.expiry + 6,
        "composite": layout.composite,
    }
    if layout.optional_check is not None:
        positions["personal_number"] = layout.optional_check
    return positions


def _typed(lines: tuple[str, ...], layout: Layout, offset: int) -> bool:
    """Whether every character up to ``offset`` has been typed (earlier lines whole)."""
    line, column = divmod(offset, layout.width)
    if line >= len(lines):
        return False
    earlier_whole = all(len(lines[i]) == layout.width for i in range(line))
    return earlier_whole and len(lines[line]) > column


def _checks(lines: tuple[str, ...], layout: Layout, result: MrzResult) -> tuple[LiveCheck, ...]:
    positions = _check_positions("".join(result.lines), layout)
    found = []
    for code in CHECK_ORDER:
        if code not in positions:
            continue
        offset = positions[code]
        state = PENDING
        if _typed(lines, layout, offset):
            state = VALID if result.checks.get(code, True) else INVALID
        line, column = divmod(offset, layout.width)
        found.append(LiveCheck(code, state, line + 1, column + 1))
    return tuple(found)
