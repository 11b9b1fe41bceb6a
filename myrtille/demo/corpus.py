"""The demo corpus (package data): outlets, fictional companies, articles and notices."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from functools import cache
from importlib import resources
from typing import Any

from ruamel.yaml import YAML


@dataclass(frozen=True)
class Outlet:
    id: str
    name: str
    language: str


@dataclass(frozen=True)
class Article:
    slug: str
    outlet: str
    language: str
    title: str
    author: str
    published: datetime
    summary: str
    body: str
    story: str | None
    gold: dict[str, Any] = field(default_factory=dict)

    @property
    def paragraphs(self) -> list[str]:
        return [p.strip() for p in self.body.split("\n\n") if p.strip()]

    @property
    def path(self) -> str:
        return f"/{self.outlet}/{self.published:%Y/%m}/{self.slug}.html"


@dataclass(frozen=True)
class Corpus:
    outlets: list[Outlet]
    companies: list[dict[str, Any]]
    articles: list[Article]
    notices: list[dict[str, Any]]

    def articles_of(self, outlet_id: str) -> list[Article]:
        return sorted(
            (a for a in self.articles if a.outlet == outlet_id),
            key=lambda a: a.published,
            reverse=True,
        )


def data_file(name: str) -> Any:
    return resources.files("myrtille.demo") / "data" / name


def parse_article(item: dict[str, Any], published: datetime | None = None) -> Article:
    """One article of the YAML data; ``published`` stands in when the item has no date."""
    when = item.get("published") or published
    if when is None:
        raise ValueError(f"article {item.get('slug')!r} has no publication date")
    if not isinstance(when, datetime):
        when = datetime.fromisoformat(str(when))
    return Article(
        slug=item["slug"],
        outlet=item["outlet"],
        language=item["language"],
        title=item["title"],
        author=item.get("author") or "",
        published=when,
        summary=item.get("summary") or "",
        body=item["body"],
        story=item.get("story"),
        gold=item.get("gold") or {},
    )


def _load(name: str) -> Any:
    return YAML(typ="safe").load(data_file(name).read_text(encoding="utf-8"))


@cache
def load_corpus() -> Corpus:
    raw = _load("corpus.yaml")
    outlets = [Outlet(o["id"], o["name"], o["language"]) for o in raw["outlets"]]
    return Corpus(
        outlets=outlets,
        companies=list(raw.get("companies") or []),
        articles=[parse_article(item) for item in raw["articles"]],
        notices=list(raw.get("notices") or []),
    )


@cache
def load_upcoming() -> tuple[dict[str, Any], ...]:
    """The articles the demo's newsroom publishes while it runs (upcoming.yaml), in order,
    undated: each is dated when it is published."""
    return tuple(_load("upcoming.yaml")["articles"])
