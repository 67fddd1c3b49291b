"""Merging a case file from a field laptop into this workspace (``casefile import``), and the
conflicts it leaves for the coordinator.

An import checks the file, plans the merge in a read transaction (refusing, and writing
nothing, if anything is wrong), stores the photos it lacks, then plans again and writes
everything in one transaction. A refused or failed import removes the photos it stored.
"""

from __future__ import annotations

import concurrent.futures as cf
import contextlib
import hashlib
import os
import threading
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO, cast

from sqlalchemy import select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from forensiclog.db.models import Case, ChainHead, PhotoFile
from forensiclog.domain.audit_chain import canonical_json
from forensiclog.domain.casefile_manifest import CaseFileRefused, photo_member
from forensiclog.domain.errors import InvalidInput, Refusal
from forensiclog.domain.records import Problem
from forensiclog.domain.roles import Action
from forensiclog.domain.text import required_text
from forensiclog.services import case_state, history, search_index
from forensiclog.services.audit import held_entries
from forensiclog.services.casefile_apply import apply_plan
from forensiclog.services.casefile_check import Inspection, Limits, inspect
from forensiclog.services.casefile_conflicts import (
    RESOLVED,
    ConflictRecord,
    conflict_record,
    incoming_values,
    load_note,
    local_record,
    open_notes,
)
from forensiclog.services.casefile_incoming import IncomingFile, read_incoming
from forensiclog.services.casefile_plan import ALIAS, CONFLICT, NEW, UPDATE, Plan, plan_merge
from forensiclog.services.casefile_versions import MERGE_ENTITY, joined, mentions_by_uid, version_of
from forensiclog.services.casefile_zip import MemberStream
from forensiclog.services.casefiles import private_folder
from forensiclog.services.context import ServiceContext
from forensiclog.services.history import PendingEntry, snapshot
from forensiclog.services.photo_store import PhotoStore, StoredOriginal
from forensiclog.services.signing import fingerprint

# Photos are stored by a few threads at once: each waits mostly on its own fsync.
_PHOTO_THREADS = 8
_SHOWN_PROBLEMS = 50


@dataclass(frozen=True)
class MergeResult:
    file: str
    source: str
    signer: str
    added: int
    updated: int
    unchanged: int
    conflicts: tuple[ConflictRecord, ...]
    photos_added: int
    records_added: int
    records_updated: int
    unverified: bool = False
    notes: tuple[str, ...] = ()


def _local_head(session: Any, origin: str) -> int:
    head = session.get(ChainHead, origin)
    return 0 if head is None else int(head.seq)


def _case_outcomes(plan: Plan, incoming: IncomingFile) -> Counter[str]:
    """Per case of the file: added, conflict, updated or unchanged."""
    case_uid = incoming.uid_of["cases"]
    outcome: dict[str, str] = {}
    for record in plan.records:
        if record.model is Case:
            outcome.setdefault(record.uid, "added" if record.kind == NEW else "unchanged")
    rank = {"unchanged": 0, "updated": 1, "conflict": 2, "added": 3}
    for record in plan.records:
        case_id = record.row["id"] if record.model is Case else record.row.get("case_id")
        uid = case_uid.get(case_id) if case_id is not None else None
        kind = {CONFLICT: "conflict", NEW: "updated", UPDATE: "updated"}.get(record.kind)
        if uid in outcome and kind and rank[kind] > rank[outcome[uid]]:
            outcome[uid] = kind
    return Counter(outcome.values())


def _alias_notes(plan: Plan) -> list[str]:
    return [
        f"{r.model.audit_entity} {r.row.get('code') or r.row.get('sha256') or r.uid}: this "
        f"workspace's record is kept; the file's differs in {', '.join(r.differences)}"
        for r in plan.of_kind(ALIAS)
        if r.differences and r.model.audit_entity in ("exchange", "photo_file")
    ]


