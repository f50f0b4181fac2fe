"""The catalog of privileges an organization owns: create, change, delete, whitelist, usage."""

from __future__ import annotations

import dataclasses
import uuid
from collections.abc import Callable, Mapping
from typing import Any

from sqlalchemy import case, delete, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from privserver.db.models import Assignment, Organization, Privilege, WhitelistEntry, utcnow
from privserver.domain import audit
from privserver.domain.activity import active_clause
from privserver.domain.caller import Caller
from privserver.domain.errors import (
    NotFoundError,
    PreconditionFailedError,
    PreconditionRequiredError,
    PrivilegeNameTakenError,
    ValidationFailedError,
)
from privserver.domain.organizations import get as get_organization
from privserver.domain.values import (
    check_description,
    clean_privilege_name,
    fold,
    parse_assignability,
)

# Fields of a privilege a change may carry unchanged but never alter.
IMMUTABLE_FIELDS = ("id", "name", "organizationTin")
MUTABLE_FIELDS = ("descriptionDanish", "descriptionEnglish", "assignability")
# Fields the server sets; a change document may repeat them and they are ignored.
READ_ONLY_FIELDS = ("created", "updated", "assignmentCount")


@dataclasses.dataclass(frozen=True)
class CatalogEntry:
    privilege: Privilege
    assignment_count: int


@dataclasses.dataclass(frozen=True)
class WhitelistItem:
    entry: WhitelistEntry
    organization_name: str


@dataclasses.dataclass(frozen=True)
class Usage:
    organization_tin: str
    organization_name: str
    active_count: int
    inactive_count: int


def etag(privilege: Privilege) -> str:
    """Return the strong ETag of the privilege's current version."""
    return f'"{privilege.id}.{privilege.version}"'


def snapshot(privilege: Privilege) -> dict[str, Any]:
    """Return the privilege's values as audit events record them."""
    return {
        "id": privilege.id,
        "name": privilege.name,
        "descriptionDanish": privilege.description_danish,
        "descriptionEnglish": privilege.description_english,
        "assignability": privilege.assignability,
        "organizationTin": privilege.organization_tin,
    }


def _count_all(privilege_id: Any) -> Any:
    return (
        select(func.count(Assignment.id))
        .where(Assignment.privilege_id == privilege_id)
        .scalar_subquery()
    )


def owned(session: Session, organization_tin: str) -> list[CatalogEntry]:
    """Return the organization's privileges by name, each with its number of assignments."""
    rows = session.execute(
        select(Privilege, _count_all(Privilege.id))
        .where(Privilege.organization_tin == organization_tin)
        .order_by(Privilege.name_key)
    )
    return [CatalogEntry(privilege, count or 0) for privilege, count in rows]


def get_owned(session: Session, organization_tin: str, privilege_id: str) -> Privilege:
    """Return a privilege the organization owns, or raise NotFoundError."""
    privilege = session.get(Privilege, privilege_id)
    if privilege is None or privilege.organization_tin != organization_tin:
        raise NotFoundError(f"organization {organization_tin} owns no privilege {privilege_id}")
    return privilege


def entry(session: Session, privilege: Privilege) -> CatalogEntry:
    count = session.scalar(
        select(func.count(Assignment.id)).where(Assignment.privilege_id == privilege.id)
    )
    return CatalogEntry(privilege, count or 0)


def _check_name_free(session: Session, organization_tin: str, name: str) -> None:
    taken = session.scalar(
        select(Privilege.id).where(
            Privilege.organization_tin == organization_tin, Privilege.name_key == fold(name)
        )
    )
    if taken is not None:
        raise PrivilegeNameTakenError(
            f"organization {organization_tin} already owns a privilege named {name!r} "
            "(names are compared regardless of case); choose another name"
        )


