"""A sentence copied for the parser (sentence_copies.py, session 14) is the copy
``Span.as_doc`` makes: the same tokens, attributes, entities (one cut by the sentence's
edges dropped) and vectors of the shared tok2vec, and the document is left unchanged.

The texts were written for these tests; the companies are those of test_events_syntax.
"""

from __future__ import annotations

import numpy
import pytest
from spacy.tokens import Doc, Span

from myrtille.enrichment.enricher import Enricher
from myrtille.enrichment.sentence_copies import copy_sentence, entity_bounds
from tests.enrichment import test_events_syntax

REGISTRY = test_events_syntax.REGISTRY

TEXTS = {
    "fr": "Les Ateliers Kermor ont été rachetés par Brasseries Talvern à Quimper. "
    "Nexalis, basée à Lorient, va recruter 30 brasseurs en Bretagne.",
    "en": "Ateliers Kermor was acquired by Brasseries Talvern in Quimper. Nexalis, based "
    "in Lorient, will hire 30 brewers in Brittany.",
}


def _view(doc: Doc) -> tuple[object, ...]:
    head = doc._get_array_attrs()
    return (
        doc.text,
        doc.to_array(head).tolist(),
        [(e.start, e.end, e.label_) for e in doc.ents],
        [t.ent_iob_ for t in doc],
        doc.tensor.tolist(),
    )


@pytest.mark.parametrize("language", ["fr", "en"])
def test_a_sentence_is_copied_as_as_doc_copies_it(
    registry_enricher: Enricher, language: str
) -> None:
    doc = registry_enricher.tools(language).nlp(TEXTS[language])
    assert doc.ents
    head = doc._get_array_attrs()
    array = doc.to_array(head)
    before = array.copy()
    ents = entity_bounds(doc)
    # Every sentence, and parts of it that cut the first and the last entity in two.
    first, last = doc.ents[0], doc.ents[-1]
    bounds = [(s.start, s.end) for s in doc.sents]
    bounds += [(first.start + 1, last.end - 1), (0, first.end - 1), (first.start + 1, len(doc))]
    for start, end in [(start, end) for start, end in bounds if end > start]:
        span = Span(doc, start, end)
        expected = span.as_doc(array_head=head, array=array.copy())
        copied = copy_sentence(Span(doc, start, end), head, array, ents)
        assert _view(copied) == _view(expected)
        assert copied.vector.size == 0
    assert numpy.array_equal(array, before)
