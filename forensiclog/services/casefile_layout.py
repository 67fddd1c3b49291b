"""The case file's container layout: a ZIP in one canonical form, every header byte a function
of the member's name, method, CRC-32, sizes and offset, members back to back from offset 0; and
reading an archive against it.

Rendering what each header must be and comparing finds a change to any byte outside member
data; the manifest's SHA-256 finds one inside. Standard tools (unzip, Python's zipfile) read it.
"""

from __future__ import annotations

import errno
import os
import stat
import struct
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

STORED, DEFLATED = 0, 8
_LOCAL, _CENTRAL = b"PK\x03\x04", b"PK\x01\x02"
_END, _END64, _LOCATOR = b"PK\x05\x06", b"PK\x06\x06", b"PK\x06\x07"
_LOCAL_FORMAT = "<4sHHHHHIIIHH"
_CENTRAL_FORMAT = "<4sHHHHHHIIIHHHHHII"
_END_FORMAT = "<4sHHHHIIH"
_END64_FORMAT = "<4sQHHIIQQQQ"
_LOCATOR_FORMAT = "<4sIQI"
_LOCAL_SIZE = struct.calcsize(_LOCAL_FORMAT)
_CENTRAL_SIZE = struct.calcsize(_CENTRAL_FORMAT)
_END_SIZE = struct.calcsize(_END_FORMAT)
_END64_SIZE = struct.calcsize(_END64_FORMAT)
_LOCATOR_SIZE = struct.calcsize(_LOCATOR_FORMAT)
_V20, _V45, _UNIX = 20, 45, 3
_UTF8_NAMES = 0x0800
# 1980-01-01 00:00: members carry no time of their own; the manifest holds the export time.
_DOS_TIME, _DOS_DATE = 0, (0 << 9) | (1 << 5) | 1
_MODE = stat.S_IFREG | 0o444
_LIMIT32, _LIMIT16 = 0xFFFFFFFF, 0xFFFF
# Whether a member's local header takes ZIP64 sizes is decided from its uncompressed size
# before it is compressed; the margin covers deflate's worst-case growth.
_ZIP64_FROM = _LIMIT32 - (64 << 20)
CHUNK = 1 << 20


if hasattr(os, "pread"):
    read_at = os.pread
else:  # Windows has no pread: one position per descriptor, so seek and read under a lock.
    _POSITION = threading.Lock()

    def read_at(fd: int, size: int, offset: int) -> bytes:
        with _POSITION:
            os.lseek(fd, offset, os.SEEK_SET)
            return os.read(fd, size)


class StructureError(Exception):
    """The archive cannot be read as a case file at all; the message says where and why."""


@dataclass(frozen=True)
class Entry:
    """One member as the central directory describes it."""

    name: str
    method: int
    crc32: int
    compressed: int
    size: int
    offset: int
    mode: int = _MODE
    flags: int = _UTF8_NAMES

    @property
    def local_size(self) -> int:
        return len(local_header(self))

    @property
    def data_offset(self) -> int:
        return self.offset + self.local_size

    @property
    def end(self) -> int:
        return self.data_offset + self.compressed


def _zip64_sizes(size: int) -> bool:
    return size >= _ZIP64_FROM


def local_header(entry: Entry) -> bytes:
    name = entry.name.encode("utf-8")
    big = _zip64_sizes(entry.size)
    extra = struct.pack("<HHQQ", 1, 16, entry.size, entry.compressed) if big else b""
    head = struct.pack(
        _LOCAL_FORMAT,
        _LOCAL,
        _V45 if big else _V20,
        _UTF8_NAMES,
        entry.method,
        _DOS_TIME,
        _DOS_DATE,
        entry.crc32,
        _LIMIT32 if big else entry.compressed,
        _LIMIT32 if big else entry.size,
        len(name),
        len(extra),
    )
    return head + name + extra


