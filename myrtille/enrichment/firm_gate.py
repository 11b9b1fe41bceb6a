"""Whether a sentence may hold a name that a company word calls a firm (session 17).

``firmnames._firm_names`` reads every word of each sentence an event is reported in, and
of the lead's sentences, through ``Token`` objects (about 40 µs a sentence); two sentences
in three hold no company word at all. Each of its tests needs one of these, built from its
own word lists: a company word (``PREFIX_CUES``) or a person's role (``ROLE_WORDS``,
"général") anywhere; a name's first word (``NAME_HEADS``) or last word (``SUFFIX_CUES``)
capitalised; a legal form in capitals after a name; a French workshop in "-erie"; or
"start-up" split by the tokenizer. A sentence with none of them names no such firm, which
the document's cached NORM column tells without a Token.
"""

from __future__ import annotations

import re
from collections.abc import Set

from spacy.strings import get_string_id
from spacy.tokens import Span

from myrtille.enrichment.doctext import columns_of, span_text


def _ids(words: Set[str]) -> frozenset[int]:
    return frozenset(get_string_id(word) for word in words)


class FirmWordGate:
    """``firmnames``'s word lists as NORM hashes."""

    def __init__(
        self,
        *,
        anywhere: Set[str],
        capitalised: Set[str],
        start_up: str,
        workshop_ending: str,
        workshop_length: int,
    ) -> None:
        # A company word or a role: whatever its case (_cue, the "de"/"of" role test).
        self.anywhere = _ids(anywhere)
        # A name's own first or last word, or a legal form after it: capitalised there.
        self.capitalised = _ids(capitalised)
        # Its letters in any case (IGNORECASE matches more, never less), spaces between.
        self.start_up = re.compile(r"\s*".join(map(re.escape, start_up)), re.IGNORECASE)
        self.ending = workshop_ending
        self.length = workshop_length

    def __call__(self, sentence: Span) -> bool:
        """Whether ``sentence`` holds a word without which no firm name is found."""
        doc = sentence.doc
        norms = columns_of(doc)[1][sentence.start : sentence.end]
        if not self.anywhere.isdisjoint(norms):
            return True
        if not self.capitalised.isdisjoint(norms):
            for at in range(sentence.start, sentence.end):
                if norms[at - sentence.start] in self.capitalised:
                    word = doc[at].text
                    if word[:1].isupper() or word.isupper():
                        return True
        # "start-up" in three tokens (their lower-case forms joined), spaces between or not
        if self.start_up.search(span_text(sentence)) is not None:
            return True
        strings = doc.vocab.strings
        return any(
            (word := strings[norm]).endswith(self.ending) and len(word) > self.length
            for norm in set(norms)
        )
