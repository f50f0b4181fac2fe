"""EmbeddedServer: free or fixed ports, a clear error for a taken port, settable token lifetimes."""

from __future__ import annotations

import socket
from pathlib import Path

import httpx
import pytest

from privserver.demo_idp import Lifetimes
from privserver.embedded import EmbeddedServer
from tests.idp.conftest import API_CLIENT, API_SECRET, make_small_database


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
    return port


def test_fixed_port_is_used(tmp_path: Path) -> None:
    port = free_port()

    with EmbeddedServer(make_small_database(tmp_path), port=port) as server:
        assert server.base_url == f"http://127.0.0.1:{port}"
        assert server.issuer == f"http://127.0.0.1:{port}/idp"
        assert httpx.get(f"{server.base_url}/healthz").status_code == 200


def test_taken_port_is_reported(tmp_path: Path) -> None:
    database_url = make_small_database(tmp_path)
    with EmbeddedServer(database_url) as running:
        second = EmbeddedServer(database_url, port=running.port)

        with pytest.raises(OSError, match=f"cannot listen on 127.0.0.1:{running.port}"):
            second.start()


def test_stop_releases_the_port(tmp_path: Path) -> None:
    database_url = make_small_database(tmp_path)
    server = EmbeddedServer(database_url)
    server.start()
    port = server.port
    server.stop()

    with pytest.raises(httpx.ConnectError):
        httpx.get(f"http://127.0.0.1:{port}/healthz")
    with EmbeddedServer(database_url, port=port) as again:
        assert httpx.get(f"{again.base_url}/healthz").status_code == 200


def test_lifetimes_are_settable(tmp_path: Path) -> None:
    lifetimes = Lifetimes(access_token=42)

    with EmbeddedServer(
        make_small_database(tmp_path), serve_api=False, idp_lifetimes=lifetimes
    ) as server:
        response = httpx.post(
            f"{server.issuer}/token",
            data={"grant_type": "client_credentials"},
            auth=(API_CLIENT, API_SECRET),
        )

    assert response.status_code == 200, response.text
    assert response.json()["expires_in"] == 42
