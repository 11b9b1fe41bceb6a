"""Builders of fixture feeds, pages and sitemaps served by the local test server."""

from __future__ import annotations

from html import escape

PARAGRAPH = (
    "La société {name}, installée à {city}, annonce {event}. Son dirigeant explique que "
    "l'entreprise veut accélérer sur ses marchés historiques tout en préparant de nouveaux "
    "produits pour l'export. Les salariés ont été informés lors d'une réunion interne, et "
    "les partenaires financiers ont confirmé leur soutien au projet présenté cette semaine."
)


def article_html(
    title: str,
    *,
    name: str = "Aérovolt",
    city: str = "Toulouse",
    event: str = "une levée de fonds de 12 millions d'euros",
    canonical: str | None = None,
    lang: str = "fr",
    published: str | None = "2026-10-03T08:15:00+02:00",
    author: str = "Claire Dumas",
    paragraphs: int = 3,
) -> str:
    head = f'<title>{escape(title)}</title><meta name="author" content="{escape(author)}">'
    if canonical:
        head += f'<link rel="canonical" href="{escape(canonical)}">'
    if published:
        head += f'<meta property="article:published_time" content="{published}">'
    body = "".join(
        f"<p>{escape(PARAGRAPH.format(name=name, city=city, event=event))} Paragraphe {n}.</p>"
        for n in range(paragraphs)
    )
    return (
        f'<!doctype html><html lang="{lang}"><head><meta charset="utf-8">{head}</head>'
        f"<body><nav><a href='/'>Accueil</a></nav><article><h1>{escape(title)}</h1>"
        f"{body}</article><footer>Mentions légales</footer></body></html>"
    )


def rss(
    items: list[dict[str, str | None]],
    *,
    title: str = "Fixture news",
    language: str = "fr",
    encoding: str = "utf-8",
) -> str:
    rendered = []
    for item in items:
        parts = [f"<title>{escape(item.get('title') or '')}</title>"]
        if item.get("link"):
            parts.append(f"<link>{escape(item['link'] or '')}</link>")
        if item.get("description"):
            parts.append(f"<description>{escape(item['description'] or '')}</description>")
        if item.get("date"):
            parts.append(f"<pubDate>{item['date']}</pubDate>")
        rendered.append("<item>" + "".join(parts) + "</item>")
    return (
        f'<?xml version="1.0" encoding="{encoding}"?>\n<rss version="2.0"><channel>'
        f"<title>{escape(title)}</title><link>http://fixture.example/</link>"
        f"<language>{language}</language>{''.join(rendered)}</channel></rss>"
    )


def atom(entries: list[dict[str, str]], *, title: str = "Fixture Atom") -> str:
    rendered = "".join(
        f'<entry><title>{escape(e["title"])}</title><link href="{escape(e["link"])}"/>'
        f"<id>{escape(e['link'])}</id><updated>{e.get('date', '2026-10-01T10:00:00Z')}</updated>"
        f"<summary>{escape(e.get('description', ''))}</summary></entry>"
        for e in entries
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">'
        f"<title>{escape(title)}</title><id>urn:fixture</id>"
        f"<updated>2026-10-01T10:00:00Z</updated>{rendered}</feed>"
    )


def sitemap(urls: list[str], *, news: bool = False) -> str:
    items = []
    for n, url in enumerate(urls):
        extra = ""
        if news:
            extra = (
                "<news:news><news:publication><news:name>Fixture</news:name>"
                "<news:language>en</news:language></news:publication>"
                f"<news:publication_date>2026-10-0{n % 9 + 1}T09:00:00+02:00"
                f"</news:publication_date><news:title>News title {n}</news:title>"
                "</news:news>"
            )
        items.append(f"<url><loc>{escape(url)}</loc><lastmod>2026-10-01</lastmod>{extra}</url>")
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
        'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">'
        f"{''.join(items)}</urlset>"
    )


def sitemap_index(urls: list[str]) -> str:
    items = "".join(f"<sitemap><loc>{escape(u)}</loc></sitemap>" for u in urls)
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{items}'
        "</sitemapindex>"
    )
