"""Administrators: the people holding roles in an organization, and the last-manager rule."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from privserver.db.models import Identity, RoleGrant, utcnow
from privserver.domain import audit
from privserver.domain import identities as identity_store
from privserver.domain.caller import API_CLIENT, PERSON, Caller, person_key
from privserver.domain.errors import (
    LastAdministratorManagerError,
    NotFoundError,
    ValidationFailedError,
)
from privserver.domain.values import Role, parse_role

_ROLE_ORDER = list(Role)


@dataclasses.dataclass(frozen=True)
class Administrator:
    idp: str
    idp_identity_id: str
    name: str | None
    roles: tuple[Role, ...]


def _ordered(roles: Iterable[Role]) -> tuple[Role, ...]:
    return tuple(sorted(set(roles), key=_ROLE_ORDER.index))


def administrators(session: Session, organization_tin: str) -> list[Administrator]:
    """Return the people holding roles in the organization, by name."""
    grants = session.scalars(
        select(RoleGrant).where(
            RoleGrant.organization_tin == organization_tin, RoleGrant.principal_kind == PERSON
        )
    )
    roles_by_key: dict[str, set[Role]] = {}
    for grant in grants:
        roles_by_key.setdefault(grant.principal_key, set()).add(Role(grant.role))

    result = []
    for key, roles in roles_by_key.items():
        idp, _, idp_identity_id = key.partition(":")
        identity = identity_store.find(session, idp, idp_identity_id)
        name = identity.name if identity is not None else None
        result.append(Administrator(idp, idp_identity_id, name, _ordered(roles)))
    return sorted(result, key=lambda admin: ((admin.name or "").casefold(), admin.idp_identity_id))


def principal_roles(
    session: Session, organization_tin: str, principal_kind: str, principal_key: str
) -> set[Role]:
    """Return the roles a person or an API client holds in the organization."""
    return {
        Role(role)
        for role in session.scalars(
            select(RoleGrant.role).where(
                RoleGrant.organization_tin == organization_tin,
                RoleGrant.principal_kind == principal_kind,
                RoleGrant.principal_key == principal_key,
            )
        )
    }


def _person_roles(session: Session, organization_tin: str, key: str) -> set[Role]:
    return principal_roles(session, organization_tin, PERSON, key)


def _check_not_last_manager(
    session: Session, organization_tin: str, key: str, new_roles: set[Role]
) -> None:
    if Role.ADMINISTRATOR_MANAGER in new_roles:
        return
    if Role.ADMINISTRATOR_MANAGER not in _person_roles(session, organization_tin, key):
        return
    managers = session.scalar(
        select(func.count(RoleGrant.id)).where(
            RoleGrant.organization_tin == organization_tin,
            RoleGrant.principal_kind == PERSON,
            RoleGrant.role == Role.ADMINISTRATOR_MANAGER.value,
        )
    )
    if (managers or 0) <= 1:
        raise LastAdministratorManagerError(
            f"{key} is the last AdministratorManager of {organization_tin}; "
            "grant the role to another administrator first"
        )


def set_roles(
    session: Session,
    actor: Caller | str,
    organization_tin: str,
    principal_kind: str,
    principal_key: str,
    roles: Iterable[Role],
) -> tuple[set[Role], set[Role]]:
    """Make `roles` exactly the principal's roles in the organization; return (before, after)."""
    before = principal_roles(session, organization_tin, principal_kind, principal_key)
    after = set(roles)
    removed = before - after
    if removed:
        session.execute(
            delete(RoleGrant).where(
                RoleGrant.organization_tin == organization_tin,
                RoleGrant.principal_kind == principal_kind,
                RoleGrant.principal_key == principal_key,
                RoleGrant.role.in_([role.value for role in removed]),
            )
        )
    for role in _ordered(after - before):
        session.add(
            RoleGrant(
                organization_tin=organization_tin,
                principal_kind=principal_kind,
                principal_key=principal_key,
                role=role.value,
                created=utcnow(),
            )
        )
    session.flush()

    if before != after:
        kind = "apiClient" if principal_kind == API_CLIENT else "administrator"
        if not before:
            action = f"{kind}.added"
        elif not after:
            action = f"{kind}.removed"
        else:
            action = f"{kind}.updated"
        audit.record(
            session,
            organization_tin=organization_tin,
            actor=actor,
            action=action,
            target_type=kind,
            target_id=principal_key,
            before={"roles": [role.value for role in _ordered(before)]} if before else None,
            after={"roles": [role.value for role in _ordered(after)]} if after else None,
        )
    return before, after


def parse_roles(values: object) -> set[Role]:
    if not isinstance(values, list) or not values:
        raise ValidationFailedError.single(
            "roles", "must be a non-empty list of roles; to remove an administrator, DELETE it"
        )
    errors: dict[str, list[str]] = {}
    roles = set()
    for index, value in enumerate(values):
        try:
            roles.add(parse_role(value, f"roles[{index}]"))
        except ValidationFailedError as error:
            errors.update(error.errors)
    if errors:
        raise ValidationFailedError(errors)
    return roles


def put(
    session: Session,
    caller: Caller | str,
    organization_tin: str,
    idp: str,
    idp_identity_id: str,
    roles: set[Role],
) -> tuple[Administrator, bool]:
    """Give a person exactly `roles` in the organization; return them and whether they are new."""
    key = person_key(idp, idp_identity_id)
    _check_not_last_manager(session, organization_tin, key, roles)
    identity: Identity = identity_store.ensure(session, idp, idp_identity_id)
    before, after = set_roles(session, caller, organization_tin, PERSON, key, roles)
    return Administrator(idp, idp_identity_id, identity.name, _ordered(after)), not before


def remove(
    session: Session, caller: Caller, organization_tin: str, idp: str, idp_identity_id: str
) -> None:
    """Take every role of a person in the organization; the last AdministratorManager stays."""
    key = person_key(idp, idp_identity_id)
    if not _person_roles(session, organization_tin, key):
        raise NotFoundError(
            f"{idp} identity {idp_identity_id} holds no role in {organization_tin}, so it is not an administrator there"
        )
    _check_not_last_manager(session, organization_tin, key, set())
    set_roles(session, caller, organization_tin, PERSON, key, set())
