"""Smoke test of the built program — the bundle, never the source: its version, a demo workspace,
a PDF report, a sealed case file, the main window shown offscreen and closed, the log folder,
and a crash that names the log. Prints the cold start time to the main window.

Usage: ``python packaging/smoke.py [PROGRAM]`` (default ``dist/forensiclog/forensiclog``, or
``forensiclog.exe`` / ``forensiclog-cli.exe`` on Windows). Exit status 0 when every check
passed. Runs with the standard library only, so it can check a bundle on a machine without
the project's virtualenv.
"""

from __future__ import annotations

import csv
import hashlib
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WINDOWS = sys.platform.startswith("win")
COMMAND_TIMEOUT = 300.0  # the demo builds a few hundred cases with photos: ~10 s here
WINDOW_TIMEOUT = 60.0
QUIT_ENV = "FORENSICLOG_QUIT_AFTER_START"  # forensiclog/app.py: quit once the main window is up
WINDOW_RUNS = 3


class SmokeFailure(Exception):
    """A check on the built program failed; the message says which and what was seen."""


@dataclass(frozen=True)
class Ran:
    """One run of the program: its exit status, its output, and how long it took."""

    args: tuple[str, ...]
    code: int
    stdout: str
    stderr: str
    seconds: float

    def json(self) -> object:
        try:
            return json.loads(self.stdout)
        except json.JSONDecodeError as error:
            raise SmokeFailure(f"{self.describe()}: stdout is not one JSON document") from error

    def describe(self) -> str:
        return "forensiclog " + " ".join(self.args)


class Program:
    """The bundled program, run in a private home: its own data, settings and log folders."""

    def __init__(self, binary: Path, home: Path) -> None:
        self.binary = binary
        self.home = home
        self.env = self._environment(home)

    @staticmethod
    def _environment(home: Path) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if not k.startswith("FORENSICLOG_")}
        env["QT_QPA_PLATFORM"] = "offscreen"
        for name in ("XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"):
            env[name] = str(home / name.lower())
        # platformdirs' override of Windows' local application data folder (data and logs)
        env["WIN_PD_OVERRIDE_CSIDL_LOCAL_APPDATA"] = str(home / "localappdata")
        return env

    def run(
        self,
        *args: str,
        stdin: str = "",
        env: dict[str, str] | None = None,
        timeout: float = COMMAND_TIMEOUT,
        binary: Path | None = None,
    ) -> Ran:
        started = time.perf_counter()
        try:
            done = subprocess.run(  # noqa: S603 — our own program, arguments are ours
                [str(binary or self.binary), *args],
                input=stdin,
                capture_output=True,
                text=True,
                encoding="utf-8",
                env={**self.env, **(env or {})},
                timeout=timeout,
                check=False,
            )
        except subprocess.TimeoutExpired as error:
            raise SmokeFailure(
                f"forensiclog {' '.join(args)}: still running after {timeout:.0f} s"
            ) from error
        seconds = time.perf_counter() - started
        return Ran(tuple(args), done.returncode, done.stdout, done.stderr, seconds)

    def ok(self, *args: str, stdin: str = "", env: dict[str, str] | None = None) -> Ran:
        ran = self.run(*args, stdin=stdin, env=env)
        if ran.code != 0:
            raise SmokeFailure(f"{ran.describe()}: exit {ran.code}\n{ran.stderr.strip()}")
        if "Traceback" in ran.stderr:
            raise SmokeFailure(f"{ran.describe()}: printed a traceback\n{ran.stderr}")
        return ran

    def log_file(self) -> Path:
        """Where the program must write its log: the platform's log folder (platformdirs)."""
        if WINDOWS:
            local = Path(self.env["WIN_PD_OVERRIDE_CSIDL_LOCAL_APPDATA"])
            return local / "ForensicLog" / "ForensicLog" / "Logs" / "forensiclog.log"
        if sys.platform == "darwin":
            return Path.home() / "Library" / "Logs" / "ForensicLog" / "forensiclog.log"
        return Path(self.env["XDG_STATE_HOME"]) / "ForensicLog" / "log" / "forensiclog.log"

    def log_text(self) -> str:
        path = self.log_file()
        return path.read_text(encoding="utf-8", errors="replace") if path.exists() else ""

    def not_built(self, ran: Ran, module: str) -> bool:
        """The command failed only because its module is not written yet (not in the source either).

        A module the source has but the bundle lacks is a packaging defect, not a skip.
        """
        if not (ran.code == 1 and f"No module named '{module}'" in self.log_text()):
            return False
        source = ROOT.joinpath(*module.split(".")).with_suffix(".py")
        if source.exists():
            raise SmokeFailure(f"{ran.describe()}: the bundle lacks {module}, which the source has")
        return True


