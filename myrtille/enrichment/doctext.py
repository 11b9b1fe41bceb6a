"""A document's text, built once.

spaCy's ``Doc.text`` joins every token's text at each call; the event rules read it for
each trigger (its clause, the words before a company), so it is built once per document
and kept in ``doc.user_data``. A Doc's text never changes once it is made.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

_KEY = "myrtille:text"


def text_of(doc: Doc) -> str:
    """``doc.text``, joined on the first call only."""
    text = doc.user_data.get(_KEY)
    if text is None:
        text = doc.user_data[_KEY] = doc.text
    return text


def span_text(span: Span) -> str:
    """``span.text``, cut from the document's text (``Span.text`` joins its tokens)."""
    return text_of(span.doc)[span.start_char : span.end_char]
