"""The command line of the foundation, in CLI.md's order, and its refusals."""

from __future__ import annotations

import csv
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.cli.conftest import Run, forensiclog


def write_list(path: Path, count: int, *, bad_row: int | None = None) -> Path:
    surnames = ["Гнатюк", "Іваненко", "Шевченко", "Коваленко", "Мʼязовий", "Зґурський"]
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["tag", "surname", "given_names", "birth_date", "unit", "service_number"])
        for i in range(1, count + 1):
            tag = "" if i == bad_row else f"UA-{i:05d}"
            writer.writerow(
                [
                    tag,
                    surnames[i % len(surnames)],
                    "Іван Петрович",
                    "1990-01-02",
                    "в/ч А0000",
                    str(i),
                ]
            )
    return path


def test_the_session_of_cli_md(tmp_path: Path) -> None:
    ws = tmp_path / "Справи #1 обмін"
    done = forensiclog(
        ws,
        "--json",
        "init",
        "--site",
        "KYV",
        "--team",
        "T2",
        "--admin",
        "admin",
        stdin="admin-password\n",
    )
    assert done.code == 0 and done.json["site"] == "KYV" and done.json["team"] == "T2"
    admin = {"user": "admin", "password": "admin-password"}
    assert forensiclog(
        ws,
        "--json",
        "user",
        "add",
        "olena",
        "--role",
        "coordinator",
        stdin="olena-password\n",
        **admin,
    ).json == {"user": "olena", "role": "coordinator"}
    forensiclog(ws, "user", "add", "petro", "--role", "examiner", stdin="petro-password\n", **admin)
    forensiclog(ws, "user", "add", "iryna", "--role", "auditor", stdin="iryna-password\n", **admin)
    assert [u["user"] for u in forensiclog(ws, "--json", "user", "list", **admin).json] == [
        "admin",
        "iryna",
        "olena",
        "petro",
    ]
    coordinator = {"user": "olena", "password": "olena-password"}
    examiner = {"user": "petro", "password": "petro-password"}
    assert forensiclog(
        ws,
        "--json",
        "exchange",
        "add",
        "R2-0613",
        "--date",
        "2025-06-13",
        "--declared",
        "6000",
        "--place",
        "Київ",
        **coordinator,
    ).json == {"exchange": "R2-0613"}
    imported = forensiclog(
        ws,
        "--json",
        "manifest",
        "import",
        "R2-0613",
        str(write_list(tmp_path / "l.csv", 300)),
        **coordinator,
    ).json
    assert imported["created"] == 300 and imported["cases"][0] == "KYV-T2-00001"
    added = forensiclog(
        ws,
        "--json",
        "body",
        "add",
        "--exchange",
        "R2-0613",
        "--tag",
        "NEW-1",
        "--condition",
        "decomposed",
        "--location",
        "Холодильник 2",
        "--sex",
        "M",
        **examiner,
    ).json
    case = added["case"]
    assert case == "KYV-T2-00301"
    moved = forensiclog(
        ws, "--json", "body", "status", case, "examined", "--reason", "огляд", **examiner
    )
    assert moved.json == {"case": case, "status": "examined"}
    refused = forensiclog(ws, "body", "status", case, "released", "--reason", "x", **examiner)
    assert refused.code == 1 and "allowed next: sampled, foreign_national" in refused.stderr
    shown = forensiclog(ws, "--json", "body", "show", case, **examiner).json
    assert {
        "case",
        "exchange",
        "tag",
        "status",
        "nationality",
        "condition",
        "location",
        "declared",
        "checklist",
        "samples",
        "identification",
        "completeness",
        "documents",
        "effects",
        "photos",
        "history",
    } <= set(shown)
    assert shown["status"] == "examined" and shown["history"][0]["action"] == "case.register"
    listed = forensiclog(ws, "--json", "body", "list", "--exchange", "R2-0613", **examiner).json
    assert len(listed) == 301 and set(listed[0]) >= {"case", "tag", "status", "nationality"}
    summary = forensiclog(ws, "--json", "exchange", "show", "R2-0613", **examiner).json
    assert (
        summary["declared"] == 6000
        and summary["registered"] == 301
        and summary["by_status"]["examined"] == 1
    )
    assert set(summary) >= {"exchange", "date", "declared", "registered", "by_status", "foreign"}
    verified = forensiclog(ws, "--json", "audit", "verify", **examiner).json
    assert verified["valid"] and verified["first_bad"] is None and verified["entries"] > 600
    backup = forensiclog(ws, "--json", "backup", str(tmp_path / "копія #1"), **coordinator).json
    assert backup["cases"] == 301
    assert forensiclog(tmp_path / "копія #1", "--json", "check", **examiner).json["ok"] is True
    assert forensiclog(ws, "--json", "check", **examiner).json["ok"] is True


def test_version_and_usage(tmp_path: Path) -> None:
    version = forensiclog(None, "--version")
    assert version.code == 0 and version.stdout.startswith("forensiclog ")
    assert forensiclog(None, "body", "frobnicate").code == 2
    assert forensiclog(None, "body", "status", "KYV-T1-00001", "done", "--reason", "x").code == 2


