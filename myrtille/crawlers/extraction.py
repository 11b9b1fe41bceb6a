"""Article text and metadata from a fetched page, with trafilatura.

The page is untrusted: only plain text and a few metadata strings leave this module.
trafilatura never fetches anything itself; it gets the HTML Scrapy downloaded.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime

import lxml.html
import trafilatura
from lxml import etree

from myrtille.crawlers.dates import parse_datetime

# Minimum text for a page to count as an article rather than a stub or an index page.
MIN_ARTICLE_CHARS = 200
_LANG = re.compile(r"^([a-zA-Z]{2,3})(?:[-_].*)?$")


@dataclass(frozen=True)
class ExtractedArticle:
    title: str | None
    text: str
    author: str | None
    published_at: datetime | None
    language: str | None
    canonical_url: str | None


def _language(value: str | None) -> str | None:
    if not value:
        return None
    match = _LANG.match(value.strip())
    return match.group(1).lower() if match else None


def _page_metadata(html: str) -> tuple[str | None, str | None, datetime | None]:
    """rel=canonical, declared language and precise publication time from the <head>."""
    try:
        tree = lxml.html.document_fromstring(html)
    except (etree.ParserError, ValueError):
        return None, None, None
    canonical = next(
        iter(tree.xpath('//link[translate(@rel,"CANONICAL","canonical")="canonical"]/@href')), None
    )
    language = (
        tree.get("lang")
        or tree.get("xml:lang")
        or next(iter(tree.xpath('//meta[@property="og:locale"]/@content')), None)
        or next(
            iter(
                tree.xpath(
                    '//meta[translate(@http-equiv,"CONTENT-LANGUAGE","content-language")'
                    '="content-language"]/@content'
                )
            ),
            None,
        )
    )
    published = None
    for path in (
        '//meta[@property="article:published_time"]/@content',
        '//meta[@name="date"]/@content',
        '//meta[@itemprop="datePublished"]/@content',
        "//time[@datetime]/@datetime",
    ):
        for value in tree.xpath(path):
            published = parse_datetime(str(value))
            if published:
                break
        if published:
            break
    return (str(canonical).strip() if canonical else None), _language(language), published


def extract_article(html: str, url: str) -> ExtractedArticle | None:
    """The main text and metadata of an article page; None when it has no article text."""
    if not html or not html.strip():
        return None
    canonical, language, published = _page_metadata(html)
    try:
        result = trafilatura.bare_extraction(
            html,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            favor_precision=True,
            date_extraction_params={"original_date": True, "extensive_search": False},
        )
    except (ValueError, TypeError, etree.LxmlError):
        result = None
    if result is None:
        return None
    meta = result.as_dict() if hasattr(result, "as_dict") else dict(result)
    text = (meta.get("text") or "").strip()
    title = (meta.get("title") or "").strip() or None
    if title and text.startswith(title):
        # trafilatura keeps the <h1>; the title has its own field.
        text = text[len(title) :].lstrip()
    if len(text) < MIN_ARTICLE_CHARS:
        return None
    if published is None and meta.get("date"):
        day = parse_datetime(str(meta["date"]))
        published = day.astimezone(UTC) if day else None
    return ExtractedArticle(
        title=title,
        text=text,
        author=(meta.get("author") or None),
        published_at=published,
        language=language or _language(meta.get("language")),
        canonical_url=canonical,
    )
