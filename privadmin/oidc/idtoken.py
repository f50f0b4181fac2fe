"""Validation of ID tokens (OpenID Connect Core 1.0, section 3.1.3.7) with joserfc."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from joserfc import jws, jwt
from joserfc.errors import InvalidKeyIdError, JoseError
from joserfc.jwk import KeySet

from privadmin.oidc.errors import SignInError, SignInErrorCode

# Asymmetric signatures only: "none" and HMAC (which would use the client secret,
# and a public client has none) are never accepted.
ALLOWED_ALGORITHMS: tuple[str, ...] = (
    "ES256",
    "ES384",
    "ES512",
    "RS256",
    "RS384",
    "RS512",
    "PS256",
    "PS384",
    "PS512",
    "EdDSA",
)

# Clock difference tolerated between this computer and the provider, in seconds.
DEFAULT_LEEWAY_SECONDS = 120

INVALID_TOKEN_MESSAGE = (
    "The answer from the sign-in service could not be verified, so you were not signed in. "
    "Try again, and contact your IT department if it keeps happening."
)


class UnknownSigningKeyError(SignInError):
    """The token names a key id that the key set does not contain; refetch the JWKS once."""


def validate_id_token(
    id_token: str,
    *,
    key_set: KeySet,
    issuer: str,
    client_id: str,
    nonce: str | None,
    leeway_seconds: int = DEFAULT_LEEWAY_SECONDS,
    now: Callable[[], float] = time.time,
) -> dict[str, Any]:
    """Check the signature, iss, aud, azp, exp, iat and nonce of an ID token and return its claims.

    `nonce` is the value sent in the authorization request. Pass None for an ID
    token from a refresh, because OpenID Connect Core section 12.2 does not require
    a nonce there. A nonce in such a token is then not checked.
    Raises SignInError (code INVALID_ID_TOKEN) naming the failed check in `detail`.
    """
    try:
        header = jws.extract_compact(id_token.encode("ascii")).headers()
    except (JoseError, ValueError, UnicodeError) as error:
        raise _invalid(f"ID token is not a compact JWS: {error}") from error

    algorithm = header.get("alg")
    if algorithm not in ALLOWED_ALGORITHMS:
        raise _invalid(f"ID token algorithm {algorithm!r} is not allowed")

    try:
        token = jwt.decode(id_token, key_set, algorithms=ALLOWED_ALGORITHMS)
    except InvalidKeyIdError as error:
        raise UnknownSigningKeyError(
            SignInErrorCode.INVALID_ID_TOKEN,
            INVALID_TOKEN_MESSAGE,
            f"ID token signed with unknown key id {header.get('kid')!r}",
        ) from error
    except JoseError as error:
        raise _invalid(f"ID token signature is invalid: {error}") from error

    claims = dict(token.claims)
    options: dict[str, Any] = {
        "iss": {"essential": True, "value": issuer},
        "sub": {"essential": True},
        "aud": {"essential": True, "value": client_id},
        "exp": {"essential": True},
        "iat": {"essential": True},
    }
    if nonce is not None:
        options["nonce"] = {"essential": True, "value": nonce}
    registry = jwt.JWTClaimsRegistry(now=lambda: int(now()), leeway=leeway_seconds, **options)
    try:
        registry.validate(claims)
    except JoseError as error:
        raise _invalid(f"ID token claim check failed: {error}") from error

    # Core 3.1.3.7 steps 4 and 5: with several audiences, azp must be this client.
    audiences = claims["aud"] if isinstance(claims["aud"], list) else [claims["aud"]]
    if len(audiences) > 1 and claims.get("azp") != client_id:
        raise _invalid(f"ID token has several audiences and azp {claims.get('azp')!r}")
    if "azp" in claims and claims["azp"] != client_id:
        raise _invalid(f"ID token azp {claims['azp']!r} is not this client")

    return claims


def _invalid(detail: str) -> SignInError:
    return SignInError(SignInErrorCode.INVALID_ID_TOKEN, INVALID_TOKEN_MESSAGE, detail)
