"""Machine-readable zones (ICAO Doc 9303 TD1, TD2, TD3): read and checked digit by digit.

Composing a zone from fields is in ``mrz_compose``."""

from __future__ import annotations

import datetime as dt
import re
import string
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from forensiclog.domain import countries
from forensiclog.domain.errors import InvalidInput
from forensiclog.domain.records import MrzCheck

FILLER = "<"
ALPHABET = frozenset(string.ascii_uppercase + string.digits + FILLER)
WEIGHTS = (7, 3, 1)
VALUES = {char: value for value, char in enumerate(string.digits + string.ascii_uppercase)}
# Only ASCII letters are raised: "ß".upper() is "SS", which would lengthen a line unseen.
ASCII_UPPER = str.maketrans(string.ascii_lowercase, string.ascii_uppercase)

# (two-digit year, month, day, today) -> the four-digit year.
YearRule = Callable[[int, int, int, dt.date], int]

CHECK_LABELS = {
    "document_number": "document number",
    "birth_date": "birth date",
    "expiry_date": "expiry date",
    "personal_number": "personal number",
    "composite": "composite check",
}


@dataclass(frozen=True)
class Layout:
    """Where each field sits, as offsets into the lines joined end to end."""

    name: str
    lines: int
    width: int
    names: slice
    number: int  # nine characters, then their check digit
    nationality: int
    birth: int  # YYMMDD, then its check digit
    sex: int
    expiry: int
    optional: slice  # personal number (TD3) or optional data, where a long number overflows
    optional_check: int | None
    optional_2: slice | None
    composite: int
    composite_parts: tuple[slice, ...]
    overflow: bool  # parts 5 and 6: a document number longer than nine characters


# Offsets count from the first character of line 1; each line is ``width`` long.
TD1 = Layout(
    name="TD1", lines=3, width=30, names=slice(60, 90), number=5, nationality=45, birth=30,
    sex=37, expiry=38, optional=slice(15, 30), optional_check=None, optional_2=slice(48, 59),
    composite=59, composite_parts=(slice(5, 30), slice(30, 37), slice(38, 45), slice(48, 59)),
    overflow=True,
)  # fmt: skip
TD2 = Layout(
    name="TD2", lines=2, width=36, names=slice(5, 36), number=36, nationality=46, birth=49,
    sex=56, expiry=57, optional=slice(64, 71), optional_check=None, optional_2=None,
    composite=71, composite_parts=(slice(36, 46), slice(49, 56), slice(57, 71)),
    overflow=True,
)  # fmt: skip
TD3 = Layout(
    name="TD3", lines=2, width=44, names=slice(5, 44), number=44, nationality=54, birth=57,
    sex=64, expiry=65, optional=slice(72, 86), optional_check=86, optional_2=None,
    composite=87, composite_parts=(slice(44, 54), slice(57, 64), slice(65, 87)),
    overflow=False,
)  # fmt: skip
LAYOUTS = {layout.name: layout for layout in (TD1, TD2, TD3)}


@dataclass(frozen=True)
class MrzFields:
    """What a zone says, typed. Codes and numbers without filler; ``sex`` "" when unspecified."""

    document_code: str
    issuing_state: str
    surname: str
    given_names: str
    document_number: str
    nationality: str
    birth_date: dt.date | None
    sex: str
    expiry_date: dt.date | None
    personal_number: str = ""
    optional_data_2: str = ""


