"""The token bucket behind the per-caller rate limit."""

from __future__ import annotations

import pytest

from privserver.api.ratelimit import RateLimiter, retry_after_header


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_bucket_refills_over_time() -> None:
    clock = Clock()
    limiter = RateLimiter(60, clock=clock)

    assert [limiter.acquire("a") for _ in range(60)] == [None] * 60
    wait = limiter.acquire("a")
    assert wait == pytest.approx(1.0)
    clock.now += 1.0
    assert limiter.acquire("a") is None
    assert limiter.acquire("b") is None


def test_retry_after_whole_seconds() -> None:
    assert retry_after_header(0.2) == "1"
    assert retry_after_header(2.01) == "3"


def test_limit_must_be_positive() -> None:
    with pytest.raises(ValueError, match="at least 1"):
        RateLimiter(0)
