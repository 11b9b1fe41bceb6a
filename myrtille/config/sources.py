"""The sources a configuration lists: feeds, sites, sitemaps and open-data APIs, with the
options of each kind (documented in docs/sources.md)."""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Annotated, Literal
from urllib.parse import urlsplit

from pydantic import Field, field_validator, model_validator

from myrtille.config.durations import Duration
from myrtille.config.model import Model

SOURCE_ID = re.compile(r"^[a-z0-9][a-z0-9_.-]{0,63}$")


def check_http_url(value: str) -> str:
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ValueError(f"'{value}' is not an http:// or https:// URL")
    return value


class SourceBase(Model):
    id: str
    url: str
    name: str | None = None
    language: str | None = Field(default=None, description="declared language, e.g. fr")
    interval: Duration = timedelta(minutes=30)
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
        return check_http_url(value)

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
        return [check_http_url(v) for v in values]


class SitemapSource(SourceBase):
    """A sitemap, sitemap index or Google News sitemap."""

    kind: Literal["sitemap"] = "sitemap"
    links: LinkRules = Field(default_factory=LinkRules)
    interval: Duration = timedelta(hours=2)


class OpenDataSource(SourceBase):
    """A JSON record API of the OpenDataSoft kind (BODACC, BOAMP, …)."""

    kind: Literal["opendata"] = "opendata"
    preset: Literal["bodacc", "boamp", "generic"] = "generic"
    where: str | None = Field(default=None, description="ODSQL filter passed as where=")
    order_by: str | None = None
    page_size: int = Field(default=100, ge=1, le=100)
    # OpenDataSoft answers no record past offset + limit = 10,000: a run stops there.
    max_records: int = Field(
        default=1000, ge=1, le=10_000, description="records read per crawl (at most 10,000)"
    )
    # For the generic preset: which record fields make the document.
    id_field: str | None = None
    title_field: str | None = None
    text_fields: list[str] = Field(default_factory=list)
    date_field: str | None = None
    url_field: str | None = None
    interval: Duration = timedelta(hours=6)

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
