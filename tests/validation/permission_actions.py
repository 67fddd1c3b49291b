"""Every action a user can take, through both doors (the services and the command), with who
may take it — written out from PRODUCT.md ("examiner: create and edit cases; coordinator: also
exchanges, imports, merges, reports, corrections; auditor: read only; admin: users") and the
"who" column of CLI.md, not read from the code that enforces it.

Where CLI.md says "any", every role may; "examiner" includes the coordinator, who may do all an
examiner does. Actions not in CLI.md's table (body part, mark, link, exclude) create or edit
cases: examiner. Reports: CLI.md says "any", so every role, the admin included (an export
changes no record).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from forensiclog.services.build import Services
from forensiclog.services.case_list import CaseFilter
from tests.validation.workloads import FIELD_EXCHANGE, LIST_EXCHANGE

ROLES = ("examiner", "coordinator", "auditor", "admin")
ANY = frozenset(ROLES)
EXAMINER = frozenset({"examiner", "coordinator"})
COORDINATOR = frozenset({"coordinator"})
ADMIN = frozenset({"admin"})
REPORTERS = ANY
IDENTITY = ("--surname", "Гнатюк", "--given-names", "Іван")
CASE, OTHER, PROPOSED, FOREIGN = "KYV-T1-00002", "KYV-T1-00003", "KYV-T1-00004", "KYV-T1-00006"


@dataclass(frozen=True)
class Paths:
    """Files the actions name: a photo, a handover list, another laptop's case file, and a
    folder for what they write."""

    photo: Path
    listing: Path
    incoming: Path
    out: Path


@dataclass(frozen=True)
class Act:
    name: str
    who: frozenset[str]
    write: bool
    cli: Callable[[Paths], list[str]]
    service: Callable[[Services, Paths], Any] | None
    stdin: str = ""


def _report(kind: str, target: str) -> Act:
    return Act(
        f"report {kind}",
        REPORTERS,
        False,
        lambda p: ["report", kind, target, "-o", str(p.out / f"{kind}.pdf")],
        lambda s, p: getattr(s.reports, kind)(
            [target] if kind == "labels" else target, p.out / f"{kind}.pdf"
        ),
    )


ACTS = (
    Act(
        "user add",
        ADMIN,
        True,
        lambda p: ["user", "add", "nadia", "--role", "examiner"],
        lambda s, p: s.users.add("nadia", "examiner", "nadia-password"),
        stdin="nadia-password\n",
    ),
    Act("user list", ADMIN, False, lambda p: ["user", "list"], lambda s, p: s.users.list_all()),
    Act(
        "exchange add",
        COORDINATOR,
        True,
        lambda p: ["exchange", "add", "X-0620", "--date", "2025-06-20", "--declared", "5"],
        lambda s, p: s.exchanges.add("X-0620", date="2025-06-20", declared=5),
    ),
    Act(
        "exchange list",
        ANY,
        False,
        lambda p: ["exchange", "list"],
        lambda s, p: s.exchanges.list_all(),
    ),
    Act(
        "exchange show",
        ANY,
        False,
        lambda p: ["exchange", "show", FIELD_EXCHANGE],
        lambda s, p: s.exchanges.show(FIELD_EXCHANGE),
    ),
    Act(
        "manifest import",
        COORDINATOR,
        True,
        lambda p: ["manifest", "import", LIST_EXCHANGE, str(p.listing)],
        lambda s, p: s.manifest.import_file(LIST_EXCHANGE, p.listing),
    ),
    Act(
        "body add",
        EXAMINER,
        True,
        lambda p: ["body", "add", "--exchange", FIELD_EXCHANGE, "--tag", "P-1"],
        lambda s, p: s.cases.register(FIELD_EXCHANGE, tag="P-1"),
    ),
    Act(
        "body part",
        EXAMINER,
        True,
        lambda p: ["body", "part", CASE, "--condition", "fragmented"],
        lambda s, p: s.cases.add_part(CASE, condition="fragmented"),
    ),
    Act(
        "body edit",
        EXAMINER,
        True,
        lambda p: ["body", "edit", CASE, "--notes", "edited"],
        lambda s, p: s.cases.edit(CASE, {"notes": "edited"}),
    ),
    Act(
        "body status",
        EXAMINER,
        True,
        lambda p: ["body", "status", CASE, "examined", "--reason", "examined"],
        lambda s, p: s.workflow.move(CASE, "examined", reason="examined"),
    ),
    Act(
        "body status --correction",
        COORDINATOR,
        True,
        lambda p: ["body", "status", OTHER, "examined", "--reason", "mistake", "--correction"],
        lambda s, p: s.workflow.move(OTHER, "examined", reason="mistake", correction=True),
    ),
    Act(
        "body identify",
        EXAMINER,
        True,
        lambda p: ["body", "identify", CASE, *IDENTITY, "--method", "dna", "--reason", "DNA match"],
        lambda s, p: s.decisions.propose_identification(
            CASE, surname="Гнатюк", given_names="Іван", methods=["dna"], reason="DNA match"
        ),
    ),
    Act(
        "body exclude",
        EXAMINER,
        True,
        lambda p: ["body", "exclude", FOREIGN, "--basis", "RUS passport"],
        lambda s, p: s.decisions.propose_exclusion(FOREIGN, basis="RUS passport"),
    ),
    Act(
        "body confirm",
        COORDINATOR,
        True,
        lambda p: ["body", "confirm", PROPOSED, "--reason", "confirmed"],
        lambda s, p: s.decisions.confirm(PROPOSED, reason="confirmed"),
    ),
    Act(
        "body move",
        EXAMINER,
        True,
        lambda p: ["body", "move", CASE, "--to", "Fridge 8", "--reason", "space"],
        lambda s, p: s.examination.move(CASE, to="Fridge 8", reason="space"),
    ),
    Act(
        "body mark",
        EXAMINER,
        True,
        lambda p: ["body", "mark", CASE, "--kind", "tattoo", "--description", "anchor"],
        lambda s, p: s.cases.add_mark(CASE, kind="tattoo", description="anchor"),
    ),
    Act(
        "body link",
        EXAMINER,
        True,
        lambda p: ["body", "link", CASE, OTHER, "--reason", "same tattoo"],
        lambda s, p: s.cases.link_duplicate(CASE, OTHER, reason="same tattoo"),
    ),
    Act(
        "checklist set",
        EXAMINER,
        True,
        lambda p: ["checklist", "set", CASE, "dna", "done"],
        lambda s, p: s.examination.set_checklist(CASE, "dna", "done"),
    ),
    Act(
        "sample add",
        EXAMINER,
        True,
        lambda p: ["sample", "add", CASE, "--kind", "bone", "--number", "S-9"],
        lambda s, p: s.examination.add_sample(CASE, kind="bone", sample_number="S-9"),
    ),
    Act(
        "sample result",
        EXAMINER,
        True,
        lambda p: ["sample", "result", "S-1", "--result", "profile obtained"],
        lambda s, p: s.examination.record_result("S-1", result="profile obtained"),
    ),
    Act(
        "doc add",
        EXAMINER,
        True,
        lambda p: ["doc", "add", CASE, "--kind", "passport", "--country", "RUS", "--number", "P1"],
        lambda s, p: s.documents.add(CASE, kind="passport", country="RUS", number="P1"),
    ),
    Act(
        "effect add",
        EXAMINER,
        True,
        lambda p: ["effect", "add", CASE, "--kind", "watch", "--description", "steel watch"],
        lambda s, p: s.effects.add(CASE, kind="watch", description="steel watch"),
    ),
    Act(
        "photo add",
        EXAMINER,
        True,
        lambda p: ["photo", "add", CASE, str(p.photo)],
        lambda s, p: s.photos.add(CASE, [p.photo]),
    ),
    Act("body show", ANY, False, lambda p: ["body", "show", CASE], lambda s, p: s.cases.show(CASE)),
    Act(
        "body list",
        ANY,
        False,
        lambda p: ["body", "list"],
        lambda s, p: s.case_list.page(CaseFilter()),
    ),
    Act(
        "search", ANY, False, lambda p: ["search", "Гнатюк"], lambda s, p: s.search.search("Гнатюк")
    ),
    _report("body", CASE),
    _report("exchange", FIELD_EXCHANGE),
    _report("foreign", FIELD_EXCHANGE),
    _report("labels", CASE),
    _report("discrepancies", FIELD_EXCHANGE),
    Act(
        "casefile export",
        COORDINATOR,
        True,
        lambda p: [
            "casefile",
            "export",
            "--exchange",
            FIELD_EXCHANGE,
            "-o",
            str(p.out / "x.fcase"),
        ],
        lambda s, p: s.casefiles.export(p.out / "x.fcase", exchange=FIELD_EXCHANGE),
    ),
    Act("casefile verify", ANY, False, lambda p: ["casefile", "verify", str(p.incoming)], None),
    Act(
        "casefile import",
        COORDINATOR,
        True,
        lambda p: ["casefile", "import", str(p.incoming)],
        lambda s, p: s.merge.import_file(p.incoming),
    ),
    Act("audit verify", ANY, False, lambda p: ["audit", "verify"], lambda s, p: s.audit.verify()),
    Act("audit log", ANY, False, lambda p: ["audit", "log"], lambda s, p: s.audit.log(limit=5)),
    Act("check", ANY, False, lambda p: ["check"], lambda s, p: s.integrity.check()),
    Act(
        "backup",
        COORDINATOR,
        True,
        lambda p: ["backup", str(p.out / "backup")],
        lambda s, p: s.backup.backup(p.out / "backup"),
    ),
)


def expected_on_a_sealed_file(act: Act, who: str) -> bool:
    """On a sealed case file nothing may be written, by anyone; reading needs no user
    (CLI.md), a role reads what it may read anywhere, and there are no users to list."""
    if act.write or act.name == "user list":
        return False
    return who == "nobody" or who in act.who
