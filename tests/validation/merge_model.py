"""A model of three field laptops and an office exchanging case files in any order, held
against real workspaces: a hypothesis rule-based state machine.

The model knows, for every workspace and every case it holds, the case's notes and its
*version*: the set of edits its state includes (each edit writes notes no other edit writes).
An import of a file is predicted from the versions alone: a case the workspace lacks is added;
a file that includes nothing new changes nothing; a file that includes everything the workspace
has is taken; otherwise the change was concurrent and must show as an open conflict, the
workspace's notes untouched. Documents and photos are records of their own, only ever added.
"""

from __future__ import annotations

import hashlib
import io
import json
import shutil
import sqlite3
import tempfile
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import ClassVar

from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    invariant,
    precondition,
    rule,
)
from PIL import Image

from forensiclog.db.models import AUDITED_MODELS
from forensiclog.domain.casefile_manifest import CaseFileRefused
from forensiclog.services.workspace import open_workspace
from tests.conftest import Team
from tests.validation.hostile_bench import check_problems, workspace_copy

LAPTOPS = ("A", "B", "C")
OFFICE = "O"
PLACES = (*LAPTOPS, OFFICE)
TEAMS = {"A": "T1", "B": "T2", "C": "T3", OFFICE: "T9"}
EXCHANGE = "R1"
PHOTOS = 4


@dataclass
class Held:
    """A case as one workspace holds it."""

    notes: str | None
    version: frozenset[str]
    documents: set[str] = field(default_factory=set)
    photos: set[str] = field(default_factory=set)

    def copy(self) -> Held:
        return Held(self.notes, self.version, set(self.documents), set(self.photos))


@dataclass(frozen=True)
class SentFile:
    source: str
    path: Path
    cases: dict[str, Held]
    head: int


class Tally:
    """What every example did, summed over a figure's run."""

    counts: ClassVar[dict[str, int]] = {}

    @classmethod
    def add(cls, name: str, by: int = 1) -> None:
        cls.counts[name] = cls.counts.get(name, 0) + by


def photo_bytes(seed: int) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (24, 16), (seed * 60 % 256, 40, 200)).save(out, "JPEG")
    return out.getvalue()


def audited_digest(path: Path) -> str:
    """Every record of the workspace (not the history), as stored."""
    digest = hashlib.sha256()
    with sqlite3.connect(f"{(path / 'forensiclog.db').as_uri()}?mode=ro", uri=True) as db:
        for model in AUDITED_MODELS:
            table = model.__tablename__
            for row in db.execute(f'SELECT * FROM "{table}" ORDER BY uid'):
                digest.update(repr(row).encode())
    db.close()
    return digest.hexdigest()


def head_seen(path: Path, origin: str) -> int:
    with sqlite3.connect(f"{(path / 'forensiclog.db').as_uri()}?mode=ro", uri=True) as db:
        row = db.execute("SELECT seq FROM chain_heads WHERE origin = ?", (origin,)).fetchone()
    db.close()
    return int(row[0]) if row else 0


def file_head(path: Path) -> int:
    with zipfile.ZipFile(path) as archive:
        return int(json.loads(archive.read("manifest.json"))["head"]["seq"])


