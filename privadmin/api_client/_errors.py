"""The exception hierarchy of the API client, and the mapping from problem+json to it."""

from __future__ import annotations

import datetime as dt
import email.utils
from typing import Any


class ApiError(Exception):
    """Base of every error the API client raises; catch it to handle them all."""

    def __init__(self, message: str, *, request_id: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        # The X-Request-ID sent with the request that failed, for support logs.
        self.request_id = request_id


class SignedOutError(ApiError):
    """No access token can be had any more: the caller must sign in again.

    Raised by token sources when a refresh is rejected, and by BearerAuth when
    refreshing after a 401 fails.
    """


class TransportError(ApiError):
    """The request did not get an HTTP response: connection failure, dropped connection or timeout."""


class ProtocolError(ApiError):
    """The server returned a response the client cannot use: invalid JSON, a missing field, a wrong type."""


class ProblemError(ApiError):
    """The server returned an error status, described by an RFC 9457 problem document.

    `errors` maps each invalid field (for batches, each invalid item) to its
    messages; it is empty when the server sent none.
    """

    def __init__(
        self,
        status: int,
        title: str,
        detail: str | None = None,
        *,
        type: str = "about:blank",
        errors: dict[str, list[str]] | None = None,
        request_id: str | None = None,
    ) -> None:
        self.status = status
        self.title = title
        self.detail = detail
        self.type = type
        self.errors: dict[str, list[str]] = errors or {}
        message = f"{status} {title}"
        if detail:
            message += f": {detail}"
        super().__init__(message, request_id=request_id)


class BadRequestError(ProblemError):
    """400: the server could not read the request."""


class AuthenticationError(ProblemError):
    """401 that refreshing the token did not cure: the token is missing, invalid or lacks the scope."""


class ForbiddenError(ProblemError):
    """403: the caller lacks the role for this organization, or the action is not allowed."""


class NotFoundError(ProblemError):
    """404: the organization, identity, privilege or assignment does not exist."""


class ConflictError(ProblemError):
    """409: the change conflicts with the current state, e.g. removing the last AdministratorManager."""


class PreconditionFailedError(ProblemError):
    """412: the If-Match ETag is stale; read the privilege again and reapply the change."""


class PayloadTooLargeError(ProblemError):
    """413: too many items in one request."""


class ValidationError(ProblemError):
    """422: invalid values; `errors` lists the messages per field or item."""


class RateLimitedError(ProblemError):
    """429: too many requests; `retry_after` is the server's requested wait in seconds, when it sent one."""

    def __init__(self, *args: Any, retry_after: float | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.retry_after = retry_after


class ServerError(ProblemError):
    """5xx: the server failed; the request may be retried later."""


_ERROR_BY_STATUS: dict[int, type[ProblemError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    403: ForbiddenError,
    404: NotFoundError,
    409: ConflictError,
    412: PreconditionFailedError,
    413: PayloadTooLargeError,
    422: ValidationError,
    429: RateLimitedError,
}


def problem_error_class(status: int) -> type[ProblemError]:
    """Return the ProblemError subclass for an HTTP error status."""
    if status in _ERROR_BY_STATUS:
        return _ERROR_BY_STATUS[status]
    if status >= 500:
        return ServerError
    return ProblemError


def parse_retry_after(value: str | None, *, now: dt.datetime | None = None) -> float | None:
    """Parse a Retry-After header (delta-seconds or HTTP-date) into seconds; None when absent or invalid."""
    if value is None:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.UTC)
    now = now or dt.datetime.now(dt.UTC)
    return max(0.0, (when - now).total_seconds())
