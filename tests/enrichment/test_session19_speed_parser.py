"""Issue 14, session 19, speed (the parse of the event sentences): the same parses with less
copying.

- ``copy_sentence`` reads the copy's entities only when an entity of the document runs
  across the sentence's start or end; any other copy is still the one ``Span.as_doc``
  makes (every part of real documents, Hypothesis over the cuts).
- The document's array is read without ``LENGTH`` (``sentence_copies.COPIED``): a copy
  made from it is the one made from every attribute ``as_doc`` reads.
- ``SentenceParser.parse_ahead`` asks once per document whether it has a parse: sentences
  of the demo corpus parsed ahead in one batch get, word for word, the heads, labels and
  attributes that parsing each alone through ``Span.as_doc`` gives.
"""

from __future__ import annotations

import numpy
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.attrs import LENGTH
from spacy.tokens import Doc, Span

from myrtille.demo.corpus import load_corpus
from myrtille.enrichment.enricher import Enricher
from myrtille.enrichment.sentence_copies import COPIED, copy_sentence
from myrtille.enrichment.syntax import Parsed, SentenceParser
from tests.enrichment import test_events_syntax

REGISTRY = test_events_syntax.REGISTRY

# Entities of several words, so that parts can cut them at either end.
TEXTS = {
    "fr": "Les Ateliers Kermor de Quimper ont été rachetés par Brasseries Talvern de Bretagne "
    "Occidentale. La Banque Populaire du Grand Ouest finance Nexalis.",
    "en": "Ateliers Kermor of Quimper was acquired by Brasseries Talvern of Western Brittany. "
    "The Bank of the Grand West finances Nexalis.",
}


def _view(doc: Doc) -> tuple[object, ...]:
    return (
        doc.text,
        doc.to_array(doc._get_array_attrs()).tolist(),
        [(e.start, e.end, e.label_) for e in doc.ents],
        [t.ent_iob_ for t in doc],
        doc.tensor.tolist(),
    )


def _expected(doc: Doc, start: int, end: int) -> Doc:
    head = doc._get_array_attrs()
    return Span(doc, start, end).as_doc(array_head=head, array=doc.to_array(head))


@pytest.fixture(scope="module")
def docs(registry_enricher: Enricher) -> dict[str, Doc]:
    return {code: registry_enricher.tools(code).nlp(text) for code, text in TEXTS.items()}


@pytest.mark.parametrize("language", ["fr", "en"])
def test_every_part_is_copied_as_as_doc_copies_it(docs: dict[str, Doc], language: str) -> None:
    doc = docs[language]
    # Entities of two words or more, so that some parts cut one at their start or end.
    assert any(len(e) > 1 for e in doc.ents)
    array = doc.to_array(COPIED)
    before = array.copy()
    cut = 0
    for start in range(len(doc)):
        for end in range(start + 1, len(doc) + 1):
            expected = _expected(doc, start, end)
            copied = copy_sentence(Span(doc, start, end), COPIED, array)
            assert _view(copied) == _view(expected), (start, end)
            cut += any(e.start < edge < e.end for e in doc.ents for edge in (start, end))
    # Parts with an entity cut at their start or end, which as_doc drops, were copied.
    assert cut > 20
    assert numpy.array_equal(array, before)


@settings(max_examples=60, deadline=None)
@given(language=st.sampled_from(["fr", "en"]), data=st.data())
def test_a_random_part_is_copied_as_as_doc_copies_it(
    docs: dict[str, Doc], language: str, data: st.DataObject
) -> None:
    doc = docs[language]
    start = data.draw(st.integers(0, len(doc) - 1))
    end = data.draw(st.integers(start + 1, len(doc)))
    copied = copy_sentence(Span(doc, start, end), COPIED, doc.to_array(COPIED))
    assert _view(copied) == _view(_expected(doc, start, end))


def test_the_array_read_leaves_out_length_only() -> None:
    # from_array writes no lexeme attribute: LENGTH is the only one as_doc reads uselessly.
    assert LENGTH in Doc._get_array_attrs()
    assert tuple(a for a in Doc._get_array_attrs() if a != LENGTH) == COPIED


def _parse_view(parsed: Parsed | None) -> object:
    assert parsed is not None
    copy = parsed.span.doc
    return (
        parsed.tokens,
        parsed.chars,
        copy.to_array(copy._get_array_attrs()).tolist(),
        [(t.text, t.head.i, t.dep_, t.lemma_, str(t.morph), t.ent_iob_) for t in copy],
        [(e.start, e.end, e.label_) for e in copy.ents],
        [s.start for s in copy.sents],
    )


@pytest.mark.parametrize("language", ["fr", "en"])
def test_demo_sentences_parsed_ahead_are_parsed_as_alone(
    registry_enricher: Enricher, language: str
) -> None:
    nlp = registry_enricher.tools(language).nlp
    articles = [a for a in load_corpus().articles if a.language == language][:8]
    docs = list(nlp.pipe(f"{a.title}\n\n{a.summary}\n\n{a.body}" for a in articles))
    # Every sentence, each document's twice over (a sentence asked again is parsed once).
    sentences = [s for doc in docs for s in doc.sents if not s.text.isspace()]
    assert len(sentences) > 40
    ahead, alone = SentenceParser(nlp), SentenceParser(nlp)
    ahead.parse_ahead(sentences + sentences[:5])
    heads = 0
    for sentence in sentences:
        one, other = ahead(sentence), alone(sentence)
        assert _parse_view(one) == _parse_view(other)
        assert one is not None
        heads += sum(t.head.i != t.i for t in one.span)
    assert heads > len(sentences)  # parsed, not left as they were
