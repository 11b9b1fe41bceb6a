"""Words reduced to their stems, the same way on the document's side and the query's.

A document's words are stemmed with the Snowball stemmer of its language (French or
English) into streams of their own, one per language (``title_fr``, ``text_en``…); a query
word is stemmed with each of those stemmers and looked for in the streams of that
language only. So ``usines`` and ``usine`` (stem ``usin``), ``acquired`` and ``acquires``
(``acquir``) meet whichever the user types, and an English stem never matches a French
document's. Both sides stem the folded word (the query only has folded words), with the
same function, so every evaluator (in memory, SQLite, Elasticsearch) sees the same stems.
See docs/query-language.md for why a stemmer rather than the query's lemmas.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache, lru_cache

import snowballstemmer

# Languages whose documents get stem streams; Snowball's name for each.
STEMMERS = {"fr": "french", "en": "english"}
STEM_LANGUAGES = tuple(STEMMERS)
STREAMS = ("title", "text")


def stream_name(part: str, language: str) -> str:
    """The stream (FTS5 column, Elasticsearch field) of ``part``'s stems in ``language``."""
    return f"{part}_{language}"


@cache
def _stemmer(language: str) -> snowballstemmer.stemmer:
    return snowballstemmer.stemmer(STEMMERS[language])


@lru_cache(maxsize=200_000)
def stem(word: str, language: str) -> str:
    """The stem of one folded word in ``language`` (one of ``STEM_LANGUAGES``)."""
    return _stemmer(language).stemWord(word)


def stem_language(language: str | None) -> str | None:
    """The stemming language of a document's language tag (``fr-FR`` → ``fr``), or None
    when Myrtille has no stemmer for it: such a document is matched on its words alone."""
    if not language:
        return None
    primary = language.lower().replace("_", "-").split("-")[0]
    return primary if primary in STEMMERS else None


def stems(words: Sequence[str], language: str) -> list[str]:
    return [stem(word, language) for word in words]
