"""Commands on evidence: documents, personal effects, photos; and the search."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from forensiclog.cli import views
from forensiclog.cli.runner import Invocation, Output

if TYPE_CHECKING:
    from forensiclog.domain.records import MrzCheck
    from forensiclog.services.photos import PhotoImport

_DOCUMENT_OPTIONS = (
    "country",
    "number",
    "surname",
    "given_names",
    "birth_date",
    "birth_place",
    "sex",
    "expiry_date",
    "personal_number",
    "found_at",
    "bag",
    "notes",
)


def _mrz(check: MrzCheck | None) -> dict[str, Any] | None:
    if check is None:
        return None
    return {
        "valid": check.valid,
        "fields": check.fields,
        "format": check.format,
        "failures": list(check.failures),
    }


def _photos(result: PhotoImport) -> list[dict[str, str]]:
    return [{"sha256": p.sha256, "file": p.file} for p in result.photos]


def _photo_text(result: PhotoImport) -> str:
    lines = [f"{p.sha256}  {p.file}" for p in result.photos]
    linked = set(result.linked)
    lines += [
        f"already on the case{', now linked as asked' if file in linked else ''}: {file}"
        for file in result.duplicates
    ]
    return "\n".join(lines)


def doc_add(run: Invocation) -> Output:
    o = run.options
    fields = {name: getattr(o, name) for name in _DOCUMENT_OPTIONS}
    result = run.services.documents.add(
        o.case,
        kind=o.kind,
        mrz=o.mrz,
        accept_invalid_mrz=o.accept_invalid_mrz,
        photos=o.photo,
        **fields,
    )
    document = result.document
    data = {
        "document": document.id,
        "case": o.case.upper(),
        "mrz": _mrz(result.mrz),
        "warnings": list(result.warnings),
        "foreign": result.foreign,
        "fields": views.plain(document),
        "photos": _photos(result.photos),
        "duplicates": list(result.photos.duplicates),
        "linked": list(result.photos.linked),
    }
    lines = [f"document {document.id} recorded on {o.case.upper()}"]
    if result.mrz is not None:
        lines.append("MRZ valid" if result.mrz.valid else "MRZ recorded as damaged")
    lines += [f"warning: {w}" for w in result.warnings]
    if result.foreign:
        lines.append(
            f"a document of {document.country}: it can be the basis of a foreign nationality "
            f"assessment (body edit {o.case.upper()} --nationality foreign "
            f"--basis-document {document.id})"
        )
    if result.photos.photos or result.photos.duplicates:
        lines.append(_photo_text(result.photos))
    return Output(data, "\n".join(lines))


def effect_add(run: Invocation) -> Output:
    o = run.options
    result = run.services.effects.add(
        o.case,
        kind=o.kind,
        description=o.description,
        found_at=o.found_at,
        bag=o.bag,
        photos=o.photo,
    )
    data = {
        "effect": result.effect.id,
        "case": o.case.upper(),
        "photos": _photos(result.photos),
        "duplicates": list(result.photos.duplicates),
        "linked": list(result.photos.linked),
    }
    text = f"effect {result.effect.id} recorded on {o.case.upper()}"
    if result.photos.photos or result.photos.duplicates:
        text += "\n" + _photo_text(result.photos)
    return Output(data, text)


def photo_add(run: Invocation) -> Output:
    o = run.options
    result = run.services.photos.add(
        o.case,
        o.files,
        kind=o.kind,
        caption=o.caption,
        document=o.document,
        effect=o.effect,
    )
    data = {
        "photos": _photos(result),
        "duplicates": list(result.duplicates),
        "linked": list(result.linked),
    }
    head = f"{len(result.photos)} photo(s) added to {o.case.upper()}"
    return Output(data, "\n".join(filter(None, (head, _photo_text(result)))))


def search(run: Invocation) -> Output:
    rows = run.services.search.search(run.options.text, limit=run.options.limit)
    text = "\n".join(
        f"{r.case_number}\t{r.tag or '-'}\t{r.status}\t{r.matched or ''}" for r in rows
    )
    return Output([views.case_row(r) for r in rows], text or "no case found")
