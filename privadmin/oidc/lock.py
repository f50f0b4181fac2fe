"""One refresh at a time per account: an asyncio lock in this process and a file lock across processes."""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import logging
import os
import sys
import time
import weakref
from collections.abc import AsyncIterator
from pathlib import Path

import platformdirs

log = logging.getLogger("privadmin.oidc")

# How often a held file lock is tried again, and how long to try before giving up.
POLL_SECONDS = 0.05
DEFAULT_TIMEOUT_SECONDS = 60.0

# Per event loop, so that tests and apps with several loops never share an asyncio.Lock.
_process_locks: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, dict[str, asyncio.Lock]] = (
    weakref.WeakKeyDictionary()
)


def default_lock_dir() -> Path:
    """Return the user's runtime directory for privadmin, or its cache directory where there is none."""
    for candidate in (platformdirs.user_runtime_path, platformdirs.user_cache_path):
        try:
            path = candidate("privadmin", ensure_exists=True)
        except OSError:
            continue
        return path
    raise OSError("Neither a runtime nor a cache directory could be created for privadmin")


class RefreshLockTimeout(Exception):
    """Another process held the refresh lock for longer than the timeout."""


@contextlib.asynccontextmanager
async def refresh_lock(
    key: str, *, lock_dir: Path | None = None, timeout: float = DEFAULT_TIMEOUT_SECONDS
) -> AsyncIterator[None]:
    """Hold the refresh lock of `key` (service and account) in this process and across processes.

    The file lock is tried without blocking and retried on the event loop, so the
    loop keeps running while another instance of the app refreshes.
    """
    loop = asyncio.get_running_loop()
    locks = _process_locks.setdefault(loop, {})
    process_lock = locks.setdefault(key, asyncio.Lock())

    async with process_lock:
        directory = lock_dir if lock_dir is not None else default_lock_dir()
        name = hashlib.sha256(key.encode("utf-8")).hexdigest()[:24]
        path = directory / f"refresh-{name}.lock"
        descriptor = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            deadline = time.monotonic() + timeout
            while not _try_lock(descriptor):
                if time.monotonic() > deadline:
                    raise RefreshLockTimeout(f"refresh lock {path} held for over {timeout:.0f} s")
                await asyncio.sleep(POLL_SECONDS)
            try:
                yield
            finally:
                _unlock(descriptor)
        finally:
            os.close(descriptor)


if sys.platform == "win32":
    import msvcrt

    def _try_lock(descriptor: int) -> bool:
        # NOTE: written to the msvcrt documentation but not run on Windows yet.
        try:
            os.lseek(descriptor, 0, os.SEEK_SET)
            msvcrt.locking(descriptor, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _unlock(descriptor: int) -> None:
        os.lseek(descriptor, 0, os.SEEK_SET)
        msvcrt.locking(descriptor, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _try_lock(descriptor: int) -> bool:
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    def _unlock(descriptor: int) -> None:
        fcntl.flock(descriptor, fcntl.LOCK_UN)
