"""Pytest plugin for tests that need a live privserver with its demo identity provider."""

from __future__ import annotations

import http.server
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from types import TracebackType
from typing import TYPE_CHECKING, Any, Self
from urllib.parse import urljoin

import httpx
import pytest

if TYPE_CHECKING:
    from privserver.embedded import EmbeddedServer

DESKTOP_CLIENT_ID = "privadmin-desktop"
DESKTOP_SCOPE = "openid nemlogin privilege_api offline_access"
SEED_EMPLOYEES = 300


@dataclass
class LiveServer:
    """A seeded privserver with the demo identity provider, running on loopback for the test session."""

    server: EmbeddedServer
    seed: dict[str, Any]
    database_url: str

    @property
    def base_url(self) -> str:
        return self.server.base_url

    @property
    def api_base_url(self) -> str:
        return self.server.api_base_url

    @property
    def issuer(self) -> str:
        return self.server.issuer

    @property
    def audience(self) -> str:
        return self.server.audience

    @property
    def authorization_endpoint(self) -> str:
        return f"{self.issuer}/authorize"

    @property
    def token_endpoint(self) -> str:
        return f"{self.issuer}/token"

    def _organization_kind(self, tin: str) -> str:
        for organization in self.seed["organizations"]:
            if organization["tin"] == tin:
                return str(organization["kind"])
        raise LookupError(f"organization {tin} is not in the seed report")

    def administrator(self, kind: str) -> dict[str, Any]:
        """Return a seeded administrator: kind "customer", "provider" or "multi" (roles in two organizations)."""
        administrators: list[dict[str, Any]] = self.seed["administrators"]
        if kind == "multi":
            candidates = [admin for admin in administrators if len(admin["roles"]) >= 2]
        elif kind in ("customer", "provider"):
            single = [admin for admin in administrators if len(admin["roles"]) == 1]
            kinds = ("customer",) if kind == "customer" else ("provider", "both")
            candidates = sorted(
                (
                    admin
                    for admin in single
                    if self._organization_kind(admin["organizationTin"]) in kinds
                ),
                key=lambda admin: kinds.index(self._organization_kind(admin["organizationTin"])),
            )
        else:
            raise ValueError(
                f"unknown administrator kind {kind!r}: use 'customer', 'provider' or 'multi'"
            )
        if not candidates:
            raise LookupError(f"the seed report has no {kind} administrator")
        return candidates[0]

    def api_client(self, tin: str | None = None) -> dict[str, Any]:
        """Return a seeded API client (the first, or the one of organization `tin`)."""
        return _pick_client(self.seed["apiClients"], tin, "API client")

    def service_client(self, tin: str | None = None) -> dict[str, Any]:
        """Return a provider's web service client (confidential, for end-user tokens with scope privileges)."""
        return _pick_client(self.seed["serviceClients"], tin, "service client")


def _pick_client(
    clients: list[dict[str, Any]], tin: str | None, description: str
) -> dict[str, Any]:
    for client in clients:
        if tin is None or client["organizationTin"] == tin:
            return client
    raise LookupError(f"the seed report has no {description}" + (f" for {tin}" if tin else ""))


@pytest.fixture(scope="session")
def live_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    """Seed a SQLite database (about 300 employees) and serve it with the demo identity provider."""
    from privserver.embedded import EmbeddedServer
    from privserver.seed import seed_demo

    directory = tmp_path_factory.mktemp("privserver")
    database_url = f"sqlite:///{directory / 'privserver.sqlite'}"
    report = seed_demo(database_url, employees=SEED_EMPLOYEES)
    server = EmbeddedServer(database_url)
    server.start()
    try:
        yield LiveServer(server=server, seed=report, database_url=database_url)
    finally:
        server.stop()


# --- a scripted browser for the authorization page ----------------------------


@dataclass
class SignInForm:
    """The form of the demo identity provider's authorization page."""

    action: str = ""
    fields: dict[str, str] = field(default_factory=dict)
    identities: list[str] = field(default_factory=list)


class _FormParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.form: SignInForm | None = None
        self._inside = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {name: value or "" for name, value in attrs}
        if tag == "form" and self.form is None and attributes.get("method", "").lower() == "post":
            self.form = SignInForm(action=attributes.get("action", ""))
            self._inside = True
        elif tag == "input" and self._inside and self.form is not None:
            kind = attributes.get("type", "text")
            if kind == "hidden":
                self.form.fields[attributes["name"]] = attributes.get("value", "")
            elif kind == "radio" and attributes.get("name") == "identity":
                self.form.identities.append(attributes.get("value", ""))

    def handle_endtag(self, tag: str) -> None:
        if tag == "form":
            self._inside = False


def parse_sign_in_form(html: str) -> SignInForm:
    """Read the action, hidden fields and offered identities of the authorization page."""
    parser = _FormParser()
    parser.feed(html)
    if parser.form is None:
        raise AssertionError(f"the authorization page has no sign-in form:\n{html[:2000]}")
    return parser.form


def _submission(form: SignInForm, idp_identity_id: str) -> dict[str, str]:
    data = dict(form.fields)
    data["action"] = "sign_in"
    requested = idp_identity_id.lower()
    offered = [value for value in form.identities if value.partition(":")[2] == requested]
    if offered:
        data["identity"] = offered[0]
    else:
        data["identity_id"] = idp_identity_id
    return data


