# ruff: noqa: E501 - corpus data: long literal payloads read better on one line
"""Hostile article pages for the corpus: scripts and handlers everywhere, lying
encodings, broken markup, deep nesting, enormous titles, and resources on the canary
that nothing may fetch."""

from __future__ import annotations

from collections.abc import Iterator

from tests.corpora.spec import CANARY, Case

HTML = "text/html; charset=utf-8"
HTML_BARE = "text/html"
PARAGRAPH = (
    "La société Aérovolt, installée à Toulouse, annonce une levée de fonds de 12 millions "
    "d'euros pour industrialiser son moteur électrique. Son dirigeant explique que "
    "l'entreprise veut accélérer à l'export tout en préparant de nouveaux produits."
)
BODY = "".join(f"<p>{PARAGRAPH} Paragraphe {n}.</p>" for n in range(4))


def page(title: str, body: str = BODY, *, head: str = "", charset: str = "utf-8") -> str:
    meta = f'<meta charset="{charset}">' if charset else ""
    return (
        f'<!doctype html><html lang="fr"><head>{meta}<title>{title}</title>{head}</head>'
        f"<body><article><h1>{title}</h1>{body}</article></body></html>"
    )


def _scripts() -> Iterator[Case]:
    js = "javascript:alert(1)"
    bodies = {
        "inline-script": "<script>alert(document.cookie)</script>"
        + BODY
        + "<script>fetch('/x')</script>",
        "handlers": BODY.replace("<p>", "<p onclick='alert(1)' onmouseover=alert(2)>")
        + "<img src=x onerror=alert(3)>",
        "js-links": BODY
        + f"<a href='{js}'>a</a><a href='JAVASCRIPT:alert(2)'>b</a><a href='&#106;&#97;vascript:alert(3)'>c</a>",
        "svg": BODY
        + "<svg><script>alert(1)</script><a xlink:href='javascript:alert(2)'><text>t</text></a></svg>",
        "iframes": BODY
        + f"<iframe src='{CANARY}/frame'></iframe><iframe srcdoc=\"<script>alert(1)</script>\"></iframe>",
        "remote-resources": BODY
        + f"<img src='{CANARY}/img.png'><script src='{CANARY}/app.js'></script><link rel=stylesheet href='{CANARY}/c.css'><video src='{CANARY}/v.mp4' poster='{CANARY}/p.png'></video>",
        "forms": BODY
        + f"<form action='{CANARY}/login'><input type=password name=p autofocus onfocus=alert(1)></form>",
        "styles": "<style>@import url('"
        + CANARY
        + "/i.css'); p{background:url(javascript:alert(1))}</style>"
        + BODY.replace("<p>", "<p style='behavior:url(x.htc);x:expression(alert(1))'>"),
        "object-embed": BODY
        + f"<object data='{CANARY}/o.swf'></object><embed src='{CANARY}/e.swf'>",
        "template-noscript": BODY
        + "<template><script>alert(1)</script></template><noscript><p>Activez JavaScript <img src=x onerror=alert(1)></p></noscript>",
        "mutation-xss": BODY
        + '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript><math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
        "script-in-text": BODY.replace(
            "Aérovolt", "&lt;script&gt;alert('Aérovolt')&lt;/script&gt;"
        ),
        "json-ld": f'<script type=\'application/ld+json\'>{{"@type":"NewsArticle","headline":"</script><script>alert(1)</script>","url":"{js}"}}</script>'
        + BODY,
        "data-uris": BODY
        + "<a href='data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=='>d</a><img src='data:image/svg+xml,<svg onload=alert(1)>'>",
    }
    for name, body in bodies.items():
        yield Case(
            f"script-{name}.html", page(f"Page {name}", body), f"{name} around an ordinary article"
        )
    yield Case(
        "script-title.html",
        page("&lt;script&gt;alert(1)&lt;/script&gt; Aérovolt &lt;img src=x onerror=alert(2)&gt;"),
        "markup written as text in the title",
    )
    yield Case(
        "script-meta-everywhere.html",
        page(
            "Méta",
            head=(
                f"<meta name='author' content='<script>alert(1)</script>'><meta property='og:title' content='<img src=x onerror=alert(1)>'>"
                f"<meta property='og:url' content='{js}'><link rel=canonical href='{js}'><meta property='article:published_time' content='<script>'>"
            ),
        ),
        "scripts in the author, Open Graph and canonical metadata",
    )
    yield Case(
        "script-canonical-canary.html",
        page(
            "Canonique",
            head=f"<link rel=canonical href='{CANARY}/canonical'><base href='{CANARY}/'><meta http-equiv=refresh content='0;url={CANARY}/refresh'>",
        ),
        "canonical, base and refresh pointing at the canary",
    )


