"""Commands on sealed case files: export, verify, import (merge), and the conflicts a merge left."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from forensiclog.cli.runner import Invocation, Output
from forensiclog.domain.errors import VerificationFailed


def _conflict(conflict: Any) -> dict[str, Any]:
    return {
        "id": conflict.id,
        "case": conflict.case_number,
        "entity": conflict.entity,
        "uid": conflict.record_uid,
        "from": conflict.source,
        "opened_at": conflict.opened_at,
        "opened_by": conflict.opened_by,
        "state": conflict.state,
        "fields": {
            d.field: {"local": d.local, "incoming": d.incoming} for d in conflict.differences
        },
    }


def _conflict_line(conflict: Any) -> str:
    fields = ", ".join(d.field for d in conflict.differences)
    what = conflict.case_number or f"{conflict.entity} {conflict.record_uid}"
    return f"conflict {conflict.id}: {what} ({conflict.entity}) differs in {fields}; from {conflict.source}"


def export(run: Invocation) -> Output:
    o = run.options
    result = run.services.casefiles.export(
        Path(o.output).expanduser(), exchange=o.exchange, cases=o.cases
    )
    data = {
        "file": str(result.file),
        "sha256": result.sha256,
        "cases": result.cases,
        "photos": result.photos,
        "signer": result.signer,
    }
    text = (
        f"{result.file}: {result.cases} cases, {result.photos} photos, signed by {result.signer}\n"
        f"SHA-256 {result.sha256}"
    )
    return Output(data, text)


def verify(run: Invocation) -> Output:
    from forensiclog.services.casefiles import verify_casefile

    path = Path(run.options.file).expanduser()
    verdict = verify_casefile(path)
    seal = verdict.seal
    data: dict[str, Any] = {
        "valid": verdict.valid,
        "signer": verdict.signer,
        "problems": [str(p) for p in verdict.problems],
    }
    if seal is not None:
        data.update(
            workspace=f"{seal.workspace_name} ({seal.site}-{seal.team})",
            exported_by=seal.exported_by,
            exported_at=seal.exported_at,
            cases=seal.cases,
            photos=seal.photos,
        )
    if not verdict.valid:
        if run.options.json:
            json.dump(data, sys.stdout, ensure_ascii=False)
            sys.stdout.write("\n")
        shown = "\nerror: ".join(str(p) for p in verdict.problems)
        raise VerificationFailed(f"{path} does not verify:\nerror: {shown}")
    text = f"{path}: verified, signed by {verdict.signer}"
    if seal is not None:
        text += f" ({data['workspace']}), exported by {seal.exported_by} at {seal.exported_at}"
    return Output(data, text)


def import_file(run: Invocation) -> Output:
    result = run.services.merge.import_file(
        Path(run.options.file).expanduser(), unverified=run.options.unverified
    )
    data = {
        "added": result.added,
        "updated": result.updated,
        "unchanged": result.unchanged,
        "conflicts": [_conflict(c) for c in result.conflicts],
        "photos_added": result.photos_added,
        "from": result.source,
        "signer": result.signer,
        "unverified": result.unverified,
        "notes": list(result.notes),
    }
    lines = [
        f"{result.file} from {result.source}: {result.added} cases added, {result.updated} "
        f"updated, {result.unchanged} unchanged, {result.photos_added} photos added"
        + (" (imported unverified)" if result.unverified else "")
    ]
    lines += [_conflict_line(c) for c in result.conflicts]
    lines += list(result.notes)
    return Output(data, "\n".join(lines))


def conflicts(run: Invocation) -> Output:
    found = run.services.merge.conflicts()
    text = "\n".join(_conflict_line(c) for c in found) or "no open conflicts"
    return Output([_conflict(c) for c in found], text)


def resolve(run: Invocation) -> Output:
    o = run.options
    resolved = run.services.merge.resolve(o.conflict, keep=o.keep, reason=o.reason)
    what = resolved.case_number or resolved.record_uid
    return Output(
        {**_conflict(resolved), "kept": o.keep},
        f"conflict {resolved.id} on {what} resolved: kept the {o.keep} version",
    )
