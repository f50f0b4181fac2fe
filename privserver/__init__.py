"""Reference server of the Privileges API, with a demo identity provider."""

__version__ = "0.1.0"
