"""Settings of privserver, read from arguments and PRIVSERVER_* environment variables."""

from __future__ import annotations

from pydantic_settings import BaseSettings, SettingsConfigDict

DEFAULT_AUDIENCE = "https://netseidbroker.dk/privilegeapi"


class Settings(BaseSettings):
    """Configuration of one privserver process."""

    model_config = SettingsConfigDict(env_prefix="PRIVSERVER_", extra="ignore")

    # SQLAlchemy URL: sqlite:///path.sqlite, or postgresql+psycopg://user@host/db.
    database_url: str = "sqlite:///privserver.sqlite"
    # The OpenID Connect issuer whose access tokens the API trusts.
    issuer: str | None = None
    # The `aud` every access token must carry.
    audience: str = DEFAULT_AUDIENCE
    # The URL clients reach the server at, e.g. http://127.0.0.1:8765; set when serving.
    public_base_url: str | None = None
    # Leeway in seconds for exp and nbf, for clocks that drift a little.
    token_leeway_seconds: int = 30
    # Requests a minute allowed per caller (429 with Retry-After above it); None: no limit.
    rate_limit_per_minute: int | None = None
