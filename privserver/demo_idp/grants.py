"""Authorization codes and rotating refresh tokens of the demo identity provider."""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import secrets
import threading
import uuid
from collections.abc import Callable
from dataclasses import dataclass

from authlib.oauth2.rfc6749 import InvalidGrantError
from sqlalchemy import update
from sqlalchemy.orm import Session, sessionmaker

from privserver.db.models import IdpRefreshToken

log = logging.getLogger("privserver.demo_idp.grants")


@dataclass(frozen=True)
class Lifetimes:
    """Token lifetimes in seconds; tests shorten them."""

    code: float = 60
    access_token: float = 600
    id_token: float = 600
    # A refresh token expires this long after it was issued (each rotation slides it)...
    refresh_sliding: float = 8 * 3600
    # ...but never after this long from the sign-in that started its family.
    refresh_absolute: float = 30 * 86400
    # Re-presenting a rotated refresh token within this time returns the same successor.
    refresh_grace: float = 30


@dataclass
class AuthorizationCode:
    """The grant behind an authorization code, kept until the code expires."""

    client_id: str
    redirect_uri: str
    scope: list[str]
    nonce: str | None
    code_challenge: str
    idp: str
    idp_identity_id: str
    auth_time: int
    expires: float
    redeemed: bool = False
    # The refresh token family started by redeeming the code, revoked if the code is replayed.
    family_id: str | None = None


class CodeStore:
    """Authorization codes, held in memory: they live 60 seconds, so a restart losing them is harmless.

    NOTE: being in memory, codes work only with a single server process (no uvicorn workers).
    """

    def __init__(self, clock: Callable[[], float]) -> None:
        self._clock = clock
        self._codes: dict[str, AuthorizationCode] = {}
        self._lock = threading.Lock()

    def issue(self, grant: AuthorizationCode) -> str:
        code = secrets.token_urlsafe(32)
        with self._lock:
            self._drop_expired()
            self._codes[code] = grant
        return code

    def redeem(self, code: str, client_id: str) -> AuthorizationCode:
        """Mark `code` redeemed and return its grant; raise InvalidGrantError if it cannot be.

        A code presented a second time stays unusable and its grant is returned
        inside the error, so the caller can revoke what the first use issued.
        """
        with self._lock:
            grant = self._codes.get(code)
            if grant is None or grant.client_id != client_id:
                raise InvalidGrantError(
                    "The authorization code is unknown or was issued to another client."
                )
            if grant.redeemed:
                raise ReplayedCodeError(grant)
            if self._clock() >= grant.expires:
                del self._codes[code]
                raise InvalidGrantError("The authorization code has expired; sign in again.")
            grant.redeemed = True
            return grant

    def _drop_expired(self) -> None:
        # Redeemed codes are kept until they expire so that a replay is recognized.
        now = self._clock()
        for code in [code for code, grant in self._codes.items() if now >= grant.expires]:
            del self._codes[code]


class ReplayedCodeError(InvalidGrantError):  # type: ignore[misc]
    """An authorization code was presented a second time."""

    def __init__(self, grant: AuthorizationCode) -> None:
        super().__init__("The authorization code has already been used.")
        self.grant = grant


