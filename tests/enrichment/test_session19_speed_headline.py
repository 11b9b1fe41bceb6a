"""Issue 14, session 19, speed of ``salience.news_events``: ``told_of_firms_in_general``
(generic_subjects.py) reads clause openings by the tokens' numbers and the counts standing
alone by their first word, with the same answers, on the real pipelines.

- a link or a coordinating conjunction read by ``Token.orth`` and ``Token.pos`` is the one
  read by ``Token.text`` and ``Token.pos_``, for every word of the texts and every link;
- ``counted_alone`` finds the first of ``PRONOUN_QUANTIFIERS`` a clause opens with, as the
  walk over all of them did: a quantifier left out of the index by its first word, or put
  out of its order, fails here.

The texts were written for these tests.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.symbols import CCONJ
from spacy.tokens import Doc, Token

from myrtille.enrichment import generic_subjects
from myrtille.enrichment.enricher import Enricher
from myrtille.enrichment.generic_subjects import PRONOUN_QUANTIFIERS, counted_alone

TEXTS = {
    "fr": "Plusieurs ateliers ont fermé, et certains ont signé des contrats ; d'autres "
    "recrutent : la plupart embauchent — mais quelques-uns licencient – et beaucoup "
    "investissent. Les industriels de la région ou les sous-traitants ont recruté.",
    "en": "Some have won orders, and a few have closed plants; others are hiring: most "
    "invest — but many cut jobs – or several weavers have recruited apprentices.",
}


@pytest.fixture(scope="module", params=sorted(TEXTS))
def doc(request: pytest.FixtureRequest, enricher: Enricher) -> Doc:
    return enricher.tools(request.param).nlp(TEXTS[request.param])


def test_links_and_conjunctions_read_by_number_are_those_read_by_string(doc: Doc) -> None:
    links = {t.text for t in doc if t.text in generic_subjects._LINKS}
    assert links == generic_subjects._LINKS  # every link is read in the texts
    assert any(t.pos_ == "CCONJ" for t in doc)
    for token in doc:
        assert (token.orth in generic_subjects._LINK_HASHES) == (
            token.text in generic_subjects._LINKS
        )
        assert (token.pos == CCONJ) == (token.pos_ == "CCONJ")


def _counted_alone_walked(lower: list[str], words: list[Token], at: int) -> bool:
    """``counted_alone`` as it read every quantifier in turn (before session 19)."""
    for quantifier in PRONOUN_QUANTIFIERS:
        if tuple(lower[at : at + len(quantifier)]) == quantifier:
            return generic_subjects._verb_follows(words, at + len(quantifier))
    return False


_WORDS = sorted({w for q in PRONOUN_QUANTIFIERS for w in q} | {"ont", "have", "x", ""})


@pytest.mark.parametrize("language", sorted(TEXTS))
@settings(max_examples=300, deadline=None)
@given(data=st.data())
def test_counted_alone_finds_the_first_quantifier_as_the_walk_did(
    enricher: Enricher, language: str, data: st.DataObject
) -> None:
    words = list(enricher.tools(language).nlp(TEXTS[language]))
    lower = data.draw(st.lists(st.sampled_from(_WORDS), min_size=1, max_size=len(words)))
    # the lowered words may be fewer than the words (general_clause_subject lowers a part)
    at = data.draw(st.integers(min_value=0, max_value=len(lower)))
    assert counted_alone(lower, words, at) == _counted_alone_walked(lower, words, at)


@pytest.mark.parametrize("quantifier", PRONOUN_QUANTIFIERS)
def test_every_count_standing_alone_is_found(
    enricher: Enricher, quantifier: tuple[str, ...]
) -> None:
    text = "Yesterday in Lyon they have closed plants and they are hiring again"
    words = list(enricher.tools("en").nlp(text))
    verb = next(i for i, w in enumerate(words) if w.pos_ in ("VERB", "AUX"))
    # the quantifier's words put right before the verb, in the lowered words only
    at = verb - len(quantifier)
    assert at >= 0
    lower = [w.text.lower() for w in words]
    lower[at:verb] = quantifier
    assert counted_alone(lower, words, at) == _counted_alone_walked(lower, words, at)
    assert counted_alone(lower, words, at) == generic_subjects._verb_follows(words, verb)
