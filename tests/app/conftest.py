"""Fixtures of the app-shell tests: isolated configuration, data and log folders."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication

from .helpers import Browser
from .memory_keyring import MemoryKeyring


@pytest.fixture
def isolated_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[dict[str, Path]]:
    """Point the managed file, the user's file and platformdirs' folders into tmp_path."""
    managed = tmp_path / "managed" / "config.toml"
    user = tmp_path / "user" / "config.toml"
    monkeypatch.setenv("PRIVADMIN_MANAGED_CONFIG", str(managed))
    monkeypatch.setenv("PRIVADMIN_USER_CONFIG", str(user))
    for variable, folder in (("XDG_CONFIG_HOME", "config"), ("XDG_DATA_HOME", "data"),
                             ("XDG_STATE_HOME", "state"), ("XDG_CACHE_HOME", "cache")):
        monkeypatch.setenv(variable, str(tmp_path / folder))
    for variable in list(os.environ):
        if variable.startswith("PRIVADMIN_") and variable not in ("PRIVADMIN_MANAGED_CONFIG", "PRIVADMIN_USER_CONFIG",
                                                                  "PRIVADMIN_TEST_FROZEN"):
            monkeypatch.delenv(variable)
    yield {"managed": managed, "user": user, "root": tmp_path}


@pytest.fixture
def browser() -> Browser:
    handler = Browser()
    QDesktopServices.setUrlHandler("http", handler, "open")
    yield handler
    QDesktopServices.unsetUrlHandler("http")


@pytest.fixture
def keep_running(qapp: QApplication) -> None:
    # The shell closes its windows between runs; the test's event loop must outlive that.
    qapp.setQuitOnLastWindowClosed(False)
    yield
    qapp.setQuitOnLastWindowClosed(True)


@pytest.fixture
def memory_keyring() -> MemoryKeyring:
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    MemoryKeyring.entries.clear()
    keyring.set_keyring(backend)
    yield backend
    MemoryKeyring.entries.clear()
    keyring.set_keyring(previous)


def subprocess_env(root: Path, **extra: str) -> dict[str, str]:
    """Environment for running privadmin in a subprocess with its files under `root`, offscreen."""
    env = {key: value for key, value in os.environ.items() if not key.startswith("PRIVADMIN_")}
    env.update({
        "QT_QPA_PLATFORM": "offscreen",
        "PRIVADMIN_MANAGED_CONFIG": str(root / "managed.toml"),
        "PRIVADMIN_USER_CONFIG": str(root / "user.toml"),
        "XDG_CONFIG_HOME": str(root / "config"),
        "XDG_DATA_HOME": str(root / "data"),
        "XDG_STATE_HOME": str(root / "state"),
        "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
    })
    env.update(extra)
    return env
