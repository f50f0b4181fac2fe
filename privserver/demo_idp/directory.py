"""Clients and identities known to the demo identity provider, read from the database."""

from __future__ import annotations

import uuid
from collections import defaultdict
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from sqlalchemy import select
from sqlalchemy.orm import Session

from privserver.db.models import (
    ApiClient,
    Identity,
    IdpClient,
    Organization,
    OrganizationIdentity,
    RoleGrant,
)

MITID_ERHVERV = "mitid_erhverv"


@dataclass(frozen=True)
class RegisteredClient:
    """A client of the authorization code flow (table idp_clients)."""

    client_id: str
    name: str
    public: bool
    secret_hash: str | None
    redirect_uris: tuple[str, ...]
    # The organization running the client; the access token's client_org_taxation_number.
    organization_tin: str | None


@dataclass(frozen=True)
class ServiceClient:
    """An API client that gets service tokens by client credentials (table api_clients)."""

    client_id: str
    organization_tin: str
    secret_hash: str
    disabled: bool


@dataclass(frozen=True)
class DemoIdentity:
    """A person who can sign in at the demo identity provider."""

    idp: str
    idp_identity_id: str
    name: str | None
    employer_tin: str | None
    employer_name: str | None

    @property
    def key(self) -> str:
        return f"{self.idp}:{self.idp_identity_id}"


@dataclass
class IdentityChoice:
    """One identity offered on the authorization page, with its roles in the organization shown."""

    identity: DemoIdentity
    roles: list[str] = field(default_factory=list)


@dataclass
class OrganizationChoices:
    """The identities offered under one organization on the authorization page."""

    tin: str
    name: str
    administrators: list[IdentityChoice] = field(default_factory=list)
    employees: list[IdentityChoice] = field(default_factory=list)


def load_registered_client(session: Session, client_id: str) -> RegisteredClient | None:
    row = session.get(IdpClient, client_id)
    if row is None:
        return None
    registration = row.redirect_uris or {}
    uris = registration.get("uris", [])
    organization_tin = getattr(row, "organization_tin", None) or registration.get("organizationTin")
    return RegisteredClient(
        client_id=row.client_id,
        name=row.name,
        public=row.public,
        secret_hash=row.secret_hash,
        redirect_uris=tuple(str(uri) for uri in uris),
        organization_tin=organization_tin,
    )


def load_service_client(session: Session, client_id: str) -> ServiceClient | None:
    row = session.get(ApiClient, client_id)
    if row is None:
        return None
    return ServiceClient(
        client_id=row.client_id,
        organization_tin=row.organization_tin,
        secret_hash=row.secret_hash,
        disabled=row.disabled,
    )


_LOOPBACK_HOSTS = ("127.0.0.1", "::1")


def redirect_uri_allowed(client: RegisteredClient, redirect_uri: str) -> bool:
    """Check `redirect_uri` against the client's registered ones.

    The match is exact, except that a client registered with an http
    redirect on a loopback IP literal accepts any port on 127.0.0.1 or [::1]
    with the same path and query (RFC 8252, section 7.3). RFC 8252 writes
    this for native (public) clients; the demo's confidential web service
    clients get it too, so that tests can receive their redirects on a
    throwaway port.
    """
    if redirect_uri in client.redirect_uris:
        return True

    try:
        requested = urlsplit(redirect_uri)
        requested.port  # noqa: B018 - raises ValueError on a malformed port
    except ValueError:
        return False
    if requested.scheme != "http" or requested.fragment or requested.username is not None:
        return False
    if requested.hostname not in _LOOPBACK_HOSTS:
        return False

    for registered_uri in client.redirect_uris:
        registered = urlsplit(registered_uri)
        if registered.scheme != "http" or registered.hostname not in _LOOPBACK_HOSTS:
            continue
        if registered.path == requested.path and registered.query == requested.query:
            return True
    return False


def _identity_from_row(row: Identity, organization_names: dict[str, str]) -> DemoIdentity:
    return DemoIdentity(
        idp=row.idp,
        idp_identity_id=row.idp_identity_id,
        name=row.name,
        employer_tin=row.employer_tin,
        employer_name=organization_names.get(row.employer_tin or ""),
    )


def find_identity(
    session: Session, idp_identity_id: str, idp: str | None = None
) -> DemoIdentity | None:
    """Look an identity up by UUID (any case), preferring MitID Erhverv when `idp` is not given."""
    statement = select(Identity).where(Identity.idp_identity_id == idp_identity_id.lower())
    if idp is not None:
        statement = statement.where(Identity.idp == idp)
    rows = sorted(session.scalars(statement), key=lambda row: row.idp != MITID_ERHVERV)
    if not rows:
        return None
    row = rows[0]
    organization_name = None
    if row.employer_tin:
        organization = session.get(Organization, row.employer_tin)
        organization_name = organization.name if organization else None
    return _identity_from_row(row, {row.employer_tin or "": organization_name or ""})


def parse_identity_id(text: str) -> str | None:
    """Return `text` as a lowercase UUID, or None when it is not one."""
    try:
        return str(uuid.UUID(text.strip()))
    except ValueError:
        return None


def list_choices(
    session: Session, *, employees_per_organization: int = 4
) -> list[OrganizationChoices]:
    """List the identities for the authorization page: every administrator and a few employees per organization."""
    organizations = list(session.scalars(select(Organization).order_by(Organization.name_key)))
    names = {organization.tin: organization.name for organization in organizations}

    roles_by_key: dict[tuple[str, str], list[str]] = defaultdict(list)
    grants = session.scalars(
        select(RoleGrant)
        .where(RoleGrant.principal_kind == "identity")
        .order_by(RoleGrant.organization_tin, RoleGrant.principal_key, RoleGrant.role)
    )
    for grant in grants:
        roles_by_key[(grant.organization_tin, grant.principal_key)].append(grant.role)

    administrator_keys = {principal_key for _, principal_key in roles_by_key}
    identities: dict[str, DemoIdentity] = {}
    for key in administrator_keys:
        idp, _, identity_id = key.partition(":")
        row = session.scalar(
            select(Identity).where(Identity.idp == idp, Identity.idp_identity_id == identity_id)
        )
        if row is not None:
            identities[key] = _identity_from_row(row, names)

    groups = {tin: OrganizationChoices(tin=tin, name=name) for tin, name in names.items()}
    for (tin, key), roles in sorted(roles_by_key.items()):
        identity = identities.get(key)
        if identity is not None and tin in groups:
            groups[tin].administrators.append(IdentityChoice(identity=identity, roles=roles))

    for tin, group in groups.items():
        listed = {choice.identity.key for choice in group.administrators}
        rows = session.scalars(
            select(Identity)
            .join(OrganizationIdentity, OrganizationIdentity.identity_id == Identity.id)
            .where(OrganizationIdentity.organization_tin == tin)
            .order_by(Identity.id)
            .limit(employees_per_organization + len(listed))
        )
        for row in rows:
            identity = _identity_from_row(row, names)
            if identity.key in listed or len(group.employees) >= employees_per_organization:
                continue
            group.employees.append(IdentityChoice(identity=identity))

    return [group for group in groups.values() if group.administrators or group.employees]