@dataclass(frozen=True)
class MrzResult:
    """A parsed zone: its fields, each check by its code, and why a failed check failed."""

    format: str
    lines: tuple[str, ...]
    fields: MrzFields
    checks: dict[str, bool]
    failures: tuple[str, ...]
    details: dict[str, str]
    warnings: tuple[str, ...] = ()

    @property
    def valid(self) -> bool:
        return not self.failures

    @property
    def name_may_be_truncated(self) -> bool:
        """A name field without trailing filler may have been cut to fit."""
        zone = "".join(self.lines)
        return not zone[LAYOUTS[self.format].names].endswith(FILLER)

    def failure_text(self) -> str:
        """The failed checks in English, e.g. "birth date: line 2, position 20: check digit ..."."""
        return "; ".join(f"{CHECK_LABELS[code]}: {self.details[code]}" for code in self.failures)

    def to_record(self) -> MrzCheck:
        f = self.fields
        values = {
            "document_code": f.document_code,
            "issuing_state": f.issuing_state,
            "surname": f.surname,
            "given_names": f.given_names,
            "document_number": f.document_number,
            "nationality": f.nationality,
            "birth_date": f.birth_date.isoformat() if f.birth_date else "",
            "sex": f.sex,
            "expiry_date": f.expiry_date.isoformat() if f.expiry_date else "",
            "personal_number": f.personal_number,
            "optional_data_2": f.optional_data_2,
        }
        return MrzCheck(format=self.format, valid=self.valid, fields=values, failures=self.failures)


def check_digit(data: str) -> str:
    """The 7-3-1 check digit of ``data``: digits count as themselves, A=10 … Z=35, ``<`` as 0."""
    total = sum(VALUES.get(char, 0) * WEIGHTS[i % 3] for i, char in enumerate(data))
    return str(total % 10)


# ---- reading -------------------------------------------------------------------------------


def parse_mrz(mrz: str | Sequence[str], *, today: dt.date | None = None) -> MrzResult:
    """Read and check a zone given as one pasted text or as its lines.

    A zone of the wrong shape or with a character outside A–Z, 0–9 and ``<`` is refused; a
    failed check digit or an impossible date is a failure in the result, not a refusal.
    """
    lines = normalise_lines(mrz)
    layout = _layout_of(lines)
    _refuse_foreign_characters(lines)
    zone = "".join(lines)
    if zone.startswith("V"):
        raise InvalidInput("mrz", "a visa zone (document code V) has no composite check to verify")
    return _Reading(zone, layout, today or dt.date.today()).result(lines)


def normalise_lines(mrz: str | Sequence[str]) -> tuple[str, ...]:
    """Lines without blank ones, whitespace dropped, ASCII letters in upper case."""
    pieces = mrz.splitlines() if isinstance(mrz, str) else [p for i in mrz for p in i.splitlines()]
    lines = ("".join(piece.split()).translate(ASCII_UPPER) for piece in pieces)
    return tuple(line for line in lines if line)


def _layout_of(lines: tuple[str, ...]) -> Layout:
    if len(lines) == 3:
        return _check_widths(lines, TD1)
    if len(lines) == 2:
        by_width = {36: TD2, 44: TD3}
        if len(lines[0]) not in by_width:
            raise InvalidInput(
                "mrz",
                f"line 1 has {len(lines[0])} characters; a 2-line zone has lines of "
                "36 (TD2) or 44 (TD3)",
            )
        return _check_widths(lines, by_width[len(lines[0])])
    raise InvalidInput(
        "mrz",
        f"has {len(lines)} line(s); a zone has 3 lines of 30 characters (TD1), "
        "or 2 lines of 36 (TD2) or 44 (TD3)",
    )


def _check_widths(lines: tuple[str, ...], layout: Layout) -> Layout:
    for number, line in enumerate(lines, start=1):
        if len(line) != layout.width:
            raise InvalidInput(
                "mrz",
                f"line {number} has {len(line)} characters; a {layout.name} zone has "
                f"{layout.lines} lines of {layout.width}",
            )
    return layout


def _refuse_foreign_characters(lines: tuple[str, ...]) -> None:
    for number, line in enumerate(lines, start=1):
        for position, char in enumerate(line, start=1):
            if char not in ALPHABET:
                raise InvalidInput(
                    "mrz",
                    f"line {number}, position {position}: {char!r} is not an MRZ character "
                    "(A–Z, 0–9, <)",
                )


