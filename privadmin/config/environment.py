"""The environments privadmin can work against, and how each authorizes API calls."""

from __future__ import annotations

import enum

from pydantic import BaseModel, ConfigDict

DEFAULT_SCOPES = ("openid", "nemlogin", "privilege_api", "offline_access")
PRIVILEGE_API_AUDIENCE = "https://netseidbroker.dk/privilegeapi"

# Keys of the environments the app offers, in the order of the environment combo.
PRODUCTION = "production"
PREPRODUCTION = "preproduction"
DEMO = "demo"
CUSTOM = "custom"
ENVIRONMENT_KEYS = (PRODUCTION, PREPRODUCTION, DEMO, CUSTOM)

# Published addresses of the Nets eID Broker and its Privileges API.
PUBLISHED_ENDPOINTS: dict[str, tuple[str, str]] = {
    PRODUCTION: ("https://netseidbroker.dk/op", "https://netseidbroker.dk/privileges-api"),
    PREPRODUCTION: ("https://pp.netseidbroker.dk/op", "https://pp.netseidbroker.dk/privileges-api"),
}

# The public client the demo identity provider registers for the desktop app.
DEMO_CLIENT_ID = "privadmin-desktop"


class AuthMode(enum.StrEnum):
    """How API calls are authorized.

    USER_TOKEN sends the signed-in administrator's access token (privserver
    accepts it). CLIENT_CREDENTIALS sends service tokens of the organization's
    API client, which the production service requires for every endpoint but
    the runtime lookup; the browser sign-in still identifies the administrator.
    """

    USER_TOKEN = "user_token"
    CLIENT_CREDENTIALS = "client_credentials"


class Environment(BaseModel):
    """One environment: where to sign in, where the Privileges API is, and how to call it."""

    model_config = ConfigDict(frozen=True)

    # "production", "preproduction", "demo" or "custom".
    key: str
    # OpenID Connect authority; discovery is at <issuer>/.well-known/openid-configuration.
    issuer: str
    # Base of the Privileges API, without "/api/v1".
    api_base_url: str
    # The desktop app's client id at the issuer. Issued per customer, so never built in
    # for production and pre-production.
    client_id: str
    scopes: tuple[str, ...] = DEFAULT_SCOPES
    auth_mode: AuthMode = AuthMode.USER_TOKEN
    # The organization's API client, for AuthMode.CLIENT_CREDENTIALS. Its secret lives
    # only in the OS credential store.
    api_client_id: str | None = None
    audience: str = PRIVILEGE_API_AUDIENCE

    @property
    def api_url(self) -> str:
        return self.api_base_url.rstrip("/") + "/api/v1"


def demo_environment(base_url: str) -> Environment:
    """Build the Demo environment for an embedded privserver listening at `base_url`."""
    base = base_url.rstrip("/")
    return Environment(key=DEMO, issuer=base + "/idp", api_base_url=base, client_id=DEMO_CLIENT_ID)
