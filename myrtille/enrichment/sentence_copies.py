"""A sentence copied as a Doc of its own for the parser, as ``Span.as_doc`` copies it, without
its two costs per sentence that grow with the document (session 14): ``as_doc`` reads every
entity of the document (``Span.ents`` builds them all) to drop an entity cut by the
sentence's edges, and, given the document's attribute array, writes into it (so it had to be
given a copy of the whole array each time). Here the document's entity bounds are read once,
and only the sentence's rows are copied; the copy is the one ``as_doc`` makes, less the
span's vector (``SentenceParser._copy`` gives it none either)."""

from __future__ import annotations

from typing import Any

import numpy
from spacy.attrs import ENT_IOB, HEAD, ORTH, SPACY
from spacy.tokens import Doc, Span

from myrtille.enrichment.doctext import entities_of

# The vector a parsed copy of a sentence is given.
_NO_VECTOR = numpy.zeros((0,), dtype="f")


def entity_bounds(doc: Doc) -> frozenset[tuple[int, int]]:
    """The token bounds of the document's entities, read once for all its sentences."""
    return frozenset((ent.start, ent.end) for ent in entities_of(doc))


def _words(span: Span, head: list[int], rows: numpy.ndarray) -> dict[str, list[Any]]:
    """The sentence's words and spaces (``Token.text``, ``Token.whitespace_``), read from
    its rows of the document's array when it holds them: no Token made per word."""
    if ORTH not in head or SPACY not in head:
        return {"words": [t.text for t in span], "spaces": [bool(t.whitespace_) for t in span]}
    strings = span.doc.vocab.strings
    orths, spaces = rows[:, head.index(ORTH)].tolist(), rows[:, head.index(SPACY)].tolist()
    return {"words": [strings[h] for h in orths], "spaces": [bool(s) for s in spaces]}


def copy_sentence(
    span: Span, head: list[int], array: numpy.ndarray, ents: frozenset[tuple[int, int]]
) -> Doc:
    """``span.as_doc(array_head=head, array=array)`` with a vector of none; ``array``: the
    document's attribute array (left unchanged), ``ents``: ``entity_bounds(span.doc)``."""
    doc = span.doc
    rows = array[span.start : span.end].copy()
    copy = Doc(doc.vocab, **_words(span, head, rows))
    # _fix_dep_copy moves a head outside the sentence inside it: with every head the word
    # itself (no parse, so a zero offset in each row) it changes nothing and would only
    # make a Token per word.
    if HEAD in head and rows[:, head.index(HEAD)].any():
        span._fix_dep_copy(head, rows)
    # As as_doc: an entity cut by the sentence's start begins it.
    if len(rows) > 0 and ENT_IOB in head:
        column = head.index(ENT_IOB)
        if rows[0][column] == 1:
            rows[0][column] = 3
    copy.from_array(head, rows)
    # As as_doc: an entity cut by the sentence's start or end is dropped (an entity of the
    # copy is within the sentence, so it is one of the sentence's if it is one of the doc's).
    copied = copy.ents
    if len(copied) > 0:
        if (copied[0].start + span.start, copied[0].end + span.start) not in ents:
            copy.set_ents([], missing=[copied[0]], default="unmodified")
        if (copied[-1].start + span.start, copied[-1].end + span.start) not in ents:
            copy.set_ents([], missing=[copied[-1]], default="unmodified")
    copy.noun_chunks_iterator = doc.noun_chunks_iterator
    copy.user_hooks = doc.user_hooks
    copy.user_span_hooks = doc.user_span_hooks
    copy.user_token_hooks = doc.user_token_hooks
    copy.vector = _NO_VECTOR
    copy.vector_norm = 0.0
    copy.tensor = doc.tensor[span.start : span.end]
    for key, value in doc.cats.items():
        if hasattr(key, "__len__") and len(key) == 3:
            start, end, label = key
            if start == span.start_char and end == span.end_char:
                copy.cats[label] = value
    return copy
