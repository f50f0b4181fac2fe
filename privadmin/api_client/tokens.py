"""The interface between the API client and whatever supplies access tokens."""

from __future__ import annotations

from typing import Protocol


class TokenSource(Protocol):
    """Supplies bearer tokens to the API client.

    Implemented by the signed-in session (privadmin.oidc) and by the client
    credentials grant of an organization's API client. Implementations refresh
    under one lock, so that many concurrent requests cause one refresh, and
    raise privadmin.api_client.SignedOutError when no token can be had.
    """

    async def access_token(self) -> str:
        """Return a token valid for at least a short while, refreshing first if it is about to expire."""
        ...

    async def refreshed_access_token(self, rejected: str) -> str:
        """Return a newer token than `rejected`, which the server rejected with 401.

        If another caller already refreshed since `rejected` was handed out,
        return that newer token without refreshing again.
        """
        ...