def browser_sign_in(authorization_url: str, idp_identity_id: str) -> httpx.Response:
    """Act as the user's browser: open the page, pick the identity, submit, follow the redirect.

    Returns the response of the redirect target (e.g. the app's loopback
    listener), or the page itself when it did not redirect (an error).
    """
    with httpx.Client(follow_redirects=False, timeout=30.0) as browser:
        page = browser.get(authorization_url)
        if page.is_redirect:
            return browser.get(page.headers["location"])
        if page.status_code != 200:
            return page
        form = parse_sign_in_form(page.text)
        answer = browser.post(
            urljoin(str(page.url), form.action), data=_submission(form, idp_identity_id)
        )
        if answer.is_redirect:
            return browser.get(answer.headers["location"])
        return answer


async def abrowser_sign_in(authorization_url: str, idp_identity_id: str) -> httpx.Response:
    """Run `browser_sign_in` without blocking, for code whose loopback listener runs on the same event loop."""
    async with httpx.AsyncClient(follow_redirects=False, timeout=30.0) as browser:
        page = await browser.get(authorization_url)
        if page.is_redirect:
            return await browser.get(page.headers["location"])
        if page.status_code != 200:
            return page
        form = parse_sign_in_form(page.text)
        answer = await browser.post(
            urljoin(str(page.url), form.action), data=_submission(form, idp_identity_id)
        )
        if answer.is_redirect:
            return await browser.get(answer.headers["location"])
        return answer


# --- complete flows -----------------------------------------------------------


class CallbackListener:
    """A throwaway loopback HTTP listener that records the authorization response at /callback."""

    def __init__(self, path: str = "/callback") -> None:
        self.path = path
        self.received: list[str] = []
        listener = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                if self.path.split("?")[0] == listener.path:
                    listener.received.append(self.path)
                    body = b"Signed in; this window can be closed."
                    self.send_response(200)
                else:
                    body = b"Not found."
                    self.send_response(404)
                self.send_header("Content-Type", "text/plain; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, format: str, *args: Any) -> None:
                pass

        self._server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._thread = threading.Thread(
            # A short poll interval, since shutdown() waits for the next poll.
            target=self._server.serve_forever,
            kwargs={"poll_interval": 0.02},
            name="oidc-callback",
            daemon=True,
        )

    @property
    def redirect_uri(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}{self.path}"

    @property
    def response_url(self) -> str:
        """The full URL of the authorization response received; fails if none arrived."""
        if not self.received:
            raise AssertionError("no authorization response reached the redirect URI")
        return f"http://127.0.0.1:{self._server.server_address[1]}{self.received[-1]}"

    def __enter__(self) -> Self:
        self._thread.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join()


def _client_secret(server: LiveServer, client_id: str) -> str | None:
    for client in server.seed.get("serviceClients", []):
        if client["clientId"] == client_id:
            return str(client["clientSecret"])
    return None


def sign_in_tokens(
    server: LiveServer,
    idp_identity_id: str,
    *,
    client_id: str = DESKTOP_CLIENT_ID,
    scope: str = DESKTOP_SCOPE,
    client_secret: str | None = None,
) -> dict[str, Any]:
    """Run the whole authorization code flow with PKCE and return the token response.

    A seeded service client's secret is taken from the seed report when not
    given. The returned dict also has the "nonce" sent, to check the ID token.
    """
    from authlib.common.security import generate_token
    from authlib.oauth2.rfc6749.parameters import (
        parse_authorization_code_response,
        prepare_grant_uri,
    )
    from authlib.oauth2.rfc7636 import create_s256_code_challenge

    secret = client_secret if client_secret is not None else _client_secret(server, client_id)
    verifier = generate_token(64)
    state = generate_token(24)
    nonce = generate_token(24)

    with CallbackListener() as listener:
        authorization_url = prepare_grant_uri(
            server.authorization_endpoint,
            client_id,
            "code",
            redirect_uri=listener.redirect_uri,
            scope=scope,
            state=state,
            nonce=nonce,
            code_challenge=create_s256_code_challenge(verifier),
            code_challenge_method="S256",
        )
        final = browser_sign_in(authorization_url, idp_identity_id)
        if not listener.received:
            raise AssertionError(
                f"sign-in did not reach the redirect URI: HTTP {final.status_code}\n{final.text[:2000]}"
            )
        response = parse_authorization_code_response(listener.response_url, state=state)
        redirect_uri = listener.redirect_uri

    data = {
        "grant_type": "authorization_code",
        "code": response["code"],
        "redirect_uri": redirect_uri,
        "code_verifier": verifier,
    }
    auth: tuple[str, str] | None = (client_id, secret) if secret else None
    if auth is None:
        data["client_id"] = client_id
    answer = httpx.post(server.token_endpoint, data=data, auth=auth, timeout=30.0)
    if answer.status_code != 200:
        raise AssertionError(f"token request failed: HTTP {answer.status_code} {answer.text}")
    tokens: dict[str, Any] = answer.json()
    tokens["nonce"] = nonce
    return tokens


def service_token(server: LiveServer, client_id: str, client_secret: str) -> str:
    """Return a service token of an API client (client credentials, scope privilege_api)."""
    answer = httpx.post(
        server.token_endpoint,
        data={"grant_type": "client_credentials", "scope": "privilege_api"},
        auth=(client_id, client_secret),
        timeout=30.0,
    )
    if answer.status_code != 200:
        raise AssertionError(
            f"client credentials request failed: HTTP {answer.status_code} {answer.text}"
        )
    return str(answer.json()["access_token"])
