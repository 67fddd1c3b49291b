"""Audit the pinned dependencies for known vulnerabilities: pip-audit first; when it cannot
reach a vulnerability service (offline, or the service knows none of the packages), the offline
check against packaging/advisories.json. Says which one ran; exit 1 if a pinned version is
affected or nothing could be checked.

    python packaging/dependency_audit.py [--lock FILE] [--advisories FILE] [--offline]
"""

# ruff: noqa: T201 — a command-line tool: it reports on stdout

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from packaging.requirements import Requirement
from packaging.specifiers import SpecifierSet
from packaging.utils import canonicalize_name

HERE = Path(__file__).resolve().parent


def pinned(lock: Path) -> dict[str, str]:
    """Package → version, from ``name==version`` lines."""
    versions: dict[str, str] = {}
    for line in lock.read_text(encoding="utf-8").splitlines():
        text = line.split("#", 1)[0].strip()
        if not text:
            continue
        requirement = Requirement(text)
        (specifier,) = requirement.specifier
        versions[canonicalize_name(requirement.name)] = specifier.version
    return versions


def pip_audit(lock: Path) -> dict[str, list[dict[str, str]]] | None:
    """Vulnerabilities by package as pip-audit's service reports them, or None when it could
    not audit (no service reachable, or every package unknown to it)."""
    tool = shutil.which("pip-audit") or str(Path(sys.executable).with_name("pip-audit"))
    if not Path(tool).exists():
        return None
    with tempfile.TemporaryDirectory() as folder:
        report = Path(folder) / "report.json"
        command = [tool, "--requirement", str(lock), "--no-deps", "--disable-pip"]
        command += ["--progress-spinner", "off", "--format", "json", "--output", str(report)]
        subprocess.run(command, capture_output=True, check=False, timeout=600)  # noqa: S603
        if not report.exists():
            return None
        data = json.loads(report.read_text(encoding="utf-8"))
    audited = [d for d in data.get("dependencies", []) if "skip_reason" not in d]
    if not audited:
        return None
    return {d["name"]: d.get("vulns", []) for d in audited}


def offline(versions: dict[str, str], advisories: Path) -> list[str]:
    """Each advisory whose affected range holds the pinned version."""
    found = []
    for advisory in json.loads(advisories.read_text(encoding="utf-8"))["advisories"]:
        name = canonicalize_name(advisory["package"])
        version = versions.get(name)
        if version is not None and version in SpecifierSet(advisory["affected"]):
            found.append(
                f"{name} {version}: {advisory['id']} ({advisory['summary']}); fixed in {advisory['fixed']}"
            )
    return found


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--lock", type=Path, default=HERE / "requirements.lock")
    parser.add_argument("--advisories", type=Path, default=HERE / "advisories.json")
    parser.add_argument("--offline", action="store_true", help="skip pip-audit")
    options = parser.parse_args()
    versions = pinned(options.lock)
    reported = None if options.offline else pip_audit(options.lock)
    if reported is not None:
        found = [
            f"{name}: {v['id']} (fixed in {', '.join(v.get('fix_versions', [])) or 'no release'})"
            for name, vulns in reported.items()
            for v in vulns
        ]
        print(f"pip-audit: {len(reported)} of {len(versions)} pinned packages audited")
    else:
        found = offline(versions, options.advisories)
        checked = json.loads(options.advisories.read_text(encoding="utf-8"))["checked"]
        why = (
            "asked for"
            if options.offline
            else "pip-audit could not reach a vulnerability service that knows these packages"
        )
        print(
            f"offline check ({why}): {len(versions)} pinned packages against "
            f"{options.advisories.name} (advisories as of {checked})"
        )
    for line in found:
        print(f"vulnerable: {line}")
    print("no known vulnerability in the pinned versions" if not found else f"{len(found)} found")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