@dataclass(frozen=True)
class RefreshGrant:
    """The grant behind a refresh token."""

    token: str
    family_id: str
    client_id: str
    idp: str
    idp_identity_id: str
    scope: list[str]


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class RefreshTokens:
    """Refresh token families with rotation and reuse detection (RFC 9700, section 4.14.2).

    Each refresh returns a new token and marks the presented one rotated. A
    rotated token presented again within the grace period returns the same
    successor, since a client that lost the response will retry. Presented
    later, it is treated as stolen: the whole family is revoked.
    """

    def __init__(
        self,
        session_factory: sessionmaker[Session],
        lifetimes: Lifetimes,
        clock: Callable[[], float],
    ) -> None:
        self._session_factory = session_factory
        self._lifetimes = lifetimes
        self._clock = clock

    def _now(self) -> dt.datetime:
        return dt.datetime.fromtimestamp(self._clock(), dt.UTC)

    def start_family(
        self, client_id: str, idp: str, idp_identity_id: str, scope: list[str]
    ) -> RefreshGrant:
        """Issue the first refresh token of a new family (at a sign-in)."""
        now = self._now()
        family_id = str(uuid.uuid4())
        family_expires = now + dt.timedelta(seconds=self._lifetimes.refresh_absolute)
        with self._session_factory.begin() as session:
            grant = self._add(
                session,
                family_id=family_id,
                client_id=client_id,
                idp=idp,
                idp_identity_id=idp_identity_id,
                scope=scope,
                now=now,
                family_expires=family_expires,
            )
        log.info("started refresh token family %s for client %s", family_id, client_id)
        return grant

    def _add(
        self,
        session: Session,
        *,
        family_id: str,
        client_id: str,
        idp: str,
        idp_identity_id: str,
        scope: list[str],
        now: dt.datetime,
        family_expires: dt.datetime,
    ) -> RefreshGrant:
        token = secrets.token_urlsafe(48)
        expires = min(now + dt.timedelta(seconds=self._lifetimes.refresh_sliding), family_expires)
        session.add(
            IdpRefreshToken(
                token_hash=_hash(token),
                family_id=family_id,
                client_id=client_id,
                idp=idp,
                idp_identity_id=idp_identity_id,
                scope=" ".join(scope),
                created=now,
                expires=expires,
                family_expires=family_expires,
            )
        )
        return RefreshGrant(token, family_id, client_id, idp, idp_identity_id, scope)

    def rotate(self, token: str, client_id: str) -> RefreshGrant:
        """Exchange `token` for its successor; raise InvalidGrantError when it is not valid."""
        with self._session_factory.begin() as session:
            outcome = self._rotate(session, token, client_id)
        # Raised only after the commit, so that a family revoked on reuse stays revoked.
        if isinstance(outcome, InvalidGrantError):
            raise outcome
        return outcome

    def _rotate(
        self, session: Session, token: str, client_id: str
    ) -> RefreshGrant | InvalidGrantError:
        now = self._now()
        grace = dt.timedelta(seconds=self._lifetimes.refresh_grace)

        # Successors are kept in clear text only for the grace period.
        session.execute(
            update(IdpRefreshToken)
            .where(
                IdpRefreshToken.successor_token.is_not(None), IdpRefreshToken.rotated < now - grace
            )
            .values(successor_token=None)
        )
        # FOR UPDATE serializes concurrent refreshes on PostgreSQL; SQLite gets the
        # same from BEGIN IMMEDIATE.
        row = session.get(IdpRefreshToken, _hash(token), with_for_update=True)
        if row is None or row.client_id != client_id:
            return InvalidGrantError(
                "The refresh token is unknown or was issued to another client."
            )
        if row.revoked:
            return InvalidGrantError("The refresh token has been revoked; sign in again.")

        if row.rotated is not None:
            if row.successor_token is not None and now - row.rotated <= grace:
                log.info(
                    "refresh token of family %s presented again within the grace period",
                    row.family_id,
                )
                return RefreshGrant(
                    row.successor_token,
                    row.family_id,
                    row.client_id,
                    row.idp,
                    row.idp_identity_id,
                    row.scope.split(),
                )
            self._revoke_family(session, row.family_id)
            log.warning(
                "rotated refresh token of family %s reused after the grace period: family revoked",
                row.family_id,
            )
            return InvalidGrantError(
                "The refresh token was already used; the session is revoked. Sign in again."
            )

        if now >= row.expires or now >= row.family_expires:
            return InvalidGrantError("The refresh token has expired; sign in again.")

        successor = self._add(
            session,
            family_id=row.family_id,
            client_id=row.client_id,
            idp=row.idp,
            idp_identity_id=row.idp_identity_id,
            scope=row.scope.split(),
            now=now,
            family_expires=row.family_expires,
        )
        row.rotated = now
        row.successor_token = successor.token
        return successor

    def revoke_token(self, token: str, client_id: str) -> bool:
        """Revoke the family of `token` if it belongs to `client_id`; return whether it did."""
        with self._session_factory.begin() as session:
            row = session.get(IdpRefreshToken, _hash(token))
            if row is None or row.client_id != client_id:
                return False
            self._revoke_family(session, row.family_id)
        log.info(
            "revoked refresh token family %s at the request of client %s", row.family_id, client_id
        )
        return True

    def revoke_family(self, family_id: str) -> None:
        with self._session_factory.begin() as session:
            self._revoke_family(session, family_id)
        log.info("revoked refresh token family %s", family_id)

    @staticmethod
    def _revoke_family(session: Session, family_id: str) -> None:
        session.execute(
            update(IdpRefreshToken)
            .where(IdpRefreshToken.family_id == family_id)
            .values(revoked=True, successor_token=None)
        )
