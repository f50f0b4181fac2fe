"""Settings of privadmin: environments and the layered configuration."""

from privadmin.config.environment import (
    DEFAULT_SCOPES,
    PRIVILEGE_API_AUDIENCE,
    AuthMode,
    Environment,
)

__all__ = ["DEFAULT_SCOPES", "PRIVILEGE_API_AUDIENCE", "AuthMode", "Environment"]
