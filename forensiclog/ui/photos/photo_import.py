"""Importing many photos into a case: good files added, refused ones listed with their reason.

The photo service adds all files of one call or none. To add the good files of a drop and
name each refused one, the files go in batches: a batch that is accepted is added whole (on
both cores, one transaction); a batch that is refused is tried again file by file, so every
good file of it is added and every bad one is named with the service's own reason. A problem
of the machine (disk full, store not writable) stops the import instead: it would refuse
every file that follows. Plain Python, run by the task runner off the GUI thread.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from forensiclog.domain.errors import EnvironmentProblem, InvalidInput, Refusal
from forensiclog.services.build import Services
from forensiclog.services.photos import PhotoImport
from forensiclog.ui.tasks import JobState

BATCH = 16
# What a folder is searched for; a file dropped by itself is always tried (and may be refused).
PHOTO_SUFFIXES = frozenset(
    {".jpg", ".jpeg", ".jpe", ".png", ".tif", ".tiff", ".webp", ".gif", ".heic", ".heif"}
)
_NOTHING_ADDED = "; nothing was added"


@dataclass(frozen=True)
class RefusedFile:
    path: Path
    reason: str


@dataclass(frozen=True)
class ImportRequest:
    case_number: str
    dropped: tuple[Path, ...]  # files and folders, as the user gave them
    kind: str = "other"
    caption: str | None = None
    document: int | None = None
    effect: int | None = None
    reason: str | None = None  # a correction's reason, on a locked case


@dataclass
class ImportOutcome:
    added: list[str] = field(default_factory=list)  # SHA-256 of each photo added
    duplicates: list[Path] = field(default_factory=list)
    refused: list[RefusedFile] = field(default_factory=list)
    cancelled: bool = False
    stopped_by: Refusal | None = None  # the machine's problem that ended the import early
    total: int = 0


class StopFlag:
    """The import's own cancel: set from the GUI, read by the job and the photo service.

    Not the task's cancel: a cancelled task delivers no result, but the photos added before
    the user pressed Cancel are committed and the user must be told which they were.
    """

    def __init__(self, state: JobState | None = None) -> None:
        self._stop = threading.Event()
        self.state = state

    def set(self) -> None:
        self._stop.set()

    def is_set(self) -> bool:
        return self._stop.is_set() or bool(self.state and self.state.cancelled)


def collect_files(dropped: Iterable[Path]) -> list[Path]:
    """The files named, and the photo files inside the folders named (recursively, in name
    order, hidden ones skipped), each once."""
    found: list[Path] = []
    for path in dropped:
        if path.is_dir():
            found += _photos_in(path)
        else:
            found.append(path)
    return list(dict.fromkeys(found))


def _photos_in(folder: Path) -> list[Path]:
    found: list[Path] = []
    for root, folders, files in os.walk(folder):
        folders[:] = sorted(name for name in folders if not name.startswith("."))
        for name in sorted(files):
            if not name.startswith(".") and Path(name).suffix.lower() in PHOTO_SUFFIXES:
                found.append(Path(root) / name)
    return found


def batches(files: Sequence[Path], size: int = BATCH) -> list[Sequence[Path]]:
    return [files[i : i + size] for i in range(0, len(files), size)]


def import_photos(
    services: Services, request: ImportRequest, state: JobState, stop: StopFlag
) -> ImportOutcome:
    """Add the photos of ``request`` in batches (see the module's docstring)."""
    files = collect_files(request.dropped)  # a folder on a slow drive: not on the GUI thread
    stop.state = state
    run = _ImportRun(services, request, state, stop, ImportOutcome(total=len(files)))
    state.progress(0, len(files))
    for batch in batches(files):
        if stop.is_set():
            run.outcome.cancelled = True
            break
        if not run.batch(batch):
            break
    return run.outcome


class _ImportRun:
    """One import under way: what it adds to, and how far it has come."""

    def __init__(
        self,
        services: Services,
        request: ImportRequest,
        state: JobState,
        stop: StopFlag,
        outcome: ImportOutcome,
    ) -> None:
        self.services = services
        self.request = request
        self.state = state
        self.stop = stop
        self.outcome = outcome
        self.done = 0

    def batch(self, files: Sequence[Path]) -> bool:
        """Add one batch; False when the machine's problem ends the import."""
        try:
            self._add(files)
        except EnvironmentProblem as problem:
            self.outcome.stopped_by = problem
            return False
        except InvalidInput as refusal:
            if refusal.field != "photo":
                raise  # the case, the document or the lock refused: no file can go in
            self._one_by_one(files)
        self.done += len(files)
        self.state.progress(self.done, self.outcome.total)
        return True

    def _add(self, files: Sequence[Path], offset: int = 0) -> None:
        request, outcome, start = self.request, self.outcome, self.done + offset
        result: PhotoImport = self.services.photos.add(
            request.case_number,
            list(files),
            kind=request.kind,
            caption=request.caption,
            document=request.document,
            effect=request.effect,
            reason=request.reason,
            progress=lambda n, _total: self.state.progress(start + n, outcome.total),
            cancel=self.stop,
        )
        outcome.cancelled = outcome.cancelled or result.cancelled
        outcome.added += [photo.sha256 for photo in result.photos]
        outcome.duplicates += [Path(name) for name in result.duplicates]

    def _one_by_one(self, files: Sequence[Path]) -> None:
        for offset, path in enumerate(files):
            if self.stop.is_set():
                self.outcome.cancelled = True
                return
            try:
                self._add([path], offset)
            except InvalidInput as refusal:
                if refusal.field != "photo":
                    raise
                self.outcome.refused.append(RefusedFile(path, _file_reason(refusal)))


def _file_reason(refusal: InvalidInput) -> str:
    reason = refusal.reason
    return reason[: -len(_NOTHING_ADDED)] if reason.endswith(_NOTHING_ADDED) else reason
