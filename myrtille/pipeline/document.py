"""What a crawler hands to the intake: one collected document, before enrichment."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Literal

Extraction = Literal["page", "summary", "record"]


@dataclass
class CollectedDocument:
    """A document as collected: text and metadata, no HTML."""

    url: str
    source_id: str
    title: str
    text: str
    kind: Literal["article", "notice"] = "article"
    summary: str | None = None
    author: str | None = None
    language: str | None = None
    published_at: datetime | None = None
    # The page's own rel=canonical, honoured when it stays on the same site.
    canonical_url: str | None = None
    # How the text was had: the article page, the feed's summary, or a data record.
    extraction: Extraction = "page"
    # Structured fields kept from open-data records (notice type, SIREN, place, dates…).
    fields: dict[str, Any] = field(default_factory=dict)
