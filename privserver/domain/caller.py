"""The caller of a request, and the roles it has in each organization."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from typing import Literal

from sqlalchemy import select
from sqlalchemy.orm import Session

from privserver.db.models import ApiClient, Identity, Organization, RoleGrant
from privserver.domain.errors import ForbiddenError
from privserver.domain.values import Role

PrincipalKind = Literal["identity", "api_client"]
PERSON: PrincipalKind = "identity"
API_CLIENT: PrincipalKind = "api_client"


def person_key(idp: str, idp_identity_id: str) -> str:
    """Return the role_grants principal key of a person."""
    return f"{idp}:{idp_identity_id}"


@dataclasses.dataclass(frozen=True)
class Caller:
    """The principal behind a request: a person (idp and UUID) or an API client (client id)."""

    kind: PrincipalKind
    client_id: str | None = None
    idp: str | None = None
    idp_identity_id: str | None = None
    # TIN of the person's employer, from the token's organization claim, where it has one.
    employer_tin: str | None = None

    @classmethod
    def person(
        cls,
        idp: str,
        idp_identity_id: str,
        *,
        client_id: str | None = None,
        employer_tin: str | None = None,
    ) -> Caller:
        return cls(
            PERSON,
            client_id=client_id,
            idp=idp,
            idp_identity_id=idp_identity_id,
            employer_tin=employer_tin,
        )

    @classmethod
    def api_client(cls, client_id: str) -> Caller:
        return cls(API_CLIENT, client_id=client_id)

    @property
    def principal_key(self) -> str:
        if self.kind == API_CLIENT:
            return self.client_id or ""
        return person_key(self.idp or "", self.idp_identity_id or "")

    @property
    def actor(self) -> str:
        """The actor as audit events name it: `<idp>:<uuid>` or `client:<client id>`."""
        if self.kind == API_CLIENT:
            return f"client:{self.client_id}"
        return self.principal_key

    def display_name(self, session: Session) -> str | None:
        """Return the person's name or the API client's name, as the database holds it."""
        if self.kind == API_CLIENT:
            return session.scalar(
                select(ApiClient.name).where(ApiClient.client_id == self.client_id)
            )
        return session.scalar(
            select(Identity.name).where(
                Identity.idp == self.idp, Identity.idp_identity_id == self.idp_identity_id
            )
        )


def _grants(
    session: Session, caller: Caller, organization_tin: str | None = None
) -> list[RoleGrant]:
    query = select(RoleGrant).where(
        RoleGrant.principal_kind == caller.kind, RoleGrant.principal_key == caller.principal_key
    )
    if organization_tin is not None:
        query = query.where(RoleGrant.organization_tin == organization_tin)
    if caller.kind == API_CLIENT:
        # A disabled API client keeps its grants on record but may use none of them.
        enabled = session.scalar(
            select(ApiClient.client_id).where(
                ApiClient.client_id == caller.client_id, ApiClient.disabled.is_(False)
            )
        )
        if enabled is None:
            return []
    return list(session.scalars(query))


def roles_in(session: Session, caller: Caller, organization_tin: str) -> set[Role]:
    """Return the roles `caller` holds in the organization."""
    return {Role(grant.role) for grant in _grants(session, caller, organization_tin)}


def require_role(
    session: Session, caller: Caller, organization_tin: str, roles: Iterable[Role]
) -> set[Role]:
    """Raise ForbiddenError unless `caller` holds one of `roles` in the organization."""
    wanted = set(roles)
    held = roles_in(session, caller, organization_tin)
    if held & wanted:
        return held
    names = " or ".join(sorted(role.value for role in wanted))
    raise ForbiddenError(f"the caller holds no role {names} in organization {organization_tin}")


@dataclasses.dataclass(frozen=True)
class Membership:
    organization_tin: str
    organization_name: str
    roles: tuple[Role, ...]


def memberships(session: Session, caller: Caller) -> list[Membership]:
    """Return every organization in which `caller` holds roles, with those roles."""
    by_tin: dict[str, set[Role]] = {}
    for grant in _grants(session, caller):
        by_tin.setdefault(grant.organization_tin, set()).add(Role(grant.role))
    if not by_tin:
        return []
    names: dict[str, str] = dict(
        session.execute(
            select(Organization.tin, Organization.name).where(Organization.tin.in_(by_tin))
        ).all()
    )
    role_order = list(Role)

    def name_of(tin: str) -> str:
        return names.get(tin) or tin

    return [
        Membership(tin, name_of(tin), tuple(sorted(by_tin[tin], key=role_order.index)))
        for tin in sorted(by_tin, key=lambda tin: (name_of(tin).casefold(), tin))
    ]
