"""The HTTP API of privserver under /api/v1 (FastAPI)."""
