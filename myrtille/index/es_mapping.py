"""Elasticsearch: the index template (analyzers, mappings) and the documents' bodies.

Words that decide a match are stored exactly as ``words_of`` splits them, and stemmed as
``stems.py`` stems them, space-separated, under a whitespace-only analyzer; the French and
English analyzers only feed scoring.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from myrtille.index.base import (
    FACET_FIELDS,
    IndexedDocument,
)
from myrtille.index.matching import (
    SEARCHED,
    STRUCTURED_FIELDS,
    company_facets,
    field_values,
    word_streams,
)
from myrtille.index.payload import payload, stored_time

# 2: stems per language (title_stems_fr…) instead of lemmas; migrated from the payloads.
MAPPING_VERSION = 2
FACET_LIMIT = 20
TEMPLATE_PRIORITY = 500
# Statuses worth another attempt; every other 4xx is a mistake that would fail again.
RETRY_STATUSES = (429, 502, 503, 504)
# Backoff between attempts after connection errors and timeouts (elastic-transport's
# equal-jitter exponential backoff); status retries are immediate in the client.
RETRY_BACKOFF_BASE = 0.5
RETRY_BACKOFF_CAP = 10.0
# Bulk items rejected with 429 (queue full) wait 1 s, 2 s, 4 s… before their retry.
BULK_INITIAL_BACKOFF = 1.0
# Reindexing and deleting everything outlast the per-request timeout.
LONG_REQUEST_TIMEOUT = 3600.0

# The field of each stream of ``matching.word_streams``: words, then stems per language.
STREAM_FIELDS = {
    name: f"{name}_words" if language is None else f"{name.split('_')[0]}_stems_{language}"
    for name, language in SEARCHED["any"]
}
ANY_STREAMS = tuple(STREAM_FIELDS.values())
FRENCH_ARTICLES = ["l", "m", "t", "qu", "n", "s", "j", "d", "c"]
FRENCH_ARTICLES += ["jusqu", "quoiqu", "lorsqu", "puisqu"]


# -- the index template ---------------------------------------------------------------


def versioned_index(name: str, version: int = MAPPING_VERSION) -> str:
    return f"{name}-v{version}"


def template_name(name: str) -> str:
    return f"{name}-template"


def index_settings() -> dict[str, Any]:
    return {
        # One shard: terms aggregations (facets) and scores are exact, as in SQLite; a
        # news watch index stays far below the size where a shard needs splitting.
        "number_of_shards": 1,
        "analysis": {
            "filter": {
                "myrtille_fr_elision": {
                    "type": "elision",
                    "articles_case": True,
                    "articles": FRENCH_ARTICLES,
                },
                "myrtille_fr_stop": {"type": "stop", "stopwords": "_french_"},
                "myrtille_fr_stemmer": {"type": "stemmer", "language": "light_french"},
                "myrtille_en_possessive": {"type": "stemmer", "language": "possessive_english"},
                "myrtille_en_stop": {"type": "stop", "stopwords": "_english_"},
                "myrtille_en_stemmer": {"type": "stemmer", "language": "english"},
            },
            "tokenizer": {
                # Words are letters and digits only; the default 255-character cap would
                # cut a long word in pieces, so allow long ones (still far below
                # Lucene's 32766-byte term limit).
                "myrtille_whitespace": {"type": "whitespace", "max_token_length": 4096},
            },
            "analyzer": {
                # asciifolding before the stop filter: queries arrive folded ("a", "ete"),
                # so the text must be folded before stop words are compared.
                "myrtille_fr": {
                    "type": "custom",
                    "tokenizer": "standard",
                    "filter": [
                        "myrtille_fr_elision",
                        "lowercase",
                        "asciifolding",
                        "myrtille_fr_stop",
                        "myrtille_fr_stemmer",
                    ],
                },
                "myrtille_en": {
                    "type": "custom",
                    "tokenizer": "standard",
                    "filter": [
                        "myrtille_en_possessive",
                        "lowercase",
                        "asciifolding",
                        "myrtille_en_stop",
                        "myrtille_en_stemmer",
                    ],
                },
                # The pre-split, pre-folded words are matched exactly, like SQLite's
                # ``ascii`` tokenizer over the same strings: no filter at all.
                "myrtille_words": {
                    "type": "custom",
                    "tokenizer": "myrtille_whitespace",
                    "filter": [],
                },
            },
        },
    }


def index_mappings() -> dict[str, Any]:
    scored = {
        "type": "text",
        "fields": {
            "fr": {"type": "text", "analyzer": "myrtille_fr"},
            "en": {"type": "text", "analyzer": "myrtille_en"},
        },
    }
    # Matching happens in filter context: no norms needed, positions are (for phrases).
    words = {"type": "text", "analyzer": "myrtille_words", "norms": False}
    properties: dict[str, Any] = {
        "id": {"type": "keyword"},
        "url": {"type": "keyword", "index": False, "doc_values": False},
        "title": scored,
        "text": scored,
        **{stream: words for stream in ANY_STREAMS},
        **{f"f_{name}": {"type": "keyword"} for name in STRUCTURED_FIELDS},
        # The company facet shows names: each value carries its label in a nested
        # object so a bucket can report the label SQLite reports (the greatest one).
        "facet_company": {
            "type": "nested",
            "properties": {"value": {"type": "keyword"}, "label": {"type": "keyword"}},
        },
        # The other facets are exactly the structured values; aliases avoid a copy.
        **{
            f"facet_{name}": {"type": "alias", "path": f"f_{name}"}
            for name in FACET_FIELDS
            if name != "company"
        },
        "date": {"type": "date"},
        "published_at": {"type": "date"},
        "seq": {"type": "long"},
        "cluster": {"type": "keyword"},
        "payload": {"type": "object", "enabled": False},
    }
    return {
        # A field the mapping does not know is a bug, not something to guess a type for.
        "dynamic": "strict",
        "_meta": {"mapping_version": MAPPING_VERSION},
        "properties": properties,
    }


def index_template(name: str) -> dict[str, Any]:
    """The composable index template body for the index behind alias ``name``."""
    return {
        # The exact versioned name, not ``name-v*``: two Myrtille indexes whose names
        # share a prefix can never have overlapping templates.
        "index_patterns": [versioned_index(name)],
        "priority": TEMPLATE_PRIORITY,
        "_meta": {"mapping_version": MAPPING_VERSION, "managed_by": "myrtille"},
        "template": {"settings": index_settings(), "mappings": index_mappings()},
    }


# -- documents ------------------------------------------------------------------------


def es_date(moment: datetime | None) -> str | None:
    iso = stored_time(moment)
    return f"{iso}Z" if iso else None


_seq_lock = threading.Lock()
_last_seq = 0


def next_seqs(count: int) -> list[int]:
    """Increasing ingest numbers, in microseconds since the epoch. Microseconds, not the
    nanoseconds of ``time_ns``: a ``max`` aggregation answers in a double, exact only up
    to 2**53, and microseconds stay below that until the year 2255."""
    global _last_seq
    with _seq_lock:
        first = max(time.time_ns() // 1000, _last_seq + 1)
        _last_seq = first + count - 1
    return list(range(first, first + count))


def _company_facets(document: IndexedDocument) -> list[dict[str, str | None]]:
    return [{"value": value, "label": label} for value, label in company_facets(document)]


def document_source(document: IndexedDocument, seq: int) -> dict[str, Any]:
    values = field_values(document)
    return {
        "id": document.id,
        "url": document.url,
        "title": document.title,
        "text": document.text,
        # The words and stems of matching.py, computed here: the cluster's analyzers
        # never stem, so every backend sees the same stems.
        **{STREAM_FIELDS[name]: " ".join(words) for name, words in word_streams(document).items()},
        **{f"f_{name}": sorted(values[name]) for name in STRUCTURED_FIELDS},
        "facet_company": _company_facets(document),
        "date": es_date(document.date),
        "published_at": es_date(document.published_at),
        "seq": seq,
        "cluster": document.cluster,
        "payload": payload(document),
    }


def bulk_actions(
    index_name: str, documents: Sequence[IndexedDocument], seqs: Sequence[int] | None = None
) -> list[dict[str, Any]]:
    """Bulk ``index`` actions (add or replace by id), numbered in ingest order."""
    numbers = list(seqs) if seqs is not None else next_seqs(len(documents))
    return [
        {
            "_op_type": "index",
            "_index": index_name,
            "_id": document.id,
            "_source": document_source(document, seq),
        }
        for document, seq in zip(documents, numbers, strict=True)
    ]
