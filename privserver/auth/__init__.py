"""Authentication of API callers: access token validation and JWKS sources."""
