"""Why a value was refused, in the interface language.

The services give their reasons in English, with the value, a count or a case number inside.
Each reason is matched against the forms below and rebuilt from its parts in the chosen language;
a reason of another form is shown as the services wrote it, so it is never lost, only untranslated.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from forensiclog.domain.document_fields import StoredWarning, read_warning
from forensiclog.domain.mrz import FailedCheck, read_failures
from forensiclog.ui.translators import fill

CONTEXT = "Reasons"


@dataclass(frozen=True)
class _Form:
    pattern: re.Pattern[str]
    text: str  # a QT_TRANSLATE_NOOP source; %1, %2 … are the pattern's groups in order
    inner: Callable[[str], str] | None = None  # how the groups are shown, if not as they are


def _form(pattern: str, text: object, inner: Callable[[str], str] | None = None) -> _Form:
    return _Form(re.compile(pattern, re.DOTALL), str(text), inner)


def _another_reason(text: str) -> str:
    return reason_text(text)


def _check_failures(text: str) -> str:
    """The failed MRZ checks ("birth date: line 2, position 20: check digit is 3, computed 7; …"),
    each translated where its form is known."""
    return "; ".join(map(_failure, read_failures(text)))


def _failure(failure: FailedCheck | str) -> str:
    if isinstance(failure, str):
        return failure
    shown = QCoreApplication.translate(
        "Reasons", "%1: line %2, position %3: the check digit is %4, the computed one %5"
    )
    place = (failure.line, failure.position, failure.given, failure.expected)
    return fill(shown, _word(failure.code), *place)


def _warning(found: StoredWarning) -> str:
    """A document's warning (forensiclog/domain/document_fields.py) in the language."""
    if found.kind == "damaged":
        text = QCoreApplication.translate("Reasons", "MRZ recorded as damaged: %1")
        return fill(text, "; ".join(map(_failure, found.failures)))
    field = _word(found.field or "")
    if found.kind == "typed":
        text = QCoreApplication.translate("Reasons", "%1: typed %2, the MRZ says %3")
        return fill(text, field, found.typed, found.read)
    text = QCoreApplication.translate(
        "Reasons", "%1: the MRZ check failed, so the MRZ value is not used"
    )
    return fill(text, field)


# The words reasons name fields by, by code: the MRZ checks (forensiclog/domain/mrz.py
# CHECK_LABELS) and a document's fields (forensiclog/domain/document_fields.py LABELS).
_WORDS = {
    "document_number": QT_TRANSLATE_NOOP("Reasons", "document number"),
    "number": QT_TRANSLATE_NOOP("Reasons", "document number"),
    "birth_date": QT_TRANSLATE_NOOP("Reasons", "birth date"),
    "expiry_date": QT_TRANSLATE_NOOP("Reasons", "expiry date"),
    "personal_number": QT_TRANSLATE_NOOP("Reasons", "personal number"),
    "composite": QT_TRANSLATE_NOOP("Reasons", "composite check"),
    "country": QT_TRANSLATE_NOOP("Reasons", "issuing state"),
    "surname": QT_TRANSLATE_NOOP("Reasons", "surname"),
    "given_names": QT_TRANSLATE_NOOP("Reasons", "given names"),
    "sex": QT_TRANSLATE_NOOP("Reasons", "sex"),
}
# A value as Python quotes it ('x', or "x" when it holds a single quote), shown in the
# language's own quotation marks.
_QUOTED = re.compile(r"'(.*)'|\"(.*)\"", re.DOTALL)


def _tr(source: str) -> str:
    return QCoreApplication.translate(CONTEXT, source)


def _word(text: str) -> str:
    source = _WORDS.get(text)
    return _tr(str(source)) if source is not None else text


def _value(text: str) -> str:
    match = _QUOTED.fullmatch(text)
    if match is None:
        return text
    inner = match[1] if match[1] is not None else match[2]
    return fill(QCoreApplication.translate("Reasons", "“%1”"), inner)


