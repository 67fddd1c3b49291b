"""Alembic environment: runs on the connection handed over by ``forensiclog.db.migrate``."""

from __future__ import annotations

from alembic import context

from forensiclog.db import models  # noqa: F401  (registers every table on Base.metadata)
from forensiclog.db.base import Base

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    # SQLite cannot ALTER most things in place; batch mode rebuilds the table instead.
    render_as_batch=True,
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
