"""The OpenID Connect `ui_locales` parameter: sent in the authorization request and honoured by the demo provider."""

from __future__ import annotations

import asyncio
from pathlib import Path

import httpx
import pytest

from privadmin.oidc import OidcClient
from privserver.testing import LiveServer
from tests.signin.conftest import MemoryKeyring, make_client, query_of
from tests.signin.test_demo_provider import demo_environment


async def authorization_url(oidc: OidcClient, ui_locales: str | None = None) -> str:
    try:
        pending = await oidc.begin_sign_in(ui_locales=ui_locales)
    finally:
        await oidc.aclose()
    pending.cancel()
    return pending.authorization_url


@pytest.mark.parametrize(
    ("client_locales", "sign_in_locales", "expected"),
    [
        (None, None, None),
        ("da", None, "da"),
        (None, "en", "en"),
        ("da", "en", "en"),
        (None, "en da", "en da"),
    ],
)
def test_authorization_url_carries_ui_locales(
    live_server: LiveServer,
    memory_keyring: MemoryKeyring,
    lock_dir: Path,
    client_locales: str | None,
    sign_in_locales: str | None,
    expected: str | None,
) -> None:
    oidc = make_client(
        demo_environment(live_server), memory_keyring, lock_dir, ui_locales=client_locales
    )
    url = asyncio.run(authorization_url(oidc, sign_in_locales))

    assert query_of(url).get("ui_locales") == expected


@pytest.mark.parametrize(("language", "heading"), [("en", "Choose identity"), ("da", "Vælg identitet")])
def test_demo_provider_page_follows_ui_locales(
    live_server: LiveServer,
    memory_keyring: MemoryKeyring,
    lock_dir: Path,
    language: str,
    heading: str,
) -> None:
    oidc = make_client(demo_environment(live_server), memory_keyring, lock_dir)
    url = asyncio.run(authorization_url(oidc, ui_locales=language))

    page = httpx.get(url, timeout=10)

    assert page.status_code == 200
    assert f'<html lang="{language}">' in page.text
    assert heading in page.text


@pytest.mark.parametrize("value", ["", "da,en", "da  en", "en_GB", " da"])
def test_invalid_ui_locales_rejected(
    live_server: LiveServer, memory_keyring: MemoryKeyring, lock_dir: Path, value: str
) -> None:
    environment = demo_environment(live_server)

    with pytest.raises(ValueError, match="invalid ui_locales"):
        make_client(environment, memory_keyring, lock_dir, ui_locales=value)

    oidc = make_client(environment, memory_keyring, lock_dir)
    with pytest.raises(ValueError, match="invalid ui_locales"):
        asyncio.run(authorization_url(oidc, ui_locales=value))
