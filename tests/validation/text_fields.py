"""Hostile text through every text field of every service, for one example: what each field
accepted (or why it refused), where each value must print, and what must be stored.

A value is first given as generated. A refusal must name the field; the value is then fitted
(no NUL or lone surrogate, one line where the field is one line, within its length) and must
be accepted. What was accepted is what must come back, stored as NFC and trimmed.
"""

from __future__ import annotations

import csv
import itertools
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from forensiclog.domain.errors import InvalidFile, Refusal
from forensiclog.domain.records import CaseRecord
from tests.conftest import Team
from tests.validation.harness import Outcome
from tests.validation.hostile_bench import names_field, unexpected
from tests.validation.text_strategies import fitted

T = TypeVar("T")
LONG, SHORT = 100_000, 500
FULL, CAP, CLIP = "full", "cap", "clip"
# How much of a capped or clipped value must still show, at the least: a wrapped cell holds at
# least ~125 characters and 25 lines (a photo's caption 3), a one-line cell a few characters
# (see reports.blocks.cell_cap).
CAP_SHOWN, CAP_LINES, CLIP_SHOWN = 100, 2, 4


@dataclass(frozen=True)
class Spec:
    """A field as a service takes it: the names a refusal may give it, one line, its length."""

    names: tuple[str, ...]
    one_line: bool = True
    limit: int = SHORT


LONG_TEXT = Spec(("x",), one_line=False, limit=LONG)


def spec(*names: str, long: bool = False, limit: int = SHORT) -> Spec:
    return Spec(names, one_line=not long, limit=LONG if long else limit)


@dataclass(frozen=True)
class Placement:
    """Where a stored value must print: a report, how (whole, or its start), and what."""

    report: str
    label: str
    value: str
    mode: str = FULL


@dataclass
class Example:
    number: int
    exchange: str = ""
    case: str = ""
    twin: str = ""
    listed: str = ""
    placements: list[Placement] = field(default_factory=list)
    stored: list[tuple[str, str, Callable[[CaseRecord], Any]]] = field(default_factory=list)
    accepted: list[str] = field(default_factory=list)
    surname: str = ""

    def place(self, label: str, value: str, *where: tuple[str, str]) -> None:
        self.placements += [Placement(report, label, value, mode) for report, mode in where]


class Filler:
    """Gives hostile values to one service call at a time and counts what happened."""

    def __init__(self, outcome: Outcome, texts: Sequence[str]) -> None:
        self.outcome = outcome
        self.texts = itertools.cycle(texts)

    def give(
        self, label: str, specs: dict[str, Spec], action: Callable[[dict[str, str]], T]
    ) -> tuple[dict[str, str], T] | None:
        values = {name: next(self.texts) for name in specs}
        self.outcome.count("service calls with hostile text")
        self.outcome.attempts += 1
        try:
            return values, action(values)
        except Refusal as refusal:
            names = {n for s in specs.values() for n in s.names}
            if _names_one(refusal, names):
                self.outcome.count("refusals naming the field")
            else:
                self.outcome.fail(f"{label}: refused without naming the field: {refusal}")
        except Exception as error:  # noqa: BLE001 — anything but a refusal is a finding
            self.outcome.fail(f"{label}: {unexpected(error)} for {_shown(values)}")
        fit = {n: fitted(values[n], one_line=s.one_line, limit=s.limit) for n, s in specs.items()}
        try:
            return fit, action(fit)
        except Refusal as refusal:
            self.outcome.fail(f"{label}: a fitted value was refused: {refusal} for {_shown(fit)}")
        except Exception as error:  # noqa: BLE001
            self.outcome.fail(f"{label}: {unexpected(error)} for fitted {_shown(fit)}")
        return None


def _names_one(refusal: Refusal, names: set[str]) -> bool:
    if isinstance(refusal, InvalidFile):
        # A file that is not text at all is refused as a whole, naming the file and the byte.
        return all(p.column in names for p in refusal.problems) and refusal.file in str(refusal)
    return names_field(refusal, names)


def _shown(values: dict[str, str]) -> str:
    return repr({k: v[:40] for k, v in values.items()})


def manifest_csv(path: Path, row: dict[str, str]) -> Path:
    # "surrogatepass": a lone surrogate goes into the file as the broken bytes a broken
    # program would write, for the import to refuse.
    with path.open("w", newline="", encoding="utf-8", errors="surrogatepass") as handle:
        writer = csv.writer(handle)
        writer.writerow(list(row))
        writer.writerow(list(row.values()))
    return path


def fill_exchange(team: Team, fill: Filler, example: Example, folder: Path) -> bool:
    code = f"T{example.number:04d}"
    specs = {
        "place": spec("place"),
        "counterparty": spec("counterparty"),
        "reference": spec("reference"),
        "notes": spec("notes", long=True),
    }
    given = fill.give(
        "exchange add",
        specs,
        lambda v: team.coordinator.exchanges.add(code, date="2025-06-13", declared=3, **v),
    )
    if given is None:
        return False
    example.exchange = code
    for name, value in given[0].items():
        example.place(f"exchange {name}", value, ("exchange", CAP))
    columns = ("tag", "surname", "given_names", "unit", "service_number", "notes")
    listed = fill.give(
        "manifest import",
        {c: spec(c) for c in columns},
        lambda v: team.coordinator.manifest.import_file(
            code, manifest_csv(folder / f"{code}.csv", {**v, "tag": "M" + v["tag"]})
        ),
    )
    if listed is not None:
        example.listed = listed[1].cases[0]
        row = listed[0]
        for name in ("surname", "given_names", "service_number"):
            example.place(f"handover list {name}", row[name], ("discrepancies", CAP))
        example.place("handover list tag", "M" + row["tag"], ("discrepancies", CAP))
    return True
