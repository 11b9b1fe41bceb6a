"""``text_of`` and ``span_text``: a document's text built once, and spans cut from it,
the same as spaCy's ``Doc.text`` and ``Span.text``."""

from __future__ import annotations

import spacy
from hypothesis import given
from hypothesis import strategies as st

from myrtille.enrichment.doctext import span_text, text_of

NLP = spacy.blank("fr")


def test_text_of_is_the_documents_text_built_once() -> None:
    doc = NLP("Vernay lève 12 M€  à Lyon.\n\nSuite ")
    assert text_of(doc) == doc.text == "Vernay lève 12 M€  à Lyon.\n\nSuite "
    assert text_of(doc) is text_of(doc)


@given(st.text(st.sampled_from("ab é.\n\t\u00a0’-"), max_size=30))
def test_span_text_is_the_spans_text(text: str) -> None:
    doc = NLP(text)
    for start in range(len(doc) + 1):
        for end in range(start, len(doc) + 1):
            assert span_text(doc[start:end]) == doc[start:end].text
