"""Opening what the user named: a workspace folder, or a sealed case file (read-only)."""

from __future__ import annotations

from pathlib import Path

from forensiclog.services.workspace import OpenWorkspace, open_workspace

CASEFILE_SUFFIX = ".fcase"


def open_any(path: Path) -> OpenWorkspace:
    return open_workspace(path)