_V = r"(.+)"  # a value as the services quote it, kept as it is
_N = r"(\d+)"

_FORMS = (
    # Every field (forensiclog/domain/text.py, vocabulary.py, countries.py).
    _form(r"is required", QT_TRANSLATE_NOOP("Reasons", "is required")),
    _form(r"is required \(YYYY-MM-DD\)", QT_TRANSLATE_NOOP("Reasons", "is required (YYYY-MM-DD)")),
    _form(
        rf"{_V} is not a date in the form YYYY-MM-DD",
        QT_TRANSLATE_NOOP("Reasons", "%1 is not a date in the form YYYY-MM-DD"),
    ),
    _form(rf"{_V} is not a real date", QT_TRANSLATE_NOOP("Reasons", "%1 is not a real date")),
    _form(rf"{_V} is not a whole number", QT_TRANSLATE_NOOP("Reasons", "%1 is not a whole number")),
    _form(rf"{_V} is outside (-?\d+)–(-?\d+)", QT_TRANSLATE_NOOP("Reasons", "%1 is outside %2–%3")),
    _form(
        rf"is {_N} characters long; at most {_N} are kept",
        QT_TRANSLATE_NOOP("Reasons", "is %1 characters long; at most %2 are kept"),
    ),
    _form(r"must be one line", QT_TRANSLATE_NOOP("Reasons", "must be one line")),
    _form(r"contains a NUL character", QT_TRANSLATE_NOOP("Reasons", "contains a NUL character")),
    _form(
        r"contains a broken character \(a lone surrogate, not text\)",
        QT_TRANSLATE_NOOP("Reasons", "contains a broken character (a lone surrogate, not text)"),
    ),
    _form(rf"{_V} is not one of {_V}", QT_TRANSLATE_NOOP("Reasons", "%1 is not one of %2")),
    _form(
        rf"{_V} is not a known country or ICAO code",
        QT_TRANSLATE_NOOP("Reasons", "%1 is not a known country or ICAO code"),
    ),
    _form(
        rf"{_V} is not a country code \(ISO 3166-1 alpha-3, e\.g\. UKR, RUS, DEU\)",
        QT_TRANSLATE_NOOP(
            "Reasons", "%1 is not a country code (ISO 3166-1 alpha-3, e.g. UKR, RUS, DEU)"
        ),
    ),
    _form(
        rf"{_V} must have {_N} to {_N} characters here",
        QT_TRANSLATE_NOOP("Reasons", "%1 must have %2 to %3 characters here"),
    ),
    _form(
        rf"{_V} is not allowed; use A–Z and 0–9 only",
        QT_TRANSLATE_NOOP("Reasons", "%1 is not allowed; use A–Z and 0–9 only"),
    ),
    _form(
        rf"{_V} is not a Latin letter A–Z; transliterate the name first",
        QT_TRANSLATE_NOOP("Reasons", "%1 is not a Latin letter A–Z; transliterate the name first"),
    ),
    # Users, workspaces and folders.
    _form(
        rf"must be at least {_N} characters long",
        QT_TRANSLATE_NOOP("Reasons", "must be at least %1 characters long"),
    ),
    _form(
        r"the two (?:passwords|entries) differ",
        QT_TRANSLATE_NOOP("Reasons", "the two passwords differ"),
    ),
    _form(
        rf"{_V}: a user name is one word without spaces or control characters",
        QT_TRANSLATE_NOOP(
            "Reasons", "%1: a user name is one word without spaces or control characters"
        ),
    ),
    _form(
        rf"{_V} is not a site code: 2 to 5 Latin letters, e\.g\. KYV",
        QT_TRANSLATE_NOOP("Reasons", "%1 is not a site code: 2 to 5 Latin letters, e.g. KYV"),
    ),
    _form(
        rf"{_V} is not a team code: 1 to 4 Latin letters or digits, e\.g\. T2",
        QT_TRANSLATE_NOOP(
            "Reasons", "%1 is not a team code: 1 to 4 Latin letters or digits, e.g. T2"
        ),
    ),
    _form(
        rf"{_V}: a code is up to 40 letters, digits, '-', '_', '\.' or '/'",
        QT_TRANSLATE_NOOP(
            "Reasons", "%1: a code is up to 40 letters, digits, '-', '_', '.' or '/'"
        ),
    ),
    _form(
        rf"{_V} is a file, not a folder", QT_TRANSLATE_NOOP("Reasons", "%1 is a file, not a folder")
    ),
    _form(
        rf"{_V} already exists and is not empty",
        QT_TRANSLATE_NOOP("Reasons", "%1 already exists and is not empty"),
    ),
    _form(
        rf"{_V} is not a ForensicLog workspace \(no {_V}\)",
        QT_TRANSLATE_NOOP("Reasons", "%1 is not a ForensicLog workspace (no %2)"),
    ),
    _form(
        rf"the folder {_V} does not exist",
        QT_TRANSLATE_NOOP("Reasons", "the folder %1 does not exist"),
    ),
    _form(
        rf"{_V} is a folder; name the PDF file to write",
        QT_TRANSLATE_NOOP("Reasons", "%1 is a folder; name the PDF file to write"),
    ),
    _form(rf"{_V} is not a folder", QT_TRANSLATE_NOOP("Reasons", "%1 is not a folder")),
    _form(
        rf"{_V} is inside the workspace; back up to another folder or drive",
        QT_TRANSLATE_NOOP(
            "Reasons", "%1 is inside the workspace; back up to another folder or drive"
        ),
    ),
    _form(
        r"name an exchange or the cases to export",
        QT_TRANSLATE_NOOP("Reasons", "name an exchange or the cases to export"),
    ),
    # Case work.
    _form(r"name the new location", QT_TRANSLATE_NOOP("Reasons", "name the new location")),
    _form(
        rf"case {_V} is already at {_V}",
        QT_TRANSLATE_NOOP("Reasons", "case %1 is already at %2"),
    ),
    _form(r"a sample needs its number", QT_TRANSLATE_NOOP("Reasons", "a sample needs its number")),
    _form(
        r"name the sample whose result this is",
        QT_TRANSLATE_NOOP("Reasons", "name the sample whose result this is"),
    ),
    _form(
        r"say what the effect is \(e\.g\. watch, ring, phone, letter\)",
        QT_TRANSLATE_NOOP("Reasons", "say what the effect is (e.g. watch, ring, phone, letter)"),
    ),
    _form(r"a document needs its kind", QT_TRANSLATE_NOOP("Reasons", "a document needs its kind")),
    _form(
        rf"{_V}: 'not possible' needs the reason why",
        QT_TRANSLATE_NOOP("Reasons", "%1: “not possible” needs the reason why"),
    ),
    _form(
        rf"already on case {_V}, shown with document (\d+); change that in the photo's details",
        QT_TRANSLATE_NOOP(
            "Reasons",
            "already on case %1, shown with document %2; change that in the photo's details",
        ),
    ),
    _form(
        rf"already on case {_V}, shown with effect (\d+); change that in the photo's details",
        QT_TRANSLATE_NOOP(
            "Reasons",
            "already on case %1, shown with effect %2; change that in the photo's details",
        ),
    ),
    _form(rf"{_V}: nothing to change", QT_TRANSLATE_NOOP("Reasons", "%1: nothing to change")),
    _form(
        rf"case {_V} is locked: a correction needs a reason",
        QT_TRANSLATE_NOOP("Reasons", "case %1 is locked: a correction needs a reason"),
    ),
    _form(
        rf"{_V} is already on case {_V}; if two bodies really carry the same tag, "
        r"register it as a duplicate tag",
        QT_TRANSLATE_NOOP(
            "Reasons",
            "%1 is already on case %2; if two bodies really carry the same tag, "
            "register it as a duplicate tag",
        ),
    ),
    _form(
        rf"{_V} is already on case {_V}", QT_TRANSLATE_NOOP("Reasons", "%1 is already on case %2")
    ),
    _form(
        rf"{_V} is itself a body part; add the part to its case",
        QT_TRANSLATE_NOOP("Reasons", "%1 is itself a body part; add the part to its case"),
    ),
    _form(
        r"name at least one basis: dna, fingerprints, dental, documents, visual, effects",
        QT_TRANSLATE_NOOP(
            "Reasons",
            "name at least one basis: DNA, fingerprints, dental, documents, visual, effects",
        ),
    ),
    _form(
        rf"case {_V}: assess the nationality as foreign with its basis before proposing an "
        r"exclusion",
        QT_TRANSLATE_NOOP(
            "Reasons",
            "case %1: assess the nationality as foreign with its basis before proposing an "
            "exclusion",
        ),
    ),
    _form(
        rf"{_V} has no proposed identification or exclusion to confirm",
        QT_TRANSLATE_NOOP("Reasons", "%1 has no proposed identification or exclusion to confirm"),
    ),
    _form(
        rf"{_V} has no standing decision to withdraw",
        QT_TRANSLATE_NOOP("Reasons", "%1 has no standing decision to withdraw"),
    ),
    _form(
        rf"the MRZ check failed — {_V}; correct the zone as printed, or record it as damaged "
        r"\(--accept-invalid-mrz\)",
        QT_TRANSLATE_NOOP(
            "Reasons",
            "the MRZ check failed — %1; correct the zone as printed, or record it as damaged",
        ),
        _check_failures,
    ),
    # Status moves (forensiclog/domain/statuses.py) and the findings they need.
    _form(
        r"foreign national needs the nationality assessment 'foreign' with its basis",
        QT_TRANSLATE_NOOP(
            "Reasons",
            "a foreign national needs the nationality assessed as foreign, with its basis",
        ),
    ),
    _form(
        r"identified needs an identification confirmed by a coordinator",
        QT_TRANSLATE_NOOP(
            "Reasons", "identified needs an identification confirmed by a coordinator"
        ),
    ),
    _form(
        r"buried unidentified needs the cemetery and plot reference",
        QT_TRANSLATE_NOOP("Reasons", "buried unidentified needs the cemetery and plot reference"),
    ),
    _form(
        r"\w+ cannot move to \w+",
        QT_TRANSLATE_NOOP("Reasons", "the workflow has no such step"),
    ),
    _form(
        r"the case is already (\w+)",
        QT_TRANSLATE_NOOP("Reasons", "the case already has that status"),
    ),
    _form(
        r"a foreign nationality assessment needs its basis \(--basis\)",
        QT_TRANSLATE_NOOP("Reasons", "a foreign nationality assessment needs its basis"),
    ),
    _form(
        rf"{_V} is above age-max {_V}", QT_TRANSLATE_NOOP("Reasons", "%1 is above the upper age %2")
    ),
    # Reports (forensiclog/services/reports.py).
    _form(
        r"name what the body report is about",
        QT_TRANSLATE_NOOP("Reasons", "name the case the report is about"),
    ),
    _form(
        r"name what the (?:exchange|foreign|discrepancies) report is about",
        QT_TRANSLATE_NOOP("Reasons", "name the exchange the report is about"),
    ),
    _form(
        r"name what the labels report is about",
        QT_TRANSLATE_NOOP("Reasons", "name the cases or the exchange to print labels for"),
    ),
    # Photo files (forensiclog/services/images.py): what follows the reason (the accepted
    # formats, the pixel count, the system's words) is kept as it is.
    _form(r"empty file", QT_TRANSLATE_NOOP("Reasons", "empty file")),
    _form(
        rf"not an image file \(accepted: {_V}\)",
        QT_TRANSLATE_NOOP("Reasons", "not an image file (accepted: %1)"),
    ),
    _form(r"corrupt image header", QT_TRANSLATE_NOOP("Reasons", "corrupt image header")),
    _form(
        r"truncated or corrupt image data",
        QT_TRANSLATE_NOOP("Reasons", "truncated or corrupt image data"),
    ),
    _form(
        rf"too large to decode safely \({_V}\)",
        QT_TRANSLATE_NOOP("Reasons", "too large to decode safely (%1)"),
    ),
    _form(r"image has no pixels", QT_TRANSLATE_NOOP("Reasons", "image has no pixels")),
    _form(rf"cannot be read \({_V}\)", QT_TRANSLATE_NOOP("Reasons", "cannot be read (%1)")),
    _form(
        r"is not a regular file \(a folder, a device or a pipe\)",
        QT_TRANSLATE_NOOP("Reasons", "is not a regular file (a folder, a device or a pipe)"),
    ),
    _form(
        r"the file changed while it was imported",
        QT_TRANSLATE_NOOP("Reasons", "the file changed while it was imported"),
    ),
    _form(
        rf"{_V}; nothing was added",
        QT_TRANSLATE_NOOP("Reasons", "%1; nothing was added"),
        _another_reason,
    ),
)


