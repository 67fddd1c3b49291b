"""The command-line grammar (CLI.md). Only argparse here: parsing must stay fast, so each
command names its handler as ``module:function``, imported only when it runs."""

from __future__ import annotations

import argparse
from typing import Any

from forensiclog import __version__

STATUSES = (
    "received",
    "examined",
    "sampled",
    "awaiting_results",
    "identified",
    "foreign_national",
    "unidentified",
    "released",
    "returned",
    "buried_unidentified",
)
_H = "forensiclog.cli."


def _command(
    sub: Any, name: str, handler: str, help_text: str, **kw: Any
) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = sub.add_parser(
        name, help=help_text, description=help_text, **kw
    )
    parser.set_defaults(handler=_H + handler)
    return parser


def _group(sub: Any, name: str, help_text: str) -> Any:
    parser = sub.add_parser(name, help=help_text, description=help_text)
    inner = parser.add_subparsers(dest=f"{name}_command", metavar="ACTION", required=True)
    return inner


def _workspace_commands(sub: Any) -> None:
    p = _command(sub, "init", "workspace_commands:init", "create a new workspace")
    p.add_argument("--site", required=True, help="site code, e.g. KYV")
    p.add_argument("--team", required=True, help="team code, e.g. T2")
    p.add_argument("--admin", required=True, help="name of the first administrator")
    p.add_argument("--name", help="a name for the workspace")
    _command(sub, "demo", "demo_commands:demo", "create a workspace holding the demo scenario")
    users = _group(sub, "user", "users and roles")
    p = _command(users, "add", "workspace_commands:user_add", "add a user (password from stdin)")
    p.add_argument("name")
    p.add_argument("--role", required=True, choices=("examiner", "coordinator", "auditor", "admin"))
    _command(users, "list", "workspace_commands:user_list", "list users")
    audit = _group(sub, "audit", "the history")
    _command(audit, "verify", "workspace_commands:audit_verify", "verify the history's hash chain")
    p = _command(audit, "log", "workspace_commands:audit_log", "show history entries")
    p.add_argument("--case")
    p.add_argument("--limit", type=int)
    p = _command(sub, "check", "workspace_commands:check", "check the database, history and photos")
    p.add_argument("--clean", action="store_true", help="remove photo files that have no record")
    p = _command(sub, "backup", "workspace_commands:backup", "a consistent snapshot into DEST")
    p.add_argument("dest")
    _command(sub, "info", "workspace_commands:info", "the workspace's identity and key fingerprint")


def _exchange_commands(sub: Any) -> None:
    exchange = _group(sub, "exchange", "repatriation exchanges")
    p = _command(exchange, "add", "exchange_commands:add", "add an exchange")
    p.add_argument("code")
    p.add_argument("--date", required=True, help="date received, YYYY-MM-DD")
    p.add_argument("--declared", required=True, help="bodies the other side declared")
    for option in ("place", "counterparty", "reference", "notes"):
        p.add_argument(f"--{option}")
    _command(
        exchange, "list", "exchange_commands:list_exchanges", "list exchanges with their counts"
    )
    p = _command(exchange, "show", "exchange_commands:show", "one exchange with its counts")
    p.add_argument("code")
    manifest = _group(sub, "manifest", "handover lists")
    p = _command(
        manifest, "import", "exchange_commands:manifest_import", "import a handover list (CSV/XLSX)"
    )
    p.add_argument("code")
    p.add_argument("file")


