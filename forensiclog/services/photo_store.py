"""The photo store: original files kept byte for byte under their SHA-256, and derived JPEGs."""

from __future__ import annotations

import hashlib
import io
import os
import re
import stat
import tempfile
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from forensiclog.domain.errors import EnvironmentProblem, InvalidInput, NotFound, ReadOnly
from forensiclog.services.images import (
    PREVIEW_SIDE,
    THUMBNAIL_SIDE,
    derive_jpeg,
    open_photo_file,
    write_all,
    write_atomically,
)

CHUNK = 1 << 20
INGEST_PREFIX = ".ingest-"
_SHA256 = re.compile(r"[0-9a-f]{64}")
_FAN = re.compile(r"[0-9a-f]{2}")
_LEFTOVER = re.compile(r"\..+\.tmp")


@dataclass(frozen=True)
class StoredOriginal:
    sha256: str
    size: int
    already_present: bool


def check_sha256(sha: str) -> str:
    """A digest as the store names files; anything else could point outside the store."""
    if not isinstance(sha, str) or not _SHA256.fullmatch(sha):
        reason = "not a SHA-256 digest (64 lowercase hex digits)"
        raise InvalidInput("sha256", reason, where=repr(sha)[:80])
    return sha


def _fsync_folder(folder: Path) -> None:
    """Make a rename or a new entry in ``folder`` survive power loss."""
    if os.name == "nt":
        return  # Windows cannot open a folder to flush it; NTFS journals the rename itself.
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _make_folder(folder: Path) -> None:
    if folder.is_dir():
        return
    _make_folder(folder.parent)
    folder.mkdir(exist_ok=True)
    _fsync_folder(folder.parent)


def _unlink_read_only(path: Path) -> None:
    try:
        path.unlink(missing_ok=True)
    except PermissionError:
        # Windows refuses to delete a read-only file; POSIX only asks about the folder.
        os.chmod(path, stat.S_IWRITE | stat.S_IREAD)
        path.unlink(missing_ok=True)


