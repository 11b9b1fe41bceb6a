"""Sites with link rules, sitemaps (index, gzip, Google News) and open-data record APIs."""

from __future__ import annotations

import gzip
import json
from collections.abc import Callable
from urllib.parse import parse_qs

from myrtille.crawlers.runner import CrawlReport
from myrtille.demo.httpserver import Request, Route, RouteServer
from myrtille.pipeline.intake import Intake
from myrtille.store.database import open_database
from tests.crawlers.pages import article_html, sitemap, sitemap_index

RECORDS = "/api/explore/v2.1/catalog/datasets/annonces-commerciales/records"


def documents(settings) -> dict[str, object]:  # type: ignore[no-untyped-def]
    return {d.title: d for d in Intake(open_database(settings.state_url)).documents()}


def test_site_listing_with_link_rules(
    server: RouteServer, settings_for, crawl: Callable[..., CrawlReport]
) -> None:
    for n in range(3):
        server.routes[f"/actus/2026/article-{n}.html"] = Route(
            article_html(f"Actu {n}", name=f"Entreprise {n}").encode()
        )
    server.routes["/tag/industrie.html"] = Route(article_html("Page de tag").encode())
    server.routes["/actus/"] = Route(
        (
            "<html><body><ul class='list'>"
            + "".join(
                f"<li><a href='/actus/2026/article-{n}.html'>Actu {n}</a></li>" for n in range(2)
            )
            + "<li><a href='/tag/industrie.html'>Industrie</a></li>"
            "<li><a href='https://elsewhere.example/actus/2026/x.html'>ailleurs</a></li>"
            "</ul><div class='more'><a href='/actus/2026/article-2.html'>Actu 2</a></div>"
            "</body></html>"
        ).encode()
    )
    settings = settings_for(
        [
            {
                "id": "site",
                "kind": "site",
                "url": server.url("/actus/"),
                "links": {"allow": [r"/actus/\d{4}/"], "deny": ["/tag/"]},
            },
        ]
    )
    report = crawl(settings)
    assert report.outcomes["site"].error is None
    assert sorted(documents(settings)) == ["Actu 0", "Actu 1", "Actu 2"]
    assert server.hits["/tag/industrie.html"] == 0


def test_site_css_selectors_restrict_links(
    server: RouteServer, settings_for, crawl: Callable[..., CrawlReport]
) -> None:
    server.routes["/a.html"] = Route(article_html("Dans la liste").encode())
    server.routes["/b.html"] = Route(article_html("Hors liste", name="Zeta").encode())
    server.routes["/"] = Route(
        b"<html><body><ul class='list'><li><a href='/a.html'>A</a></li>"
        b"</ul><aside><a href='/b.html'>B</a></aside></body></html>"
    )
    settings = settings_for(
        [{"id": "site", "kind": "site", "url": server.url("/"), "links": {"css": ["ul.list"]}}]
    )
    crawl(settings)
    assert list(documents(settings)) == ["Dans la liste"]


def test_sitemap_index_gzip_and_google_news(
    server: RouteServer, settings_for, crawl: Callable[..., CrawlReport]
) -> None:
    urls = []
    for n in range(4):
        path = f"/en/story-{n}.html"
        server.routes[path] = Route(
            article_html(f"Page title {n}", lang="en", name=f"Company {n}", published=None).encode()
        )
        urls.append(server.url(path))
    server.routes["/news.xml"] = Route(sitemap(urls[:2], news=True).encode(), "application/xml")
    server.routes["/more.xml.gz"] = Route(
        gzip.compress(sitemap(urls[2:]).encode()), "application/x-gzip"
    )
    server.routes["/index.xml"] = Route(
        sitemap_index([server.url("/news.xml"), server.url("/more.xml.gz")]).encode(),
        "application/xml",
    )
    settings = settings_for(
        [
            {
                "id": "maps",
                "kind": "sitemap",
                "url": server.url("/index.xml"),
                "links": {"deny": ["story-3"]},
            }
        ]
    )
    report = crawl(settings)
    assert report.outcomes["maps"].error is None, report.outcomes["maps"].error
    docs = documents(settings)
    assert sorted(docs) == ["Page title 0", "Page title 1", "Page title 2"]
    news = docs["Page title 1"]
    # The Google News sitemap gives the publication date and language.
    assert news.published_at is not None and news.published_at.day == 2  # type: ignore[attr-defined]
    assert news.language == "en"  # type: ignore[attr-defined]
    assert server.hits["/en/story-3.html"] == 0


