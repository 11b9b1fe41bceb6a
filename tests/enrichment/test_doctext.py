"""``text_of``: a document's text built once, the same as ``Doc.text``."""

from __future__ import annotations

import spacy

from myrtille.enrichment.doctext import text_of


def test_text_of_is_the_documents_text_built_once() -> None:
    doc = spacy.blank("fr")("Vernay lève 12 M€  à Lyon.\n\nSuite ")
    assert text_of(doc) == doc.text == "Vernay lève 12 M€  à Lyon.\n\nSuite "
    assert text_of(doc) is text_of(doc)
