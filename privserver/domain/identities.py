"""Identities and the employees an organization knows."""

from __future__ import annotations

import dataclasses
import datetime as dt

from sqlalchemy import delete, func, insert, select
from sqlalchemy.orm import Session

from privserver.db.models import Assignment, Identity, OrganizationIdentity, utcnow
from privserver.domain import audit
from privserver.domain.caller import Caller
from privserver.domain.errors import NotFoundError
from privserver.domain.organizations import like_pattern
from privserver.domain.paging import Page, decode_cursor, split_page
from privserver.domain.values import clean_email, clean_person_name, clean_rid, fold


@dataclasses.dataclass(frozen=True)
class Employee:
    """An identity as one organization sees it, with the number of assignments it made to it."""

    identity: Identity
    assigned_privilege_count: int


def search_key(identity: Identity) -> str:
    parts = [identity.name, identity.email, identity.rid, identity.idp_identity_id]
    return fold(" ".join(part for part in parts if part))


def find(session: Session, idp: str, idp_identity_id: str) -> Identity | None:
    return session.scalar(
        select(Identity).where(Identity.idp == idp, Identity.idp_identity_id == idp_identity_id)
    )


def ensure(session: Session, idp: str, idp_identity_id: str) -> Identity:
    """Return the identity, creating it when the server has not seen it before."""
    identity = find(session, idp, idp_identity_id)
    if identity is None:
        identity = Identity(idp=idp, idp_identity_id=idp_identity_id)
        identity.search_key = search_key(identity)
        session.add(identity)
        session.flush()
    return identity


def is_known(session: Session, organization_tin: str, identity_id: int) -> bool:
    return session.get(OrganizationIdentity, (organization_tin, identity_id)) is not None


def make_known(session: Session, organization_tin: str, identity_id: int) -> bool:
    """Record the identity as an employee of the organization; return True when it is new there."""
    if is_known(session, organization_tin, identity_id):
        return False
    session.add(OrganizationIdentity(organization_tin=organization_tin, identity_id=identity_id))
    session.flush()
    return True


def make_known_many(session: Session, organization_tin: str, identity_ids: set[int]) -> None:
    """Record several identities as employees of the organization, in one query and one insert."""
    if not identity_ids:
        return
    present = set(
        session.scalars(
            select(OrganizationIdentity.identity_id).where(
                OrganizationIdentity.organization_tin == organization_tin,
                OrganizationIdentity.identity_id.in_(identity_ids),
            )
        )
    )
    missing = sorted(identity_ids - present)
    if missing:
        session.execute(
            insert(OrganizationIdentity),
            [
                {
                    "organization_tin": organization_tin,
                    "identity_id": identity_id,
                    "created": utcnow(),
                }
                for identity_id in missing
            ],
        )


def _attributes(identity: Identity) -> dict[str, str | None]:
    return {"name": identity.name, "email": identity.email, "rid": identity.rid}


def put(
    session: Session,
    caller: Caller | str,
    organization_tin: str,
    idp: str,
    idp_identity_id: str,
    *,
    name: str | None = None,
    email: str | None = None,
    rid: str | None = None,
) -> tuple[Employee, bool]:
    """Add an employee by UUID or update its attributes; return it and whether it was new here.

    Attributes given as None keep their stored value.
    """
    name, email, rid = clean_person_name(name), clean_email(email), clean_rid(rid)
    identity = ensure(session, idp, idp_identity_id)
    before = _attributes(identity)
    if name is not None:
        identity.name = name
    if email is not None:
        identity.email = email
    if rid is not None:
        identity.rid = rid
    identity.search_key = search_key(identity)
    after = _attributes(identity)

    added = make_known(session, organization_tin, identity.id)
    if added or before != after:
        audit.record(
            session,
            organization_tin=organization_tin,
            actor=caller,
            action="identity.added" if added else "identity.updated",
            target_type="identity",
            target_id=f"{idp}:{idp_identity_id}",
            before=None if added else before,
            after=after,
        )
    return Employee(identity, _assigned_count(session, organization_tin, identity.id)), added


def remove(
    session: Session, caller: Caller, organization_tin: str, idp: str, idp_identity_id: str
) -> None:
    """Remove an employee from the organization with every assignment the organization made to it."""
    identity = find(session, idp, idp_identity_id)
    if identity is None or not is_known(session, organization_tin, identity.id):
        raise NotFoundError(
            f"{idp} identity {idp_identity_id} is not an employee of {organization_tin}"
        )

    removed = session.execute(
        delete(Assignment).where(
            Assignment.assigned_by_tin == organization_tin, Assignment.identity_id == identity.id
        )
    )
    session.execute(
        delete(OrganizationIdentity).where(
            OrganizationIdentity.organization_tin == organization_tin,
            OrganizationIdentity.identity_id == identity.id,
        )
    )
    audit.record(
        session,
        organization_tin=organization_tin,
        actor=caller,
        action="identity.removed",
        target_type="identity",
        target_id=f"{idp}:{idp_identity_id}",
        before={**_attributes(identity), "assignmentsRemoved": removed.rowcount},  # type: ignore[attr-defined]
    )


def _assigned_count(session: Session, organization_tin: str, identity_id: int) -> int:
    return (
        session.scalar(
            select(func.count(Assignment.id)).where(
                Assignment.assigned_by_tin == organization_tin,
                Assignment.identity_id == identity_id,
            )
        )
        or 0
    )


def employees(
    session: Session,
    organization_tin: str,
    *,
    search: str | None,
    page_size: int,
    cursor: str | None,
) -> Page[Employee]:
    """Return the organization's employees in a stable order; `search` matches name, email, RID and UUID."""
    after_id = decode_cursor(cursor)
    count = (
        select(func.count(Assignment.id))
        .where(
            Assignment.assigned_by_tin == organization_tin, Assignment.identity_id == Identity.id
        )
        .scalar_subquery()
    )
    query = (
        select(Identity, count)
        .join(OrganizationIdentity, OrganizationIdentity.identity_id == Identity.id)
        .where(OrganizationIdentity.organization_tin == organization_tin)
    )
    if search and search.strip():
        query = query.where(
            Identity.search_key.like(like_pattern(fold(search.strip())), escape="\\")
        )
    if after_id is not None:
        query = query.where(Identity.id > after_id)
    rows = session.execute(query.order_by(Identity.id).limit(page_size + 1)).all()
    page = split_page(rows, page_size, lambda row: row[0].id)
    return Page(
        [Employee(identity, assigned or 0) for identity, assigned in page.items], page.next_cursor
    )


def touch(identity: Identity, now: dt.datetime | None = None) -> None:
    identity.last_seen = now or utcnow()