class MergeService:
    def __init__(self, ctx: ServiceContext, limits: Limits | None = None) -> None:
        self.ctx = ctx
        self.limits = limits or Limits()

    @property
    def _origin(self) -> str:
        return self.ctx.workspace.info.uid

    def import_file(self, path: Path, *, unverified: bool = False) -> MergeResult:
        """Merge the case file at ``path``; refused, naming why, when it does not verify
        (unless ``unverified``: then recorded as such), or holds anything unsafe."""
        self.ctx.require(Action.IMPORT_CASEFILE)
        with private_folder() as folder:
            found = inspect(path, folder, extract_photos=False, limits=self.limits)
            self._refuse_file(found, unverified)
            assert found.database is not None and found.manifest is not None
            sha = hashlib.sha256(found.manifest_bytes).hexdigest()
            incoming = read_incoming(found.database, found.manifest, sha, found.chains)
            with self.ctx.reading() as session:
                plan = plan_merge(session, incoming, self._origin, unverified=unverified)
                plan.local_head = _local_head(session, self._origin)
            self._refuse_plan(path, plan)
            store = PhotoStore(self.ctx.workspace.path)
            placed: set[str] = set()
            try:
                self._store_photos(found, plan, store, placed)
                return self._write(found, incoming, plan, store, placed, unverified=unverified)
            except BaseException:
                self._discard(store, placed)
                raise

    def _refuse_file(self, found: Inspection, unverified: bool) -> None:
        where = str(found.path)
        if found.refusals:
            raise CaseFileRefused(where, found.refusals, "refused, nothing was imported")
        assert found.manifest is not None
        if found.manifest.workspace.uid == self._origin:
            raise CaseFileRefused(
                where,
                [],
                "it was exported by this very workspace; a workspace does not import its own files",
            )
        if not found.verified and not unverified:
            raise CaseFileRefused(
                where,
                found.problems,
                "it does not verify, nothing was imported (import it with --unverified to take it anyway, recorded as such)",
            )

    def _refuse_plan(self, path: Path, plan: Plan) -> Plan:
        if plan.refusals:
            raise CaseFileRefused(str(path), plan.refusals, "refused, nothing was imported")
        return plan

    def _write(
        self,
        found: Inspection,
        incoming: IncomingFile,
        planned: Plan,
        store: PhotoStore,
        placed: set[str],
        *,
        unverified: bool,
    ) -> MergeResult:
        with self.ctx.writing(Action.IMPORT_CASEFILE) as tx:
            plan = planned
            if _local_head(tx.session, self._origin) != planned.local_head:
                # Every change here appends to this workspace's history: something changed
                # since the plan was made, so it is made again under the write lock.
                plan = plan_merge(tx.session, incoming, self._origin, unverified=unverified)
                self._refuse_plan(found.path, plan)
                self._store_photos(found, plan, store, placed)
            apply_plan(tx, plan, incoming)
            outcomes = _case_outcomes(plan, incoming)
            notes = _alias_notes(plan) + [
                f"history of workspace {o[:8]} does not verify and was not taken"
                for o in plan.history.skipped
            ]
            details = self._details(
                found, incoming, plan, outcomes, unverified=unverified, notes=notes
            )
            # What this workspace now holds of each merged chain, so that an entry blanked out
            # later (its hashes kept, as a case file withholds one) is seen by audit verify.
            details["held"] = held_entries(tx.session, self._origin)
            reason = "imported unverified" if unverified and not found.verified else None
            tx.note("casefile.import", "casefile", reason=reason, details=details)
            # The conflicts are read from the history in this same transaction: a read after
            # the commit could fail (a full disk) and refuse an import that was done.
            history.append(tx, self.ctx.workspace.signer())
            conflicts = {c.record_uid: c for c in self._open_conflicts(tx.session)}
        return MergeResult(
            file=str(found.path),
            source=incoming.source,
            signer=fingerprint(incoming.manifest.workspace.public_key),
            added=outcomes["added"],
            updated=outcomes["updated"],
            unchanged=outcomes["unchanged"],
            conflicts=tuple(conflicts[r.uid] for r in plan.of_kind(CONFLICT) if r.uid in conflicts),
            photos_added=sum(1 for r in plan.of_kind(NEW) if r.model is PhotoFile),
            records_added=len(plan.of_kind(NEW)),
            records_updated=len(plan.of_kind(UPDATE)),
            unverified=unverified and not found.verified,
            notes=tuple(notes),
        )

    def _details(
        self,
        found: Inspection,
        incoming: IncomingFile,
        plan: Plan,
        outcomes: Counter[str],
        *,
        unverified: bool,
        notes: list[str],
    ) -> dict[str, Any]:
        manifest = incoming.manifest
        return {
            "file": found.path.name,
            "manifest_sha256": incoming.manifest_sha256,
            "from": manifest.workspace.uid,
            "source": incoming.source,
            "exported_at": manifest.exported_at,
            "exported_by": manifest.exported_by,
            "cases": dict(outcomes),
            "records_added": len(plan.of_kind(NEW)),
            "records_updated": len(plan.of_kind(UPDATE)),
            "conflicts": len(plan.of_kind(CONFLICT)),
            "unverified": unverified and not found.verified,
            "problems": [str(p) for p in found.problems[:_SHOWN_PROBLEMS]],
            "aliases": dict(sorted(plan.aliases.items())),
            "notes": notes,
        }

    # -- photos --------------------------------------------------------------------------

    def _store_photos(
        self, found: Inspection, plan: Plan, store: PhotoStore, placed: set[str]
    ) -> None:
        """Store the originals the plan adds and this store lacks, from the file itself;
        ``placed`` collects each one stored, so a failure can take them away again."""
        wanted = [str(r.row["sha256"]) for r in plan.of_kind(NEW) if r.model is PhotoFile]
        missing = [sha for sha in wanted if not store.has(sha)]
        if not missing:
            return
        lock = threading.Lock()
        fd = os.open(found.path, os.O_RDONLY | getattr(os, "O_BINARY", 0))
        try:

            def store_one(sha: str) -> str:
                stored = self._store_one(found, fd, store, sha)
                if not stored.already_present:
                    with lock:
                        placed.add(stored.sha256)
                return stored.sha256

            with cf.ThreadPoolExecutor(_PHOTO_THREADS) as pool:
                mismatched = [
                    sha for sha, got in zip(missing, pool.map(store_one, missing), strict=True)
                    if got != sha
                ]  # fmt: skip
        finally:
            os.close(fd)
        if mismatched:
            why = "its content does not match its name; it cannot be stored"
            problems = [Problem(photo_member(sha), why) for sha in mismatched]
            raise CaseFileRefused(str(found.path), problems, "refused, nothing was imported")

    def _store_one(self, found: Inspection, fd: int, store: PhotoStore, sha: str) -> StoredOriginal:
        entry = found.entries.get(photo_member(sha))
        if entry is None:
            raise CaseFileRefused(
                str(found.path),
                [Problem(f"photo {sha}", "has a record but no original in the file")],
                "refused, nothing was imported",
            )
        stream = cast(BinaryIO, MemberStream(fd, entry))
        return store.ingest_stream(stream, photo_member(sha))

    def _discard(self, store: PhotoStore, shas: set[str]) -> None:
        """Remove originals this import stored that no row came to reference."""
        if not shas:
            return
        with (
            contextlib.suppress(Refusal, OSError, SQLAlchemyError),
            self.ctx.writing(Action.IMPORT_CASEFILE) as tx,
        ):
            ordered = sorted(shas)
            kept: set[str] = set()
            for start in range(0, len(ordered), 500):
                chunk = ordered[start : start + 500]
                kept |= set(
                    tx.session.scalars(select(PhotoFile.sha256).where(PhotoFile.sha256.in_(chunk)))
                )
            for sha in ordered:
                if sha not in kept:
                    store.remove_orphan(sha)

    # -- conflicts -----------------------------------------------------------------------

    def conflicts(self) -> list[ConflictRecord]:
        """Records changed both here and in a merged file, not yet resolved."""
        with self.ctx.reading() as session:
            return self._open_conflicts(session)

    def _open_conflicts(self, session: Session) -> list[ConflictRecord]:
        return [conflict_record(session, note) for note in open_notes(session, self._origin)]

    def resolve(self, conflict: int, *, keep: str, reason: str) -> ConflictRecord:
        """Settle a conflict: keep this workspace's version (``local``) or take the file's
        (``incoming``); either way recorded with the reason."""
        if keep not in ("local", "incoming"):
            raise InvalidInput("keep", f"{keep!r}: keep 'local' or 'incoming'")
        why = required_text(reason, "reason")
        with self.ctx.writing(Action.RESOLVE_CONFLICT) as tx:
            session = tx.session
            note = load_note(session, self._origin, conflict)
            shown = conflict_record(session, note, RESOLVED)
            record = local_record(session, note)
            mentions = mentions_by_uid(
                session.connection(), {note.model.audit_entity: [record.uid]}
            )
            current = version_of(
                mentions.get(record.uid, []), note.model.audit_entity, self._origin
            )
            version = joined(current, note.incoming_version)
            if keep == "incoming":
                before = snapshot(record)
                for column, value in incoming_values(session, note).items():
                    setattr(record, column, value)
                tx.record(
                    "merge.take_incoming",
                    record,
                    before=before,
                    case_number=note.entry.case_number,
                    reason=why,
                )
                version = note.incoming_version
                self._derive(session, record)
            tx.entries.append(
                PendingEntry(
                    "merge.resolve",
                    MERGE_ENTITY,
                    record.uid,
                    note.entry.case_number,
                    why,
                    None,
                    canonical_json({"version": version, "conflict": conflict, "kept": keep}),
                    None,
                )
            )
        return shown

    def _derive(self, session: Any, record: Any) -> None:
        case_id = record.id if isinstance(record, Case) else getattr(record, "case_id", None)
        if case_id is None:
            return
        session.flush()
        case = session.get_one(Case, case_id)
        case_state.refresh(session, case)
        search_index.reindex_case(session, case)
