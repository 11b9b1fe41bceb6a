""" "Did you mean": the closest known name to a misspelt one, for configuration keys and
query fields alike, so both kinds of typo are answered the same way."""

from __future__ import annotations

import difflib
from collections.abc import Iterable


def closest(word: str, known: Iterable[str]) -> str | None:
    """The known name ``word`` most likely misspells, or None when none is close."""
    matches = difflib.get_close_matches(word, list(known), n=1)
    return matches[0] if matches else None
