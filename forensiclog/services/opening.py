"""Opening what the user named: a workspace folder, or a sealed case file (read-only)."""

from __future__ import annotations

from pathlib import Path

from forensiclog.domain.casefile_manifest import SUFFIX
from forensiclog.services.workspace import OpenWorkspace, open_workspace

CASEFILE_SUFFIX = SUFFIX


def is_casefile(path: Path) -> bool:
    return path.suffix.lower() == CASEFILE_SUFFIX or path.is_file()


def open_any(path: Path) -> OpenWorkspace:
    """A case file is extracted to a private folder and opened read-only; a folder is opened
    as the workspace it is."""
    if is_casefile(path):
        from forensiclog.services.casefiles import open_casefile

        return open_casefile(path)
    return open_workspace(path)
