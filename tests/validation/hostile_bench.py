"""Workspaces for the hostile-input figures: one made per team code, copied for every use.

Making a workspace hashes four passwords (argon2, most of a second); a figure that needs dozens
copies a template instead. Copies of one template share its workspace id, so workspaces that
must be told apart (the laptops and the office of the merge model) come from different teams.
"""

from __future__ import annotations

import atexit
import shutil
import tempfile
import traceback
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from forensiclog.domain.errors import InvalidInput, Refusal
from forensiclog.domain.roles import Role
from forensiclog.services.build import build
from forensiclog.services.context import Actor
from forensiclog.services.workspace import open_workspace
from tests.conftest import Team, create_workspace

_TEMPLATES: dict[str, Path] = {}
_ROOT: list[Path] = []


def _template_root() -> Path:
    if not _ROOT:
        folder = Path(tempfile.mkdtemp(prefix="forensiclog-validation-templates-"))
        atexit.register(shutil.rmtree, folder, True)
        _ROOT.append(folder)
    return _ROOT[0]


def workspace_copy(target: Path, team: str = "T1", site: str = "KYV") -> Path:
    """A fresh workspace at ``target`` with one user of each role (see tests.conftest)."""
    key = f"{site}-{team}"
    if key not in _TEMPLATES:
        _TEMPLATES[key] = create_workspace(_template_root() / key, site=site, team=team)
    shutil.copytree(_TEMPLATES[key], target)
    return target


@contextmanager
def opened(path: Path) -> Iterator[Team]:
    workspace = open_workspace(path)
    try:
        yield Team(workspace)
    finally:
        workspace.close()


def check_problems(team: Team) -> list[str]:
    """What ``forensiclog check`` finds wrong with the workspace (empty: it checks clean)."""
    report = build(team.workspace, Actor("iryna", Role.AUDITOR)).integrity.check()
    return [str(problem) for problem in report.problems]


def unexpected(error: BaseException) -> str:
    """An exception that is not a refusal, named with the line that raised it."""
    frames = traceback.extract_tb(error.__traceback__)
    where = f" at {frames[-1].filename.rsplit('/', 1)[-1]}:{frames[-1].lineno}" if frames else ""
    return f"{type(error).__name__}{where}: {str(error)[:200]}"


def names_field(error: Refusal, fields: set[str]) -> bool:
    """A refusal that names one of ``fields`` (its field, or in its message)."""
    if isinstance(error, InvalidInput):
        return error.field in fields or any(f in error.field for f in fields)
    return any(f in str(error) for f in fields)
