"""RSS and Atom feeds: Scrapy fetches, feedparser reads, each new entry's page is extracted."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import scrapy
from scrapy.http import Response

from myrtille.config.sources import FeedSource
from myrtille.crawlers.feeds import parse_feed
from myrtille.crawlers.spiders.base import SourceSpider
from myrtille.exceptions import SourceError
from myrtille.pipeline.document import CollectedDocument
from myrtille.store.health_texts import health_of, said, stored


class FeedSpider(SourceSpider):
    kind = "feed"
    source: FeedSource

    async def start(self) -> Any:
        yield self.source_request(self.source.url, self.parse_feed)

    def parse_feed(self, response: Response) -> Iterator[scrapy.Request | CollectedDocument]:
        if not self.usable_source_response(response, keep_validators=True):
            return
        headers = {
            k.decode("latin-1"): b", ".join(v).decode("latin-1")
            for k, v in response.headers.items()
        }
        try:
            feed = parse_feed(response.body, response.url, headers, self.limits)
        except SourceError as exc:
            self.run.fail(health_of(exc))
            # A bad body must not be answered 304 next time: forget its validators.
            self.run.validators_seen = False
            return
        for warning in feed.warnings:
            self.run.warn(warning)
        undated = 0
        # Judged before anything else reads them: a hostile link is never looked up.
        refused = {e.link for e in feed.entries if e.link and self.refused(e.link)}
        seen = self.intake.seen_among(
            [e.link for e in feed.entries if e.link and e.link not in refused]
        )
        for entry in feed.entries:
            self.run.found += 1
            if not entry.link:
                self.run.skipped += 1
                name = entry.title[:80] or entry.entry_id or "?"
                self.run.warn(stored(said("entry_without_link", entry=name)))
                continue
            if entry.link in refused:
                self.run.skipped += 1
                continue
            if entry.link in seen:
                self.run.known += 1
                continue
            if entry.published_at is None:
                undated += 1
            language = self.source.language or feed.language
            fallback = CollectedDocument(
                url=entry.link,
                source_id=self.source.id,
                title=entry.title or entry.link,
                text=entry.summary,
                summary=entry.summary or None,
                author=entry.author,
                language=language,
                published_at=entry.published_at,
                extraction="summary",
            )
            if not self.source.fetch_articles:
                yield fallback
                continue
            if not self.can_request_article():
                self.run.warn(stored(said("more_entries", max=self.source.max_articles)))
                break
            hints = {
                "title": entry.title,
                "summary": entry.summary or None,
                "author": entry.author,
                "published_at": entry.published_at,
                "language": language,
            }
            yield self.article_request(entry.link, hints, fallback)
        if undated:
            self.run.warn(stored(said("undated_entries", n=undated)))
