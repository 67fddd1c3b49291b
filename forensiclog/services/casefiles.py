"""Sealed case files: export cases as one signed file, verify a file, open one read-only.

An opened case file is extracted into a private temporary folder and opened there as a
read-only workspace (``immutable``, ``query_only``): the file itself is only ever read.
"""

from __future__ import annotations

import concurrent.futures as cf
import contextlib
import os
import shutil
import stat
import tempfile
import weakref
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, ClassVar

from forensiclog.db.engine import DATABASE_FILE
from forensiclog.domain.audit_chain import iso_timestamp
from forensiclog.domain.casefile_manifest import (
    DATABASE_MEMBER,
    FORMAT_VERSION,
    SUFFIX,
    CaseFileRefused,
    Exporter,
    Head,
    Manifest,
    Member,
)
from forensiclog.domain.errors import AlreadyExists, EnvironmentProblem, InvalidInput
from forensiclog.domain.records import Problem
from forensiclog.domain.roles import Action
from forensiclog.services.casefile_check import Inspection, Limits, inspect
from forensiclog.services.casefile_export import Contents, build_database, selected_cases
from forensiclog.services.casefile_sqlite import build_sqlite_database
from forensiclog.services.casefile_writing import Deflated, deflate_database, write_archive
from forensiclog.services.context import ServiceContext
from forensiclog.services.photo_store import PhotoStore
from forensiclog.services.signing import fingerprint
from forensiclog.services.storage_errors import storage_errors
from forensiclog.services.workspace import OpenWorkspace, open_workspace

if DATABASE_MEMBER != DATABASE_FILE:  # an extracted case file opens as a workspace folder
    raise ImportError("the case file's database member must be named like a workspace's")


@dataclass(frozen=True)
class ExportResult:
    file: Path
    sha256: str
    cases: int
    photos: int
    signer: str


@dataclass(frozen=True)
class CaseFileSeal:
    """What the read-only banner shows: verified or not, why not, and who signed it when."""

    file: str
    verified: bool
    problems: tuple[Problem, ...]
    signer_fingerprint: str
    workspace_uid: str
    workspace_name: str
    site: str
    team: str
    exported_by: str
    exported_role: str
    exported_at: str
    cases: int
    photos: int
    format_version: int = FORMAT_VERSION


@dataclass(frozen=True)
class Verdict:
    valid: bool
    signer: str | None
    problems: tuple[Problem, ...]
    seal: CaseFileSeal | None = None


@dataclass
class CaseFileWorkspace(OpenWorkspace):
    """A case file opened read-only; ``path`` is its private extraction folder."""

    source: Path = field(default_factory=Path)
    seal: CaseFileSeal | None = None
    # Entries about records not in the file are blanked out, the exporter's own included,
    # and chains merged by the exporter come only as far as they concern the file.
    withholds_entries: ClassVar[bool] = True

    def __post_init__(self) -> None:
        # The extraction goes away with this object even if close() is never called.
        self._cleanup = weakref.finalize(self, remove_folder, self.path)

    @property
    def label(self) -> str:
        return str(self.source)

    def close(self) -> None:
        super().close()
        self._cleanup()


def _make_writable(function: Any, path: str, _: Any) -> None:
    # Extracted files are read-only; Windows will not delete them until they are writable.
    os.chmod(path, stat.S_IWRITE | stat.S_IREAD)
    function(path)


def remove_folder(folder: Path) -> None:
    shutil.rmtree(folder, onerror=_make_writable)


@contextlib.contextmanager
def private_folder() -> Iterator[Path]:
    """A new folder only this user can read, in the system's temporary folder."""
    try:
        folder = Path(tempfile.mkdtemp(prefix="forensiclog-casefile-"))
    except OSError as error:
        raise EnvironmentProblem(f"cannot create a temporary folder: {error.strerror}") from None
    try:
        yield folder
    finally:
        remove_folder(folder)


