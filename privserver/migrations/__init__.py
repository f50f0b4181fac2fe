"""Alembic migrations of the privserver schema."""
