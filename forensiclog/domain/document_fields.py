"""Typed document fields reconciled with the document's MRZ: gaps filled, disagreements named."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass

from forensiclog.domain import countries
from forensiclog.domain.mrz import FailedCheck, MrzResult, read_failures

LABELS = {
    "country": "country",
    "number": "document number",
    "surname": "surname",
    "given_names": "given names",
    "birth_date": "birth date",
    "sex": "sex",
    "expiry_date": "expiry date",
    "personal_number": "personal number",
}
# The MRZ check that vouches for each field; a field whose check failed neither fills nor warns.
CHECKED_BY = {
    "number": "document_number",
    "birth_date": "birth_date",
    "expiry_date": "expiry_date",
    "personal_number": "personal_number",
}
# Printed numbers mix Cyrillic letters that look Latin (ЕК 123456); the MRZ has the Latin ones.
LOOKALIKES = str.maketrans("АВЕКМНОРСТХІ", "ABEKMHOPCTXI")
# Doc 9303 transliterations of Latin letters with marks, beyond simply dropping the mark.
LATIN_EXPANSIONS = {"Ä": "AE", "Ö": "OE", "Ü": "UE", "Å": "AA", "Æ": "AE", "Ø": "OE"}
NAME_SEPARATORS = " -'’ʼ<\t"

Value = str | dt.date | None


@dataclass(frozen=True)
class DocumentFields:
    """The identity fields of a found document as typed (names in any script)."""

    country: str | None = None
    number: str | None = None
    surname: str | None = None
    given_names: str | None = None
    birth_date: dt.date | None = None
    sex: str | None = None
    expiry_date: dt.date | None = None
    personal_number: str | None = None


def reconcile(typed: DocumentFields, mrz: MrzResult) -> tuple[DocumentFields, tuple[str, ...]]:
    """``typed`` with its empty fields filled from the MRZ, and a warning per disagreement.

    A typed value that disagrees is kept: the examiner typed what the page shows, and the
    warning puts both in front of whoever reviews the document.
    """
    read = _mrz_values(mrz)
    filled: dict[str, Value] = {}
    warnings: list[str] = []
    for field, label in LABELS.items():
        check = CHECKED_BY.get(field)
        if check is not None and check in mrz.failures:
            if read[field]:
                warnings.append(f"{label}: the MRZ check failed, so the MRZ value is not used")
            continue
        value, warning = _reconcile_one(field, getattr(typed, field), read[field], mrz)
        filled[field] = value
        if warning:
            warnings.append(warning)
    return DocumentFields(**{**vars(typed), **filled}), tuple(warnings)


def damaged_warning(zone: MrzResult) -> str:
    """The warning a zone recorded as damaged carries: which checks failed, and where."""
    return f"MRZ recorded as damaged: {zone.failure_text()}"


@dataclass(frozen=True)
class StoredWarning:
    """A document's warning (stored in English) read back into its parts, to be shown in
    another language: ``typed`` and ``unused`` name a field (a LABELS key), ``damaged`` its
    failed checks."""

    kind: str
    field: str | None = None
    typed: str = ""
    read: str = ""
    failures: tuple[FailedCheck | str, ...] = ()


_LABEL_FIELDS = {label: field for field, label in LABELS.items()}
_TYPED = re.compile(r"(?P<label>[a-z ]+): typed (?P<typed>.+), MRZ says (?P<read>.+)", re.DOTALL)
_UNUSED = re.compile(r"(?P<label>[a-z ]+): the MRZ check failed, so the MRZ value is not used")
_DAMAGED = re.compile(r"MRZ recorded as damaged: (?P<checks>.+)", re.DOTALL)


def read_warning(text: str) -> StoredWarning | None:
    """A warning written by ``reconcile`` or ``damaged_warning``, in parts; None for another."""
    damaged = _DAMAGED.fullmatch(text)
    if damaged is not None:
        return StoredWarning("damaged", failures=tuple(read_failures(damaged["checks"])))
    for kind, form in (("typed", _TYPED), ("unused", _UNUSED)):
        match = form.fullmatch(text)
        field = _LABEL_FIELDS.get(match["label"]) if match else None
        if match is not None and field is not None:
            parts = match.groupdict()
            return StoredWarning(kind, field, parts.get("typed", ""), parts.get("read", ""))
    return None


def foreign_state(country: str | None, own_state: str = "UKR") -> bool:
    """True when ``country`` is a state other than ``own_state`` (organisations and
    nationality statuses such as stateless are not states)."""
    if not country:
        return False
    code = countries.parse_country(country)
    return countries.is_state(code) and code != countries.parse_country(own_state)


def _mrz_values(mrz: MrzResult) -> dict[str, Value]:
    f = mrz.fields
    state = f.issuing_state
    return {
        "country": countries.parse_country(state) if countries.is_known(state) else None,
        "number": f.document_number or None,
        "surname": f.surname or None,
        "given_names": f.given_names or None,
        "birth_date": f.birth_date,
        "sex": f.sex if f.sex in ("M", "F") else None,
        "expiry_date": f.expiry_date,
        "personal_number": f.personal_number or None,
    }


def _reconcile_one(field: str, typed: Value, read: Value, mrz: MrzResult) -> tuple[Value, str]:
    if typed is None or typed == "":
        return read, ""
    if read is None or _agree(field, typed, read, mrz):
        return typed, ""
    return typed, f"{LABELS[field]}: typed {_shown(typed)}, MRZ says {_shown(read)}"


def _agree(field: str, typed: str | dt.date, read: str | dt.date, mrz: MrzResult) -> bool:
    if isinstance(typed, dt.date) or isinstance(read, dt.date):
        return typed == read
    if field == "country":
        return countries.is_known(typed) and countries.parse_country(typed) == read
    if field == "sex":
        return typed.upper() not in ("M", "F") or typed.upper() == read
    if field in ("surname", "given_names"):
        return _names_agree(typed, read, truncated=mrz.name_may_be_truncated)
    return _number_key(typed) == _number_key(read)


def _names_agree(typed: str, read: str, *, truncated: bool) -> bool:
    # Passports print the name twice, in the national script and in Latin letters: a Cyrillic
    # typed name is not compared with the MRZ's Latin one.
    if not _is_latin(typed):
        return True
    wanted = _name_key(read)
    keys = _name_keys(typed)
    return wanted in keys or (truncated and any(key.startswith(wanted) for key in keys))


def _is_latin(text: str) -> bool:
    letters = [char for char in text if char.isalpha()]
    return bool(letters) and all("LATIN" in unicodedata.name(char, "") for char in letters)


def _name_keys(typed: str) -> set[str]:
    """The forms a Latin name may take in an MRZ: marks dropped, or expanded as Doc 9303 does."""
    upper = typed.upper()
    expanded = "".join(LATIN_EXPANSIONS.get(char, char) for char in upper)
    return {_name_key(upper), _name_key(expanded)}


def _name_key(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.upper())
    kept = (char for char in decomposed if not unicodedata.combining(char))
    return "".join(char for char in kept if char not in NAME_SEPARATORS)


def _number_key(text: str) -> str:
    key = text.upper().translate(LOOKALIKES)
    return "".join(char for char in key if char.isalnum())


def _shown(value: Value) -> str:
    return value.isoformat() if isinstance(value, dt.date) else str(value)
