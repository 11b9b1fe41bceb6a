"""Open-data notices from OpenDataSoft record APIs, page by page."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import scrapy
from scrapy.http import Response

from myrtille.config.sources import OpenDataSource
from myrtille.crawlers.opendata import documents_from, page_limit, page_url, records_of
from myrtille.crawlers.spiders.base import SourceSpider
from myrtille.pipeline.document import CollectedDocument
from myrtille.store.health_texts import said, stored


class OpenDataSpider(SourceSpider):
    kind = "opendata"
    source: OpenDataSource

    async def start(self) -> Any:
        yield self.page_request(0)

    def page_request(self, offset: int) -> scrapy.Request:
        return self.source_request(
            page_url(self.source, offset), self.parse_page, conditional=False, offset=offset
        )

    def parse_page(self, response: Response) -> Iterator[scrapy.Request | CollectedDocument]:
        offset: int = response.meta["offset"]
        if not self.usable_source_response(response, keep_validators=False):
            return
        try:
            payload = json.loads(response.body)
            records, total = records_of(payload)
        except (ValueError, UnicodeDecodeError, RecursionError) as exc:
            # RecursionError: JSON nested deeper than the decoder follows (a hostile answer).
            message = stored(said("records_unreadable", offset=offset, detail=str(exc)))
            if offset == 0:
                self.run.fail(message)
            else:
                self.run.warn(message)
            return
        # A server that ignores limit= gets read one page's worth, like any other.
        records = records[: page_limit(self.source, offset)]
        fresh_on_page = 0
        for document in documents_from(self.source, records, lambda url: not self.refused(url)):
            self.run.found += 1
            if document is None:
                self.run.skipped += 1
                self.run.warn(stored(said("record_without_id")))
                continue
            if self.intake.is_seen(document.url):
                self.run.known += 1
                continue
            fresh_on_page += 1
            yield document
        next_offset = offset + len(records)
        more = records and (total is None or next_offset < total)
        # Records come newest first; a page with nothing new means we have caught up.
        if more and fresh_on_page and next_offset < self.source.max_records:
            yield self.page_request(next_offset)
