"""Hashing of API client secrets, so that the database never holds a usable secret."""

import hashlib
import hmac
import secrets

_ALGORITHM = "pbkdf2_sha256"
_ITERATIONS = 200_000


def hash_secret(secret: str) -> str:
    """Return a salted PBKDF2 hash of `secret` in the form `pbkdf2_sha256$iterations$salt$hash`."""
    salt = secrets.token_hex(16)
    digest = hashlib.pbkdf2_hmac("sha256", secret.encode(), bytes.fromhex(salt), _ITERATIONS)
    return f"{_ALGORITHM}${_ITERATIONS}${salt}${digest.hex()}"


def verify_secret(secret: str, stored: str) -> bool:
    """Check `secret` against a hash made by `hash_secret`, in constant time."""
    try:
        algorithm, iterations, salt, expected = stored.split("$")
        rounds = int(iterations)
        salt_bytes = bytes.fromhex(salt)
    except ValueError:
        return False
    if algorithm != _ALGORITHM:
        return False
    digest = hashlib.pbkdf2_hmac("sha256", secret.encode(), salt_bytes, rounds)
    return hmac.compare_digest(digest.hex(), expected)
