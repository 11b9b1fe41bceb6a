"""One look for a rule's words in a part of the text, so that a rule whose every pattern
needs one of them is skipped where none occurs (issue 14, session 17, speed).

``cues.cued`` gates one pattern; a rule that tries several patterns (and works out their
bounds from the sentence's tokens first) pays for each gate in turn. A ``WordGate`` holds
the union of their words and looks for them once, in the document's text lowered once
(kept in ``doc.user_data``), within the part's bounds. As in ``cues.py``: the words are
lower-case ASCII; a part that holds a letter the engine folds to ASCII but ``str.lower``
does not ("ı", "İ", "ſ") always passes; a rule may be skipped on a miss only if each match
of each of its patterns holds one of the words. (A compiled alternation of the words,
case ignored, costs some 20 times more than these substring looks.)
"""

from __future__ import annotations

from spacy.tokens import Doc

from myrtille.enrichment.cues import _FOLDED_APART, Cued, lowered_text


def holds_word(part: str, words: tuple[str, ...]) -> bool:
    """Whether ``part`` holds one of ``words`` (lower-case ASCII), case ignored as a pattern
    compiled with ``re.IGNORECASE`` ignores it: such a pattern, every match of which holds
    one of the words, cannot match a part holding none."""
    # the words looked for at C speed, not through a generator
    if any(map(part.lower().__contains__, words)):
        return True
    return not part.isascii() and any(c in part for c in _FOLDED_APART)


def cue_words(*patterns: Cued) -> tuple[str, ...]:
    """The words of each gated pattern's first group: each match of the pattern holds one."""
    return tuple(word for pattern in patterns for word in pattern.groups[0])


class WordGate:
    """Whether a part of a document's text holds one of ``words`` (or may match anyway)."""

    __slots__ = ("words",)

    def __init__(self, *words: str) -> None:
        for word in words:
            if not word or not word.isascii() or word != word.lower():
                raise ValueError(f"gate words must be lower-case ASCII: {word!r}")
        self.words = tuple(sorted(set(words)))

    def may_match(self, doc: Doc, text: str, begin: int, end: int) -> bool:
        """Whether ``text[begin:end]`` (``text``: ``doc``'s text) holds one of the words,
        case ignored, or a letter that folds apart."""
        # the text lowered once for these gates and cues.py's alike (session 20: each
        # lowered it on its own, 5 µs for a document's text that is not ASCII)
        known = lowered_text(text)
        lowered = known[1]
        if lowered is None:  # lowering changes the length: the part lowered on its own
            return holds_word(text[begin:end], self.words)
        # the part cut out of the lowered text once, its words looked for at C speed
        if any(map(lowered[begin:end].__contains__, self.words)):
            return True
        return known[2] and any(c in text[begin:end] for c in _FOLDED_APART)
