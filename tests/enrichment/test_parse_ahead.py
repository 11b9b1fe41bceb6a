"""The event sentences of a batch parsed in one call of the parser (syntax.py, events.py)
give what parsing each sentence on its own gives: the same parses, the same enrichment
whatever the batch a document comes in.

The texts were written for these tests; the companies are those of test_events_syntax.
"""

from __future__ import annotations

import dataclasses

import pytest

from myrtille.enrichment.companies import find_companies
from myrtille.enrichment.enricher import DocumentInput, Enricher
from myrtille.enrichment.events import EventMatcher
from myrtille.enrichment.syntax import SentenceParser
from tests.enrichment import test_events_syntax

# The companies of test_events_syntax, for the registry_enricher fixture.
REGISTRY = test_events_syntax.REGISTRY

TEXTS = [
    (
        "fr",
        "Les Ateliers Kermor ont été rachetés par Brasseries Talvern pour 8 millions d'euros. "
        "Nexalis envisage de lever 5 millions d'euros auprès de ses actionnaires.",
    ),
    (
        "fr",
        "Le conseil départemental a attribué à Nexalis un contrat de maintenance de trois ans. "
        "Talvern, qui a repris Kermor au printemps, va recruter 30 brasseurs à Quimper.",
    ),
    (
        "en",
        "Ateliers Kermor was acquired by Brasseries Talvern for €8m. Nexalis is weighing a "
        "$5m fundraising from its investors, and Talvern hopes to open a second plant.",
    ),
    (
        "en",
        "The regional council awarded Nexalis a three-year maintenance contract. Talvern, "
        "which bought Kermor in the spring, will hire 30 brewers in Quimper.",
    ),
]


def test_a_batch_is_enriched_as_each_document_alone(registry_enricher: Enricher) -> None:
    documents = [
        DocumentInput(f"d{n}", "", text, language) for n, (language, text) in enumerate(TEXTS)
    ]
    together = registry_enricher.enrich(documents)
    alone = [registry_enricher.enrich([d])[0] for d in documents]
    assert all(r.error is None for r in together)
    assert [dataclasses.asdict(r) for r in together] == [dataclasses.asdict(r) for r in alone]
    # The texts hold events whose sentences the parse decides (a buyer named after "par").
    assert any(e["type"] == "acquisition" for r in together for e in r.events)


@pytest.mark.parametrize("language", ["fr", "en"])
def test_sentences_parsed_ahead_are_parsed_as_alone(
    registry_enricher: Enricher, language: str
) -> None:
    nlp = registry_enricher.tools(language).nlp
    docs = list(nlp.pipe([text for code, text in TEXTS if code == language]))
    sentences = [s for doc in docs for s in doc.sents]
    ahead, alone = SentenceParser(nlp), SentenceParser(nlp)
    # All but the last sentence ahead: that one is parsed when asked, as before.
    ahead.parse_ahead(sentences[:-1])
    for sentence in sentences:
        one, other = ahead(sentence), alone(sentence)
        assert one is not None and other is not None
        assert (one.tokens, one.chars) == (other.tokens, other.chars)
        assert [(t.text, t.head.i, t.dep_) for t in one.span] == [
            (t.text, t.head.i, t.dep_) for t in other.span
        ]


# Two triggers of one type in a sentence: parse_ahead reads the first only; when that one
# gives no event (in English "bought new machines": things, not a firm), find reads the next.
REPEATED = [
    ("fr", "Talvern a racheté des machines neuves puis a racheté les Ateliers Kermor."),
    ("en", "Talvern bought new machines and then bought Ateliers Kermor outright."),
]


@pytest.mark.parametrize(("language", "text"), [*TEXTS, *REPEATED])
def test_find_answers_alike_with_and_without_parsing_ahead(
    registry_enricher: Enricher, language: str, text: str
) -> None:
    tools = registry_enricher.tools(language)
    doc = tools.nlp(text)
    mentions = find_companies(doc, registry_enricher.index)
    ahead = tools.events
    ahead.parse_ahead([(doc, mentions, None, 0)])
    alone = EventMatcher(tools.nlp, registry_enricher.event_lexicon, language)
    assert ahead.find(doc, mentions, None, {}) == alone.find(doc, mentions, None, {})
