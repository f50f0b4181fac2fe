"""Database schema, engines and sessions of privserver."""
