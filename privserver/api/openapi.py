"""The OpenAPI document of the API, rendered without a database or a token issuer."""

from __future__ import annotations

import json

from joserfc.jwk import KeySet

from privserver.auth.tokens import StaticJwks
from privserver.config import Settings


def render_openapi() -> str:
    """Return docs/openapi.json's text: the API's OpenAPI document, stable across runs."""
    from privserver.api.app import create_app

    settings = Settings(database_url="sqlite://", issuer="https://issuer.invalid")
    app = create_app(settings, jwks=StaticJwks(lambda: KeySet([])), migrate_database=False)
    return json.dumps(app.openapi(), indent=2, ensure_ascii=False) + "\n"
