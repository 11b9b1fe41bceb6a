"""The web side: the REST API (/api/v1) and, later, the web UI."""
