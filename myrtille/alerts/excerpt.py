"""Shortening text for a reader: cut at a word boundary and say so with an ellipsis."""

from __future__ import annotations

ELLIPSIS = "…"
# Punctuation that reads badly right before the ellipsis ("production,…").
_TRAILING = " \t\n,;:.-–—"


def excerpt(text: str, limit: int) -> str:
    """``text`` if it fits in ``limit`` characters, else its longest run of whole words
    that fits with "…" after it. A single word longer than half the limit (a URL, a
    token) is cut where it must be rather than dropping most of the text."""
    if len(text) <= limit:
        return text
    room = max(limit - len(ELLIPSIS), 0)
    head = text[:room]
    if not text[room].isspace():
        # The cut falls inside a word: go back to the last whitespace, if it is not too far.
        boundary = max(head.rfind(" "), head.rfind("\n"), head.rfind("\t"))
        if boundary >= room // 2:
            head = head[:boundary]
    return head.rstrip(_TRAILING) + ELLIPSIS
