"""What the hostile feeds are built from: an RSS item, a feed around items, an ordinary
pair of entries, the content types they are served with."""

from __future__ import annotations

RSS = "application/rss+xml; charset=utf-8"
RSS_BARE = "application/rss+xml"
ATOM = "application/atom+xml; charset=utf-8"
XSS = "<script>alert(document.cookie)</script>"


def item(title: str, link: str, description: str = "Résumé de l'article.", extra: str = "") -> str:
    return (
        f"<item><title>{title}</title><link>{link}</link>"
        f"<description>{description}</description>{extra}</item>"
    )


def rss(
    items: str, *, head: str = '<?xml version="1.0" encoding="utf-8"?>\n', channel: str = ""
) -> str:
    return (
        f'{head}<rss version="2.0"><channel><title>Corpus</title>'
        f"<link>https://corpus.example/</link>{channel}{items}</channel></rss>"
    )


GOOD = item("Aérovolt lève 12 millions d'euros", "/a/good-1.html") + item(
    "Hélicea ouvre un site à Blagnac", "/a/good-2.html"
)
