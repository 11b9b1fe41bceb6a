"""A rule's regular expression searched only where one of the words it needs occurs
(issue 14, session 12).

Python's regular-expression engine tries a pattern at every position of the text it is
given when the pattern opens with no fixed character: a lookbehind, a word boundary, an
alternation of words with case ignored. The event rules search such patterns in every
trigger's sentence or clause (conditions.py's "if … will" costs ~100 µs a sentence), and
most sentences hold none of the words any match needs. ``cued(pattern, "words", ...)`` wraps
a compiled pattern so that ``search``, ``match`` and ``finditer`` first look for those
words in the part of the text searched, a plain substring test at C speed, and answer as
the pattern would (no match) when none is there.

Safe when each ``words`` group lists words of which every match of the pattern holds at
least one (several groups: one of each), written in lower-case ASCII: the part searched is
lowered first, as the engine ignores case. The only characters the engine's case folding
takes for an ASCII letter that ``str.lower`` does not lower to it are "ı", "İ" (for "i")
and "ſ" (for "s"): a part holding one of them is searched by the pattern itself.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from typing import Any

_FOLDED_APART = ("ı", "İ", "ſ")

# The last part searched and its lowered form (text, pos, endpos, part, lowered): the rules
# of one trigger search the same document text or sentence one after another (session 14).
_last: tuple[str, int, int, str, str] = ("", 0, 0, "", "")


class Cued:
    """A compiled pattern searched only in a text part that holds one word of each
    group; anything else (``pattern``, ``flags``, ``sub``…) is the pattern's own."""

    __slots__ = ("compiled", "groups")

    def __init__(self, compiled: re.Pattern[str], groups: tuple[tuple[str, ...], ...]) -> None:
        self.compiled = compiled
        self.groups = groups

    def may_match(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> bool:
        """Whether ``text[pos:endpos]`` holds one word of each group (or a letter that
        folds apart, when it is not ASCII): the pattern can match there only if so."""
        global _last
        last = _last
        if last[1] == pos and last[2] == endpos and (last[0] is text or last[0] == text):
            part, lowered = last[3], last[4]
        else:
            part = text[pos:endpos]
            lowered = part.lower()
            _last = (text, pos, endpos, part, lowered)
        # Loops rather than all(any(...)): this runs for each rule and trigger.
        for group in self.groups:
            for word in group:
                if word in lowered:
                    break
            else:
                return not part.isascii() and any(c in part for c in _FOLDED_APART)
        return True

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return (
            self.compiled.search(text, pos, endpos) if self.may_match(text, pos, endpos) else None
        )

    def match(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        if not self.may_match(text, pos, endpos):
            return None
        return self.compiled.match(text, pos, endpos)

    def finditer(
        self, text: str, pos: int = 0, endpos: int = sys.maxsize
    ) -> Iterator[re.Match[str]]:
        if self.may_match(text, pos, endpos):
            return self.compiled.finditer(text, pos, endpos)
        return iter(())

    def __getattr__(self, name: str) -> Any:
        return getattr(self.compiled, name)


def cued(compiled: re.Pattern[str], *groups: str) -> Cued:
    """``compiled``, searched only where one word of each group occurs (a group: its
    words, lower-case ASCII, separated by spaces; see the module's docstring)."""
    words = tuple(tuple(group.split()) for group in groups)
    for group in words:
        if not group or any(not w or not w.isascii() or w != w.lower() for w in group):
            raise ValueError(f"cue words must be lower-case ASCII: {group!r}")
    return Cued(compiled, words)
