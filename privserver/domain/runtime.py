"""The runtime lookup: an identity's active privileges of one provider, per assigning organization."""

from __future__ import annotations

import dataclasses
import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from privserver.db.models import Assignment, Identity, Privilege, utcnow
from privserver.domain import identities as identity_store
from privserver.domain import organizations
from privserver.domain.activity import active_clause

# lastSeen is written at most this often per identity, so that frequent lookups stay reads.
LAST_SEEN_RESOLUTION = dt.timedelta(seconds=60)


@dataclasses.dataclass(frozen=True)
class RuntimePrivilege:
    id: str
    name: str
    updated: dt.datetime


@dataclasses.dataclass(frozen=True)
class OrganizationScope:
    organization_tin: str
    privileges: list[RuntimePrivilege]


def active_privileges(
    session: Session, provider_tin: str, idp: str, idp_identity_id: str
) -> list[OrganizationScope]:
    """Return the provider's privileges actively assigned to the identity, one scope per assigner."""
    rows = session.execute(
        select(Assignment.assigned_by_tin, Privilege.id, Privilege.name, Privilege.updated)
        .join(Privilege, Privilege.id == Assignment.privilege_id)
        .join(Identity, Identity.id == Assignment.identity_id)
        .where(
            Identity.idp == idp,
            Identity.idp_identity_id == idp_identity_id,
            Privilege.organization_tin == provider_tin,
            active_clause(Assignment.assigned_by_tin),
        )
        .order_by(Assignment.assigned_by_tin, Privilege.name_key)
    )

    scopes: dict[str, OrganizationScope] = {}
    for assigner_tin, privilege_id, name, updated in rows:
        scope = scopes.setdefault(assigner_tin, OrganizationScope(assigner_tin, []))
        scope.privileges.append(RuntimePrivilege(privilege_id, name, updated))
    return list(scopes.values())


def needs_recording(
    session: Session, idp: str, idp_identity_id: str, employer_tin: str | None, now: dt.datetime
) -> bool:
    """Return whether a lookup must write: a new identity, a stale lastSeen or an unknown employer."""
    identity = identity_store.find(session, idp, idp_identity_id)
    if identity is None or identity.last_seen is None:
        return True
    if now - identity.last_seen >= LAST_SEEN_RESOLUTION:
        return True
    return employer_tin is not None and not identity_store.is_known(
        session, employer_tin, identity.id
    )


def record_lookup(
    session: Session,
    idp: str,
    idp_identity_id: str,
    *,
    employer_tin: str | None,
    employer_name: str | None = None,
    now: dt.datetime | None = None,
) -> None:
    """Record that the identity was looked up: lastSeen, and employee of its employer and assigners."""
    identity = identity_store.ensure(session, idp, idp_identity_id)
    identity_store.touch(identity, now or utcnow())
    if employer_tin is not None:
        organizations.ensure(session, employer_tin, employer_name)
        identity.employer_tin = employer_tin
        identity_store.make_known(session, employer_tin, identity.id)
    assigners = set(
        session.scalars(
            select(Assignment.assigned_by_tin)
            .where(Assignment.identity_id == identity.id)
            .distinct()
        )
    )
    for assigner_tin in sorted(assigners):
        identity_store.make_known(session, assigner_tin, identity.id)
