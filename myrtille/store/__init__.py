"""Relational state (SQLAlchemy): schema, connection and migrations."""
