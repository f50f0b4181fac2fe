"""Assignments: what an organization may assign, and assigning and removing, singly or in batches."""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from collections.abc import Sequence
from typing import Literal

from sqlalchemy import delete, func, insert, literal, select
from sqlalchemy.orm import Session

from privserver.db.models import (
    Assignment,
    Identity,
    Organization,
    Privilege,
    WhitelistEntry,
    utcnow,
)
from privserver.domain import audit
from privserver.domain import identities as identity_store
from privserver.domain.activity import active_clause, activity, may_assign
from privserver.domain.caller import Caller
from privserver.domain.errors import (
    ForbiddenError,
    NotFoundError,
    TooManyItemsError,
    ValidationFailedError,
)
from privserver.domain.paging import Page, decode_cursor, split_page
from privserver.domain.values import (
    MAX_BATCH_ITEMS,
    Assignability,
    InactiveReason,
    parse_idp,
    parse_uuid,
)

Operation = Literal["add", "remove"]
Outcome = Literal["added", "removed", "unchanged"]


@dataclasses.dataclass(frozen=True)
class AssignmentView:
    """An assignment with its privilege and identity, and whether it is active now."""

    assignment: Assignment
    privilege: Privilege
    identity: Identity
    active: bool
    inactive_reason: InactiveReason | None


@dataclasses.dataclass(frozen=True)
class AssignableGroup:
    organization: Organization
    privileges: list[tuple[Privilege, int]]


@dataclasses.dataclass(frozen=True)
class Change:
    """One item of a batch request, as sent: values are checked by `apply_batch`."""

    idp: object
    idp_identity_id: object
    privilege_id: object


@dataclasses.dataclass(frozen=True)
class ChangeOutcome:
    operation: Operation
    idp: str
    idp_identity_id: str
    privilege_id: str
    outcome: Outcome


def _whitelisted_privileges(
    session: Session, assigner_tin: str, privilege_ids: Sequence[str]
) -> set[str]:
    if not privilege_ids:
        return set()
    return set(
        session.scalars(
            select(WhitelistEntry.privilege_id).where(
                WhitelistEntry.organization_tin == assigner_tin,
                WhitelistEntry.privilege_id.in_(privilege_ids),
            )
        )
    )


def _views(
    session: Session, rows: Sequence[tuple[Assignment, Privilege, Identity]]
) -> list[AssignmentView]:
    by_assigner: dict[str, list[str]] = defaultdict(list)
    for assignment, privilege, _ in rows:
        if privilege.assignability == Assignability.WHITELIST:
            by_assigner[assignment.assigned_by_tin].append(privilege.id)
    whitelisted = {
        tin: _whitelisted_privileges(session, tin, ids) for tin, ids in by_assigner.items()
    }
    views = []
    for assignment, privilege, identity in rows:
        on_whitelist = privilege.id in whitelisted.get(assignment.assigned_by_tin, set())
        active, reason = activity(privilege, assignment.assigned_by_tin, whitelisted=on_whitelist)
        views.append(AssignmentView(assignment, privilege, identity, active, reason))
    return views


def assignable(session: Session, organization_tin: str) -> list[AssignableGroup]:
    """Return the privileges the organization may assign, grouped by owner, with its own counts."""
    count = (
        select(func.count(Assignment.id))
        .where(
            Assignment.privilege_id == Privilege.id, Assignment.assigned_by_tin == organization_tin
        )
        .scalar_subquery()
    )
    rows = session.execute(
        select(Privilege, Organization, count)
        .join(Organization, Organization.tin == Privilege.organization_tin)
        .where(active_clause(literal(organization_tin)))
        .order_by(Organization.name_key, Organization.tin, Privilege.name_key)
    )

    groups: dict[str, AssignableGroup] = {}
    for privilege, organization, assigned in rows:
        group = groups.setdefault(organization.tin, AssignableGroup(organization, []))
        group.privileges.append((privilege, assigned or 0))
    # The organization's own privileges first, then the providers by name.
    own = [groups.pop(organization_tin)] if organization_tin in groups else []
    return own + list(groups.values())


def made_to(
    session: Session, organization_tin: str, idp: str, idp_identity_id: str
) -> list[AssignmentView]:
    """Return every assignment the organization made to the identity, active or not."""
    rows = session.execute(
        select(Assignment, Privilege, Identity)
        .join(Privilege, Privilege.id == Assignment.privilege_id)
        .join(Identity, Identity.id == Assignment.identity_id)
        .where(
            Assignment.assigned_by_tin == organization_tin,
            Identity.idp == idp,
            Identity.idp_identity_id == idp_identity_id,
        )
        .order_by(Privilege.organization_tin, Privilege.name_key)
    ).all()
    return _views(session, rows)