def seal_of(found: Inspection) -> CaseFileSeal | None:
    manifest = found.manifest
    if manifest is None:
        return None
    w = manifest.workspace
    return CaseFileSeal(
        file=str(found.path),
        verified=found.verified,
        problems=tuple(found.all_problems),
        signer_fingerprint=fingerprint(w.public_key),
        workspace_uid=w.uid,
        workspace_name=w.name,
        site=w.site,
        team=w.team,
        exported_by=manifest.exported_by,
        exported_role=manifest.exported_role,
        exported_at=manifest.exported_at,
        cases=len(manifest.cases),
        photos=manifest.photos,
        format_version=manifest.version,
    )


def verify_casefile(path: Path, *, limits: Limits | None = None) -> Verdict:
    """Check every part of the file; nothing is kept and the file is only read."""
    with private_folder() as folder:
        found = inspect(path, folder, extract_photos=False, limits=limits or Limits())
    seal = seal_of(found)
    signer = seal.signer_fingerprint if seal else None
    return Verdict(found.verified, signer, tuple(found.all_problems), seal)


def open_casefile(path: Path, *, limits: Limits | None = None) -> CaseFileWorkspace:
    """Extract and check the file, and open it as a read-only workspace (even if it does not
    verify: its seal says so). A file with traps is refused and nothing of it is kept."""
    folder = Path(tempfile.mkdtemp(prefix="forensiclog-casefile-"))
    try:
        found = inspect(path, folder, extract_photos=True, limits=limits or Limits())
        if found.refusals:
            raise CaseFileRefused(str(path), found.refusals, "cannot be opened")
        opened = open_workspace(folder, read_only=True, immutable=True)
    except BaseException:
        remove_folder(folder)
        raise
    return CaseFileWorkspace(
        path=folder,
        engine=opened.engine,
        info=replace(opened.info, path=str(path), read_only=True),
        read_only=True,
        public_key=opened.public_key,
        source=path,
        seal=seal_of(found),
    )


def _output(path: Path) -> Path:
    if path.suffix.lower() != SUFFIX:
        raise InvalidInput("output", f"{path}: a case file's name ends in {SUFFIX}")
    if path.exists():
        raise AlreadyExists("file", str(path))
    if not path.parent.is_dir():
        raise InvalidInput("output", f"{path.parent} is not a folder")
    return path


def _publish(partial: Path, target: Path) -> None:
    """Give the finished file its name, never replacing a file that appeared meanwhile."""
    try:
        os.link(partial, target)
    except FileExistsError:
        raise AlreadyExists("file", str(target)) from None
    except OSError:
        # A file system without hard links (some USB sticks): rename, having checked above.
        if target.exists():
            raise AlreadyExists("file", str(target)) from None
        os.replace(partial, target)
    with contextlib.suppress(OSError):
        descriptor = os.open(target.parent, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)


class _Build:
    """The case file's database, built on its own thread from one read transaction; which
    photos go in is known early, so they are copied while the history is still being written."""

    def __init__(
        self, ctx: ServiceContext, path: Path, exchange: str | None, cases: Sequence[str]
    ) -> None:
        self.ctx, self.path, self.exchange, self.cases = ctx, path, exchange, cases
        self._photos: cf.Future[list[tuple[str, int]]] = cf.Future()
        self._done: cf.Future[tuple[Contents, Deflated]] | None = None

    def start(self, pool: cf.ThreadPoolExecutor) -> None:
        self._done = pool.submit(self._run)

    def _run(self) -> tuple[Contents, Deflated]:
        contents = self._build()
        return contents, deflate_database(self.path)

    def _build(self) -> Contents:
        workspace = self.ctx.workspace
        try:
            if workspace.engine.dialect.name == "sqlite":
                return build_sqlite_database(
                    workspace.path / DATABASE_FILE,
                    self.path,
                    exchange=self.exchange,
                    numbers=self.cases,
                    exporter=workspace.info.uid,
                    photos_known=self._photos.set_result,
                )
            with self.ctx.reading() as session:
                ids = selected_cases(session, exchange=self.exchange, numbers=self.cases)
                uid = workspace.info.uid
                return build_database(session, self.path, ids, uid, self._photos.set_result)
        except BaseException as error:
            if not self._photos.done():
                self._photos.set_exception(error)
            raise

    def photos(self) -> list[str]:
        return [sha for sha, _ in self._photos.result()]

    def contents(self) -> Contents:
        assert self._done is not None
        return self._done.result()[0]

    def database(self) -> Deflated:
        assert self._done is not None
        return self._done.result()[1]


