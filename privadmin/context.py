"""The signed-in state handed to the main window."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from privadmin.api_client import PrivilegesClient
from privadmin.config import Environment


@dataclass
class AppContext:
    """The signed-in state the views work with; built by privadmin.app after sign-in."""

    environment: Environment
    client: PrivilegesClient
    # Display name and UUID of the signed-in identity, for the status bar.
    caller_name: str
    caller_identity_id: str | None
    # "da" or "en".
    language: str
    sign_out: Callable[[], Awaitable[None]]
    switch_language: Callable[[str], None]
    # A notice for the main window's banner at start, such as why the sign-in
    # is not remembered (Session.remember_notice), or None.
    notice: str | None = None
