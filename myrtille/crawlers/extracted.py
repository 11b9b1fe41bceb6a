"""What extraction returns for an article page, apart from how it is extracted.

Its own module so that the crawl process can read what an extraction worker sends back
without importing trafilatura: only the workers need it (crawlers/extraction_pool.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class ExtractedArticle:
    title: str | None
    text: str
    author: str | None
    published_at: datetime | None
    language: str | None
    canonical_url: str | None
