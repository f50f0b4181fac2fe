"""The HTTP layer under the client: TLS from the OS trust store, proxies, User-Agent, timeouts."""

from __future__ import annotations

import logging
import platform
import ssl
import sys
from importlib import metadata

import httpx
import truststore

import privadmin

log = logging.getLogger("privadmin.api_client")

REQUEST_ID_HEADER = "X-Request-ID"


def client_version() -> str:
    try:
        return metadata.version("privadmin")
    except metadata.PackageNotFoundError:
        return privadmin.__version__


def default_user_agent() -> str:
    """Return "privadmin/<version> (Python <x.y.z>; <system> <release>; httpx <version>)"."""
    python = ".".join(str(part) for part in sys.version_info[:3])
    system = f"{platform.system()} {platform.release()}".strip()
    return f"privadmin/{client_version()} (Python {python}; {system}; httpx {httpx.__version__})"


def system_ssl_context() -> ssl.SSLContext:
    """Return a TLS context that verifies against the operating system's trust store.

    A company proxy that inspects TLS presents certificates of its own
    certificate authority, which IT installs in the OS store; certifi's bundle
    would reject them.
    """
    return truststore.SSLContext(ssl.PROTOCOL_TLS_CLIENT)


def make_timeout(seconds: float) -> httpx.Timeout:
    if seconds <= 0:
        raise ValueError(f"timeout must be a positive number of seconds, got {seconds!r}")
    return httpx.Timeout(seconds, connect=min(seconds, 10.0))


def make_http_client(
    *,
    base_url: str = "",
    timeout: float,
    transport: httpx.AsyncBaseTransport | None = None,
    user_agent: str | None = None,
    auth: httpx.Auth | None = None,
) -> httpx.AsyncClient:
    """Build the AsyncClient every request of the API client goes through.

    Proxy settings come from the environment (HTTPS_PROXY, NO_PROXY and so on)
    because trust_env is on. A given `transport` replaces the network (tests
    inject faults that way); proxies then do not apply.
    """
    return httpx.AsyncClient(
        base_url=base_url,
        auth=auth,
        timeout=make_timeout(timeout),
        verify=system_ssl_context(),
        trust_env=True,
        transport=transport,
        headers={"User-Agent": user_agent or default_user_agent(), "Accept": "application/json"},
        follow_redirects=False,
    )
