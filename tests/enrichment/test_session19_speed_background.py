"""Issue 14, session 19, speed of ``background.is_background``: the same answers with less
work, on the real pipelines.

- ``antecedents.modifier_years`` reads the words the event's noun phrase may open on only
  when their text holds a year, found by ``_YEAR`` without its end: the answer is the one
  read word by word, for every span of every sentence taken as the trigger;
- ``background._sentence_end`` is ``trigger.sent.end``, with the sentences read once per
  document, and as spaCy reads it with a hook or without boundaries (it raises).

The texts were written for these tests.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st
from spacy.tokens import Doc, Span

from myrtille.enrichment import antecedents, background
from myrtille.enrichment.doctext import text_of
from myrtille.enrichment.enricher import Enricher

TEXTS = {
    "fr": "Le groupe Varnel, qui avait racheté la fonderie Ribaud en 2019, recrute 40 "
    "opérateurs. Le rachat de 2019 a doublé ses ventes et son rachat 2021 de Solvane aussi. "
    "Suite à sa levée de fonds de 1998, la start-up a ouvert son premier site. Elle a "
    "embauché 2000 personnes depuis sa fusion de 2020 avec Brenlow.",
    "en": "Following its 2019 takeover by Varnel, the plant is hiring 40 operators. Its 2021 "
    "acquisition of Brenlow had been announced. The 1998 merger of Dunmore and the 2020 deal "
    "of 2020 cost 2000 jobs, after the 1999 rescue.",
}


@pytest.fixture(scope="module", params=sorted(TEXTS))
def doc(request: pytest.FixtureRequest, enricher: Enricher) -> Doc:
    return enricher.tools(request.param).nlp(TEXTS[request.param])


def _triggers(doc: Doc) -> list[tuple[Span, Span]]:
    return [
        (sentence, doc[start : start + width])
        for sentence in doc.sents
        for start in range(sentence.start, sentence.end)
        for width in (1, 2, 3)
        if start + width <= sentence.end
    ]


def _years_word_by_word(sentence: Span, trigger: Span) -> list[int]:
    """modifier_years as it was before the gate (session 18)."""
    doc = sentence.doc
    at = antecedents._opening(sentence, trigger)
    years = [
        int(t.text)
        for t in doc[max(at, sentence.start + 1) : trigger.end]
        if antecedents._YEAR.match(t.text) and antecedents._determiner(doc[t.i - 1])
    ]
    joined = trigger[-1].lower_ in ("de", "of")
    pattern = antecedents._YEAR_JOINED if joined else antecedents._YEAR_AFTER
    after = pattern.match(text_of(doc), trigger.end_char)
    return years + ([int(after.group("year"))] if after else [])


def test_modifier_years_are_those_read_word_by_word(doc: Doc) -> None:
    found = 0
    for sentence, trigger in _triggers(doc):
        years = antecedents.modifier_years(sentence, trigger)
        assert years == _years_word_by_word(sentence, trigger), (sentence, trigger)
        found += bool(years)
    assert found  # the texts' years modify their nouns: the gate lets them through


def test_the_year_gate_is_the_year_pattern_without_its_end() -> None:
    assert antecedents._YEAR_IN.pattern + r"\Z" == antecedents._YEAR.pattern
    assert antecedents._YEAR_IN.flags == antecedents._YEAR.flags


@given(st.from_regex(antecedents._YEAR, fullmatch=True), st.text(max_size=5), st.text(max_size=5))
def test_a_text_holding_a_year_word_passes_the_gate(word: str, before: str, after: str) -> None:
    assert antecedents._YEAR.match(word)
    assert antecedents._YEAR_IN.search(before + word + after)


def test_the_sentence_end_is_the_triggers_sentences(doc: Doc) -> None:
    for _, trigger in _triggers(doc):
        assert background._sentence_end(trigger) == trigger.sent.end, trigger


@pytest.mark.parametrize("language", sorted(TEXTS))
def test_the_sentence_end_follows_a_sentence_hook(enricher: Enricher, language: str) -> None:
    copy = enricher.tools(language).nlp(TEXTS[language])
    # a hook that cuts the text in three-word sentences, not as the recogniser did
    copy.user_hooks["sents"] = lambda d: [d[i : i + 3] for i in range(0, len(d), 3)]
    for _, trigger in _triggers(copy):
        assert background._sentence_end(trigger) == trigger.sent.end, trigger
    ends = {sentence.end for sentence in enricher.tools(language).nlp(TEXTS[language]).sents}
    assert any(background._sentence_end(t) not in ends for _, t in _triggers(copy))


def test_the_sentence_end_raises_without_boundaries(enricher: Enricher) -> None:
    bare = Doc(enricher.tools("en").nlp.vocab, words=["Varnel", "hires", "40", "people"])
    with pytest.raises(ValueError, match=re.escape("[E030]")):
        bare[1:2].sent  # noqa: B018 (spaCy raises here)
    with pytest.raises(ValueError, match=re.escape("[E030]")):
        background._sentence_end(bare[1:2])
