"""The offline dependency check (make audit's fallback) finds an advisory in a pinned version."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
AUDIT = ROOT / "packaging" / "dependency_audit.py"


def _offline(lock: Path) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, str(AUDIT), "--offline", "--lock", str(lock)]
    return subprocess.run(command, capture_output=True, text=True, timeout=60, check=False)


def test_the_offline_check_names_an_affected_pin(tmp_path: Path) -> None:
    lock = tmp_path / "requirements.lock"
    lock.write_text("reportlab==3.6.12\npillow==11.2.1\nsqlalchemy==2.1.9\n")
    done = _offline(lock)
    assert done.returncode == 1
    assert "reportlab 3.6.12: CVE-2023-33733" in done.stdout
    assert "pillow 11.2.1: CVE-2025-48379" in done.stdout
    assert "sqlalchemy" not in done.stdout.split("offline check")[1].split("\n", 1)[1]


def test_the_pinned_versions_have_no_known_advisory() -> None:
    done = _offline(ROOT / "packaging" / "requirements.lock")
    assert done.returncode == 0, done.stdout
    assert "no known vulnerability" in done.stdout
