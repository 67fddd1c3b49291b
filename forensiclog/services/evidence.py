"""Adding an item found on a body (a document, an effect) together with its photos.

The photos' originals are checked and stored before the transaction opens (a refused file
refuses the whole addition); the item, its photos' rows and their history are then written in
one transaction, and the originals no row came to reference are removed if it fails.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from forensiclog.db.models import Case
from forensiclog.domain.roles import Action
from forensiclog.domain.vocabulary import PhotoKind
from forensiclog.services.case_lookup import edit_action, load_case
from forensiclog.services.history import Tx
from forensiclog.services.photos import (
    PhotoImport,
    PhotoService,
    StagedPhotos,
    attach_photos,
    photo_link,
)


@dataclass(frozen=True)
class EvidenceAddition:
    """The open transaction of one addition: its case and the history action it records."""

    tx: Tx
    case: Case
    verb: str
    action: str
    reason: str | None
    photos: PhotoService
    staged: StagedPhotos | None

    def attach_photos(self, kind: PhotoKind, *, document: int | None = None,
                      effect: int | None = None) -> PhotoImport:  # fmt: skip
        """Link the staged photos to the new item, under the same action (and correction)."""
        if self.staged is None:
            return PhotoImport()
        link = photo_link(kind.value, None, document, effect)
        action = "photo.add" + self.action.removeprefix(self.verb)
        return attach_photos(
            self.tx, self.photos.store(), self.case, self.staged, link,
            action=action, reason=self.reason,
        )  # fmt: skip


@contextlib.contextmanager
def adding_evidence(
    photos: PhotoService,
    case: str,
    verb: str,
    reason: str | None,
    files: Sequence[Path | str],
) -> Iterator[EvidenceAddition]:
    """The transaction that adds an item recorded as ``verb`` to ``case``, with ``files``.

    Permission and the case's lock are checked before any photo is read, and again inside the
    transaction, where they count.
    """
    ctx = photos.ctx
    ctx.require(Action.ADD_EVIDENCE)
    with ctx.reading() as session:
        edit_action(ctx, session, load_case(session, case), verb, reason)
    staging: contextlib.AbstractContextManager[StagedPhotos | None] = (
        photos.staging(files) if files else contextlib.nullcontext()
    )
    with staging as staged, ctx.writing(Action.ADD_EVIDENCE) as tx:
        found = load_case(tx.session, case)
        action = edit_action(ctx, tx.session, found, verb, reason)
        yield EvidenceAddition(tx, found, verb, action, reason, photos, staged)
