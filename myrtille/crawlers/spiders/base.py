"""What every source spider shares: conditional requests, article fetching and extraction,
turning failures into source health."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any, ClassVar

import scrapy
from scrapy.http import Response, TextResponse
from twisted.python.failure import Failure

from myrtille.config.sources import SourceBase
from myrtille.crawlers.extraction_middleware import HTML_TYPES, extracted
from myrtille.crawlers.failures import (
    FINAL,
    explain_failure,
    explain_status,
)
from myrtille.crawlers.fetchguard import OPERATOR_WRITTEN
from myrtille.crawlers.health import SourceRun
from myrtille.crawlers.urlguard import RefusedURL, operator_urls, origins_of, static_refusal
from myrtille.exceptions import ExtractionFailed
from myrtille.pipeline.document import CollectedDocument, TextLimits
from myrtille.pipeline.intake import Intake
from myrtille.store.health_texts import said, stored
from myrtille.store.schema import SourceState

# Answers the spider reads itself instead of letting Scrapy drop them silently.
HANDLED_STATUSES = [304, *range(400, 600)]
# Request meta: the id of the source a request is for (several share one crawler: feedset).
SOURCE_KEY = "myrtille_source"


class SourceSpider(scrapy.Spider):
    """A spider bound to one configured source and its state."""

    kind: ClassVar[str] = ""

    def __init__(
        self,
        source: SourceBase,
        intake: Intake,
        run: SourceRun,
        state: SourceState | None,
        timeout: float,
        limits: TextLimits | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(name=f"{self.kind}:{source.id}", **kwargs)
        self.source = source
        self.intake = intake
        self.run = run
        self.state = state
        self.timeout = timeout
        # Characters kept per entry, document and title (the intake pipeline applies them).
        self.limits = limits or TextLimits()
        self.articles_requested = 0
        # Read by fetchguard: the origins a learned link may share when not public.
        self.url_origins = origins_of(operator_urls(source))

    def for_source(self, source_id: str) -> SourceSpider:
        """The spider that holds ``source_id``'s run: this one (see ``FeedSetSpider``)."""
        return self

    # -- requests ----------------------------------------------------------------------

    def source_request(
        self,
        url: str,
        callback: Callable[..., Any],
        *,
        conditional: bool = True,
        learned: bool = False,
        **meta: Any,
    ) -> scrapy.Request:
        """A request for the source itself (feed, listing, sitemap, records page);
        ``learned`` when its URL came from crawled content (a sitemap index's child)."""
        headers = {}
        if conditional and self.state is not None:
            if self.state.etag:
                headers["If-None-Match"] = self.state.etag
            if self.state.last_modified:
                headers["If-Modified-Since"] = self.state.last_modified
        return scrapy.Request(
            url,
            callback=callback,
            errback=self.source_failed,
            headers=headers,
            dont_filter=True,
            meta={
                "handle_httpstatus_list": HANDLED_STATUSES,
                OPERATOR_WRITTEN: not learned,
                SOURCE_KEY: self.source.id,
                **meta,
            },
        )

    def refused(self, url: str) -> bool:
        """True (and noted on the source's health) when a link learned from the content
        breaks the URL rule as far as it can be judged without DNS; fetchguard judges
        the rest when the link is fetched."""
        reason = static_refusal(url, self.url_origins)
        if reason is not None:
            self.run.refuse(url, reason)
        return reason is not None

    def usable_source_response(self, response: Response, *, keep_validators: bool) -> bool:
        """Record the answer; False when there is nothing to read (304 or an error)."""
        self.run.statuses[str(response.status)] += 1
        if response.status == 304:
            self.run.not_modified = True
            return False
        if response.status >= 400:
            problem, _ = explain_status(response.status)
            self.run.fail(stored(said("failed_for", problem=problem, url=response.url)))
            return False
        if keep_validators:
            etag = response.headers.get(b"ETag")
            modified = response.headers.get(b"Last-Modified")
            self.run.validators_seen = True
            self.run.etag = etag.decode("latin-1") if etag else None
            self.run.last_modified = modified.decode("latin-1") if modified else None
        return True

    def source_failed(self, failure: Failure) -> None:
        url = getattr(failure.request, "url", self.source.url)
        if failure.check(RefusedURL):
            refusal: RefusedURL = failure.value
            self.run.refuse(refusal.url, refusal.reason)
            meta = getattr(failure.request, "meta", {})
            if meta.get(OPERATOR_WRITTEN):
                # The operator's own URL led (by a redirect) somewhere it may not go.
                redirect = said(
                    "redirect_refused", url=url, target=refusal.url, reason=refusal.reason
                )
                self.run.fail(stored(redirect))
            return
        problem, _ = explain_failure(failure, self.timeout)
        self.run.fail(stored(said("failed_at", problem=problem, url=url)))

    def can_request_article(self) -> bool:
        if self.articles_requested >= self.source.max_articles:
            return False
        self.articles_requested += 1
        return True

    def article_request(
        self, url: str, hints: dict[str, Any], fallback: CollectedDocument | None = None
    ) -> scrapy.Request:
        return scrapy.Request(
            url,
            callback=self.parse_article,
            errback=self.article_failed,
            meta={
                "handle_httpstatus_list": list(range(400, 600)),
                "hints": hints,
                "fallback": fallback,
                "article_url": url,
                SOURCE_KEY: self.source.id,
            },
        )

    # -- articles ----------------------------------------------------------------------

    def parse_article(self, response: Response) -> Iterator[CollectedDocument]:
        self.run.statuses[str(response.status)] += 1
        url = response.meta["article_url"]
        hints: dict[str, Any] = response.meta.get("hints") or {}
        if response.status >= 400:
            message, permanence = explain_status(response.status)
            yield from self.article_unusable(url, message, permanence, response.meta)
            return
        content_type = response.headers.get(b"Content-Type", b"").lower()
        if not isinstance(response, TextResponse) or (
            content_type and not content_type.startswith(HTML_TYPES)
        ):
            kind = content_type.decode("latin-1").split(";")[0] or "binary"
            yield from self.article_unusable(
                url, said("page_not_html", kind=kind), FINAL, response.meta
            )
            return
        try:
            # In a worker process when there is a pool (extraction_middleware), else here.
            article = extracted(response, need_date=hints.get("published_at") is None)
        except ExtractionFailed as failed:
            reason = said(f"extraction_{failed.reason}")
            yield from self.article_unusable(url, reason, FINAL, response.meta)
            return
        if article is None:
            yield from self.article_unusable(url, said("no_article_text"), FINAL, response.meta)
            return
        title = article.title or hints.get("title") or ""
        yield CollectedDocument(
            url=response.url,
            source_id=self.source.id,
            title=title,
            text=article.text,
            summary=hints.get("summary") or None,
            author=article.author or hints.get("author"),
            language=article.language or hints.get("language") or self.source.language,
            # A feed or news sitemap states the date on purpose; pages often only guess.
            published_at=hints.get("published_at") or article.published_at,
            canonical_url=article.canonical_url,
            extraction="page",
        )

    def article_failed(self, failure: Failure) -> Iterator[CollectedDocument]:
        if failure.check(RefusedURL):
            # Not even the feed's summary is kept: its URL would point somewhere refused.
            refusal: RefusedURL = failure.value
            self.run.refuse(refusal.url, refusal.reason)
            return
        message, permanence = explain_failure(failure, self.timeout)
        meta = failure.request.meta if getattr(failure, "request", None) else {}
        yield from self.article_unusable(meta.get("article_url", "?"), message, permanence, meta)

    def article_unusable(
        self, url: str, reason: dict[str, Any], permanence: str, meta: dict[str, Any]
    ) -> Iterator[CollectedDocument]:
        """The page could not be had: use the feed's summary if any, else note it."""
        self.run.article_failed(reason)
        fallback: CollectedDocument | None = meta.get("fallback")
        if fallback is not None and fallback.text.strip():
            self.run.summaries_used += 1
            yield fallback
        elif permanence == FINAL:
            # Not worth fetching again on the next poll; transient failures are retried.
            self.intake.mark_seen(url, self.source.id, "unusable")
