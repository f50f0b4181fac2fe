"""Sign-in with authorization code and PKCE through the system browser, refresh, restore and sign-out."""

from __future__ import annotations

import asyncio
import hmac
import logging
import re
import secrets
import ssl
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

import httpx
import truststore
from authlib.common.security import generate_token
from authlib.oauth2.rfc6749.parameters import prepare_grant_uri, prepare_token_request
from authlib.oauth2.rfc7636 import create_s256_code_challenge
from joserfc.jwk import KeySet

from privadmin.config import Environment
from privadmin.oidc.discovery import (
    UNREACHABLE_MESSAGE,
    ProviderMetadata,
    discover,
    fetch_key_set,
)
from privadmin.oidc.errors import SignedOutError, SignInError, SignInErrorCode
from privadmin.oidc.idtoken import UnknownSigningKeyError, validate_id_token
from privadmin.oidc.lock import RefreshLockTimeout, refresh_lock
from privadmin.oidc.loopback import LoopbackListener
from privadmin.oidc.session import Session
from privadmin.oidc.store import SessionStore

log = logging.getLogger("privadmin.oidc")

DEFAULT_SIGN_IN_TIMEOUT_SECONDS = 300.0
HTTP_TIMEOUT_SECONDS = 30.0
# A provider's error_description is shown to the user; keep it to a readable length.
MAX_DESCRIPTION_CHARACTERS = 300

NOT_REMEMBERED_NO_STORE = (
    "This computer has no credential store, so you will have to sign in again next time."
)
NOT_REMEMBERED_SAVE_FAILED = (
    "Your sign-in could not be saved in the computer's credential store, "
    "so you will have to sign in again next time."
)
NOT_REMEMBERED_NO_REFRESH_TOKEN = (
    "The sign-in service did not allow staying signed in, so you will have to sign in again "
    "next time."
)
SIGNED_OUT_MESSAGE = "Your session has ended. Sign in again."


# A BCP 47 language tag as ui_locales lists them: letters, digits and hyphens, e.g. "da" or "en-GB".
_LANGUAGE_TAG = re.compile(r"[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*")


def check_ui_locales(ui_locales: str | None) -> None:
    """Raise ValueError unless `ui_locales` is None or language tags separated by spaces."""
    if ui_locales is None:
        return
    tags = ui_locales.split(" ")
    if not ui_locales or not all(_LANGUAGE_TAG.fullmatch(tag) for tag in tags):
        raise ValueError(
            f"invalid ui_locales {ui_locales!r}: expected language tags separated by single "
            "spaces, e.g. 'da' or 'en da'"
        )


