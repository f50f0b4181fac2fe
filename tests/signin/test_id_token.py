"""ID token validation with tokens signed here with joserfc."""

from __future__ import annotations

import base64
import json
import time
from typing import Any

import pytest
from joserfc import jwt
from joserfc.jwk import ECKey, KeySet, OctKey, RSAKey

from privadmin.oidc import SignInError, SignInErrorCode
from privadmin.oidc.idtoken import UnknownSigningKeyError, validate_id_token

ISSUER = "https://idp.example.dk/op"
CLIENT_ID = "privadmin-desktop"
NONCE = "n-0S6_WzA2Mj"
NOW = 1_800_000_000


@pytest.fixture(scope="module")
def ec_key() -> ECKey:
    return ECKey.generate_key("P-256", parameters={"kid": "ec-1"})


@pytest.fixture(scope="module")
def rsa_key() -> RSAKey:
    return RSAKey.generate_key(2048, parameters={"kid": "rsa-1"})


@pytest.fixture(scope="module")
def key_set(ec_key: ECKey, rsa_key: RSAKey) -> KeySet:
    public = [
        ECKey.import_key(ec_key.as_dict(private=False)),
        RSAKey.import_key(rsa_key.as_dict(private=False)),
    ]
    return KeySet(public)  # type: ignore[arg-type]


def claims(**changes: Any) -> dict[str, Any]:
    values: dict[str, Any] = {
        "iss": ISSUER,
        "sub": "6a1f2c4e-0a8e-4f5e-9d37-2b1c0e4f9a11",
        "aud": CLIENT_ID,
        "exp": NOW + 600,
        "iat": NOW,
        "nonce": NONCE,
    }
    values.update(changes)
    return {name: value for name, value in values.items() if value is not None}


def validate(token: str, key_set: KeySet, *, nonce: str | None = NONCE) -> dict[str, Any]:
    return validate_id_token(
        token, key_set=key_set, issuer=ISSUER, client_id=CLIENT_ID, nonce=nonce, now=lambda: NOW
    )


def sign(key: ECKey | RSAKey, alg: str, **changes: Any) -> str:
    return jwt.encode({"alg": alg, "kid": key.kid}, claims(**changes), key, algorithms=[alg])


def rejection(token: str, key_set: KeySet, *, nonce: str | None = NONCE) -> SignInError:
    with pytest.raises(SignInError) as caught:
        validate(token, key_set, nonce=nonce)
    assert caught.value.code is SignInErrorCode.INVALID_ID_TOKEN
    assert "could not be verified" in caught.value.message
    return caught.value


@pytest.mark.parametrize("alg", ["ES256"])
def test_valid_ec_token(ec_key: ECKey, key_set: KeySet, alg: str) -> None:
    result = validate(sign(ec_key, alg), key_set)
    assert result["sub"] == "6a1f2c4e-0a8e-4f5e-9d37-2b1c0e4f9a11"


@pytest.mark.parametrize("alg", ["RS256", "PS256"])
def test_valid_rsa_token(rsa_key: RSAKey, key_set: KeySet, alg: str) -> None:
    assert validate(sign(rsa_key, alg), key_set)["nonce"] == NONCE


def test_wrong_nonce(ec_key: ECKey, key_set: KeySet) -> None:
    error = rejection(sign(ec_key, "ES256", nonce="another"), key_set)
    assert "nonce" in error.detail


def test_missing_nonce(ec_key: ECKey, key_set: KeySet) -> None:
    error = rejection(sign(ec_key, "ES256", nonce=None), key_set)
    assert "nonce" in error.detail


def test_refresh_token_without_nonce(ec_key: ECKey, key_set: KeySet) -> None:
    assert validate(sign(ec_key, "ES256", nonce=None), key_set, nonce=None)["iss"] == ISSUER


def test_wrong_audience(ec_key: ECKey, key_set: KeySet) -> None:
    error = rejection(sign(ec_key, "ES256", aud="another-client"), key_set)
    assert "aud" in error.detail


def test_several_audiences_need_azp(ec_key: ECKey, key_set: KeySet) -> None:
    rejection(sign(ec_key, "ES256", aud=[CLIENT_ID, "another-client"]), key_set)
    token = sign(ec_key, "ES256", aud=[CLIENT_ID, "another-client"], azp=CLIENT_ID)
    assert validate(token, key_set)["azp"] == CLIENT_ID


def test_wrong_issuer(ec_key: ECKey, key_set: KeySet) -> None:
    error = rejection(sign(ec_key, "ES256", iss="https://evil.example/op"), key_set)
    assert "iss" in error.detail


def test_expired(ec_key: ECKey, key_set: KeySet) -> None:
    error = rejection(sign(ec_key, "ES256", iat=NOW - 7200, exp=NOW - 3600), key_set)
    assert "expired" in error.detail


def test_issued_in_future(ec_key: ECKey, key_set: KeySet) -> None:
    rejection(sign(ec_key, "ES256", iat=NOW + 3600, exp=NOW + 7200), key_set)


def test_missing_iat(ec_key: ECKey, key_set: KeySet) -> None:
    error = rejection(sign(ec_key, "ES256", iat=None), key_set)
    assert "iat" in error.detail


def test_tampered_payload(ec_key: ECKey, key_set: KeySet) -> None:
    header, _, signature = sign(ec_key, "ES256").split(".")
    forged = _b64(claims(sub="00000000-0000-0000-0000-000000000000"))
    error = rejection(f"{header}.{forged}.{signature}", key_set)
    assert "signature" in error.detail


def test_signature_of_other_key(key_set: KeySet) -> None:
    impostor = ECKey.generate_key("P-256", parameters={"kid": "ec-1"})
    rejection(sign(impostor, "ES256"), key_set)


def test_alg_none(key_set: KeySet) -> None:
    token = f"{_b64({'alg': 'none', 'kid': 'ec-1'})}.{_b64(claims())}."
    error = rejection(token, key_set)
    assert "'none'" in error.detail


def test_alg_hmac(key_set: KeySet) -> None:
    secret = OctKey.generate_key(256)
    token = jwt.encode({"alg": "HS256"}, claims(), secret)
    error = rejection(token, key_set)
    assert "'HS256'" in error.detail


def test_unknown_key_id(key_set: KeySet) -> None:
    rotated = ECKey.generate_key("P-256", parameters={"kid": "ec-2"})
    with pytest.raises(UnknownSigningKeyError):
        validate(sign(rotated, "ES256"), key_set)


def test_not_a_jwt(key_set: KeySet) -> None:
    rejection("not-a-token", key_set)


def test_uses_clock_by_default(ec_key: ECKey, key_set: KeySet) -> None:
    now = int(time.time())
    token = sign(ec_key, "ES256", iat=now, exp=now + 60)
    result = validate_id_token(
        token, key_set=key_set, issuer=ISSUER, client_id=CLIENT_ID, nonce=NONCE
    )
    assert result["exp"] == now + 60


def _b64(value: dict[str, Any]) -> str:
    return base64.urlsafe_b64encode(json.dumps(value).encode()).rstrip(b"=").decode()
