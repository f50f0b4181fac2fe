"""SQLAlchemy tables of privserver and of its demo identity provider."""

from __future__ import annotations

import datetime as dt
from typing import Any, ClassVar

from sqlalchemy import (
    JSON,
    Boolean,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class UTCDateTime(TypeDecorator[dt.datetime]):
    """A timestamp stored as naive UTC and returned with the UTC offset attached.

    SQLite keeps no time zone, so a plain DateTime would come back naive there
    and aware on PostgreSQL. Storing UTC and re-attaching it gives the same
    value on both.
    """

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: dt.datetime | None, dialect: Dialect) -> dt.datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError(f"naive datetime {value!r}: pass an aware datetime in UTC")
        return value.astimezone(dt.UTC).replace(tzinfo=None)

    def process_result_value(
        self, value: dt.datetime | None, dialect: Dialect
    ) -> dt.datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=dt.UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map: ClassVar[dict[Any, Any]] = {dt.datetime: UTCDateTime, dict[str, Any]: JSON}


class Organization(Base):
    __tablename__ = "organizations"

    tin: Mapped[str] = mapped_column(String(10), primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    # Unicode case-folded name, for search that treats "Æ" and "æ" alike on SQLite too.
    name_key: Mapped[str] = mapped_column(String(200), index=True)
    created: Mapped[dt.datetime] = mapped_column(default=utcnow)


class Identity(Base):
    """A person known to the service by idp and identity UUID (global, not per organization)."""

    __tablename__ = "identities"
    __table_args__ = (UniqueConstraint("idp", "idp_identity_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    idp: Mapped[str] = mapped_column(String(20))
    # Lowercase UUID text.
    idp_identity_id: Mapped[str] = mapped_column(String(36))
    name: Mapped[str | None] = mapped_column(String(200))
    email: Mapped[str | None] = mapped_column(String(320))
    rid: Mapped[str | None] = mapped_column(String(40))
    # Case-folded "name email rid uuid", for search on SQLite and PostgreSQL alike.
    search_key: Mapped[str] = mapped_column(Text, default="")
    # The organization of the professional identity (the token's nemlogin.cvr), where known.
    employer_tin: Mapped[str | None] = mapped_column(ForeignKey("organizations.tin"))
    last_seen: Mapped[dt.datetime | None]
    created: Mapped[dt.datetime] = mapped_column(default=utcnow)
    updated: Mapped[dt.datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class OrganizationIdentity(Base):
    """An identity that an organization knows as an employee."""

    __tablename__ = "organization_identities"

    organization_tin: Mapped[str] = mapped_column(
        ForeignKey("organizations.tin", ondelete="CASCADE"), primary_key=True
    )
    identity_id: Mapped[int] = mapped_column(
        ForeignKey("identities.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    created: Mapped[dt.datetime] = mapped_column(default=utcnow)

    identity: Mapped[Identity] = relationship(lazy="joined")


class Privilege(Base):
    __tablename__ = "privileges"
    __table_args__ = (UniqueConstraint("organization_tin", "name_key"),)

    # Lowercase UUID text made by the server.
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    organization_tin: Mapped[str] = mapped_column(ForeignKey("organizations.tin"), index=True)
    name: Mapped[str] = mapped_column(String(100))
    # str.casefold() of the trimmed name; the uniqueness key, since SQLite's NOCASE folds ASCII only.
    name_key: Mapped[str] = mapped_column(String(400))
    description_danish: Mapped[str] = mapped_column(Text, default="")
    description_english: Mapped[str] = mapped_column(Text, default="")
    # "Private", "Public" or "Whitelist".
    assignability: Mapped[str] = mapped_column(String(10))
    # Incremented on every change; the ETag is derived from it.
    version: Mapped[int] = mapped_column(Integer, default=1)
    created: Mapped[dt.datetime] = mapped_column(default=utcnow)
    updated: Mapped[dt.datetime] = mapped_column(default=utcnow)


class WhitelistEntry(Base):
    __tablename__ = "privilege_whitelist"

    privilege_id: Mapped[str] = mapped_column(
        ForeignKey("privileges.id", ondelete="CASCADE"), primary_key=True
    )
    organization_tin: Mapped[str] = mapped_column(
        ForeignKey("organizations.tin"), primary_key=True, index=True
    )
    created: Mapped[dt.datetime] = mapped_column(default=utcnow)


class Assignment(Base):
    """Organization `assigned_by_tin` grants `privilege_id` to `identity_id`.

    Whether an assignment is active is not stored: it follows from the
    privilege's assignability and whitelist at the time of each read, so a
    change shows at the next lookup.
    """

    __tablename__ = "assignments"
    __table_args__ = (
        UniqueConstraint("privilege_id", "assigned_by_tin", "identity_id"),
        Index("ix_assignments_assigner_identity", "assigned_by_tin", "identity_id"),
        Index("ix_assignments_identity", "identity_id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    privilege_id: Mapped[str] = mapped_column(ForeignKey("privileges.id", ondelete="CASCADE"))
    assigned_by_tin: Mapped[str] = mapped_column(ForeignKey("organizations.tin"))
    identity_id: Mapped[int] = mapped_column(ForeignKey("identities.id", ondelete="CASCADE"))
    created: Mapped[dt.datetime] = mapped_column(default=utcnow)
    updated: Mapped[dt.datetime] = mapped_column(default=utcnow)


class ApiClient(Base):
    """An API client issued to an organization; it gets service tokens by client credentials."""

    __tablename__ = "api_clients"

    client_id: Mapped[str] = mapped_column(String(100), primary_key=True)
    organization_tin: Mapped[str] = mapped_column(ForeignKey("organizations.tin"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    # Hash of the secret (see privserver.domain for the scheme); the secret itself is never stored.
    secret_hash: Mapped[str] = mapped_column(String(200))
    disabled: Mapped[bool] = mapped_column(Boolean, default=False)
    created: Mapped[dt.datetime] = mapped_column(default=utcnow)


class RoleGrant(Base):
    """A role held in an organization by a person (identity) or by an API client."""

    __tablename__ = "role_grants"
    __table_args__ = (
        UniqueConstraint("organization_tin", "principal_kind", "principal_key", "role"),
        Index("ix_role_grants_principal", "principal_kind", "principal_key"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    organization_tin: Mapped[str] = mapped_column(ForeignKey("organizations.tin"))
    # "identity" (principal_key "<idp>:<uuid>") or "api_client" (principal_key = client id).
    principal_kind: Mapped[str] = mapped_column(String(20))
    principal_key: Mapped[str] = mapped_column(String(120))
    role: Mapped[str] = mapped_column(String(40))
    created: Mapped[dt.datetime] = mapped_column(default=utcnow)


class AuditEvent(Base):
    __tablename__ = "audit_events"
    __table_args__ = (Index("ix_audit_events_org_id", "organization_tin", "id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    organization_tin: Mapped[str] = mapped_column(String(10))
    time: Mapped[dt.datetime] = mapped_column(default=utcnow)
    # "<idp>:<uuid>" for a person, "client:<client id>" for an API client.
    actor: Mapped[str] = mapped_column(String(140))
    actor_name: Mapped[str | None] = mapped_column(String(200))
    action: Mapped[str] = mapped_column(String(60))
    target_type: Mapped[str] = mapped_column(String(40))
    target_id: Mapped[str] = mapped_column(String(200))
    before: Mapped[dict[str, Any] | None]
    after: Mapped[dict[str, Any] | None]


# --- demo identity provider -------------------------------------------------


class IdpSigningKey(Base):
    """A signing key of the demo identity provider, kept so sessions survive a restart."""

    __tablename__ = "idp_signing_keys"

    kid: Mapped[str] = mapped_column(String(100), primary_key=True)
    alg: Mapped[str] = mapped_column(String(10))
    # Private JWK as JSON. Demo data only: a real provider keeps keys in an HSM.
    private_jwk: Mapped[dict[str, Any]]
    # The key that signs new tokens; others stay published in the JWKS until retired.
    active: Mapped[bool] = mapped_column(Boolean, default=False)
    created: Mapped[dt.datetime] = mapped_column(default=utcnow)
    retired: Mapped[dt.datetime | None]


class IdpClient(Base):
    """A client registered at the demo identity provider for the authorization code flow."""

    __tablename__ = "idp_clients"

    client_id: Mapped[str] = mapped_column(String(100), primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    # True for a public native client (no secret, PKCE, loopback redirect on any port).
    public: Mapped[bool] = mapped_column(Boolean, default=True)
    secret_hash: Mapped[str | None] = mapped_column(String(200))
    redirect_uris: Mapped[dict[str, Any]] = mapped_column(JSON)  # {"uris": [...]}
    created: Mapped[dt.datetime] = mapped_column(default=utcnow)


class IdpRefreshToken(Base):
    """One refresh token of a rotating family (RFC 9700, section 4.14.2)."""

    __tablename__ = "idp_refresh_tokens"

    # SHA-256 of the token; the token itself is only returned to the client.
    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    family_id: Mapped[str] = mapped_column(String(36), index=True)
    client_id: Mapped[str] = mapped_column(String(100))
    idp: Mapped[str] = mapped_column(String(20))
    idp_identity_id: Mapped[str] = mapped_column(String(36))
    scope: Mapped[str] = mapped_column(Text)
    created: Mapped[dt.datetime] = mapped_column(default=utcnow)
    # Sliding expiry of this token, and the absolute end of the family.
    expires: Mapped[dt.datetime]
    family_expires: Mapped[dt.datetime]
    rotated: Mapped[dt.datetime | None]
    # The successor handed out at rotation, kept only for the grace period so
    # that a retried refresh gets the same response. It is cleared afterwards.
    successor_token: Mapped[str | None] = mapped_column(Text)
    revoked: Mapped[bool] = mapped_column(Boolean, default=False)
