"""The demo OpenID Connect provider: an ASGI app standing in for the Nets eID Broker."""

from __future__ import annotations

import base64
import logging
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote, urlencode, urlsplit

from authlib.oauth2.rfc6749 import (
    AccessDeniedError,
    InvalidClientError,
    InvalidGrantError,
    InvalidRequestError,
    InvalidScopeError,
    OAuth2Error,
    UnsupportedGrantTypeError,
    UnsupportedResponseTypeError,
)
from authlib.oauth2.rfc6750 import InvalidTokenError as BearerInvalidTokenError
from authlib.oauth2.rfc7636.challenge import (
    CODE_CHALLENGE_PATTERN,
    CODE_VERIFIER_PATTERN,
    compare_s256_code_challenge,
)
from authlib.oidc.core.util import create_half_hash
from joserfc import errors as jose_errors
from joserfc import jwt
from joserfc.jwk import KeySet
from sqlalchemy.orm import Session, sessionmaker
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from privserver.demo_idp import claims as token_claims
from privserver.demo_idp.directory import (
    DemoIdentity,
    RegisteredClient,
    find_identity,
    list_choices,
    load_registered_client,
    load_service_client,
    parse_identity_id,
    redirect_uri_allowed,
)
from privserver.demo_idp.grants import (
    AuthorizationCode,
    CodeStore,
    Lifetimes,
    RefreshGrant,
    RefreshTokens,
    ReplayedCodeError,
)
from privserver.demo_idp.keys import SigningKeys
from privserver.demo_idp.pages import message, pick_language, render
from privserver.domain.secrets import verify_secret

if TYPE_CHECKING:
    from privserver.config import Settings

log = logging.getLogger("privserver.demo_idp")

SUPPORTED_SCOPES = (
    "openid",
    "nemlogin",
    "privilege_api",
    "privileges",
    "offline_access",
    "profile",
)
SERVICE_SCOPE = "privilege_api"
_STATIC_DIR = Path(__file__).resolve().parent / "static"
_NO_STORE = {"Cache-Control": "no-store", "Pragma": "no-cache"}


class PageError(Exception):
    """An authorization request that cannot be sent back to the client, so the page shows it."""

    def __init__(self, key: str, **values: str) -> None:
        super().__init__(key)
        self.key = key
        self.values = values


@dataclass(frozen=True)
class AuthorizationRequest:
    """A validated authorization request (authorization code flow with PKCE S256)."""

    client: RegisteredClient
    redirect_uri: str
    scope: list[str]
    state: str | None
    nonce: str | None
    code_challenge: str
    language: str

    def hidden_fields(self) -> list[tuple[str, str]]:
        fields = [
            ("client_id", self.client.client_id),
            ("redirect_uri", self.redirect_uri),
            ("response_type", "code"),
            ("scope", " ".join(self.scope)),
            ("code_challenge", self.code_challenge),
            ("code_challenge_method", "S256"),
            ("ui_locales", self.language),
        ]
        if self.state is not None:
            fields.append(("state", self.state))
        if self.nonce is not None:
            fields.append(("nonce", self.nonce))
        return fields


@dataclass(frozen=True)
class ClientCredentials:
    """The client id and secret of a token or revocation request, and how they were sent."""

    client_id: str | None
    client_secret: str | None
    used_basic: bool


class RedirectError(Exception):
    """An authorization error returned to the client through its redirect URI."""

    def __init__(self, error: OAuth2Error, redirect_uri: str, state: str | None) -> None:
        super().__init__(error.error)
        self.error = error
        self.redirect_uri = redirect_uri
        self.state = state


def _with_query(uri: str, parameters: Mapping[str, str | None]) -> str:
    query = urlencode({name: value for name, value in parameters.items() if value is not None})
    separator = "&" if urlsplit(uri).query else "?"
    return f"{uri}{separator}{query}"


def _oauth_error(
    error: OAuth2Error, status: int = 400, headers: dict[str, str] | None = None
) -> JSONResponse:
    body: dict[str, str] = {"error": error.error}
    if error.description:
        body["error_description"] = error.description
    return JSONResponse(body, status_code=status, headers={**_NO_STORE, **(headers or {})})


