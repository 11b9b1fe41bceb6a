"""Highlighted snippets, made from the original text for any backend.

Crawled text is untrusted: the snippet is HTML-escaped, then the matched words are
wrapped in ``<mark>``; nothing else of the text can become markup.

A phrase is marked whole (``<mark>levée de fonds</mark>``) and its words are never
marked alone where the phrase occurs; the window is centred on the best match: a
phrase before a lone word, then the place where most of the query's terms meet.
"""

from __future__ import annotations

import html
import importlib.util
import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from functools import cache, lru_cache
from pathlib import Path

from myrtille.index.base import Hit, IndexedDocument
from myrtille.index.query import And, Node, Or, Text
from myrtille.pipeline.normalise import fold_text

_TOKEN = re.compile(r"[^\W_]+", re.UNICODE)
WIDTH = 220

# A term: the folded words of one word or of one phrase.
Term = tuple[str, ...]


def query_terms(node: Node) -> tuple[Term, ...]:
    """The words and phrases a query looks for (not those it excludes), in query order."""
    if isinstance(node, Text):
        return (node.words,) if node.words else ()
    if isinstance(node, And | Or):
        seen: dict[Term, None] = {}
        for item in node.items:
            seen.update(dict.fromkeys(query_terms(item)))
        return tuple(seen)
    return ()  # Not, fields, dates: nothing to show in the text


@lru_cache(maxsize=50_000)
def _folded(word: str) -> str:
    return fold_text(word)


@cache
def _stop_words() -> frozenset[str]:
    # Loaded only when a phrase is absent from a text (it matched the title, or a lemma).
    return frozenset(fold_text(w) for w in spacy_stop_words("fr") | spacy_stop_words("en"))


def spacy_stop_words(language: str) -> set[str]:
    """spaCy's stop words for ``language``, read from their module alone: importing it as
    ``spacy.lang.fr.stop_words`` runs ``spacy.lang.fr`` first, which compiles the French
    tokenizer's exceptions (8 s on a 2-core machine), inside the first request that
    needed a snippet."""
    spacy = importlib.util.find_spec("spacy")
    assert spacy is not None and spacy.origin is not None, "spaCy is a dependency"
    path = Path(spacy.origin).parent / "lang" / language / "stop_words.py"
    spec = importlib.util.spec_from_file_location(f"_myrtille_stop_words_{language}", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return set(module.STOP_WORDS)


def _matches(text: str, terms: Iterable[Term]) -> list[tuple[int, int, int, Term]]:
    """Every match of a term in ``text``: (start, end, number of words, term), phrases
    first where they overlap single words."""
    tokens = [(m.start(), m.end(), _folded(m.group(0))) for m in _TOKEN.finditer(text)]
    folded = [word for _, _, word in tokens]
    singles = {t[0]: t for t in terms if len(t) == 1}
    phrases = [t for t in terms if len(t) > 1]
    found: list[tuple[int, int, int, Term]] = []
    covered: set[int] = set()
    absent: list[Term] = []
    for phrase in sorted(phrases, key=len, reverse=True):
        size = len(phrase)
        hits = [
            i
            for i, word in enumerate(folded)
            if word == phrase[0] and tuple(folded[i : i + size]) == phrase
        ]
        if not hits:
            absent.append(phrase)
        for i in hits:
            if covered.isdisjoint(range(i, i + size)):
                covered.update(range(i, i + size))
                found.append((tokens[i][0], tokens[i + size - 1][1], size, phrase))
    # A phrase the text does not hold as such (it matched the title or a lemma) shows its
    # meaningful words; its stop words ("de", "the") would only light up noise.
    for phrase in absent:
        for word in phrase:
            if word not in singles and word not in _stop_words():
                singles[word] = (word,)
    for i, (start, end, word) in enumerate(tokens):
        if word in singles and i not in covered:
            found.append((start, end, 1, singles[word]))
    found.sort()
    return found


def _best(matches: list[tuple[int, int, int, Term]], width: int) -> tuple[int, int] | None:
    """The span of the best match: the longest phrase, then the one with the most
    distinct terms within a window around it, then the earliest."""
    if not matches:
        return None
    starts = [m[0] for m in matches]
    best_key: tuple[int, int, int] | None = None
    best_span = (matches[0][0], matches[0][1])
    for start, end, size, _ in matches:
        centre = (start + end) // 2
        low = bisect_left(starts, centre - width // 2)
        high = bisect_right(starts, centre + width // 2)
        key = (size, len({m[3] for m in matches[low:high]}), -start)
        if best_key is None or key > best_key:
            best_key, best_span = key, (start, end)
    return best_span


def _window(text: str, span: tuple[int, int] | None, width: int) -> tuple[int, int]:
    """About ``width`` characters centred on ``span``, cut at spaces."""
    if span is None or len(text) <= width:
        start = 0
    else:
        centre = (span[0] + span[1]) // 2
        start = max(0, min(centre - width // 2, len(text) - width))
        if start:
            start = text.rfind(" ", 0, start) + 1
    end = min(len(text), start + width)
    if end < len(text):
        cut = text.rfind(" ", max(start, span[1] if span else start), end)
        end = cut if cut > start else end
    return start, end


def snippet(text: str, terms: Iterable[Term], width: int = WIDTH) -> str:
    """About ``width`` characters around the best match, matches in <mark>."""
    text = " ".join(text.split())
    found = _matches(text, tuple(terms))
    start, end = _window(text, _best(found, width), width)
    pieces = []
    cursor = start
    for begin, finish, _, _ in found:
        if begin < start or finish > end:
            continue
        pieces.append(html.escape(text[cursor:begin]))
        pieces.append(f"<mark>{html.escape(text[begin:finish])}</mark>")
        cursor = finish
    pieces.append(html.escape(text[cursor:end]))
    prefix = "…" if start > 0 else ""
    suffix = "…" if end < len(text) else ""
    return prefix + "".join(pieces) + suffix


def plain(snippet_html: str) -> str:
    """The snippet as plain text (for terminals)."""
    return html.unescape(re.sub(r"</?mark>", "", snippet_html))


def hit(document: IndexedDocument, terms: Iterable[Term], score: float | None) -> Hit:
    """A search hit for ``document``: its snippet around the query's ``terms``, and the
    backend's score (higher is better) when the search was by relevance."""
    return Hit(
        id=document.id,
        title=document.title,
        url=document.url,
        published_at=document.published_at,
        source=document.source,
        language=document.language,
        cluster=document.cluster,
        snippet=snippet(document.text or document.summary or "", terms),
        score=float(score) if score is not None else None,
    )
