"""Hostile text through the command line: JSON that parses and round-trips, refusals that name
the field, never a traceback."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from typing import Any

from tests.conftest import PASSWORDS, Team
from tests.validation.harness import Outcome
from tests.validation.text_fields import Example
from tests.validation.text_queries import surrogates_for_argv


def _forensiclog(team: Team, *args: str) -> subprocess.CompletedProcess[bytes]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("FORENSICLOG_")}
    env |= {"FORENSICLOG_USER": "petro", "FORENSICLOG_PASSWORD": PASSWORDS["petro"]}
    argv = [sys.executable, "-m", "forensiclog", "--workspace", str(team.path), "--json", *args]
    return subprocess.run(argv, capture_output=True, env=env, timeout=300, check=False)


def _problem(done: subprocess.CompletedProcess[bytes], field: str | None) -> str | None:
    err = done.stderr.decode("utf-8", "replace")
    if "Traceback" in err or "internal error" in err:
        return f"crashed: {err[-400:]}"
    if done.returncode == 1:
        named = field is None or field in err or "nothing to change" in err
        return None if err.startswith("error:") and named else f"refused unclearly: {err[:200]}"
    if done.returncode != 0:
        return f"exit {done.returncode}: {err[:200]}"
    try:
        json.loads(done.stdout)
    except ValueError:
        return f"stdout is not JSON: {done.stdout[:100]!r}"
    return None


def _run(team: Team, outcome: Outcome, what: str, field: str | None, *args: str) -> Any:
    outcome.attempts += 1
    outcome.count("command-line runs")
    done = _forensiclog(team, *args)
    problem = _problem(done, field)
    if problem:
        outcome.fail(f"forensiclog {what}: {problem}")
        return None
    return json.loads(done.stdout) if done.returncode == 0 else None


def check_commands(team: Team, example: Example, texts: list[str], outcome: Outcome) -> None:
    case = example.case
    shown = _run(team, outcome, f"body show {case}", None, "body", "show", case)
    record = team.auditor.cases.show(case, with_history=False)
    if shown is not None:
        for key in ("notes", "tag", "location", "clothing"):
            if shown.get(key) != getattr(record, key):
                outcome.fail(f"forensiclog body show {case}: {key} differs from the record")
    _run(team, outcome, "search", None, "search", "--", surrogates_for_argv(example.surname))
    for text in texts[:2]:
        given = surrogates_for_argv(text)
        _run(
            team,
            outcome,
            f"body edit --notes {text[:30]!r}",
            "notes",
            "body",
            "edit",
            case,
            f"--notes={given}",
        )
    report = team.path.parent / f"{case}.pdf"
    made = _run(team, outcome, "report body", None, "report", "body", case, "-o", str(report))
    if made is not None and not report.is_file():
        outcome.fail(f"forensiclog report body {case}: no file written")
