"""``text_of`` and ``span_text``: a document's text built once, and spans cut from it,
the same as spaCy's ``Doc.text`` and ``Span.text``; ``columns_of``: its token columns."""

from __future__ import annotations

import spacy
from hypothesis import given
from hypothesis import strategies as st
from spacy.attrs import LEMMA, LIKE_NUM, NORM

from myrtille.enrichment.doctext import (
    columns_of,
    lemmas_of,
    remember_text,
    span_text,
    text_of,
)
from myrtille.enrichment.enricher import DocumentInput, Enricher

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


@given(st.text(st.sampled_from("ab é.\n\t\u00a0’- "), max_size=30))
def test_a_remembered_text_is_the_documents_text(text: str) -> None:
    doc = NLP(text)
    remember_text(doc, text)
    assert text_of(doc) == doc.text


def test_a_text_the_doc_was_not_made_from_is_not_remembered() -> None:
    doc = NLP("Vernay ouvre une usine à Lyon.")
    remember_text(doc, "Vernay opens a plant in Lyon.")  # not its text: joined instead
    assert text_of(doc) == "Vernay ouvre une usine à Lyon."


def test_the_enricher_remembers_each_documents_text(enricher: Enricher) -> None:
    inputs = [
        DocumentInput(
            id="fr", title="Vernay à Lyon", text="Vernay ouvre  une usine.\n\n", language="fr"
        ),
        DocumentInput(
            id="en", title="Vernay in Leeds", text=" Vernay opens a plant.\t", language="en"
        ),
    ]
    for document in inputs:
        text, _ = enricher._text(document)
        doc = enricher.tools(document.language).nlp(text)
        remember_text(doc, text)
        assert text_of(doc) == doc.text == text
    assert [r.error for r in enricher.enrich(inputs)] == [None, None]


def test_columns_of_are_the_documents_columns_read_once() -> None:
    for text in ("Vernay lève 12 M€ à Lyon, trois ans après.", ""):
        doc = NLP(text)
        columns = columns_of(doc)
        assert list(columns) == [doc.to_array(attr).tolist() for attr in (LEMMA, NORM, LIKE_NUM)]
        assert [bool(n) for n in columns[2]] == [t.like_num for t in doc]
        assert columns_of(doc) is columns and lemmas_of(doc) is columns[0]
