"""The reader function each kind of corpus file goes through, as its caller uses it:
feedparser behind ``parse_feed``, trafilatura behind ``extract_article`` (after Scrapy's
own decoding), the open-data record mapping, the Sirene and the portfolio imports.

Each takes the file's bytes and its manifest entry; the exceptions a caller turns into
a named problem (``ALLOWED``) are the only ones that may escape."""

from __future__ import annotations

import io
import json
import tempfile
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

from w3lib.encoding import html_to_unicode

from myrtille.config.sources import OpenDataSource
from myrtille.crawlers.extraction import extract_article
from myrtille.crawlers.feeds import parse_feed
from myrtille.crawlers.opendata import documents_from, records_of
from myrtille.enrichment.portfolios import read_portfolio
from myrtille.enrichment.registry import import_sirene
from myrtille.pipeline.document import TextLimits
from myrtille.store.database import Database, open_database

URL = "http://127.0.0.1:9/corpus"
LIMITS = TextLimits(entry=5_000, document=20_000, title=200)


def read_feed(body: bytes, entry: dict[str, Any]) -> object:
    return parse_feed(body, URL, {"content-type": str(entry["content_type"])}, LIMITS)


def read_page(body: bytes, entry: dict[str, Any]) -> object:
    # Scrapy's TextResponse decodes with w3lib the same way (HTTP charset, BOM, meta).
    _encoding, text = html_to_unicode(str(entry["content_type"]), body)
    return extract_article(text, URL, need_date=True)


def read_records(body: bytes, entry: dict[str, Any]) -> object:
    # As the open-data spider does: json.loads on the body, then the record mapping.
    records, _total = records_of(json.loads(body))
    source = OpenDataSource(id="corpus", url=URL, preset="bodacc")
    return list(documents_from(source, records))


@cache
def _registry() -> Database:
    # One migrated database for the child's whole run: each file is imported in turn, as
    # an operator would import one after another.
    folder = tempfile.mkdtemp(prefix="corpus-sirene-")
    return open_database(f"sqlite:///{folder}/state.db")


def read_sirene(body: bytes, entry: dict[str, Any]) -> object:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "StockUniteLegale.csv"
        path.write_bytes(body)
        return import_sirene(_registry(), path)


def read_portfolio_file(body: bytes, entry: dict[str, Any]) -> object:
    return read_portfolio(io.BytesIO(body))


READERS: dict[str, Callable[[bytes, dict[str, Any]], object]] = {
    "feeds": read_feed,
    "html": read_page,
    "opendata": read_records,
    "sirene": read_sirene,
    "portfolio": read_portfolio_file,
}
# The exceptions each reader's caller turns into a named problem on the source or the
# command line (as "module.Name").
ALLOWED = {
    "feeds": {"myrtille.exceptions.SourceError"},
    "html": set(),
    "opendata": {
        "builtins.RecursionError",
        "builtins.ValueError",
        "json.decoder.JSONDecodeError",
        "builtins.UnicodeDecodeError",
    },
    "sirene": {"myrtille.exceptions.ConfigError"},
    "portfolio": {"myrtille.enrichment.portfolios.PortfolioError"},
}
