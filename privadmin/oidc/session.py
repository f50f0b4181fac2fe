"""The signed-in session: tokens in memory, refreshed through the OidcClient."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from privadmin.api_client import TransportError
from privadmin.oidc.errors import SignInError, SignInErrorCode

if TYPE_CHECKING:
    from privadmin.oidc.client import OidcClient

# Refresh this long before the access token expires, or at half its lifetime if shorter.
REFRESH_MARGIN_SECONDS = 60.0


class Session:
    """A signed-in administrator; implements privadmin.api_client.tokens.TokenSource.

    The access token lives only in memory. The refresh token is in memory and,
    when `remembered` is True, also in the credential store; `remember_notice`
    explains why a session is not remembered.
    """

    def __init__(
        self,
        client: OidcClient,
        *,
        account: str,
        name: str | None,
        claims: dict[str, Any] | None = None,
        remembered: bool = False,
        remember_notice: str | None = None,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self._client = client
        self._clock = clock
        # The key of the session in the credential store: the identity's UUID.
        self.account = account
        self.name = name
        # Claims of the latest ID token; empty after a silent sign-in without one.
        self.claims: dict[str, Any] = dict(claims or {})
        self.remembered = remembered
        self.remember_notice = remember_notice
        self.id_token: str | None = None
        self._access_token: str | None = None
        self._refresh_token: str | None = None
        self._expires_at: float | None = None
        self._lifetime: float | None = None

    @property
    def identity_id(self) -> str | None:
        return self.account or None

    @property
    def signed_in(self) -> bool:
        return self._access_token is not None

    async def access_token(self) -> str:
        """Return the access token, refreshing it first when it expires within the margin.

        Raises SignedOutError when the session has ended, TransportError when the
        sign-in service cannot be reached, and SignInError for other failures.
        """
        if self._access_token is None or self._expires_soon():
            await self._refresh_for_api(lambda: self._access_token is None or self._expires_soon())
        assert self._access_token is not None
        return self._access_token

    async def refreshed_access_token(self, rejected: str) -> str:
        """Return a newer token than `rejected`; refresh only if `rejected` is still the current one."""
        await self._refresh_for_api(lambda: self._access_token in (rejected, None))
        assert self._access_token is not None
        return self._access_token

    async def refresh(self) -> None:
        """Refresh now, e.g. after a refresh whose response was lost; raises as access_token does."""
        await self._refresh_for_api(lambda: True)

    async def _refresh_for_api(self, needed: Callable[[], bool]) -> None:
        # The API client treats its TransportError as "try again later", unlike SignedOutError.
        try:
            await self._client.refresh(self, needed)
        except SignInError as error:
            if error.code is SignInErrorCode.NETWORK:
                raise TransportError(error.message) from error
            raise

    def apply_token_response(self, tokens: dict[str, Any]) -> str | None:
        """Take the tokens of a token response; return the new refresh token if it rotated."""
        self._access_token = str(tokens["access_token"])
        expires_in = tokens.get("expires_in")
        if isinstance(expires_in, int | float) and expires_in > 0:
            self._lifetime = float(expires_in)
            self._expires_at = self._clock() + float(expires_in)
        else:
            # NOTE: without expires_in the token is used until the API rejects it.
            self._lifetime = None
            self._expires_at = None
        if isinstance(tokens.get("id_token"), str):
            self.id_token = tokens["id_token"]

        new_refresh_token = tokens.get("refresh_token")
        if isinstance(new_refresh_token, str) and new_refresh_token != self._refresh_token:
            self._refresh_token = new_refresh_token
            return new_refresh_token
        return None

    def clear(self) -> None:
        """Forget every token held in memory."""
        self._access_token = None
        self._refresh_token = None
        self._expires_at = None
        self.id_token = None

    def _expires_soon(self) -> bool:
        if self._expires_at is None or self._lifetime is None:
            return False
        margin = min(REFRESH_MARGIN_SECONDS, self._lifetime / 2)
        return self._clock() >= self._expires_at - margin

    def __repr__(self) -> str:
        return f"Session(account={self.account!r}, remembered={self.remembered})"