def create(
    session: Session,
    caller: Caller,
    organization_tin: str,
    *,
    name: object,
    description_danish: object = "",
    description_english: object = "",
    assignability: object = "Private",
) -> Privilege:
    """Create a privilege owned by the organization; its id, name and owner never change afterwards."""
    errors: dict[str, list[str]] = {}
    values: dict[str, Any] = {}
    checks: dict[str, Callable[[], object]] = {
        "name": lambda: clean_privilege_name(name),
        "descriptionDanish": lambda: check_description(description_danish, "descriptionDanish"),
        "descriptionEnglish": lambda: check_description(description_english, "descriptionEnglish"),
        "assignability": lambda: parse_assignability(assignability),
    }
    for field, check in checks.items():
        try:
            values[field] = check()
        except ValidationFailedError as error:
            errors.update(error.errors)
    if errors:
        raise ValidationFailedError(errors)

    _check_name_free(session, organization_tin, values["name"])
    now = utcnow()
    privilege = Privilege(
        id=str(uuid.uuid4()),
        organization_tin=organization_tin,
        name=values["name"],
        name_key=fold(values["name"]),
        description_danish=values["descriptionDanish"],
        description_english=values["descriptionEnglish"],
        assignability=values["assignability"].value,
        version=1,
        created=now,
        updated=now,
    )
    session.add(privilege)
    try:
        session.flush()
    except IntegrityError as error:
        # A parallel request created the same name between the check and the insert.
        raise PrivilegeNameTakenError(
            f"organization {organization_tin} already owns a privilege named {values['name']!r}"
        ) from error
    audit.record(
        session,
        organization_tin=organization_tin,
        actor=caller,
        action="privilege.created",
        target_type="privilege",
        target_id=privilege.id,
        after=snapshot(privilege),
    )
    return privilege


def _matches_if_match(if_match: str, current: str) -> bool:
    candidates = [candidate.strip() for candidate in if_match.split(",")]
    return "*" in candidates or current in candidates


def update(
    session: Session,
    caller: Caller,
    organization_tin: str,
    privilege_id: str,
    changes: Mapping[str, Any],
    *,
    if_match: str | None,
) -> Privilege:
    """Apply a change document (wire field names) to descriptions and assignability.

    `if_match` must carry the privilege's current ETag. Repeating id, name,
    owner or a server-set field unchanged is allowed; altering id, name or
    owner is a validation error, since they are immutable.
    """
    privilege = get_owned(session, organization_tin, privilege_id)
    if if_match is None:
        raise PreconditionRequiredError(
            "a change needs an If-Match header with the ETag of the privilege; GET it first"
        )
    if not _matches_if_match(if_match, etag(privilege)):
        raise PreconditionFailedError(
            f"privilege {privilege_id} has changed since ETag {if_match} was read; "
            f"its current ETag is {etag(privilege)}: GET it again and reapply the change"
        )

    errors: dict[str, list[str]] = {}
    current = snapshot(privilege)
    for field, value in changes.items():
        if field in IMMUTABLE_FIELDS:
            if value != current[field] and not (
                field == "id" and str(value).lower() == current["id"]
            ):
                errors[field] = [
                    f"is immutable: a privilege's {field} cannot change after creation"
                ]
        elif field not in MUTABLE_FIELDS and field not in READ_ONLY_FIELDS:
            errors[field] = [
                f"is not a field of a privilege; changeable: {', '.join(MUTABLE_FIELDS)}"
            ]

    values: dict[str, Any] = {}
    for field in MUTABLE_FIELDS:
        if field not in changes:
            continue
        try:
            if field == "assignability":
                values[field] = parse_assignability(changes[field]).value
            else:
                values[field] = check_description(changes[field], field)
        except ValidationFailedError as error:
            errors.update(error.errors)
    if errors:
        raise ValidationFailedError(errors)

    before = snapshot(privilege)
    privilege.description_danish = values.get("descriptionDanish", privilege.description_danish)
    privilege.description_english = values.get("descriptionEnglish", privilege.description_english)
    privilege.assignability = values.get("assignability", privilege.assignability)
    after = snapshot(privilege)
    if after == before:
        return privilege

    privilege.version += 1
    privilege.updated = utcnow()
    audit.record(
        session,
        organization_tin=organization_tin,
        actor=caller,
        action="privilege.updated",
        target_type="privilege",
        target_id=privilege.id,
        before={key: value for key, value in before.items() if after[key] != value},
        after={key: value for key, value in after.items() if before[key] != value},
    )
    return privilege


