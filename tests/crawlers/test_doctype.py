"""DOCTYPE and ENTITY declarations leave a feed before feedparser reads it; ordinary
entities still read, and a declaration that cannot be removed safely refuses the feed."""

from __future__ import annotations

import pytest

from myrtille.crawlers.doctype import strip_declarations
from myrtille.crawlers.feeds import parse_feed
from myrtille.exceptions import SourceError

URL = "http://fixture.example/feed.xml"
BODY = (
    '<rss version="2.0"><channel><title>Éco &amp; co</title>'
    "<item><title>Fusion &amp; acquisition &eacute;t&eacute;&nbsp;2026</title>"
    "<link>http://fixture.example/1</link>"
    "<description><![CDATA[<p>Caf&eacute; &amp; th&eacute; &lt;b&gt; &e; fin</p>]]>"
    "</description></item>"
    "<item><title>Deux</title><link>http://fixture.example/2</link>"
    "<description>&lt;p&gt;R&amp;eacute;sum&amp;eacute; &amp;amp; co&lt;/p&gt;</description>"
    "</item></channel></rss>"
)
# Quotes, a comment and ']>' inside the subset must not end the declaration early.
DOCTYPE = (
    '<!DOCTYPE rss [ <!-- a "comment" ]> --> <!ENTITY nbsp "&#160;">'
    ' <!ENTITY e "]> <b>' + "A" * 5000 + '</b>"> ]>'
)
PROLOG = '<?xml version="1.0" encoding="utf-8"?>\n'


def entries(body: bytes, headers: dict[str, str] | None = None) -> list[tuple[str, str]]:
    feed = parse_feed(body, URL, headers or {"Content-Type": "application/rss+xml"})
    return [(e.title, e.summary) for e in feed.entries]


def test_ordinary_entities_read_the_same_with_or_without_a_doctype() -> None:
    plain = entries((PROLOG + BODY).encode())
    assert plain == [
        # An undeclared reference stays exactly as written (issue 15: feedparser's HTML
        # sanitizer, which made it '&e', is no longer run: entries keep plain text).
        ("Fusion & acquisition été 2026", "Café & thé <b> &e; fin"),
        ("Deux", "Résumé & co"),
    ]
    declared = (PROLOG + DOCTYPE + "\n" + BODY).encode()
    assert entries(declared) == plain
    feed = parse_feed(declared, URL, {})
    assert any("DOCTYPE" in w and "ignored" in w for w in feed.warnings)


def test_a_utf16_feed_loses_its_declarations_too() -> None:
    body = ('<?xml version="1.0" encoding="utf-16"?>\n' + DOCTYPE + BODY).encode("utf-16")
    stripped = strip_declarations(body, {})
    assert stripped.removed == 1
    assert "A" * 100 not in stripped.body.decode("utf-16")
    assert entries(body)[1] == ("Deux", "Résumé & co")


def test_a_declaration_hidden_by_the_http_charset_is_refused() -> None:
    # No BOM and no XML declaration: only the header says UTF-16, which feedparser obeys.
    body = (DOCTYPE + BODY).encode("utf-16-be")
    with pytest.raises(SourceError, match="could not be removed safely"):
        parse_feed(body, URL, {"Content-Type": "application/xml; charset=utf-16be"})


def test_an_unterminated_doctype_is_refused() -> None:
    with pytest.raises(SourceError, match="never ends"):
        parse_feed((PROLOG + '<!DOCTYPE rss [ <!ENTITY e "open').encode(), URL, {})
