"""Article pages handed to the extraction pool as they arrive, before the spider reads them.

A Scrapy downloader middleware, last on the way back (after decompression and redirects):
for an article request's usable answer it awaits the crawl process's ``ExtractionPool``
(crawlers/extraction_pool.py) and leaves the outcome in the request's meta, where the
spider's callback (``SourceSpider.parse_article``) reads it. The callbacks stay plain
synchronous generators, and while a page waits for its worker the reactor goes on
fetching. The pool's workers start with the first article request, while it downloads.
A page waiting here counts as a request in flight (CONCURRENT_REQUESTS): when extraction
is the slower side, Scrapy takes no new request, so the pages held in memory stay bounded.

Without a pool (``crawl.extraction_workers: 0``, or a spider run on its own) the
middleware switches itself off and the callback extracts in the crawl's process.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from scrapy.exceptions import NotConfigured
from scrapy.http import Response, TextResponse
from scrapy.utils.defer import maybe_deferred_to_future

if TYPE_CHECKING:
    from scrapy import Request
    from scrapy.crawler import Crawler

    from myrtille.crawlers.extracted import ExtractedArticle
    from myrtille.crawlers.extraction_pool import ExtractionPool

# Scrapy setting: the crawl process's pool (one for all its crawlers; see ExtractionPool).
EXTRACTION_POOL = "MYRTILLE_EXTRACTION_POOL"
# Request meta: what the pool made of the page (a PageExtraction).
EXTRACTED = "myrtille_extracted"
# Request meta set on article requests only (SourceSpider.article_request).
ARTICLE_URL = "article_url"
HTML_TYPES = (b"text/html", b"application/xhtml", b"text/plain", b"application/xml")


@dataclass(frozen=True)
class PageExtraction:
    article: ExtractedArticle | None
    error: BaseException | None = None


def extractable(response: Response) -> bool:
    """An answer the spider hands to extraction (the others it notes as unusable)."""
    if response.status >= 400 or not isinstance(response, TextResponse):
        return False
    content_type = response.headers.get(b"Content-Type", b"").lower()
    return not content_type or content_type.startswith(HTML_TYPES)


def extracted(response: Response, *, need_date: bool) -> ExtractedArticle | None:
    """The page's article as the pool extracted it, else extracted here; raises what
    extraction raised (``ExtractionFailed`` when its worker timed out or died)."""
    outcome: PageExtraction | None = response.meta.pop(EXTRACTED, None)
    if outcome is None:
        from myrtille.crawlers.extraction import extract_article

        return extract_article(response.text, response.url, need_date=need_date)
    if outcome.error is not None:
        raise outcome.error
    return outcome.article


class ArticleExtractionMiddleware:
    def __init__(self, pool: ExtractionPool) -> None:
        self.pool = pool

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ArticleExtractionMiddleware:
        pool: ExtractionPool | None = crawler.settings.get(EXTRACTION_POOL)
        if pool is None or pool.in_process:
            raise NotConfigured("article extraction runs in the crawl process")
        return cls(pool)

    def process_request(self, request: Request) -> None:
        if ARTICLE_URL in request.meta:
            # The workers start with the first article page asked for, during its download:
            # a crawl that fetches no page (a re-poll answered 304) starts none.
            self.pool.start()

    async def process_response(self, request: Request, response: Response) -> Response:
        if ARTICLE_URL not in request.meta or not extractable(response):
            return response
        hints: dict[str, Any] = request.meta.get("hints") or {}
        assert isinstance(response, TextResponse)
        try:
            article = await maybe_deferred_to_future(
                self.pool.extract(
                    response.text, response.url, need_date=hints.get("published_at") is None
                )
            )
        except Exception as exc:  # raised again in the callback, as when extracted there
            request.meta[EXTRACTED] = PageExtraction(None, exc)
        else:
            request.meta[EXTRACTED] = PageExtraction(article)
        return response
