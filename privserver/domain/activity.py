"""Assignability: which organizations may assign a privilege, and which assignments are active.

An assignment is active when its assigner is the privilege's owner, or the
privilege is Public, or it is Whitelist and the assigner is on its whitelist.
Otherwise it is inactive (never deleted), with reason PrivilegePrivate or
NotWhitelisted, and becomes active again when the rule holds again. The rule
exists twice below, in Python for single objects and in SQL for queries;
the two functions must stay in step.
"""

from __future__ import annotations

from sqlalchemy import ColumnElement, and_, exists, or_, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from privserver.db.models import Privilege, WhitelistEntry
from privserver.domain.values import Assignability, InactiveReason


def activity(
    privilege: Privilege, assigner_tin: str, *, whitelisted: bool
) -> tuple[bool, InactiveReason | None]:
    """Return whether an assignment of `privilege` made by `assigner_tin` is active, and why not."""
    if assigner_tin == privilege.organization_tin:
        return True, None
    if privilege.assignability == Assignability.PUBLIC:
        return True, None
    if privilege.assignability == Assignability.WHITELIST:
        return (True, None) if whitelisted else (False, InactiveReason.NOT_WHITELISTED)
    return False, InactiveReason.PRIVILEGE_PRIVATE


def is_whitelisted(session: Session, privilege_id: str, organization_tin: str) -> bool:
    return (
        session.scalar(
            select(WhitelistEntry.privilege_id).where(
                WhitelistEntry.privilege_id == privilege_id,
                WhitelistEntry.organization_tin == organization_tin,
            )
        )
        is not None
    )


def may_assign(session: Session, privilege: Privilege, assigner_tin: str) -> bool:
    """Return whether `assigner_tin` may assign `privilege` now."""
    whitelisted = privilege.assignability == Assignability.WHITELIST and is_whitelisted(
        session, privilege.id, assigner_tin
    )
    active, _ = activity(privilege, assigner_tin, whitelisted=whitelisted)
    return active


def active_clause(
    assigner_tin: ColumnElement[str] | InstrumentedAttribute[str],
) -> ColumnElement[bool]:
    """SQL twin of `activity`: true where `assigner_tin` may assign the joined Privilege row."""
    whitelisted = exists().where(
        WhitelistEntry.privilege_id == Privilege.id,
        WhitelistEntry.organization_tin == assigner_tin,
    )
    return or_(
        Privilege.organization_tin == assigner_tin,
        Privilege.assignability == Assignability.PUBLIC.value,
        and_(Privilege.assignability == Assignability.WHITELIST.value, whitelisted),
    )
