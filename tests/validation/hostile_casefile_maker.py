"""Hostile case files made from a genuine one, and what each must meet.

Each variant says what it must meet: a TRAP is refused outright (verify, open, import); a
DAMAGED file does not verify (it may open read-only, saying so) and is never imported; an
UNWELCOME file is genuine (it verifies and opens) but must not be imported here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from tests.validation.hostile_casefile_forge import (
    Part,
    Sign,
    parts_of,
    resealed,
    write,
)

TRAP, DAMAGED, UNWELCOME = "trap", "damaged", "unwelcome"
Edit = Callable[[dict[str, Any]], None]


@dataclass(frozen=True)
class Variant:
    label: str
    family: str
    kind: str
    path: Path


@dataclass
class Maker:
    """Writes variants of ``genuine`` into ``folder``; ``sign`` is the exporter's own key."""

    genuine: Path
    folder: Path
    sign: Sign
    token: str

    def __post_init__(self) -> None:
        self.parts = parts_of(self.genuine)
        self.made: list[Variant] = []

    def add(self, label: str, family: str, kind: str, parts: list[Part]) -> None:
        path = write(parts, self.folder / f"{len(self.made):04d}.fcase")
        self.made.append(Variant(label, family, kind, path))

    def raw(self, label: str, family: str, kind: str, data: bytes) -> None:
        path = self.folder / f"{len(self.made):04d}.fcase"
        path.write_bytes(data)
        self.made.append(Variant(label, family, kind, path))

    def signed(self, parts: list[Part], edit: Edit | None = None) -> list[Part]:
        return resealed(parts, self.sign, edit)

    def first(self, prefix: str) -> Part:
        return next(p for p in self.parts if p.name.startswith(prefix))

    def renamed(self, old: str, new: str) -> list[Part]:
        return [replace(p, name=new) if p.name == old else p for p in self.parts]

    def swapped(self, name: str, part: Part) -> list[Part]:
        return [part if p.name == name else p for p in self.parts]

    def without(self, name: str) -> list[Part]:
        return [p for p in self.parts if p.name != name]
