"""The audit trail: one event per change, with actor, action, target and before/after values."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from privserver.db.models import AuditEvent, utcnow
from privserver.domain.caller import Caller
from privserver.domain.paging import Page, decode_cursor, split_page

# Actor of changes made with the command line on the server itself.
COMMAND_LINE_ACTOR = "cli"
_ACTOR_NAMES = "privserver.audit.actor_names"


def record(
    session: Session,
    *,
    organization_tin: str,
    actor: Caller | str,
    action: str,
    target_type: str,
    target_id: str,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
    time: dt.datetime | None = None,
) -> AuditEvent:
    """Add an audit event to the session's transaction, so it commits or rolls back with the change."""
    if isinstance(actor, Caller):
        actor_id, actor_name = actor.actor, _cached_actor_name(session, actor)
    else:
        actor_id, actor_name = actor, None
    event = AuditEvent(
        organization_tin=organization_tin,
        time=time or utcnow(),
        actor=actor_id,
        actor_name=actor_name,
        action=action,
        target_type=target_type,
        target_id=target_id,
        before=before,
        after=after,
    )
    session.add(event)
    return event


def _cached_actor_name(session: Session, caller: Caller) -> str | None:
    # A batch records thousands of events for one actor; look the name up once per session.
    names: dict[str, str | None] = session.info.setdefault(_ACTOR_NAMES, {})
    if caller.actor not in names:
        names[caller.actor] = caller.display_name(session)
    return names[caller.actor]


def events(
    session: Session, organization_tin: str, *, page_size: int, cursor: str | None
) -> Page[AuditEvent]:
    """Return the organization's audit events, newest first."""
    before_id = decode_cursor(cursor)
    query = select(AuditEvent).where(AuditEvent.organization_tin == organization_tin)
    if before_id is not None:
        query = query.where(AuditEvent.id < before_id)
    rows = list(session.scalars(query.order_by(AuditEvent.id.desc()).limit(page_size + 1)))
    return split_page(rows, page_size, lambda event: event.id)