class PhotoStore:
    """Originals under ``root/photos/ab/abcdef…`` (read-only, never rewritten) and derived
    JPEGs under ``root/derived`` — or, for a read-only store, under the caller's ``cache``.

    The caller writes a photo's database row only after ``ingest`` has returned, so a crash
    leaves at worst an orphan file (see ``iter_originals``) and never a row without its file.
    """

    thumbnail_quality = 85
    preview_quality = 80

    def __init__(self, root: Path, *, read_only: bool = False, cache: Path | None = None) -> None:
        self.root = root
        self.read_only = read_only
        self.photos_dir = root / "photos"
        self.derived_dir = cache if read_only else (cache or root / "derived")
        # Serialises the check-then-rename step, so two threads storing the same bytes
        # agree on which of them stored it.
        self._placing = threading.Lock()

    # -- originals -------------------------------------------------------------------------

    def path_of(self, sha: str) -> Path:
        check_sha256(sha)
        return self.photos_dir / sha[:2] / sha

    def has(self, sha: str) -> bool:
        return self.path_of(sha).is_file()

    def open_original(self, sha: str) -> BinaryIO:
        try:
            return self.path_of(sha).open("rb")
        except FileNotFoundError as e:
            raise NotFound("photo", sha) from e

    def ingest(self, source: Path) -> StoredOriginal:
        """Store a copy of ``source``, streamed once; an original already present is kept as is."""
        self._refuse_if_read_only()
        with open_photo_file(source) as stream:
            return self.ingest_stream(stream, source.name)

    def ingest_bytes(self, data: bytes, label: str = "photo") -> StoredOriginal:
        return self.ingest_stream(io.BytesIO(data), label)

    def ingest_stream(self, stream: BinaryIO, label: str) -> StoredOriginal:
        """Store what ``stream`` holds from its current position; ``label`` names it in errors."""
        self._refuse_if_read_only()
        tmp: Path | None = None
        try:
            _make_folder(self.photos_dir)
            fd, name = tempfile.mkstemp(prefix=INGEST_PREFIX, suffix=".tmp", dir=self.photos_dir)
            tmp = Path(name)
            try:
                sha, size = _copy_hashing(stream, fd, label)
                if not self.has(sha):
                    os.fsync(fd)
            finally:
                os.close(fd)
            return self._settle(tmp, sha, size)
        except OSError as e:
            raise EnvironmentProblem(
                f"cannot store photo {label} in {self.photos_dir}: {e.strerror or e}",
                file=label,
                folder=str(self.photos_dir),
                reason=str(e),
            ) from e
        finally:
            if tmp is not None:
                _unlink_read_only(tmp)

    def _settle(self, tmp: Path, sha: str, size: int) -> StoredOriginal:
        """Rename the flushed temporary file into place unless the original is already there."""
        dest = self.path_of(sha)
        with self._placing:
            if dest.exists():
                return StoredOriginal(sha, size, already_present=True)
            _make_folder(dest.parent)
            os.chmod(tmp, stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)
            try:
                os.replace(tmp, dest)
            except PermissionError:
                # Another process placed it first (Windows will not replace a read-only file).
                if dest.exists():
                    return StoredOriginal(sha, size, already_present=True)
                raise
        _fsync_folder(dest.parent)
        return StoredOriginal(sha, size, already_present=False)

    def verify(self, sha: str) -> bool:
        """Whether the stored original is present and still hashes to its name."""
        path = self.path_of(sha)
        try:
            with path.open("rb") as stream:
                return _copy_hashing(stream, None, sha)[0] == sha
        except (OSError, InvalidInput):
            return False

    def iter_originals(self) -> Iterator[str]:
        """The SHA-256 of every stored original, for finding files that no row refers to."""
        for fan in _scan(self.photos_dir):
            if fan.is_dir() and _FAN.fullmatch(fan.name):
                for entry in _scan(Path(fan.path)):
                    if _SHA256.fullmatch(entry.name) and entry.name.startswith(fan.name):
                        yield entry.name

    def remove_orphan(self, sha: str) -> None:
        """Delete an original that no database row refers to (the caller has checked), and
        whatever was derived from it."""
        self._refuse_if_read_only()
        path = self.path_of(sha)
        try:
            _unlink_read_only(path)
            if path.parent.is_dir():
                _fsync_folder(path.parent)
            for derived in self._derived_paths(sha):
                derived.unlink(missing_ok=True)
        except OSError as e:
            reason = e.strerror or str(e)
            raise EnvironmentProblem(f"cannot remove {path}: {reason}", file=str(path)) from e

    def iter_leftovers(self) -> Iterator[Path]:
        """Temporary files left by a crash mid-write; meaningful only while nothing is importing."""
        folders = [self.photos_dir]
        if self.derived_dir is not None:
            folders += [Path(f.path) for f in _scan(self.derived_dir) if _FAN.fullmatch(f.name)]
        for folder in folders:
            for entry in _scan(folder):
                if _LEFTOVER.fullmatch(entry.name) and entry.is_file():
                    yield Path(entry.path)

    def remove_leftover(self, path: Path) -> None:
        self._refuse_if_read_only()
        if path not in set(self.iter_leftovers()):
            raise NotFound("leftover temporary file", str(path))
        path.unlink(missing_ok=True)

    # -- derived images --------------------------------------------------------------------

    def thumbnail(self, sha: str) -> Path:
        """A 256-pixel JPEG of the original, made on first use."""
        return self._derived(sha, THUMBNAIL_SIDE, self.thumbnail_quality)

    def preview(self, sha: str) -> Path:
        """A 1600-pixel JPEG of the original, for reports and viewing large."""
        return self._derived(sha, PREVIEW_SIDE, self.preview_quality)

    def save_thumbnail(self, sha: str, jpeg: bytes) -> Path:
        """Keep a thumbnail made while the photo was imported, so it need not be decoded again."""
        dest = self._derived_path(sha, THUMBNAIL_SIDE)
        if not _usable(dest):
            write_atomically(dest, jpeg)
        return dest

    def _derived(self, sha: str, side: int, quality: int) -> Path:
        dest = self._derived_path(sha, side)
        if not _usable(dest):
            original = self.path_of(sha)
            if not original.is_file():
                raise NotFound("photo", sha)
            derive_jpeg(original, dest, side, quality)
        return dest

    def _derived_path(self, sha: str, side: int) -> Path:
        check_sha256(sha)
        if self.derived_dir is None:
            raise ReadOnly(f"the photo store at {self.root} (no cache folder given for thumbnails)")
        return self.derived_dir / sha[:2] / f"{sha}-{side}.jpg"

    def _derived_paths(self, sha: str) -> list[Path]:
        if self.derived_dir is None:
            return []
        return [self._derived_path(sha, side) for side in (THUMBNAIL_SIDE, PREVIEW_SIDE)]

    def _refuse_if_read_only(self) -> None:
        if self.read_only:
            raise ReadOnly(f"the photo store at {self.root}")


def _copy_hashing(stream: BinaryIO, fd: int | None, label: str) -> tuple[str, int]:
    """Hash ``stream`` to its end, copying it to ``fd`` on the way if one is given."""
    digest = hashlib.sha256()
    size = 0
    while True:
        try:
            chunk = stream.read(CHUNK)
        except OSError as e:
            raise InvalidInput("photo", f"cannot be read ({e.strerror or e})", where=label) from e
        if not chunk:
            return digest.hexdigest(), size
        digest.update(chunk)
        if fd is not None:
            write_all(fd, chunk)
        size += len(chunk)


def _scan(folder: Path) -> list[os.DirEntry[str]]:
    try:
        with os.scandir(folder) as entries:
            return sorted(entries, key=lambda e: e.name)
    except FileNotFoundError:
        return []


def _usable(derived: Path) -> bool:
    # A zero-length file is what a crash can leave of a fresh rename on some file systems.
    try:
        return derived.stat().st_size > 0
    except FileNotFoundError:
        return False