class OidcClient:
    """The OpenID Connect client of one environment: sign-in, refresh, restore and sign-out."""

    def __init__(
        self,
        environment: Environment,
        store: SessionStore,
        *,
        http: httpx.AsyncClient | None = None,
        sign_in_timeout: float = DEFAULT_SIGN_IN_TIMEOUT_SECONDS,
        lock_dir: Path | None = None,
        clock: Callable[[], float] = time.time,
        client_secret: str | None = None,
        ui_locales: str | None = None,
    ) -> None:
        """`client_secret` is for providers that register the app as a confidential client.

        A secret shipped with a desktop app is not confidential (RFC 8252, section
        8.5); PKCE protects the code either way. It is sent as client_secret_basic,
        which RFC 6749 (section 2.3.1) requires every provider to support.

        `ui_locales` is the OpenID Connect parameter of that name: language tags,
        most preferred first and separated by spaces (e.g. "da" or "en da"), for the
        provider's pages. `begin_sign_in(ui_locales=...)` overrides it for one sign-in.
        """
        if sign_in_timeout <= 0:
            raise ValueError(f"sign_in_timeout must be positive, got {sign_in_timeout!r} seconds")
        check_ui_locales(ui_locales)
        self.ui_locales = ui_locales
        self.environment = environment
        self.store = store
        self.sign_in_timeout = sign_in_timeout
        self._owns_http = http is None
        self._http = http if http is not None else _default_http()
        self._lock_dir = lock_dir
        self._clock = clock
        self._client_secret = client_secret
        self._metadata: ProviderMetadata | None = None
        self._key_set: KeySet | None = None

    async def aclose(self) -> None:
        if self._owns_http:
            await self._http.aclose()

    async def metadata(self) -> ProviderMetadata:
        """Return the provider's discovery metadata, fetched once."""
        if self._metadata is None:
            self._metadata = await discover(self._http, self.environment.issuer)
        return self._metadata

    async def begin_sign_in(
        self, *, timeout: float | None = None, ui_locales: str | None = None
    ) -> PendingSignIn:
        """Start the loopback listener and build the authorization URL to open in the browser.

        `ui_locales` (e.g. "da") asks the provider to show its pages in that language,
        in place of the client's own `ui_locales`; a provider may ignore it.
        """
        check_ui_locales(ui_locales)
        locales = ui_locales if ui_locales is not None else self.ui_locales
        metadata = await self.metadata()
        listener = LoopbackListener()
        try:
            await listener.start()
        except OSError as error:
            raise SignInError(
                SignInErrorCode.LISTENER_FAILED,
                "The app could not prepare to receive the sign-in. Restart the app and try again.",
                f"loopback listener failed to start: {error!r}",
            ) from error

        state = secrets.token_urlsafe(32)
        nonce = secrets.token_urlsafe(32)
        code_verifier = generate_token(64)
        extra_parameters = {"ui_locales": locales} if locales else {}
        authorization_url = prepare_grant_uri(
            metadata.authorization_endpoint,
            self.environment.client_id,
            "code",
            redirect_uri=listener.redirect_uri,
            scope=list(self.environment.scopes),
            state=state,
            nonce=nonce,
            code_challenge=create_s256_code_challenge(code_verifier),
            code_challenge_method="S256",
            **extra_parameters,
        )
        log.info(
            "Sign-in started for client %s at %s, redirect %s, ui_locales %s",
            self.environment.client_id,
            metadata.issuer,
            listener.redirect_uri,
            locales or "not sent",
        )
        return PendingSignIn(
            self,
            listener,
            authorization_url,
            state=state,
            nonce=nonce,
            code_verifier=code_verifier,
            timeout=timeout if timeout is not None else self.sign_in_timeout,
        )

    async def restore_session(self) -> Session | None:
        """Sign in silently with the stored refresh token; None when there is none or it is no longer valid.

        Raises SignInError when the provider cannot be reached; the stored token is then kept.
        """
        last = await asyncio.to_thread(self.store.last_identity)
        if last is None:
            return None
        refresh_token = await asyncio.to_thread(self.store.load, last.account)
        if refresh_token is None:
            return None

        session = Session(
            self, account=last.account, name=last.name, remembered=True, clock=self._clock
        )
        session._refresh_token = refresh_token
        try:
            await self.refresh(session, lambda: True)
        except SignedOutError:
            log.info("Stored session of %s is no longer valid", last.account)
            return None
        log.info("Restored the session of %s", last.account)
        return session

    async def sign_out(self, session: Session) -> str | None:
        """Revoke the session's tokens where the provider allows it and forget them.

        Returns the provider's end-session URL (OpenID Connect RP-Initiated Logout)
        for the caller to open in the browser if the user asks to end the
        browser's session too, or None when the provider lists no end-session endpoint.
        """
        metadata: ProviderMetadata | None
        try:
            metadata = await self.metadata()
        except SignInError as error:
            log.warning("Signing out without revocation: %s", error.detail)
            metadata = None

        try:
            async with refresh_lock(self._lock_key(session), lock_dir=self._lock_dir):
                stored = (
                    await asyncio.to_thread(self.store.load, session.account)
                    if session.remembered
                    else None
                )
                if metadata is not None and metadata.revocation_endpoint is not None:
                    tokens = {token for token in (stored, session._refresh_token) if token}
                    for token in tokens:
                        await self._revoke(metadata.revocation_endpoint, token, "refresh_token")
                    if session._access_token is not None:
                        await self._revoke(
                            metadata.revocation_endpoint, session._access_token, "access_token"
                        )
                await asyncio.to_thread(self.store.delete, session.account)
        except RefreshLockTimeout as error:
            log.warning("Signing out without the refresh lock: %s", error)
            await asyncio.to_thread(self.store.delete, session.account)

        end_session_url = None
        if metadata is not None and metadata.end_session_endpoint is not None:
            parameters = {"client_id": self.environment.client_id}
            if session.id_token is not None:
                parameters["id_token_hint"] = session.id_token
            end_session_url = metadata.end_session_endpoint + "?" + urlencode(parameters)
        session.clear()
        session.remembered = False
        log.info("Signed out %s", session.account)
        return end_session_url

    async def refresh(self, session: Session, needed: Callable[[], bool]) -> None:
        """Refresh the session's tokens if `needed()` is still true once the account's lock is held.

        The request is sent once. A lost response raises SignInError (NETWORK), and
        only the next call presents the refresh token again. Within its grace period
        the provider then returns the same successor. A rejected refresh token
        removes the stored session and raises SignedOutError.
        """
        try:
            async with refresh_lock(self._lock_key(session), lock_dir=self._lock_dir):
                if not needed():
                    return
                await self._refresh_locked(session)
        except RefreshLockTimeout as error:
            raise SignInError(
                SignInErrorCode.REFRESH_LOCK_TIMED_OUT,
                "Another privadmin window is busy renewing the session. Try again in a moment.",
                str(error),
            ) from error

    async def _refresh_locked(self, session: Session) -> None:
        if session.remembered:
            # Another instance of the app may have rotated the token since this one read it.
            stored = await asyncio.to_thread(self.store.load, session.account)
            if stored is not None and stored != session._refresh_token:
                log.info("Using the refresh token another instance stored for %s", session.account)
                session._refresh_token = stored
        if session._refresh_token is None:
            raise SignedOutError(SIGNED_OUT_MESSAGE)

        metadata = await self.metadata()
        body = prepare_token_request(
            "refresh_token",
            refresh_token=session._refresh_token,
            **self._client_authentication(),
        )
        log.info("Refreshing the session of %s", session.account)
        try:
            tokens = await self._token_request(metadata.token_endpoint, body)
        except _TokenEndpointError as error:
            if error.error == "invalid_grant":
                log.info("Refresh of %s rejected: %s", session.account, error.detail)
                await asyncio.to_thread(self.store.delete, session.account)
                session.clear()
                session.remembered = False
                raise SignedOutError(SIGNED_OUT_MESSAGE) from error
            raise error.as_sign_in_error() from error

        id_token = tokens.get("id_token")
        if isinstance(id_token, str):
            claims = await self._validate_id_token(id_token, nonce=None)
            if session.claims and claims.get("sub") != session.claims.get("sub"):
                raise SignInError(
                    SignInErrorCode.INVALID_ID_TOKEN,
                    "The sign-in service returned a different identity. Sign in again.",
                    "ID token of a refresh has another sub",
                )
            session.claims = claims

        # The provider rotates refresh tokens: the stored one must be the newest.
        rotated = session.apply_token_response(tokens)
        store_failed = (
            rotated is not None
            and session.remembered
            and not await asyncio.to_thread(
                self.store.save, session.account, rotated, name=session.name
            )
        )
        if store_failed:
            session.remembered = False
            session.remember_notice = NOT_REMEMBERED_SAVE_FAILED
        log.info(
            "Refreshed the session of %s (refresh token rotated: %s)",
            session.account,
            rotated is not None,
        )

    async def complete_sign_in(
        self, code: str, *, redirect_uri: str, code_verifier: str, nonce: str
    ) -> Session:
        """Exchange the authorization code, validate the ID token and remember the session."""
        metadata = await self.metadata()
        body = prepare_token_request(
            "authorization_code",
            code=code,
            redirect_uri=redirect_uri,
            code_verifier=code_verifier,
            **self._client_authentication(),
        )
        try:
            tokens = await self._token_request(metadata.token_endpoint, body)
        except _TokenEndpointError as error:
            raise error.as_sign_in_error() from error

        id_token = tokens.get("id_token")
        if not isinstance(id_token, str):
            raise SignInError(
                SignInErrorCode.INVALID_ID_TOKEN,
                "The sign-in service did not identify you. Try again.",
                "token response has no id_token",
            )
        claims = await self._validate_id_token(id_token, nonce=nonce)

        # NOTE: assumes the broker's idp_identity_id claim carries the identity's UUID, as in
        # its access tokens; providers without it are keyed by sub.
        account = str(claims.get("idp_identity_id") or claims["sub"])
        session = Session(
            self, account=account, name=_display_name(claims), claims=claims, clock=self._clock
        )
        session.apply_token_response(tokens)
        await self._remember(session)
        log.info("Signed in %s (remembered: %s)", account, session.remembered)
        return session

    async def _remember(self, session: Session) -> None:
        # Credential stores can block, e.g. while the system asks to unlock them, so every
        # call runs in a worker thread and the event loop stays free.
        previous = await asyncio.to_thread(self.store.last_identity)
        if previous is not None and previous.account != session.account:
            await asyncio.to_thread(self.store.delete, previous.account)

        if session._refresh_token is None:
            session.remember_notice = NOT_REMEMBERED_NO_REFRESH_TOKEN
        elif not await asyncio.to_thread(lambda: self.store.available):
            session.remember_notice = NOT_REMEMBERED_NO_STORE
        elif await asyncio.to_thread(
            self.store.save, session.account, session._refresh_token, name=session.name
        ):
            session.remembered = True
        else:
            session.remember_notice = NOT_REMEMBERED_SAVE_FAILED

    async def _validate_id_token(self, id_token: str, *, nonce: str | None) -> dict[str, Any]:
        metadata = await self.metadata()
        if self._key_set is None:
            self._key_set = await fetch_key_set(self._http, metadata.jwks_uri)
        arguments: dict[str, Any] = {
            "issuer": metadata.issuer,
            "client_id": self.environment.client_id,
            "nonce": nonce,
            "now": self._clock,
        }
        try:
            return validate_id_token(id_token, key_set=self._key_set, **arguments)
        except UnknownSigningKeyError:
            # The provider may have rotated its keys: fetch them once more.
            self._key_set = await fetch_key_set(self._http, metadata.jwks_uri)
            return validate_id_token(id_token, key_set=self._key_set, **arguments)

    async def _token_request(self, token_endpoint: str, body: str) -> dict[str, Any]:
        try:
            response = await self._post_form(token_endpoint, body, Accept="application/json")
        except httpx.HTTPError as error:
            raise SignInError(
                SignInErrorCode.NETWORK,
                UNREACHABLE_MESSAGE,
                f"POST {token_endpoint} failed: {error!r}",
            ) from error

        try:
            document = response.json()
        except ValueError:
            document = None
        if not isinstance(document, dict):
            raise _TokenEndpointError(response.status_code, None, "response is not a JSON object")
        if response.status_code != 200:
            error_code = document.get("error")
            raise _TokenEndpointError(
                response.status_code,
                error_code if isinstance(error_code, str) else None,
                str(document.get("error_description") or ""),
            )

        access_token = document.get("access_token")
        token_type = document.get("token_type")
        if not isinstance(access_token, str) or not access_token:
            raise _TokenEndpointError(200, None, "token response has no access_token")
        if not isinstance(token_type, str) or token_type.lower() != "bearer":
            raise _TokenEndpointError(200, None, f"token_type is {token_type!r}, not Bearer")
        return document

    async def _revoke(self, endpoint: str, token: str, hint: str) -> None:
        body = urlencode({"token": token, "token_type_hint": hint, **self._client_authentication()})
        try:
            response = await self._post_form(endpoint, body)
        except httpx.HTTPError as error:
            log.warning("Revoking the %s failed: %r", hint, error)
            return
        if response.status_code != 200:
            log.warning("Revoking the %s returned HTTP %d", hint, response.status_code)
        else:
            log.info("Revoked the %s", hint)

    def _client_authentication(self) -> dict[str, str]:
        """Return the body parameters that identify a public client; empty for a confidential one."""
        if self._client_secret is not None:
            return {}
        return {"client_id": self.environment.client_id}

    def _post_form(self, url: str, body: str, **headers: str) -> Awaitable[httpx.Response]:
        auth: httpx.Auth | None = None
        if self._client_secret is not None:
            # RFC 6749, section 2.3.1: both parts form-urlencoded before Basic encoding.
            auth = httpx.BasicAuth(
                quote(self.environment.client_id, safe=""), quote(self._client_secret, safe="")
            )
        return self._http.post(
            url,
            content=body,
            auth=auth if auth is not None else httpx.USE_CLIENT_DEFAULT,
            headers={"Content-Type": "application/x-www-form-urlencoded", **headers},
        )

    def _lock_key(self, session: Session) -> str:
        return f"{self.store.service}|{session.account}"


