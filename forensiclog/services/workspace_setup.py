"""Creating a workspace: folder, database, key pair, first admin — all or nothing."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sqlalchemy.orm import Session

from forensiclog.db.engine import writer
from forensiclog.domain.case_number import site_code, team_code
from forensiclog.domain.errors import InvalidInput
from forensiclog.domain.records import WorkspaceInfo
from forensiclog.domain.roles import Role
from forensiclog.domain.text import short_text
from forensiclog.services import history
from forensiclog.services.passwords import check_strength
from forensiclog.services.signing import fingerprint, generate_key
from forensiclog.services.storage_errors import storage_errors
from forensiclog.services.users import new_user, user_name
from forensiclog.services.workspace import create_database, new_workspace_row, staged_folder


def init_workspace(
    path: Path, *, site: str, team: str, admin: str, password: str, name: str | None = None
) -> WorkspaceInfo:
    """A new workspace at ``path`` (which must not exist or be empty), with its first admin."""
    site, team, admin = site_code(site), team_code(team), user_name(admin)
    check_strength(password)
    title = short_text(name, "name") or f"{site}-{team}"
    if path.is_file():
        raise InvalidInput("workspace", f"{path} is a file, not a folder")
    with storage_errors(str(path)), staged_folder(path) as folder:
        engine = create_database(folder)
        try:
            signer = generate_key(folder)
            row = new_workspace_row(title, site, team, signer.public_key_hex)
            with Session(writer(engine), expire_on_commit=False) as session, session.begin():
                session.add(row)
                tx = history.Tx(session, admin, row.uid, dt.datetime.now(dt.UTC))
                user = new_user(admin, Role.ADMIN, password, admin)
                session.add(user)
                tx.note(
                    "workspace.init",
                    "workspace",
                    entity_uid=row.uid,
                    details={"site": site, "team": team, "name": title},
                )
                tx.record("user.add", user)
                history.append(tx, signer)
        finally:
            engine.dispose()
    return WorkspaceInfo(
        uid=row.uid,
        name=title,
        site=site,
        team=team,
        created_at=row.created_at,
        public_key_fingerprint=fingerprint(row.public_key),
        path=str(path),
    )