def _body_commands(sub: Any) -> None:
    body = _group(sub, "body", "cases: bodies and body parts")
    p = _command(body, "add", "case_commands:add", "register a body")
    p.add_argument("--exchange", required=True)
    for option in ("tag", "condition", "location", "notes"):
        p.add_argument(f"--{option}")
    p.add_argument("--sex", choices=("M", "F", "U"))
    p.add_argument(
        "--duplicate-tag", action="store_true", help="the tag is already on another body"
    )
    p = _command(body, "part", "case_commands:add_part", "register a body part of a case")
    p.add_argument("case")
    for option in ("condition", "location", "notes", "reason"):
        p.add_argument(f"--{option}")
    p = _command(body, "edit", "case_commands:edit", "change findings")
    p.add_argument("case")
    for option in (
        "tag",
        "condition",
        "location",
        "sex",
        "age-min",
        "age-max",
        "stature-cm",
        "clothing",
        "notes",
        "basis",
        "cemetery",
        "plot",
        "reason",
    ):
        p.add_argument(f"--{option}")
    p.add_argument("--nationality", choices=("own", "foreign", "undetermined"))
    p.add_argument(
        "--duplicate-tag",
        action="store_true",
        help="the new tag is already on another body of the exchange, and both really carry it",
    )
    p.add_argument(
        "--basis-document", type=int, metavar="ID", help="a document on the case as the basis"
    )
    p = _command(body, "status", "case_commands:status", "move the workflow")
    p.add_argument("case")
    p.add_argument("status", choices=STATUSES)
    p.add_argument("--reason", required=True)
    p.add_argument("--correction", action="store_true", help="a coordinator's correction")
    p = _command(body, "identify", "case_commands:identify", "propose an identification")
    p.add_argument("case")
    p.add_argument("--surname", required=True)
    p.add_argument("--given-names", required=True)
    p.add_argument("--birth-date")
    p.add_argument("--service-number")
    p.add_argument(
        "--method",
        action="append",
        required=True,
        choices=("dna", "fingerprints", "dental", "documents", "visual", "effects"),
    )
    p.add_argument("--document", type=int, metavar="ID")
    p.add_argument("--reason", required=True)
    p = _command(body, "exclude", "case_commands:exclude", "propose an exclusion: not one of ours")
    p.add_argument("case")
    p.add_argument("--basis", required=True)
    p.add_argument("--document", type=int, metavar="ID")
    p = _command(
        body, "confirm", "case_commands:confirm", "confirm the proposed decision (locks the case)"
    )
    p.add_argument("case")
    p.add_argument("--reason", required=True)
    p = _command(body, "withdraw", "case_commands:withdraw", "withdraw the standing decision")
    p.add_argument("case")
    p.add_argument("--reason", required=True)
    p = _command(body, "move", "case_commands:move", "log a move of the body")
    p.add_argument("case")
    p.add_argument("--to", required=True)
    p.add_argument("--reason", required=True)
    p = _command(body, "mark", "case_commands:mark", "record a distinguishing mark")
    p.add_argument("case")
    p.add_argument("--kind", required=True, choices=("tattoo", "scar", "prosthesis", "other"))
    p.add_argument("--description", required=True)
    for option in ("body-location", "serial-number", "reason"):
        p.add_argument(f"--{option}")
    p = _command(body, "link", "case_commands:link", "link two cases as suspected duplicates")
    p.add_argument("case")
    p.add_argument("other")
    p.add_argument("--reason", required=True)
    p = _command(body, "show", "case_commands:show", "everything about one case")
    p.add_argument("case")
    p = _command(body, "list", "case_commands:list_cases", "list cases")
    p.add_argument("--exchange")
    p.add_argument("--status", choices=STATUSES)
    p.add_argument("--nationality", choices=("own", "foreign", "undetermined"))
    p.add_argument("--limit", type=int)
    checklist = _group(sub, "checklist", "the examination checklist")
    p = _command(checklist, "set", "case_commands:checklist_set", "set one examination's state")
    p.add_argument("case")
    p.add_argument(
        "item",
        choices=(
            "external",
            "effects",
            "fingerprints",
            "dental",
            "anthropology",
            "pathology",
            "dna",
        ),
    )
    p.add_argument("state", choices=("not_started", "in_progress", "done", "not_possible"))
    p.add_argument("--reason")
    sample = _group(sub, "sample", "DNA samples")
    p = _command(sample, "add", "case_commands:sample_add", "record a sample taken")
    p.add_argument("case")
    p.add_argument("--kind", required=True, choices=("bone", "tooth", "tissue", "blood"))
    p.add_argument("--number", required=True)
    p.add_argument("--lab")
    p.add_argument("--reason", help="why, when the case is locked (a coordinator's correction)")
    p = _command(sample, "result", "case_commands:sample_result", "record a sample's result")
    p.add_argument("number")
    p.add_argument("--result", required=True)
    p.add_argument("--lab")


