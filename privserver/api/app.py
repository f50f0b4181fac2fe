"""The FastAPI application of the Privileges API, served under /api/v1."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi

import privserver
from privserver.api import problems
from privserver.api.deps import Database
from privserver.api.middleware import RequestContextMiddleware
from privserver.api.ratelimit import RateLimiter
from privserver.api.routes import (
    administrators,
    assignments,
    identities,
    organizations,
    privileges,
    runtime,
)
from privserver.auth.tokens import JwksSource, RemoteJwks, TokenValidator
from privserver.config import Settings
from privserver.db.engine import make_engine, migrate

log = logging.getLogger("privserver.api")

API_PREFIX = "/api/v1"
DESCRIPTION = (
    "Reference server of the Privileges API for MitID Erhverv privileges. Every endpoint takes "
    "`Authorization: Bearer <JWT access token>` from the configured OpenID Connect issuer; "
    "errors are RFC 9457 application/problem+json. The full rules are in docs/api.md."
)


def create_app(
    settings: Settings, *, jwks: JwksSource | None = None, migrate_database: bool = True
) -> FastAPI:
    """Build the API app: routes under /api/v1, a /healthz probe and problem+json errors.

    With `jwks` None the issuer's keys are fetched through its discovery
    document (RemoteJwks). The database is migrated first unless
    `migrate_database` is False.
    """
    if not settings.issuer:
        raise ValueError(
            "no token issuer configured: set Settings.issuer (PRIVSERVER_ISSUER or --issuer URL)"
        )
    if migrate_database:
        migrate(settings.database_url)
    engine = make_engine(settings.database_url)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        log.info(
            "Privileges API started; trusting issuer %s for audience %s",
            settings.issuer,
            settings.audience,
        )
        yield
        engine.dispose()
        log.info("Privileges API stopped")

    app = FastAPI(
        title="privserver Privileges API",
        version=privserver.__version__,
        description=DESCRIPTION,
        openapi_url=f"{API_PREFIX}/openapi.json",
        docs_url=f"{API_PREFIX}/docs",
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.settings = settings
    app.state.database = Database(engine)
    app.state.token_validator = TokenValidator(
        settings.issuer,
        settings.audience,
        jwks if jwks is not None else RemoteJwks(settings.issuer),
        leeway_seconds=settings.token_leeway_seconds,
    )

    app.state.rate_limiter = (
        RateLimiter(settings.rate_limit_per_minute) if settings.rate_limit_per_minute else None
    )

    problems.install(app)

    for module in (runtime, assignments, privileges, identities, administrators, organizations):
        app.include_router(module.router, prefix=API_PREFIX)

    @app.get("/healthz", include_in_schema=False)
    def healthz() -> dict[str, str]:
        return {"status": "ok"}

    app.openapi = lambda: openapi_document(app)  # type: ignore[method-assign]
    app.add_middleware(RequestContextMiddleware)
    return app


def openapi_document(app: FastAPI) -> dict[str, Any]:
    """Return the OpenAPI document with bearer authentication declared on every operation."""
    if app.openapi_schema:
        return app.openapi_schema
    document = get_openapi(
        title=app.title, version=app.version, description=app.description, routes=app.routes
    )
    components = document.setdefault("components", {})
    components.setdefault("securitySchemes", {})["bearerAuth"] = {
        "type": "http",
        "scheme": "bearer",
        "bearerFormat": "JWT",
        "description": "access token with scope privilege_api (or privileges for GET /identity/privileges)",
    }
    document["security"] = [{"bearerAuth": []}]
    app.openapi_schema = document
    return document
