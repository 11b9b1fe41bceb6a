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

# The texts searched lately, lowered whole (session 15): the rules of a document search
# windows of its text, or of one sentence, one after another. Per text (by identity):
# the text, its lowered form (None when lowering changes its length: then each part is
# lowered on its own), and whether it holds a letter that folds apart.
_lowered: dict[int, tuple[str, str | None, bool]] = {}
_MAX_LOWERED = 64
# Only texts this long are kept (session 20): the rules also search parts they cut out (a
# clause, the words before a trigger), each searched a few times at most; kept, those
# filled the table, which was emptied and the document's text (a few thousand characters,
# 5 µs to lower when not ASCII) lowered again, some eight times a document.
_KEPT_FROM = 512


def lowered_text(text: str) -> tuple[str, str | None, bool]:
    """``text``, its lowered form (None when lowering changes its length) and whether it
    holds a letter that folds apart; a long text is lowered once while it is searched (by
    identity: the rules search the document's text kept once, ``doctext.text_of``)."""
    known = _lowered.get(id(text))
    if known is not None and known[0] is text:
        return known
    lowered = text.lower()
    apart = not text.isascii() and any(c in text for c in _FOLDED_APART)
    found = (text, lowered if len(lowered) == len(text) else None, apart)
    if len(text) >= _KEPT_FROM:
        if len(_lowered) >= _MAX_LOWERED:
            _lowered.clear()
        _lowered[id(text)] = found
    return found


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
        known = _lowered.get(id(text))
        if known is None or known[0] is not text:
            known = lowered_text(text)
        lowered = known[1]
        if lowered is None:  # lowering changes the length: the part lowered on its own
            part = text[pos:endpos]
            return self._holds(part.lower(), part)
        # The words looked for in the part of the whole text lowered: the same as in the
        # part lowered, since no letter lowers to more or fewer letters and the only one
        # lowered by its context (a final sigma) lowers to no ASCII. (A slice and ``in``:
        # a quarter cheaper than ``find`` with bounds for each word; session 17.)
        lowered = lowered[pos:endpos]
        for group in self.groups:  # loops rather than all(any(...)): this runs per rule
            for word in group:
                if word in lowered:
                    break
            else:
                if not known[2]:
                    return False
                part = text[pos:endpos]
                return not part.isascii() and any(c in part for c in _FOLDED_APART)
        return True

    def _holds(self, lowered: str, part: str) -> bool:
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

    def search_part(self, text: str, begin: int, end: int) -> re.Match[str] | None:
        """The pattern searched in ``text[begin:end]`` cut out (as a search of that slice
        answers: its start and end are the string's), its words looked for within those
        bounds of ``text`` lowered once (session 19): no slice lowered on its own."""
        if not self.may_match(text, begin, end):
            return None
        return self.compiled.search(text[begin:end])

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
