"""Fixtures of the sign-in tests: in-memory keyrings and oidc-provider-mock on loopback."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import httpx
import keyring.errors
import pytest
import werkzeug.serving
from keyring.backend import KeyringBackend

from privadmin.config import Environment
from privadmin.oidc import OidcClient, SessionStore

# Windows Credential Manager stores at most 2560 bytes per entry: 1280 UTF-16 code units.
WINDOWS_MAX_CHARACTERS = 1280


class MemoryKeyring(KeyringBackend):
    """A keyring backend that keeps entries in a dict, optionally with a size limit per entry."""

    priority = 1  # type: ignore[assignment]

    def __init__(self, max_characters: int | None = None) -> None:
        super().__init__()
        self.entries: dict[tuple[str, str], str] = {}
        self.max_characters = max_characters

    def get_password(self, service: str, username: str) -> str | None:
        return self.entries.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        if self.max_characters is not None and len(password) > self.max_characters:
            raise keyring.errors.PasswordSetError(
                f"value of {len(password)} characters exceeds {self.max_characters}"
            )
        self.entries[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if (service, username) not in self.entries:
            raise keyring.errors.PasswordDeleteError(f"no entry {service}/{username}")
        del self.entries[(service, username)]


class BrokenKeyring(MemoryKeyring):
    """A backend whose every write fails, as a locked or misconfigured credential store does."""

    def set_password(self, service: str, username: str, password: str) -> None:
        raise keyring.errors.PasswordSetError("the credential store is locked")


@pytest.fixture(autouse=True)
def collect_garbage() -> Iterator[None]:
    """Collect garbage after each test, before the next test's qasync loop runs.

    NOTE: without it, 2 of 36 runs of this suite crashed with a segmentation
    fault while the garbage collector ran inside a Qt test (PySide6 6.11.3,
    qasync 0.28). With it, none of 20 runs crashed. The cause is not known.
    """
    yield
    gc.collect()


@pytest.fixture
def memory_keyring() -> MemoryKeyring:
    return MemoryKeyring(max_characters=WINDOWS_MAX_CHARACTERS)


@pytest.fixture
def lock_dir(tmp_path: Path) -> Path:
    path = tmp_path / "locks"
    path.mkdir()
    return path


@pytest.fixture(scope="session")
def mock_provider_url() -> Iterator[str]:
    """oidc-provider-mock 0.3.4 served on 127.0.0.1 from a background thread."""
    from oidc_provider_mock import app as mock_app

    server = werkzeug.serving.make_server(
        "127.0.0.1", 0, mock_app(require_nonce=True), threaded=True
    )
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        thread.join(5)
        server.server_close()


def mock_environment(issuer: str, client_id: str = "privadmin-test") -> Environment:
    return Environment(
        key="mock",
        issuer=issuer,
        api_base_url="http://127.0.0.1:9",
        client_id=client_id,
        scopes=("openid", "profile", "email"),
    )


def make_client(
    environment: Environment, backend: KeyringBackend, lock_dir: Path, **kwargs: object
) -> OidcClient:
    store = SessionStore(environment.key, backend=backend)
    return OidcClient(environment, store, lock_dir=lock_dir, **kwargs)  # type: ignore[arg-type]


def make_mock_client(
    environment: Environment, backend: KeyringBackend, lock_dir: Path
) -> OidcClient:
    """A client of oidc-provider-mock, which accepts confidential clients only (any secret)."""
    return make_client(environment, backend, lock_dir, client_secret="mock-secret")


async def mock_browser_sign_in(authorization_url: str, subject: str) -> httpx.Response:
    """Act as the browser at oidc-provider-mock: open the form, submit the subject, follow the redirect."""
    async with httpx.AsyncClient(follow_redirects=False, timeout=10) as browser:
        form = await browser.get(authorization_url)
        assert form.status_code == 200, form.text
        redirect = await browser.post(authorization_url, data={"sub": subject})
        assert redirect.status_code in (302, 303), redirect.text
        location = redirect.headers["location"]
        return await browser.get(location)


def query_of(url: str) -> dict[str, str]:
    return {name: values[0] for name, values in parse_qs(urlsplit(url).query).items()}