def say(text: str) -> None:
    print(f"smoke: {text}", flush=True)  # noqa: T201 — a command-line check reports on stdout


def expected_version() -> str:
    data = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    return str(data["project"]["version"])


def check_version(program: Program) -> None:
    ran = program.ok("--version")
    want = f"forensiclog {expected_version()}"
    if ran.stdout.strip() != want:
        raise SmokeFailure(f"--version printed {ran.stdout.strip()!r}, expected {want!r}")
    say(f"version: {ran.stdout.strip()} ({ran.seconds:.2f} s)")


@dataclass(frozen=True)
class Workspace:
    """A workspace the later checks use: where, an exchange, and a coordinator's credentials."""

    path: Path
    exchange: str
    user: str
    password: str

    def signed_in(self) -> dict[str, str]:
        return {"FORENSICLOG_USER": self.user, "FORENSICLOG_PASSWORD": self.password}


def make_workspace(program: Program, folder: Path) -> Workspace:
    ran = program.run("--json", "--workspace", str(folder), "demo")
    if program.not_built(ran, "forensiclog.cli.demo_commands"):
        say("demo: not in this build; building a workspace with init, users and a handover list")
        shutil.rmtree(folder, ignore_errors=True)
        return built_by_hand(program, folder)
    if ran.code != 0:
        raise SmokeFailure(f"{ran.describe()}: exit {ran.code}\n{ran.stderr.strip()}")
    data = ran.json()
    assert isinstance(data, dict)
    coordinator = next(u for u in data["users"] if u["role"] == "coordinator")
    say(
        f"demo workspace: {len(data['users'])} users, exchanges {data['exchanges']} ({ran.seconds:.1f} s)"
    )
    return Workspace(folder, data["exchanges"][0], coordinator["name"], coordinator["password"])


def built_by_hand(program: Program, folder: Path) -> Workspace:
    """The same kind of workspace through init, user, exchange and manifest commands."""
    ws = ("--workspace", str(folder))
    admin = {"FORENSICLOG_USER": "admin", "FORENSICLOG_PASSWORD": "smoke-admin-password"}
    program.ok(
        *ws,
        "init",
        "--site",
        "KYV",
        "--team",
        "T9",
        "--admin",
        "admin",
        stdin="smoke-admin-password\n",
    )
    program.ok(
        *ws,
        "user",
        "add",
        "olena",
        "--role",
        "coordinator",
        stdin="smoke-olena-password\n",
        env=admin,
    )
    program.ok(
        *ws, "user", "add", "petro", "--role", "examiner", stdin="smoke-petro-password\n", env=admin
    )
    coordinator = Workspace(folder, "R9-0101", "olena", "smoke-olena-password")
    program.ok(
        *ws,
        "exchange",
        "add",
        "R9-0101",
        "--date",
        "2025-06-13",
        "--declared",
        "40",
        "--place",
        "Київ",
        env=coordinator.signed_in(),
    )
    handover = folder.parent / "handover.csv"
    write_handover_list(handover, rows=40)
    ran = program.ok(
        *ws, "--json", "manifest", "import", "R9-0101", str(handover), env=coordinator.signed_in()
    )
    created = ran.json()
    assert isinstance(created, dict)
    if created.get("created") != 40:
        raise SmokeFailure(f"{ran.describe()}: created {created.get('created')} cases, expected 40")
    say(f"workspace by hand: 3 users, exchange R9-0101, {created['created']} cases")
    return coordinator


