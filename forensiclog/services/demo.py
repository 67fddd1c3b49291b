"""The demo scenario: a new workspace holding one synthetic exchange (data in ``seeds/``).

It is built through the services, as users of each role would build it, so every record is in
the history and ``check`` passes on the result; it is built in a staging folder, so a failure
leaves nothing behind. Every person in it is invented; the photos are drawn at build time.
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import json
import os
import random
import re
import sqlite3
import tempfile
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import event

from forensiclog.db.engine import DATABASE_FILE
from forensiclog.domain.roles import Role
from forensiclog.domain.statuses import Status, allowed_moves
from forensiclog.paths import seeds_path
from forensiclog.services.build import Services, build
from forensiclog.services.context import Actor
from forensiclog.services.demo_material import (
    Person,
    damaged,
    document_series,
    invented_person,
    photo_board,
    random_digits,
    russian_passport,
    ukrainian_id_card,
)
from forensiclog.services.storage_errors import storage_errors
from forensiclog.services.workspace import OpenWorkspace, open_workspace, staged_folder
from forensiclog.services.workspace_setup import init_workspace

S = Status


def path_to(end: Status) -> tuple[Status, ...]:
    """The shortest way through the workflow from received to ``end`` (end included)."""
    routes: dict[Status, tuple[Status, ...]] = {S.RECEIVED: ()}
    frontier = [S.RECEIVED]
    while frontier and end not in routes:
        current = frontier.pop(0)
        for target in allowed_moves(current):
            if target not in routes:
                routes[target] = (*routes[current], target)
                frontier.append(target)
    return routes[end]


FOREIGN_END = (S.FOREIGN_NATIONAL, S.RETURNED)
_NOT_MRZ = re.compile(r"[^A-Z ]")


@dataclass(frozen=True)
class DemoUser:
    name: str
    role: str
    password: str


@dataclass(frozen=True)
class DemoResult:
    workspace: Path
    users: tuple[DemoUser, ...]
    exchanges: tuple[str, ...]


@dataclass
class Body:
    """One body of the scenario: its case, who it really is, and how far its case goes."""

    case: str
    person: Person
    declared: Person | None
    end: Status = S.RECEIVED
    foreign: bool = False
    sample: str = ""


def load_seeds() -> tuple[dict[str, Any], dict[str, Any]]:
    def read(name: str) -> dict[str, Any]:
        return dict(json.loads(seeds_path(name).read_text(encoding="utf-8")))

    return read("demo_scenario.json"), read("demo_people.json")


def build_demo(path: Path) -> DemoResult:
    """A new workspace at ``path`` (which must not exist or be empty) holding the scenario."""
    scenario, people = load_seeds()
    users = tuple(DemoUser(**u) for u in scenario["users"])
    admin = next(u for u in users if u.role == Role.ADMIN.value)
    place = scenario["workspace"]
    with (
        storage_errors(str(path)),
        staged_folder(path) as folder,
        tempfile.TemporaryDirectory(prefix="forensiclog-demo-") as scratch,
    ):
        init_workspace(
            folder,
            site=place["site"],
            team=place["team"],
            admin=admin.name,
            password=admin.password,
            name=place["name"],
        )
        workspace = open_workspace(folder)
        try:
            with _unsynced(workspace):
                _Builder(scenario, people, Path(scratch), users, workspace).run()
        finally:
            workspace.close()
        _settle(folder / DATABASE_FILE)
    return DemoResult(path, users, (scenario["exchange"]["code"],))


@contextlib.contextmanager
def _unsynced(workspace: OpenWorkspace) -> Iterator[None]:
    """Commits without fsync while the scenario is built: it is built in a staging folder that a
    crash discards whole, and ``_settle`` syncs the finished database once. One connection is
    held open meanwhile, so that SQLite does not checkpoint the log at every closed session."""

    def relax(connection: sqlite3.Connection, _: object) -> None:
        connection.execute("PRAGMA synchronous=OFF")

    event.listen(workspace.engine, "connect", relax)
    keeper = workspace.engine.raw_connection()
    try:
        yield
    finally:
        keeper.close()
        event.remove(workspace.engine, "connect", relax)


def _settle(database: Path) -> None:
    """Fold the log into the database file and flush it to the disk."""
    connection = sqlite3.connect(database)
    try:
        connection.execute("PRAGMA synchronous=FULL")
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        connection.close()
    descriptor = os.open(database, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


# -- the scenario, action by action ----------------------------------------------------------


class _Builder:
    def __init__(
        self,
        scenario: dict[str, Any],
        people: dict[str, Any],
        scratch: Path,
        users: tuple[DemoUser, ...],
        workspace: OpenWorkspace,
    ) -> None:
        self.s, self.people, self.users = scenario, people, users
        self.scratch: Path = scratch
        # A repeatable scenario, not a secret: the same seed gives the same people and cases.
        self.rng = random.Random(scenario["seed"])  # noqa: S311
        self.by_role = {u.role: build(workspace, Actor(u.name, Role(u.role))) for u in users[::-1]}
        self.examiners = [
            build(workspace, Actor(u.name, Role.EXAMINER)) for u in users if u.role == "examiner"
        ]
        self.code = scenario["exchange"]["code"]
        self.day = dt.date.fromisoformat(scenario["exchange"]["date"])
        self.counters: Counter[str] = Counter()

    @property
    def coordinator(self) -> Services:
        return self.by_role[Role.COORDINATOR.value]

    def examiner(self) -> Services:
        return self.rng.choice(self.examiners)

    def next(self, counter: str) -> int:
        self.counters[counter] += 1
        return self.counters[counter]

    def run(self) -> None:
        admin = self.by_role[Role.ADMIN.value]
        for user in self.users:
            if user.role != Role.ADMIN.value:
                admin.users.add(user.name, user.role, user.password)
        bodies = self._arrive()
        self._assign(bodies)
        shown = self.rng.sample(range(len(bodies)), self.s["photos"]["cases_with_body_photos"])
        for index, body in enumerate(bodies):
            if body.end is not S.RECEIVED:
                self._examine(body, photos=index in shown)

    # -- arrival -----------------------------------------------------------------------------

    def _arrive(self) -> list[Body]:
        exchange, arrivals = dict(self.s["exchange"]), self.s["arrivals"]
        self.coordinator.exchanges.add(exchange.pop("code"), **exchange)
        rows = self._handover_rows()
        listing = self._handover_list(rows)
        self.coordinator.manifest.import_file(self.code, listing)
        bodies = [self._register(*row) for row in rows[: arrivals["checked_in"]]]
        for n in range(arrivals["without_list_line"]):
            bodies.append(self._register(f"БЕЗ-СПИСКУ-{n + 1}", None, self._ukrainian()))
        for tag, _, _ in rows[: arrivals["duplicate_tags"]]:
            bodies.append(self._register(tag, None, self._ukrainian(), duplicate=True))
        for body in bodies[: arrivals["body_parts"]]:
            self.examiner().cases.add_part(
                body.case, condition="fragmented", location=self._shelf(), reason="надійшов окремо"
            )
        return bodies

    def _ukrainian(self) -> Person:
        return invented_person(self.rng, self.people["ukrainian"])

    def _handover_rows(self) -> list[tuple[str, Person | None, Person]]:
        listing, rows = self.s["handover_list"], []
        for n in range(1, listing["rows"] + 1):
            person = self._ukrainian()
            named = self.rng.random() >= listing["without_name"]
            rows.append((listing["tag_format"].format(n), person if named else None, person))
        return rows

    def _handover_list(self, rows: list[tuple[str, Person | None, Person]]) -> Path:
        path = self.scratch / str(self.s["handover_list"]["file"])
        with path.open("w", encoding="utf-8", newline="") as out:
            writer = csv.writer(out)
            writer.writerow(
                ["tag", "surname", "given_names", "birth_date", "unit", "service_number"]
            )
            for tag, p, _ in rows:
                unit, number = self.rng.choice(self.s["units"]), "Д-" + random_digits(self.rng, 6)
                named = (
                    [p.surname, p.given_names, f"{p.birth_date:%d.%m.%Y}", unit, number]
                    if p
                    else []
                )
                writer.writerow([tag, *named])
        return path

    def _register(
        self, tag: str, declared: Person | None, person: Person, *, duplicate: bool = False
    ) -> Body:
        condition = self.rng.choice(self.s["conditions"])
        registered = self.examiner().cases.register(
            self.code, tag=tag, condition=condition, location=self._shelf(),
            allow_duplicate_tag=duplicate,
        )  # fmt: skip
        return Body(registered.case_number, person, declared)

    def _shelf(self) -> str:
        storage = self.s["storage"]
        fridge = self.rng.randrange(storage["refrigerators"]) + 1
        return f"Рефрижератор {fridge}, полиця {self.rng.randrange(storage['shelves']) + 1}"

    def _assign(self, bodies: list[Body]) -> None:
        order = list(bodies)
        self.rng.shuffle(order)
        ends = [Status(status) for status, n in self.s["counts"].items() for _ in range(n)]
        ends.sort(key=lambda status: status not in FOREIGN_END)
        for body, end in zip(order, ends, strict=False):
            body.end, body.foreign = end, end in FOREIGN_END
            if body.foreign:
                body.person = invented_person(self.rng, self.people["russian"])

    # -- examination -------------------------------------------------------------------------

    def _examine(self, body: Body, *, photos: bool) -> None:
        work = self.examiner()
        work.examination.set_checklist(body.case, "external", "done")
        basis: int | None
        if body.foreign:
            basis = self._foreign_documents(work, body)
        else:
            basis = self._own_documents(work, body, photos)
        self._profile(work, body, basis)
        if photos:
            self._body_photos(work, body)
        self._effects_and_marks(work, body)
        for status in path_to(body.end):
            self._before(work, body, status)
            work.workflow.move(body.case, status.value, reason=self.s["reasons"][status.value])
            if status is S.FOREIGN_NATIONAL:
                self._exclude(work, body, basis)

    def _photo(self, body: Body, kind: str, lines: tuple[str, ...] = ()) -> Path:
        n = self.next("photo")
        taken = f"{self.day:%Y:%m:%d} {8 + n % 10:02d}:{n % 60:02d}:00"
        width, height = self.s["photos"]["size"]
        path = self.scratch / f"{body.case}-{kind}-{n}.jpg"
        return photo_board(path, body.case, kind, lines, size=(width, height), taken=taken)

    def _document(self, work: Services, body: Body, kind: str, **fields: Any) -> int:
        lines = tuple(fields.get("mrz") or (body.person.surname, fields.get("number") or ""))
        shown = fields.pop("photographed", self.s["photos"]["document_photos"])
        photos = [self._photo(body, "document", lines)] if shown else []
        bag = f"ПАК-{self.code}-{self.next('bag'):04d}"
        found = fields.pop("found_at", "нагрудна кишеня")
        result = work.documents.add(
            body.case, kind=kind, photos=photos, bag=bag, found_at=found, **fields
        )
        return result.document.id

    def _own_documents(self, work: Services, body: Body, photos: bool) -> int | None:
        p, share, rng = body.person, self.s["own_documents"], self.rng
        names = {"surname": p.surname, "given_names": p.given_names}
        born = {**names, "birth_date": p.birth_date.isoformat()}
        found: list[int] = []
        if rng.random() < share["military_id"]:
            number = f"{document_series(rng)} {random_digits(rng, 6)}"
            found.append(
                self._document(work, body, "military_id", country="UKR", number=number,
                               photographed=photos, **born)
            )  # fmt: skip
        if rng.random() < share["id_card"]:
            zone = ukrainian_id_card(p, rng)
            broken = self.counters["damaged"] < share["damaged_mrz"]
            if broken:
                zone = damaged(zone)
                self.next("damaged")
            found.append(
                self._document(work, body, "id_card", mrz=zone, accept_invalid_mrz=broken,
                               photographed=photos, **names)
            )  # fmt: skip
        if rng.random() < share["identity_tag"]:
            tag = {"number": random_digits(rng, 7), "surname": p.surname, "found_at": "на шиї"}
            self._document(work, body, "identity_tag", photographed=False, **tag)
        if rng.random() < share["internal_passport"]:
            number = f"{document_series(rng)}{random_digits(rng, 6)}"
            found.append(
                self._document(work, body, "internal_passport", country="UKR", number=number,
                               birth_place=p.birth_place, photographed=False, **born)
            )  # fmt: skip
        return found[0] if found else None

    def _foreign_documents(self, work: Services, body: Body) -> int:
        p, rules, rng = body.person, self.s["foreign"], self.rng
        names = {"surname": p.surname, "given_names": p.given_names}
        if self.next("foreign") == 1:
            # The internal passport and military ID of a man from the Moscow region: Cyrillic
            # names, no machine-readable zone.
            place = rules["internal_passport_birth_place"]
            passport = self._document(
                work, body, "internal_passport", country="RUS",
                number=f"46 {random_digits(rng, 2)} {random_digits(rng, 6)}", birth_place=place,
                birth_date=p.birth_date.isoformat(), found_at="внутрішня кишеня", **names,
            )  # fmt: skip
            number = f"{document_series(rng)} {random_digits(rng, 7)}"
            self._document(work, body, "military_id", country="RUS", number=number, **names)
            return passport
        typed = p.birth_date
        if self.next("disagree") <= rules["disagreeing_birth_date"]:
            typed += dt.timedelta(days=1)  # misread from a damaged page: the MRZ disagrees
        return self._document(
            work, body, "passport", mrz=russian_passport(p, rng), birth_date=typed.isoformat(),
            birth_place=p.birth_place, **names,
        )  # fmt: skip

    def _profile(self, work: Services, body: Body, basis: int | None) -> None:
        age = self.day.year - body.person.birth_date.year
        changes: dict[str, Any] = {
            "sex": "M",
            "age_min": max(age - 4, 18),
            "age_max": age + 6,
            "stature_cm": self.rng.randrange(165, 192),
        }
        if basis is not None:
            changes["nationality"] = "foreign" if body.foreign else "own"
            changes["nationality_document_id"] = basis
        work.cases.edit(body.case, changes)

    def _body_photos(self, work: Services, body: Body) -> None:
        room = self.s["storage"]["examination_room"]
        work.examination.move(body.case, to=room, reason="на огляд і фотофіксацію")
        captions = {"overview": "загальний вигляд", "face": "обличчя"}
        for kind, count in (("overview", 2), ("face", 1)):
            files = [self._photo(body, kind) for _ in range(count)]
            work.photos.add(body.case, files, kind=kind, caption=f"{body.case}: {captions[kind]}")
        work.examination.move(body.case, to=self._shelf(), reason="після огляду")

    def _effects_and_marks(self, work: Services, body: Body) -> None:
        if self.rng.random() < 0.35:
            effect = self.rng.choice(self.s["effects"])
            shown = self.next("effect") <= self.s["photos"]["effects_with_photos"]
            photos = [self._photo(body, "effect")] if shown else []
            bag = f"ПАК-{self.code}-{self.next('bag'):04d}"
            work.effects.add(body.case, found_at="кишеня", bag=bag, photos=photos, **effect)
            work.examination.set_checklist(body.case, "effects", "done")
        if self.rng.random() < 0.12:
            work.cases.add_mark(body.case, **self.rng.choice(self.s["marks"]))

    def _before(self, work: Services, body: Body, status: Status) -> None:
        case, lab = body.case, self.s["laboratory"]
        if status is S.SAMPLED:
            number = f"ДНК-{self.code}-{self.next('sample'):04d}"
            kind = self.rng.choice(("bone", "tooth", "tissue"))
            work.examination.add_sample(case, kind=kind, sample_number=number, lab=lab)
            work.examination.set_checklist(case, "dna", "done")
            self._prints(work, body)
            body.sample = number
        elif status is S.IDENTIFIED:
            work.examination.record_result(body.sample, result="профіль отримано; збіг з родичем")
            p = body.person
            work.decisions.propose_identification(
                case, surname=p.surname, given_names=p.given_names, methods=["dna"],
                birth_date=p.birth_date.isoformat(), reason="збіг ДНК з родичем першого ступеня",
            )  # fmt: skip
            self.coordinator.decisions.confirm(case, reason="результат ДНК перевірено")
        elif status is S.UNIDENTIFIED:
            work.examination.record_result(body.sample, result="профіль отримано; збігів немає")
        elif status is S.BURIED_UNIDENTIFIED:
            plot = f"ряд {self.rng.randrange(1, 9)}, місце {self.rng.randrange(1, 60)}"
            changes = {"burial_cemetery": self.s["cemetery"], "burial_plot": plot}
            work.cases.edit(case, changes)

    def _prints(self, work: Services, body: Body) -> None:
        if self.rng.random() < 0.5:
            work.examination.set_checklist(body.case, "fingerprints", "done")
        else:
            reason = "гнилісні зміни шкіри пальців"
            work.examination.set_checklist(body.case, "fingerprints", "not_possible", reason=reason)

    def _exclude(self, work: Services, body: Body, basis: int | None) -> None:
        why = "документи іншої держави; не є військовослужбовцем нашої сторони"
        work.decisions.propose_exclusion(body.case, basis=why, document=basis)
        if self.next("exclusion") <= self.s["foreign"]["confirmed_exclusions"]:
            self.coordinator.decisions.confirm(body.case, reason="документи перевірено")
