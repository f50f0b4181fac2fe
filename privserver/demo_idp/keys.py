"""Signing keys of the demo identity provider: stored in the database, published, rotated."""

from __future__ import annotations

import datetime as dt
import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from joserfc import jwt
from joserfc.jwk import ECKey, KeyParameters, KeySet, RSAKey
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from privserver.db.models import IdpSigningKey

log = logging.getLogger("privserver.demo_idp.keys")

SUPPORTED_ALGORITHMS = ("ES256", "RS256")

# How long a process trusts its cached copy of the key table. Another process
# (the rotate command) may change the table; this bounds how late a running
# server notices.
_CACHE_SECONDS = 10.0


def generate_key(alg: str) -> ECKey | RSAKey:
    """Generate a private signing key for `alg` (ES256 or RS256), with its thumbprint as kid."""
    parameters: KeyParameters = {"alg": alg, "use": "sig"}
    key: ECKey | RSAKey
    if alg == "ES256":
        key = ECKey.generate_key("P-256", parameters=parameters, private=True)
    elif alg == "RS256":
        key = RSAKey.generate_key(2048, parameters=parameters, private=True)
    else:
        raise ValueError(
            f"unsupported signing algorithm {alg!r}: use one of {SUPPORTED_ALGORITHMS}"
        )
    key.ensure_kid()
    return key


def _import_private(row: IdpSigningKey) -> ECKey | RSAKey:
    data = dict(row.private_jwk)
    data["kid"] = row.kid
    if data.get("kty") == "EC":
        return ECKey.import_key(data)
    return RSAKey.import_key(data)


@dataclass(frozen=True)
class _Snapshot:
    signing: ECKey | RSAKey
    signing_alg: str
    public: KeySet
    loaded: float


def _add_key(session: Session, alg: str, *, active: bool) -> IdpSigningKey:
    key = generate_key(alg)
    row = IdpSigningKey(
        kid=key.kid,
        alg=alg,
        private_jwk=key.as_dict(private=True),
        active=active,
        # Microseconds apart at most, but ordering by creation must be strict.
        created=dt.datetime.now(dt.UTC),
    )
    session.add(row)
    session.flush()
    return row


def _published(session: Session) -> list[IdpSigningKey]:
    rows = session.scalars(
        select(IdpSigningKey)
        .where(IdpSigningKey.retired.is_(None))
        .order_by(IdpSigningKey.created, IdpSigningKey.kid)
    )
    return list(rows)


def ensure_signing_keys(session: Session, alg: str = "ES256") -> None:
    """Create the active key and the next (published, not yet signing) key when missing."""
    rows = _published(session)
    active = [row for row in rows if row.active]
    if not active:
        row = _add_key(session, alg, active=True)
        log.info("created signing key kid=%s alg=%s", row.kid, alg)
        active = [row]
    newest_active = max(active, key=lambda row: row.created)
    if not any(row.created > newest_active.created and not row.active for row in rows):
        row = _add_key(session, alg, active=False)
        log.info("published next signing key kid=%s alg=%s", row.kid, alg)


def rotate_signing_keys(session: Session, alg: str | None = None) -> str:
    """Rotate keys and return the kid that now signs.

    The key that was published at the previous rotation starts signing, so
    every verifier has had it in its JWKS before it meets a token signed by
    it. The key it replaces stays published, so tokens it signed keep
    validating until they expire; the key before that is retired. A fresh key
    is published to be the next one. `alg` chooses the algorithm of that fresh
    key (default: that of the key being replaced).
    """
    ensure_signing_keys(session, alg or "ES256")
    rows = _published(session)
    active = max((row for row in rows if row.active), key=lambda row: row.created)
    upcoming = min(
        (row for row in rows if not row.active and row.created > active.created),
        key=lambda row: row.created,
    )
    now = dt.datetime.now(dt.UTC)

    for row in rows:
        if not row.active and row.created < active.created:
            row.retired = now
            log.info("retired signing key kid=%s", row.kid)
    active.active = False
    upcoming.active = True
    session.flush()

    fresh = _add_key(session, alg or active.alg, active=False)
    log.info(
        "rotated signing keys: kid=%s signs, kid=%s stays published, kid=%s is next",
        upcoming.kid,
        active.kid,
        fresh.kid,
    )
    return upcoming.kid