def made_by(
    session: Session,
    organization_tin: str,
    *,
    privilege_id: str | None,
    page_size: int,
    cursor: str | None,
) -> Page[AssignmentView]:
    """Return the assignments the organization made, optionally of one privilege, in a stable order."""
    after_id = decode_cursor(cursor)
    query = (
        select(Assignment, Privilege, Identity)
        .join(Privilege, Privilege.id == Assignment.privilege_id)
        .join(Identity, Identity.id == Assignment.identity_id)
        .where(Assignment.assigned_by_tin == organization_tin)
    )
    if privilege_id is not None:
        query = query.where(Assignment.privilege_id == privilege_id)
    if after_id is not None:
        query = query.where(Assignment.id > after_id)
    rows = session.execute(query.order_by(Assignment.id).limit(page_size + 1)).all()
    page = split_page(rows, page_size, lambda row: row[0].id)
    return Page(_views(session, page.items), page.next_cursor)


def _privilege(session: Session, privilege_id: str) -> Privilege:
    privilege = session.get(Privilege, privilege_id)
    if privilege is None:
        raise NotFoundError(f"privilege {privilege_id} does not exist")
    return privilege


def _audit_assignment(
    session: Session,
    caller: Caller,
    organization_tin: str,
    action: str,
    identity: Identity,
    privilege: Privilege,
) -> None:
    values = {
        "idp": identity.idp,
        "idpIdentityId": identity.idp_identity_id,
        "privilegeId": privilege.id,
        "privilegeName": privilege.name,
        "privilegeOrganizationTin": privilege.organization_tin,
    }
    added = action == "assignment.added"
    audit.record(
        session,
        organization_tin=organization_tin,
        actor=caller,
        action=action,
        target_type="assignment",
        target_id=f"{identity.idp}:{identity.idp_identity_id}:{privilege.id}",
        before=None if added else values,
        after=values if added else None,
    )


def assign(
    session: Session,
    caller: Caller,
    organization_tin: str,
    idp: str,
    idp_identity_id: str,
    privilege_id: str,
) -> tuple[AssignmentView, bool]:
    """Assign the privilege to the identity; return the assignment and whether it was created.

    The identity becomes known to the organization as an employee.
    """
    privilege = _privilege(session, privilege_id)
    if not may_assign(session, privilege, organization_tin):
        raise ForbiddenError(
            f"organization {organization_tin} may not assign privilege {privilege_id}: "
            f"it is {privilege.assignability} and owned by {privilege.organization_tin}"
        )

    identity = identity_store.ensure(session, idp, idp_identity_id)
    identity_store.make_known(session, organization_tin, identity.id)
    assignment = session.scalar(
        select(Assignment).where(
            Assignment.privilege_id == privilege_id,
            Assignment.assigned_by_tin == organization_tin,
            Assignment.identity_id == identity.id,
        )
    )
    created = assignment is None
    if assignment is None:
        now = utcnow()
        assignment = Assignment(
            privilege_id=privilege_id,
            assigned_by_tin=organization_tin,
            identity_id=identity.id,
            created=now,
            updated=now,
        )
        session.add(assignment)
        session.flush()
        _audit_assignment(
            session, caller, organization_tin, "assignment.added", identity, privilege
        )
    return AssignmentView(assignment, privilege, identity, True, None), created


def unassign(
    session: Session,
    caller: Caller,
    organization_tin: str,
    idp: str,
    idp_identity_id: str,
    privilege_id: str,
) -> None:
    """Remove an assignment the organization made; inactive ones too. NotFoundError when absent."""
    identity = identity_store.find(session, idp, idp_identity_id)
    privilege = session.get(Privilege, privilege_id)
    assignment = None
    if identity is not None and privilege is not None:
        assignment = session.scalar(
            select(Assignment).where(
                Assignment.privilege_id == privilege_id,
                Assignment.assigned_by_tin == organization_tin,
                Assignment.identity_id == identity.id,
            )
        )
    if assignment is None or identity is None or privilege is None:
        raise NotFoundError(
            f"organization {organization_tin} has not assigned privilege {privilege_id} "
            f"to {idp} identity {idp_identity_id}"
        )
    session.delete(assignment)
    session.flush()
    _audit_assignment(session, caller, organization_tin, "assignment.removed", identity, privilege)


@dataclasses.dataclass(frozen=True)
class _Checked:
    operation: Operation
    # Position of the item in its request list, for error field names such as add[3].
    index: int
    idp: str
    idp_identity_id: str
    privilege_id: str

    @property
    def field(self) -> str:
        return f"{self.operation}[{self.index}]"


def _parse_changes(
    operation: Operation, changes: Sequence[Change], errors: dict[str, list[str]]
) -> list[_Checked]:
    parsed = []
    for index, change in enumerate(changes):
        prefix = f"{operation}[{index}]"
        try:
            idp = parse_idp(change.idp, f"{prefix}.idp")
            identity_id = parse_uuid(change.idp_identity_id, f"{prefix}.idpIdentityId")
            privilege_id = parse_uuid(change.privilege_id, f"{prefix}.privilegeId")
        except ValidationFailedError as error:
            errors.update(error.errors)
            continue
        parsed.append(_Checked(operation, index, idp.value, identity_id, privilege_id))
    return parsed


