"""Session 19 (speed): the attribution's shortcuts answer as the walks they replace.

``parsed_subject._own_words`` reads each word's place under a complement once, where each
word walked up to the phrase's head; ``overlapping`` finds the mentions a phrase's words
overlap by bisection, where each mention was tested against every word. Both are checked
against those walks, on real parses and on any bounds."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from spacy.tokens import Token

from myrtille.enrichment.companies import CompanyMention
from myrtille.enrichment.enricher import Enricher
from myrtille.enrichment.parsed_subject import _complement, _own_words, overlapping
from myrtille.enrichment.syntax import SentenceParser

_SENTENCES = {
    "fr": (
        "Le brasseur, client des Ateliers Kermor depuis 2019, a retenu la société Solvane "
        "pour usiner les pièces du groupe suédois Nordhem, qui investira à Lyon."
    ),
    "en": (
        "The Lyon-based maker, a customer of Kermor Works since 2019, picked Solvane, which "
        "owns a plant near Rouen, to supply the parts of the Swedish group Nordhem."
    ),
}


def _walked(top: Token) -> list[Token]:
    """The walk ``_own_words`` replaces: each word's heads up to ``top``, tested one by one."""

    def path(token: Token) -> list[Token]:
        found = []
        while token.i != top.i and token.head.i != token.i:
            found.append(token)
            token = token.head
        return found

    return [t for t in top.subtree if not any(_complement(a) for a in path(t))]


def test_own_words_are_the_walks(enricher: Enricher) -> None:
    tops = 0
    for language, text in _SENTENCES.items():
        nlp = enricher.tools(language).nlp
        parsed = SentenceParser(nlp)(nlp(text)[:])
        assert parsed is not None
        doc = parsed.span.doc
        for top in doc:
            assert [t.i for t in _own_words(top)] == [t.i for t in _walked(top)]
            tops += 1
        # Some words are left out under a complement, or the check proves nothing.
        assert any(len(_own_words(t)) < len(list(t.subtree)) for t in doc)
    assert tops > 40


def _words(cuts: list[int]) -> list[tuple[int, int]]:
    bounds = sorted(set(cuts))
    return [(a, b) for a, b in zip(bounds[::2], bounds[1::2], strict=False)]


@given(
    st.lists(st.integers(0, 60), max_size=16),
    st.lists(st.tuples(st.integers(0, 60), st.integers(0, 12)), max_size=8),
    st.randoms(use_true_random=False),
)
def test_overlapping_is_every_word_tested(
    cuts: list[int], spans: list[tuple[int, int]], random: object
) -> None:
    words = _words(cuts)
    random.shuffle(words)  # type: ignore[attr-defined]  # a subtree's order need not be sorted
    mentions = [CompanyMention(None, "X", start, start + size, "ner") for start, size in spans]
    expected = [
        m
        for m in mentions
        if m.end > m.start and any(m.start < end and start < m.end for start, end in words)
    ]
    assert overlapping(mentions, words) == expected
