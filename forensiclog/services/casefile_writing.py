"""Writing a case file's archive: photos and the database as members, the manifest listing
them, its signature; and the whole file's SHA-256, computed on a second thread as it is written."""

from __future__ import annotations

import hashlib
import os
import queue
import threading
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType

from forensiclog.domain.casefile_manifest import (
    DATABASE_MEMBER,
    MANIFEST_MEMBER,
    SIGNATURE_MEMBER,
    Manifest,
    Member,
    photo_member,
)
from forensiclog.domain.errors import VerificationFailed
from forensiclog.services.casefile_layout import CHUNK, DEFLATED, STORED
from forensiclog.services.casefile_zip import ArchiveWriter
from forensiclog.services.photo_store import PhotoStore
from forensiclog.services.signing import Signer

# Photos up to this size are read whole: one read, then hashed and written from memory.
_WHOLE = 16 << 20
# Deflate level 1: a database of history text and hashes shrinks almost as much as at 6,
# several times faster.
_LEVEL = 1


class RunningHash:
    """SHA-256 of a byte stream fed in order, computed on its own thread."""

    def __init__(self) -> None:
        self._queue: queue.Queue[bytes | None] = queue.Queue(maxsize=256)
        self._digest = hashlib.sha256()
        self._thread = threading.Thread(target=self._run, name="casefile-hash", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while (item := self._queue.get()) is not None:
            self._digest.update(item)

    def feed(self, data: bytes) -> None:
        self._queue.put(data)

    def hexdigest(self) -> str:
        self._stop()
        return self._digest.hexdigest()

    def _stop(self) -> None:
        if self._thread.is_alive():
            self._queue.put(None)
            self._thread.join()

    def __enter__(self) -> RunningHash:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self._stop()


def _file_chunks(path: Path) -> Iterator[bytes]:
    with path.open("rb") as source:
        while chunk := source.read(CHUNK):
            yield chunk


def _digests(path: Path) -> tuple[str, int, int]:
    digest, crc, size = hashlib.sha256(), 0, 0
    for chunk in _file_chunks(path):
        digest.update(chunk)
        crc = zlib.crc32(chunk, crc)
        size += len(chunk)
    return digest.hexdigest(), crc, size


def _read_whole(path: Path) -> bytes | None:
    """The file's bytes if it is small enough to hold whole, else None (one open, no stat)."""
    descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0))
    try:
        size = os.fstat(descriptor).st_size
        if size > _WHOLE:
            return None
        data = os.read(descriptor, size + 1)
        while len(data) < size:
            more = os.read(descriptor, size - len(data))
            if not more:
                break
            data += more
        return data
    finally:
        os.close(descriptor)


def add_photo(writer: ArchiveWriter, store: PhotoStore, sha: str) -> Member:
    """Copy one original into the archive, checking on the way that it still has its hash."""
    path = store.path_of(sha)
    try:
        data = _read_whole(path)
        if data is not None:
            digest, crc, size = hashlib.sha256(data).hexdigest(), zlib.crc32(data), len(data)
        else:
            digest, crc, size = _digests(path)
    except FileNotFoundError:
        raise VerificationFailed(
            f"photo {sha}: the original is missing from the workspace; run check"
        ) from None
    if digest != sha:
        raise VerificationFailed(f"photo {sha}: the original no longer matches its hash; run check")
    name = photo_member(sha)
    if data is not None:
        writer.add_whole(name, data, crc)
    else:
        writer.add(name, _file_chunks(path), method=STORED, crc32=crc, size=size, compressed=size)
    return Member(name, size, sha, crc)


@dataclass(frozen=True)
class Deflated:
    """The database deflated beside itself, with what its member's header and manifest line say."""

    path: Path
    member: Member


def deflate_database(database: Path) -> Deflated:
    """Deflate the database before it is placed: its header must know the compressed size.
    (zlib lets go of the interpreter, so this runs beside the photo copy.)"""
    deflated = database.with_name(f"{database.name}.deflated")
    compressor = zlib.compressobj(_LEVEL, zlib.DEFLATED, -15)
    digest, stored, crc, size = hashlib.sha256(), hashlib.sha256(), 0, 0
    with deflated.open("wb") as out:
        for chunk in _file_chunks(database):
            digest.update(chunk)
            crc = zlib.crc32(chunk, crc)
            size += len(chunk)
            packed = compressor.compress(chunk)
            stored.update(packed)
            out.write(packed)
        packed = compressor.flush()
        stored.update(packed)
        out.write(packed)
    compressed = deflated.stat().st_size
    member = Member(DATABASE_MEMBER, size, digest.hexdigest(), crc, compressed, stored.hexdigest())
    return Deflated(deflated, member)


def add_database(writer: ArchiveWriter, deflated: Deflated) -> Member:
    member = deflated.member
    assert member.stored_size is not None
    writer.add(
        DATABASE_MEMBER,
        _file_chunks(deflated.path),
        method=DEFLATED,
        crc32=member.crc32,
        size=member.size,
        compressed=member.stored_size,
    )
    return member


def add_bytes(writer: ArchiveWriter, name: str, data: bytes) -> None:
    crc = zlib.crc32(data)
    writer.add(name, iter([data]), method=STORED, crc32=crc, size=len(data), compressed=len(data))


def write_archive(
    target: Path,
    *,
    photos: list[str],
    store: PhotoStore,
    database: Callable[[], Deflated],
    manifest_for: Callable[[list[Member]], Manifest],
    signer: Signer,
) -> str:
    """Write the archive to ``target`` (a new file) and flush it to the disk; its SHA-256.

    The photos go first; ``database`` gives the deflated database once it is built (it may
    be built on another thread meanwhile)."""
    with target.open("xb") as handle, RunningHash() as file_hash:
        writer = ArchiveWriter(handle, file_hash.feed)
        members = [add_photo(writer, store, sha) for sha in photos]
        members.append(add_database(writer, database()))
        manifest = manifest_for(members).to_bytes()
        add_bytes(writer, MANIFEST_MEMBER, manifest)
        add_bytes(writer, SIGNATURE_MEMBER, bytes.fromhex(signer.sign(manifest)))
        writer.finish()
        handle.flush()
        os.fsync(handle.fileno())
        return file_hash.hexdigest()