# What a "not found" or "already exists" refusal names (``NotFound.what``).
_THINGS = {
    "case": QT_TRANSLATE_NOOP("Reasons", "case"),
    "exchange": QT_TRANSLATE_NOOP("Reasons", "exchange"),
    "case or exchange": QT_TRANSLATE_NOOP("Reasons", "case or exchange"),
    "workspace": QT_TRANSLATE_NOOP("Reasons", "workspace"),
    "case file": QT_TRANSLATE_NOOP("Reasons", "case file"),
    "sample": QT_TRANSLATE_NOOP("Reasons", "sample"),
    "user": QT_TRANSLATE_NOOP("Reasons", "user"),
    "document": QT_TRANSLATE_NOOP("Reasons", "document"),
    "effect": QT_TRANSLATE_NOOP("Reasons", "personal effect"),
    "photo": QT_TRANSLATE_NOOP("Reasons", "photo"),
    "original file of photo": QT_TRANSLATE_NOOP("Reasons", "original file of the photo"),
    "file": QT_TRANSLATE_NOOP("Reasons", "file"),
    "link": QT_TRANSLATE_NOOP("Reasons", "link"),
    "conflict": QT_TRANSLATE_NOOP("Reasons", "conflict"),
    "document on this case": QT_TRANSLATE_NOOP("Reasons", "document of this case"),
}
_ON_CASE = {
    "document": QT_TRANSLATE_NOOP("Reasons", "document of case %1"),
    "effect": QT_TRANSLATE_NOOP("Reasons", "personal effect of case %1"),
    "photo": QT_TRANSLATE_NOOP("Reasons", "photo of case %1"),
}
_THING_ON_CASE = re.compile(r"(document|effect|photo) on case (\S+)")


def thing_text(what: str) -> str:
    """The kind of record a refusal did not find (or found already there), in the language."""
    source = _THINGS.get(what)
    if source is not None:
        return _tr(str(source))
    match = _THING_ON_CASE.fullmatch(what)
    if match is not None:
        return fill(_tr(str(_ON_CASE[match[1]])), match[2])
    return what


def reason_text(reason: str) -> str:
    """``reason`` (or a document's warning) in the interface language, or as it is when its
    form is not known here."""
    warning = read_warning(reason)
    if warning is not None:
        return _warning(warning)
    for form in _FORMS:
        match = form.pattern.fullmatch(reason)
        if match is None:
            continue
        values = [form.inner(v) if form.inner else _value(v) for v in match.groups()]
        return fill(_tr(form.text), *values)
    return reason
