"""The feeds bench/repoll.py re-polls: N small RSS feeds on one local server, each entry
with its article page, and new entries added between crawls (a new body, so a new ETag)."""

from __future__ import annotations

import random
from dataclasses import dataclass
from html import escape
from typing import Any

import benchlib

from myrtille.demo.httpserver import Route, RouteServer

VOCABULARY = (
    "entreprise usine emploi salariés investissement millions euros croissance export "
    "marché contrat client fournisseur région chantier production ligne site commande "
    "résultat chiffre affaires hausse baisse trimestre exercice dirigeant directeur "
    "fondateur société groupe filiale rachat cession fusion acquisition levée fonds "
    "banque prêt subvention innovation recherche brevet laboratoire prototype capteur "
    "batterie énergie solaire éolien hydrogène moteur pièce aéronautique automobile "
    "agricole alimentaire logistique entrepôt transport port rail route numérique "
    "logiciel plateforme données cloud sécurité réseau formation apprentis recrutement "
    "plan social redressement liquidation tribunal mandataire repreneur actionnaire "
    "capital dette trésorerie marge prix coût matière acier bois verre papier textile "
    "chimie pharmacie santé hôpital commune département métropole ministre préfet "
    "syndicat grève accord négociation salaire prime télétravail bureau atelier"
)
WORDS = VOCABULARY.split()


def article_page(title: str, url: str, published: str, seed: int) -> bytes:
    """A small article page whose words are random, so that no two pages are the same
    story (the intake's near-duplicate index then behaves as on real news)."""
    rng = random.Random(seed)
    paragraphs = "".join(
        "<p>" + " ".join(rng.choice(WORDS) for _ in range(70)).capitalize() + ".</p>"
        for _ in range(3)
    )
    return (
        f'<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>{escape(title)}'
        f'</title><link rel="canonical" href="{escape(url)}">'
        f'<meta property="article:published_time" content="{published}"></head><body>'
        f"<nav><a href='/'>Accueil</a></nav><article><h1>{escape(title)}</h1>{paragraphs}"
        "</article><footer>Mentions légales</footer></body></html>"
    ).encode()


@dataclass
class Feeds:
    """N feeds on one server; feed ``i`` lists its entries 0…counts[i]-1."""

    server: RouteServer
    counts: list[int]
    articles: bool = False

    @staticmethod
    def feed_path(feed: int) -> str:
        return f"/feeds/{feed:04d}.xml"

    @staticmethod
    def article_path(feed: int, entry: int) -> str:
        return f"/articles/{feed:04d}/{entry}.html"

    def sources(self) -> list[dict[str, Any]]:
        return [
            {
                "id": f"feed-{i:04d}",
                "kind": "feed",
                "url": self.server.url(self.feed_path(i)),
                "fetch_articles": self.articles,
            }
            for i in range(len(self.counts))
        ]

    def publish_all(self) -> None:
        for feed in range(len(self.counts)):
            for entry in range(self.counts[feed]):
                self._publish_article(feed, entry)
            self._publish_feed(feed)

    def add_entry(self, feed: int) -> str:
        """One new entry in ``feed`` (a new body, hence a new ETag); its page's path."""
        entry = self.counts[feed]
        self.counts[feed] += 1
        self._publish_article(feed, entry)
        self._publish_feed(feed)
        return self.article_path(feed, entry)

    def validators(self) -> dict[str, tuple[str, str]]:
        """Feed path -> (ETag, Last-Modified) as the server would answer now."""
        result = {}
        for feed in range(len(self.counts)):
            route = self.server.routes[self.feed_path(feed)]
            assert isinstance(route, Route)
            result[self.feed_path(feed)] = (route.etag, route.last_modified)
        return result

    def _offset(self, feed: int, entry: int) -> int:
        return feed * 600 + entry * 3600

    def _publish_article(self, feed: int, entry: int) -> None:
        path = self.article_path(feed, entry)
        published = benchlib.rfc822(self._offset(feed, entry))
        self.server.routes[path] = Route(
            article_page(
                f"Nouvelle {entry} du flux {feed}",
                self.server.url(path),
                published,
                seed=feed * 10_000 + entry,
            )
        )

    def _publish_feed(self, feed: int) -> None:
        items: list[dict[str, str | None]] = [
            {
                "title": f"Nouvelle {entry} du flux {feed}",
                "link": self.server.url(self.article_path(feed, entry)),
                "description": f"Résumé de la nouvelle {entry} du flux {feed}.",
                "date": benchlib.rfc822(self._offset(feed, entry)),
            }
            for entry in reversed(range(self.counts[feed]))
        ]
        body = benchlib.rss(items, title=f"Flux {feed}").encode()
        self.server.routes[self.feed_path(feed)] = Route(body, benchlib.RSS)
