"""Organizations: lookup, search and registration."""

from __future__ import annotations

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from privserver.db.models import Organization
from privserver.domain.errors import NotFoundError
from privserver.domain.values import fold

MAX_SEARCH_RESULTS = 50


def get(session: Session, tin: str) -> Organization:
    organization = session.get(Organization, tin)
    if organization is None:
        raise NotFoundError(f"organization {tin} is not known to this server")
    return organization


def like_pattern(text: str) -> str:
    """Return a LIKE pattern matching `text` anywhere, with % and _ taken literally."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def search(session: Session, text: str) -> list[Organization]:
    """Return up to 50 organizations whose name or TIN contains `text`, regardless of case."""
    query = select(Organization)
    text = text.strip()
    if text:
        query = query.where(
            or_(
                Organization.name_key.like(like_pattern(fold(text)), escape="\\"),
                Organization.tin.like(like_pattern(text.upper()), escape="\\"),
            )
        )
    return list(
        session.scalars(
            query.order_by(Organization.name_key, Organization.tin).limit(MAX_SEARCH_RESULTS)
        )
    )


def ensure(
    session: Session, tin: str, name: str | None = None, *, rename: bool = False
) -> Organization:
    """Return the organization, registering it (named `name`, or its TIN) when it is new.

    A known organization keeps its name unless `rename` is set and `name` is given.
    """
    organization = session.get(Organization, tin)
    if organization is None:
        organization = Organization(tin=tin, name=name or tin, name_key=fold(name or tin))
        session.add(organization)
        session.flush()
    elif rename and name and organization.name != name:
        organization.name = name
        organization.name_key = fold(name)
    return organization