class _Reading:
    """One pass over a zone, collecting each check's outcome in document order."""

    def __init__(self, zone: str, layout: Layout, today: dt.date) -> None:
        self.zone = zone
        self.layout = layout
        self.today = today
        self.checks: dict[str, bool] = {}
        self.details: dict[str, str] = {}

    def result(self, lines: tuple[str, ...]) -> MrzResult:
        fields = self._fields()
        failures = tuple(code for code, ok in self.checks.items() if not ok)
        return MrzResult(
            format=self.layout.name,
            lines=lines,
            fields=fields,
            checks=dict(self.checks),
            failures=failures,
            details=dict(self.details),
            warnings=_warnings(fields),
        )

    def _fields(self) -> MrzFields:
        zone, layout = self.zone, self.layout
        number, optional = self._document_number()
        birth = self._date("birth_date", layout.birth, _birth_year)
        expiry = self._date("expiry_date", layout.expiry, _expiry_year)
        if layout.optional_check is not None:
            self._verify("personal_number", layout.optional, layout.optional_check)
        self._verify_composite()
        surname, given_names = split_name(zone[layout.names])
        return MrzFields(
            document_code=zone[0:2].rstrip(FILLER),
            issuing_state=zone[2:5].rstrip(FILLER),
            surname=surname,
            given_names=given_names,
            document_number=number,
            nationality=zone[layout.nationality : layout.nationality + 3].rstrip(FILLER),
            birth_date=birth,
            sex=_sex(zone[layout.sex]),
            expiry_date=expiry,
            personal_number=optional.strip(FILLER),
            optional_data_2=zone[layout.optional_2].strip(FILLER) if layout.optional_2 else "",
        )

    def _document_number(self) -> tuple[str, str]:
        """The number and what remains of the optional data after any overflow."""
        start = self.layout.number
        head, optional = self.zone[start : start + 9], self.zone[self.layout.optional]
        if self.zone[start + 9] == FILLER and self.layout.overflow:
            return self._long_document_number(head, optional)
        self._verify("document_number", slice(start, start + 9), start + 9)
        if not head.strip(FILLER):
            self._fail("document_number", start, "the document number is empty")
        return head.rstrip(FILLER), optional

    def _long_document_number(self, head: str, optional: str) -> tuple[str, str]:
        # The number's tail and its check digit open the optional data, then one filler.
        tail, _, rest = optional.partition(FILLER)
        if len(tail) < 2:
            self._fail(
                "document_number",
                self.layout.number + 9,
                "the check digit position holds '<' but the optional data does not continue "
                "the number",
            )
            return head.rstrip(FILLER), optional
        number, given = head + tail[:-1], tail[-1]
        position = self.layout.optional.start + len(tail) - 1
        self._record("document_number", position, given, check_digit(number), empty=False)
        return number, rest

    def _date(self, code: str, start: int, year_of: YearRule) -> dt.date | None:
        self._verify(code, slice(start, start + 6), start + 6)
        text = self.zone[start : start + 6]
        if FILLER in text and _is_unknown_date(text):
            return None
        if not text.isdigit():
            self._fail(code, start, f"{text!r} is not a date YYMMDD")
            return None
        month, day = int(text[2:4]), int(text[4:6])
        year = year_of(int(text[0:2]), month, day, self.today)
        try:
            return dt.date(year, month, day)
        except ValueError:
            self._fail(code, start, f"{text!r} is not a real date (YYMMDD)")
            return None

    def _verify_composite(self) -> None:
        data = "".join(self.zone[part] for part in self.layout.composite_parts)
        position = self.layout.composite
        self._record("composite", position, self.zone[position], check_digit(data), empty=False)

    def _verify(self, code: str, field: slice, position: int) -> None:
        data = self.zone[field]
        empty = not data.strip(FILLER)
        self._record(code, position, self.zone[position], check_digit(data), empty=empty)

    def _record(self, code: str, position: int, given: str, expected: str, *, empty: bool) -> None:
        # Doc 9303 lets an all-filler field carry either 0 or a filler as its check digit.
        if given == expected or (empty and given == FILLER):
            self.checks.setdefault(code, True)
        elif given.isdigit():
            self._fail(code, position, f"check digit is {given}, computed {expected}")
        else:
            self._fail(code, position, f"{given!r} stands where a check digit must be")

    def _fail(self, code: str, position: int, reason: str) -> None:
        self.checks[code] = False
        line, column = divmod(position, self.layout.width)
        place = f"line {line + 1}, position {column + 1}: "
        earlier = self.details.get(code)
        self.details[code] = f"{earlier}; {place}{reason}" if earlier else place + reason


