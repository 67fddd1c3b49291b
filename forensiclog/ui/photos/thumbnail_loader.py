"""Thumbnails read off the GUI thread, newest request first, a few at a time, kept in memory.

A grid asks only for the thumbnails it paints, so scrolling through thousands of photos
loads the ones on screen. Requests wait on a stack: after a fast scroll the photos now in
view load first, and the oldest waiting requests are dropped beyond a bound.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from functools import partial
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QImage

from forensiclog.ui.tasks import JobState, TaskFailure, TaskRunner

THUMBNAIL_SIDE = 160
IN_FLIGHT = 2  # the read pool has two threads; leave them free for other reads in between
WAITING = 96
KEPT = 400  # ~160×120×4 bytes each: ~30 MB at most


def load_thumbnail(path: Path, side: int) -> QImage:
    """The thumbnail file scaled for the grid; QImage may be made off the GUI thread."""
    image = QImage(str(path))
    if image.isNull():
        return image
    return image.scaled(
        side, side, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
    )


class ThumbnailLoader(QObject):
    thumbnail_loaded = Signal(str)  # the SHA-256 whose image is now in memory
    thumbnail_failed = Signal(str)

    def __init__(
        self,
        runner: TaskRunner,
        thumbnail_path: Callable[[str], Path],
        parent: QObject | None = None,
        side: int = THUMBNAIL_SIDE,
    ) -> None:
        super().__init__(parent)
        self.runner = runner
        self.thumbnail_path = thumbnail_path
        self.side = side
        self._images: OrderedDict[str, QImage] = OrderedDict()
        self._waiting: list[str] = []
        self._in_flight: set[str] = set()
        self._failed: set[str] = set()

    def image(self, sha: str) -> QImage | None:
        image = self._images.get(sha)
        if image is not None:
            self._images.move_to_end(sha)
        return image

    def has_failed(self, sha: str) -> bool:
        return sha in self._failed

    def request(self, sha: str) -> None:
        if sha in self._images or sha in self._in_flight or sha in self._failed:
            return
        if sha in self._waiting:
            self._waiting.remove(sha)
        self._waiting.append(sha)
        del self._waiting[:-WAITING]
        self._pump()

    @property
    def pending(self) -> int:
        return len(self._waiting) + len(self._in_flight)

    def _pump(self) -> None:
        while self._waiting and len(self._in_flight) < IN_FLIGHT:
            sha = self._waiting.pop()
            self._in_flight.add(sha)
            task = self.runner.read(
                self._job(sha),
                name="thumbnail",
                on_finished=partial(self._on_loaded, sha),
                on_failed=partial(self._on_failed, sha),
            )
            task.signals.cancelled.connect(partial(self._in_flight.discard, sha))

    def _job(self, sha: str) -> Callable[[JobState], QImage]:
        path_of, side = self.thumbnail_path, self.side
        return lambda state: load_thumbnail(path_of(sha), side)

    def _on_loaded(self, sha: str, image: QImage) -> None:
        self._in_flight.discard(sha)
        if image.isNull():
            self._failed.add(sha)
            self.thumbnail_failed.emit(sha)
        else:
            self._images[sha] = image
            while len(self._images) > KEPT:
                self._images.popitem(last=False)
            self.thumbnail_loaded.emit(sha)
        self._pump()

    def _on_failed(self, sha: str, _failure: TaskFailure) -> None:
        self._in_flight.discard(sha)
        self._failed.add(sha)
        self.thumbnail_failed.emit(sha)
        self._pump()
