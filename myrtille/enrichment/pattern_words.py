"""The words every match of a compiled pattern holds, read off the pattern itself (issue 14,
session 18, speed).

A rule's pattern is searched in every trigger's sentence or clause, and most parts hold
none of the words a match needs (see cues.py). ``cues.cued`` gates a pattern on words
written beside it, which a rule's author must keep in step with the pattern by hand;
``needed_words`` reads them from the parsed pattern, so the gate cannot drift from it:

- a run of literal characters (a small class such as ``[ée]`` counts as one of its
  letters) is held by every match of the sequence that holds it;
- a sequence needs what any one of its items needs (the longest run is taken);
- an alternation needs one word of each branch; a group or a repeat of at least one what
  its content needs; anything else (a class, ``\\w``, an optional part, a lookaround, a
  back-reference) gives nothing.

The words are lowered, and hold only letters that the engine, ignoring case, matches only
where ``str.lower`` gives that letter: ASCII (but for "ı", "İ" and "ſ", which cues.py lets
through) and the French letters and quotation marks of ``_LATIN``
(tests/enrichment/test_session18_speed_ruled.py checks every code point). A pattern whose
words would be shorter than ``_SHORTEST`` letters is left ungated: such a gate would let
almost every part through.
"""

from __future__ import annotations

import re
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]

from myrtille.enrichment.cues import Cued

# Lower-case letters (and marks) outside ASCII that the engine, case ignored, matches in no
# other letter than their own capital (whose ``str.lower`` gives them back): a word may
# hold them.
_LATIN = frozenset("àâäçéèêëîïôöùûüÿœæ’«»")
_SHORTEST = 3
# A class is read as its letters when it has at most this many; a run of literal letters is
# cut when its spellings would be more than ``_MOST_SPELLINGS``.
_MOST_LETTERS = 4
_MOST_SPELLINGS = 16

_Words = frozenset[str]


def _letter(code: int, ignore_case: bool) -> str | None:
    char = chr(code)
    lowered = char.lower()
    if len(lowered) != 1 or not (lowered.isascii() or lowered in _LATIN):
        return None
    return lowered


def _letters(op: object, av: object, ignore_case: bool) -> frozenset[str] | None:
    """The letters one item matches, when it is a literal or a small class of literals."""
    if op is sre.LITERAL:
        letter = _letter(av, ignore_case)  # type: ignore[arg-type]
        return None if letter is None else frozenset((letter,))
    if op is sre.IN and len(av) <= _MOST_LETTERS:  # type: ignore[arg-type]
        letters = set()
        for item_op, code in av:  # type: ignore[attr-defined]
            letter = _letter(code, ignore_case) if item_op is sre.LITERAL else None
            if letter is None:
                return None
            letters.add(letter)
        return frozenset(letters)
    return None


def _best(found: list[_Words]) -> _Words | None:
    """Of several word sets each held by every match, the one that lets least through."""
    if not found:
        return None
    return max(found, key=lambda words: (min(map(len, words)), -len(words)))


def _sequence(items: list, ignore_case: bool) -> _Words | None:  # type: ignore[type-arg]
    found: list[_Words] = []
    run: set[str] = {""}
    for op, av in items:
        letters = _letters(op, av, ignore_case)
        if letters is not None and len(run) * len(letters) <= _MOST_SPELLINGS:
            run = {spelled + letter for spelled in run for letter in letters}
            continue
        if run != {""}:
            found.append(frozenset(run))
        run = {""} if letters is None else set(letters)
        if letters is None:
            words = _item(op, av, ignore_case)
            if words is not None:
                found.append(words)
    if run != {""}:
        found.append(frozenset(run))
    return _best(found)


def _item(op: object, av: object, ignore_case: bool) -> _Words | None:
    if op is sre.SUBPATTERN:
        _group, add_flags, del_flags, items = av  # type: ignore[misc]
        if add_flags & re.IGNORECASE:
            ignore_case = True
        if del_flags & re.IGNORECASE:
            ignore_case = False
        return _sequence(items, ignore_case)
    if op is sre.ATOMIC_GROUP:
        return _sequence(av, ignore_case)  # type: ignore[arg-type]
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
        least, _most, items = av  # type: ignore[misc]
        return _sequence(items, ignore_case) if least >= 1 else None
    if op is sre.BRANCH:
        _none, branches = av  # type: ignore[misc]
        words: set[str] = set()
        for branch in branches:
            held = _sequence(branch, ignore_case)
            if held is None:
                return None
            words |= held
        return frozenset(words)
    return None


def _shortest_only(words: _Words) -> tuple[str, ...]:
    """The words, less those holding another (a part holding the longer holds the shorter)."""
    kept = [w for w in words if not any(o != w and o in w for o in words)]
    return tuple(sorted(kept))


def needed_words(pattern: re.Pattern[str]) -> tuple[str, ...] | None:
    """Lowered words of which each match of ``pattern`` holds one (see the module's
    docstring), or None when the pattern needs none at least ``_SHORTEST`` letters long."""
    if not isinstance(pattern.pattern, str):
        return None
    parsed = sre_parse.parse(pattern.pattern, pattern.flags)
    words = _sequence(parsed.data, bool(parsed.state.flags & re.IGNORECASE))
    if words is None or min(map(len, words)) < _SHORTEST:
        return None
    return _shortest_only(words)


def gated(pattern: re.Pattern[str]) -> re.Pattern[str] | Cued:
    """``pattern``, searched only in a part that holds one of its ``needed_words`` (or a
    letter that folds apart), or ``pattern`` itself when it needs none long enough."""
    words = needed_words(pattern)
    return pattern if words is None else Cued(pattern, (words,))