def bodacc_records(total: int) -> list[dict[str, object]]:
    return [
        {
            "id": f"A2026{n:05d}",
            "familleavis": "collective",
            "familleavis_lib": "Procédures collectives",
            "typeavis_lib": "Avis initial",
            "dateparution": f"2026-10-{28 - n % 27:02d}",
            "numeroannonce": n,
            "tribunal": "Tribunal de commerce de Toulouse",
            "commercant": f"Société {n} SAS",
            "registre": ["912 345 675", "912345675"],
            "ville": "Toulouse",
            "cp": "31400",
            "numerodepartement": "31",
            "region_code": "76",
            "jugement": json.dumps(
                {
                    "nature": "Jugement d'ouverture d'une procédure de redressement judiciaire",
                    "date": "2026-10-01",
                }
            ),
        }
        for n in range(total)
    ]


def test_opendata_records_are_paged_and_keep_their_fields(
    server: RouteServer, settings_for, crawl: Callable[..., CrawlReport]
) -> None:
    records = bodacc_records(25)

    def api(request: Request, _: RouteServer) -> Route:
        params = parse_qs(request.query)
        limit, offset = int(params["limit"][0]), int(params["offset"][0])
        body = {"total_count": len(records), "results": records[offset : offset + limit]}
        return Route(json.dumps(body).encode(), "application/json", conditional=False)

    server.routes[RECORDS] = api
    settings = settings_for(
        [
            {
                "id": "bodacc",
                "kind": "opendata",
                "preset": "bodacc",
                "url": server.url(RECORDS),
                "page_size": 10,
            }
        ]
    )
    report = crawl(settings)
    assert report.outcomes["bodacc"].new == 25
    pages = [parse_qs(r.query) for r in server.requests if r.path == RECORDS]
    assert [p["offset"][0] for p in pages] == ["0", "10", "20"]
    assert pages[0]["order_by"] == ["dateparution desc"]
    doc = documents(settings)["Procédures collectives — Société 3 SAS (Toulouse)"]
    assert doc.kind == "notice" and doc.extraction == "record"  # type: ignore[attr-defined]
    assert "redressement judiciaire" in doc.text  # type: ignore[attr-defined]
    fields = doc.fields  # type: ignore[attr-defined]
    assert fields["siren"] == "912345675"
    assert fields["notice_type"] == "collective"
    assert fields["department"] == "31" and fields["postcode"] == "31400"
    assert doc.published_at.isoformat() == "2026-10-25T00:00:00+00:00"  # type: ignore[attr-defined]

    # A second poll stops at the first page with nothing new.
    again = crawl(settings)
    assert again.new == 0 and again.outcomes["bodacc"].known == 10
    assert len([r for r in server.requests if r.path == RECORDS]) == 4


def test_opendata_unreadable_answer_is_an_error(
    server: RouteServer, settings_for, crawl: Callable[..., CrawlReport]
) -> None:
    server.routes[RECORDS] = Route(b'{"error": "no such dataset"}', "application/json")
    settings = settings_for(
        [{"id": "bodacc", "kind": "opendata", "preset": "bodacc", "url": server.url(RECORDS)}]
    )
    error = crawl(settings).outcomes["bodacc"].error or ""
    assert "no 'results' or 'records' list" in error
