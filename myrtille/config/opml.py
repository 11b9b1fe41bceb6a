"""OPML, the format every feed reader imports and exports, to and from our sources."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import format_datetime
from pathlib import Path
from xml.sax.saxutils import quoteattr

from lxml import etree

from myrtille.config.sources import SOURCE_ID, FeedSource, SourceBase
from myrtille.exceptions import ConfigError


@dataclass(frozen=True)
class OpmlFeed:
    url: str
    title: str | None
    language: str | None = None
    category: str | None = None


def read_opml(path: Path) -> list[OpmlFeed]:
    """Every feed outline (nested folders included) of an OPML file."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, recover=False)
    try:
        root = etree.parse(str(path), parser).getroot()
    except OSError as exc:
        raise ConfigError(f"cannot read the OPML file: {exc}", path=str(path)) from None
    except etree.XMLSyntaxError as exc:
        raise ConfigError(
            f"not valid OPML/XML: {exc}",
            path=str(path),
            hint="export the file again from your feed reader",
        ) from None
    if root.tag.lower() != "opml":
        raise ConfigError(f"not an OPML file: the root element is <{root.tag}>", path=str(path))
    feeds: list[OpmlFeed] = []
    for outline in root.iter("outline"):
        url = outline.get("xmlUrl") or outline.get("xmlurl")
        if not url:
            continue
        parent = outline.getparent()
        category = parent.get("text") or parent.get("title") if parent.tag == "outline" else None
        feeds.append(
            OpmlFeed(
                url=url.strip(),
                title=_name(outline.get("title")) or _name(outline.get("text")),
                language=outline.get("language") or None,
                category=category,
            )
        )
    return feeds


def _name(value: str | None) -> str | None:
    """An outline's title or text as a source name: blank is none, and the line breaks
    and padding of a hand-edited file are not part of it."""
    name = " ".join((value or "").split())
    return name or None


def slug(text: str, fallback: str = "feed") -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    value = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:48]
    return value or fallback


def unique_id(base: str, taken: set[str]) -> str:
    candidate, number = base, 2
    while candidate in taken or not SOURCE_ID.match(candidate):
        candidate = f"{base}-{number}"
        number += 1
    return candidate


def write_opml(sources: Iterable[SourceBase], title: str = "Myrtille sources") -> str:
    """An OPML 2.0 document listing the feed sources."""
    now = format_datetime(datetime.now(UTC))
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<opml version="2.0">',
        "  <head>",
        f"    <title>{_escape(title)}</title>",
        f"    <dateCreated>{now}</dateCreated>",
        "  </head>",
        "  <body>",
    ]
    for source in sources:
        if not isinstance(source, FeedSource):
            continue
        attrs = {"type": "rss", "text": source.label, "title": source.label, "xmlUrl": source.url}
        if source.language:
            attrs["language"] = source.language
        rendered = " ".join(f"{k}={quoteattr(v)}" for k, v in attrs.items())
        lines.append(f"    <outline {rendered}/>")
    lines += ["  </body>", "</opml>", ""]
    return "\n".join(lines)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