def _encodings() -> Iterator[Case]:
    text = page("Société générale — coût 5 € « été »", BODY)
    yield Case(
        "enc-cp1252-meta-utf8.html",
        text.encode("cp1252"),
        "Windows-1252 bytes, meta says UTF-8",
        HTML_BARE,
    )
    yield Case(
        "enc-cp1252-http-utf8.html",
        text.replace('<meta charset="utf-8">', "").encode("cp1252"),
        "Windows-1252 bytes, HTTP says UTF-8",
        HTML,
    )
    yield Case(
        "enc-utf8-http-latin1.html",
        text.encode("utf-8"),
        "UTF-8 bytes, HTTP says ISO-8859-1",
        "text/html; charset=iso-8859-1",
    )
    chinese = page(
        "台積電宣布在高雄設廠",
        "<p>" + "新竹科學園區的半導體公司公布財報，並宣布新的投資計畫。" * 20 + "</p>",
        charset="",
    )
    yield Case(
        "enc-big5-undeclared.html", chinese.encode("big5"), "Big5 with no declaration", HTML_BARE
    )
    yield Case(
        "enc-big5-meta-utf8.html",
        chinese.replace("<head>", '<head><meta charset="utf-8">').encode("big5"),
        "Big5 bytes, meta says UTF-8",
        HTML_BARE,
    )
    korean = page(
        "삼성전자 새로운 공장 투자 발표",
        "<p>" + "반도체 사업부가 신규 투자를 발표했다. 회사는 새 공장을 짓는다. " * 20 + "</p>",
        charset="euc-kr",
    )
    yield Case("enc-euckr-declared.html", korean.encode("euc-kr"), "EUC-KR, declared", HTML_BARE)
    yield Case(
        "enc-euckr-http-utf8.html", korean.encode("euc-kr"), "EUC-KR bytes, HTTP says UTF-8", HTML
    )
    raw = text.encode("utf-8")
    yield Case(
        "enc-invalid-utf8.html",
        raw.replace("Société".encode(), b"Soci\xff\xfe\xc3t\xe9").replace(
            "été".encode(), b"\xed\xa0\x80"
        ),
        "bytes that are never UTF-8, an encoded surrogate",
        HTML,
    )
    yield Case(
        "enc-utf16-bom.html",
        text.replace('charset="utf-8"', 'charset="utf-16"').encode("utf-16"),
        "UTF-16 with a byte order mark",
        HTML_BARE,
    )
    yield Case(
        "enc-utf16-http-utf8.html",
        text.encode("utf-16-le"),
        "UTF-16LE bytes without BOM, HTTP says UTF-8",
        HTML,
    )
    yield Case(
        "enc-utf8-bom-meta-latin1.html",
        b"\xef\xbb\xbf" + text.replace('charset="utf-8"', 'charset="iso-8859-1"').encode("utf-8"),
        "a UTF-8 BOM, meta says ISO-8859-1",
        HTML_BARE,
    )
    yield Case(
        "enc-nul-and-controls.html",
        raw.replace(b"Paragraphe 1", b"Para\x00\x00graphe\x01\x02\x1b[31m 1"),
        "NUL bytes, C0 controls and a terminal escape in the text",
        HTML,
    )
    yield Case(
        "enc-bogus-charset.html",
        raw,
        "an HTTP charset that does not exist",
        "text/html; charset=x-nothing",
    )


def _structure() -> Iterator[Case]:
    yield Case(
        "broken-unclosed.html",
        "<html><head><title>Non fermé<body><article><h1>Non fermé<p>"
        + PARAGRAPH * 3
        + "<p><b><i><u>"
        + PARAGRAPH,
        "no tag ever closed",
    )
    yield Case(
        "broken-tag-soup.html",
        "<p><table><tr><p>"
        + PARAGRAPH
        + "</table></p></td><div></span>"
        + PARAGRAPH * 3
        + "</html></html><body>",
        "overlapping and stray end tags",
    )
    yield Case("broken-no-body.html", "<title>Sans corps</title>", "a title and nothing else")
    yield Case(
        "broken-only-script.html",
        "<html><body><script>" + "var a=1;" * 2_000 + "</script></body></html>",
        "a page that is only a script",
    )
    yield Case("broken-binary.html", bytes(range(256)) * 30, "binary noise served as HTML")
    yield Case(
        "broken-xml-declaration.html",
        '<?xml version="1.0" encoding="utf-16"?>' + page("Déclaration XML", BODY),
        "an XML declaration claiming UTF-16 on UTF-8 bytes",
    )
    yield Case(
        "broken-doctype-entities.html",
        f'<!DOCTYPE html [<!ENTITY x SYSTEM "{CANARY}/html-entity"><!ENTITY y "{"Y" * 5_000}">]>'
        + page("&x;&y;&y;&y;", BODY + "&y;" * 1_000),
        "an HTML DOCTYPE with external and large entities",
    )
    deep = "<div>" * 5_000 + PARAGRAPH + "</div>" * 5_000
    yield Case(
        "nested-divs.html", page("Imbriqué", BODY + deep), "5,000 nested <div> around a paragraph"
    )
    yield Case(
        "nested-unclosed.html",
        page("Jamais fermé", BODY + "<div><span>" * 3_000 + PARAGRAPH),
        "6,000 nested elements never closed",
    )
    yield Case(
        "nested-tables.html",
        page("Tableaux", "<table><tr><td>" * 1_000 + BODY + "</td></tr></table>" * 1_000),
        "1,000 nested tables",
    )
    yield Case("huge-title.html", page("Titre " * 3_000, BODY), "an 18,000-character title")
    yield Case(
        "huge-attribute.html",
        page("Attribut", BODY.replace("<p>", f"<p data-x='{'x' * 20_000}'>", 1)),
        "a 20,000-character attribute",
    )
    yield Case(
        "huge-word.html",
        page("Mot", "<p>" + "m" * 30_000 + "</p>" + BODY),
        "one 30,000-character word",
    )
    yield Case(
        "many-links.html",
        page(
            "Liens", BODY + "".join(f"<a href='{CANARY}/l{n}'>lien {n}</a> " for n in range(1_000))
        ),
        "1,000 links to the canary",
    )
    yield Case("empty.html", "", "an empty body")


def page_cases() -> Iterator[Case]:
    for group in (_scripts, _encodings, _structure):
        yield from group()