class CaseFileService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def seal(self) -> CaseFileSeal | None:
        """The seal of the open case file, or None on a workspace."""
        workspace = self.ctx.workspace
        return workspace.seal if isinstance(workspace, CaseFileWorkspace) else None

    def export(
        self, output: Path, *, exchange: str | None = None, cases: Sequence[str] = ()
    ) -> ExportResult:
        """One signed file with the cases named (or the whole exchange), their records,
        photos and history."""
        self.ctx.require(Action.EXPORT_CASEFILE)
        if exchange is None and not cases:
            raise InvalidInput("cases", "name an exchange or the cases to export")
        if exchange is not None and cases:
            raise InvalidInput("cases", "name an exchange or cases, not both")
        target = _output(output)
        with private_folder() as scratch, cf.ThreadPoolExecutor(1) as pool:
            build = _Build(self.ctx, scratch / DATABASE_MEMBER, exchange, cases)
            build.start(pool)
            return self._seal(target, build)

    def _seal(self, target: Path, build: _Build) -> ExportResult:
        workspace = self.ctx.workspace
        moment = iso_timestamp(self.ctx.clock())

        def manifest_for(members: list[Member]) -> Manifest:
            return self._manifest(build.contents(), members, moment)

        partial = target.parent / f".{target.name}.partial-{os.getpid()}"
        with storage_errors(str(target)):
            try:
                sha = write_archive(
                    partial,
                    photos=build.photos(),
                    store=PhotoStore(workspace.path, read_only=True),
                    database=build.database,
                    manifest_for=manifest_for,
                    signer=workspace.signer(),
                )
                self._record(target, sha, build.contents(), partial)
            finally:
                partial.unlink(missing_ok=True)
        contents = build.contents()
        return ExportResult(
            target, sha, len(contents.case_numbers), len(contents.photos), self._fingerprint()
        )

    def _record(self, target: Path, sha: str, contents: Contents, partial: Path) -> None:
        published = False
        try:
            with self.ctx.writing(Action.EXPORT_CASEFILE) as tx:
                tx.note(
                    "casefile.export",
                    "casefile",
                    details={
                        "file": target.name,
                        "sha256": sha,
                        "cases": len(contents.case_numbers),
                        "exchanges": contents.exchanges,
                        "photos": len(contents.photos),
                    },
                )
                _publish(partial, target)
                published = True
        except BaseException:
            if published:
                target.unlink(missing_ok=True)
            raise

    def _fingerprint(self) -> str:
        return fingerprint(self.ctx.workspace.public_key)

    def _manifest(self, contents: Contents, members: list[Member], moment: str) -> Manifest:
        info = self.ctx.workspace.info
        actor = self.ctx.actor
        head = contents.head
        return Manifest(
            workspace=Exporter(
                info.uid, info.name, info.site, info.team, self.ctx.workspace.public_key
            ),
            exported_by=self.ctx.user_name,
            exported_role=actor.role.value if actor else "",
            exported_at=moment,
            cases=tuple(contents.case_numbers),
            exchanges=tuple(contents.exchanges),
            photos=len(contents.photos),
            head=None if head is None else Head(**head),
            members=tuple(members),
        )
