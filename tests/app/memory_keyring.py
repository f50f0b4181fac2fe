"""A keyring backend that keeps entries in memory: a real backend for tests, writing nothing to disk."""

from __future__ import annotations

from typing import ClassVar

import keyring.backend
import keyring.errors


class MemoryKeyring(keyring.backend.KeyringBackend):
    """Entries live in the class, so every instance in one process shares them."""

    priority = 1  # type: ignore[assignment]
    entries: ClassVar[dict[tuple[str, str], str]] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.entries.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.entries[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if (service, username) not in self.entries:
            raise keyring.errors.PasswordDeleteError(f"no entry for {service}/{username}")
        del self.entries[(service, username)]