def _check_batch(
    session: Session, organization_tin: str, add: Sequence[Change], remove: Sequence[Change]
) -> tuple[list[_Checked], dict[str, Privilege]]:
    total = len(add) + len(remove)
    if total > MAX_BATCH_ITEMS:
        raise TooManyItemsError(
            f"the batch has {total} items; at most {MAX_BATCH_ITEMS} are allowed: "
            "split it into several batches"
        )

    errors: dict[str, list[str]] = {}
    checked = _parse_changes("add", add, errors) + _parse_changes("remove", remove, errors)

    ids = sorted({item.privilege_id for item in checked})
    privileges = {
        privilege.id: privilege
        for privilege in session.scalars(select(Privilege).where(Privilege.id.in_(ids)))
    }
    whitelisted = _whitelisted_privileges(session, organization_tin, ids)
    seen: dict[tuple[str, str, str], Operation] = {}
    for item in checked:
        privilege = privileges.get(item.privilege_id)
        if privilege is None:
            errors[f"{item.field}.privilegeId"] = [f"privilege {item.privilege_id} does not exist"]
            continue
        if item.operation == "add":
            active, _ = activity(
                privilege, organization_tin, whitelisted=privilege.id in whitelisted
            )
            if not active:
                message = (
                    f"organization {organization_tin} may not assign privilege {privilege.id} "
                    f"({privilege.assignability}, owned by {privilege.organization_tin})"
                )
                errors[f"{item.field}.privilegeId"] = [message]
        key = (item.idp, item.idp_identity_id, item.privilege_id)
        if seen.setdefault(key, item.operation) != item.operation:
            errors[item.field] = ["the same assignment is both added and removed in this batch"]

    if errors:
        raise ValidationFailedError(
            errors, detail=f"{len(errors)} invalid batch items; nothing was applied"
        )
    return checked, privileges


def _identities_of(
    session: Session, checked: Sequence[_Checked]
) -> dict[tuple[str, str], Identity]:
    """Return the identities the batch names, creating those that are to receive an assignment."""
    known: dict[tuple[str, str], Identity] = {}
    by_idp: dict[str, set[str]] = defaultdict(set)
    for item in checked:
        by_idp[item.idp].add(item.idp_identity_id)
    for idp, identity_ids in by_idp.items():
        query = select(Identity).where(
            Identity.idp == idp, Identity.idp_identity_id.in_(identity_ids)
        )
        for identity in session.scalars(query):
            known[(identity.idp, identity.idp_identity_id)] = identity

    for item in checked:
        key = (item.idp, item.idp_identity_id)
        if item.operation == "add" and key not in known:
            known[key] = identity_store.ensure(session, item.idp, item.idp_identity_id)
    return known


def apply_batch(
    session: Session,
    caller: Caller,
    organization_tin: str,
    add: Sequence[Change],
    remove: Sequence[Change],
) -> list[ChangeOutcome]:
    """Apply all changes in the session's transaction, or none: any invalid item raises first.

    Adding an existing assignment or removing a missing one is `unchanged`,
    so a retried batch changes nothing the second time.
    """
    checked, privileges = _check_batch(session, organization_tin, add, remove)
    identities = _identities_of(session, checked)

    # Assignment id per (identity id, privilege id); None for one added by this batch.
    existing: dict[tuple[int, str], int | None] = {}
    identity_ids = [identity.id for identity in identities.values()]
    if identity_ids:
        rows = session.execute(
            select(Assignment.identity_id, Assignment.privilege_id, Assignment.id).where(
                Assignment.assigned_by_tin == organization_tin,
                Assignment.identity_id.in_(identity_ids),
                Assignment.privilege_id.in_(list(privileges)),
            )
        )
        existing = {
            (identity_id, privilege_id): row_id for identity_id, privilege_id, row_id in rows
        }

    now = utcnow()
    outcomes: list[ChangeOutcome] = []
    to_insert: list[dict[str, object]] = []
    to_delete: list[int] = []
    new_employees: set[int] = set()
    for item in checked:
        identity = identities.get((item.idp, item.idp_identity_id))
        outcome: Outcome = "unchanged"
        if identity is not None:
            key = (identity.id, item.privilege_id)
            if item.operation == "add" and key not in existing:
                existing[key] = None
                new_employees.add(identity.id)
                to_insert.append(
                    {
                        "privilege_id": item.privilege_id,
                        "assigned_by_tin": organization_tin,
                        "identity_id": identity.id,
                        "created": now,
                        "updated": now,
                    }
                )
                outcome = "added"
            elif item.operation == "remove" and key in existing:
                row_id = existing.pop(key)
                if row_id is not None:
                    to_delete.append(row_id)
                outcome = "removed"
        if identity is not None and outcome != "unchanged":
            action = "assignment.added" if outcome == "added" else "assignment.removed"
            privilege = privileges[item.privilege_id]
            _audit_assignment(session, caller, organization_tin, action, identity, privilege)
        outcomes.append(
            ChangeOutcome(
                item.operation, item.idp, item.idp_identity_id, item.privilege_id, outcome
            )
        )

    identity_store.make_known_many(session, organization_tin, new_employees)
    if to_insert:
        session.execute(insert(Assignment), to_insert)
    if to_delete:
        session.execute(delete(Assignment).where(Assignment.id.in_(to_delete)))
    return outcomes
