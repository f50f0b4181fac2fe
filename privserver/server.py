"""The ASGI app of `privserver serve`: the Privileges API, plus the demo identity provider at /idp."""

from __future__ import annotations

import logging
import socket
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

import uvicorn
from starlette.applications import Starlette
from starlette.routing import Mount
from starlette.types import ASGIApp

from privserver.config import Settings

if TYPE_CHECKING:
    from privserver.demo_idp import DemoIdentityProvider, Lifetimes

log = logging.getLogger("privserver.server")

IDP_PATH = "/idp"


def url_host(host: str) -> str:
    """Return `host` as it appears in a URL (IPv6 literals in brackets)."""
    return f"[{host}]" if ":" in host and not host.startswith("[") else host


def bind_socket(host: str, port: int) -> socket.socket:
    """Bind a listening TCP socket; port 0 picks a free port."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host.strip("[]"), port))
    except OSError as error:
        sock.close()
        raise OSError(
            error.errno,
            f"cannot listen on {host}:{port}: {error.strerror}; choose another port or stop the other server",
        ) from error
    sock.listen(128)
    return sock


def _make_identity_provider(
    settings: Settings,
    *,
    lifetimes: Lifetimes | None,
    clock: Callable[[], float] | None,
) -> DemoIdentityProvider:
    from privserver.db.engine import make_engine, make_session_factory, migrate
    from privserver.demo_idp import DemoIdentityProvider

    # The provider writes its signing keys at start, so its tables must exist.
    migrate(settings.database_url)
    session_factory = make_session_factory(make_engine(settings.database_url))
    return DemoIdentityProvider(
        settings, session_factory, lifetimes=lifetimes, clock=clock or time.time
    )


def build_app(
    settings: Settings,
    *,
    demo_idp: bool,
    idp_lifetimes: Lifetimes | None = None,
    idp_clock: Callable[[], float] | None = None,
) -> ASGIApp:
    """Compose the API at /api/v1 and, with `demo_idp`, the demo identity provider at /idp.

    With the demo identity provider the API trusts it as issuer and takes its
    public keys in process (StaticJwks), so the server never fetches its own
    JWKS over HTTP. The provider is reachable as `app.state.demo_idp`.
    """
    from privserver.api.app import create_app
    from privserver.auth.tokens import StaticJwks

    if not demo_idp:
        if not settings.issuer:
            raise ValueError(
                "no issuer configured: pass --issuer URL (or PRIVSERVER_ISSUER), or use --demo-idp"
            )
        return create_app(settings)

    provider = _make_identity_provider(settings, lifetimes=idp_lifetimes, clock=idp_clock)
    if settings.issuer and settings.issuer.rstrip("/") != provider.issuer:
        log.warning(
            "Ignoring issuer %s: with the demo identity provider the issuer is %s",
            settings.issuer,
            provider.issuer,
        )
    api_settings = settings.model_copy(update={"issuer": provider.issuer})
    # Migrated above, before the provider stored its keys.
    app = create_app(api_settings, jwks=StaticJwks(provider.public_key_set), migrate_database=False)
    app.mount(IDP_PATH, provider.asgi_app)
    app.state.demo_idp = provider
    return app


def build_idp_app(
    settings: Settings,
    *,
    idp_lifetimes: Lifetimes | None = None,
    idp_clock: Callable[[], float] | None = None,
) -> Starlette:
    """Return an app serving only the demo identity provider at /idp (no API)."""
    provider = _make_identity_provider(settings, lifetimes=idp_lifetimes, clock=idp_clock)
    app = Starlette(routes=[Mount(IDP_PATH, provider.asgi_app)])
    app.state.demo_idp = provider
    return app


def _with_base_url(settings: Settings, host: str, port: int) -> Settings:
    if settings.public_base_url:
        return settings
    return settings.model_copy(update={"public_base_url": f"http://{url_host(host)}:{port}"})


def _warn_if_exposed(host: str) -> None:
    if host.strip("[]") not in ("127.0.0.1", "::1", "localhost"):
        log.warning(
            "The demo identity provider listens on %s, beyond this machine: anyone who reaches it can sign in as anyone",
            host,
        )


def _run(app: ASGIApp, sock: socket.socket, log_level: str) -> None:
    # The API's middleware logs one access line per request with its request id,
    # so uvicorn's own access log would repeat each of them.
    config = uvicorn.Config(
        app, log_level=log_level, lifespan="on", proxy_headers=False, access_log=False
    )
    uvicorn.Server(config).run(sockets=[sock])


def serve(
    settings: Settings,
    *,
    host: str = "127.0.0.1",
    port: int = 8765,
    demo_idp: bool = False,
    log_level: str = "info",
) -> None:
    """Serve privserver with uvicorn until interrupted (blocking)."""
    sock = bind_socket(host, port)
    port = sock.getsockname()[1]
    settings = _with_base_url(settings, host, port)
    if demo_idp:
        _warn_if_exposed(host)
    app = build_app(settings, demo_idp=demo_idp)
    log.info(
        "privserver listening on %s (demo identity provider: %s)",
        settings.public_base_url,
        demo_idp,
    )
    _run(app, sock, log_level)
    log.info("privserver stopped")


def serve_idp(
    settings: Settings,
    *,
    host: str = "127.0.0.1",
    port: int = 8766,
    log_level: str = "info",
) -> None:
    """Serve only the demo identity provider, at <public_base_url>/idp, until interrupted (blocking)."""
    sock = bind_socket(host, port)
    port = sock.getsockname()[1]
    settings = _with_base_url(settings, host, port)
    _warn_if_exposed(host)
    app = build_idp_app(settings)
    log.info("Demo identity provider listening on %s%s", settings.public_base_url, IDP_PATH)
    _run(app, sock, log_level)
    log.info("Demo identity provider stopped")
