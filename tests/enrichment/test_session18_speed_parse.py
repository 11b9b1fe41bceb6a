"""Issue 14, session 18, speed (the parse of the event sentences): the same answers with
less work.

- ``sentence_copies.copy_sentence`` rewires the heads that leave the sentence only when the
  document has heads other than each word itself: a copy of a parsed document's sentence,
  whose heads cross its edges, is still the one ``Span.as_doc`` makes, and so is a copy of
  a document without a parse.

The documents are made here, word by word.
"""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc, Span

from myrtille.enrichment.sentence_copies import copy_sentence, entity_bounds

NLP = spacy.blank("fr")

WORDS = ["Brivane", "rachète", "Colmette", ",", "qui", "recrute", "dix", "soudeurs", "."]
# "rachète" governs the whole; the relative clause hangs on "Colmette".
HEADS = [1, 1, 1, 1, 5, 2, 7, 5, 1]
DEPS = ["nsubj", "ROOT", "obj", "punct", "nsubj", "acl:relcl", "nummod", "obj", "punct"]


def _view(doc: Doc) -> tuple[object, ...]:
    head = doc._get_array_attrs()
    return (
        doc.text,
        doc.to_array(head).tolist(),
        [(e.start, e.end, e.label_) for e in doc.ents],
        [(t.head.i, t.dep_) for t in doc],
    )


def _copies(doc: Doc, start: int, end: int) -> tuple[Doc, Doc]:
    head = doc._get_array_attrs()
    array = doc.to_array(head)
    expected = Span(doc, start, end).as_doc(array_head=head, array=array.copy())
    return copy_sentence(Span(doc, start, end), head, array, entity_bounds(doc)), expected


@pytest.mark.parametrize("bounds", [(0, 9), (2, 8), (4, 9), (5, 8), (0, 3), (6, 8)])
def test_a_parsed_sentence_is_copied_with_its_heads_rewired_as_as_doc_does(
    bounds: tuple[int, int],
) -> None:
    doc = Doc(NLP.vocab, words=WORDS, heads=HEADS, deps=DEPS, ents=["B-ORG"] + ["O"] * 8)
    copied, expected = _copies(doc, *bounds)
    assert _view(copied) == _view(expected)


def test_the_parsed_parts_do_cross_the_edges() -> None:
    # Without a head outside it, a part would not tell the rewiring from its absence.
    doc = Doc(NLP.vocab, words=WORDS, heads=HEADS, deps=DEPS)
    for start, end in [(2, 8), (4, 9), (5, 8), (6, 8)]:
        assert any(not start <= doc[i].head.i < end for i in range(start, end))


@pytest.mark.parametrize("bounds", [(0, 9), (2, 8), (5, 8)])
def test_a_sentence_without_a_parse_is_copied_as_as_doc_copies_it(
    bounds: tuple[int, int],
) -> None:
    doc = Doc(NLP.vocab, words=WORDS, ents=["B-ORG", "O", "B-ORG"] + ["O"] * 6)
    copied, expected = _copies(doc, *bounds)
    assert _view(copied) == _view(expected)
    assert all(t.head.i == t.i for t in copied)