def _client_credentials(request: Request, form: Mapping[str, Any]) -> ClientCredentials:
    """Read client_secret_basic or client_secret_post credentials (RFC 6749, section 2.3.1)."""
    authorization = request.headers.get("authorization", "")
    form_id = form.get("client_id") or None
    form_secret = form.get("client_secret") or None
    if authorization[:6].lower() == "basic ":
        try:
            decoded = base64.b64decode(authorization[6:].strip(), validate=True).decode()
            basic_id, _, basic_secret = decoded.partition(":")
        except ValueError as error:
            raise InvalidClientError(
                "The Basic authorization header is not valid base64 of id:secret."
            ) from error
        if form_secret is not None:
            raise InvalidRequestError(
                "Send the client secret either in the Authorization header or in the form, not both."
            )
        client_id = unquote(basic_id)
        if form_id is not None and form_id != client_id:
            raise InvalidRequestError(
                "client_id in the form differs from the one in the Authorization header."
            )
        return ClientCredentials(client_id, unquote(basic_secret), used_basic=True)
    return ClientCredentials(form_id, form_secret, used_basic=False)


class DemoIdentityProvider:
    """A demo OpenID Connect provider shaped like the Nets eID Broker, for demos and tests only.

    It serves discovery, JWKS, authorization (a page choosing a MitID Erhverv
    identity from the database), token, userinfo, end-session and revocation
    endpoints under its issuer `<public_base_url>/idp`. Signing keys and
    refresh tokens live in the database, so sessions survive a restart.
    """

    def __init__(
        self,
        settings: Settings,
        session_factory: sessionmaker[Session],
        *,
        lifetimes: Lifetimes | None = None,
        clock: Callable[[], float] = time.time,
        signing_alg: str = "ES256",
    ) -> None:
        if not settings.public_base_url:
            raise ValueError(
                "the demo identity provider needs settings.public_base_url "
                "(e.g. http://127.0.0.1:8765) to name its issuer"
            )
        self.issuer = settings.public_base_url.rstrip("/") + "/idp"
        self.audience = settings.audience
        self.lifetimes = lifetimes or Lifetimes()
        self._session_factory = session_factory
        self._clock = clock
        self.keys = SigningKeys(session_factory, alg=signing_alg)
        self.keys.setup()
        self.codes = CodeStore(clock)
        self.refresh_tokens = RefreshTokens(session_factory, self.lifetimes, clock)
        self.asgi_app = self._build_app()
        log.warning(
            "Demo identity provider at %s: for demos and tests only, anyone can sign in as anyone",
            self.issuer,
        )

    # --- public interface ------------------------------------------------

    def public_key_set(self) -> KeySet:
        """Return the published public keys, for privserver's StaticJwks."""
        return self.keys.public_key_set()

    def rotate_keys(self, alg: str | None = None) -> str:
        """Rotate the signing keys without downtime and return the kid that now signs."""
        return self.keys.rotate(alg)

    def discovery_document(self) -> dict[str, Any]:
        issuer = self.issuer
        return {
            "issuer": issuer,
            "authorization_endpoint": f"{issuer}/authorize",
            "token_endpoint": f"{issuer}/token",
            "userinfo_endpoint": f"{issuer}/userinfo",
            "jwks_uri": f"{issuer}/jwks",
            "end_session_endpoint": f"{issuer}/endsession",
            "revocation_endpoint": f"{issuer}/revoke",
            "scopes_supported": list(SUPPORTED_SCOPES),
            "response_types_supported": ["code"],
            "response_modes_supported": ["query"],
            "grant_types_supported": ["authorization_code", "refresh_token", "client_credentials"],
            "subject_types_supported": ["public"],
            "id_token_signing_alg_values_supported": ["ES256", "RS256"],
            "userinfo_signing_alg_values_supported": ["none"],
            "token_endpoint_auth_methods_supported": [
                "client_secret_basic",
                "client_secret_post",
                "none",
            ],
            "revocation_endpoint_auth_methods_supported": [
                "client_secret_basic",
                "client_secret_post",
                "none",
            ],
            "code_challenge_methods_supported": ["S256"],
            "claims_supported": [
                "sub",
                "iss",
                "aud",
                "exp",
                "iat",
                "auth_time",
                "nonce",
                "acr",
                "amr",
                "sid",
                "name",
                "idp",
                "idp_identity_id",
                "identity_type",
                "loa",
                "nemlogin.cvr",
                "nemlogin.name",
                "nemlogin.org_name",
                "nemlogin.persistent_professional_id",
            ],
            "acr_values_supported": [token_claims.LOA_SUBSTANTIAL],
            "ui_locales_supported": ["da", "en"],
            "claims_parameter_supported": False,
            "request_parameter_supported": False,
            "authorization_response_iss_parameter_supported": True,
        }

    # --- routing -----------------------------------------------------------

    def _build_app(self) -> Starlette:
        routes = [
            Route("/", self._home, methods=["GET"]),
            Route("/.well-known/openid-configuration", self._discovery, methods=["GET"]),
            Route("/jwks", self._jwks, methods=["GET"]),
            Route("/authorize", self._authorize_page, methods=["GET"]),
            Route("/authorize", self._authorize_submit, methods=["POST"]),
            Route("/token", self._token, methods=["POST"]),
            Route("/userinfo", self._userinfo, methods=["GET", "POST"]),
            Route("/endsession", self._end_session, methods=["GET", "POST"]),
            Route("/revoke", self._revoke, methods=["POST"]),
            Mount("/static", StaticFiles(directory=_STATIC_DIR), name="static"),
        ]
        return Starlette(routes=routes)

    def _static_base(self) -> str:
        return f"{self.issuer}/static"

    async def _home(self, request: Request) -> HTMLResponse:
        language = pick_language(request.query_params.get("ui_locales"))
        html = render(
            "message.html",
            language,
            static_base=self._static_base(),
            switch_url=None,
            heading=message(language, "home_heading"),
            text=message(language, "home_text"),
            error=False,
            link=f"{self.issuer}/.well-known/openid-configuration",
            link_text=message(language, "discovery"),
        )
        return HTMLResponse(html)

    async def _discovery(self, request: Request) -> JSONResponse:
        return JSONResponse(
            self.discovery_document(), headers={"Cache-Control": "public, max-age=300"}
        )

    async def _jwks(self, request: Request) -> JSONResponse:
        keys = await run_in_threadpool(self.keys.jwks)
        return JSONResponse(keys, headers={"Cache-Control": "public, max-age=60"})

    # --- authorization endpoint -------------------------------------------

    def _validate_authorization_request(self, params: Mapping[str, str]) -> AuthorizationRequest:
        """Validate an authorization request; raise PageError or RedirectError when it is invalid."""
        language = pick_language(params.get("ui_locales"))
        client_id = params.get("client_id")
        if not client_id:
            raise PageError("missing_client")
        with self._session_factory() as session:
            client = load_registered_client(session, client_id)
        if client is None:
            raise PageError("unknown_client", value=client_id)

        redirect_uri = params.get("redirect_uri")
        if not redirect_uri:
            raise PageError("missing_redirect")
        if not redirect_uri_allowed(client, redirect_uri):
            raise PageError("invalid_redirect", value=redirect_uri, client=client_id)

        state = params.get("state")

        def fail(error: OAuth2Error) -> RedirectError:
            return RedirectError(error, redirect_uri, state)

        if params.get("response_type") != "code":
            raise fail(UnsupportedResponseTypeError("Only response_type=code is supported."))

        challenge = params.get("code_challenge")
        method = params.get("code_challenge_method")
        if not challenge:
            raise fail(InvalidRequestError("code_challenge is required (PKCE with S256)."))
        if method != "S256":
            raise fail(
                InvalidRequestError(
                    f"code_challenge_method must be S256, got {method or 'none (plain)'!r}."
                )
            )
        if not CODE_CHALLENGE_PATTERN.match(challenge):
            raise fail(
                InvalidRequestError("code_challenge must be 43 to 128 characters of base64url.")
            )

        scope = (params.get("scope") or "").split()
        unknown = [item for item in scope if item not in SUPPORTED_SCOPES]
        if unknown:
            raise fail(
                InvalidScopeError(
                    f"Unsupported scope {' '.join(unknown)!r}; supported: {' '.join(SUPPORTED_SCOPES)}."
                )
            )
        if "openid" not in scope:
            raise fail(InvalidScopeError("scope must include openid."))

        return AuthorizationRequest(
            client=client,
            redirect_uri=redirect_uri,
            scope=list(dict.fromkeys(scope)),
            state=state,
            nonce=params.get("nonce"),
            code_challenge=challenge,
            language=language,
        )

    def _switch_url(self, params: Mapping[str, str], language: str) -> str:
        other = "en" if language == "da" else "da"
        query = {name: value for name, value in params.items() if name != "ui_locales"}
        query["ui_locales"] = other
        return f"{self.issuer}/authorize?{urlencode(query)}"

    def _page_error_response(self, error: PageError, language: str) -> HTMLResponse:
        text = message(language, error.key, **error.values)
        log.info("rejected authorization request: %s", message("en", error.key, **error.values))
        html = render(
            "message.html",
            language,
            static_base=self._static_base(),
            switch_url=None,
            heading=message(language, "error_heading"),
            text=text,
            error=True,
            link=None,
        )
        return HTMLResponse(html, status_code=400)

    @staticmethod
    def _redirect_error_response(error: RedirectError, issuer: str) -> RedirectResponse:
        log.info(
            "authorization request rejected with %s: %s", error.error.error, error.error.description
        )
        location = _with_query(
            error.redirect_uri,
            {
                "error": error.error.error,
                "error_description": error.error.description,
                "state": error.state,
                "iss": issuer,
            },
        )
        return RedirectResponse(location, status_code=303)

    def _render_chooser(
        self,
        request_: AuthorizationRequest,
        params: Mapping[str, str],
        *,
        error: str | None = None,
        typed: str = "",
        selected: str = "",
    ) -> HTMLResponse:
        with self._session_factory() as session:
            groups = list_choices(session)

        # A login_hint naming an identity's UUID preselects it, or fills the UUID field.
        hint = parse_identity_id(params.get("login_hint", "")) if not (typed or selected) else None
        if hint is not None:
            offered = [
                choice.identity.key
                for group in groups
                for choice in group.administrators + group.employees
                if choice.identity.idp_identity_id == hint
            ]
            if offered:
                selected = offered[0]
            else:
                typed = hint

        html = render(
            "authorize.html",
            request_.language,
            static_base=self._static_base(),
            switch_url=self._switch_url(params, request_.language),
            client_name=request_.client.name,
            action=f"{self.issuer}/authorize",
            hidden=request_.hidden_fields(),
            groups=groups,
            error=error,
            typed=typed,
            selected=selected,
        )
        return HTMLResponse(html, status_code=400 if error else 200, headers=_NO_STORE)

    async def _authorize_page(self, request: Request) -> Response:
        params = dict(request.query_params)
        return await run_in_threadpool(self._authorize_page_sync, params)

    def _authorize_page_sync(self, params: dict[str, str]) -> Response:
        language = pick_language(params.get("ui_locales"))
        try:
            authorization = self._validate_authorization_request(params)
        except PageError as error:
            return self._page_error_response(error, language)
        except RedirectError as error:
            return self._redirect_error_response(error, self.issuer)
        return self._render_chooser(authorization, params)

    async def _authorize_submit(self, request: Request) -> Response:
        form = await request.form()
        params = {name: str(value) for name, value in form.items()}
        return await run_in_threadpool(self._authorize_submit_sync, params)

    def _authorize_submit_sync(self, params: dict[str, str]) -> Response:
        language = pick_language(params.get("ui_locales"))
        try:
            authorization = self._validate_authorization_request(params)
        except PageError as error:
            return self._page_error_response(error, language)
        except RedirectError as error:
            return self._redirect_error_response(error, self.issuer)

        if params.get("action") == "cancel":
            cancelled = RedirectError(
                AccessDeniedError("The user cancelled the sign-in."),
                authorization.redirect_uri,
                authorization.state,
            )
            return self._redirect_error_response(cancelled, self.issuer)

        typed = params.get("identity_id", "").strip()
        identity, problem = self._resolve_identity(typed, params.get("identity", ""), language)
        if identity is None:
            return self._render_chooser(authorization, params, typed=typed, error=problem)

        now = self._clock()
        code = self.codes.issue(
            AuthorizationCode(
                client_id=authorization.client.client_id,
                redirect_uri=authorization.redirect_uri,
                scope=authorization.scope,
                nonce=authorization.nonce,
                code_challenge=authorization.code_challenge,
                idp=identity.idp,
                idp_identity_id=identity.idp_identity_id,
                auth_time=int(now),
                expires=now + self.lifetimes.code,
            )
        )
        log.info(
            "issued authorization code to client %s for identity %s",
            authorization.client.client_id,
            identity.key,
        )
        location = _with_query(
            authorization.redirect_uri,
            {"code": code, "state": authorization.state, "iss": self.issuer},
        )
        return RedirectResponse(location, status_code=303, headers=_NO_STORE)

    def _resolve_identity(
        self, typed: str, selected: str, language: str
    ) -> tuple[DemoIdentity | None, str]:
        """Find the identity typed as a UUID or chosen from the list; else return the message to show."""
        if not typed and not selected:
            return None, message(language, "choose_identity")

        # One short read; the page is rendered after the session closes, since
        # SQLite transactions here take the write lock.
        with self._session_factory() as session:
            if typed:
                identity_id = parse_identity_id(typed)
                if identity_id is None:
                    return None, message(language, "invalid_uuid", value=typed)
                identity = find_identity(session, identity_id)
                if identity is None:
                    return None, message(language, "unknown_uuid", value=identity_id)
                return identity, ""
            idp, _, identity_id = selected.partition(":")
            identity = find_identity(session, identity_id, idp) if identity_id else None
        if identity is None:
            return None, message(language, "unknown_identity")
        return identity, ""

    # --- token endpoint ------------------------------------------------------

    async def _token(self, request: Request) -> Response:
        form = await request.form()
        params = {name: str(value) for name, value in form.items()}
        try:
            credentials = _client_credentials(request, params)
            body = await run_in_threadpool(self._token_sync, params, credentials)
        except InvalidClientError as error:
            basic = request.headers.get("authorization", "")[:6].lower() == "basic "
            headers = {"WWW-Authenticate": 'Basic realm="demo-idp"'} if basic else None
            log.info("token request rejected: invalid_client: %s", error.description)
            return _oauth_error(error, 401, headers)
        except OAuth2Error as error:
            log.info("token request rejected: %s: %s", error.error, error.description)
            return _oauth_error(error)
        return JSONResponse(body, headers=_NO_STORE)

    def _token_sync(self, params: dict[str, str], credentials: ClientCredentials) -> dict[str, Any]:
        grant_type = params.get("grant_type")
        if not grant_type:
            raise InvalidRequestError("grant_type is required.")
        if grant_type == "authorization_code":
            client = self._authenticate_registered_client(credentials)
            return self._exchange_code(client, params)
        if grant_type == "refresh_token":
            client = self._authenticate_registered_client(credentials)
            return self._refresh(client, params)
        if grant_type == "client_credentials":
            return self._client_credentials_grant(credentials, params)
        raise UnsupportedGrantTypeError(grant_type)

    def _authenticate_registered_client(self, credentials: ClientCredentials) -> RegisteredClient:
        if not credentials.client_id:
            raise InvalidClientError("client_id is required.")
        with self._session_factory() as session:
            client = load_registered_client(session, credentials.client_id)
        if client is None:
            raise InvalidClientError(f"Unknown client {credentials.client_id!r}.")
        if client.public:
            return client
        if not credentials.client_secret:
            raise InvalidClientError(
                f"Client {client.client_id!r} is confidential: send its client secret."
            )
        if not client.secret_hash or not verify_secret(
            credentials.client_secret, client.secret_hash
        ):
            raise InvalidClientError(f"Invalid client secret for client {client.client_id!r}.")
        return client

    def _exchange_code(self, client: RegisteredClient, params: dict[str, str]) -> dict[str, Any]:
        code = params.get("code")
        redirect_uri = params.get("redirect_uri")
        verifier = params.get("code_verifier")
        if not code:
            raise InvalidRequestError("code is required.")
        if not redirect_uri:
            raise InvalidRequestError("redirect_uri is required.")
        if not verifier:
            raise InvalidRequestError("code_verifier is required (PKCE).")
        if not CODE_VERIFIER_PATTERN.match(verifier):
            raise InvalidRequestError(
                "code_verifier must be 43 to 128 characters of [A-Za-z0-9-._~]."
            )

        try:
            grant = self.codes.redeem(code, client.client_id)
        except ReplayedCodeError as error:
            # RFC 6749, section 4.1.2: tokens issued from a replayed code should be revoked.
            if error.grant.family_id is not None:
                self.refresh_tokens.revoke_family(error.grant.family_id)
            raise
        if redirect_uri != grant.redirect_uri:
            raise InvalidGrantError(
                "redirect_uri differs from the one in the authorization request."
            )
        if not compare_s256_code_challenge(verifier, grant.code_challenge):
            raise InvalidGrantError("code_verifier does not match the code_challenge.")

        identity = self._identity(grant.idp, grant.idp_identity_id)
        refresh: RefreshGrant | None = None
        if "offline_access" in grant.scope:
            refresh = self.refresh_tokens.start_family(
                client.client_id, identity.idp, identity.idp_identity_id, grant.scope
            )
            grant.family_id = refresh.family_id
        log.info(
            "redeemed authorization code of client %s for identity %s",
            client.client_id,
            identity.key,
        )
        return self._token_response(
            client, identity, grant.scope, refresh, nonce=grant.nonce, auth_time=grant.auth_time
        )

    def _refresh(self, client: RegisteredClient, params: dict[str, str]) -> dict[str, Any]:
        token = params.get("refresh_token")
        if not token:
            raise InvalidRequestError("refresh_token is required.")
        refresh = self.refresh_tokens.rotate(token, client.client_id)
        identity = self._identity(refresh.idp, refresh.idp_identity_id)
        return self._token_response(
            client, identity, refresh.scope, refresh, nonce=None, auth_time=None
        )

    def _identity(self, idp: str, idp_identity_id: str) -> DemoIdentity:
        with self._session_factory() as session:
            identity = find_identity(session, idp_identity_id, idp)
        if identity is None:
            raise InvalidGrantError(f"The identity {idp}:{idp_identity_id} no longer exists.")
        return identity

    def _token_response(
        self,
        client: RegisteredClient,
        identity: DemoIdentity,
        scope: list[str],
        refresh: RefreshGrant | None,
        *,
        nonce: str | None,
        auth_time: int | None,
    ) -> dict[str, Any]:
        now = int(self._clock())
        session_id = refresh.family_id if refresh is not None else None
        access_token = self.keys.sign(
            token_claims.access_token_claims(
                issuer=self.issuer,
                audience=self.audience,
                client_id=client.client_id,
                client_organization_tin=client.organization_tin,
                identity=identity,
                scope=scope,
                now=now,
                lifetime=self.lifetimes.access_token,
                auth_time=auth_time,
                session_id=session_id,
            ),
            typ="at+jwt",
        )
        body: dict[str, Any] = {
            "access_token": access_token,
            "token_type": "Bearer",
            "expires_in": int(self.lifetimes.access_token),
            "scope": " ".join(scope),
        }
        if "openid" in scope:
            alg = self.keys.signing_alg()
            body["id_token"] = self.keys.sign(
                token_claims.id_token_claims(
                    issuer=self.issuer,
                    client_id=client.client_id,
                    identity=identity,
                    now=now,
                    lifetime=self.lifetimes.id_token,
                    nonce=nonce,
                    auth_time=auth_time,
                    session_id=session_id,
                    at_hash=create_half_hash(access_token, alg).decode(),
                ),
                typ="JWT",
            )
        if refresh is not None:
            body["refresh_token"] = refresh.token
            body["refresh_expires_in"] = int(self.lifetimes.refresh_sliding)
        return body

    def _client_credentials_grant(
        self, credentials: ClientCredentials, params: dict[str, str]
    ) -> dict[str, Any]:
        if not credentials.client_id:
            raise InvalidClientError("client_id is required.")
        with self._session_factory() as session:
            client = load_service_client(session, credentials.client_id)
        if client is None:
            raise InvalidClientError(f"Unknown API client {credentials.client_id!r}.")
        if not credentials.client_secret:
            raise InvalidClientError(f"Send the client secret of API client {client.client_id!r}.")
        if not verify_secret(credentials.client_secret, client.secret_hash):
            raise InvalidClientError(f"Invalid client secret for API client {client.client_id!r}.")
        if client.disabled:
            raise InvalidClientError(f"API client {client.client_id!r} is disabled.")

        requested = (params.get("scope") or SERVICE_SCOPE).split()
        if any(item != SERVICE_SCOPE for item in requested):
            raise InvalidScopeError(f"API clients may only request scope {SERVICE_SCOPE!r}.")

        access_token = self.keys.sign(
            token_claims.service_token_claims(
                issuer=self.issuer,
                audience=self.audience,
                client_id=client.client_id,
                organization_tin=client.organization_tin,
                now=int(self._clock()),
                lifetime=self.lifetimes.access_token,
            ),
            typ="at+jwt",
        )
        log.info("issued service token to API client %s", client.client_id)
        return {
            "access_token": access_token,
            "token_type": "Bearer",
            "expires_in": int(self.lifetimes.access_token),
            "scope": SERVICE_SCOPE,
        }

    # --- userinfo, end-session and revocation ---------------------------------

    def _decode_own_token(
        self, token: str, *, audience: str | None, check_expiry: bool
    ) -> dict[str, Any]:
        """Verify a token this provider signed and return its claims; raise ValueError if invalid."""
        try:
            decoded = jwt.decode(token, self.keys.public_key_set(), algorithms=["ES256", "RS256"])
        except (jose_errors.JoseError, ValueError) as error:
            raise ValueError(
                f"the token's signature or format is invalid ({type(error).__name__})"
            ) from error
        registry_options: dict[str, Any] = {"iss": {"essential": True, "value": self.issuer}}
        if audience is not None:
            registry_options["aud"] = {"essential": True, "value": audience}
        if check_expiry:
            registry_options["exp"] = {"essential": True}
        # joserfc checks exp whenever it is present; an expired id_token_hint is still
        # a valid hint (OpenID Connect RP-Initiated Logout), hence the huge leeway.
        registry = jwt.JWTClaimsRegistry(leeway=0 if check_expiry else 10**9, **registry_options)
        claims = dict(decoded.claims)
        try:
            registry.validate(claims)
        except jose_errors.JoseError as error:
            raise ValueError(
                f"the token is invalid for this provider: {error.description}"
            ) from error
        return claims

    async def _userinfo(self, request: Request) -> Response:
        authorization = request.headers.get("authorization", "")
        if authorization[:7].lower() != "bearer ":
            return JSONResponse(
                {
                    "error": "invalid_request",
                    "error_description": "Send the access token as a Bearer token.",
                },
                status_code=401,
                headers={"WWW-Authenticate": 'Bearer realm="demo-idp"'},
            )
        token = authorization[7:].strip()
        try:
            claims = self._decode_own_token(token, audience=self.audience, check_expiry=True)
            if claims.get("client_at_type") == "service_token" or "idp_identity_id" not in claims:
                raise ValueError("a service token carries no user")
            identity = await run_in_threadpool(
                self._identity, claims["idp"], claims["idp_identity_id"]
            )
        except (ValueError, InvalidGrantError) as error:
            log.info("userinfo request rejected: %s", error)
            bearer_error = BearerInvalidTokenError()
            return JSONResponse(
                {"error": bearer_error.error, "error_description": str(error)},
                status_code=401,
                headers={
                    "WWW-Authenticate": f'Bearer realm="demo-idp", error="{bearer_error.error}"'
                },
            )
        return JSONResponse(token_claims.identity_claims(identity), headers=_NO_STORE)

    async def _end_session(self, request: Request) -> Response:
        if request.method == "POST":
            form = await request.form()
            params = {name: str(value) for name, value in form.items()}
        else:
            params = dict(request.query_params)
        return await run_in_threadpool(self._end_session_sync, params)

    def _end_session_sync(self, params: dict[str, str]) -> Response:
        language = pick_language(params.get("ui_locales"))
        client_id = params.get("client_id")
        hint = params.get("id_token_hint")
        redirect_uri = params.get("post_logout_redirect_uri")

        def invalid(reason: str) -> HTMLResponse:
            log.info("end-session request rejected: %s", reason)
            html = render(
                "message.html",
                language,
                static_base=self._static_base(),
                switch_url=None,
                heading=message(language, "error_heading"),
                text=message(language, "invalid_logout", value=reason),
                error=True,
                link=None,
            )
            return HTMLResponse(html, status_code=400)

        session_id: str | None = None
        if hint:
            try:
                claims = self._decode_own_token(hint, audience=None, check_expiry=False)
            except ValueError as error:
                return invalid(f"id_token_hint: {error}")
            hinted_client = claims.get("aud")
            if client_id and hinted_client != client_id:
                return invalid("client_id differs from the audience of id_token_hint")
            client_id = str(hinted_client)
            session_id = claims.get("sid")

        if redirect_uri:
            if not client_id:
                return invalid("post_logout_redirect_uri needs id_token_hint or client_id")
            with self._session_factory() as session:
                client = load_registered_client(session, client_id)
            if client is None or not redirect_uri_allowed(client, redirect_uri):
                return invalid(
                    f"post_logout_redirect_uri {redirect_uri!r} is not registered for client {client_id!r}"
                )

        if session_id:
            self.refresh_tokens.revoke_family(session_id)
        log.info("ended session %s of client %s", session_id or "(none)", client_id or "(unknown)")

        if redirect_uri:
            return RedirectResponse(
                _with_query(redirect_uri, {"state": params.get("state")}), status_code=303
            )
        html = render(
            "message.html",
            language,
            static_base=self._static_base(),
            switch_url=None,
            heading=message(language, "signed_out_heading"),
            text=message(language, "signed_out"),
            error=False,
            link=None,
        )
        return HTMLResponse(html)

    async def _revoke(self, request: Request) -> Response:
        form = await request.form()
        params = {name: str(value) for name, value in form.items()}
        try:
            credentials = _client_credentials(request, params)
            await run_in_threadpool(self._revoke_sync, params, credentials)
        except InvalidClientError as error:
            log.info("revocation request rejected: invalid_client: %s", error.description)
            return _oauth_error(error, 401)
        except OAuth2Error as error:
            log.info("revocation request rejected: %s: %s", error.error, error.description)
            return _oauth_error(error)
        return Response(status_code=200, headers=_NO_STORE)

    def _revoke_sync(self, params: dict[str, str], credentials: ClientCredentials) -> None:
        token = params.get("token")
        if not token:
            raise InvalidRequestError("token is required.")

        with self._session_factory() as session:
            registered = load_registered_client(session, credentials.client_id or "")
            service_client = load_service_client(session, credentials.client_id or "")
        if registered is None and service_client is not None:
            # Service tokens are short-lived JWTs with no server-side state to revoke.
            secret = credentials.client_secret
            if not secret or not verify_secret(secret, service_client.secret_hash):
                raise InvalidClientError(
                    f"Invalid client secret for API client {service_client.client_id!r}."
                )
            return

        client = self._authenticate_registered_client(credentials)
        # RFC 7009: the response is 200 for an unknown token or an access token too.
        # Access tokens are JWTs that expire within minutes and are not tracked.
        self.refresh_tokens.revoke_token(token, client.client_id)
