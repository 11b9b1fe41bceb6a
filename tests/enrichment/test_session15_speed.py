"""Session 15, speed: the same answers with less work.

- ``cues.Cued.may_match`` looks for its words in the whole text lowered once, within the
  part's bounds: it answers as the part lowered on its own would, for every window of
  texts with accents, a letter whose lowering is longer ("İ") and letters that fold
  apart ("ſ", the Kelvin sign);
- ``doctext.entities_of`` is ``doc.ents``, built once; ``doctext.sentence_of`` is
  ``Token.sent``, each sentence's Span made once;
- a trigger whose words alone rule it out (``news_reading.ruled_out``: "envisage de
  racheter") reports no event and its sentence is not parsed for it; the same sentence
  without the plan is parsed and reports the takeover.

The texts were written for these tests.
"""

from __future__ import annotations

import re
import sys

import pytest

from myrtille.enrichment.cues import _FOLDED_APART, cued
from myrtille.enrichment.doctext import entities_of, sentence_of
from myrtille.enrichment.enricher import Enricher
from myrtille.enrichment.syntax import SentenceParser
from tests.enrichment.enriching import VAUBRUNE, VERLANDE, events_of, types

REGISTRY = [VERLANDE, VAUBRUNE]

_PATTERN = cued(re.compile(r"\b(?:if|unless)\b.{0,20}\bwill\b", re.IGNORECASE), "if unless", "will")

TEXTS = [
    "If the order holds, Verlande will hire; unless it fails, the plant will open.",
    "Élan: İF the order holds, they WILL hire — à Besançon, unleſs it fails.",
    "The \u212aelvin plant will open if demand holds (Σ final: ΟΔΟΣ).",
    "Pas de mot ici, rien à chercher.",
]


def _reference(text: str, pos: int, endpos: int) -> bool:
    """``may_match`` as it was: the part lowered on its own."""
    part = text[pos:endpos]
    lowered = part.lower()
    if all(any(word in lowered for word in group) for group in _PATTERN.groups):
        return True
    return not part.isascii() and any(c in part for c in _FOLDED_APART)


def test_cue_words_are_looked_for_within_the_part_only() -> None:
    for text in TEXTS:
        bounds = range(0, len(text) + 2, 3)
        for pos in bounds:
            for endpos in (*bounds, sys.maxsize):
                want = _reference(text, pos, endpos)
                assert _PATTERN.may_match(text, pos, endpos) is want, (text, pos, endpos)
                # A copy of the text (another object) answers alike.
                copy = "".join(list(text))
                assert _PATTERN.may_match(copy, pos, endpos) is want, (text, pos, endpos)
        found = _PATTERN.search(text)
        bare = _PATTERN.compiled.search(text)
        assert (found and found.span()) == (bare and bare.span())


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("fr", "Verlande Industries rachète les Forges de Vaubrune. Le site de Dole recrute."),
        ("en", "Verlande Industries buys Forges de Vaubrune. Its Dole plant is hiring."),
    ],
)
def test_entities_and_sentences_are_the_documents_own(
    registry_enricher: Enricher, language: str, text: str
) -> None:
    doc = registry_enricher.tools(language).nlp(text)
    assert [(e.start, e.end, e.label_) for e in entities_of(doc)] == [
        (e.start, e.end, e.label_) for e in doc.ents
    ]
    assert entities_of(doc) is entities_of(doc)
    for token in doc:
        sentence = sentence_of(doc, token.i)
        assert (sentence.start, sentence.end) == (token.sent.start, token.sent.end)
        assert sentence_of(doc, token.i) is sentence


def _parsed_ahead(
    enricher: Enricher, monkeypatch: pytest.MonkeyPatch, text: str
) -> tuple[list[str], set[object]]:
    asked: list[str] = []
    parse_ahead = SentenceParser.parse_ahead

    def recording(self: SentenceParser, sentences: list) -> None:
        asked.extend(s.text for s in sentences)
        parse_ahead(self, sentences)

    monkeypatch.setattr(SentenceParser, "parse_ahead", recording)
    found = types(events_of(enricher, text, "fr", "Les nouvelles de la semaine"))
    return asked, found


def test_a_trigger_ruled_out_by_its_words_is_not_parsed(
    registry_enricher: Enricher, monkeypatch: pytest.MonkeyPatch
) -> None:
    planned = "Verlande Industries envisage de racheter les Forges de Vaubrune."
    asked, found = _parsed_ahead(registry_enricher, monkeypatch, planned)
    assert "acquisition" not in found
    assert not any("racheter" in s for s in asked)
    done = "Verlande Industries a racheté les Forges de Vaubrune."
    asked, found = _parsed_ahead(registry_enricher, monkeypatch, done)
    assert "acquisition" in found
    assert any("racheté" in s for s in asked)
