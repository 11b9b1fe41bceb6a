"""Reading XML sitemaps, sitemap indexes and Google News sitemaps (untrusted XML)."""

from __future__ import annotations

import gzip
import zlib
from dataclasses import dataclass
from datetime import datetime

from lxml import etree

from myrtille.crawlers.dates import parse_datetime
from myrtille.store.health_texts import said, stored, unreadable

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
        raise unreadable("sitemap_gzip_corrupt", detail=str(exc)) from None
    if len(data) > max_size:
        raise unreadable("sitemap_too_large", max_size=max_size)
    return data


def parse_sitemap(body: bytes, max_size: int) -> ParsedSitemap:
    body = _ungzip(body, max_size)
    if not body.strip():
        raise unreadable("sitemap_empty")
    try:
        root = etree.fromstring(body, parser=_parser())
    except etree.XMLSyntaxError as exc:
        raise unreadable("sitemap_not_xml_because", detail=str(exc)) from None
    if root is None:
        raise unreadable("sitemap_not_xml")
    kind = _local(root.tag)
    if kind not in ("urlset", "sitemapindex"):
        if kind == "html":
            raise unreadable("sitemap_is_html")
        raise unreadable("sitemap_root", kind=kind)
    warnings = [
        stored(said("sitemap_not_well_formed", detail=e.message))
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
