"""Client settings that need no server: TLS context, User-Agent, Retry-After parsing, argument checks."""

from __future__ import annotations

import asyncio
import datetime as dt
import ssl

import httpx
import pytest
import truststore

from privadmin.api_client import (
    PrivilegesClient,
    StaticTokenSource,
    default_user_agent,
    system_ssl_context,
)
from privadmin.api_client._errors import parse_retry_after

pytestmark = pytest.mark.anyio


def test_ssl_context_uses_os_trust_store() -> None:
    context = system_ssl_context()
    assert isinstance(context, truststore.SSLContext)
    assert context.verify_mode == ssl.CERT_REQUIRED
    assert context.check_hostname is True


def test_default_user_agent_names_version() -> None:
    agent = default_user_agent()
    assert agent.startswith("privadmin/")
    assert "(Python 3." in agent


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("7", 7.0),
        (" 0 ", 0.0),
        ("Fri, 04 Dec 2026 20:00:30 GMT", 30.0),
        ("Fri, 04 Dec 2026 19:59:00 GMT", 0.0),
        ("soon", None),
        ("-3", None),
        (None, None),
    ],
)
def test_parse_retry_after(header: str | None, expected: float | None) -> None:
    now = dt.datetime(2026, 12, 4, 20, 0, 0, tzinfo=dt.UTC)
    assert parse_retry_after(header, now=now) == expected


async def test_user_agent_override_and_page_size_check() -> None:
    seen: list[httpx.Request] = []

    def handle(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json=[])

    transport = httpx.MockTransport(handle)
    tokens = StaticTokenSource("fixed-token")
    async with PrivilegesClient("http://127.0.0.1:9", tokens, transport=transport, user_agent="tool/1") as client:
        assert await client.privileges("DK12345678") == []
        with pytest.raises(ValueError, match="page_size must be between 1 and 1000, got 0"):
            client.identities("DK12345678", page_size=0)
        with pytest.raises(ValueError, match="got 1001"):
            client.assignments("DK12345678", page_size=1001)

    assert len(seen) == 1
    assert seen[0].headers["User-Agent"] == "tool/1"
    assert seen[0].url.path == "/api/v1/organizations/DK12345678/privileges"


async def test_path_segments_escaped() -> None:
    seen: list[httpx.Request] = []

    def handle(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json=[])

    transport = httpx.MockTransport(handle)
    async with PrivilegesClient("http://127.0.0.1:9", StaticTokenSource("t"), transport=transport) as client:
        await client.whitelist("DK1/../x", "a b")
    assert seen[0].url.raw_path == b"/api/v1/organizations/DK1%2F..%2Fx/privileges/a%20b/whitelist"


def test_timeout_must_be_positive() -> None:
    with pytest.raises(ValueError, match="timeout must be a positive number of seconds, got 0"):
        PrivilegesClient("http://127.0.0.1:9", StaticTokenSource("t"), timeout=0)


async def test_proxy_taken_from_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    # A one-shot HTTP proxy on loopback that records the request line it receives.
    request_lines: list[str] = []

    async def serve(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        head = await reader.readuntil(b"\r\n\r\n")
        request_lines.append(head.split(b"\r\n", 1)[0].decode())
        body = b"[]"
        writer.write(
            b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
            + f"Content-Length: {len(body)}\r\nConnection: close\r\n\r\n".encode()
            + body
        )
        await writer.drain()
        writer.close()

    proxy = await asyncio.start_server(serve, "127.0.0.1", 0)
    port = proxy.sockets[0].getsockname()[1]
    for name in ("HTTP_PROXY", "http_proxy", "ALL_PROXY", "all_proxy", "NO_PROXY", "no_proxy"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("HTTP_PROXY", f"http://127.0.0.1:{port}")

    try:
        async with PrivilegesClient("http://127.0.0.1:9", StaticTokenSource("t")) as client:
            assert await client.privileges("DK12345678") == []
    finally:
        proxy.close()
        await proxy.wait_closed()

    assert request_lines == ["GET http://127.0.0.1:9/api/v1/organizations/DK12345678/privileges HTTP/1.1"]
