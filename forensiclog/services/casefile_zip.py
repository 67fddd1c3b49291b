"""Writing and reading the members of a case file's archive (its layout: casefile_layout)."""

from __future__ import annotations

import os
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO

from forensiclog.services.casefile_layout import (
    CHUNK,
    DEFLATED,
    STORED,
    Entry,
    central_header,
    end_records,
    local_header,
    read_at,
)


class ArchiveWriter:
    """Writes members one after the other, never seeking back; ``emit`` sees every byte written,
    in order (the caller hashes the whole file with it)."""

    def __init__(self, handle: BinaryIO, emit: Callable[[bytes], None] | None = None) -> None:
        self._handle = handle
        self._emit = emit
        self._offset = 0
        self.entries: list[Entry] = []

    def _write(self, data: bytes) -> None:
        self._handle.write(data)
        if self._emit is not None:
            self._emit(data)
        self._offset += len(data)

    def add(
        self,
        name: str,
        body: Iterator[bytes],
        *,
        method: int,
        crc32: int,
        size: int,
        compressed: int,
    ) -> Entry:
        """A member whose CRC-32 and sizes are known; ``body`` yields its stored bytes."""
        entry = Entry(name, method, crc32, compressed, size, self._offset)
        self._write(local_header(entry))
        written = 0
        for chunk in body:
            written += len(chunk)
            self._write(chunk)
        if written != compressed:
            raise OSError(f"{name}: {written} bytes written where {compressed} were announced")
        self.entries.append(entry)
        return entry

    def add_whole(self, name: str, data: bytes, crc32: int) -> Entry:
        """A stored member held in memory, written with its header in one piece."""
        entry = Entry(name, STORED, crc32, len(data), len(data), self._offset)
        self._write(local_header(entry) + data)
        self.entries.append(entry)
        return entry

    def finish(self) -> None:
        start = self._offset
        for entry in self.entries:
            self._write(central_header(entry))
        self._write(end_records(len(self.entries), start, self._offset - start))


class SizeExceeded(Exception):
    """A member produced more bytes than it declared (a ZIP bomb, or damage)."""


def member_chunks(
    source: Path | int, entry: Entry, stored: Callable[[bytes], None] | None = None
) -> Iterator[bytes]:
    """The member's content, inflated if deflated, never more than its declared size;
    ``stored`` sees the bytes as they lie in the file. ``source`` is the archive's path, or
    a descriptor open on it (kept open: opening costs more than reading a small photo)."""
    fd = source if isinstance(source, int) else os.open(source, os.O_RDONLY)
    try:
        inflater = zlib.decompressobj(-15) if entry.method == DEFLATED else None
        produced, position, stop = 0, entry.data_offset, entry.end
        while position < stop:
            raw = read_at(fd, min(CHUNK, stop - position), position)
            if not raw:
                raise SizeExceeded("the file ends inside this member")
            position += len(raw)
            if stored is not None:
                stored(raw)
            data = raw if inflater is None else _inflate(inflater, raw, entry.size - produced)
            produced += len(data)
            yield data
        if inflater is not None and (not inflater.eof or inflater.unused_data):
            raise SizeExceeded("its compressed data is damaged")
        if produced != entry.size:
            raise SizeExceeded(f"it holds {produced} bytes, not the {entry.size} it declares")
    finally:
        if not isinstance(source, int):
            os.close(fd)


def _inflate(inflater: zlib._Decompress, raw: bytes, room: int) -> bytes:
    try:
        data = inflater.decompress(raw, room + 1)
    except zlib.error:
        raise SizeExceeded("its compressed data is damaged") from None
    if len(data) > room:
        raise SizeExceeded("it inflates to more than its declared size (a ZIP bomb)")
    return data


class MemberStream:
    """A member's content as a readable stream (for the photo store to copy from)."""

    def __init__(self, source: Path | int, entry: Entry) -> None:
        self._chunks = member_chunks(source, entry)
        self._buffer = b""

    def read(self, size: int = -1) -> bytes:
        while size < 0 or len(self._buffer) < size:
            chunk = next(self._chunks, None)
            if chunk is None:
                break
            self._buffer += chunk
        if size < 0:
            data, self._buffer = self._buffer, b""
        else:
            data, self._buffer = self._buffer[:size], self._buffer[size:]
        return data