class MergeModel(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        Tally.add("examples")
        self.root = Path(tempfile.mkdtemp(prefix="forensiclog-merge-"))
        self.teams: dict[str, Team] = {}
        self.holds: dict[str, dict[str, Held]] = {p: {} for p in PLACES}
        self.sent: list[SentFile] = []
        self.last_import: dict[str, SentFile] = {}
        self.edits = 0
        self.created: set[str] = set()
        for place in PLACES:
            path = workspace_copy(self.root / place, team=TEAMS[place])
            self.teams[place] = Team(open_workspace(path))
        for laptop in LAPTOPS:
            self.teams[laptop].coordinator.exchanges.add(EXCHANGE, date="2025-06-13", declared=9)
        self.camera = self.root / "camera"
        self.camera.mkdir()

    # -- rules: work on one workspace ----------------------------------------------------

    def step(self, name: str) -> None:
        Tally.add("steps")
        Tally.add(f"steps: {name}")

    @initialize()
    def first_bodies(self) -> None:
        """A body on every laptop to begin with, so that every rule has something to work on."""
        for laptop in LAPTOPS:
            self.register(laptop)

    # A few bodies per laptop: more would only dilute the exchanges between them.
    @precondition(lambda self: len(self.created) < 3 * len(LAPTOPS))
    @rule(laptop=st.sampled_from(LAPTOPS))
    def register(self, laptop: str) -> None:
        self.step("register")
        number = self.teams[laptop].examiner.cases.register(EXCHANGE).case_number
        self.created.add(number)
        self.holds[laptop][number] = Held(None, frozenset({f"{number} registered"}))

    def _held(self, place: str, data: st.DataObject) -> str | None:
        cases = sorted(self.holds[place])
        return data.draw(st.sampled_from(cases)) if cases else None

    @rule(place=st.sampled_from(PLACES), data=st.data())
    def edit(self, place: str, data: st.DataObject) -> None:
        case = self._held(place, data)
        if case is None:
            return
        self.step("edit")
        self.edits += 1
        notes = f"{place} edit {self.edits}"
        self.teams[place].examiner.cases.edit(case, {"notes": notes})
        held = self.holds[place][case]
        held.notes, held.version = notes, held.version | {notes}

    @rule(place=st.sampled_from(PLACES), data=st.data())
    def add_document(self, place: str, data: st.DataObject) -> None:
        case = self._held(place, data)
        if case is None:
            return
        self.step("add document")
        self.edits += 1
        number = f"D{self.edits}"
        self.teams[place].examiner.documents.add(
            case, kind="passport", country="UKR", number=number
        )
        self.holds[place][case].documents.add(number)

    @rule(place=st.sampled_from(PLACES), seed=st.integers(0, PHOTOS - 1), data=st.data())
    def add_photo(self, place: str, seed: int, data: st.DataObject) -> None:
        case = self._held(place, data)
        if case is None:
            return
        self.step("add photo")
        content = photo_bytes(seed)
        path = self.camera / f"{seed}.jpg"
        path.write_bytes(content)
        self.teams[place].examiner.photos.add(case, [path], kind="face")
        self.holds[place][case].photos.add(hashlib.sha256(content).hexdigest())

    # -- rules: files between workspaces -------------------------------------------------

    @rule(source=st.sampled_from(PLACES), receiver=st.sampled_from(PLACES))
    def send_exchange(self, source: str, receiver: str) -> None:
        """The whole exchange as the source holds it."""
        if source != receiver and self.holds[source]:
            self.step("send an exchange")
            self.receive(receiver, self.export(source, []))

    @rule(source=st.sampled_from(PLACES), receiver=st.sampled_from(PLACES), data=st.data())
    def send_cases(self, source: str, receiver: str, data: st.DataObject) -> None:
        """A few cases (with their parts, documents and photos)."""
        if source == receiver or not self.holds[source]:
            return
        self.step("send a few cases")
        cases = sorted(self.holds[source])
        chosen = data.draw(st.lists(st.sampled_from(cases), unique=True, min_size=1))
        self.receive(receiver, self.export(source, chosen))

    def export(self, source: str, cases: list[str]) -> SentFile:
        path = self.root / "files" / f"{len(self.sent):04d}-{source}.fcase"
        path.parent.mkdir(exist_ok=True)
        service = self.teams[source].coordinator.casefiles
        if cases:
            service.export(path, cases=cases)
        else:
            service.export(path, exchange=EXCHANGE)
        held = self.holds[source]
        carried = {c: held[c].copy() for c in (cases or held)}
        sent = SentFile(source, path, carried, file_head(path))
        self.sent.append(sent)
        Tally.add("files exported")
        return sent

    def receive(self, target: str, sent: SentFile) -> None:
        """Import and hold the workspace to the model's prediction, case by case."""
        team = self.teams[target]
        team.coordinator.merge.import_file(sent.path)
        Tally.add("files imported")
        self.last_import[target] = sent
        open_cases = {
            str(c.case_number) for c in team.auditor.merge.conflicts() if c.entity == "case"
        }
        for case, incoming in sorted(sent.cases.items()):
            self._predict(target, case, incoming, open_cases)
        problems = check_problems(team)
        assert not problems, f"{target} does not check clean after an import: {problems[:5]}"

    def _predict(self, target: str, case: str, incoming: Held, open_cases: set[str]) -> None:
        held = self.holds[target].get(case)
        if held is None:
            Tally.add("cases added")
            held = self.holds[target][case] = incoming.copy()
        elif incoming.version <= held.version:
            Tally.add("cases unchanged")
        elif held.version <= incoming.version:
            Tally.add("cases updated")
            held.notes, held.version = incoming.notes, incoming.version
        else:
            Tally.add("concurrent changes")
            assert case in open_cases, (
                f"{target}: {case} was changed on both sides ({sorted(held.version ^ incoming.version)}) "
                "but no conflict is open"
            )
        held.documents |= incoming.documents
        held.photos |= incoming.photos
        self.holds_as_modelled(target, case)

    def holds_as_modelled(self, place: str, case: str) -> None:
        record = self.teams[place].auditor.cases.show(case, with_history=False)
        held = self.holds[place][case]
        assert record.notes == held.notes, (
            f"{place}: {case} notes {record.notes!r}, the model says {held.notes!r} "
            "(a concurrent change silently overwritten, or a change lost)"
        )
        documents = {d.number for d in record.documents}
        assert documents == held.documents, (
            f"{place}: {case} documents {documents} ≠ {held.documents}"
        )
        photos = {p.sha256 for p in record.photos}
        assert photos == held.photos, f"{place}: {case} photos differ from the model"

    @precondition(lambda self: bool(self.last_import))
    @rule(data=st.data())
    def import_again(self, data: st.DataObject) -> None:
        """The same file twice: nothing changes but the import's own history entry."""
        target = data.draw(st.sampled_from(sorted(self.last_import)))
        sent = self.last_import[target]
        if (
            head_seen(self.teams[target].path, self.teams[sent.source].workspace.info.uid)
            > sent.head
        ):
            return
        self.step("import the same file again")
        before = audited_digest(self.teams[target].path)
        conflicts = len(self.teams[target].auditor.merge.conflicts())
        self.teams[target].coordinator.merge.import_file(sent.path)
        assert audited_digest(self.teams[target].path) == before, "importing twice changed records"
        assert len(self.teams[target].auditor.merge.conflicts()) == conflicts, "a conflict twice"

    @precondition(lambda self: len(self.sent) > 1)
    @rule(receiver=st.sampled_from(PLACES), data=st.data())
    def replay(self, receiver: str, data: st.DataObject) -> None:
        """An older file: refused once a newer head of its exporter was seen, else merged."""
        sent = data.draw(st.sampled_from(self.sent[:-1]))
        if sent.source == receiver:
            return
        self.step("replay an older file")
        target = receiver
        team = self.teams[target]
        seen = head_seen(team.path, self.teams[sent.source].workspace.info.uid)
        if seen > sent.head:
            before = audited_digest(team.path)
            try:
                team.coordinator.merge.import_file(sent.path)
            except CaseFileRefused:
                Tally.add("older files refused")
                assert audited_digest(team.path) == before, "a refused import changed records"
                return
            raise AssertionError(f"{target} took an older file of {sent.source} (seen {seen})")
        self.receive(target, sent)

    @invariant()
    def nothing_lost_at_a_glance(self) -> None:
        for place in PLACES:
            assert set(self.holds[place]) <= self.created

    # -- the end: everything to the office -------------------------------------------------

    def teardown(self) -> None:
        try:
            for laptop in LAPTOPS:
                if self.holds[laptop]:
                    self.receive(OFFICE, self.export(laptop, []))
            self._nothing_lost()
            for place in PLACES:
                problems = check_problems(self.teams[place])
                assert not problems, f"{place} does not check clean: {problems[:5]}"
                assert self.teams[place].auditor.audit.verify().valid, f"{place}: history broken"
            Tally.add("final checks passed")
        finally:
            for team in self.teams.values():
                team.workspace.close()
            shutil.rmtree(self.root, ignore_errors=True)

    def _nothing_lost(self) -> None:
        office = self.holds[OFFICE]
        missing = self.created - set(office)
        assert not missing, f"cases lost on the way to the office: {sorted(missing)}"
        for place in LAPTOPS:
            for case, held in self.holds[place].items():
                assert held.documents <= office[case].documents, f"{case}: documents lost"
                assert held.photos <= office[case].photos, f"{case}: photos lost"
        for case in sorted(office):
            Tally.add("records checked at the office")
            self.holds_as_modelled(OFFICE, case)
