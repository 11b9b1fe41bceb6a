"""Article text and metadata from a fetched page, with trafilatura.

The page is untrusted: only plain text and a few metadata strings leave this module.
trafilatura never fetches anything itself; it gets the HTML Scrapy downloaded.

The page is parsed once. Metadata comes from the <head> (Open Graph, article:*, author,
rel=canonical, lang), which is cheap; trafilatura's own metadata search costs as much as
the text extraction itself, so its date finder (htmldate) only runs when neither the feed
nor the page states a date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

import lxml.html
import trafilatura
from lxml import etree

from myrtille.crawlers.dates import parse_datetime
from myrtille.crawlers.extracted import ExtractedArticle

__all__ = ["ExtractedArticle", "PageMetadata", "extract_article", "page_metadata"]

# Minimum text for a page to count as an article rather than a stub or an index page.
MIN_ARTICLE_CHARS = 200
_LANG = re.compile(r"^([a-zA-Z]{2,3})(?:[-_].*)?$")
_SPACES = re.compile(r"\s+")
DATE_PATHS = (
    '//meta[@property="article:published_time"]/@content',
    '//meta[@name="date"]/@content',
    '//meta[@name="DC.date.issued"]/@content',
    '//meta[@itemprop="datePublished"]/@content',
    "//time[@datetime]/@datetime",
)


@dataclass(frozen=True)
class PageMetadata:
    title: str | None
    author: str | None
    published_at: datetime | None
    language: str | None
    canonical_url: str | None


def _language(value: str | None) -> str | None:
    if not value:
        return None
    match = _LANG.match(value.strip())
    return match.group(1).lower() if match else None


def _first(tree: lxml.html.HtmlElement, *paths: str) -> str | None:
    for path in paths:
        for value in tree.xpath(path):
            text = value if isinstance(value, str) else value.text_content()
            text = _SPACES.sub(" ", str(text)).strip()
            if text:
                return text
    return None


def page_metadata(tree: lxml.html.HtmlElement) -> PageMetadata:
    """Title, author, date, language and rel=canonical as the page declares them."""
    canonical = _first(tree, '//link[translate(@rel,"CANONICAL","canonical")="canonical"]/@href')
    language = (
        tree.get("lang")
        or tree.get("xml:lang")
        or _first(
            tree,
            '//meta[@property="og:locale"]/@content',
            '//meta[translate(@http-equiv,"CONTENT-LANGUAGE","content-language")'
            '="content-language"]/@content',
        )
    )
    published = None
    for path in DATE_PATHS:
        for value in tree.xpath(path):
            published = parse_datetime(str(value))
            if published:
                break
        if published:
            break
    title = _first(tree, '//meta[@property="og:title"]/@content', "//h1", "//title")
    author = _first(
        tree, '//meta[@name="author"]/@content', '//meta[@property="article:author"]/@content'
    )
    return PageMetadata(
        title=title,
        author=author,
        published_at=published,
        language=_language(language),
        canonical_url=canonical,
    )


def _find_date(html: str) -> datetime | None:
    from htmldate import find_date

    try:
        found = find_date(html, original_date=True, extensive_search=False)
    except (ValueError, TypeError, etree.LxmlError):
        return None
    return parse_datetime(found) if found else None


def extract_article(html: str, url: str, *, need_date: bool = True) -> ExtractedArticle | None:
    """The main text and metadata of an article page; None when it has no article text.

    ``need_date=False`` says the caller already knows the date (from the feed), which
    spares the date search on pages that do not declare one.
    """
    if not html or not html.strip():
        return None
    try:
        tree = lxml.html.document_fromstring(html)
    except (etree.ParserError, ValueError):
        return None
    meta = page_metadata(tree)  # before trafilatura, which cleans the tree in place
    try:
        result = trafilatura.bare_extraction(
            tree, url=url, with_metadata=False, include_comments=False, include_tables=False
        )
    except (ValueError, TypeError, etree.LxmlError):
        result = None
    if result is None:
        return None
    text = (
        (result.as_dict() if hasattr(result, "as_dict") else dict(result)).get("text") or ""
    ).strip()
    if meta.title and text.startswith(meta.title):
        # trafilatura keeps the <h1>; the title has its own field.
        text = text[len(meta.title) :].lstrip()
    if len(text) < MIN_ARTICLE_CHARS:
        return None
    published = meta.published_at
    if published is None and need_date:
        published = _find_date(html)
    return ExtractedArticle(
        title=meta.title,
        text=text,
        author=meta.author,
        published_at=published,
        language=meta.language,
        canonical_url=meta.canonical_url,
    )
