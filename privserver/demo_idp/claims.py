"""Claims of the demo identity provider's tokens, shaped like the Nets eID Broker's published ones."""

from __future__ import annotations

import secrets
import uuid
from typing import Any

from privserver.demo_idp.directory import MITID_ERHVERV, DemoIdentity

# NSIS level of assurance Substantial, as MitID Erhverv sign-ins carry it. The
# broker's examples put the same URI in acr and loa; this provider does too.
LOA_SUBSTANTIAL = "https://data.gov.dk/concept/core/nsis/loa/Substantial"

_SUBJECT_NAMESPACE = uuid.UUID("8f1d8f0e-6a4c-4f57-9b1e-2c1a6f3e5d70")


def subject(identity: DemoIdentity) -> str:
    """Return the stable `sub` of an identity, distinct from its idp_identity_id as at the broker."""
    return str(uuid.uuid5(_SUBJECT_NAMESPACE, identity.key))


def identity_claims(identity: DemoIdentity) -> dict[str, Any]:
    """Return the identity claims shared by ID tokens, access tokens and userinfo."""
    claims: dict[str, Any] = {
        "sub": subject(identity),
        "idp": identity.idp,
        "idp_identity_id": identity.idp_identity_id,
        "identity_type": "professional" if identity.idp == MITID_ERHVERV else "private",
        "acr": LOA_SUBSTANTIAL,
        "loa": LOA_SUBSTANTIAL,
    }
    if identity.name:
        claims["name"] = identity.name
    if identity.idp == MITID_ERHVERV:
        claims["nemlogin.persistent_professional_id"] = f"urn:uuid:{identity.idp_identity_id}"
        if identity.name:
            claims["nemlogin.name"] = identity.name
        if identity.employer_tin:
            claims["nemlogin.cvr"] = identity.employer_tin.removeprefix("DK")
        if identity.employer_name:
            claims["nemlogin.org_name"] = identity.employer_name
    return claims


def _times(now: int, lifetime: float) -> dict[str, int]:
    return {"iat": now, "nbf": now, "exp": now + int(lifetime)}


def access_token_claims(
    *,
    issuer: str,
    audience: str,
    client_id: str,
    client_organization_tin: str | None,
    identity: DemoIdentity,
    scope: list[str],
    now: int,
    lifetime: float,
    auth_time: int | None,
    session_id: str | None,
) -> dict[str, Any]:
    """Return the claims of an end user's JWT access token (sent with header typ at+jwt)."""
    claims: dict[str, Any] = {
        "iss": issuer,
        "aud": audience,
        **_times(now, lifetime),
        "jti": secrets.token_hex(16),
        "client_id": client_id,
        "scope": scope,
        **identity_claims(identity),
    }
    if client_organization_tin:
        claims["client_org_taxation_number"] = client_organization_tin
    if auth_time is not None:
        claims["auth_time"] = auth_time
    if session_id is not None:
        claims["sid"] = session_id
    return claims


def service_token_claims(
    *,
    issuer: str,
    audience: str,
    client_id: str,
    organization_tin: str,
    now: int,
    lifetime: float,
) -> dict[str, Any]:
    """Return the claims of a service token (client credentials, scope privilege_api)."""
    return {
        "iss": issuer,
        "aud": audience,
        **_times(now, lifetime),
        "jti": secrets.token_hex(16),
        "sub": client_id,
        "client_id": client_id,
        "scope": ["privilege_api"],
        "client_at_type": "service_token",
        "client_org_taxation_number": organization_tin,
    }


def id_token_claims(
    *,
    issuer: str,
    client_id: str,
    identity: DemoIdentity,
    now: int,
    lifetime: float,
    nonce: str | None,
    auth_time: int | None,
    session_id: str | None,
    at_hash: str,
) -> dict[str, Any]:
    """Return the claims of an ID token; its audience is the client."""
    claims: dict[str, Any] = {
        "iss": issuer,
        "aud": client_id,
        "azp": client_id,
        **_times(now, lifetime),
        "at_hash": at_hash,
        "amr": ["code_app"],
        **identity_claims(identity),
    }
    if nonce is not None:
        claims["nonce"] = nonce
    if auth_time is not None:
        claims["auth_time"] = auth_time
    if session_id is not None:
        claims["sid"] = session_id
    return claims
