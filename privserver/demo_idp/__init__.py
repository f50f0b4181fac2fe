"""Demo OpenID Connect provider shaped like the Nets eID Broker, for demos and tests only."""

from privserver.demo_idp.grants import Lifetimes
from privserver.demo_idp.keys import retire_signing_key, rotate_keys, rotate_signing_keys
from privserver.demo_idp.provider import DemoIdentityProvider

__all__ = [
    "DemoIdentityProvider",
    "Lifetimes",
    "retire_signing_key",
    "rotate_keys",
    "rotate_signing_keys",
]