def remove(session: Session, caller: Caller, organization_tin: str, privilege_id: str) -> None:
    """Delete a privilege together with its whitelist and every assignment of it."""
    privilege = get_owned(session, organization_tin, privilege_id)
    per_assigner = session.execute(
        select(Assignment.assigned_by_tin, func.count(Assignment.id))
        .where(Assignment.privilege_id == privilege_id)
        .group_by(Assignment.assigned_by_tin)
    ).all()
    before = snapshot(privilege)

    session.execute(delete(Assignment).where(Assignment.privilege_id == privilege_id))
    session.execute(delete(WhitelistEntry).where(WhitelistEntry.privilege_id == privilege_id))
    session.delete(privilege)
    session.flush()

    audit.record(
        session,
        organization_tin=organization_tin,
        actor=caller,
        action="privilege.deleted",
        target_type="privilege",
        target_id=privilege_id,
        before={**before, "assignmentCount": sum(count for _, count in per_assigner)},
    )
    # Assigning organizations see in their own audit trail why their assignments went away.
    for assigner_tin, count in per_assigner:
        if assigner_tin == organization_tin:
            continue
        audit.record(
            session,
            organization_tin=assigner_tin,
            actor=caller,
            action="assignment.removedWithPrivilege",
            target_type="privilege",
            target_id=privilege_id,
            before={
                "privilegeName": before["name"],
                "privilegeOrganizationTin": organization_tin,
                "assignmentCount": count,
            },
        )


def whitelist(session: Session, organization_tin: str, privilege_id: str) -> list[WhitelistItem]:
    get_owned(session, organization_tin, privilege_id)
    rows = session.execute(
        select(WhitelistEntry, Organization.name)
        .join(Organization, Organization.tin == WhitelistEntry.organization_tin)
        .where(WhitelistEntry.privilege_id == privilege_id)
        .order_by(Organization.name_key, Organization.tin)
    )
    return [WhitelistItem(entry, name) for entry, name in rows]


def add_to_whitelist(
    session: Session, caller: Caller, organization_tin: str, privilege_id: str, whitelisted_tin: str
) -> tuple[WhitelistItem, bool]:
    """Whitelist an organization; return the entry and whether it is new.

    Assignments the organization made become active again at once when the
    privilege's assignability is Whitelist.
    """
    privilege = get_owned(session, organization_tin, privilege_id)
    organization = get_organization(session, whitelisted_tin)
    existing = session.get(WhitelistEntry, (privilege_id, whitelisted_tin))
    if existing is not None:
        return WhitelistItem(existing, organization.name), False

    added = WhitelistEntry(
        privilege_id=privilege_id, organization_tin=whitelisted_tin, created=utcnow()
    )
    session.add(added)
    session.flush()
    audit.record(
        session,
        organization_tin=organization_tin,
        actor=caller,
        action="whitelist.added",
        target_type="privilege",
        target_id=privilege.id,
        after={"organizationTin": whitelisted_tin, "privilegeName": privilege.name},
    )
    return WhitelistItem(added, organization.name), True


def remove_from_whitelist(
    session: Session, caller: Caller, organization_tin: str, privilege_id: str, whitelisted_tin: str
) -> None:
    """Remove an organization from the whitelist; its assignments become inactive, not deleted."""
    privilege = get_owned(session, organization_tin, privilege_id)
    existing = session.get(WhitelistEntry, (privilege_id, whitelisted_tin))
    if existing is None:
        raise NotFoundError(
            f"organization {whitelisted_tin} is not on the whitelist of privilege {privilege_id}"
        )
    session.delete(existing)
    session.flush()
    audit.record(
        session,
        organization_tin=organization_tin,
        actor=caller,
        action="whitelist.removed",
        target_type="privilege",
        target_id=privilege.id,
        before={"organizationTin": whitelisted_tin, "privilegeName": privilege.name},
    )


def usage(session: Session, organization_tin: str, privilege_id: str) -> list[Usage]:
    """Return per assigning organization how many of its assignments are active and inactive."""
    get_owned(session, organization_tin, privilege_id)
    active = active_clause(Assignment.assigned_by_tin)
    rows = session.execute(
        select(
            Assignment.assigned_by_tin,
            Organization.name,
            func.sum(case((active, 1), else_=0)),
            func.sum(case((active, 0), else_=1)),
        )
        .join(Privilege, Privilege.id == Assignment.privilege_id)
        .join(Organization, Organization.tin == Assignment.assigned_by_tin)
        .where(Assignment.privilege_id == privilege_id)
        .group_by(Assignment.assigned_by_tin, Organization.name)
        .order_by(Organization.name)
    )
    return [
        Usage(tin, name, int(active_count or 0), int(inactive or 0))
        for tin, name, active_count, inactive in rows
    ]