def write_handover_list(path: Path, rows: int) -> None:
    surnames = ("Шевченко", "Гнатюк", "Коваленко", "Бондар", "Ткаченко")
    with path.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(["tag", "surname", "given_names", "birth_date", "unit"])
        for n in range(1, rows + 1):
            writer.writerow(
                [
                    f"UA-{n:05d}",
                    surnames[n % 5],
                    "Олег",
                    f"19{70 + n % 30}-01-{1 + n % 28:02d}",
                    "A0000",
                ]
            )


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def check_written(ran: Ran, path: Path, magic: bytes) -> dict[str, object]:
    data = ran.json()
    if not isinstance(data, dict) or not path.is_file():
        raise SmokeFailure(f"{ran.describe()}: no file at {path}")
    if not path.read_bytes().startswith(magic):
        raise SmokeFailure(f"{ran.describe()}: {path.name} does not start with {magic!r}")
    if data.get("sha256") != sha256(path):
        raise SmokeFailure(f"{ran.describe()}: the sha256 it printed is not the file's")
    return data


def export_report(program: Program, ws: Workspace) -> Path | None:
    pdf = ws.path.parent / "exchange.pdf"
    args = (
        "--json",
        "--workspace",
        str(ws.path),
        "report",
        "exchange",
        ws.exchange,
        "-o",
        str(pdf),
    )
    ran = program.run(*args, env=ws.signed_in())
    if program.not_built(ran, "forensiclog.cli.report_commands"):
        say("report exchange: not in this build — skipped")
        return None
    if ran.code != 0:
        raise SmokeFailure(f"{ran.describe()}: exit {ran.code}\n{ran.stderr.strip()}")
    data = check_written(ran, pdf, b"%PDF-")
    if not isinstance(data.get("pages"), int) or int(str(data["pages"])) < 1:
        raise SmokeFailure(f"{ran.describe()}: pages {data.get('pages')!r}")
    say(f"report exchange: {data['pages']} pages, {pdf.stat().st_size} bytes ({ran.seconds:.1f} s)")
    return pdf


def export_case_file(program: Program, ws: Workspace) -> Path | None:
    sealed = ws.path.parent / "exchange.fcase"
    args = (
        "--json",
        "--workspace",
        str(ws.path),
        "casefile",
        "export",
        "--exchange",
        ws.exchange,
        "-o",
        str(sealed),
    )
    ran = program.run(*args, env=ws.signed_in())
    if program.not_built(ran, "forensiclog.cli.casefile_commands"):
        say("casefile export: not in this build — skipped")
        return None
    if ran.code != 0:
        raise SmokeFailure(f"{ran.describe()}: exit {ran.code}\n{ran.stderr.strip()}")
    check_written(ran, sealed, b"")
    verified = program.run("--json", "casefile", "verify", str(sealed))
    report = verified.json()
    if verified.code != 0 or not isinstance(report, dict) or report.get("valid") is not True:
        raise SmokeFailure(
            f"{verified.describe()}: exit {verified.code}, {verified.stdout.strip()}"
        )
    say(f"casefile export + verify: {sealed.stat().st_size} bytes, valid ({ran.seconds:.1f} s)")
    return sealed


