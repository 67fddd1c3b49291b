"""Storage: SQLAlchemy models, the SQLite engine and its migrations."""