def retire_signing_key(session: Session, kid: str) -> None:
    """Stop publishing key `kid`; tokens it signed no longer validate. The active key cannot be retired."""
    row = session.get(IdpSigningKey, kid)
    if row is None:
        raise ValueError(f"unknown signing key kid={kid!r}")
    if row.active:
        raise ValueError(f"signing key kid={kid!r} is active: rotate first, then retire it")
    row.retired = dt.datetime.now(dt.UTC)
    log.info("retired signing key kid=%s", kid)


class SigningKeys:
    """The provider's view of the key table: the signing key and the published set, cached briefly."""

    def __init__(
        self,
        session_factory: sessionmaker[Session],
        *,
        alg: str = "ES256",
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        if alg not in SUPPORTED_ALGORITHMS:
            raise ValueError(
                f"unsupported signing algorithm {alg!r}: use one of {SUPPORTED_ALGORITHMS}"
            )
        self._session_factory = session_factory
        self._alg = alg
        self._clock = clock
        self._lock = threading.Lock()
        self._snapshot: _Snapshot | None = None

    def setup(self) -> None:
        """Create the first keys when the table has none."""
        with self._session_factory.begin() as session:
            ensure_signing_keys(session, self._alg)
        self.reload()

    def rotate(self, alg: str | None = None) -> str:
        """Rotate in this process (see `rotate_signing_keys`) and return the new signing kid."""
        with self._session_factory.begin() as session:
            kid = rotate_signing_keys(session, alg)
        self.reload()
        return kid

    def reload(self) -> _Snapshot:
        with self._session_factory() as session:
            rows = _published(session)
        active = [row for row in rows if row.active]
        if not active:
            raise RuntimeError(
                "the demo identity provider has no active signing key: run its setup"
            )
        signing_row = max(active, key=lambda row: row.created)
        public = KeySet.import_key_set({"keys": [_public_jwk(row) for row in rows]})
        snapshot = _Snapshot(
            signing=_import_private(signing_row),
            signing_alg=signing_row.alg,
            public=public,
            loaded=self._clock(),
        )
        with self._lock:
            self._snapshot = snapshot
        return snapshot

    def _current(self) -> _Snapshot:
        with self._lock:
            snapshot = self._snapshot
        if snapshot is None or self._clock() - snapshot.loaded > _CACHE_SECONDS:
            snapshot = self.reload()
        return snapshot

    def public_key_set(self) -> KeySet:
        """Return the published public keys (signing, previous and next)."""
        return self._current().public

    def jwks(self) -> dict[str, Any]:
        """Return the JWKS document."""
        return dict(self._current().public.as_dict(private=False))

    def signing_alg(self) -> str:
        """Return the algorithm of the key that signs now."""
        return self._current().signing_alg

    def sign(self, claims: dict[str, Any], *, typ: str = "JWT") -> str:
        """Sign `claims` with the active key; the header names its kid."""
        snapshot = self._current()
        header = {"alg": snapshot.signing_alg, "typ": typ, "kid": snapshot.signing.kid}
        return jwt.encode(header, claims, snapshot.signing, algorithms=[snapshot.signing_alg])


def _public_jwk(row: IdpSigningKey) -> dict[str, Any]:
    data = _import_private(row).as_dict(private=False)
    data["kid"] = row.kid
    data["alg"] = row.alg
    data["use"] = "sig"
    return data


def rotate_keys(database_url: str, alg: str | None = None) -> str:
    """Rotate the demo identity provider's keys in the database at `database_url`; return the new signing kid.

    For a command line. Running servers notice within seconds, and since the
    new signing key was published at the previous rotation, no token fails.
    """
    from privserver.db.engine import make_engine, make_session_factory

    engine = make_engine(database_url)
    try:
        with make_session_factory(engine).begin() as session:
            return rotate_signing_keys(session, alg)
    finally:
        engine.dispose()
