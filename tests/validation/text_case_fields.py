"""Hostile text through every field of a case: registration, findings, marks, documents,
effects, photo captions, checklist, custody, samples, status reasons, decisions, parts, links."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from forensiclog.domain.records import CaseRecord
from tests.conftest import Team
from tests.validation.text_fields import CAP, CLIP, FULL, Example, Filler, spec

Read = Callable[[CaseRecord], object]


def _first(items: str, name: str) -> Read:
    """The field ``name`` of the first of the case's ``items`` (marks, documents, …)."""

    def read(case: CaseRecord) -> object:
        found = getattr(case, items)
        return getattr(found[0], name, None) if found else None

    return read


def _field(name: str) -> Read:
    return lambda case: getattr(case, name)


def fill_case(team: Team, fill: Filler, example: Example, photo: Path, note: str | None) -> bool:
    ex, code = team.examiner, example.exchange
    got = fill.give(
        "body add",
        {"tag": spec("tag"), "location": spec("location"), "notes": spec("notes", long=True)},
        lambda v: ex.cases.register(
            code,
            condition="complete",
            sex="M",
            tag=v["tag"],
            location=v["location"],
            notes=v["notes"],
        ),
    )
    if got is None:
        return False
    values, registration = got
    example.case = case = registration.case_number
    tag = values["tag"]
    example.place("tag", tag, ("body", FULL), ("exchange", CLIP), ("labels", CLIP))
    example.place("tag", tag, ("foreign", CAP), ("discrepancies", CAP))
    example.stored.append(("tag", tag, lambda c: c.tag))
    example.twin = ex.cases.register(code, tag=tag, allow_duplicate_tag=True).case_number
    _findings(team, fill, example, note)
    _marks_and_documents(team, fill, example)
    _effects_and_photo(team, fill, example, photo)
    _examination(team, fill, example)
    _status_and_decision(team, fill, example)
    _relations(team, fill, case, example.twin)
    return True


def _findings(team: Team, fill: Filler, example: Example, note: str | None) -> None:
    specs = {
        "clothing": spec("clothing", long=True),
        "notes": spec("notes", long=True),
        "nationality_basis": spec("basis", long=True),
        "burial_cemetery": spec("cemetery"),
        "burial_plot": spec("plot"),
    }

    def edit(values: dict[str, str]) -> str:
        changes = {**values, "nationality": "foreign"}
        if note is not None:
            changes["notes"] = note
        return team.examiner.cases.edit(example.case, changes)

    got = fill.give("body edit", specs, edit)
    if got is None:
        return
    values = got[0] | ({"notes": note} if note is not None else {})
    for name in ("clothing", "notes", "nationality_basis"):
        example.place(name, values[name], ("body", FULL))
    example.place("basis", values["nationality_basis"], ("foreign", CAP))
    for name in specs:
        example.stored.append((name, values[name], _field(name)))


def _marks_and_documents(team: Team, fill: Filler, example: Example) -> None:
    ex, case = team.examiner, example.case
    marks = {
        "description": spec("description", long=True),
        "body_location": spec("body-location"),
        "serial_number": spec("serial-number"),
    }
    mark = fill.give(
        "mark add",
        marks,
        lambda v: ex.cases.add_mark(
            case,
            kind="tattoo",
            description=v["description"],
            body_location=v["body_location"],
            serial_number=v["serial_number"],
        ),
    )
    if mark is not None:
        for name, value in mark[0].items():
            example.place(f"mark {name}", value, ("body", CAP))
            example.stored.append((f"mark {name}", value, _first("marks", name)))
    documents = {
        "number": spec("number", limit=100),
        "surname": spec("surname"),
        "given_names": spec("given-names"),
        "birth_place": spec("birth-place"),
        "personal_number": spec("personal-number", limit=100),
        "found_at": spec("found-at"),
        "bag": spec("bag", limit=200),
        "notes": spec("notes", long=True),
    }
    document = fill.give(
        "doc add",
        documents,
        lambda v: _add_document(team, case, v),
    )
    if document is None:
        return
    values = document[0]
    example.surname = values["surname"]
    for name, value in values.items():
        example.place(f"document {name}", value, ("body", FULL))
        example.stored.append((f"document {name}", value, _first("documents", name)))
    example.place("document number", values["number"], ("foreign", CAP), ("discrepancies", CAP))
    names = f"{values['surname']} {values['given_names']}"
    example.place("document names", names, ("foreign", CAP))
    ex.documents.add(example.twin, kind="military_id", country="RUS", number=values["number"])


def _add_document(team: Team, case: str, fields: dict[str, str]) -> object:
    typed: dict[str, Any] = dict(fields)  # the document's fields, as keyword arguments
    return team.examiner.documents.add(case, kind="passport", country="RUS", **typed)


