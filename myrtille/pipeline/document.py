"""What a crawler hands to the intake: one collected document, before enrichment."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    from myrtille.config.settings import CrawlSettings

Extraction = Literal["page", "summary", "record"]
# The last line of a capped text: readers of the page, the API and exports see it.
TRUNCATION_NOTE = "[… text truncated at {limit} characters]"
# What no stored text may hold: NUL (PostgreSQL refuses it) and lone UTF-16 surrogates
# (not UTF-8 at all), both reachable from a JSON record's "\u0000" or "\ud800".
_UNSTORABLE = re.compile(r"[\x00\ud800-\udfff]")


@dataclass(frozen=True)
class TextLimits:
    """Characters kept per feed entry, per document and per title, and entries read per
    feed (``crawl.max_*``)."""

    entry: int = 100_000
    document: int = 300_000
    title: int = 1_000
    # Entries read per feed (``crawl.max_feed_entries``): feedparser's cost grows with them.
    feed_entries: int = 2_000

    @classmethod
    def from_settings(cls, crawl: CrawlSettings) -> TextLimits:
        return cls(
            crawl.max_entry_text, crawl.max_document_text, crawl.max_title, crawl.max_feed_entries
        )


def storable(text: str) -> str:
    """``text`` without NUL characters, each lone surrogate replaced by U+FFFD."""
    if _UNSTORABLE.search(text) is None:
        return text
    return _UNSTORABLE.sub(lambda m: "" if m.group() == "\x00" else "\ufffd", text)


def capped_text(text: str, limit: int) -> str:
    """``text`` kept to ``limit`` characters, ending with a note saying so when cut."""
    text = storable(text)
    if len(text) <= limit:
        return text
    return f"{text[:limit].rstrip()}\n\n{TRUNCATION_NOTE.format(limit=limit)}"


def capped_line(line: str, limit: int) -> str:
    """A title or name kept to ``limit`` characters, an ellipsis marking the cut."""
    line = storable(line)
    if len(line) <= limit:
        return line
    return line[: limit - 1].rstrip() + "…"


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

    def capped(self, limits: TextLimits) -> CollectedDocument:
        """This document within ``limits``, its texts storable (see ``storable``);
        unchanged (the same object) when it fits."""
        title = capped_line(self.title, limits.title)
        text = capped_text(self.text, limits.document)
        summary = None if self.summary is None else capped_text(self.summary, limits.entry)
        author = None if self.author is None else capped_line(self.author, limits.title)
        if (title, text, summary, author) == (self.title, self.text, self.summary, self.author):
            return self
        return replace(self, title=title, text=text, summary=summary, author=author)