def show_window(program: Program, args: Sequence[str], env: dict[str, str]) -> Ran:
    """Start the desktop application offscreen; it must show its main window and quit by itself."""
    try:
        ran = program.run(*args, env={**env, QUIT_ENV: "1"}, timeout=WINDOW_TIMEOUT)
    except SmokeFailure as error:
        raise SmokeFailure(
            f"{error}: the main window did not close by itself — forensiclog/app.py must quit "
            f"once the main window is shown when {QUIT_ENV} is set, and sign in with "
            "FORENSICLOG_USER/FORENSICLOG_PASSWORD as the command line does"
        ) from error
    if ran.code != 0 or "Traceback" in ran.stderr:
        raise SmokeFailure(f"{ran.describe()}: exit {ran.code}\n{ran.stderr.strip()}")
    return ran


def check_window(program: Program, ws: Workspace, sealed: Path | None) -> list[float]:
    args = ("--workspace", str(ws.path), "gui")
    times = [show_window(program, args, ws.signed_in()).seconds for _ in range(WINDOW_RUNS)]
    say(
        f"main window (offscreen, signed in): cold start {times[0]:.2f} s, "
        f"then median {statistics.median(times[1:]):.2f} s over {len(times) - 1} runs"
    )
    if sealed is not None:
        ran = show_window(program, ("open", str(sealed)), {})
        say(f"main window on the sealed case file (read-only): {ran.seconds:.2f} s")
    return times


def check_log_folder(program: Program) -> None:
    path = program.log_file()
    if not path.is_file():
        raise SmokeFailure(f"no log at {path}: the program must log to the platform's log folder")
    say(f"log: {path} ({path.stat().st_size} bytes)")


def check_crash_names_log(program: Program, scratch: Path) -> None:
    """A damaged installation (a migration file missing) must fail naming the log, no traceback."""
    broken = scratch / "broken"
    shutil.copytree(program.binary.parent, broken, symlinks=True)
    env_py = next(broken.rglob("forensiclog/db/migrations/env.py"))
    env_py.unlink()
    folder = scratch / "crash-workspace"
    ran = program.run(
        "--workspace",
        str(folder),
        "init",
        "--site",
        "KYV",
        "--team",
        "T8",
        "--admin",
        "admin",
        stdin="smoke-admin-password\n",
        binary=broken / program.binary.name,
    )
    log = program.log_file()
    if ran.code != 1 or str(log) not in ran.stderr or "Traceback" in ran.stderr:
        raise SmokeFailure(
            f"a crash must exit 1 and name {log} without a traceback; got exit {ran.code}: {ran.stderr.strip()}"
        )
    if "env.py" not in program.log_text():
        raise SmokeFailure(f"the crash's traceback is not in {log}")
    if folder.exists() and any(folder.iterdir()):
        raise SmokeFailure(f"the failed init left files in {folder}")
    say(f"crash: message names {log}; the traceback is there; nothing half-made")
    shutil.rmtree(broken)


def default_binary() -> Path:
    name = "forensiclog-cli.exe" if WINDOWS else "forensiclog"
    return ROOT / "dist" / "forensiclog" / name


def smoke(binary: Path) -> None:
    if not binary.is_file():
        raise SmokeFailure(f"no built program at {binary}: run `make package` first")
    with tempfile.TemporaryDirectory(prefix="forensiclog-smoke-") as tmp:
        scratch = Path(tmp)
        program = Program(binary, scratch / "home")
        say(f"program: {binary}")
        check_version(program)
        ws = make_workspace(program, scratch / "workspace")
        export_report(program, ws)
        sealed = export_case_file(program, ws)
        window = (
            program if not WINDOWS else Program(binary.with_name("forensiclog.exe"), program.home)
        )
        check_window(window, ws, sealed)
        check_log_folder(program)
        check_crash_names_log(program, scratch)


def main(argv: Sequence[str]) -> int:
    binary = Path(argv[0]).resolve() if argv else default_binary()
    started = time.perf_counter()
    try:
        smoke(binary)
    except SmokeFailure as failure:
        say(f"FAILED: {failure}")
        return 1
    say(f"passed ({time.perf_counter() - started:.1f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
