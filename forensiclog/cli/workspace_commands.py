"""Commands on the workspace itself: init, users, history, check, backup, info."""

from __future__ import annotations

from pathlib import Path

from forensiclog.cli import views
from forensiclog.cli.runner import Invocation, Output
from forensiclog.services.workspace_setup import init_workspace


def init(run: Invocation) -> Output:
    o = run.options
    path = run.workspace_path
    password = run.stdin_secret(f"password for {o.admin}: ", confirm=True)
    info = init_workspace(
        path, site=o.site, team=o.team, admin=o.admin, password=password, name=o.name
    )
    data = {
        "workspace": str(path),
        "site": info.site,
        "team": info.team,
        "uid": info.uid,
        "fingerprint": info.public_key_fingerprint,
    }
    return Output(
        data,
        f"workspace {path} created: site {info.site}, team {info.team}, "
        f"key {info.public_key_fingerprint}",
    )


def user_add(run: Invocation) -> Output:
    services = run.services
    password = run.stdin_secret(f"password for the new user {run.options.name}: ", confirm=True)
    user = services.users.add(run.options.name, run.options.role, password)
    return Output({"user": user.name, "role": user.role}, f"user {user.name} added ({user.role})")


def user_list(run: Invocation) -> Output:
    users = run.services.users.list_all()
    text = "\n".join(f"{u.name}\t{u.role}{'' if u.active else ' (inactive)'}" for u in users)
    return Output([{"user": u.name, "role": u.role, "active": u.active} for u in users], text)


def audit_verify(run: Invocation) -> Output:
    verdict = run.services.audit.verify()
    if not verdict.valid:
        from forensiclog.domain.errors import VerificationFailed

        problems = "; ".join(str(p) for p in verdict.problems)
        error = VerificationFailed(f"the history does not verify: {problems}")
        if run.options.json:
            _print_json(views.chain(verdict))
        raise error
    return Output(views.chain(verdict), f"history verified: {verdict.entries} entries, head signed")


def _print_json(data: object) -> None:
    import json
    import sys

    json.dump(data, sys.stdout, ensure_ascii=False, default=str)
    sys.stdout.write("\n")


def audit_log(run: Invocation) -> Output:
    entries = run.services.audit.log(case=run.options.case, limit=run.options.limit)
    text = "\n".join(
        f"{e.at}  {e.user:<12} {e.action:<24} {e.case_number or ''} {e.reason or ''}".rstrip()
        for e in entries
    )
    return Output([views.history(e) for e in entries], text)


def check(run: Invocation) -> Output:
    services = run.services
    cleaned: tuple[str, ...] = ()
    if run.options.clean:
        cleaned = services.integrity.clean()
    report = services.integrity.check()
    data = {
        "ok": report.ok,
        "problems": [str(p) for p in report.problems],
        "entries": report.entries,
        "photos": report.photos,
        "cleaned": list(cleaned),
    }
    if not report.ok:
        if run.options.json:
            _print_json(data)
        from forensiclog.domain.errors import VerificationFailed

        shown = "\n".join(f"error: {p}" for p in report.problems[1:])
        raise VerificationFailed(f"{report.problems[0]}" + (f"\n{shown}" if shown else ""))
    return Output(
        data,
        f"workspace checked: {report.entries} history entries, {report.photos} photos, no problems",
    )


def backup(run: Invocation) -> Output:
    result = run.services.backup.backup(Path(run.options.dest).expanduser())
    return Output(
        {"backup": str(result.path), "cases": result.cases, "photos": result.photos},
        f"backup written to {result.path}: {result.cases} cases, {result.photos} photos",
    )


def info(run: Invocation) -> Output:
    workspace = run.open()
    i = workspace.info
    data = {
        "workspace": i.path,
        "uid": i.uid,
        "name": i.name,
        "site": i.site,
        "team": i.team,
        "fingerprint": i.public_key_fingerprint,
        "read_only": i.read_only,
    }
    return Output(
        data,
        f"{i.name} ({i.site}-{i.team}) at {i.path}\nkey fingerprint {i.public_key_fingerprint}",
    )
