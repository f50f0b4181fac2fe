"""Dependencies shared by the routes: database transactions and the authenticated caller."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Annotated, Any, TypeVar

from fastapi import Depends, Request
from sqlalchemy import Engine
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import Session

from privserver.api.problems import MISSING_TOKEN
from privserver.api.ratelimit import RateLimiter, retry_after_header
from privserver.auth.tokens import InvalidTokenError, TokenValidator
from privserver.db.engine import make_session_factory, read_only
from privserver.domain.caller import Caller
from privserver.domain.errors import RateLimitedError, ValidationFailedError
from privserver.domain.values import parse_idp, parse_uuid, tin_from_cvr_claim

log = logging.getLogger("privserver.api")

T = TypeVar("T")

SCOPE_ADMINISTRATION = "privilege_api"
SCOPE_END_USER = "privileges"
# Attempts of a write transaction that lost a race (a unique key inserted in parallel on
# PostgreSQL, or a serialization failure); the retry then finds the other writer's row.
WRITE_ATTEMPTS = 3


class Database:
    """Transactions of the API: deferred read transactions and retried write transactions."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._write_sessions = make_session_factory(engine)
        self._read_sessions = make_session_factory(read_only(engine))

    @contextmanager
    def read(self) -> Iterator[Session]:
        """Open a read transaction, which on SQLite does not take the write lock."""
        with self._read_sessions() as session, session.begin():
            yield session

    def write(self, work: Callable[[Session], T]) -> T:
        """Run `work` in one write transaction and commit it; nothing is kept if it raises."""
        for attempt in range(1, WRITE_ATTEMPTS + 1):
            try:
                with self._write_sessions() as session, session.begin():
                    return work(session)
            except (IntegrityError, OperationalError) as error:
                if attempt == WRITE_ATTEMPTS or not _is_race(error):
                    raise
                log.info(
                    "Retrying a write transaction that lost a race (attempt %d): %s",
                    attempt,
                    error.orig,
                )
        raise AssertionError("unreachable")


def _is_race(error: IntegrityError | OperationalError) -> bool:
    if isinstance(error, IntegrityError):
        return "unique" in str(error.orig).lower() or "duplicate" in str(error.orig).lower()
    code = getattr(error.orig, "sqlstate", None)
    return code in ("40001", "40P01") or "database is locked" in str(error.orig)


def database(request: Request) -> Database:
    return request.app.state.database  # type: ignore[no-any-return]


DatabaseDep = Annotated[Database, Depends(database)]


def _bearer_token(request: Request) -> str:
    header = request.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise InvalidTokenError(MISSING_TOKEN)
    return token.strip()


def caller_from_claims(claims: dict[str, Any]) -> Caller:
    """Return the caller a validated token names: an API client or a person."""
    client_id = claims.get("client_id")
    if claims.get("client_at_type") == "service_token":
        if not isinstance(client_id, str) or not client_id:
            raise InvalidTokenError("the service token has no client_id claim")
        return Caller.api_client(client_id)
    try:
        idp = parse_idp(claims.get("idp"), "idp")
        idp_identity_id = parse_uuid(claims.get("idp_identity_id"), "idp_identity_id")
    except ValidationFailedError as error:
        raise InvalidTokenError(f"the token does not name a person: {error.detail}") from error
    return Caller.person(
        idp.value,
        idp_identity_id,
        client_id=client_id if isinstance(client_id, str) else None,
        employer_tin=tin_from_cvr_claim(claims.get("nemlogin.cvr")),
    )


async def _validated_claims(request: Request, scope: str) -> dict[str, Any]:
    validator: TokenValidator = request.app.state.token_validator
    claims = await validator.validate(_bearer_token(request), scope)
    request.state.claims = claims
    _check_rate(request, claims)
    return claims


def _check_rate(request: Request, claims: dict[str, Any]) -> None:
    limiter: RateLimiter | None = request.app.state.rate_limiter
    if limiter is None:
        return
    # Callers are counted by client and subject, so two people behind one app are apart.
    caller_key = f"{claims.get('client_id')}|{claims.get('sub')}"
    wait = limiter.acquire(caller_key)
    if wait is not None:
        log.info("Rate limited client %s for %.1f s", claims.get("client_id"), wait)
        raise RateLimitedError(
            f"too many requests: at most {int(limiter.capacity)} a minute per caller; "
            f"retry after {retry_after_header(wait)} s",
            retry_after=wait,
        )


async def administration_caller(request: Request) -> Caller:
    """Authenticate the caller of an administration endpoint, which needs scope privilege_api."""
    return caller_from_claims(await _validated_claims(request, SCOPE_ADMINISTRATION))


async def end_user_claims(request: Request) -> dict[str, Any]:
    """Validate an end user's token with scope privileges (GET /identity/privileges only)."""
    return await _validated_claims(request, SCOPE_END_USER)


CallerDep = Annotated[Caller, Depends(administration_caller)]
EndUserClaimsDep = Annotated[dict[str, Any], Depends(end_user_claims)]
