"""A feed's entries counted and cut before feedparser reads it (``crawl.max_feed_entries``).

feedparser builds every entry before we see one: 100,000 entries in a 7 MB feed take it
about 20 s and hundreds of MB. So the body is cut just before its (N+1)-th ``<item`` or
``<entry`` start tag; feedparser reads the first N entries of the truncated document as it
reads any feed cut short (the loose parser keeps every complete entry).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# An RSS item or Atom entry start tag, with or without a namespace prefix.
_ENTRY_START = re.compile(r"<(?:[A-Za-z_][\w.-]*:)?(?:item|entry)[\s>/]")
# Byte-order marks and the first bytes of '<' in wide encodings (as doctype.py reads them).
_WIDE = (
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\xfe\xff", "utf-16-be"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\x00\x00\x00<", "utf-32-be"),
    (b"<\x00\x00\x00", "utf-32-le"),
    (b"\x00<", "utf-16-be"),
    (b"<\x00", "utf-16-le"),
)


@dataclass(frozen=True)
class CappedFeed:
    body: bytes
    # How many entry start tags the whole body held, when it held more than the cap.
    entries_found: int | None = None


def cap_entries(body: bytes, limit: int) -> CappedFeed:
    """``body`` cut before its (limit+1)-th entry, or unchanged when it has no more."""
    codec = next((name for start, name in _WIDE if body.startswith(start)), None)
    try:
        # latin-1 maps bytes to characters one to one, so the cut falls on the same byte
        # in every ASCII-compatible encoding; wide encodings are decoded as what they are
        # (their byte-order mark included, as U+FEFF, so it is written back).
        text = body.decode(codec or "latin-1")
    except UnicodeDecodeError:
        return CappedFeed(body)  # a broken wide encoding: feedparser will say so
    cut = None
    found = 0
    for found, match in enumerate(_ENTRY_START.finditer(text), start=1):
        if found == limit + 1:
            cut = match.start()
    if cut is None:
        return CappedFeed(body)
    return CappedFeed(text[:cut].encode(codec or "latin-1"), found)
