"""``make validate``: runs every figure at full scale and writes docs/validation.md.

.venv/bin/python -m tests.validation.run [--quick] [--only KEY ...] [--output FILE]
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib
import platform
import sqlite3
import sys
from pathlib import Path
from types import ModuleType

from tests.validation.harness import Outcome, Scale, timed

FIGURE_MODULES = [
    "crash",
    "faults",
    "tampering",
    "hostile_images",
    "hostile_casefiles",
    "text_everywhere",
    "search_input",
    "permissions",
    "merge_model",
]
ROOT = Path(__file__).resolve().parents[2]


def figure_modules(only: list[str] | None = None) -> list[ModuleType]:
    names = [n for n in FIGURE_MODULES if not only or n in only]
    return [importlib.import_module(f"tests.validation.figure_{name}") for name in names]


def versions() -> dict[str, str]:
    import PIL
    import PySide6
    import reportlab
    import sqlalchemy

    from forensiclog import __version__

    return {
        "ForensicLog": __version__,
        "Python": platform.python_version(),
        "SQLite": sqlite3.sqlite_version,
        "SQLAlchemy": sqlalchemy.__version__,
        "Pillow": PIL.__version__,
        "ReportLab": reportlab.Version,
        "Qt (PySide6)": PySide6.__version__,
        "platform": platform.platform(),
    }


def render(results: list[tuple[ModuleType, Outcome]], scale: Scale, total: float) -> str:
    lines = [
        "# Validation evidence",
        "",
        f"Produced by `make validate` ({scale.value} scale) on {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC "
        f"in {total / 60:.1f} minutes. Every figure counts attempts and failures; a negative "
        "control shows the check can still catch a failure. Regenerate with `make validate`.",
        "",
        "| figure | what it tries | target | attempts | failures | result | time |",
        "|---|---|---|---:|---:|---|---:|",
    ]
    for module, outcome in results:
        figure = module.FIGURE
        verdict = "meets target" if outcome.passed else "FAILS"
        lines.append(
            f"| {figure.title} | {figure.tries} | {figure.target} | {outcome.attempts:,} | "
            f"{len(outcome.failures):,} | {verdict} | {outcome.seconds:.0f} s |"
        )
    lines += ["", "## Details", ""]
    for module, outcome in results:
        figure = module.FIGURE
        lines += [f"### {figure.title}", ""]
        for name, value in sorted(outcome.counts.items()):
            lines.append(f"- {name}: {value:,}")
        if outcome.negative_control:
            lines.append(f"- negative control: {outcome.negative_control}")
        lines += [f"- {note}" for note in outcome.notes]
        lines += [f"- FAILURE: {failure}" for failure in outcome.failures[:50]]
        lines.append("")
    lines += ["## Versions", ""] + [f"- {k}: {v}" for k, v in versions().items()] + [""]
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--only", nargs="*")
    parser.add_argument("--output", default=str(ROOT / "docs" / "validation.md"))
    options = parser.parse_args()
    scale = Scale.QUICK if options.quick else Scale.FULL
    results = []
    started = dt.datetime.now()
    for module in figure_modules(options.only):
        print(f"{module.FIGURE.title}…", flush=True)
        outcome = timed(module.run, scale)
        print(
            f"  {outcome.attempts:,} attempts, {len(outcome.failures)} failures, {outcome.seconds:.0f} s",
            flush=True,
        )
        results.append((module, outcome))
    total = (dt.datetime.now() - started).total_seconds()
    Path(options.output).write_text(render(results, scale, total), encoding="utf-8")
    print(f"wrote {options.output}")
    return 0 if all(o.passed for _, o in results) else 1


if __name__ == "__main__":
    sys.exit(main())
