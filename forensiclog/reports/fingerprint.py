"""The data fingerprint: SHA-256 of a canonical JSON of the records a report was made from.

Two copies of a report made from the same records print the same fingerprint, whoever made
them and whenever. Canonical: dataclasses become objects of their fields (a field whose
metadata says ``fingerprint: False`` is left out — derived bytes such as previews), keys are
sorted, dates and times are ISO 8601, tuples are arrays, no insignificant whitespace, UTF-8.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import hashlib
import json
from collections.abc import Mapping
from typing import Any


def canonical(value: Any) -> Any:
    """``value`` as plain JSON types; refuses a type it would have to guess about."""
    if isinstance(value, enum.Enum):
        return canonical(value.value)
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    return _canonical_container(value)


def _canonical_container(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {
            f.name: canonical(getattr(value, f.name))
            for f in dataclasses.fields(value)
            if f.metadata.get("fingerprint", True)
        }
    if isinstance(value, Mapping):
        return {str(k): canonical(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [canonical(v) for v in value]
    if isinstance(value, set | frozenset):
        return sorted((canonical(v) for v in value), key=json.dumps)
    raise TypeError(f"no canonical form for {type(value).__name__}")


def canonical_json(value: Any) -> bytes:
    text = json.dumps(canonical(value), sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return text.encode("utf-8")


def fingerprint(value: Any) -> str:
    """The SHA-256 (hex) of the canonical JSON of ``value``."""
    return hashlib.sha256(canonical_json(value)).hexdigest()


def short(digest: str, length: int = 16) -> str:
    """The start of a digest, as printed in page footers."""
    return digest[:length]
