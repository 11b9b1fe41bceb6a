"""Checks run by ``make lint`` beyond ruff: import-linter contracts of our own."""