def test_refusals_are_one_line_named_and_change_nothing(
    cli: Run, workspace_path: Path, tmp_path: Path
) -> None:
    def entries() -> int:
        return (
            sqlite3.connect(workspace_path / "forensiclog.db")
            .execute("SELECT count(*) FROM audit_entries")
            .fetchone()[0]
        )

    second = forensiclog(
        workspace_path,
        "init",
        "--site",
        "KYV",
        "--team",
        "T1",
        "--admin",
        "a",
        stdin="long-password\n",
    )
    assert second.code == 1 and "not empty" in second.stderr
    assert cli("exchange", "add", "R1", "--date", "2025-06-13", "--declared", "10").code == 0
    before = entries()
    cases = [
        (cli("exchange", "list", password="wrong"), "wrong user name or password"),
        (
            cli("exchange", "add", "R2", "--date", "2025-06-13", "--declared", "1", user="iryna"),
            "may not manage exchanges",
        ),
        (
            cli("exchange", "add", "R1", "--date", "2025-06-13", "--declared", "10"),
            "already exists",
        ),
        (cli("exchange", "add", "R3", "--date", "13.06.2025", "--declared", "10"), "YYYY-MM-DD"),
        (cli("body", "add", "--exchange", "R1", "--condition", "wet", user="petro"), "condition"),
        (cli("body", "show", "KYV-T1-99999", user="petro"), "no case"),
        (
            cli("manifest", "import", "R1", str(write_list(tmp_path / "bad.csv", 80, bad_row=57))),
            "data row 57",
        ),
        (cli("manifest", "import", "R1", str(tmp_path / "missing.csv")), "no such file"),
        (cli("manifest", "import", "R1", str(Path(__file__))), "not valid CSV"),
    ]
    for result, message in cases:
        assert result.code == 1, result
        assert message in result.stderr, (message, result.stderr)
    assert entries() == before


def test_no_user_no_password(cli: Run, workspace_path: Path) -> None:
    anonymous = forensiclog(workspace_path, "exchange", "list")
    assert anonymous.code == 1 and "--user" in anonymous.stderr
    no_password = forensiclog(workspace_path, "exchange", "list", user="olena")
    assert no_password.code == 1 and "FORENSICLOG_PASSWORD" in no_password.stderr


def test_a_manifest_import_killed_midway_leaves_the_database_as_it_was(
    cli: Run, workspace_path: Path, tmp_path: Path
) -> None:
    from tests.conftest import PASSWORDS

    cli("exchange", "add", "R1", "--date", "2025-06-13", "--declared", "6000")
    listing = write_list(tmp_path / "big.csv", 6000)
    env = {**os.environ, "FORENSICLOG_USER": "olena", "FORENSICLOG_PASSWORD": PASSWORDS["olena"]}
    for delay in (0.6, 1.0, 1.4):
        process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "forensiclog",
                "--workspace",
                str(workspace_path),
                "manifest",
                "import",
                "R1",
                str(listing),
            ],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(delay)
        process.send_signal(signal.SIGKILL)
        process.wait()
        connection = sqlite3.connect(workspace_path / "forensiclog.db")
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        cases = connection.execute("SELECT count(*) FROM cases").fetchone()[0]
        connection.close()
        assert cases in (0, 6000)
        if cases == 6000:
            break
    checked = cli("--json", "check", user="iryna")
    assert checked.code == 0 and json.loads(checked.stdout)["ok"]


@pytest.mark.parametrize("name", ["з пробілами", "Справи #1", "a?b=c&d", "100% готово"])
def test_workspace_paths_with_awkward_names(tmp_path: Path, name: str) -> None:
    ws = tmp_path / name / "робочий простір"
    created = forensiclog(
        ws,
        "--json",
        "init",
        "--site",
        "LVV",
        "--team",
        "A1",
        "--admin",
        "admin",
        stdin="admin-password\n",
    )
    assert created.code == 0 and Path(created.json["workspace"]) == ws
    listed = forensiclog(ws, "--json", "exchange", "list", user="admin", password="admin-password")
    assert listed.code == 0 and listed.json == []
    assert sorted(p.name for p in (tmp_path / name).iterdir()) == ["робочий простір"]


@pytest.mark.parametrize("as_json", [True, False])
def test_a_reader_that_closes_the_pipe_gets_no_traceback(
    workspace_path: Path, as_json: bool
) -> None:
    from tests.conftest import PASSWORDS

    reader, writer = os.pipe()
    os.close(reader)  # the reader is gone before the command writes: `| head -c 0`
    environment = {k: v for k, v in os.environ.items() if not k.startswith("FORENSICLOG_")}
    environment.update(FORENSICLOG_USER="admin", FORENSICLOG_PASSWORD=PASSWORDS["admin"])
    command = [sys.executable, "-m", "forensiclog", "--workspace", str(workspace_path)]
    done = subprocess.run(
        [*command, *(["--json"] if as_json else []), "user", "list"],
        stdout=writer,
        stderr=subprocess.PIPE,
        text=True,
        env=environment,
        timeout=60,
        check=False,
    )
    os.close(writer)
    assert done.stderr == ""
    assert done.returncode == 141
