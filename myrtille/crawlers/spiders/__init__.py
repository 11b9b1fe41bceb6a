"""One Scrapy spider per source kind."""

from __future__ import annotations

from myrtille.crawlers.spiders.base import SourceSpider
from myrtille.crawlers.spiders.feed import FeedSpider
from myrtille.crawlers.spiders.opendata import OpenDataSpider
from myrtille.crawlers.spiders.site import SiteSpider
from myrtille.crawlers.spiders.sitemap import SitemapSpider

SPIDERS: dict[str, type[SourceSpider]] = {
    "feed": FeedSpider,
    "site": SiteSpider,
    "sitemap": SitemapSpider,
    "opendata": OpenDataSpider,
}

__all__ = ["SPIDERS", "SourceSpider"]
