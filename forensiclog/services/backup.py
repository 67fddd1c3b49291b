"""Backing up a workspace while it is in use: a consistent database snapshot and the photos
it refers to, into a folder that opens as a workspace of its own."""

from __future__ import annotations

import os
import shutil
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from forensiclog.db.engine import DATABASE_FILE
from forensiclog.domain.errors import InvalidInput, VerificationFailed
from forensiclog.domain.roles import Action
from forensiclog.services.context import ServiceContext
from forensiclog.services.photo_store import PhotoStore
from forensiclog.services.signing import KEY_FILE
from forensiclog.services.storage_errors import storage_errors
from forensiclog.services.workspace import PHOTOS_DIR, staged_folder


@dataclass(frozen=True)
class BackupResult:
    path: Path
    cases: int
    photos: int


def fsync_file(path: Path) -> None:
    """Neither the backup API nor VACUUM INTO syncs its output; a backup must reach the disk."""
    descriptor = os.open(path, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def snapshot_database(source: Path, target: Path) -> None:
    """A consistent copy of a live WAL database through SQLite's backup API."""
    reader = sqlite3.connect(source.resolve().as_uri() + "?mode=ro", uri=True)
    writer = sqlite3.connect(target)
    try:
        reader.backup(writer)
        writer.execute("PRAGMA journal_mode=WAL")
    finally:
        writer.close()
        reader.close()
    fsync_file(target)


def _copy_photos(source: PhotoStore, target_root: Path, hashes: list[str]) -> int:
    target = PhotoStore(target_root)
    for sha in hashes:
        if not source.has(sha):
            raise VerificationFailed(
                f"photo {sha}: the original is missing from the workspace; run check"
            )
        with source.open_original(sha) as stream:
            stored = target.ingest_stream(stream, sha)
        if stored.sha256 != sha:
            raise VerificationFailed(
                f"photo {sha}: the original no longer matches its hash; run check"
            )
    return len(hashes)


class BackupService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def backup(self, destination: Path) -> BackupResult:
        self.ctx.require(Action.BACKUP)
        workspace = self.ctx.workspace.path
        if destination.resolve().is_relative_to(workspace.resolve()):
            raise InvalidInput(
                "destination",
                f"{destination} is inside the workspace; back up to another folder or drive",
            )
        with (
            storage_errors(str(destination)),
            staged_folder(destination, "backup destination") as folder,
        ):
            snapshot_database(workspace / DATABASE_FILE, folder / DATABASE_FILE)
            copy = sqlite3.connect(folder / DATABASE_FILE)
            try:
                hashes = [
                    row[0] for row in copy.execute("SELECT sha256 FROM photo_files ORDER BY id")
                ]
                cases = copy.execute("SELECT count(*) FROM cases").fetchone()[0]
            finally:
                copy.close()
            photos = _copy_photos(PhotoStore(workspace), folder, hashes)
            (folder / PHOTOS_DIR).mkdir(exist_ok=True)
            (folder / KEY_FILE).parent.mkdir(mode=0o700, exist_ok=True)
            shutil.copy2(workspace / KEY_FILE, folder / KEY_FILE)
            fsync_file(folder / KEY_FILE)
        try:
            with self.ctx.writing(Action.BACKUP) as tx:
                tx.note(
                    "workspace.backup",
                    "workspace",
                    entity_uid=self.ctx.workspace.info.uid,
                    details={"destination": str(destination), "cases": cases, "photos": photos},
                )
        except BaseException:
            # Refused means nothing was done: no backup the history does not mention.
            shutil.rmtree(destination, ignore_errors=True)
            raise
        return BackupResult(destination, cases, photos)