class PendingSignIn:
    """A sign-in waiting for the browser to come back to the loopback listener."""

    def __init__(
        self,
        client: OidcClient,
        listener: LoopbackListener,
        authorization_url: str,
        *,
        state: str,
        nonce: str,
        code_verifier: str,
        timeout: float,
    ) -> None:
        self.authorization_url = authorization_url
        self.redirect_uri = listener.redirect_uri
        self._client = client
        self._listener = listener
        self._state = state
        self._nonce = nonce
        self._code_verifier = code_verifier
        self._timeout = timeout
        self._cancelled = False
        self._task: asyncio.Task[Session] = asyncio.ensure_future(self._run())

    @property
    def port(self) -> int:
        return self._listener.port

    async def result(self) -> Session:
        """Wait for the sign-in to finish; raises SignInError when it fails, times out or is cancelled."""
        try:
            return await asyncio.shield(self._task)
        except asyncio.CancelledError:
            current = asyncio.current_task()
            if self._cancelled and (current is None or current.cancelling() == 0):
                raise SignInError(
                    SignInErrorCode.CANCELLED, "The sign-in was cancelled.", "cancelled by the app"
                ) from None
            raise

    def cancel(self) -> None:
        """Stop waiting for the browser and stop the listener."""
        if self._task.done():
            return
        self._cancelled = True
        self._listener.close()
        self._task.cancel()
        log.info("Sign-in on port %d cancelled", self._listener.port)

    async def _run(self) -> Session:
        try:
            try:
                parameters = await asyncio.wait_for(self._listener.callback(), self._timeout)
            except TimeoutError:
                log.warning("Sign-in on port %d timed out after %.0f s", self.port, self._timeout)
                raise SignInError(
                    SignInErrorCode.TIMED_OUT,
                    "The sign-in took too long and was stopped. Start it again.",
                    f"no callback within {self._timeout:.0f} s",
                ) from None

            session = await self._complete(parameters)
            self._listener.respond(success=True)
            return session
        except SignInError as error:
            log.warning("Sign-in failed: %s: %s", error.code, error.detail)
            self._listener.respond(success=False)
            raise
        finally:
            self._listener.close()

    async def _complete(self, parameters: dict[str, str]) -> Session:
        metadata = await self._client.metadata()

        state = parameters.get("state", "")
        if not hmac.compare_digest(state.encode("utf-8"), self._state.encode("utf-8")):
            raise SignInError(
                SignInErrorCode.STATE_MISMATCH,
                "The answer from the browser does not belong to this sign-in, so it was rejected. "
                "Start the sign-in again.",
                "state parameter missing or not the one sent",
            )

        # RFC 9207: the response names its issuer, which protects against mix-up attacks.
        issuer = parameters.get("iss")
        if issuer is None and metadata.authorization_response_iss_parameter_supported:
            raise SignInError(
                SignInErrorCode.ISSUER_MISMATCH,
                "The answer from the browser did not come from the expected sign-in service, "
                "so it was rejected.",
                "iss parameter missing although the provider advertises it",
            )
        if issuer is not None and issuer != metadata.issuer:
            raise SignInError(
                SignInErrorCode.ISSUER_MISMATCH,
                "The answer from the browser did not come from the expected sign-in service, "
                "so it was rejected.",
                f"iss parameter {issuer!r}, expected {metadata.issuer!r}",
            )

        if "error" in parameters:
            raise _provider_error(parameters)

        code = parameters.get("code")
        if not code:
            raise SignInError(
                SignInErrorCode.MISSING_CODE,
                "The sign-in service sent an incomplete answer. Start the sign-in again.",
                "callback has neither code nor error",
            )
        return await self._client.complete_sign_in(
            code,
            redirect_uri=self.redirect_uri,
            code_verifier=self._code_verifier,
            nonce=self._nonce,
        )