def _evidence_commands(sub: Any) -> None:
    doc = _group(sub, "doc", "documents found on a body")
    p = _command(doc, "add", "evidence_commands:doc_add", "record a document found on a body")
    p.add_argument("case")
    p.add_argument(
        "--kind",
        required=True,
        choices=(
            "passport",
            "internal_passport",
            "military_id",
            "id_card",
            "identity_tag",
            "driving_licence",
            "other",
        ),
    )
    for option in (
        "country",
        "number",
        "surname",
        "given-names",
        "birth-date",
        "birth-place",
        "sex",
        "expiry-date",
        "personal-number",
        "found-at",
        "bag",
        "notes",
    ):
        p.add_argument(f"--{option}")
    p.add_argument(
        "--mrz", action="append", metavar="LINE", help="an MRZ line (repeat for each line)"
    )
    p.add_argument("--accept-invalid-mrz", action="store_true")
    p.add_argument("--photo", action="append", metavar="FILE", default=[])
    effect = _group(sub, "effect", "personal effects")
    p = _command(effect, "add", "evidence_commands:effect_add", "record a personal effect")
    p.add_argument("case")
    p.add_argument("--kind", required=True)
    p.add_argument("--description", required=True)
    p.add_argument("--found-at")
    p.add_argument("--bag")
    p.add_argument("--photo", action="append", metavar="FILE", default=[])
    photo = _group(sub, "photo", "photos")
    p = _command(photo, "add", "evidence_commands:photo_add", "add photos to a case (all or none)")
    p.add_argument("case")
    p.add_argument("files", nargs="+", metavar="FILE")
    p.add_argument(
        "--kind",
        default="other",
        choices=("overview", "face", "document", "effect", "mark", "clothing", "other"),
    )
    p.add_argument("--caption")
    p.add_argument("--document", type=int, metavar="ID")
    p.add_argument("--effect", type=int, metavar="ID")
    p = _command(
        sub, "search", "evidence_commands:search", "find cases by number, tag, document or name"
    )
    p.add_argument("text")
    p.add_argument("--limit", type=int, default=50)


def _report_commands(sub: Any) -> None:
    report = _group(sub, "report", "PDF reports")
    for kind, target, help_text in (
        ("body", "case", "everything about one case"),
        ("exchange", "code", "an exchange's summary and every case"),
        ("foreign", "code", "cases assessed foreign, with their documents"),
        ("discrepancies", "code", "handover list against bodies received"),
    ):
        p = _command(report, kind, f"report_commands:{kind}", help_text)
        p.add_argument(target)
        p.add_argument("-o", "--output", required=True, metavar="FILE")
        p.add_argument("--language", choices=("uk", "en"))
    p = _command(report, "labels", "report_commands:labels", "a sheet of labels with QR codes")
    p.add_argument("targets", nargs="+", metavar="CODE|CASE")
    p.add_argument("-o", "--output", required=True, metavar="FILE")
    p.add_argument("--layout", default="a4-24", choices=("a4-24", "a4-14", "a4-8"))
    p.add_argument("--language", choices=("uk", "en"))


def _exchange_or_cases(options: argparse.Namespace) -> str | None:
    if options.exchange is None and not options.cases:
        return "casefile export: name an exchange (--exchange CODE) or the cases to export"
    if options.exchange is not None and options.cases:
        return "casefile export: name an exchange or cases, not both"
    return None


def _casefile_commands(sub: Any) -> None:
    casefile = _group(sub, "casefile", "sealed case files")
    p = _command(casefile, "export", "casefile_commands:export", "export cases as one sealed file")
    p.add_argument("cases", nargs="*", metavar="CASE")
    p.add_argument("--exchange")
    p.add_argument("-o", "--output", required=True, metavar="FILE")
    p.set_defaults(usage_check=_exchange_or_cases)
    p = _command(casefile, "verify", "casefile_commands:verify", "verify a sealed case file")
    p.add_argument("file")
    p = _command(
        casefile, "import", "casefile_commands:import_file", "merge a case file into this workspace"
    )
    p.add_argument("file")
    p.add_argument(
        "--unverified", action="store_true", help="import a file that does not verify (recorded)"
    )
    _command(casefile, "conflicts", "casefile_commands:conflicts", "cases changed on both sides")
    p = _command(casefile, "resolve", "casefile_commands:resolve", "resolve a merge conflict")
    p.add_argument("conflict", type=int, help="the conflict's id, as listed by casefile conflicts")
    p.add_argument("--keep", required=True, choices=("local", "incoming"))
    p.add_argument("--reason", required=True)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="forensiclog",
        description="Forensic identification case logging. Without a command: the desktop application.",
    )
    parser.add_argument("--version", action="version", version=f"forensiclog {__version__}")
    parser.add_argument(
        "--workspace", metavar="PATH", help="workspace folder or sealed case file (.fcase)"
    )
    parser.add_argument("--user", metavar="NAME", help="who is acting (or FORENSICLOG_USER)")
    parser.add_argument("--json", action="store_true", help="one JSON document on stdout")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    _workspace_commands(sub)
    _exchange_commands(sub)
    _body_commands(sub)
    _evidence_commands(sub)
    _report_commands(sub)
    _casefile_commands(sub)
    _command(sub, "gui", "app:run_gui", "the desktop application")
    p = _command(
        sub, "open", "app:run_gui", "open a sealed case file read-only in the desktop application"
    )
    p.add_argument("file")
    return parser
