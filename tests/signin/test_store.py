"""The session store in keyring: long refresh tokens, damaged entries and missing backends."""

from __future__ import annotations

import secrets

import keyring.backends.fail
import keyring.errors
import pytest

from privadmin.oidc import SessionStore
from privadmin.oidc.store import LAST_ACCOUNT
from tests.signin.conftest import WINDOWS_MAX_CHARACTERS, BrokenKeyring, MemoryKeyring

ACCOUNT = "6a1f2c4e-0a8e-4f5e-9d37-2b1c0e4f9a11"


def long_token(characters: int) -> str:
    return secrets.token_urlsafe(characters)[:characters]


def test_long_token_split_under_windows_limit() -> None:
    backend = MemoryKeyring(max_characters=WINDOWS_MAX_CHARACTERS)
    store = SessionStore("demo", backend=backend)
    token = long_token(3000)

    assert store.save(ACCOUNT, token, name="Anna Jensen")

    assert store.load(ACCOUNT) == token
    assert all(len(value) <= WINDOWS_MAX_CHARACTERS for value in backend.entries.values())
    accounts = {account for service, account in backend.entries if service == "privadmin/demo"}
    assert accounts == {ACCOUNT, f"{ACCOUNT}#1", f"{ACCOUNT}#2", f"{ACCOUNT}#3", LAST_ACCOUNT}
    last = store.last_identity()
    assert last is not None
    assert last.account == ACCOUNT
    assert last.name == "Anna Jensen"


def test_whole_token_too_long_for_one_entry() -> None:
    backend = MemoryKeyring(max_characters=WINDOWS_MAX_CHARACTERS)
    token = long_token(3000)
    with pytest.raises(keyring.errors.PasswordSetError):
        backend.set_password("privadmin/demo", "probe", token)


def test_delete_removes_every_part() -> None:
    backend = MemoryKeyring(max_characters=WINDOWS_MAX_CHARACTERS)
    store = SessionStore("demo", backend=backend)
    store.save(ACCOUNT, long_token(3000))

    store.delete(ACCOUNT)

    assert backend.entries == {}
    assert store.load(ACCOUNT) is None
    assert store.last_identity() is None


def test_shorter_token_removes_surplus_parts() -> None:
    backend = MemoryKeyring(max_characters=WINDOWS_MAX_CHARACTERS)
    store = SessionStore("demo", backend=backend)
    store.save(ACCOUNT, long_token(3000))

    store.save(ACCOUNT, "short-refresh-token")

    assert store.load(ACCOUNT) == "short-refresh-token"
    assert (store.service, f"{ACCOUNT}#2") not in backend.entries
    assert (store.service, f"{ACCOUNT}#3") not in backend.entries


def test_damaged_part_loads_nothing() -> None:
    backend = MemoryKeyring()
    store = SessionStore("demo", backend=backend)
    store.save(ACCOUNT, long_token(3000))
    backend.entries[(store.service, f"{ACCOUNT}#2")] = "x" * 1200

    assert store.load(ACCOUNT) is None


def test_missing_part_loads_nothing() -> None:
    backend = MemoryKeyring()
    store = SessionStore("demo", backend=backend)
    store.save(ACCOUNT, long_token(3000))
    del backend.entries[(store.service, f"{ACCOUNT}#3")]

    assert store.load(ACCOUNT) is None


def test_environments_kept_apart() -> None:
    backend = MemoryKeyring()
    SessionStore("demo", backend=backend).save(ACCOUNT, "demo-token")

    assert SessionStore("preproduction", backend=backend).load(ACCOUNT) is None
    assert SessionStore("preproduction", backend=backend).last_identity() is None


def test_fail_backend_unavailable() -> None:
    store = SessionStore("demo", backend=keyring.backends.fail.Keyring())

    assert not store.available
    assert not store.save(ACCOUNT, "refresh-token")
    assert store.load(ACCOUNT) is None
    assert store.last_identity() is None


def test_failing_backend_save_returns_false() -> None:
    store = SessionStore("demo", backend=BrokenKeyring())

    assert store.available
    assert not store.save(ACCOUNT, "refresh-token")
    assert store.load(ACCOUNT) is None


def test_empty_environment_key_rejected() -> None:
    with pytest.raises(ValueError, match="environment_key"):
        SessionStore("")