class _TokenEndpointError(Exception):
    def __init__(self, status: int, error: str | None, detail: str) -> None:
        super().__init__(f"HTTP {status} {error or ''} {detail}".strip())
        self.status = status
        self.error = error
        self.detail = detail

    def as_sign_in_error(self) -> SignInError:
        return SignInError(
            SignInErrorCode.TOKEN_REQUEST_FAILED,
            "The sign-in service did not complete the sign-in. Try again.",
            f"token endpoint: {self}",
        )


def _provider_error(parameters: dict[str, str]) -> SignInError:
    error = parameters["error"]
    description = _printable(parameters.get("error_description", ""))
    detail = f"provider returned error {error!r}: {description!r}"
    if error == "access_denied":
        return SignInError(
            SignInErrorCode.ACCESS_DENIED,
            "The sign-in was cancelled or refused at the sign-in service.",
            detail,
            provider_description=description or None,
        )
    return SignInError(
        SignInErrorCode.PROVIDER_ERROR,
        "The sign-in service reported an error.",
        detail,
        provider_description=description or None,
    )


def _printable(text: str) -> str:
    cleaned = "".join(character for character in text if character.isprintable())
    return cleaned[:MAX_DESCRIPTION_CHARACTERS]


def _display_name(claims: dict[str, Any]) -> str | None:
    name = claims.get("name")
    if isinstance(name, str) and name:
        return name
    parts = [claims.get("given_name"), claims.get("family_name")]
    joined = " ".join(part for part in parts if isinstance(part, str) and part)
    return joined or None


def _default_http() -> httpx.AsyncClient:
    # The operating system's trust store, so that company TLS inspection certificates work.
    context = truststore.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    return httpx.AsyncClient(timeout=HTTP_TIMEOUT_SECONDS, verify=context)
