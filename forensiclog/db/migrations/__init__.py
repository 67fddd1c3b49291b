"""Alembic migrations of the workspace schema, run from code (no alembic.ini)."""
