"""A document's text (and its lemmas), built once.

spaCy's ``Doc.text`` joins every token's text at each call; the event rules read it for
each trigger (its clause, the words before a company), so it is built once per document
and kept in ``doc.user_data``. A Doc's text never changes once it is made.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar

from spacy.attrs import LEMMA, LIKE_NUM, NORM, SENT_START
from spacy.tokens import Doc, Span, Token

_KEY = "myrtille:text"
_COLUMNS = "myrtille:columns"
_SENTENCES = "myrtille:sentences"
_SENTENCE_SPANS = "myrtille:sentence-spans"
_ENTITIES = "myrtille:entities"
T = TypeVar("T")


def text_of(doc: Doc) -> str:
    """``doc.text``, joined on the first call only."""
    text = doc.user_data.get(_KEY)
    if text is None:
        text = doc.user_data[_KEY] = doc.text
    return text


def remember_text(doc: Doc, text: str) -> None:
    """Keep ``text``, from which ``nlp`` made ``doc``, as its text: spaCy's tokenizer loses
    no character (``doc.text == text``), so the join of every token is saved. A Doc whose
    last token does not end where ``text`` does is left to ``text_of`` to join."""
    if not len(doc) or doc[-1].idx + len(doc[-1].text_with_ws) == len(text):
        doc.user_data[_KEY] = text


def span_text(span: Span) -> str:
    """``span.text``, cut from the document's text (``Span.text`` joins its tokens)."""
    return text_of(span.doc)[span.start_char : span.end_char]


def lemmas_of(doc: Doc) -> list[int]:
    """Each token's lemma hash, read from the document's array on the first call only
    (a rule that reads a sentence's lemmas per trigger would make a Token per word)."""
    return columns_of(doc)[0]


def columns_of(doc: Doc) -> tuple[list[int], list[int], list[int]]:
    """Each token's LEMMA and NORM hashes and LIKE_NUM flag, read in one array on the first
    call only: the event and sector patterns (patterns.py) and the event rules all read
    them, and the pipeline's last component has set them for good."""
    columns = doc.user_data.get(_COLUMNS)
    if columns is None:
        lemmas, norms, numbers = doc.to_array([LEMMA, NORM, LIKE_NUM]).T.tolist()
        columns = doc.user_data[_COLUMNS] = (lemmas, norms, numbers)
    return columns


def keep_columns(doc: Doc, columns: tuple[list[int], list[int], list[int]]) -> None:
    """Keep ``columns`` (LEMMA, NORM, LIKE_NUM per token) as the document's, for
    ``columns_of``: the pipeline's folding component has them at hand once it has set
    LEMMA and NORM for good (patterns.fold_doc)."""
    doc.user_data[_COLUMNS] = columns


def kept_columns(doc: Doc) -> tuple[list[int], list[int], list[int]] | None:
    """The document's columns if ``columns_of`` or ``keep_columns`` has them, else None."""
    return doc.user_data.get(_COLUMNS)


def sentence_of(doc: Doc, i: int) -> Span:
    """``doc[i].sent``, or the whole document when it has no sentence boundaries. The
    sentences' first tokens are read once per document: ``Token.sent`` walks the tokens
    back to its sentence's start and on to its end at each call (the event rules ask it
    for each trigger)."""
    starts = doc.user_data.get(_SENTENCES)
    if starts is None:
        if doc.user_token_hooks or doc.user_span_hooks or doc.user_hooks:
            return doc[i].sent if doc.has_annotation("SENT_START") else doc[:]
        # As Token.sent reads them: a sentence starts at the first token and at each
        # token whose SENT_START is 1; none marked (no recogniser): the whole document.
        marked = [j for j, start in enumerate(doc.to_array(SENT_START).tolist()) if start == 1]
        starts = [0, *(j for j in marked if j)] if doc.has_annotation("SENT_START") else []
        doc.user_data[_SENTENCES] = starts
    if not starts:
        return doc[:]
    after = bisect_right(starts, i)
    # Each sentence's Span made once (session 15): the rules ask 30 to 40 times a document.
    spans = doc.user_data.get(_SENTENCE_SPANS)
    if spans is None:
        spans = doc.user_data[_SENTENCE_SPANS] = {}
    sentence = spans.get(after)
    if sentence is None:
        end = starts[after] if after < len(starts) else len(doc)
        sentence = spans[after] = doc[starts[after - 1] : end]
    return sentence


def entities_of(doc: Doc) -> tuple[Span, ...]:
    """``doc.ents``, built on the first call only (session 15): ``Doc.ents`` makes a Span
    per entity at each call, and the document's companies, entities, people's words,
    places and parsed copies all read them; the pipeline's last component has set them
    for good."""
    entities = doc.user_data.get(_ENTITIES)
    if entities is None:
        entities = doc.user_data[_ENTITIES] = tuple(doc.ents)
    return entities


def once_per_document(function: Callable[[Span], T]) -> Callable[[Span], T]:
    """``function``, a function of a span's document alone (not of the span), computed
    once per document and kept in its ``user_data`` (the rules ask per trigger)."""
    key = f"myrtille:{function.__module__}.{function.__qualname__}"

    @wraps(function)
    def once(span: Span) -> T:
        data = span.doc.user_data
        if key not in data:
            data[key] = function(span)
        return data[key]

    return once


def per_document(function: Callable[..., T]) -> Callable[..., T]:
    """``function`` memoised in its document's ``user_data``: a function of spans (or
    tokens) of one document, or of the document itself, and of plain values, which the
    event rules ask again for the same sentence, clause or mention list per trigger.
    Spans count by their bounds, a list argument (of company mentions, dataclasses) by
    its items' fields at the call; a list answer is handed out as a copy, so that no
    caller changes another's."""
    name = f"myrtille:{function.__module__}.{function.__qualname__}"

    @wraps(function)
    def memoised(*args: Any) -> T:
        doc = None
        key: list[Any] = []
        for value in args:  # inlined: this wrapper runs a few thousand times a batch
            kind = type(value)
            if kind is Span or kind is Token:
                if doc is None:
                    doc = value.doc
                elif value.doc is not doc:  # spans of two documents: not memoised
                    return function(*args)
                key.append((value.start, value.end, value.label) if kind is Span else value.i)
            elif kind is Doc:  # the document itself (notice_reading._is_notice)
                if doc is None:
                    doc = value
                elif value is not doc:
                    return function(*args)
                key.append(None)
            elif kind is list:
                # company mentions (mutable dataclasses): by their fields at the call
                key.append(tuple(tuple(vars(v).values()) for v in value))
            else:
                key.append(value)
        if doc is None:
            return function(*args)
        memo = doc.user_data.get(name)
        if memo is None:
            memo = doc.user_data[name] = {}
        found = tuple(key)
        answer = memo.get(found, _MISSING)
        if answer is _MISSING:
            answer = memo[found] = function(*args)
        return list(answer) if type(answer) is list else answer  # type: ignore[return-value]

    return memoised


_MISSING = object()
