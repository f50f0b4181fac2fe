"""The refresh token in the operating system's credential store, through keyring."""

from __future__ import annotations

import hashlib
import json
import logging
from dataclasses import dataclass

import keyring
import keyring.backends.fail
import keyring.errors
from keyring.backend import KeyringBackend

log = logging.getLogger("privadmin.oidc")

# Windows Credential Manager stores at most 2560 bytes per entry, i.e. 1280 UTF-16
# code units. Refresh tokens are ASCII, so one character is one code unit; parts
# stay below the limit with room to spare.
PART_CHARACTERS = 1200
_HEADER_PREFIX = "privadmin-refresh-token:v1:"
# The account of the entry that names the last signed-in identity.
LAST_ACCOUNT = "last-account"


@dataclass(frozen=True)
class RememberedIdentity:
    """The last signed-in identity, as recorded in the pointer entry."""

    account: str
    name: str | None = None


class SessionStore:
    """Keeps refresh tokens in the credential store under service "privadmin/<environment key>".

    Each account (the identity's UUID) has a header entry and numbered parts
    "<account>#1", "<account>#2", ..., so that a token longer than one entry
    allows still fits. Every method catches any error of the backend, since each
    backend raises its own types, and logs it: `save` returns False, `load` returns None.
    """

    def __init__(self, environment_key: str, *, backend: KeyringBackend | None = None) -> None:
        if not environment_key:
            raise ValueError("environment_key is empty; pass the Environment.key, e.g. 'demo'")
        self.service = f"privadmin/{environment_key}"
        self._backend = backend

    @property
    def backend(self) -> KeyringBackend:
        return self._backend if self._backend is not None else keyring.get_keyring()

    @property
    def available(self) -> bool:
        """False when no credential store exists, so sessions cannot be remembered."""
        try:
            backend = self.backend
        except Exception as error:  # noqa: BLE001 (keyring may raise anything choosing a backend)
            log.warning("No credential store: choosing a keyring backend failed: %r", error)
            return False
        return not isinstance(backend, keyring.backends.fail.Keyring)

    def save(self, account: str, refresh_token: str, *, name: str | None = None) -> bool:
        """Store the refresh token of `account` and make it the last account; False on failure."""
        if not self.available:
            return False
        parts = [
            refresh_token[start : start + PART_CHARACTERS]
            for start in range(0, len(refresh_token), PART_CHARACTERS)
        ] or [""]
        try:
            old_count = self._part_count(account)
            for number, part in enumerate(parts, start=1):
                self.backend.set_password(self.service, f"{account}#{number}", part)
            self.backend.set_password(self.service, account, _header(len(parts), refresh_token))
            for number in range(len(parts) + 1, old_count + 1):
                self._delete_entry(f"{account}#{number}")
            pointer = json.dumps({"account": account, "name": name})
            self.backend.set_password(self.service, LAST_ACCOUNT, pointer)
        except Exception as error:  # noqa: BLE001 (each keyring backend has its own errors)
            log.warning(
                "Could not store the refresh token of %s in %s: %r", account, self.service, error
            )
            self.delete(account)
            return False
        log.info("Stored the refresh token of %s in %d part(s)", account, len(parts))
        return True

    def load(self, account: str) -> str | None:
        """Return the stored refresh token of `account`, or None if there is none or it is damaged."""
        try:
            header = self.backend.get_password(self.service, account)
            if header is None:
                return None
            count, digest = _parse_header(header)
            parts = [
                self.backend.get_password(self.service, f"{account}#{number}")
                for number in range(1, count + 1)
            ]
        except Exception as error:  # noqa: BLE001
            log.warning("Could not read the refresh token of %s: %r", account, error)
            return None

        if any(part is None for part in parts):
            log.warning("The stored refresh token of %s is missing parts", account)
            return None
        refresh_token = "".join(part for part in parts if part is not None)
        if _digest(refresh_token) != digest:
            log.warning("The stored refresh token of %s does not match its header", account)
            return None
        return refresh_token

    def delete(self, account: str) -> None:
        """Remove every entry of `account`, and the last-account pointer if it names `account`."""
        try:
            count = self._part_count(account)
        except Exception as error:  # noqa: BLE001
            log.warning("Could not read the entries of %s: %r", account, error)
            count = 0
        for number in range(1, count + 1):
            self._delete_entry(f"{account}#{number}")
        self._delete_entry(account)
        last = self.last_identity()
        if last is not None and last.account == account:
            self._delete_entry(LAST_ACCOUNT)
        log.info("Removed the stored session of %s", account)

    def last_identity(self) -> RememberedIdentity | None:
        """Return the identity that signed in last, or None."""
        try:
            pointer = self.backend.get_password(self.service, LAST_ACCOUNT)
        except Exception as error:  # noqa: BLE001
            log.warning("Could not read the last account: %r", error)
            return None
        if pointer is None:
            return None
        try:
            document = json.loads(pointer)
            return RememberedIdentity(account=str(document["account"]), name=document.get("name"))
        except (ValueError, KeyError, TypeError):
            log.warning("The last-account entry in %s is damaged", self.service)
            return None

    def _part_count(self, account: str) -> int:
        header = self.backend.get_password(self.service, account)
        if header is None:
            return 0
        try:
            return _parse_header(header)[0]
        except ValueError:
            return 0

    def _delete_entry(self, account: str) -> None:
        try:
            self.backend.delete_password(self.service, account)
        except keyring.errors.PasswordDeleteError:
            pass
        except Exception as error:  # noqa: BLE001
            log.warning("Could not delete credential %s/%s: %r", self.service, account, error)


def _digest(refresh_token: str) -> str:
    # Detects parts from two different writes; a truncated hash reveals nothing usable.
    return hashlib.sha256(refresh_token.encode("utf-8")).hexdigest()[:16]


def _header(count: int, refresh_token: str) -> str:
    return f"{_HEADER_PREFIX}{count}:{_digest(refresh_token)}"


def _parse_header(header: str) -> tuple[int, str]:
    if not header.startswith(_HEADER_PREFIX):
        raise ValueError("not a privadmin refresh-token header")
    count, _, digest = header[len(_HEADER_PREFIX) :].partition(":")
    return int(count), digest
