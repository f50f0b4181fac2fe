"""Pytest plugin for tests that need a live privserver with its demo identity provider."""