@dataclass(frozen=True)
class FailedCheck:
    """One failed check digit, read back from the words ``MrzResult.failure_text`` gives it."""

    code: str  # a CHECK_LABELS key
    line: int
    position: int
    given: str
    expected: str


_FAILED_CHECK = re.compile(
    r"(?P<label>[a-z ]+): line (?P<line>\d+), position (?P<position>\d+): "
    r"check digit is (?P<given>\d), computed (?P<expected>\d)"
)
_CHECK_CODES = {label: code for code, label in CHECK_LABELS.items()}


def read_failures(text: str) -> list[FailedCheck | str]:
    """The parts of a ``failure_text`` (kept in a refusal or a document's warnings), each read
    back where it has the usual form, the others as they are."""
    parts: list[FailedCheck | str] = []
    for part in text.split("; "):
        match = _FAILED_CHECK.fullmatch(part)
        code = _CHECK_CODES.get(match["label"]) if match else None
        if match is None or code is None:
            parts.append(part)
        else:
            line, position = int(match["line"]), int(match["position"])
            parts.append(FailedCheck(code, line, position, match["given"], match["expected"]))
    return parts


def split_name(field: str) -> tuple[str, str]:
    """Surname and given names of a name field: ``<<`` separates them, ``<`` is a space."""
    surname, _, given = field.rstrip(FILLER).partition(FILLER * 2)
    return _spaced(surname), _spaced(given)


def _spaced(part: str) -> str:
    return " ".join(word for word in part.split(FILLER) if word)


def _sex(char: str) -> str:
    return "" if char == FILLER else char


def _is_unknown_date(text: str) -> bool:
    # An unknown part of a date is written as filler, two characters per part.
    pairs = (text[0:2], text[2:4], text[4:6])
    return all(pair.isdigit() or pair == FILLER * 2 for pair in pairs)


def _birth_year(yy: int, month: int, day: int, today: dt.date) -> int:
    """The latest century that does not put the birth in the future."""
    year = today.year // 100 * 100 + yy
    if (year, month, day) > (today.year, today.month, today.day):
        year -= 100
    return year


def _expiry_year(yy: int, month: int, day: int, today: dt.date) -> int:
    """The century that puts the expiry nearest to today."""
    base = today.year // 100 * 100 + yy
    now = _rough_day(today.year, today.month, today.day)
    return min((base - 100, base, base + 100), key=lambda y: abs(_rough_day(y, month, day) - now))


def _rough_day(year: int, month: int, day: int) -> int:
    # Good enough to compare centuries, and defined for impossible dates such as month 13.
    return year * 372 + month * 31 + day


def _warnings(fields: MrzFields) -> tuple[str, ...]:
    found = []
    for label, code in (
        ("issuing state", fields.issuing_state),
        ("nationality", fields.nationality),
    ):
        if code and not countries.is_known(code):
            found.append(f"{label}: {code!r} is not a known country or ICAO code")
    if fields.sex not in ("", "M", "F", "X"):
        found.append(f"sex: {fields.sex!r} is not M, F, X or <")
    return tuple(found)
