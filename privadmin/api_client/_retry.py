"""Retries with exponential backoff and jitter, for requests that are safe to repeat."""

from __future__ import annotations

import asyncio
import logging
import random
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field

import httpx

from privadmin.api_client._errors import TransportError, parse_retry_after

log = logging.getLogger("privadmin.api_client")

# Failures before the request reached the server: repeating cannot apply it twice.
_NOT_SENT = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout)
# Failures after the request may have reached the server: it may have been applied.
_MAYBE_APPLIED = (
    httpx.ReadTimeout,
    httpx.WriteTimeout,
    httpx.ReadError,
    httpx.WriteError,
    httpx.RemoteProtocolError,
)
RETRY_STATUSES = frozenset({429, 503})


@dataclass(frozen=True)
class RetryPolicy:
    """How often and how long to retry; `sleep` and `random` are injectable so tests need not wait."""

    # Total attempts, the first included.
    attempts: int = 4
    # Seconds before the first retry; doubled for each further retry, up to max_delay.
    base_delay: float = 0.5
    max_delay: float = 8.0
    # A Retry-After longer than this many seconds is not waited for: the error is raised
    # at once and carries the server's wait.
    max_retry_after: float = 30.0
    sleep: Callable[[float], Awaitable[None]] = field(default=asyncio.sleep, compare=False)
    random: Callable[[], float] = field(default=random.random, compare=False)

    def __post_init__(self) -> None:
        if self.attempts < 1:
            raise ValueError(f"attempts must be at least 1, got {self.attempts}")

    def backoff(self, retry: int) -> float:
        """Return the wait before retry number `retry` (1 for the first): half fixed, half jitter."""
        ceiling = min(self.max_delay, self.base_delay * 2.0 ** (retry - 1))
        return ceiling / 2 + self.random() * ceiling / 2


@dataclass(frozen=True)
class Exchange:
    """The final response of a request, and whether an earlier attempt may have been applied."""

    response: httpx.Response
    earlier_attempt_may_have_applied: bool


async def send_with_retries(
    send: Callable[[], Awaitable[httpx.Response]],
    *,
    retry: bool,
    policy: RetryPolicy,
    method: str,
    path: str,
    request_id: str,
    timeout: float,
) -> Exchange:
    """Send a request, retrying it when `retry` is set and the failure is transient.

    Transient: connection errors and timeouts, 503, and 429. A response with
    any other status is returned as it is, and so is the last 429 or 503.
    Transport failures that remain are raised as TransportError.
    """
    maybe_applied = False
    attempt = 1
    while True:
        try:
            response = await send()
        except httpx.TransportError as error:
            reason = _describe(error, timeout)
            retryable = retry and isinstance(error, _NOT_SENT + _MAYBE_APPLIED)
            if not retryable or attempt >= policy.attempts:
                log.warning(
                    "%s %s failed (request %s, attempt %d): %s", method, path, request_id, attempt, reason
                )
                raise TransportError(
                    f"{method} {path} failed after {attempt} attempt(s): {reason}", request_id=request_id
                ) from error
            if isinstance(error, _MAYBE_APPLIED):
                maybe_applied = True
            delay = policy.backoff(attempt)
        else:
            if response.status_code not in RETRY_STATUSES or not retry or attempt >= policy.attempts:
                return Exchange(response, maybe_applied)
            reason = f"HTTP {response.status_code}"
            retry_after = parse_retry_after(response.headers.get("Retry-After"))
            if retry_after is not None and retry_after > policy.max_retry_after:
                log.warning(
                    "%s %s: server asks to wait %.0f s (request %s), more than %.0f s; not retrying",
                    method, path, retry_after, request_id, policy.max_retry_after,
                )
                return Exchange(response, maybe_applied)
            delay = retry_after if retry_after is not None else policy.backoff(attempt)

        log.info(
            "Retrying %s %s in %.2f s (request %s, attempt %d of %d): %s",
            method, path, delay, request_id, attempt + 1, policy.attempts, reason,
        )
        await policy.sleep(delay)
        attempt += 1


def _describe(error: httpx.TransportError, timeout: float) -> str:
    if isinstance(error, httpx.TimeoutException):
        return f"timed out after {timeout:g} s ({type(error).__name__})"
    detail = str(error) or type(error).__name__
    return f"{type(error).__name__}: {detail}"
