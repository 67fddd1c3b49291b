"""Creating and opening workspaces: a folder with the database, the photo store and the key."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import shutil
import sqlite3
import tempfile
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path
from typing import ClassVar

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session, sessionmaker

from forensiclog.db import migrate
from forensiclog.db.engine import DATABASE_FILE, create_database_file, sqlite_engine, writer
from forensiclog.db.models import WorkspaceRow
from forensiclog.domain.errors import EnvironmentProblem, InvalidInput, NotFound
from forensiclog.domain.records import WorkspaceInfo
from forensiclog.services.signing import Signer, fingerprint, load_key
from forensiclog.services.storage_errors import storage_errors

PHOTOS_DIR = "photos"


@dataclass
class OpenWorkspace:
    """An opened workspace: where it is, its engine, and whether it may be written."""

    path: Path
    engine: Engine
    info: WorkspaceInfo
    read_only: bool = False
    public_key: str = ""
    _signer: Signer | None = field(default=None, repr=False)
    # A workspace holds its own history whole; a sealed case file withholds entries.
    withholds_entries: ClassVar[bool] = False

    @cached_property
    def _readers(self) -> sessionmaker[Session]:
        return sessionmaker(self.engine, expire_on_commit=False)

    @cached_property
    def _writers(self) -> sessionmaker[Session]:
        return sessionmaker(writer(self.engine), expire_on_commit=False)

    def read_session(self) -> Session:
        return self._readers()

    def write_session(self) -> Session:
        return self._writers()

    @property
    def label(self) -> str:
        return str(self.path)

    def signer(self) -> Signer:
        if self._signer is None:
            self._signer = load_key(self.path)
        return self._signer

    def close(self) -> None:
        self.engine.dispose()


def _is_empty_folder(path: Path) -> bool:
    return path.is_dir() and not any(path.iterdir())


def _fsync_dir(path: Path) -> None:
    with contextlib.suppress(OSError):  # not every platform can open a folder
        descriptor = os.open(path, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)


@contextlib.contextmanager
def staged_folder(target: Path, what: str = "workspace") -> Iterator[Path]:
    """A sibling folder to build ``target`` in; renamed into place only if the block succeeds."""
    if target.exists() and not _is_empty_folder(target):
        raise InvalidInput(what, f"{target} already exists and is not empty")
    parent = target.parent
    try:
        parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.partial-", dir=parent))
    except OSError as error:
        raise EnvironmentProblem(
            f"{parent}: cannot create a folder here: {error.strerror}"
        ) from None
    try:
        yield staging
        if target.exists():
            target.rmdir()
        staging.rename(target)
        _fsync_dir(parent)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise


def read_info(session: Session, path: Path, *, read_only: bool) -> tuple[WorkspaceInfo, str]:
    row = session.scalars(select(WorkspaceRow)).one()
    info = WorkspaceInfo(
        uid=row.uid,
        name=row.name,
        site=row.site,
        team=row.team,
        created_at=row.created_at,
        public_key_fingerprint=fingerprint(row.public_key),
        path=str(path),
        read_only=read_only,
    )
    return info, row.public_key


def new_workspace_row(name: str, site: str, team: str, public_key: str) -> WorkspaceRow:
    return WorkspaceRow(
        id=1,
        uid=str(uuid.uuid4()),
        name=name,
        site=site,
        team=team,
        created_at=dt.datetime.now(dt.UTC),
        public_key=public_key,
        next_case_seq=1,
    )


def create_database(folder: Path) -> Engine:
    engine = create_database_file(folder / DATABASE_FILE)
    migrate.upgrade(sqlite_engine(folder / DATABASE_FILE, foreign_keys=False))
    (folder / PHOTOS_DIR).mkdir(exist_ok=True)
    return engine


def _database_path(path: Path) -> Path:
    if not path.exists():
        raise NotFound("workspace", str(path))
    database = path / DATABASE_FILE
    if not path.is_dir() or not database.is_file():
        raise InvalidInput(
            "workspace", f"{path} is not a ForensicLog workspace (no {DATABASE_FILE})"
        )
    return database


def _upgrade_if_needed(database: Path) -> None:
    probe = sqlite_engine(database, foreign_keys=False)
    try:
        if migrate.needs_upgrade(probe):
            migrate.upgrade(probe)
    finally:
        probe.dispose()


def open_workspace(
    path: Path, *, read_only: bool = False, immutable: bool = False
) -> OpenWorkspace:
    """Open the workspace folder at ``path`` (migrating its schema when it is writable)."""
    database = _database_path(path)
    try:
        # A disk that fails while the file is opened (a full disk, an I/O error) is a refusal.
        with storage_errors(str(database)):
            if not read_only:
                _upgrade_if_needed(database)
            engine = sqlite_engine(database, read_only=read_only, immutable=immutable)
            with engine.connect() as connection, Session(connection) as session:
                info, public_key = read_info(session, path, read_only=read_only)
    except sqlite3.DatabaseError as error:
        raise EnvironmentProblem(f"{database}: cannot open the database: {error}") from None
    return OpenWorkspace(
        path=path, engine=engine, info=info, read_only=read_only, public_key=public_key
    )


def as_read_only(workspace: OpenWorkspace) -> OpenWorkspace:
    engine = sqlite_engine(workspace.path / DATABASE_FILE, read_only=True)
    info = replace(workspace.info, read_only=True)
    return OpenWorkspace(
        workspace.path, engine, info, read_only=True, public_key=workspace.public_key
    )
