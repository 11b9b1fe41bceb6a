"""The demo's newsroom: while the live demo runs, it publishes the upcoming articles
(``data/upcoming.yaml``) one by one into the demo site's feeds, each dated when it
appears. What it published is kept in the data directory, so that a restarted demo serves
those articles again and goes on with the next one instead of publishing them twice."""

from __future__ import annotations

import json
import os
import threading
from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from myrtille.demo.corpus import Article, Corpus, parse_article
from myrtille.demo.httpserver import RouteServer
from myrtille.demo.site import DemoSite

STATE_NAME = "newsroom.json"
# The demo's outlets are French: their articles are dated in French time.
NEWSROOM_ZONE = ZoneInfo("Europe/Paris")


class Newsroom:
    """Publishes ``upcoming`` into ``server``'s demo site, after the base ``corpus``."""

    def __init__(
        self,
        server: RouteServer,
        corpus: Corpus,
        upcoming: Sequence[dict[str, Any]],
        state_path: Path,
    ) -> None:
        self.server = server
        self.corpus = corpus
        self.upcoming = list(upcoming)
        self.state_path = state_path
        self._lock = threading.Lock()
        self.published: list[Article] = self._load()

    @property
    def remaining(self) -> int:
        return len(self._unpublished())

    def serve(self) -> None:
        """Put the base corpus and everything published so far on the site."""
        grown = replace(self.corpus, articles=[*self.corpus.articles, *self.published])
        self.server.routes.update(DemoSite(grown, self.server.base_url).routes())

    def publish_next(self, now: datetime | None = None) -> Article | None:
        """Publish the next upcoming article, dated ``now``; None when all are out."""
        with self._lock:
            unpublished = self._unpublished()
            if not unpublished:
                return None
            when = (now or datetime.now(NEWSROOM_ZONE)).replace(microsecond=0)
            article = parse_article(unpublished[0], when)
            self.published.append(article)
            self._save()
            self.serve()
            return article

    def url(self, article: Article) -> str:
        return self.server.url(article.path)

    def _unpublished(self) -> list[dict[str, Any]]:
        done = {a.slug for a in self.published}
        return [item for item in self.upcoming if item["slug"] not in done]

    def _load(self) -> list[Article]:
        if not self.state_path.exists():
            return []
        entries = json.loads(self.state_path.read_text(encoding="utf-8")).get("published", [])
        by_slug = {item["slug"]: item for item in self.upcoming}
        return [
            parse_article(by_slug[entry["slug"]], datetime.fromisoformat(entry["published"]))
            for entry in entries
            if entry.get("slug") in by_slug
        ]

    def _save(self) -> None:
        state = {
            "published": [
                {"slug": a.slug, "published": a.published.isoformat()} for a in self.published
            ]
        }
        # Written aside then renamed: a demo killed mid-write keeps the previous state.
        temporary = self.state_path.with_suffix(".tmp")
        temporary.write_text(json.dumps(state, indent=2), encoding="utf-8")
        os.replace(temporary, self.state_path)
