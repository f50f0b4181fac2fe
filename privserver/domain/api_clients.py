"""API clients issued to organizations: registration, secrets and enabling."""

from __future__ import annotations

import re
import secrets

from sqlalchemy.orm import Session

from privserver.db.models import ApiClient, utcnow
from privserver.domain import audit, organizations
from privserver.domain.administrators import set_roles
from privserver.domain.caller import API_CLIENT
from privserver.domain.errors import ConflictError, ValidationFailedError
from privserver.domain.secrets import hash_secret
from privserver.domain.values import Role

_CLIENT_ID = re.compile(r"^[A-Za-z0-9._:-]{3,100}$")


def new_secret() -> str:
    """Return a fresh client secret with 256 bits of randomness."""
    return secrets.token_urlsafe(32)


def register(
    session: Session,
    organization_tin: str,
    client_id: str,
    *,
    name: str,
    roles: set[Role],
    secret: str | None = None,
    actor: str = audit.COMMAND_LINE_ACTOR,
) -> str:
    """Register an API client of the organization holding `roles` there; return its secret.

    The secret is stored only as a hash, so this is the one moment it can be shown.
    """
    if not _CLIENT_ID.fullmatch(client_id):
        raise ValidationFailedError.single(
            "clientId", f"{client_id!r} is invalid: expected 3 to 100 letters, digits or . _ : -"
        )
    if session.get(ApiClient, client_id) is not None:
        raise ConflictError(f"an API client {client_id!r} already exists; choose another client id")

    organizations.get(session, organization_tin)
    secret = secret or new_secret()
    session.add(
        ApiClient(
            client_id=client_id,
            organization_tin=organization_tin,
            name=name,
            secret_hash=hash_secret(secret),
            disabled=False,
            created=utcnow(),
        )
    )
    session.flush()
    set_roles(session, actor, organization_tin, API_CLIENT, client_id, roles)
    return secret
