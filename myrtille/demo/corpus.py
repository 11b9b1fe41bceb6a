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


@cache
def load_corpus() -> Corpus:
    raw = YAML(typ="safe").load(data_file("corpus.yaml").read_text(encoding="utf-8"))
    outlets = [Outlet(o["id"], o["name"], o["language"]) for o in raw["outlets"]]
    articles = []
    for item in raw["articles"]:
        published = item["published"]
        if not isinstance(published, datetime):
            published = datetime.fromisoformat(str(published))
        articles.append(
            Article(
                slug=item["slug"],
                outlet=item["outlet"],
                language=item["language"],
                title=item["title"],
                author=item.get("author") or "",
                published=published,
                summary=item.get("summary") or "",
                body=item["body"],
                story=item.get("story"),
                gold=item.get("gold") or {},
            )
        )
    return Corpus(
        outlets=outlets,
        companies=list(raw.get("companies") or []),
        articles=articles,
        notices=list(raw.get("notices") or []),
    )
