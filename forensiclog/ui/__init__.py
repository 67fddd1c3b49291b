"""The desktop application (PySide6 lives only here and in app.py)."""
