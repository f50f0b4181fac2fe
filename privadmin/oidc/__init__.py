"""Sign-in through the system browser with OpenID Connect, and the session it yields (no Qt)."""

from privadmin.oidc.client import OidcClient, PendingSignIn
from privadmin.oidc.errors import SignedOutError, SignInError, SignInErrorCode
from privadmin.oidc.session import Session
from privadmin.oidc.store import SessionStore

__all__ = [
    "OidcClient",
    "PendingSignIn",
    "Session",
    "SessionStore",
    "SignInError",
    "SignInErrorCode",
    "SignedOutError",
]
