"""The refresh lock: one refresh per account in this process and across processes."""

from __future__ import annotations

import asyncio
import fcntl
import os
import sys
from pathlib import Path

import pytest

from privadmin.oidc.lock import RefreshLockTimeout, refresh_lock

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="holds the lock with fcntl")


def lock_file(lock_dir: Path) -> Path:
    files = list(lock_dir.glob("refresh-*.lock"))
    assert len(files) == 1
    return files[0]


def test_waits_for_other_process_without_blocking_loop(lock_dir: Path) -> None:
    async def scenario() -> None:
        async with refresh_lock("privadmin/demo|account", lock_dir=lock_dir):
            pass
        # Another process holds the lock: an open file description of its own.
        other = os.open(lock_file(lock_dir), os.O_RDWR)
        fcntl.flock(other, fcntl.LOCK_EX)

        acquired = asyncio.Event()
        ticks = 0

        async def refresher() -> None:
            async with refresh_lock("privadmin/demo|account", lock_dir=lock_dir):
                acquired.set()

        task = asyncio.ensure_future(refresher())
        for _ in range(6):
            await asyncio.sleep(0.05)
            ticks += 1
        assert not acquired.is_set()
        assert ticks == 6

        fcntl.flock(other, fcntl.LOCK_UN)
        os.close(other)
        await asyncio.wait_for(task, 2)
        assert acquired.is_set()

    asyncio.run(scenario())


def test_times_out_when_held(lock_dir: Path) -> None:
    async def scenario() -> None:
        async with refresh_lock("privadmin/demo|account", lock_dir=lock_dir):
            pass
        other = os.open(lock_file(lock_dir), os.O_RDWR)
        fcntl.flock(other, fcntl.LOCK_EX)
        try:
            with pytest.raises(RefreshLockTimeout):
                async with refresh_lock("privadmin/demo|account", lock_dir=lock_dir, timeout=0.2):
                    pass
        finally:
            os.close(other)

    asyncio.run(scenario())


def test_serializes_tasks_of_one_process(lock_dir: Path) -> None:
    async def scenario() -> None:
        inside = 0
        max_inside = 0

        async def worker() -> None:
            nonlocal inside, max_inside
            async with refresh_lock("privadmin/demo|account", lock_dir=lock_dir):
                inside += 1
                max_inside = max(max_inside, inside)
                await asyncio.sleep(0.01)
                inside -= 1

        await asyncio.gather(*(worker() for _ in range(5)))
        assert max_inside == 1

    asyncio.run(scenario())


def test_accounts_do_not_share_lock(lock_dir: Path) -> None:
    async def scenario() -> None:
        first = refresh_lock("privadmin/demo|first", lock_dir=lock_dir)
        second = refresh_lock("privadmin/demo|second", lock_dir=lock_dir, timeout=0.2)
        async with first, second:
            pass

    asyncio.run(scenario())


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="XDG_RUNTIME_DIR is Linux's")
def test_default_dir_is_runtime_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(tmp_path))

    async def scenario() -> None:
        async with refresh_lock("privadmin/demo|account"):
            pass

    asyncio.run(scenario())
    assert len(list((tmp_path / "privadmin").glob("refresh-*.lock"))) == 1
