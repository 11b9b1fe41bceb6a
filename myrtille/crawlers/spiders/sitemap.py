"""Sitemaps, sitemap indexes and Google News sitemaps."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import scrapy
from scrapy.http import Response

from myrtille.config.sources import SitemapSource
from myrtille.crawlers.sitemaps import parse_sitemap
from myrtille.crawlers.spiders.base import SourceSpider
from myrtille.exceptions import SourceError
from myrtille.pipeline.document import CollectedDocument
from myrtille.store.health_texts import health_of, said, stored

MAX_CHILD_SITEMAPS = 50
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


class SitemapSpider(SourceSpider):
    kind = "sitemap"
    source: SitemapSource

    def __init__(self, *args: Any, max_size: int, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.max_size = max_size
        self.children_requested = 0
        self._allow = [re.compile(p) for p in self.source.links.allow]
        self._deny = [re.compile(p) for p in self.source.links.deny]

    async def start(self) -> Any:
        yield self.source_request(self.source.url, self.parse_sitemap, root=True)

    def wanted(self, url: str) -> bool:
        if self._allow and not any(p.search(url) for p in self._allow):
            return False
        return not any(p.search(url) for p in self._deny)

    def parse_sitemap(self, response: Response) -> Iterator[scrapy.Request | CollectedDocument]:
        root = response.meta.get("root", False)
        if not self.usable_source_response(response, keep_validators=root):
            return
        try:
            sitemap = parse_sitemap(response.body, self.max_size)
        except SourceError as exc:
            if root:
                self.run.fail(health_of(exc))
                self.run.validators_seen = False
            else:
                problem = exc.text or said("other", detail=str(exc))
                self.run.warn(stored(said("sitemap_at", url=response.url, problem=problem)))
            return
        for warning in sitemap.warnings:
            self.run.warn(warning)
        for child in sitemap.children:
            if self.children_requested >= MAX_CHILD_SITEMAPS:
                self.run.warn(stored(said("more_sitemaps", max=MAX_CHILD_SITEMAPS)))
                break
            if self.refused(child):
                continue
            self.children_requested += 1
            yield self.source_request(
                child, self.parse_sitemap, conditional=False, learned=True, root=False
            )
        # Newest first, so a capped crawl takes the latest news.
        entries = sorted(
            sitemap.entries,
            reverse=True,
            key=lambda e: (e.published_at or e.lastmod or _EPOCH).timestamp(),
        )
        for entry in entries:
            if not self.wanted(entry.loc):
                continue
            self.run.found += 1
            if self.refused(entry.loc):
                self.run.skipped += 1
                continue
            if self.intake.is_seen(entry.loc):
                self.run.known += 1
                continue
            if not self.can_request_article():
                self.run.warn(stored(said("more_urls", max=self.source.max_articles)))
                break
            hints = {
                "title": entry.title,
                "published_at": entry.published_at,
                "language": self.source.language or entry.language,
            }
            yield self.article_request(entry.loc, hints)
