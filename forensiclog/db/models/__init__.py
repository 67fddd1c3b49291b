"""All tables of a workspace database."""

from forensiclog.db.models.cases import (
    Case,
    CaseLink,
    CustodyEntry,
    Decision,
    DeclaredIdentity,
    Mark,
    Sample,
)
from forensiclog.db.models.evidence import CasePhoto, Document, Effect, PhotoFile, SearchKey
from forensiclog.db.models.history import AuditEntry, ChainHead
from forensiclog.db.models.workspace import Exchange, ManifestImport, User, WorkspaceRow

AUDITED_MODELS = (
    User,
    Exchange,
    ManifestImport,
    Case,
    DeclaredIdentity,
    CaseLink,
    Mark,
    CustodyEntry,
    Sample,
    Decision,
    Document,
    Effect,
    PhotoFile,
    CasePhoto,
)

__all__ = [
    "AUDITED_MODELS",
    "AuditEntry",
    "Case",
    "CaseLink",
    "CasePhoto",
    "ChainHead",
    "CustodyEntry",
    "Decision",
    "DeclaredIdentity",
    "Document",
    "Effect",
    "Exchange",
    "ManifestImport",
    "Mark",
    "PhotoFile",
    "Sample",
    "SearchKey",
    "User",
    "WorkspaceRow",
]
