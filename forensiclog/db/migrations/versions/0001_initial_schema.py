"""Initial schema: workspace, users, exchanges, cases, evidence, history

Revision ID: 0001
Revises:
Create Date: 2026-11-26 06:08:40.464016
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "audit_entries",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("origin", sa.String(length=64), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("at", sa.String(length=40), nullable=False),
        sa.Column("user_name", sa.String(length=100), nullable=False),
        sa.Column("action", sa.String(length=60), nullable=False),
        sa.Column("entity", sa.String(length=30), nullable=False),
        sa.Column("entity_uid", sa.String(length=64), nullable=True),
        sa.Column("case_number", sa.String(length=40), nullable=True),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("before", sa.Text(), nullable=True),
        sa.Column("after", sa.Text(), nullable=True),
        sa.Column("state_hash", sa.String(length=64), nullable=True),
        sa.Column("prev_hash", sa.String(length=64), nullable=False),
        sa.Column("entry_hash", sa.String(length=64), nullable=False),
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_entries")),
        sa.UniqueConstraint("origin", "seq", name=op.f("uq_audit_entries_origin")),
    )
    with op.batch_alter_table("audit_entries", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_audit_entries_case_number"), ["case_number"], unique=False
        )
        batch_op.create_index("ix_audit_entries_entity", ["entity", "entity_uid"], unique=False)

    op.create_table(
        "chain_heads",
        sa.Column("origin", sa.String(length=64), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("entry_hash", sa.String(length=64), nullable=False),
        sa.Column("public_key", sa.String(length=128), nullable=False),
        sa.Column("signature", sa.String(length=256), nullable=False),
        sa.PrimaryKeyConstraint("origin", name=op.f("pk_chain_heads")),
    )
    op.create_table(
        "exchanges",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column("date_received", sa.Date(), nullable=False),
        sa.Column("declared", sa.Integer(), nullable=False),
        sa.Column("place", sa.String(length=500), nullable=True),
        sa.Column("counterparty", sa.String(length=500), nullable=True),
        sa.Column("reference", sa.String(length=500), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.String(length=100), nullable=False),
        sa.Column("uid", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_exchanges")),
        sa.UniqueConstraint("code", name=op.f("uq_exchanges_code")),
        sa.UniqueConstraint("uid", name=op.f("uq_exchanges_uid")),
    )
    op.create_table(
        "photo_files",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("media_type", sa.String(length=50), nullable=False),
        sa.Column("width", sa.Integer(), nullable=False),
        sa.Column("height", sa.Integer(), nullable=False),
        sa.Column("taken_at", sa.DateTime(), nullable=True),
        sa.Column("taken_at_local", sa.Boolean(), nullable=False),
        sa.Column("gps_lat", sa.Float(), nullable=True),
        sa.Column("gps_lon", sa.Float(), nullable=True),
        sa.Column("original_name", sa.String(length=500), nullable=True),
        sa.Column("imported_at", sa.DateTime(), nullable=False),
        sa.Column("imported_by", sa.String(length=100), nullable=False),
        sa.Column("uid", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_photo_files")),
        sa.UniqueConstraint("sha256", name=op.f("uq_photo_files_sha256")),
        sa.UniqueConstraint("uid", name=op.f("uq_photo_files_uid")),
    )
    op.create_table(
        "users",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("role", sa.String(length=20), nullable=False),
        sa.Column("password_hash", sa.String(length=200), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.String(length=100), nullable=False),
        sa.Column("uid", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_users")),
        sa.UniqueConstraint("name", name=op.f("uq_users_name")),
        sa.UniqueConstraint("uid", name=op.f("uq_users_uid")),
    )
    op.create_table(
        "workspace",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.String(length=64), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("site", sa.String(length=8), nullable=False),
        sa.Column("team", sa.String(length=8), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("public_key", sa.String(length=128), nullable=False),
        sa.Column("next_case_seq", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_workspace")),
        sa.UniqueConstraint("uid", name=op.f("uq_workspace_uid")),
    )
    op.create_table(
        "cases",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_number", sa.String(length=40), nullable=False),
        sa.Column("exchange_id", sa.Integer(), nullable=False),
        sa.Column("parent_id", sa.Integer(), nullable=True),
        sa.Column("part_seq", sa.Integer(), nullable=True),
        sa.Column("next_part_seq", sa.Integer(), nullable=False),
        sa.Column("tag", sa.String(length=500), nullable=True),
        sa.Column("source", sa.String(length=20), nullable=False),
        sa.Column("arrived_at", sa.DateTime(), nullable=True),
        sa.Column("status", sa.String(length=30), nullable=False),
        sa.Column("condition", sa.String(length=20), nullable=True),
        sa.Column("location", sa.String(length=500), nullable=True),
        sa.Column("sex", sa.String(length=1), nullable=True),
        sa.Column("age_min", sa.Integer(), nullable=True),
        sa.Column("age_max", sa.Integer(), nullable=True),
        sa.Column("stature_cm", sa.Integer(), nullable=True),
        sa.Column("clothing", sa.Text(), nullable=True),
        sa.Column("nationality", sa.String(length=20), nullable=False),
        sa.Column("nationality_basis", sa.Text(), nullable=True),
        sa.Column("nationality_document_id", sa.Integer(), nullable=True),
        sa.Column("checklist", sa.JSON(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("burial_cemetery", sa.String(length=500), nullable=True),
        sa.Column("burial_plot", sa.String(length=500), nullable=True),
        sa.Column("completeness_score", sa.Integer(), nullable=False),
        sa.Column("completeness_missing", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.String(length=100), nullable=False),
        sa.Column("uid", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["exchange_id"], ["exchanges.id"], name=op.f("fk_cases_exchange_id_exchanges")
        ),
        sa.ForeignKeyConstraint(
            ["nationality_document_id"],
            ["documents.id"],
            name=op.f("fk_cases_nationality_document_id_documents"),
            use_alter=True,
        ),
        sa.ForeignKeyConstraint(["parent_id"], ["cases.id"], name=op.f("fk_cases_parent_id_cases")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_cases")),
        sa.UniqueConstraint("case_number", name=op.f("uq_cases_case_number")),
        sa.UniqueConstraint("uid", name=op.f("uq_cases_uid")),
    )
    with op.batch_alter_table("cases", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_cases_completeness_score"), ["completeness_score"], unique=False
        )
        batch_op.create_index(
            "ix_cases_exchange_nationality", ["exchange_id", "nationality"], unique=False
        )
        batch_op.create_index("ix_cases_exchange_status", ["exchange_id", "status"], unique=False)
        batch_op.create_index(batch_op.f("ix_cases_nationality"), ["nationality"], unique=False)
        batch_op.create_index(batch_op.f("ix_cases_parent_id"), ["parent_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_cases_status"), ["status"], unique=False)
        batch_op.create_index(batch_op.f("ix_cases_tag"), ["tag"], unique=False)

    op.create_table(
        "manifest_imports",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("exchange_id", sa.Integer(), nullable=False),
        sa.Column("file_name", sa.String(length=500), nullable=False),
        sa.Column("file_sha256", sa.String(length=64), nullable=False),
        sa.Column("rows", sa.Integer(), nullable=False),
        sa.Column("imported_at", sa.DateTime(), nullable=False),
        sa.Column("imported_by", sa.String(length=100), nullable=False),
        sa.Column("uid", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["exchange_id"],
            ["exchanges.id"],
            name=op.f("fk_manifest_imports_exchange_id_exchanges"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_manifest_imports")),
        sa.UniqueConstraint("uid", name=op.f("uq_manifest_imports_uid")),
    )
    with op.batch_alter_table("manifest_imports", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_manifest_imports_exchange_id"), ["exchange_id"], unique=False
        )

    op.create_table(
        "case_links",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("other_case_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=30), nullable=False),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.String(length=100), nullable=False),
        sa.Column("uid", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"], ["cases.id"], name=op.f("fk_case_links_case_id_cases")
        ),
        sa.ForeignKeyConstraint(
            ["other_case_id"], ["cases.id"], name=op.f("fk_case_links_other_case_id_cases")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_case_links")),
        sa.UniqueConstraint("case_id", "other_case_id", "kind", name=op.f("uq_case_links_case_id")),
        sa.UniqueConstraint("uid", name=op.f("uq_case_links_uid")),
    )
    with op.batch_alter_table("case_links", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_case_links_case_id"), ["case_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_case_links_other_case_id"), ["other_case_id"], unique=False
        )

    op.create_table(
        "custody_entries",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("from_location", sa.String(length=500), nullable=True),
        sa.Column("to_location", sa.String(length=500), nullable=False),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("moved_at", sa.DateTime(), nullable=False),
        sa.Column("moved_by", sa.String(length=100), nullable=False),
        sa.Column("uid", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"], ["cases.id"], name=op.f("fk_custody_entries_case_id_cases")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_custody_entries")),
        sa.UniqueConstraint("uid", name=op.f("uq_custody_entries_uid")),
    )
    with op.batch_alter_table("custody_entries", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_custody_entries_case_id"), ["case_id"], unique=False)

    op.create_table(
        "declared_identities",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("manifest_id", sa.Integer(), nullable=True),
        sa.Column("row_number", sa.Integer(), nullable=True),
        sa.Column("tag", sa.String(length=500), nullable=True),
        sa.Column("surname", sa.String(length=500), nullable=True),
        sa.Column("given_names", sa.String(length=500), nullable=True),
        sa.Column("birth_date", sa.Date(), nullable=True),
        sa.Column("unit", sa.String(length=500), nullable=True),
        sa.Column("service_number", sa.String(length=100), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("uid", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"], ["cases.id"], name=op.f("fk_declared_identities_case_id_cases")
        ),
        sa.ForeignKeyConstraint(
            ["manifest_id"],
            ["manifest_imports.id"],
            name=op.f("fk_declared_identities_manifest_id_manifest_imports"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_declared_identities")),
        sa.UniqueConstraint("case_id", name=op.f("uq_declared_identities_case_id")),
        sa.UniqueConstraint("uid", name=op.f("uq_declared_identities_uid")),
    )
    with op.batch_alter_table("declared_identities", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_declared_identities_manifest_id"), ["manifest_id"], unique=False
        )

    op.create_table(
        "documents",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=30), nullable=False),
        sa.Column("country", sa.String(length=3), nullable=True),
        sa.Column("number", sa.String(length=100), nullable=True),
        sa.Column("surname", sa.String(length=500), nullable=True),
        sa.Column("given_names", sa.String(length=500), nullable=True),
        sa.Column("birth_date", sa.Date(), nullable=True),
        sa.Column("birth_place", sa.String(length=500), nullable=True),
        sa.Column("sex", sa.String(length=1), nullable=True),
        sa.Column("expiry_date", sa.Date(), nullable=True),
        sa.Column("personal_number", sa.String(length=100), nullable=True),
        sa.Column("mrz", sa.Text(), nullable=True),
        sa.Column("mrz_format", sa.String(length=4), nullable=True),
        sa.Column("mrz_valid", sa.Boolean(), nullable=True),
        sa.Column("mrz_failures", sa.JSON(), nullable=False),
        sa.Column("warnings", sa.JSON(), nullable=False),
        sa.Column("found_at", sa.String(length=500), nullable=True),
        sa.Column("bag", sa.String(length=200), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.String(length=100), nullable=False),
        sa.Column("uid", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(["case_id"], ["cases.id"], name=op.f("fk_documents_case_id_cases")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_documents")),
        sa.UniqueConstraint("uid", name=op.f("uq_documents_uid")),
    )
    with op.batch_alter_table("documents", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_documents_case_id"), ["case_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_documents_number"), ["number"], unique=False)

    op.create_table(
        "effects",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=100), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("found_at", sa.String(length=500), nullable=True),
        sa.Column("bag", sa.String(length=200), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.String(length=100), nullable=False),
        sa.Column("uid", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(["case_id"], ["cases.id"], name=op.f("fk_effects_case_id_cases")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_effects")),
        sa.UniqueConstraint("uid", name=op.f("uq_effects_uid")),
    )
    with op.batch_alter_table("effects", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_effects_case_id"), ["case_id"], unique=False)

    op.create_table(
        "marks",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("body_location", sa.String(length=500), nullable=True),
        sa.Column("serial_number", sa.String(length=200), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.String(length=100), nullable=False),
        sa.Column("uid", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(["case_id"], ["cases.id"], name=op.f("fk_marks_case_id_cases")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_marks")),
        sa.UniqueConstraint("uid", name=op.f("uq_marks_uid")),
    )
    with op.batch_alter_table("marks", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_marks_case_id"), ["case_id"], unique=False)

    op.create_table(
        "samples",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(length=100), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("lab", sa.String(length=500), nullable=True),
        sa.Column("taken_at", sa.DateTime(), nullable=False),
        sa.Column("taken_by", sa.String(length=100), nullable=False),
        sa.Column("result", sa.Text(), nullable=True),
        sa.Column("result_at", sa.DateTime(), nullable=True),
        sa.Column("result_by", sa.String(length=100), nullable=True),
        sa.Column("uid", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(["case_id"], ["cases.id"], name=op.f("fk_samples_case_id_cases")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_samples")),
        sa.UniqueConstraint("number", name=op.f("uq_samples_number")),
        sa.UniqueConstraint("uid", name=op.f("uq_samples_uid")),
    )
    with op.batch_alter_table("samples", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_samples_case_id"), ["case_id"], unique=False)

    op.create_table(
        "search_keys",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column(
            "key",
            sa.String(length=64).with_variant(sa.String(length=64, collation="C"), "postgresql"),
            nullable=False,
        ),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"], ["cases.id"], name=op.f("fk_search_keys_case_id_cases")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_search_keys")),
    )
    with op.batch_alter_table("search_keys", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_search_keys_case_id"), ["case_id"], unique=False)
        batch_op.create_index("ix_search_keys_key", ["key", "case_id"], unique=False)

    op.create_table(
        "case_photos",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("photo_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("caption", sa.Text(), nullable=True),
        sa.Column("document_id", sa.Integer(), nullable=True),
        sa.Column("effect_id", sa.Integer(), nullable=True),
        sa.Column("added_at", sa.DateTime(), nullable=False),
        sa.Column("added_by", sa.String(length=100), nullable=False),
        sa.Column("uid", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"], ["cases.id"], name=op.f("fk_case_photos_case_id_cases")
        ),
        sa.ForeignKeyConstraint(
            ["document_id"], ["documents.id"], name=op.f("fk_case_photos_document_id_documents")
        ),
        sa.ForeignKeyConstraint(
            ["effect_id"], ["effects.id"], name=op.f("fk_case_photos_effect_id_effects")
        ),
        sa.ForeignKeyConstraint(
            ["photo_id"], ["photo_files.id"], name=op.f("fk_case_photos_photo_id_photo_files")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_case_photos")),
        sa.UniqueConstraint("case_id", "photo_id", name=op.f("uq_case_photos_case_id")),
        sa.UniqueConstraint("uid", name=op.f("uq_case_photos_uid")),
    )
    with op.batch_alter_table("case_photos", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_case_photos_case_id"), ["case_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_case_photos_document_id"), ["document_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_case_photos_effect_id"), ["effect_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_case_photos_photo_id"), ["photo_id"], unique=False)

    op.create_table(
        "decisions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("state", sa.String(length=20), nullable=False),
        sa.Column("surname", sa.String(length=500), nullable=True),
        sa.Column("given_names", sa.String(length=500), nullable=True),
        sa.Column("birth_date", sa.Date(), nullable=True),
        sa.Column("service_number", sa.String(length=100), nullable=True),
        sa.Column("methods", sa.JSON(), nullable=False),
        sa.Column("basis_document_id", sa.Integer(), nullable=True),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("proposed_at", sa.DateTime(), nullable=False),
        sa.Column("proposed_by", sa.String(length=100), nullable=False),
        sa.Column("decided_at", sa.DateTime(), nullable=True),
        sa.Column("decided_by", sa.String(length=100), nullable=True),
        sa.Column("decision_reason", sa.Text(), nullable=True),
        sa.Column("uid", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["basis_document_id"],
            ["documents.id"],
            name=op.f("fk_decisions_basis_document_id_documents"),
        ),
        sa.ForeignKeyConstraint(["case_id"], ["cases.id"], name=op.f("fk_decisions_case_id_cases")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_decisions")),
        sa.UniqueConstraint("uid", name=op.f("uq_decisions_uid")),
    )
    with op.batch_alter_table("decisions", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_decisions_case_id"), ["case_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("decisions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_decisions_case_id"))

    op.drop_table("decisions")
    with op.batch_alter_table("case_photos", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_case_photos_photo_id"))
        batch_op.drop_index(batch_op.f("ix_case_photos_effect_id"))
        batch_op.drop_index(batch_op.f("ix_case_photos_document_id"))
        batch_op.drop_index(batch_op.f("ix_case_photos_case_id"))

    op.drop_table("case_photos")
    with op.batch_alter_table("search_keys", schema=None) as batch_op:
        batch_op.drop_index("ix_search_keys_key")
        batch_op.drop_index(batch_op.f("ix_search_keys_case_id"))

    op.drop_table("search_keys")
    with op.batch_alter_table("samples", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_samples_case_id"))

    op.drop_table("samples")
    with op.batch_alter_table("marks", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_marks_case_id"))

    op.drop_table("marks")
    with op.batch_alter_table("effects", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_effects_case_id"))

    op.drop_table("effects")
    with op.batch_alter_table("documents", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_documents_number"))
        batch_op.drop_index(batch_op.f("ix_documents_case_id"))

    op.drop_table("documents")
    with op.batch_alter_table("declared_identities", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_declared_identities_manifest_id"))

    op.drop_table("declared_identities")
    with op.batch_alter_table("custody_entries", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_custody_entries_case_id"))

    op.drop_table("custody_entries")
    with op.batch_alter_table("case_links", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_case_links_other_case_id"))
        batch_op.drop_index(batch_op.f("ix_case_links_case_id"))

    op.drop_table("case_links")
    with op.batch_alter_table("manifest_imports", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_manifest_imports_exchange_id"))

    op.drop_table("manifest_imports")
    with op.batch_alter_table("cases", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_cases_tag"))
        batch_op.drop_index(batch_op.f("ix_cases_status"))
        batch_op.drop_index(batch_op.f("ix_cases_parent_id"))
        batch_op.drop_index(batch_op.f("ix_cases_nationality"))
        batch_op.drop_index("ix_cases_exchange_status")
        batch_op.drop_index("ix_cases_exchange_nationality")
        batch_op.drop_index(batch_op.f("ix_cases_completeness_score"))

    op.drop_table("cases")
    op.drop_table("workspace")
    op.drop_table("users")
    op.drop_table("photo_files")
    op.drop_table("exchanges")
    op.drop_table("chain_heads")
    with op.batch_alter_table("audit_entries", schema=None) as batch_op:
        batch_op.drop_index("ix_audit_entries_entity")
        batch_op.drop_index(batch_op.f("ix_audit_entries_case_number"))

    op.drop_table("audit_entries")
