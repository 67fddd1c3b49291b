"""The validation harness: each figure is a function that tries many things and counts.

A figure module defines ``FIGURE`` (its name, what it tries, its target) and
``run(scale: Scale) -> Outcome``. ``Scale.QUICK`` runs inside ``make test`` (seconds);
``Scale.FULL`` runs in ``make validate`` and produces ``docs/validation.md``. An outcome holds
counts, never adjectives: how many attempts, how many met the target, and each failure named.
"""

from __future__ import annotations

import enum
import time
from collections.abc import Callable
from dataclasses import dataclass, field


class Scale(enum.Enum):
    QUICK = "quick"
    FULL = "full"


@dataclass(frozen=True)
class Figure:
    key: str
    title: str
    tries: str
    target: str


@dataclass
class Outcome:
    """What one figure found."""

    attempts: int = 0
    failures: list[str] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    seconds: float = 0.0
    negative_control: str | None = None

    def count(self, name: str, by: int = 1) -> None:
        self.counts[name] = self.counts.get(name, 0) + by

    def fail(self, what: str) -> None:
        self.failures.append(what)

    @property
    def passed(self) -> bool:
        return not self.failures


def timed(run: Callable[[Scale], Outcome], scale: Scale) -> Outcome:
    started = time.perf_counter()
    outcome = run(scale)
    outcome.seconds = time.perf_counter() - started
    return outcome