def central_header(entry: Entry) -> bytes:
    name = entry.name.encode("utf-8")
    big, far = _zip64_sizes(entry.size), entry.offset >= _LIMIT32
    values = ([entry.size, entry.compressed] if big else []) + ([entry.offset] if far else [])
    extra = struct.pack(f"<HH{len(values)}Q", 1, 8 * len(values), *values) if values else b""
    version = _V45 if values else _V20
    head = struct.pack(
        _CENTRAL_FORMAT,
        _CENTRAL,
        (_UNIX << 8) | version,
        version,
        _UTF8_NAMES,
        entry.method,
        _DOS_TIME,
        _DOS_DATE,
        entry.crc32,
        _LIMIT32 if big else entry.compressed,
        _LIMIT32 if big else entry.size,
        len(name),
        len(extra),
        0,
        0,
        0,
        _MODE << 16,
        _LIMIT32 if far else entry.offset,
    )
    return head + name + extra


def end_records(count: int, directory_offset: int, directory_size: int) -> bytes:
    """The end of central directory record, preceded by the ZIP64 ones when they are needed."""
    wide = count >= _LIMIT16 or directory_offset >= _LIMIT32 or directory_size >= _LIMIT32
    tail = b""
    if wide:
        made_by = (_UNIX << 8) | _V45
        end64 = struct.pack(
            _END64_FORMAT, _END64, 44, made_by, _V45, 0, 0, count, count, directory_size,
            directory_offset,
        )  # fmt: skip
        locator = struct.pack(_LOCATOR_FORMAT, _LOCATOR, 0, directory_offset + directory_size, 1)
        tail = end64 + locator
    end = struct.pack(
        _END_FORMAT,
        _END,
        0,
        0,
        min(count, _LIMIT16),
        min(count, _LIMIT16),
        min(directory_size, _LIMIT32),
        min(directory_offset, _LIMIT32),
        0,
    )
    return tail + end


@dataclass(frozen=True)
class Finding:
    """Something wrong with one member: a trap (never to be extracted) or damage."""

    member: str
    what: str
    trap: bool


@dataclass(frozen=True)
class Layout:
    """What the reader found: the members in file order, and what is wrong with them."""

    entries: tuple[Entry, ...]
    findings: tuple[Finding, ...]


def _read_at(fd: int, offset: int, size: int) -> bytes:
    data = read_at(fd, size, offset)
    if len(data) != size:
        raise StructureError("the file ends early: it was cut short")
    return data


def _directory_bounds(fd: int, size: int) -> tuple[int, int, int, int]:
    """Count, offset and size of the central directory, and where the end records start."""
    if size < _END_SIZE:
        raise StructureError("too short to be a case file")
    end = _read_at(fd, size - _END_SIZE, _END_SIZE)
    sig, _, _, _, count, dir_size, dir_offset, comment = struct.unpack(_END_FORMAT, end)
    if sig != _END or comment:
        raise StructureError(
            "its ZIP end record is missing or damaged, or bytes were added after it"
        )
    tail_start = size - _END_SIZE
    if count == _LIMIT16 or _LIMIT32 in (dir_size, dir_offset):
        if size < _END_SIZE + _LOCATOR_SIZE + _END64_SIZE:
            raise StructureError("its ZIP64 end records are missing")
        tail_start = size - _END_SIZE - _LOCATOR_SIZE - _END64_SIZE
        end64 = struct.unpack(_END64_FORMAT, _read_at(fd, tail_start, _END64_SIZE))
        if end64[0] != _END64:
            raise StructureError("its ZIP64 end record is missing or damaged")
        count, dir_size, dir_offset = end64[7], end64[8], end64[9]
    if dir_offset + dir_size != tail_start:
        raise StructureError("its central directory is not where its end record says")
    if _read_at(fd, tail_start, size - tail_start) != end_records(count, dir_offset, dir_size):
        raise StructureError("its ZIP end records are damaged")
    return count, dir_offset, dir_size, tail_start


def _zip64_values(extra: bytes, wanted: int) -> list[int]:
    if len(extra) < 4:
        return []
    tag, length = struct.unpack("<HH", extra[:4])
    if tag != 1 or length < 8 * wanted:
        return []
    return list(struct.unpack(f"<{wanted}Q", extra[4 : 4 + 8 * wanted]))


