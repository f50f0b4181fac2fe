"""Create the initial schema of privserver and its demo identity provider.

Revision ID: 0001
Revises:
Create Date: 2026-12-04 19:56:15.880785
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "audit_events",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("organization_tin", sa.String(length=10), nullable=False),
        sa.Column("time", sa.DateTime(), nullable=False),
        sa.Column("actor", sa.String(length=140), nullable=False),
        sa.Column("actor_name", sa.String(length=200), nullable=True),
        sa.Column("action", sa.String(length=60), nullable=False),
        sa.Column("target_type", sa.String(length=40), nullable=False),
        sa.Column("target_id", sa.String(length=200), nullable=False),
        sa.Column("before", sa.JSON(), nullable=True),
        sa.Column("after", sa.JSON(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_events")),
    )
    with op.batch_alter_table("audit_events", schema=None) as batch_op:
        batch_op.create_index("ix_audit_events_org_id", ["organization_tin", "id"], unique=False)

    op.create_table(
        "idp_clients",
        sa.Column("client_id", sa.String(length=100), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("public", sa.Boolean(), nullable=False),
        sa.Column("secret_hash", sa.String(length=200), nullable=True),
        sa.Column("redirect_uris", sa.JSON(), nullable=False),
        sa.Column("created", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("client_id", name=op.f("pk_idp_clients")),
    )
    op.create_table(
        "idp_refresh_tokens",
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("family_id", sa.String(length=36), nullable=False),
        sa.Column("client_id", sa.String(length=100), nullable=False),
        sa.Column("idp", sa.String(length=20), nullable=False),
        sa.Column("idp_identity_id", sa.String(length=36), nullable=False),
        sa.Column("scope", sa.Text(), nullable=False),
        sa.Column("created", sa.DateTime(), nullable=False),
        sa.Column("expires", sa.DateTime(), nullable=False),
        sa.Column("family_expires", sa.DateTime(), nullable=False),
        sa.Column("rotated", sa.DateTime(), nullable=True),
        sa.Column("successor_token", sa.Text(), nullable=True),
        sa.Column("revoked", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("token_hash", name=op.f("pk_idp_refresh_tokens")),
    )
    with op.batch_alter_table("idp_refresh_tokens", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_idp_refresh_tokens_family_id"), ["family_id"], unique=False
        )

    op.create_table(
        "idp_signing_keys",
        sa.Column("kid", sa.String(length=100), nullable=False),
        sa.Column("alg", sa.String(length=10), nullable=False),
        sa.Column("private_jwk", sa.JSON(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("created", sa.DateTime(), nullable=False),
        sa.Column("retired", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("kid", name=op.f("pk_idp_signing_keys")),
    )
    op.create_table(
        "organizations",
        sa.Column("tin", sa.String(length=10), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("name_key", sa.String(length=200), nullable=False),
        sa.Column("created", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("tin", name=op.f("pk_organizations")),
    )
    with op.batch_alter_table("organizations", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_organizations_name_key"), ["name_key"], unique=False)

    op.create_table(
        "api_clients",
        sa.Column("client_id", sa.String(length=100), nullable=False),
        sa.Column("organization_tin", sa.String(length=10), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("secret_hash", sa.String(length=200), nullable=False),
        sa.Column("disabled", sa.Boolean(), nullable=False),
        sa.Column("created", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["organization_tin"],
            ["organizations.tin"],
            name=op.f("fk_api_clients_organization_tin_organizations"),
        ),
        sa.PrimaryKeyConstraint("client_id", name=op.f("pk_api_clients")),
    )
    with op.batch_alter_table("api_clients", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_api_clients_organization_tin"), ["organization_tin"], unique=False
        )

    op.create_table(
        "identities",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("idp", sa.String(length=20), nullable=False),
        sa.Column("idp_identity_id", sa.String(length=36), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=True),
        sa.Column("email", sa.String(length=320), nullable=True),
        sa.Column("rid", sa.String(length=40), nullable=True),
        sa.Column("search_key", sa.Text(), nullable=False),
        sa.Column("employer_tin", sa.String(length=10), nullable=True),
        sa.Column("last_seen", sa.DateTime(), nullable=True),
        sa.Column("created", sa.DateTime(), nullable=False),
        sa.Column("updated", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["employer_tin"],
            ["organizations.tin"],
            name=op.f("fk_identities_employer_tin_organizations"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_identities")),
        sa.UniqueConstraint("idp", "idp_identity_id", name=op.f("uq_identities_idp")),
    )
    op.create_table(
        "privileges",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("organization_tin", sa.String(length=10), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("name_key", sa.String(length=400), nullable=False),
        sa.Column("description_danish", sa.Text(), nullable=False),
        sa.Column("description_english", sa.Text(), nullable=False),
        sa.Column("assignability", sa.String(length=10), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created", sa.DateTime(), nullable=False),
        sa.Column("updated", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["organization_tin"],
            ["organizations.tin"],
            name=op.f("fk_privileges_organization_tin_organizations"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_privileges")),
        sa.UniqueConstraint(
            "organization_tin", "name_key", name=op.f("uq_privileges_organization_tin")
        ),
    )
    with op.batch_alter_table("privileges", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_privileges_organization_tin"), ["organization_tin"], unique=False
        )

    op.create_table(
        "role_grants",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("organization_tin", sa.String(length=10), nullable=False),
        sa.Column("principal_kind", sa.String(length=20), nullable=False),
        sa.Column("principal_key", sa.String(length=120), nullable=False),
        sa.Column("role", sa.String(length=40), nullable=False),
        sa.Column("created", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["organization_tin"],
            ["organizations.tin"],
            name=op.f("fk_role_grants_organization_tin_organizations"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_role_grants")),
        sa.UniqueConstraint(
            "organization_tin",
            "principal_kind",
            "principal_key",
            "role",
            name=op.f("uq_role_grants_organization_tin"),
        ),
    )
    with op.batch_alter_table("role_grants", schema=None) as batch_op:
        batch_op.create_index(
            "ix_role_grants_principal", ["principal_kind", "principal_key"], unique=False
        )

    op.create_table(
        "assignments",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("privilege_id", sa.String(length=36), nullable=False),
        sa.Column("assigned_by_tin", sa.String(length=10), nullable=False),
        sa.Column("identity_id", sa.Integer(), nullable=False),
        sa.Column("created", sa.DateTime(), nullable=False),
        sa.Column("updated", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["assigned_by_tin"],
            ["organizations.tin"],
            name=op.f("fk_assignments_assigned_by_tin_organizations"),
        ),
        sa.ForeignKeyConstraint(
            ["identity_id"],
            ["identities.id"],
            name=op.f("fk_assignments_identity_id_identities"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["privilege_id"],
            ["privileges.id"],
            name=op.f("fk_assignments_privilege_id_privileges"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_assignments")),
        sa.UniqueConstraint(
            "privilege_id",
            "assigned_by_tin",
            "identity_id",
            name=op.f("uq_assignments_privilege_id"),
        ),
    )
    with op.batch_alter_table("assignments", schema=None) as batch_op:
        batch_op.create_index(
            "ix_assignments_assigner_identity", ["assigned_by_tin", "identity_id"], unique=False
        )
        batch_op.create_index("ix_assignments_identity", ["identity_id"], unique=False)

    op.create_table(
        "organization_identities",
        sa.Column("organization_tin", sa.String(length=10), nullable=False),
        sa.Column("identity_id", sa.Integer(), nullable=False),
        sa.Column("created", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["identity_id"],
            ["identities.id"],
            name=op.f("fk_organization_identities_identity_id_identities"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["organization_tin"],
            ["organizations.tin"],
            name=op.f("fk_organization_identities_organization_tin_organizations"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint(
            "organization_tin", "identity_id", name=op.f("pk_organization_identities")
        ),
    )
    with op.batch_alter_table("organization_identities", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_organization_identities_identity_id"), ["identity_id"], unique=False
        )

    op.create_table(
        "privilege_whitelist",
        sa.Column("privilege_id", sa.String(length=36), nullable=False),
        sa.Column("organization_tin", sa.String(length=10), nullable=False),
        sa.Column("created", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["organization_tin"],
            ["organizations.tin"],
            name=op.f("fk_privilege_whitelist_organization_tin_organizations"),
        ),
        sa.ForeignKeyConstraint(
            ["privilege_id"],
            ["privileges.id"],
            name=op.f("fk_privilege_whitelist_privilege_id_privileges"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint(
            "privilege_id", "organization_tin", name=op.f("pk_privilege_whitelist")
        ),
    )
    with op.batch_alter_table("privilege_whitelist", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_privilege_whitelist_organization_tin"),
            ["organization_tin"],
            unique=False,
        )


def downgrade() -> None:
    with op.batch_alter_table("privilege_whitelist", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_privilege_whitelist_organization_tin"))

    op.drop_table("privilege_whitelist")
    with op.batch_alter_table("organization_identities", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_organization_identities_identity_id"))

    op.drop_table("organization_identities")
    with op.batch_alter_table("assignments", schema=None) as batch_op:
        batch_op.drop_index("ix_assignments_identity")
        batch_op.drop_index("ix_assignments_assigner_identity")

    op.drop_table("assignments")
    with op.batch_alter_table("role_grants", schema=None) as batch_op:
        batch_op.drop_index("ix_role_grants_principal")

    op.drop_table("role_grants")
    with op.batch_alter_table("privileges", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_privileges_organization_tin"))

    op.drop_table("privileges")
    op.drop_table("identities")
    with op.batch_alter_table("api_clients", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_api_clients_organization_tin"))

    op.drop_table("api_clients")
    with op.batch_alter_table("organizations", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_organizations_name_key"))

    op.drop_table("organizations")
    op.drop_table("idp_signing_keys")
    with op.batch_alter_table("idp_refresh_tokens", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_idp_refresh_tokens_family_id"))

    op.drop_table("idp_refresh_tokens")
    op.drop_table("idp_clients")
    with op.batch_alter_table("audit_events", schema=None) as batch_op:
        batch_op.drop_index("ix_audit_events_org_id")

    op.drop_table("audit_events")
