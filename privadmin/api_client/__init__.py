"""Async client of the Privileges API (no Qt): typed methods, token handling, retries and batches."""

from privadmin.api_client._adapter import MAX_BATCH_ITEMS, MAX_PAGE_SIZE
from privadmin.api_client._auth import BearerAuth, StaticTokenSource
from privadmin.api_client._batch import BatchCancelled, BatchItems, BatchRun
from privadmin.api_client._client import PrivilegesClient
from privadmin.api_client._credentials import (
    ClientCredentialsTokenSource,
    CredentialStoreUnavailableError,
    delete_api_client_secret,
    discover_token_endpoint,
    load_api_client_secret,
    store_api_client_secret,
)
from privadmin.api_client._errors import (
    ApiError,
    AuthenticationError,
    BadRequestError,
    ConflictError,
    ForbiddenError,
    NotFoundError,
    PayloadTooLargeError,
    PreconditionFailedError,
    ProblemError,
    ProtocolError,
    RateLimitedError,
    ServerError,
    SignedOutError,
    TransportError,
    ValidationError,
)
from privadmin.api_client._retry import RetryPolicy
from privadmin.api_client._transport import default_user_agent, system_ssl_context
from privadmin.api_client.tokens import TokenSource

__all__ = [
    "MAX_BATCH_ITEMS",
    "MAX_PAGE_SIZE",
    "ApiError",
    "AuthenticationError",
    "BadRequestError",
    "BatchCancelled",
    "BatchItems",
    "BatchRun",
    "BearerAuth",
    "ClientCredentialsTokenSource",
    "ConflictError",
    "CredentialStoreUnavailableError",
    "ForbiddenError",
    "NotFoundError",
    "PayloadTooLargeError",
    "PreconditionFailedError",
    "PrivilegesClient",
    "ProblemError",
    "ProtocolError",
    "RateLimitedError",
    "RetryPolicy",
    "ServerError",
    "SignedOutError",
    "StaticTokenSource",
    "TokenSource",
    "TransportError",
    "ValidationError",
    "default_user_agent",
    "delete_api_client_secret",
    "discover_token_endpoint",
    "load_api_client_secret",
    "store_api_client_secret",
    "system_ssl_context",
]
