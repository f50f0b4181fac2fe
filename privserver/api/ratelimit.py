"""A per-caller request rate limit (token bucket), answered with 429 and Retry-After."""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Callable

# Above this many callers, buckets that have refilled completely are dropped.
MAX_TRACKED_CALLERS = 10_000


class RateLimiter:
    """Allows each caller `per_minute` requests a minute, in bursts of up to that many."""

    def __init__(self, per_minute: int, *, clock: Callable[[], float] = time.monotonic) -> None:
        if per_minute < 1:
            raise ValueError(
                f"a rate limit must allow at least 1 request a minute, not {per_minute}"
            )
        self.capacity = float(per_minute)
        self.refill_per_second = per_minute / 60.0
        self._clock = clock
        self._buckets: dict[str, tuple[float, float]] = {}
        self._lock = threading.Lock()

    def acquire(self, caller_key: str) -> float | None:
        """Take one request for the caller; return None, or the seconds to wait when limited."""
        with self._lock:
            now = self._clock()
            tokens, updated = self._buckets.get(caller_key, (self.capacity, now))
            tokens = min(self.capacity, tokens + (now - updated) * self.refill_per_second)
            if tokens < 1.0:
                self._buckets[caller_key] = (tokens, now)
                return (1.0 - tokens) / self.refill_per_second
            self._buckets[caller_key] = (tokens - 1.0, now)
            if len(self._buckets) > MAX_TRACKED_CALLERS:
                self._forget_idle(now)
            return None

    def _forget_idle(self, now: float) -> None:
        idle = [
            key
            for key, (tokens, updated) in self._buckets.items()
            if tokens + (now - updated) * self.refill_per_second >= self.capacity
        ]
        for key in idle:
            del self._buckets[key]


def retry_after_header(seconds: float) -> str:
    """Return a Retry-After value: whole seconds, at least 1."""
    return str(max(1, math.ceil(seconds)))