def _parse_entry(directory: bytes, at: int, index: int) -> tuple[Entry, int, bytes]:
    if directory[at : at + 4] != _CENTRAL or at + _CENTRAL_SIZE > len(directory):
        raise StructureError(f"central directory entry {index + 1} is damaged")
    fields = struct.unpack(_CENTRAL_FORMAT, directory[at : at + _CENTRAL_SIZE])
    flags, method, crc, comp, size = fields[3], fields[4], fields[7], fields[8], fields[9]
    name_len, extra_len, comment_len, mode, offset = (
        fields[10], fields[11], fields[12], fields[15] >> 16, fields[16],
    )  # fmt: skip
    cursor = at + _CENTRAL_SIZE
    raw_name = directory[cursor : cursor + name_len]
    extra = directory[cursor + name_len : cursor + name_len + extra_len]
    stop = cursor + name_len + extra_len + comment_len
    wide = [size == _LIMIT32, comp == _LIMIT32, offset == _LIMIT32]
    values = iter(_zip64_values(extra, sum(wide)))
    size, comp, offset = (
        next(values, v) if w else v for w, v in zip(wide, (size, comp, offset), strict=True)
    )
    try:
        name = raw_name.decode("utf-8")
    except UnicodeDecodeError:
        name = raw_name.decode("utf-8", "replace")
    return Entry(name, method, crc, comp, size, offset, mode, flags), stop, raw_name


def _entry_trap(entry: Entry, raw_name: bytes) -> str | None:
    if stat.S_ISLNK(entry.mode):
        return "it is a symbolic link"
    if stat.S_ISDIR(entry.mode) or entry.name.endswith("/"):
        return "it is a folder entry"
    if entry.flags & 0x1:
        return "it is encrypted"
    if entry.method not in (STORED, DEFLATED):
        return f"it uses compression method {entry.method}, which a case file never uses"
    if raw_name.decode("utf-8", "replace") != entry.name or "\ufffd" in entry.name:
        return "its name is not UTF-8"
    return None


NameCheck = Callable[[str], "str | None"]


def read_layout(path: Path, name_check: NameCheck) -> Layout:
    """Parse the archive strictly; traps (an unsafe name by ``name_check``, a link, a folder,
    encryption, a name twice) and damage are reported per member, by name.

    Raises StructureError when the archive's outline itself cannot be trusted.
    """
    # Not blocking: opening a named pipe would otherwise wait for a writer for ever.
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise IsADirectoryError(errno.EISDIR, "is a folder", str(path))
        if not stat.S_ISREG(info.st_mode):
            raise StructureError("it is not a regular file (a device or a pipe)")
        size = info.st_size
        count, dir_offset, dir_size, _ = _directory_bounds(fd, size)
        directory = _read_at(fd, dir_offset, dir_size)
        return _check_entries(fd, directory, count, dir_offset, name_check)
    finally:
        os.close(fd)


def _check_entries(
    fd: int, directory: bytes, count: int, dir_offset: int, name_check: NameCheck
) -> Layout:
    entries: list[Entry] = []
    findings: list[Finding] = []
    seen: set[str] = set()
    at, expected = 0, 0
    for index in range(count):
        entry, stop, raw_name = _parse_entry(directory, at, index)
        trap = name_check(entry.name) or _entry_trap(entry, raw_name)
        if entry.name in seen:
            trap = trap or "it appears twice in the archive"
        seen.add(entry.name)
        if trap:
            findings.append(Finding(entry.name, trap, trap=True))
        else:
            damage = _damage(fd, entry, directory[at:stop], expected)
            if damage:
                findings.append(Finding(entry.name, damage, trap=False))
        entries.append(entry)
        expected, at = entry.end, stop
    if at != len(directory):
        raise StructureError("its central directory holds more than its end record counts")
    if not findings and expected != dir_offset:
        raise StructureError("there are bytes between the last member and the central directory")
    return Layout(tuple(entries), tuple(findings))


def _damage(fd: int, entry: Entry, stored: bytes, expected_offset: int) -> str | None:
    """How the member's headers or place differ from the canonical layout, or None."""
    if stored != central_header(entry):
        return "its central directory entry is damaged"
    if entry.offset != expected_offset:
        return "it is not where the central directory says"
    if entry.method == STORED and entry.compressed != entry.size:
        return "its stored and declared sizes differ"
    local = local_header(entry)
    if _read_at(fd, entry.offset, len(local)) != local:
        return "its local header is damaged"
    return None