def _effects_and_photo(team: Team, fill: Filler, example: Example, photo: Path) -> None:
    ex, case = team.examiner, example.case
    effects = {
        "kind": spec("kind", limit=100),
        "description": spec("description", long=True),
        "found_at": spec("found-at"),
        "bag": spec("bag", limit=200),
    }
    effect = fill.give(
        "effect add",
        effects,
        lambda v: ex.effects.add(
            case,
            kind=v["kind"],
            description=v["description"],
            found_at=v["found_at"],
            bag=v["bag"],
        ),
    )
    if effect is not None:
        for name, value in effect[0].items():
            example.place(f"effect {name}", value, ("body", CAP))
            example.stored.append((f"effect {name}", value, _first("effects", name)))
    photo_added = fill.give(
        "photo add",
        {"caption": spec("caption", long=True)},
        lambda v: ex.photos.add(case, [photo], kind="face", caption=v["caption"]),
    )
    if photo_added is not None:
        caption = photo_added[0]["caption"]
        example.place("photo caption", caption, ("body", CAP))
        example.stored.append(("photo caption", caption, _first("photos", "caption")))


def _examination(team: Team, fill: Filler, example: Example) -> None:
    ex, case = team.examiner, example.case
    checked = fill.give(
        "checklist set",
        {"reason": spec("reason", long=True)},
        lambda v: ex.examination.set_checklist(case, "dental", "not_possible", reason=v["reason"]),
    )
    if checked is not None:
        example.place("checklist reason", checked[0]["reason"], ("body", CAP))
    move = fill.give(
        "body move",
        {"to": spec("to"), "reason": spec("reason", long=True)},
        # Moved somewhere other than where it was registered, whatever the texts repeat.
        lambda v: ex.examination.move(case, to="→" + v["to"], reason=v["reason"]),
    )
    if move is not None:
        moved = move[0] | {"to": "→" + move[0]["to"]}
        example.place("custody to", moved["to"], ("body", CAP))
        example.place("custody reason", moved["reason"], ("body", CAP))
        example.stored.append(("location", moved["to"], lambda c: c.location))
        example.stored.append(("custody reason", moved["reason"], lambda c: c.custody[-1].reason))
    prefix = f"S{example.number}-"
    sample = fill.give(
        "sample add",
        {"sample_number": spec("number", limit=480), "lab": spec("lab")},
        lambda v: ex.examination.add_sample(
            case, kind="bone", sample_number=prefix + v["sample_number"], lab=v["lab"]
        ),
    )
    if sample is None:
        return
    number = sample[1].number
    example.place("sample number", number, ("body", CAP))
    example.place("sample lab", sample[0]["lab"], ("body", CAP))
    result = fill.give(
        "sample result",
        {"result": spec("result", long=True)},
        lambda v: ex.examination.record_result(number, result=v["result"]),
    )
    if result is not None:
        text = result[0]["result"]
        example.place("sample result", text, ("body", CAP))
        example.stored.append(("sample result", text, _first("samples", "result")))


def _status_and_decision(team: Team, fill: Filler, example: Example) -> None:
    ex, case = team.examiner, example.case
    for status in ("examined", "foreign_national"):
        fill.give(
            f"body status {status}",
            {"reason": spec("reason", long=True)},
            _mover(team, case, status),
        )
    specs = {
        "surname": spec("surname"),
        "given_names": spec("given-names"),
        "service_number": spec("service-number"),
        "reason": spec("reason", long=True),
    }
    decision = fill.give(
        "body identify",
        specs,
        lambda v: ex.decisions.propose_identification(
            case,
            methods=["documents"],
            surname=v["surname"],
            given_names=v["given_names"],
            service_number=v["service_number"],
            reason=v["reason"],
        ),
    )
    if decision is None:
        return
    values = decision[0]
    person = f"{values['surname']} {values['given_names']}, {values['service_number']}"
    example.place("identification person", person, ("body", FULL), ("foreign", CAP))
    example.place("identification reason", values["reason"], ("body", FULL), ("foreign", CAP))
    for name in specs:
        example.stored.append((f"identification {name}", values[name], _decision(name)))


def _decision(name: str) -> Read:
    return lambda case: getattr(case.identification, name, None)


def _mover(team: Team, case: str, status: str) -> Callable[[dict[str, str]], object]:
    return lambda v: team.examiner.workflow.move(case, status, reason=v["reason"])


def _relations(team: Team, fill: Filler, case: str, twin: str) -> None:
    ex = team.examiner
    fill.give(
        "body part",
        {"notes": spec("notes", long=True)},
        lambda v: ex.cases.add_part(case, notes=v["notes"]),
    )
    fill.give(
        "duplicate link",
        {"reason": spec("reason", long=True)},
        lambda v: ex.cases.link_duplicate(case, twin, reason=v["reason"]),
    )
