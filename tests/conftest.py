"""Shared pytest set-up: the live-server fixtures come from privserver.testing."""

pytest_plugins = ["privserver.testing"]
