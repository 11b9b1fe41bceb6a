"""Sites without a feed: listing pages plus link rules lead to article pages."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit

import scrapy
from scrapy.http import Response, TextResponse
from scrapy.linkextractors import LinkExtractor

from myrtille.config.sources import SiteSource
from myrtille.crawlers.spiders.base import SourceSpider
from myrtille.pipeline.document import CollectedDocument
from myrtille.store.health_texts import said, stored


class SiteSpider(SourceSpider):
    kind = "site"
    source: SiteSource

    async def start(self) -> Any:
        # The first listing page carries the source's validators; more pages are plain.
        yield self.source_request(self.source.url, self.parse_listing, first=True)
        for page in self.source.pages:
            yield self.source_request(page, self.parse_listing, conditional=False, first=False)

    def link_extractor(self) -> LinkExtractor:
        return LinkExtractor(
            allow=self.source.links.allow,
            deny=self.source.links.deny,
            restrict_css=self.source.links.css or (),
            unique=True,
        )

    def on_site(self, url: str) -> bool:
        # Compared on host names: LinkExtractor's allow_domains trips over explicit ports.
        hosts = {urlsplit(u).hostname for u in [self.source.url, *self.source.pages]}
        return urlsplit(url).hostname in hosts

    def parse_listing(self, response: Response) -> Iterator[scrapy.Request | CollectedDocument]:
        first = response.meta.get("first", False)
        if not self.usable_source_response(response, keep_validators=first):
            return
        if not isinstance(response, TextResponse):
            self.run.fail(stored(said("listing_not_html", url=response.url)))
            return
        listing = {self.source.url, *self.source.pages, response.url}
        links = [
            link
            for link in self.link_extractor().extract_links(response)
            if link.url not in listing and self.on_site(link.url)
        ]
        if not links:
            self.run.warn(stored(said("no_article_links", url=response.url)))
        for link in links:
            self.run.found += 1
            if self.refused(link.url):
                self.run.skipped += 1
                continue
            if self.intake.is_seen(link.url):
                self.run.known += 1
                continue
            if not self.can_request_article():
                self.run.warn(stored(said("more_links", max=self.source.max_articles)))
                break
            hints = {"title": (link.text or "").strip() or None, "language": self.source.language}
            yield self.article_request(link.url, hints)
