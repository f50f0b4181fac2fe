"""Errors of the sign-in, each with a user-readable message and a technical detail for the log."""

from __future__ import annotations

import enum

from privadmin.api_client import SignedOutError

__all__ = ["SignInError", "SignInErrorCode", "SignedOutError"]


class SignInErrorCode(enum.StrEnum):
    """The kind of failure, so that a view can show its own translation of the message."""

    CONFIGURATION = "configuration"
    DISCOVERY_FAILED = "discovery_failed"
    NETWORK = "network"
    LISTENER_FAILED = "listener_failed"
    PROVIDER_ERROR = "provider_error"
    ACCESS_DENIED = "access_denied"
    STATE_MISMATCH = "state_mismatch"
    ISSUER_MISMATCH = "issuer_mismatch"
    MISSING_CODE = "missing_code"
    TOKEN_REQUEST_FAILED = "token_request_failed"
    INVALID_ID_TOKEN = "invalid_id_token"
    TIMED_OUT = "timed_out"
    CANCELLED = "cancelled"
    REFRESH_LOCK_TIMED_OUT = "refresh_lock_timed_out"


class SignInError(Exception):
    """A sign-in or refresh that failed.

    `message` is English source text for the user; a view translates it by
    `code`. `detail` is technical text for the log and never contains a token.
    `provider_description` is the provider's own error_description, if any,
    which a view shows as it is.
    """

    def __init__(
        self,
        code: SignInErrorCode,
        message: str,
        detail: str = "",
        *,
        provider_description: str | None = None,
    ) -> None:
        super().__init__(f"{message} ({detail})" if detail else message)
        self.code = code
        self.message = message
        self.detail = detail
        self.provider_description = provider_description
