"""The demo news site: three outlets as RSS, Atom and a Google News sitemap, article pages,
listing pages, robots.txt and a BODACC-like open-data records API."""

from __future__ import annotations

import json
from datetime import UTC
from email.utils import format_datetime
from html import escape
from urllib.parse import parse_qs

from myrtille.demo.corpus import Article, Corpus, Outlet
from myrtille.demo.httpserver import Handler, Request, Route, RouteServer

BODACC_PATH = "/api/explore/v2.1/catalog/datasets/annonces-commerciales/records"
FEED_PATHS = {
    "eco-regions": "/eco-regions/rss.xml",
    "industrie-hebdo": "/industrie-hebdo/atom.xml",
    "france-business-review": "/france-business-review/news-sitemap.xml",
}
TRACKING = "?utm_source=rss&utm_medium=feed&utm_campaign=myrtille-demo"
XML = "application/xml; charset=utf-8"


def x(text: str) -> str:
    return escape(text, quote=True)


class DemoSite:
    def __init__(self, corpus: Corpus, base_url: str) -> None:
        self.corpus = corpus
        self.base = base_url.rstrip("/")

    def routes(self) -> dict[str, Route | Handler]:
        routes: dict[str, Route | Handler] = {
            "/robots.txt": Route(self.robots().encode(), "text/plain; charset=utf-8"),
            "/": Route(self.home().encode()),
            BODACC_PATH: self.records,
        }
        for outlet in self.corpus.outlets:
            routes[f"/{outlet.id}/"] = Route(self.listing(outlet).encode())
            for article in self.corpus.articles_of(outlet.id):
                routes[article.path] = Route(self.article_page(outlet, article).encode())
        routes[FEED_PATHS["eco-regions"]] = Route(
            self.rss(self.outlet("eco-regions")).encode(), "application/rss+xml; charset=utf-8"
        )
        routes[FEED_PATHS["industrie-hebdo"]] = Route(
            self.atom(self.outlet("industrie-hebdo")).encode(),
            "application/atom+xml; charset=utf-8",
        )
        routes[FEED_PATHS["france-business-review"]] = Route(
            self.news_sitemap(self.outlet("france-business-review")).encode(), XML, gzip=True
        )
        return routes

    def outlet(self, outlet_id: str) -> Outlet:
        return next(o for o in self.corpus.outlets if o.id == outlet_id)

    # -- pages -------------------------------------------------------------------------

    def robots(self) -> str:
        return (
            f"User-agent: *\nDisallow: /private/\n\n"
            f"Sitemap: {self.base}{FEED_PATHS['france-business-review']}\n"
        )

    def _page(
        self,
        title: str,
        language: str,
        head: str,
        main: str,
        outlet: Outlet | None,
    ) -> str:
        nav = "".join(f'<li><a href="/{o.id}/">{x(o.name)}</a></li>' for o in self.corpus.outlets)
        brand = x(outlet.name) if outlet else "Demo news"
        return (
            f'<!doctype html>\n<html lang="{language}"><head><meta charset="utf-8">'
            f"<title>{x(title)}</title>{head}</head><body>"
            f'<header><p class="brand">{brand}</p><nav><ul>{nav}</ul></nav>'
            '<form action="/search"><input name="q" placeholder="Rechercher"></form></header>'
            f"<main>{main}</main>"
            "<footer><p>Site de démonstration de Myrtille. Entreprises fictives. "
            "Mentions légales · Cookies · Contact · Abonnez-vous à la newsletter</p></footer>"
            "</body></html>"
        )

    def home(self) -> str:
        items = "".join(f'<li><a href="/{o.id}/">{x(o.name)}</a></li>' for o in self.corpus.outlets)
        return self._page("Demo news", "fr", "", f"<h1>Demo news</h1><ul>{items}</ul>", None)

    def listing(self, outlet: Outlet) -> str:
        items = "".join(
            f'<li><a href="{a.path}">{x(a.title)}</a> <time datetime="{a.published.isoformat()}">'
            f"{a.published:%d/%m/%Y}</time></li>"
            for a in self.corpus.articles_of(outlet.id)
        )
        return self._page(
            outlet.name,
            outlet.language,
            "",
            f'<h1>{x(outlet.name)}</h1><ul class="articles">{items}</ul>',
            outlet,
        )

    def article_page(self, outlet: Outlet, article: Article) -> str:
        url = self.base + article.path
        head = (
            f'<link rel="canonical" href="{x(url)}">'
            f'<meta name="author" content="{x(article.author)}">'
            f'<meta property="og:title" content="{x(article.title)}">'
            f'<meta property="og:site_name" content="{x(outlet.name)}">'
            f'<meta property="article:published_time" content="{article.published.isoformat()}">'
            f'<meta name="description" content="{x(article.summary)}">'
        )
        body = "".join(f"<p>{x(p)}</p>" for p in article.paragraphs)
        related = "".join(
            f'<li><a href="{a.path}">{x(a.title)}</a></li>'
            for a in self.corpus.articles_of(outlet.id)[:4]
            if a is not article
        )
        main = (
            f"<article><h1>{x(article.title)}</h1>"
            f'<p class="byline">Par {x(article.author)}, le '
            f'<time datetime="{article.published.isoformat()}">{article.published:%d/%m/%Y}'
            f'</time></p><p class="standfirst"><strong>{x(article.summary)}</strong></p>'
            f"{body}</article>"
            f"<aside><h2>Lire aussi</h2><ul>{related}</ul></aside>"
        )
        return self._page(article.title, article.language, head, main, outlet)

    # -- feeds -------------------------------------------------------------------------

    def rss(self, outlet: Outlet) -> str:
        items = "".join(
            f"<item><title>{x(a.title)}</title>"
            f"<link>{x(self.base + a.path + TRACKING)}</link>"
            f'<guid isPermaLink="false">{x(outlet.id + ":" + a.slug)}</guid>'
            f"<description>{x(a.summary)}</description>"
            f"<author>redaction@demo.example ({x(a.author)})</author>"
            f"<pubDate>{format_datetime(a.published)}</pubDate></item>"
            for a in self.corpus.articles_of(outlet.id)
        )
        return (
            '<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel>'
            f"<title>{x(outlet.name)}</title><link>{self.base}/{outlet.id}/</link>"
            f"<description>{x(outlet.name)}</description>"
            f"<language>{outlet.language}</language>{items}</channel></rss>"
        )

    def atom(self, outlet: Outlet) -> str:
        articles = self.corpus.articles_of(outlet.id)
        updated = articles[0].published.isoformat() if articles else "2026-01-01T00:00:00Z"
        entries = "".join(
            f"<entry><title>{x(a.title)}</title>"
            f'<link rel="alternate" href="{x(self.base + a.path + TRACKING)}"/>'
            f"<id>tag:demo.example,2026:{outlet.id}:{a.slug}</id>"
            f"<published>{a.published.isoformat()}</published>"
            f"<updated>{a.published.isoformat()}</updated>"
            f"<author><name>{x(a.author)}</name></author>"
            f'<summary type="text">{x(a.summary)}</summary></entry>'
            for a in articles
        )
        return (
            '<?xml version="1.0" encoding="utf-8"?>\n'
            f'<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="{outlet.language}">'
            f"<title>{x(outlet.name)}</title><id>{self.base}/{outlet.id}/</id>"
            f'<link rel="self" href="{self.base}{FEED_PATHS[outlet.id]}"/>'
            f"<updated>{updated}</updated>{entries}</feed>"
        )

    def news_sitemap(self, outlet: Outlet) -> str:
        urls = "".join(
            f"<url><loc>{x(self.base + a.path)}</loc>"
            f"<lastmod>{a.published.astimezone(UTC).isoformat()}</lastmod>"
            "<news:news><news:publication>"
            f"<news:name>{x(outlet.name)}</news:name><news:language>{a.language}</news:language>"
            f"</news:publication><news:publication_date>{a.published.isoformat()}"
            f"</news:publication_date><news:title>{x(a.title)}</news:title></news:news></url>"
            for a in self.corpus.articles_of(outlet.id)
        )
        return (
            '<?xml version="1.0" encoding="utf-8"?>\n'
            '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
            'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">'
            f"{urls}</urlset>"
        )

    # -- open data ---------------------------------------------------------------------

    def records(self, request: Request, server: RouteServer) -> Route:
        params = parse_qs(request.query)
        try:
            limit = min(int(params.get("limit", ["10"])[0]), 100)
            offset = max(int(params.get("offset", ["0"])[0]), 0)
        except ValueError:
            return Route(
                json.dumps({"error": "limit and offset must be integers"}).encode(),
                "application/json",
                status=400,
                conditional=False,
            )
        notices = sorted(
            self.corpus.notices, key=lambda n: (str(n["dateparution"]), n["id"]), reverse=True
        )
        page = [
            {k: v for k, v in n.items() if k != "gold"} for n in notices[offset : offset + limit]
        ]
        body = json.dumps(
            {"total_count": len(notices), "results": page}, ensure_ascii=False, default=str
        )
        return Route(body.encode(), "application/json; charset=utf-8", conditional=False)
