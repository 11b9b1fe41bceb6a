"""Reading RSS and Atom with feedparser, from bytes Scrapy fetched (never from a URL)."""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field
from datetime import datetime

import feedparser
import lxml.html
from lxml import etree

from myrtille.crawlers.dates import parse_datetime
from myrtille.crawlers.doctype import strip_declarations
from myrtille.crawlers.entrycap import cap_entries
from myrtille.pipeline.document import TextLimits, capped_line, capped_text
from myrtille.store.health_texts import said, stored, unreadable

# Problems feedparser flags that do not hurt the entries it read.
_HARMLESS = (feedparser.CharacterEncodingOverride, feedparser.NonXMLContentType)
# A numeric character reference; those to NUL, a surrogate or past U+10FFFF make
# feedparser's fallback parser raise and lose the whole feed.
_NUMERIC_REFERENCE = re.compile(rb"&#([xX][0-9a-fA-F]+|[0-9]+);")
_HTML_START = re.compile(rb"^\s*(<!doctype\s+html|<html|<head|<body)", re.IGNORECASE)
_FEED_LINK_TYPES = (
    "application/rss+xml",
    "application/atom+xml",
    "application/feed+json",
    "application/rdf+xml",
)


@dataclass(frozen=True)
class FeedEntry:
    link: str | None
    title: str
    summary: str
    published_at: datetime | None
    author: str | None
    entry_id: str | None


@dataclass
class ParsedFeed:
    title: str
    language: str | None
    entries: list[FeedEntry]
    warnings: list[str] = field(default_factory=list)


def html_to_text(fragment: str | None) -> str:
    """Plain text of an HTML fragment (feed summaries carry markup)."""
    if not fragment or not fragment.strip():
        return ""
    if "<" not in fragment and "&" not in fragment:
        return fragment.strip()
    try:
        element = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except (etree.ParserError, ValueError):
        return re.sub(r"<[^>]*>", " ", fragment).strip()
    for bad in element.xpath("//script|//style"):
        bad.drop_tree()
    return re.sub(r"\s+", " ", element.text_content()).strip()


def _valid_reference(match: re.Match[bytes]) -> bytes:
    digits = match.group(1)
    try:
        code = int(digits[1:], 16) if digits[:1] in (b"x", b"X") else int(digits)
    except ValueError:  # more digits than int() reads: past U+10FFFF in any case
        code = -1
    if 0 < code <= 0x10FFFF and not 0xD800 <= code <= 0xDFFF:
        return match.group(0)
    return b"&#xFFFD;"


def without_invalid_references(body: bytes) -> bytes:
    """``body`` with each reference to a character that cannot exist made U+FFFD (found
    in ASCII-compatible encodings; wide ones are read as they are)."""
    if b"&#" not in body:
        return body
    return _NUMERIC_REFERENCE.sub(_valid_reference, body)


def discover_feed_links(body: bytes, base_url: str) -> list[str]:
    """Feed URLs an HTML page advertises with <link rel="alternate">."""
    try:
        tree = lxml.html.document_fromstring(body, base_url=base_url)
    except (etree.ParserError, ValueError):
        return []
    tree.make_links_absolute(base_url, handle_failures="discard")
    links = []
    for link in tree.xpath('//link[@rel="alternate"][@href]'):
        if (link.get("type") or "").lower() in _FEED_LINK_TYPES:
            links.append(link.get("href"))
    return links


def parse_feed(
    body: bytes, url: str, headers: dict[str, str], limits: TextLimits | None = None
) -> ParsedFeed:
    """Parse one fetched feed. Raises SourceError when nothing usable is in it.

    DOCTYPE and entity declarations are removed first (see ``doctype``), entries past
    ``limits.feed_entries`` are cut off (see ``entrycap``), and each entry's title and
    text are kept within ``limits``."""
    limits = limits or TextLimits()
    response_headers = {k.lower(): v for k, v in headers.items()}
    response_headers.setdefault("content-location", url)
    stripped = strip_declarations(body, response_headers)
    capped = cap_entries(stripped.body, limits.feed_entries)
    try:
        parsed = feedparser.parse(
            io.BytesIO(without_invalid_references(capped.body)),
            response_headers=response_headers,
            # Entries keep plain text only (``html_to_text``, scripts and styles dropped), so
            # feedparser's HTML sanitizer and its rewriting of links inside that HTML would
            # be wasted, and they are slow: 14 s each on a 7 MB description (the feed and
            # entry links are resolved against the feed's URL either way).
            resolve_relative_uris=False,
            sanitize_html=False,
        )
    except (ValueError, LookupError, RecursionError) as exc:
        # feedparser's fallback parser raises on some input, e.g. '&#xD800;' (a surrogate).
        detail = f"{type(exc).__name__}: {str(exc)[:200]}"
        raise unreadable("feed_parser_failed", detail=detail) from exc
    problem = parsed.get("bozo_exception") if parsed.get("bozo") else None
    if not parsed.entries and not parsed.get("version"):
        if _HTML_START.match(body[:2048]) or b"<html" in body[:2048].lower():
            found = discover_feed_links(body, url)
            if found:
                raise unreadable("feed_is_html_advertises", url=found[0])
            raise unreadable("feed_is_html")
        if not body.strip():
            raise unreadable("feed_empty")
        if problem:
            raise unreadable("feed_unreadable_because", detail=str(problem))
        raise unreadable("feed_unreadable")
    warnings = []
    if stripped.removed:
        warnings.append(stored(said("feed_declarations_ignored")))
    if capped.entries_found is not None:
        cut = said("feed_entries_capped", n=capped.entries_found, max=limits.feed_entries)
        warnings.append(stored(cut))
    if problem is not None and not isinstance(problem, _HARMLESS):
        not_well_formed = said("feed_not_well_formed", detail=str(problem), n=len(parsed.entries))
        warnings.append(stored(not_well_formed))
    feed = parsed.get("feed", {})
    entries = []
    for raw in parsed.entries:
        content = raw.get("content") or []
        summary = capped_text(
            html_to_text(raw.get("summary") or (content[0].get("value") if content else "")),
            limits.entry,
        )
        link = raw.get("link") or None
        entry_id = raw.get("id") or None
        if not link and entry_id and entry_id.startswith(("http://", "https://")):
            link = entry_id
        published = parse_datetime(raw.get("published_parsed")) or parse_datetime(
            raw.get("updated_parsed")
        )
        entries.append(
            FeedEntry(
                link=link,
                title=capped_line(html_to_text(raw.get("title")), limits.title),
                summary=summary,
                published_at=published,
                author=capped_line(raw.get("author") or "", limits.title) or None,
                entry_id=entry_id,
            )
        )
    language = (feed.get("language") or "").split("-")[0].lower() or None
    return ParsedFeed(
        title=capped_line(html_to_text(feed.get("title")), limits.title),
        language=language,
        entries=entries,
        warnings=warnings,
    )
