"""Highlighted snippets, made from the original text for any backend.

Crawled text is untrusted: the snippet is HTML-escaped, then the matched words are
wrapped in ``<mark>``; nothing else of the text can become markup.
"""

from __future__ import annotations

import html
import re
from functools import lru_cache

from myrtille.index.base import Hit, IndexedDocument
from myrtille.index.query import And, Node, Not, Or, Text
from myrtille.pipeline.normalise import fold_text

_TOKEN = re.compile(r"[^\W_]+", re.UNICODE)
WIDTH = 220


def query_words(node: Node) -> set[str]:
    """The words a query looks for (not those it excludes)."""
    if isinstance(node, Text):
        return set(node.words)
    if isinstance(node, And | Or):
        return set().union(*(query_words(item) for item in node.items)) if node.items else set()
    if isinstance(node, Not):
        return set()
    return set()


@lru_cache(maxsize=50_000)
def _folded(word: str) -> str:
    return fold_text(word)


def _first_match(text: str, words: set[str]) -> int | None:
    for match in _TOKEN.finditer(text):
        if _folded(match.group(0)) in words:
            return match.start()
    return None


def snippet(text: str, words: set[str], width: int = WIDTH) -> str:
    """About ``width`` characters around the first matched word, matches in <mark>."""
    text = " ".join(text.split())
    first = _first_match(text, words) if words else None
    if first is not None:
        start = max(0, first - width // 3)
        start = text.rfind(" ", 0, start) + 1 if start else 0
    else:
        start = 0
    end = min(len(text), start + width)
    if end < len(text):
        cut = text.rfind(" ", start, end)
        end = cut if cut > start else end
    # Only the window is scanned for highlights: texts can be long.
    spans = (
        [
            (start + m.start(), start + m.end())
            for m in _TOKEN.finditer(text[start:end])
            if _folded(m.group(0)) in words
        ]
        if words
        else []
    )
    pieces = []
    cursor = start
    for begin, finish in spans:
        if begin < start or finish > end:
            continue
        pieces.append(html.escape(text[cursor:begin]))
        pieces.append(f"<mark>{html.escape(text[begin:finish])}</mark>")
        cursor = finish
    pieces.append(html.escape(text[cursor:end]))
    prefix = "…" if start > 0 else ""
    suffix = "…" if end < len(text) else ""
    return prefix + "".join(pieces) + suffix


@lru_cache(maxsize=50_000)
def _folded(word: str) -> str:
    return fold_text(word)


def _first_match(text: str, words: set[str]) -> int | None:
    for match in _TOKEN.finditer(text):
        if _folded(match.group(0)) in words:
            return match.start()
    return None


def plain(snippet_html: str) -> str:
    """The snippet as plain text (for terminals)."""
    return html.unescape(re.sub(r"</?mark>", "", snippet_html))


def hit(document: IndexedDocument, words: set[str], score: float | None) -> Hit:
    """A search hit for ``document``: its snippet around ``words``, and the backend's
    score (higher is better) when the search was by relevance."""
    return Hit(
        id=document.id,
        title=document.title,
        url=document.url,
        published_at=document.published_at,
        source=document.source,
        language=document.language,
        cluster=document.cluster,
        snippet=snippet(document.text or document.summary or "", words),
        score=float(score) if score is not None else None,
    )
