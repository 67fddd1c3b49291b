"""Writing a report's PDF: whole or not at all, through a flushed temporary file beside it."""

from __future__ import annotations

import contextlib
import os
import secrets
from pathlib import Path

from forensiclog.domain.errors import EnvironmentProblem, InvalidInput


def checked_output(path: Path) -> Path:
    """The file to write, refused when it is a folder or its folder is missing or read-only."""
    path = path.expanduser()
    if path.is_dir():
        raise InvalidInput("output", f"{path} is a folder; name the PDF file to write")
    folder = path.parent
    if not folder.is_dir():
        raise InvalidInput("output", f"the folder {folder} does not exist")
    if not os.access(folder, os.W_OK):
        raise EnvironmentProblem(f"{folder}: not allowed to write here", file=str(path))
    return path


def write_temporary(target: Path, data: bytes) -> Path:
    """``data`` in a flushed temporary file beside ``target`` (hidden, removed on failure).

    Not ``mkstemp``: its files are private to their owner, and a report is an ordinary
    document the user's umask decides about.
    """
    descriptor, temporary = _new_temporary(target)
    try:
        with os.fdopen(descriptor, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
    except BaseException as error:
        temporary.unlink(missing_ok=True)
        if isinstance(error, OSError):
            raise _environment(target, error) from error
        raise
    return temporary


def _new_temporary(target: Path) -> tuple[int, Path]:
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    for _ in range(100):
        temporary = target.with_name(f".{target.name}.{secrets.token_hex(6)}.tmp")
        try:
            return os.open(temporary, flags, 0o666), temporary
        except FileExistsError:
            continue
        except OSError as error:
            raise _environment(target, error) from error
    raise EnvironmentProblem(f"cannot write {target}: no free temporary name", file=str(target))


def place(temporary: Path, target: Path) -> None:
    try:
        os.replace(temporary, target)
    except OSError as error:
        raise _environment(target, error) from error


def flush_folder(folder: Path) -> None:
    """Make the rename survive power loss; Windows cannot open a folder and journals it itself."""
    if os.name == "nt":
        return
    with contextlib.suppress(OSError):
        descriptor = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)


def _environment(target: Path, error: OSError) -> EnvironmentProblem:
    reason = error.strerror or str(error)
    return EnvironmentProblem(f"cannot write {target}: {reason}", file=str(target), reason=reason)
