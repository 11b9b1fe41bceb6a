"""Web commands: serve, users (filled in with the API)."""
