"""Photos as evidence of a case: all files of an import or none, originals kept, derived JPEGs.

An import has two steps. First every file is checked and its original stored (on two threads),
outside any transaction: a file that is refused refuses the whole import. Then one transaction
writes the rows. Originals that this attempt placed in the store and that no row came to
reference are removed again when the import is refused, cancelled or fails, so ``check``
finds no orphan; a crash between the steps leaves at worst an orphan that ``check`` reports.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from forensiclog.db.models import Case, CasePhoto, Document, Effect, PhotoFile
from forensiclog.domain.errors import EnvironmentProblem, InvalidInput, NotFound, Refusal
from forensiclog.domain.records import PhotoRecord
from forensiclog.domain.roles import Action
from forensiclog.domain.text import clean_text, parse_count
from forensiclog.domain.vocabulary import PhotoKind, parse_code
from forensiclog.paths import cache_dir
from forensiclog.services import case_state
from forensiclog.services.case_lookup import edit_action, load_case
from forensiclog.services.case_records import photo_record
from forensiclog.services.context import ServiceContext
from forensiclog.services.history import Tx, snapshot
from forensiclog.services.images import (
    PREVIEW_SIDE,
    CancelFlag,
    Prepared,
    Refused,
    prepare_photos,
    preview_jpeg_bytes,
)
from forensiclog.services.photo_store import PhotoStore, check_sha256

Progress = Callable[[int, int], None]
# A command line can name thousands of files; a refusal lists this many and counts the rest.
SHOWN_REFUSALS = 20


@dataclass(frozen=True)
class AddedPhoto:
    sha256: str
    file: str


@dataclass(frozen=True)
class PhotoImport:
    """What an import added, and the files that were already on the case (not added twice);
    of those, ``linked`` were shown with no document or effect and now show the one named."""

    photos: tuple[AddedPhoto, ...] = ()
    duplicates: tuple[str, ...] = ()
    cancelled: bool = False
    linked: tuple[str, ...] = ()


@dataclass(frozen=True)
class PhotoLink:
    """What the photos of one import show, and the document or effect they document."""

    kind: str = PhotoKind.OTHER.value
    caption: str | None = None
    document_id: int | None = None
    effect_id: int | None = None


@dataclass
class StagedPhotos:
    """Files checked and stored as originals, in the order given; their rows not yet written."""

    prepared: list[Prepared] = field(default_factory=list)
    created: set[str] = field(default_factory=set)
    cancelled: bool = False


def photo_link(
    kind: str | None,
    caption: str | None,
    document: int | None = None,
    effect: int | None = None,
) -> PhotoLink:
    return PhotoLink(
        kind=parse_code(PhotoKind, kind or PhotoKind.OTHER.value, "kind").value,
        caption=clean_text(caption, "caption"),
        document_id=_reference(document, "document"),
        effect_id=_reference(effect, "effect"),
    )


def _reference(value: int | str | None, name: str) -> int | None:
    if value in (None, "", 0):
        return None
    return parse_count(value, name, minimum=1, maximum=2**62)


def _source_paths(files: Sequence[Path | str]) -> list[Path]:
    if not files:
        raise InvalidInput("files", "name at least one photo file")
    return [Path(f) for f in files]


def _reason(error: Refusal) -> str:
    return error.reason if isinstance(error, InvalidInput) else str(error)


def _refusal(refused: list[Refused], total: int) -> Refusal:
    """One refusal naming every bad file and its reason (the machine's own problem as it is)."""
    environment = [r.error for r in refused if isinstance(r.error, EnvironmentProblem)]
    if environment:
        return environment[0]
    if len(refused) == 1:
        reason = f"{_reason(refused[0].error)}; nothing was added"
        return InvalidInput("photo", reason, where=str(refused[0].source))
    shown = "; ".join(f"{r.source}: {_reason(r.error)}" for r in refused[:SHOWN_REFUSALS])
    if len(refused) > SHOWN_REFUSALS:
        shown += f"; and {len(refused) - SHOWN_REFUSALS} more"
    return InvalidInput(
        "photo", f"{len(refused)} of {total} files refused, nothing was added: {shown}"
    )


def _ensure_original(store: PhotoStore, item: Prepared) -> None:
    """The original is still in the store; a concurrent import's clean-up may have removed a
    file both attempts stored, so it is stored again from the source, inside the transaction."""
    if store.has(item.stored.sha256):
        return
    again = store.ingest(item.source)
    if again.sha256 != item.stored.sha256:
        raise InvalidInput(
            "photo", "the file changed while it was imported", where=str(item.source)
        )


def _taken_at(value: dt.datetime | None) -> tuple[dt.datetime | None, bool]:
    """The time to store, and whether it is the camera's clock without a zone.

    EXIF gives the camera's wall clock, zoned only if the camera wrote its offset; without one,
    the reading is kept as written (in the UTC column) and flagged as local.
    """
    if value is None:
        return None, False
    if value.tzinfo is not None:
        return value.astimezone(dt.UTC), False
    return value.replace(tzinfo=dt.UTC), True


def _new_file(tx: Tx, item: Prepared, case: Case) -> PhotoFile:
    info = item.info
    taken_at, taken_at_local = _taken_at(info.taken_at)
    photo = PhotoFile(
        sha256=item.stored.sha256,
        size=item.stored.size,
        media_type=info.media_type,
        width=info.width,
        height=info.height,
        taken_at=taken_at,
        taken_at_local=taken_at_local,
        gps_lat=info.gps[0] if info.gps else None,
        gps_lon=info.gps[1] if info.gps else None,
        original_name=clean_text(item.source.name, "file", max_length=500),
        imported_at=tx.now,
        imported_by=tx.user,
    )
    tx.session.add(photo)
    tx.record("photo_file.add", photo, case_number=case.case_number)
    return photo


def check_link_targets(session: Session, case: Case, link: PhotoLink) -> None:
    """The document or effect named belongs to the case."""
    if link.document_id is not None:
        document = session.get(Document, link.document_id)
        if document is None or document.case_id != case.id:
            raise NotFound(f"document on case {case.case_number}", str(link.document_id))
    if link.effect_id is not None:
        effect = session.get(Effect, link.effect_id)
        if effect is None or effect.case_id != case.id:
            raise NotFound(f"effect on case {case.case_number}", str(link.effect_id))


def attach_photos(
    tx: Tx,
    store: PhotoStore,
    case: Case,
    staged: StagedPhotos,
    link: PhotoLink,
    *,
    action: str = "photo.add",
    reason: str | None = None,
) -> PhotoImport:
    """Write the rows for staged photos inside the caller's transaction (which refreshes the
    case's completeness once it has written everything else)."""
    check_link_targets(tx.session, case, link)
    added: list[AddedPhoto] = []
    duplicates: list[str] = []
    linked: list[str] = []
    seen: set[str] = set()
    for item in staged.prepared:
        sha = item.stored.sha256
        file = tx.session.scalars(select(PhotoFile).where(PhotoFile.sha256 == sha)).first()
        on_case = None
        if file is not None:
            on_case = tx.session.scalars(
                select(CasePhoto).where(CasePhoto.case_id == case.id, CasePhoto.photo_id == file.id)
            ).first()
        if sha in seen or on_case is not None:
            duplicates.append(str(item.source))
            if on_case is not None and _link_existing(
                tx, on_case, link, source=item.source, adding=action, reason=reason
            ):
                linked.append(str(item.source))
            seen.add(sha)
            continue
        seen.add(sha)
        _ensure_original(store, item)
        file = file or _new_file(tx, item, case)
        row = CasePhoto(
            case_id=case.id,
            photo_id=file.id,
            kind=link.kind,
            caption=link.caption,
            document_id=link.document_id,
            effect_id=link.effect_id,
            added_at=tx.now,
            added_by=tx.user,
        )
        tx.session.add(row)
        tx.record(action, row, case_number=case.case_number, reason=reason)
        added.append(AddedPhoto(sha, str(item.source)))
    return PhotoImport(tuple(added), tuple(duplicates), linked=tuple(linked))


def _link_existing(
    tx: Tx, row: CasePhoto, link: PhotoLink, *, source: Path, adding: str, reason: str | None
) -> bool:
    """A photo already on the case, given again as showing a document or an effect: linked to
    it when it shows none yet. One that shows another is refused: that change is the photo's
    details' to make, where the link it would lose is in view."""
    wanted = (link.document_id, link.effect_id)
    held = (row.document_id, row.effect_id)
    if wanted in ((None, None), held):
        return False
    case = tx.session.get_one(Case, row.case_id)
    if held != (None, None):
        shown = f"document {held[0]}" if held[0] is not None else f"effect {held[1]}"
        raise InvalidInput(
            "photo",
            f"already on case {case.case_number}, shown with {shown}; "
            "change that in the photo's details",
            where=str(source),
        )
    before = snapshot(row)
    row.document_id, row.effect_id = wanted
    # A correction of a locked case stays one: the action the import was allowed as says which.
    action = "photo.edit.correction" if adding.endswith(".correction") else "photo.edit"
    tx.record(action, row, before=before, case_number=case.case_number, reason=reason)
    return True


class PhotoService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def store(self) -> PhotoStore:
        workspace = self.ctx.workspace
        if workspace.read_only:
            # A sealed case file is never written: its derived images go to the user's folder.
            cache = cache_dir() / "derived" / workspace.info.uid
            return PhotoStore(workspace.path, read_only=True, cache=cache)
        return PhotoStore(workspace.path)

    # -- importing -----------------------------------------------------------------------

    def add(
        self,
        case: str,
        files: Sequence[Path | str],
        *,
        kind: str | None = None,
        caption: str | None = None,
        document: int | None = None,
        effect: int | None = None,
        reason: str | None = None,
        progress: Progress | None = None,
        cancel: CancelFlag | None = None,
    ) -> PhotoImport:
        """Add photos to a case: all of them or none. Cancelled (``cancel`` set before the rows
        are written): nothing is added and ``cancelled`` is True."""
        link = photo_link(kind, caption, document, effect)
        why = clean_text(reason, "reason")
        self.ctx.require(Action.ADD_EVIDENCE)
        self._check_target(case, link, why)
        store = self.store()
        with self.staging(files, progress=progress, cancel=cancel) as staged:
            if staged.cancelled:
                return PhotoImport(cancelled=True)
            with self.ctx.writing(Action.ADD_EVIDENCE) as tx:
                found = load_case(tx.session, case)
                action = edit_action(self.ctx, tx.session, found, "photo.add", why)
                added = attach_photos(tx, store, found, staged, link, action=action, reason=why)
                case_state.refresh(tx.session, found)
                return added

    def _check_target(self, case: str, link: PhotoLink, reason: str | None) -> None:
        """Refuse an unknown case or document, or a locked case, before any file is read."""
        with self.ctx.reading() as session:
            found = load_case(session, case)
            edit_action(self.ctx, session, found, "photo.add", reason)
            check_link_targets(session, found, link)

    @contextlib.contextmanager
    def staging(
        self,
        files: Sequence[Path | str],
        *,
        progress: Progress | None = None,
        cancel: CancelFlag | None = None,
    ) -> Iterator[StagedPhotos]:
        """Check and store the originals of ``files``; if the block fails, remove those that
        no row came to reference. A refused file refuses them all."""
        paths = _source_paths(files)
        staged = self._prepare(paths, progress, cancel)
        if staged.cancelled:
            self._discard(staged.created)
            staged.created.clear()
        try:
            yield staged
        except BaseException:
            self._discard(staged.created)
            raise

    def _prepare(
        self, paths: list[Path], progress: Progress | None, cancel: CancelFlag | None
    ) -> StagedPhotos:
        unique = list(dict.fromkeys(paths))
        by_path: dict[Path, Prepared] = {}
        refused: list[Refused] = []
        created: set[str] = set()
        store = self.store()
        try:
            for result in prepare_photos(unique, store, cancel=cancel, progress=progress):
                if isinstance(result, Refused):
                    refused.append(result)
                    continue
                by_path[result.source] = result
                if not result.stored.already_present:
                    created.add(result.stored.sha256)
        except BaseException:
            self._discard(created)
            raise
        if refused:
            self._discard(created)
            order = {path: i for i, path in enumerate(unique)}
            refused.sort(key=lambda r: order[r.source])
            raise _refusal(refused, len(unique))
        cancelled = len(by_path) < len(unique) or bool(cancel and cancel.is_set())
        prepared = [by_path[p] for p in paths if p in by_path]
        return StagedPhotos(prepared, created, cancelled)

    def _discard(self, shas: set[str]) -> None:
        """Remove originals stored by a failed attempt that no row references. Runs while the
        attempt's own error is on its way out, so its own failure leaves at worst an orphan."""
        if not shas:
            return
        store = self.store()
        with (
            contextlib.suppress(Refusal, OSError, SQLAlchemyError),
            self.ctx.writing(Action.ADD_EVIDENCE) as tx,
        ):
            # Under the write lock, so no other import can commit a row for these meanwhile.
            kept = set(
                tx.session.scalars(select(PhotoFile.sha256).where(PhotoFile.sha256.in_(shas)))
            )
            for sha in sorted(shas - kept):
                store.remove_orphan(sha)

    # -- editing -------------------------------------------------------------------------

    def edit(
        self, case: str, sha256: str, changes: Mapping[str, Any], *, reason: str | None = None
    ) -> PhotoRecord:
        """Change what a photo on a case shows: ``kind``, ``caption``, ``document``, ``effect``;
        "" or None clears the caption, document or effect."""
        unknown = set(changes) - {"kind", "caption", "document", "effect"}
        if unknown:
            raise InvalidInput(sorted(unknown)[0], "is not a field of a photo")
        check_sha256(sha256)
        why = clean_text(reason, "reason")
        with self.ctx.writing(Action.ADD_EVIDENCE) as tx:
            found = load_case(tx.session, case)
            action = edit_action(self.ctx, tx.session, found, "photo.edit", why)
            row, file = self._on_case(tx, found, sha256)
            before = snapshot(row)
            current = photo_link(row.kind, row.caption, row.document_id, row.effect_id)
            link = photo_link(
                changes.get("kind") or current.kind,
                changes.get("caption", current.caption),
                changes.get("document", current.document_id),
                changes.get("effect", current.effect_id),
            )
            check_link_targets(tx.session, found, link)
            row.kind, row.caption = link.kind, link.caption
            row.document_id, row.effect_id = link.document_id, link.effect_id
            if not tx.record(action, row, before=before, case_number=found.case_number, reason=why):
                raise InvalidInput("photo", f"{sha256[:12]}…: nothing to change")
            case_state.refresh(tx.session, found)
            return photo_record(row, file)

    def _on_case(self, tx: Tx, case: Case, sha: str) -> tuple[CasePhoto, PhotoFile]:
        found = tx.session.execute(
            select(CasePhoto, PhotoFile)
            .join(PhotoFile, PhotoFile.id == CasePhoto.photo_id)
            .where(CasePhoto.case_id == case.id, PhotoFile.sha256 == sha)
        ).first()
        if found is None:
            raise NotFound(f"photo on case {case.case_number}", sha)
        return found[0], found[1]

    # -- reading -------------------------------------------------------------------------

    def for_case(self, case: str) -> tuple[PhotoRecord, ...]:
        with self.ctx.reading() as session:
            found = load_case(session, case)
            rows = session.execute(
                select(CasePhoto, PhotoFile)
                .join(PhotoFile, PhotoFile.id == CasePhoto.photo_id)
                .where(CasePhoto.case_id == found.id)
                .order_by(CasePhoto.id)
            ).all()
            return tuple(photo_record(link, file) for link, file in rows)

    def _recorded(self, sha: str) -> str:
        check_sha256(sha)
        with self.ctx.reading() as session:
            if session.scalar(select(PhotoFile.id).where(PhotoFile.sha256 == sha)) is None:
                raise NotFound("photo", sha)
        return sha

    def original_path(self, sha: str) -> Path:
        """The stored original (read-only; open it, never write it)."""
        path = self.store().path_of(self._recorded(sha))
        if not path.is_file():
            raise NotFound("original file of photo", sha)
        return path

    def thumbnail(self, sha: str) -> Path:
        return self.store().thumbnail(self._recorded(sha))

    def preview(self, sha: str) -> Path:
        return self.store().preview(self._recorded(sha))

    def preview_bytes(self, sha: str, max_side: int = PREVIEW_SIDE) -> bytes:
        """Upright, downscaled JPEG bytes, e.g. for a report."""
        if max_side == PREVIEW_SIDE:
            return self.preview(sha).read_bytes()
        return preview_jpeg_bytes(self.original_path(sha), max_side)
