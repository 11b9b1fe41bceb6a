"""Myrtille."""
