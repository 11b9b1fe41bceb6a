"""A sentence copied as a Doc of its own for the parser, as ``Span.as_doc`` copies it, without
its two costs per sentence that grow with the document (session 14): ``as_doc`` reads every
entity of the document (``Span.ents`` builds them all) to drop an entity cut by the
sentence's edges, and, given the document's attribute array, writes into it (so it had to be
given a copy of the whole array each time). Here only the sentence's rows are copied, and the
entities are read only when one runs across the sentence's start or end (session 19: no
other can be cut); the copy is the one ``as_doc`` makes, less the span's vector
(``SentenceParser._copy`` gives it none either)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy
from spacy.attrs import ENT_IOB, HEAD, LENGTH, ORTH, SPACY
from spacy.tokens import Doc, Span

from myrtille.enrichment.doctext import entities_of

# The vector a parsed copy of a sentence is given.
_NO_VECTOR = numpy.zeros((0,), dtype="f")
# The attributes a copy is given, ``Span.as_doc``'s (``Doc._get_array_attrs``) less
# ``LENGTH``: a lexeme's, which ``Doc.from_array`` does not write (the words make the
# lexemes) and no step of the copy reads; reading it is a tenth of the array's cost.
COPIED: tuple[int, ...] = tuple(a for a in Doc._get_array_attrs() if a != LENGTH)


def entity_bounds(doc: Doc) -> frozenset[tuple[int, int]]:
    """The token bounds of the document's entities, read once for all its sentences."""
    return frozenset((ent.start, ent.end) for ent in entities_of(doc))


def _words(span: Span, head: Sequence[int], rows: numpy.ndarray) -> dict[str, list[Any]]:
    """The sentence's words and spaces (``Token.text``, ``Token.whitespace_``), read from
    its rows of the document's array when it holds them: no Token made per word."""
    if ORTH not in head or SPACY not in head:
        return {"words": [t.text for t in span], "spaces": [bool(t.whitespace_) for t in span]}
    strings = span.doc.vocab.strings
    orths, spaces = rows[:, head.index(ORTH)].tolist(), rows[:, head.index(SPACY)].tolist()
    return {"words": [strings[h] for h in orths], "spaces": [bool(s) for s in spaces]}


def copy_sentence(
    span: Span,
    head: Sequence[int],
    array: numpy.ndarray,
    ents: frozenset[tuple[int, int]] | None = None,
) -> Doc:
    """``span.as_doc(array_head=head, array=array)`` with a vector of none; ``array``: the
    document's attribute array (left unchanged), ``ents``: ``entity_bounds(span.doc)``,
    read only if an entity is cut (made from the document when not given)."""
    doc = span.doc
    rows = array[span.start : span.end].copy()
    cut = ENT_IOB in head and _cuts_entity(span, head, array)
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
    # copy is within the sentence, so it is one of the sentence's if it is one of the doc's);
    # with none cut, each of the copy's is the document's, and none is dropped.
    copied = copy.ents if cut else ()
    if len(copied) > 0:
        ents = entity_bounds(doc) if ents is None else ents
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


def _cuts_entity(span: Span, head: Sequence[int], array: numpy.ndarray) -> bool:
    """Whether an entity of the document runs across the span's start or end: its first
    word inside the entity (IOB "I", 1) or the word after it continuing one. Else every
    entity of the copy starts ("B") and ends where the document's does, so it is one of
    the document's, and ``as_doc`` drops none of them."""
    column = head.index(ENT_IOB)
    if span.start < span.end and array[span.start, column] == 1:
        return True
    return span.end < len(array) and array[span.end, column] == 1
