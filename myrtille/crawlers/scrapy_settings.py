"""Scrapy settings derived from Myrtille's crawl settings: politeness, caps, retries."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from scrapy.settings.default_settings import DOWNLOAD_HANDLERS_BASE

from myrtille.config.settings import CrawlSettings
from myrtille.crawlers.extraction_middleware import EXTRACTION_POOL
from myrtille.crawlers.fetchguard import OPERATOR_URLS

if TYPE_CHECKING:
    from myrtille.crawlers.extraction_pool import ExtractionPool

# Only HTTP(S) is ever fetched: a feed must not make the crawler read file://, ftp://,
# s3:// or data: URLs, so every other scheme's download handler is switched off.
NON_HTTP_HANDLERS: dict[str, None] = {
    scheme: None for scheme in DOWNLOAD_HANDLERS_BASE if scheme not in ("http", "https")
}


def scrapy_settings(
    crawl: CrawlSettings,
    log_file: Path | None,
    operator_urls: Sequence[str] = (),
    extraction_pool: ExtractionPool | None = None,
) -> dict[str, Any]:
    """``operator_urls``: the URLs written in the configuration for the sources crawled;
    only they (and their own origin) may be on non-public addresses. ``extraction_pool``:
    the worker processes that extract article pages (none: the spiders extract them)."""
    timeout = crawl.timeout.total_seconds()
    return {
        "BOT_NAME": "myrtille",
        "USER_AGENT": crawl.user_agent,
        "ROBOTSTXT_OBEY": crawl.obey_robots,
        "DOWNLOAD_TIMEOUT": timeout,
        "DNS_TIMEOUT": min(timeout, 30),
        "RETRY_ENABLED": crawl.retries > 0,
        "RETRY_TIMES": crawl.retries,
        "DOWNLOAD_MAXSIZE": crawl.max_size,
        "DOWNLOAD_WARNSIZE": 0,
        "DOWNLOAD_FAIL_ON_DATALOSS": True,
        "CONCURRENT_REQUESTS": crawl.concurrency,
        "CONCURRENT_REQUESTS_PER_DOMAIN": crawl.concurrency_per_domain,
        "AUTOTHROTTLE_ENABLED": crawl.autothrottle,
        "AUTOTHROTTLE_START_DELAY": 1.0,
        "AUTOTHROTTLE_MAX_DELAY": 30.0,
        "AUTOTHROTTLE_TARGET_CONCURRENCY": float(crawl.concurrency_per_domain),
        "REDIRECT_MAX_TIMES": crawl.max_redirects,
        "REDIRECT_ENABLED": True,
        "COOKIES_ENABLED": False,
        "TELNETCONSOLE_ENABLED": False,
        # Scrapy >= 2.19 opens an HTTP control port by default; a crawler needs none.
        "REMOTE_CONTROL_ENABLED": False,
        "HTTPCACHE_ENABLED": False,
        "DOWNLOAD_HANDLERS": NON_HTTP_HANDLERS,
        # The URL rule (urlguard): before robots.txt, so a refused host is not even asked
        # for its robots.txt; names resolve once and are connected to as judged.
        "DOWNLOADER_MIDDLEWARES": {
            "myrtille.crawlers.fetchguard.UrlGuardMiddleware": 40,
            # Scrapy's, with each request waiting for a robots.txt given its rules.
            "scrapy.downloadermiddlewares.robotstxt.RobotsTxtMiddleware": None,
            "myrtille.crawlers.robots.SharedRobotsTxtMiddleware": 100,
            # Last on the way back: the page as the spider will read it.
            "myrtille.crawlers.extraction_middleware.ArticleExtractionMiddleware": 10,
        },
        EXTRACTION_POOL: extraction_pool,
        "TWISTED_DNS_RESOLVER": "myrtille.crawlers.fetchguard.PinnedResolver",
        OPERATOR_URLS: list(operator_urls),
        "ITEM_PIPELINES": {"myrtille.crawlers.pipelines.IntakePipeline": 300},
        # Signs of progress for the runner's stall watchdog (crawlers/watchdog.py).
        "EXTENSIONS": {"myrtille.crawlers.heartbeat.ProgressBeacon": 0},
        # A response yields one or a few items; a wide item pool only costs asyncio tasks.
        "CONCURRENT_ITEMS": 4,
        "LOG_ENABLED": True,
        "LOG_LEVEL": "INFO",
        "LOG_FILE": str(log_file) if log_file else None,
        "LOG_FILE_APPEND": True,
        "LOG_STDOUT": False,
        "REQUEST_FINGERPRINTER_IMPLEMENTATION": "2.7",
        "STATS_DUMP": False,
        "LOGSTATS_INTERVAL": 0,
    }
