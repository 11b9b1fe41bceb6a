"""Reading XML sitemaps, sitemap indexes and Google News sitemaps (untrusted XML)."""

from __future__ import annotations

import gzip
import zlib
from dataclasses import dataclass
from datetime import datetime

from lxml import etree

from myrtille.crawlers.dates import parse_datetime
from myrtille.exceptions import SourceError

NEWS_NS = "http://www.google.com/schemas/sitemap-news/0.9"


@dataclass(frozen=True)
class SitemapEntry:
    loc: str
    lastmod: datetime | None = None
    title: str | None = None
    published_at: datetime | None = None
    language: str | None = None


@dataclass
class ParsedSitemap:
    entries: list[SitemapEntry]
    children: list[str]
    warnings: list[str]


def _parser() -> etree.XMLParser:
    # No entities, no network, no huge trees: a sitemap is untrusted input.
    return etree.XMLParser(
        resolve_entities=False, no_network=True, huge_tree=False, recover=True, remove_comments=True
    )


def _local(tag: object) -> str:
    return tag.split("}", 1)[1] if isinstance(tag, str) and "}" in tag else str(tag)


def _ungzip(body: bytes, max_size: int) -> bytes:
    if body[:2] != b"\x1f\x8b":
        return body
    try:
        decompressor = zlib.decompressobj(16 + zlib.MAX_WBITS)
        data = decompressor.decompress(body, max_size + 1)
    except (OSError, zlib.error, gzip.BadGzipFile) as exc:
        raise SourceError(f"the sitemap is gzip-compressed but corrupt ({exc})") from None
    if len(data) > max_size:
        raise SourceError(f"the sitemap decompresses to more than the size cap of {max_size} bytes")
    return data


def parse_sitemap(body: bytes, max_size: int) -> ParsedSitemap:
    body = _ungzip(body, max_size)
    if not body.strip():
        raise SourceError("the sitemap is empty")
    try:
        root = etree.fromstring(body, parser=_parser())
    except etree.XMLSyntaxError as exc:
        raise SourceError(f"the sitemap is not XML ({exc})") from None
    if root is None:
        raise SourceError("the sitemap is not XML")
    kind = _local(root.tag)
    if kind not in ("urlset", "sitemapindex"):
        if kind == "html":
            raise SourceError("the URL returned an HTML page, not a sitemap")
        raise SourceError(f"not a sitemap: the document's root element is <{kind}>")
    warnings = [
        f"the sitemap is not well-formed XML ({e.message}); read what could be read"
        for e in list(_parser().error_log)[:1]
    ]
    entries: list[SitemapEntry] = []
    children: list[str] = []
    for node in root:
        fields: dict[str, str] = {}
        news: dict[str, str] = {}
        for child in node.iter():
            name = _local(child.tag)
            text = (child.text or "").strip()
            if isinstance(child.tag, str) and child.tag.startswith("{" + NEWS_NS):
                news[name] = text
            elif text:
                fields.setdefault(name, text)
        loc = fields.get("loc")
        if not loc or not loc.startswith(("http://", "https://")):
            continue
        if kind == "sitemapindex":
            children.append(loc)
            continue
        entries.append(
            SitemapEntry(
                loc=loc,
                lastmod=parse_datetime(fields.get("lastmod")),
                title=news.get("title") or None,
                published_at=parse_datetime(news.get("publication_date")),
                language=(news.get("language") or "").split("-")[0].lower() or None,
            )
        )
    return ParsedSitemap(entries=entries, children=children, warnings=warnings)
