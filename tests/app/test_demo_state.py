"""The demo's kept state: one port across runs, a new one only when it is taken, and --reset-demo."""

from __future__ import annotations

import json
import socket
from pathlib import Path

import pytest

from privadmin.demo import STATE_FILE, DemoLauncher, DemoState, demo_dir


def test_port_kept_across_runs(tmp_path: Path) -> None:
    first = DemoLauncher(tmp_path / "demo").prepare_state()
    second = DemoLauncher(tmp_path / "demo").prepare_state()
    assert 1024 <= first.port <= 65535
    assert second.port == first.port
    saved = json.loads((tmp_path / "demo" / STATE_FILE).read_text(encoding="utf-8"))
    assert saved["port"] == first.port
    assert saved["seeded"] is False


def test_taken_port_replaced(tmp_path: Path) -> None:
    state = DemoLauncher(tmp_path / "demo").prepare_state()
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as holder:
        holder.bind(("127.0.0.1", state.port))
        holder.listen()
        moved = DemoLauncher(tmp_path / "demo").prepare_state()
    assert moved.port != state.port
    assert DemoState.load(tmp_path / "demo").port == moved.port  # type: ignore[union-attr]


def test_missing_database_reseeds(tmp_path: Path) -> None:
    directory = tmp_path / "demo"
    DemoState(port=40000, seeded=True).save(directory)
    state = DemoLauncher(directory).prepare_state()
    assert state.seeded is False


@pytest.mark.parametrize("content", ["not json", '{"port": 5}', '{"port": 40000, "version": 99}', '{"colour": 1}'])
def test_unreadable_state_starts_afresh(tmp_path: Path, content: str) -> None:
    directory = tmp_path / "demo"
    directory.mkdir()
    (directory / STATE_FILE).write_text(content, encoding="utf-8")
    assert DemoState.load(directory) is None
    assert DemoLauncher(directory).prepare_state().port >= 1024


def test_reset_deletes_data(tmp_path: Path) -> None:
    launcher = DemoLauncher(tmp_path / "demo")
    launcher.prepare_state()
    launcher.database_path.write_bytes(b"sqlite")
    launcher.reset()
    assert not (tmp_path / "demo").exists()


def test_demo_dir_in_user_data(isolated_dirs: dict[str, Path]) -> None:
    assert demo_dir() == isolated_dirs["root"] / "data" / "privadmin" / "demo"


def test_second_demo_rejected(tmp_path: Path) -> None:
    from privadmin.demo import DemoStartError, InstanceLock

    first = InstanceLock(tmp_path / "demo")
    first.acquire()
    second = InstanceLock(tmp_path / "demo")
    with pytest.raises(DemoStartError, match="already running"):
        second.acquire()

    first.release()
    second.acquire()
    assert second.held
    second.release()


def test_reset_keeps_held_lock(tmp_path: Path) -> None:
    from privadmin.demo import LOCK_FILE

    launcher = DemoLauncher(tmp_path / "demo")
    launcher.instance_lock.acquire()
    launcher.prepare_state()
    launcher.database_path.write_bytes(b"sqlite")
    launcher.reset()

    remaining = [entry.name for entry in (tmp_path / "demo").iterdir()]
    assert remaining == [LOCK_FILE]
    launcher.stop()
    assert not launcher.instance_lock.held
